//! The named values a problem carries, so the web and command-line layers can word it in the reader's
//! language.
//!
//! This crate never writes sentences: a validation issue, a plain-language hint or an answer error is
//! a stable code plus [`Args`], and the message catalogue (`locales/`) holds the words. Values are
//! text or whole numbers, the two kinds of value a Fluent message can take.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One value of a message argument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ArgValue {
    /// A count, a length, a bound: shown as a number and usable for plural forms.
    Number(i64),
    /// Anything else: an id, a quote from the text, a code the layer above names.
    Text(String),
}

impl From<&str> for ArgValue {
    fn from(s: &str) -> Self {
        ArgValue::Text(s.to_owned())
    }
}

impl From<String> for ArgValue {
    fn from(s: String) -> Self {
        ArgValue::Text(s)
    }
}

impl From<&String> for ArgValue {
    fn from(s: &String) -> Self {
        ArgValue::Text(s.clone())
    }
}

impl From<i64> for ArgValue {
    fn from(n: i64) -> Self {
        ArgValue::Number(n)
    }
}

impl From<u32> for ArgValue {
    fn from(n: u32) -> Self {
        ArgValue::Number(i64::from(n))
    }
}

impl From<usize> for ArgValue {
    /// Counts beyond `i64::MAX` do not occur; they would show as `i64::MAX`.
    fn from(n: usize) -> Self {
        ArgValue::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i128> for ArgValue {
    /// Saturates: a scale of more than `i64::MAX` steps is shown as `i64::MAX` steps.
    fn from(n: i128) -> Self {
        let clamped = n.clamp(i128::from(i64::MIN), i128::from(i64::MAX));
        ArgValue::Number(i64::try_from(clamped).unwrap_or(i64::MAX))
    }
}

impl std::fmt::Display for ArgValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArgValue::Number(n) => write!(f, "{n}"),
            ArgValue::Text(s) => f.write_str(s),
        }
    }
}

/// The arguments of one problem, by name (snake_case, as the catalogue's messages use them), in name
/// order so that they serialise the same way every time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Args(BTreeMap<String, ArgValue>);

impl Args {
    /// No arguments.
    pub fn new() -> Self {
        Args::default()
    }

    /// These arguments and one more (replacing one of the same name).
    pub fn with(mut self, name: &str, value: impl Into<ArgValue>) -> Self {
        self.0.insert(name.to_owned(), value.into());
        self
    }

    /// The value of `name`, if given.
    pub fn get(&self, name: &str) -> Option<&ArgValue> {
        self.0.get(name)
    }

    /// The text value of `name`, if given as text.
    pub fn text(&self, name: &str) -> Option<&str> {
        match self.0.get(name) {
            Some(ArgValue::Text(s)) => Some(s),
            _ => None,
        }
    }

    /// The number value of `name`, if given as a number.
    pub fn number(&self, name: &str) -> Option<i64> {
        match self.0.get(name) {
            Some(ArgValue::Number(n)) => Some(*n),
            _ => None,
        }
    }

    /// Every (name, value) pair, in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ArgValue)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Whether there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_a_plain_object_in_name_order() {
        let args = Args::new()
            .with("words", 22usize)
            .with("quote", "Inzake…")
            .with("min", i64::MIN);
        let json = serde_json::to_string(&args).unwrap();
        assert_eq!(
            json,
            r#"{"min":-9223372036854775808,"quote":"Inzake…","words":22}"#
        );
        assert_eq!(serde_json::from_str::<Args>(&json).unwrap(), args);
        assert_eq!(args.number("words"), Some(22));
        assert_eq!(args.text("quote"), Some("Inzake…"));
        assert_eq!(args.text("words"), None);
        assert_eq!(ArgValue::from(i128::MAX), ArgValue::Number(i64::MAX));
    }
}
