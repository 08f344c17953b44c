//! Population margins: how many residents of an audience fall in each option of a profile
//! question, and where those figures come from (`flits population import FILE --audience ID`).
//!
//! A [`Margin`] is one profile question's counts (`leeftijd`: `tot30` 10234, `30-44` 8120, …); the
//! [`Margins`] of an audience are all of them, with the [`Provenance`] of the figures, because a
//! comparison is only as good as its source and a figure that is not official must be marked as
//! such wherever it is used. [`Margins::parse`] reads the import file; [`Margins::sum`] builds a
//! region's margins from its municipalities'.

mod meta;
mod parse;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

pub use meta::{ILLUSTRATIVE, REFERENCE_DATE, SOURCE};
pub use parse::PopulationError;

/// Where a set of population figures comes from: what the staff UI shows next to every comparison
/// built on them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// The publisher and table, as the file names it (`CBS StatLine 03759ned`).
    pub source: String,
    /// The date the counts describe (CBS counts residents on 1 January).
    pub reference_date: NaiveDate,
    /// `true` when the figures are not official ones (demo data, estimates): every comparison
    /// built on them must say so.
    pub illustrative: bool,
}

/// One profile question's population counts per option.
///
/// A margin covers the whole population of its audience: an option it does not list has no
/// residents. The fields are private so that every margin has a question id, distinct non-empty
/// option ids and a positive total, which shares and raking targets need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Margin {
    question: String,
    options: Vec<(String, u64)>,
}

/// Why a [`Margin`] or [`Margins`] cannot be made from the given parts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarginError {
    /// A question or option id is empty.
    #[error("an id of question {question:?} is empty")]
    EmptyId { question: String },
    /// An option is listed twice.
    #[error("option {option:?} of question {question:?} is listed twice")]
    DuplicateOption { question: String, option: String },
    /// A margin without residents gives no shares to compare with.
    #[error("question {question:?} has no residents in any option")]
    ZeroTotal { question: String },
    /// Two margins for the same question.
    #[error("question {question:?} has two margins")]
    DuplicateQuestion { question: String },
}

impl MarginError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            MarginError::EmptyId { .. } => "population_empty_id",
            MarginError::DuplicateOption { .. } => "population_duplicate",
            MarginError::ZeroTotal { .. } => "population_zero_total",
            MarginError::DuplicateQuestion { .. } => "population_duplicate_question",
        }
    }
}

impl Margin {
    /// A margin from counts per option, in the order given (the order staff see them in).
    pub fn new(
        question: impl Into<String>,
        options: Vec<(String, u64)>,
    ) -> Result<Margin, MarginError> {
        let question = question.into();
        let mut seen = BTreeSet::new();
        for (option, _) in &options {
            if question.is_empty() || option.is_empty() {
                return Err(MarginError::EmptyId { question });
            }
            if !seen.insert(option.as_str()) {
                return Err(MarginError::DuplicateOption {
                    question,
                    option: option.clone(),
                });
            }
        }
        if options.iter().all(|(_, n)| *n == 0) {
            return Err(MarginError::ZeroTotal { question });
        }
        Ok(Margin { question, options })
    }

    /// The profile question's id.
    pub fn question(&self) -> &str {
        &self.question
    }

    /// Each option id with its count, in order.
    pub fn options(&self) -> &[(String, u64)] {
        &self.options
    }

    /// The number of residents the margin covers (always positive).
    pub fn total(&self) -> u64 {
        self.options
            .iter()
            .fold(0u64, |sum, (_, n)| sum.saturating_add(*n))
    }

    /// Where `option` stands in [`Margin::options`]: the index a raking pattern uses for it.
    pub fn position(&self, option: &str) -> Option<usize> {
        self.options.iter().position(|(id, _)| id == option)
    }

    /// Each option's share of the population, in order; they add up to 1.
    pub fn shares(&self) -> Vec<f64> {
        let total = self.total() as f64;
        self.options
            .iter()
            .map(|(_, n)| *n as f64 / total)
            .collect()
    }
}

/// The population margins of one audience (or the sum of several), with where they come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Margins {
    provenance: Vec<Provenance>,
    margins: Vec<Margin>,
}

