//! The `# key: value` lines of a population file: where its figures come from.
//!
//! A line starting with `#` is either metadata or a comment. It is metadata when the text after
//! the `#` reads `key: value` and the key is a word of lowercase letters, digits and `_`
//! (`# source: CBS StatLine 03759ned`); anything else (`# Bevolking per 1 januari`) is a comment
//! for people and is ignored. The keys are:
//!
//! | key | value | required |
//! |---|---|---|
//! | [`SOURCE`] | who published the figures, and which table | yes |
//! | [`REFERENCE_DATE`] | the date they describe, `YYYY-MM-DD` | yes |
//! | [`ILLUSTRATIVE`] | `true` or `false` (the default): whether they are not official | no |
//!
//! An unknown key is an error rather than a comment, because a misspelt `illustrative` would
//! otherwise present made-up figures as official ones. Each key appears at most once.

use chrono::NaiveDate;

use super::Provenance;
use super::parse::PopulationError;

/// The key naming the publisher and table of the figures.
pub const SOURCE: &str = "source";
/// The key of the date the figures describe.
pub const REFERENCE_DATE: &str = "reference_date";
/// The key that marks figures as not official.
pub const ILLUSTRATIVE: &str = "illustrative";

/// The metadata lines of a file, gathered while it is read.
#[derive(Debug, Default)]
pub(super) struct Meta {
    source: Option<String>,
    reference_date: Option<NaiveDate>,
    illustrative: Option<bool>,
    /// Keys given with a wrong value: not reported again as missing.
    failed: Vec<String>,
}

impl Meta {
    /// Takes in one `#` line (`text` without the `#`), numbered `line` from 1.
    pub(super) fn read(&mut self, line: u64, text: &str) -> Result<(), PopulationError> {
        let Some((key, value)) = key_value(text) else {
            return Ok(());
        };
        let read = self.read_key(line, key, value);
        if read.is_err() {
            self.failed.push(key.to_owned());
        }
        read
    }

    fn read_key(&mut self, line: u64, key: &str, value: &str) -> Result<(), PopulationError> {
        let empty = || PopulationError::EmptyValue {
            line,
            key: key.to_owned(),
        };
        let repeated = || PopulationError::RepeatedKey {
            line,
            key: key.to_owned(),
        };
        match key {
            SOURCE => {
                if value.is_empty() {
                    return Err(empty());
                }
                if self.source.replace(value.to_owned()).is_some() {
                    return Err(repeated());
                }
            }
            REFERENCE_DATE => {
                if value.is_empty() {
                    return Err(empty());
                }
                let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
                    PopulationError::ReferenceDate {
                        line,
                        value: value.to_owned(),
                    }
                })?;
                if self.reference_date.replace(date).is_some() {
                    return Err(repeated());
                }
            }
            ILLUSTRATIVE => {
                let flag = match value {
                    "true" => true,
                    "false" => false,
                    _ => {
                        return Err(PopulationError::Illustrative {
                            line,
                            value: value.to_owned(),
                        });
                    }
                };
                if self.illustrative.replace(flag).is_some() {
                    return Err(repeated());
                }
            }
            _ => {
                return Err(PopulationError::UnknownKey {
                    line,
                    key: key.to_owned(),
                });
            }
        }
        Ok(())
    }

    /// The provenance, once the whole file is read, or what is missing from it (a key whose
    /// line had a problem is not missing: that problem was already reported).
    pub(super) fn finish(self) -> Result<Provenance, Vec<PopulationError>> {
        let failed = |key: &str| self.failed.iter().any(|k| k == key);
        let mut missing = Vec::new();
        if self.source.is_none() && !failed(SOURCE) {
            missing.push(PopulationError::MissingSource);
        }
        if self.reference_date.is_none() && !failed(REFERENCE_DATE) {
            missing.push(PopulationError::MissingReferenceDate);
        }
        match (self.source, self.reference_date) {
            (Some(source), Some(reference_date)) if missing.is_empty() => Ok(Provenance {
                source,
                reference_date,
                illustrative: self.illustrative.unwrap_or(false),
            }),
            _ => Err(missing),
        }
    }
}

/// `key` and `value` of a metadata line, or `None` for a comment.
fn key_value(text: &str) -> Option<(&str, &str)> {
    let (key, value) = text.split_once(':')?;
    let key = key.trim();
    let is_key = key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    is_key.then(|| (key, value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_lowercase_key_before_a_colon_makes_metadata() {
        assert_eq!(
            key_value(" source: CBS StatLine 03759ned"),
            Some(("source", "CBS StatLine 03759ned"))
        );
        assert_eq!(
            key_value(" source: https://opendata.cbs.nl/"),
            Some(("source", "https://opendata.cbs.nl/"))
        );
        assert_eq!(key_value(" Bevolking per 1 januari"), None);
        assert_eq!(key_value(" Let op: afgerond"), None);
        assert_eq!(key_value(": leeg"), None);
    }
}
