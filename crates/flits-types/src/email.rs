//! E-mail addresses of staff accounts (and, later, of residents who ask for the results).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest address SMTP can carry (RFC 5321's path limit less the brackets).
const MAX_EMAIL_LEN: usize = 254;

/// A syntactically valid e-mail address, trimmed and in lowercase, so one mailbox is one account
/// whatever capitals it was typed with.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

/// Why a string is not an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid e-mail address")]
pub struct InvalidEmail;

impl InvalidEmail {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        "email_invalid"
    }
}

impl Email {
    /// The only way to make one: RFC 5322 syntax (the `email_address` crate) and at most 254
    /// characters, after trimming and lowercasing.
    pub fn parse(s: &str) -> Result<Email, InvalidEmail> {
        let normal = s.trim().to_lowercase();
        if normal.len() > MAX_EMAIL_LEN || !email_address::EmailAddress::is_valid(&normal) {
            return Err(InvalidEmail);
        }
        Ok(Email(normal))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Addresses are personal data: `Debug` (and so every log line that prints one by accident) shows
/// only the domain.
impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let domain = self.0.rsplit_once('@').map_or("", |(_, d)| d);
        write!(f, "Email(…@{domain})")
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Email {
    type Err = InvalidEmail;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Email::parse(s)
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Email {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Email::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_refuses() {
        let e = Email::parse("  Anna.de.Vries@Velsen.NL ").unwrap();
        assert_eq!(e.as_str(), "anna.de.vries@velsen.nl");
        assert_eq!(format!("{e:?}"), "Email(…@velsen.nl)");
        for bad in ["", "anna", "anna@", "@velsen.nl", "a b@velsen.nl"] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Email::parse(&format!("{}@velsen.nl", "a".repeat(250))).is_err());
    }
}