impl Margins {
    /// Margins from their parts, e.g. as a store reads them back. Each question may have one
    /// margin only.
    pub fn new(provenance: Vec<Provenance>, margins: Vec<Margin>) -> Result<Margins, MarginError> {
        let mut seen = BTreeSet::new();
        for m in &margins {
            if !seen.insert(m.question()) {
                return Err(MarginError::DuplicateQuestion {
                    question: m.question.clone(),
                });
            }
        }
        Ok(Margins {
            provenance,
            margins,
        })
    }

    /// Reads a population file from text.
    ///
    /// ```text
    /// # source: CBS StatLine 03759ned
    /// # reference_date: 2025-01-01
    /// # illustrative: false
    /// question,option,count
    /// leeftijd,tot30,10234
    /// wijk,centrum,4410
    /// ```
    ///
    /// CSV with the header `question,option,count`: a profile question's id, one of its option
    /// ids as polls for the audience use them, and a whole number of residents. Lines starting
    /// with `#` are `# key: value` metadata when the key is a lowercase word, and comments
    /// otherwise: [`SOURCE`] and [`REFERENCE_DATE`] (`YYYY-MM-DD`) are required, [`ILLUSTRATIVE`]
    /// (`true` or `false`) is optional, and an unknown key is an error, so that a misspelt
    /// `illustrative` cannot pass made-up figures off as official. Blank lines are skipped, spaces
    /// around fields trimmed, a leading byte-order mark ignored. Every error names its line
    /// ([`PopulationError::line`]) and has a stable code ([`PopulationError::code`]).
    pub fn parse(text: &str) -> Result<Margins, PopulationError> {
        parse::parse(text)
    }

    /// Reads a population file from text like [`Margins::parse`], but reports every problem
    /// rather than the first: each line with a problem is left out and reading goes on, so that
    /// the person importing the file can correct it in one go. Errors come in the order of the
    /// file's lines, problems of the file as a whole last; the list is never empty, and its
    /// first error is the one [`Margins::parse`] returns.
    pub fn parse_all_errors(text: &str) -> Result<Margins, Vec<PopulationError>> {
        parse::parse_all(text)
    }

    /// Reads a population file from a reader (the whole file; population files are small).
    pub fn read(mut reader: impl std::io::Read) -> Result<Margins, PopulationError> {
        let mut text = String::new();
        reader
            .read_to_string(&mut text)
            .map_err(PopulationError::Read)?;
        parse::parse(&text)
    }

    /// Where the figures come from: one entry for a file, one per distinct source for a sum.
    pub fn provenance(&self) -> &[Provenance] {
        &self.provenance
    }

    /// Whether any of the figures are illustrative rather than official: then so is every
    /// comparison and every weight built on them.
    pub fn illustrative(&self) -> bool {
        self.provenance.iter().any(|p| p.illustrative)
    }

    /// Every margin, in the order the file lists the questions.
    pub fn margins(&self) -> &[Margin] {
        &self.margins
    }

    /// The margin of one profile question.
    pub fn get(&self, question: &str) -> Option<&Margin> {
        self.margins.iter().find(|m| m.question == question)
    }

    /// The margins of a region from those of its municipalities, or `None` for no parts.
    ///
    /// A question gets a margin only when every part has one for it: a sum over some of the
    /// municipalities would compare the whole region's respondents with part of its residents.
    /// Its options are the union of the parts' options (each municipality lists its own wijken,
    /// and a margin covers its whole population, so an option a part does not list counts 0
    /// there), in the order they first appear. The provenance lists every distinct source, so a
    /// single illustrative part marks the sum as illustrative.
    ///
    /// The caller decides whether to sum at all: a poll for a region uses the sum only when
    /// all of its municipalities have margins.
    pub fn sum<'a>(parts: impl IntoIterator<Item = &'a Margins>) -> Option<Margins> {
        let parts: Vec<&Margins> = parts.into_iter().collect();
        let first = parts.first()?;
        let mut provenance: Vec<Provenance> = Vec::new();
        for p in parts.iter().flat_map(|m| &m.provenance) {
            if !provenance.contains(p) {
                provenance.push(p.clone());
            }
        }
        let margins = first
            .margins
            .iter()
            .filter_map(|m| {
                let all: Vec<&Margin> = parts
                    .iter()
                    .map(|p| p.get(&m.question))
                    .collect::<Option<_>>()?;
                Some(sum_margins(&all))
            })
            .collect();
        Some(Margins {
            provenance,
            margins,
        })
    }
}

