//! Staff passwords: long enough, and never printed.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

/// The shortest password accepted. Length beats complexity rules (NIST SP 800-63B).
pub const MIN_PASSWORD_CHARS: usize = 12;

/// The longest: argon2 hashes anything, but a megabyte "password" is an attack on the CPU.
pub const MAX_PASSWORD_CHARS: usize = 1024;

/// A new password that meets the rules. Its `Debug` never shows it.
pub struct Password(SecretString);

/// Why a password is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidPassword {
    #[error("a password needs at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("a password may have at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
}

impl InvalidPassword {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            InvalidPassword::TooShort => "password_too_short",
            InvalidPassword::TooLong => "password_too_long",
        }
    }
}

impl Password {
    /// The only way to make one: at least [`MIN_PASSWORD_CHARS`] characters (not bytes).
    pub fn parse(s: &str) -> Result<Password, InvalidPassword> {
        match s.chars().count() {
            n if n < MIN_PASSWORD_CHARS => Err(InvalidPassword::TooShort),
            n if n > MAX_PASSWORD_CHARS => Err(InvalidPassword::TooLong),
            _ => Ok(Password(SecretString::from(s.to_owned()))),
        }
    }

    /// The password itself, for hashing only.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_and_hides_itself() {
        assert_eq!(
            Password::parse("kort").unwrap_err(),
            InvalidPassword::TooShort
        );
        // Twelve characters of two bytes each: long enough.
        let p = Password::parse("éééééééééééé").unwrap();
        assert_eq!(format!("{p:?}"), "Password(…)");
        assert_eq!(p.expose().chars().count(), 12);
        assert!(Password::parse(&"x".repeat(2000)).is_err());
    }
}
