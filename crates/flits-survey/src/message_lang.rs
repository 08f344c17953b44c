//! The language of the messages this crate writes for people (validation errors, hints, answer
//! errors).
//!
//! Residents and staff read Dutch by default; English is offered because regional comms teams and
//! residents who do not read Dutch use the same tools. This is the language of *our* messages, not of
//! the poll's texts, which may be in any language the poll offers.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The language messages are written in. Dutch unless asked otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageLang {
    /// Dutch, the default for everyone.
    #[default]
    Nl,
    /// English.
    En,
}

/// A language code for messages that is neither `nl` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported message language {0:?} (use nl or en)")]
pub struct UnknownMessageLang(pub String);

impl MessageLang {
    /// The language code, as used in `?lang=` and in JSON bodies.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageLang::Nl => "nl",
            MessageLang::En => "en",
        }
    }

    /// Picks a message language from a loose code such as `en`, `EN`, `en-GB` or an empty string,
    /// falling back to Dutch. Meant for `?lang=`, `Accept-Language` tags and JSON `lang` fields,
    /// where refusing the request over an odd code would only hurt the resident.
    pub fn from_code_or_default(code: &str) -> Self {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            MessageLang::En
        } else {
            MessageLang::Nl
        }
    }

    /// Chooses between the Dutch and the English wording of one message.
    pub fn pick(self, nl: String, en: String) -> String {
        match self {
            MessageLang::Nl => nl,
            MessageLang::En => en,
        }
    }
}

impl fmt::Display for MessageLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MessageLang {
    type Err = UnknownMessageLang;

    /// Strict parsing (`nl` or `en`, any case), for configuration and command-line options.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" => Ok(MessageLang::Nl),
            "en" => Ok(MessageLang::En),
            _ => Err(UnknownMessageLang(s.to_owned())),
        }
    }
}

/// The name of a text language in a message, e.g. `nl` → "Nederlands" / "Dutch". Codes we have no
/// name for are shown as the code itself.
pub(crate) fn language_name(code: &str, lang: MessageLang) -> String {
    let name = match (code, lang) {
        ("nl", MessageLang::Nl) => "Nederlands",
        ("nl", MessageLang::En) => "Dutch",
        ("en", MessageLang::Nl) => "Engels",
        ("en", MessageLang::En) => "English",
        ("de", MessageLang::Nl) => "Duits",
        ("de", MessageLang::En) => "German",
        ("fr", MessageLang::Nl) => "Frans",
        ("fr", MessageLang::En) => "French",
        ("tr", MessageLang::Nl) => "Turks",
        ("tr", MessageLang::En) => "Turkish",
        ("ar", MessageLang::Nl) => "Arabisch",
        ("ar", MessageLang::En) => "Arabic",
        ("pl", MessageLang::Nl) => "Pools",
        ("pl", MessageLang::En) => "Polish",
        ("uk", MessageLang::Nl) => "Oekraïens",
        ("uk", MessageLang::En) => "Ukrainian",
        ("fy", MessageLang::Nl) => "Fries",
        ("fy", MessageLang::En) => "Frisian",
        _ => return format!("\"{code}\""),
    };
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_strictly_and_loosely() {
        assert_eq!("EN".parse::<MessageLang>().unwrap(), MessageLang::En);
        assert!("de".parse::<MessageLang>().is_err());
        assert_eq!(MessageLang::from_code_or_default("en-GB"), MessageLang::En);
        assert_eq!(MessageLang::from_code_or_default("de"), MessageLang::Nl);
        assert_eq!(MessageLang::from_code_or_default(""), MessageLang::Nl);
        assert_eq!(MessageLang::default(), MessageLang::Nl);
        assert_eq!(serde_json::to_string(&MessageLang::En).unwrap(), "\"en\"");
    }

    #[test]
    fn names_languages() {
        assert_eq!(language_name("en", MessageLang::Nl), "Engels");
        assert_eq!(language_name("xx", MessageLang::En), "\"xx\"");
    }
}