/// The option-wise sum of margins of one question (at least one).
fn sum_margins(parts: &[&Margin]) -> Margin {
    let mut options: Vec<(String, u64)> = Vec::new();
    for (option, n) in parts.iter().flat_map(|m| &m.options) {
        match options.iter_mut().find(|(id, _)| id == option) {
            Some((_, sum)) => *sum = sum.saturating_add(*n),
            None => options.push((option.clone(), *n)),
        }
    }
    Margin {
        question: parts
            .first()
            .map(|m| m.question.clone())
            .unwrap_or_default(),
        options,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn margin(question: &str, options: &[(&str, u64)]) -> Margin {
        Margin::new(
            question,
            options.iter().map(|(o, n)| ((*o).to_owned(), *n)).collect(),
        )
        .unwrap()
    }

    fn provenance(source: &str, illustrative: bool) -> Provenance {
        Provenance {
            source: source.into(),
            reference_date: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            illustrative,
        }
    }

    #[test]
    fn a_margin_needs_distinct_options_and_residents() {
        assert_eq!(
            Margin::new("leeftijd", vec![("a".into(), 1), ("a".into(), 2)]),
            Err(MarginError::DuplicateOption {
                question: "leeftijd".into(),
                option: "a".into()
            })
        );
        assert_eq!(
            Margin::new("leeftijd", vec![("a".into(), 0)]),
            Err(MarginError::ZeroTotal {
                question: "leeftijd".into()
            })
        );
        assert_eq!(
            Margin::new("leeftijd", vec![]),
            Err(MarginError::ZeroTotal {
                question: "leeftijd".into()
            })
        );
        assert!(matches!(
            Margin::new("", vec![("a".into(), 1)]),
            Err(MarginError::EmptyId { .. })
        ));
        let m = margin("leeftijd", &[("jong", 1), ("oud", 3)]);
        assert_eq!(m.total(), 4);
        assert_eq!(m.shares(), vec![0.25, 0.75]);
        assert_eq!(m.position("oud"), Some(1));
        assert_eq!(m.position("anders"), None);
        assert!(matches!(
            Margins::new(vec![], vec![m.clone(), m]),
            Err(MarginError::DuplicateQuestion { .. })
        ));
    }

    #[test]
    fn a_region_sums_the_questions_every_municipality_has() {
        let beverwijk = Margins::new(
            vec![provenance("CBS", false)],
            vec![
                margin("leeftijd", &[("jong", 10), ("oud", 20)]),
                margin("wijk", &[("oost", 5), ("west", 7)]),
                margin("eerste_keer", &[("ja", 1), ("nee", 1)]),
            ],
        )
        .unwrap();
        let heemskerk = Margins::new(
            vec![provenance("Gemeente Heemskerk", true)],
            vec![
                margin("wijk", &[("noord", 4), ("oost", 1)]),
                margin("leeftijd", &[("oud", 2), ("jong", 3)]),
            ],
        )
        .unwrap();
        let region = Margins::sum([&beverwijk, &heemskerk]).unwrap();
        assert_eq!(region.margins().len(), 2, "eerste_keer is not in Heemskerk");
        assert_eq!(
            region.get("leeftijd").unwrap().options(),
            &[("jong".into(), 13), ("oud".into(), 22)]
        );
        assert_eq!(
            region.get("wijk").unwrap().options(),
            &[("oost".into(), 6), ("west".into(), 7), ("noord".into(), 4)]
        );
        assert_eq!(region.provenance().len(), 2);
        assert!(region.illustrative(), "one illustrative part marks the sum");
        assert!(!beverwijk.illustrative());
        assert_eq!(Margins::sum([]), None);
        assert_eq!(Margins::sum([&beverwijk]).unwrap(), beverwijk);
    }
}
