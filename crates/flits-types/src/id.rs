//! Identifiers: short, plain ASCII strings that end up in URLs, CSV column names and logs.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a string is not a valid identifier of some kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidId {
    /// Shorter or longer than the kind allows (`length` in characters).
    #[error("{kind} must be {min} to {max} characters long")]
    Length {
        kind: &'static str,
        length: usize,
        min: usize,
        max: usize,
    },
    /// Characters outside the kind's alphabet: `found` holds each once, in order of appearance,
    /// at most [`SHOWN_CHARACTERS`], so a message can name them.
    #[error("{kind} may only contain {allowed}")]
    Characters {
        kind: &'static str,
        allowed: &'static str,
        found: String,
    },
}

/// The most offending characters an [`InvalidId::Characters`] lists.
pub const SHOWN_CHARACTERS: usize = 10;

impl InvalidId {
    /// The stable machine code: `{kind}_length` or `{kind}_characters`.
    pub fn code(&self) -> String {
        match self {
            InvalidId::Length { kind, .. } => format!("{kind}_length"),
            InvalidId::Characters { kind, .. } => format!("{kind}_characters"),
        }
    }
}

/// The rule of one kind of identifier.
struct Rule {
    kind: &'static str,
    min: usize,
    max: usize,
    allowed: &'static str,
    byte_ok: fn(u8) -> bool,
}

impl Rule {
    /// Every way `s` breaks the rule: its length (in characters), then its characters. Empty when
    /// it keeps the rule. A reader that reports every problem (the poll validator) uses all of
    /// them; `parse` refuses with the first.
    fn problems(&self, s: &str) -> Vec<InvalidId> {
        let mut problems = Vec::new();
        let length = s.chars().count();
        if !(self.min..=self.max).contains(&length) {
            problems.push(InvalidId::Length {
                kind: self.kind,
                length,
                min: self.min,
                max: self.max,
            });
        }
        let mut found = String::new();
        let mut distinct = 0;
        for c in s.chars() {
            let ok = u8::try_from(c).is_ok_and(self.byte_ok);
            if !ok && !found.contains(c) {
                distinct += 1;
                if distinct <= SHOWN_CHARACTERS {
                    found.push(c);
                }
            }
        }
        if distinct > 0 {
            problems.push(InvalidId::Characters {
                kind: self.kind,
                allowed: self.allowed,
                found,
            });
        }
        problems
    }

    fn check(&self, s: &str) -> Result<(), InvalidId> {
        match self.problems(s).into_iter().next() {
            Some(first) => Err(first),
            None => Ok(()),
        }
    }
}

fn lower_digit_dash(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'
}

fn lower_digit_dash_underscore(b: u8) -> bool {
    lower_digit_dash(b) || b == b'_'
}

fn alnum_dash_underscore(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

macro_rules! identifier {
    ($(#[$doc:meta])* $name:ident, $rule:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            const RULE: Rule = $rule;

            /// The only way to make one: checks the rule.
            pub fn parse(s: &str) -> Result<Self, InvalidId> {
                Self::RULE.check(s)?;
                Ok(Self(s.to_owned()))
            }

            /// Every way `s` breaks the rule (length, then characters); empty when `parse`
            /// accepts it. For readers that report all problems at once.
            pub fn problems(s: &str) -> Vec<InvalidId> {
                Self::RULE.problems(s)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = InvalidId;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = String::deserialize(deserializer)?;
                Self::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

identifier!(
    /// A poll's address (`/p/{slug}`): 3 to 64 of `a-z`, `0-9` and `-`.
    Slug,
    Rule {
        kind: "slug",
        min: 3,
        max: 64,
        allowed: "lowercase letters a-z, digits and -",
        byte_ok: lower_digit_dash,
    }
);

identifier!(
    /// A channel (`?c=` of a link, and a configured channel): 1 to 64 of `a-z`, `0-9`, `-`, `_`.
    /// The same rule for what is recorded with a response and what can be scheduled, so a link
    /// can never name a channel that cannot exist.
    ChannelId,
    Rule {
        kind: "channel",
        min: 1,
        max: 64,
        allowed: "lowercase letters a-z, digits, - and _",
        byte_ok: lower_digit_dash_underscore,
    }
);

identifier!(
    /// An audience (a region, a municipality, a target group): 1 to 64 of `a-z`, `0-9`, `-`, `_`.
    AudienceId,
    Rule {
        kind: "audience",
        min: 1,
        max: 64,
        allowed: "lowercase letters a-z, digits, - and _",
        byte_ok: lower_digit_dash_underscore,
    }
);

identifier!(
    /// An organisation (a municipality or the region's office): 1 to 64 of `a-z`, `0-9`, `-`, `_`.
    OrgId,
    Rule {
        kind: "organisation",
        min: 1,
        max: 64,
        allowed: "lowercase letters a-z, digits, - and _",
        byte_ok: lower_digit_dash_underscore,
    }
);

identifier!(
    /// The client's id of one submit, so a retry is recognised (docs/api.md, "Public API"): 1 to 64 of
    /// ASCII letters, digits, `-`, `_` — a UUID in either case fits.
    SubmissionId,
    Rule {
        kind: "submission_id",
        min: 1,
        max: 64,
        allowed: "letters, digits, - and _",
        byte_ok: alnum_dash_underscore,
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_keeps_its_own_rule() {
        assert!(Slug::parse("demo").is_ok());
        assert_eq!(Slug::parse("ab").unwrap_err().code(), "slug_length");
        assert_eq!(Slug::parse("a_b").unwrap_err().code(), "slug_characters");
        let codes: Vec<String> = Slug::problems("É").iter().map(InvalidId::code).collect();
        assert_eq!(
            codes,
            ["slug_length", "slug_characters"],
            "every problem, in order"
        );
        assert_eq!(
            Slug::problems(&"ABCDEFGHIJKL".repeat(2)).last(),
            Some(&InvalidId::Characters {
                kind: "slug",
                allowed: "lowercase letters a-z, digits and -",
                found: "ABCDEFGHIJ".to_owned(),
            }),
            "each once, at most ten"
        );
        assert!(Slug::problems("fiets-parkeren").is_empty());
        assert!(ChannelId::parse("mastodon-velsen").is_ok());
        assert_eq!(
            ChannelId::parse("Mastodon").unwrap_err().code(),
            "channel_characters",
            "one rule for links and configuration: no capitals"
        );
        assert!(SubmissionId::parse("3F0C2A4E-5D1B-4C8E-9A57-1B2C3D4E5F60").is_ok());
        assert!(SubmissionId::parse("").is_err());
        assert!(AudienceId::parse("jongeren_velsen").is_ok());
        assert!(OrgId::parse("beverwijk").is_ok());
        assert!(OrgId::parse(&"x".repeat(65)).is_err());
    }

    #[test]
    fn serde_parses_and_refuses() {
        let id: ChannelId = serde_json::from_str("\"qr\"").unwrap();
        assert_eq!(id, "qr");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"qr\"");
        assert!(serde_json::from_str::<Slug>("\"Nope!\"").is_err());
    }
}
