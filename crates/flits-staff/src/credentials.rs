//! A staff account's e-mail address and new password: parsed by the one rule of each in
//! [`flits_types`] (the web UI and `flits user add` alike), and why one is refused, in the reader's
//! language from the catalogue.

use flits_i18n::{Locale, t};
use flits_types::{InvalidEmail, InvalidPassword, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};

/// Why an e-mail address was refused (`email_invalid`), in `locale`.
pub fn email_message(_: &InvalidEmail, locale: Locale) -> String {
    t!(locale, "staff-user-email-invalid")
}

/// Why a new password was refused (`password_too_short`, `password_too_long`), in `locale`.
pub fn password_message(problem: &InvalidPassword, locale: Locale) -> String {
    match problem {
        InvalidPassword::TooShort => t!(
            locale,
            "staff-user-password-short",
            min = MIN_PASSWORD_CHARS
        ),
        InvalidPassword::TooLong => {
            t!(locale, "staff-user-password-long", max = MAX_PASSWORD_CHARS)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flits_types::{Email, Password};

    #[test]
    fn every_refusal_has_words_in_every_staff_language() {
        let email = Email::parse("anna").unwrap_err();
        let short = Password::parse("elf tekens!").unwrap_err();
        let long = Password::parse(&"x".repeat(MAX_PASSWORD_CHARS + 1)).unwrap_err();
        assert_eq!(
            [email.code(), short.code(), long.code()],
            ["email_invalid", "password_too_short", "password_too_long"]
        );
        for locale in Locale::STAFF {
            assert!(!email_message(&email, locale).is_empty());
            assert!(password_message(&short, locale).contains(&MIN_PASSWORD_CHARS.to_string()));
            assert!(password_message(&long, locale).contains(&MAX_PASSWORD_CHARS.to_string()));
        }
    }
}
