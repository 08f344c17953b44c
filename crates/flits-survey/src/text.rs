//! Texts shown to residents, in one or more languages.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The default language of every text: a plain string in a definition is Dutch.
pub const DEFAULT_LANG: &str = "nl";

/// A resident-facing text: a plain string (Dutch) or a map from language to string.
///
/// Kept in the shape it was written in, so that a definition round-trips unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    /// A Dutch text.
    Plain(String),
    /// Translations by language code, as written (the validator reports a code that is not one of
    /// [`flits_i18n::Locale`]'s, so the author can see what they wrote).
    Translated(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, falling back to Dutch and then to any language present, so a resident
    /// always sees something rather than an empty label.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Translated(map) => map
                .get(lang)
                .or_else(|| map.get(DEFAULT_LANG))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// The text in exactly `lang`, without fallback.
    pub fn exact(&self, lang: &str) -> Option<&str> {
        match self {
            Text::Plain(s) => (lang == DEFAULT_LANG).then_some(s.as_str()),
            Text::Translated(map) => map.get(lang).map(String::as_str),
        }
    }

    /// The languages this text is written in.
    pub fn langs(&self) -> Vec<&str> {
        match self {
            Text::Plain(_) => vec![DEFAULT_LANG],
            Text::Translated(map) => map.keys().map(String::as_str).collect(),
        }
    }

    /// Every (language, text) pair.
    pub fn entries(&self) -> Vec<(&str, &str)> {
        match self {
            Text::Plain(s) => vec![(DEFAULT_LANG, s.as_str())],
            Text::Translated(map) => map.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect(),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_dutch_then_anything() {
        let t: Text = serde_json::from_str(r#"{"nl": "Hallo", "en": "Hello"}"#).unwrap();
        assert_eq!(t.get("en"), "Hello");
        assert_eq!(t.get("de"), "Hallo");
        let only_en: Text = serde_json::from_str(r#"{"en": "Hello"}"#).unwrap();
        assert_eq!(only_en.get("nl"), "Hello");
        assert_eq!(Text::from("Hoi").get("en"), "Hoi");
        assert_eq!(Text::from("Hoi").exact("en"), None);
    }
}
