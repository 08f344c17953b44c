//! The languages Flits speaks.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unic_langid::LanguageIdentifier;

/// A language Flits can show its own texts in. Dutch comes first: it is every poll's default and the
/// language of the municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Locale {
    /// Dutch.
    #[default]
    Nl,
    /// English.
    En,
    /// Turkish.
    Tr,
    /// Polish.
    Pl,
    /// Arabic, written right to left.
    Ar,
}

/// A language code Flits has no texts for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language {0:?} (use one of nl, en, tr, pl, ar)")]
pub struct UnknownLocale(pub String);

impl Locale {
    /// Every language residents can be served in, Dutch first.
    pub const RESIDENT: [Locale; 5] = [Locale::Nl, Locale::En, Locale::Tr, Locale::Pl, Locale::Ar];
    /// The languages of the staff tools.
    pub const STAFF: [Locale; 2] = [Locale::Nl, Locale::En];

    /// The ISO 639-1 code, as used in `?lang=`, the `lang` attribute and poll definitions.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Nl => "nl",
            Locale::En => "en",
            Locale::Tr => "tr",
            Locale::Pl => "pl",
            Locale::Ar => "ar",
        }
    }

    /// Reads a loose language tag (`en`, `EN`, `en-GB`, `pl_PL`) by its primary subtag.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Locale::RESIDENT
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// Whether the script runs right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Locale::Ar)
    }

    /// The value of the HTML `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The language's name in that language itself, for a language switch a reader of it recognises.
    pub fn native_name(self) -> &'static str {
        // Endonyms are names, not interface texts: they read the same in every interface language.
        match self {
            Locale::Nl => "Nederlands",
            Locale::En => "English",
            Locale::Tr => "Türkçe",
            Locale::Pl => "Polski",
            Locale::Ar => "العربية",
        }
    }

    /// The Unicode language identifier the catalogue is keyed by.
    pub fn langid(self) -> LanguageIdentifier {
        match self {
            Locale::Nl => unic_langid::langid!("nl"),
            Locale::En => unic_langid::langid!("en"),
            Locale::Tr => unic_langid::langid!("tr"),
            Locale::Pl => unic_langid::langid!("pl"),
            Locale::Ar => unic_langid::langid!("ar"),
        }
    }

    /// Whether staff pages can be shown in this language; otherwise they fall back to Dutch.
    pub fn is_staff(self) -> bool {
        Locale::STAFF.contains(&self)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Locale {
    type Err = UnknownLocale;

    /// Strict: exactly one of the codes (any case), for configuration, definitions and CLI options.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::RESIDENT
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownLocale(s.to_owned()))
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_strictly_and_loosely() {
        assert_eq!("TR".parse::<Locale>(), Ok(Locale::Tr));
        assert!("de".parse::<Locale>().is_err());
        assert!("en-GB".parse::<Locale>().is_err());
        assert_eq!(Locale::parse("en-GB"), Some(Locale::En));
        assert_eq!(Locale::parse("pl_PL"), Some(Locale::Pl));
        assert_eq!(Locale::parse("de"), None);
        assert_eq!(Locale::parse(""), None);
        assert_eq!(Locale::default(), Locale::Nl);
    }

    #[test]
    fn round_trips_through_serde_and_knows_its_direction() {
        for l in Locale::RESIDENT {
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.code()));
            assert_eq!(serde_json::from_str::<Locale>(&json).unwrap(), l);
            assert_eq!(l.code().parse::<Locale>(), Ok(l));
            assert_eq!(l.langid().language.as_str(), l.code());
        }
        assert_eq!(Locale::Ar.dir(), "rtl");
        assert_eq!(Locale::Tr.dir(), "ltr");
        assert!(!Locale::Pl.is_staff());
    }
}
