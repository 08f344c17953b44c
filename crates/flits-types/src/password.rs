//! Staff passwords: long enough, hard enough to guess, and never printed.
//!
//! Two rules, both from NIST SP 800-63B: a minimum length, and no password that is easy to guess
//! (common passwords, keyboard rows, repeats, dates, the account's own e-mail address…). The second
//! is the `zxcvbn` estimator, which also says why a password is weak; its reasons are the
//! [`PasswordWarning`] and [`PasswordSuggestion`] codes that the staff service words in the
//! reader's language (the estimator's own English sentences are never shown).

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use zxcvbn::Score;

pub use zxcvbn::feedback::{Suggestion as PasswordSuggestion, Warning as PasswordWarning};

use crate::Email;

/// The shortest password accepted. Length beats complexity rules (NIST SP 800-63B).
pub const MIN_PASSWORD_CHARS: usize = 12;

/// The longest: argon2 hashes anything, but a megabyte "password" is an attack on the CPU.
pub const MAX_PASSWORD_CHARS: usize = 1024;

/// The lowest `zxcvbn` score accepted (0 to 4): 3 means about 10^10 guesses, "safely
/// unguessable" against an online attack and a slow hash such as argon2id.
pub const MIN_PASSWORD_SCORE: u8 = 3;

/// Words every Flits password is checked against besides the account's own: what someone who
/// guesses a municipality's staff password would try first.
const SITE_WORDS: [&str; 6] = [
    "flits",
    "flitspeiling",
    "peiling",
    "gemeente",
    "wachtwoord",
    "ijmond",
];

/// A new password that meets the rules. Its `Debug` never shows it.
pub struct Password(SecretString);

/// Why a password is too easy to guess, as the estimator's codes: at most one warning (what is
/// wrong) and any number of suggestions (what would help).
#[derive(Debug, Clone, PartialEq)]
pub struct Weakness {
    pub warning: Option<PasswordWarning>,
    pub suggestions: Vec<PasswordSuggestion>,
}

/// Why a password is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InvalidPassword {
    #[error("a password needs at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("a password may have at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    #[error("the password is too easy to guess")]
    TooWeak(Weakness),
}

impl InvalidPassword {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            InvalidPassword::TooShort => "password_too_short",
            InvalidPassword::TooLong => "password_too_long",
            InvalidPassword::TooWeak(_) => "password_too_weak",
        }
    }
}

impl Password {
    /// A password for no account in particular: at least [`MIN_PASSWORD_CHARS`] characters (not
    /// bytes), at most [`MAX_PASSWORD_CHARS`], and a `zxcvbn` score of at least
    /// [`MIN_PASSWORD_SCORE`].
    pub fn parse(s: &str) -> Result<Password, InvalidPassword> {
        Password::check(s, &[])
    }

    /// A password for the account `email`: the rules of [`Password::parse`], where the address,
    /// its parts and the site's own words count as easy to guess.
    pub fn parse_for(s: &str, email: &Email) -> Result<Password, InvalidPassword> {
        let words = account_words(email);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        Password::check(s, &words)
    }

    fn check(s: &str, account: &[&str]) -> Result<Password, InvalidPassword> {
        match s.chars().count() {
            n if n < MIN_PASSWORD_CHARS => return Err(InvalidPassword::TooShort),
            n if n > MAX_PASSWORD_CHARS => return Err(InvalidPassword::TooLong),
            _ => {}
        }
        let mut inputs: Vec<&str> = SITE_WORDS.to_vec();
        inputs.extend_from_slice(account);
        let estimate = zxcvbn::zxcvbn(s, &inputs);
        if u8::from(estimate.score()) < MIN_PASSWORD_SCORE {
            let feedback = estimate.feedback();
            return Err(InvalidPassword::TooWeak(Weakness {
                warning: feedback.and_then(|f| f.warning()),
                suggestions: feedback
                    .map(|f| f.suggestions().to_vec())
                    .unwrap_or_default(),
            }));
        }
        debug_assert!(estimate.score() >= Score::Three);
        Ok(Password(SecretString::from(s.to_owned())))
    }

    /// The password itself, for hashing only.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

/// The e-mail address, its local part, the pieces of that (`anna.de.vries` → `anna`, `vries`) and
/// the domain's labels: what a password must not be built from.
fn account_words(email: &Email) -> Vec<String> {
    let address = email.as_str();
    let mut words = vec![address.to_owned()];
    let (local, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    words.push(local.to_owned());
    let pieces = local
        .split(|c: char| !c.is_alphanumeric())
        .chain(domain.split('.'))
        .filter(|w| w.chars().count() >= 3);
    for piece in pieces {
        if !words.iter().any(|w| w == piece) {
            words.push(piece.to_owned());
        }
    }
    words
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn counts_characters_and_hides_itself() {
        assert_eq!(
            Password::parse("kort").unwrap_err(),
            InvalidPassword::TooShort
        );
        // Twelve characters, several of two bytes each: long enough, and hard to guess.
        let p = Password::parse("ĳzer€bøøt#7q").unwrap();
        assert_eq!(format!("{p:?}"), "Password(…)");
        assert_eq!(p.expose().chars().count(), 12);
        assert!(Password::parse(&"x".repeat(2000)).is_err());
    }

    #[test]
    fn easy_guesses_are_refused_with_the_estimators_reasons() {
        let Err(InvalidPassword::TooWeak(weakness)) = Password::parse("aaaaaaaaaaaa") else {
            panic!("twelve times the same letter is not a password");
        };
        assert_eq!(
            weakness.warning,
            Some(PasswordWarning::RepeatsLikeAaaAreEasyToGuess)
        );
        assert!(!weakness.suggestions.is_empty());
        for weak in [
            "password1234",
            "qwertyuiopas",
            "123456789012",
            "flitspeiling1",
        ] {
            let refused = Password::parse(weak).unwrap_err();
            assert_eq!(refused.code(), "password_too_weak", "{weak}");
        }
        // The test fixtures' passphrase and a generated password pass.
        assert!(Password::parse("correct horse battery staple").is_ok());
        assert!(Password::parse("k8Vq2mZt7RwX4pLs9dNb").is_ok());
    }

    #[test]
    fn the_accounts_own_address_does_not_make_a_password() {
        let email = Email::parse("marjolein.vandersteen@velsen.nl").unwrap();
        let own = "marjoleinvandersteen";
        assert!(Password::parse(own).is_ok(), "strong for no account");
        let refused = Password::parse_for(own, &email).unwrap_err();
        assert_eq!(refused.code(), "password_too_weak");
        assert!(Password::parse_for("correct horse battery staple", &email).is_ok());
    }
}
