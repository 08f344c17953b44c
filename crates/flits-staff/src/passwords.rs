//! Staff passwords: argon2id hashes, and generated passwords. The rule for a new password is
//! [`flits_types::Password`]'s.

use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
use argon2::{Argon2, PasswordHash, PasswordVerifier};
use flits_types::Password;
use rand::Rng;
use rand::distr::Alphanumeric;

/// A password that could not be hashed.
#[derive(Debug, thiserror::Error)]
#[error("cannot hash the password: {0}")]
pub struct HashError(String);

/// An argon2id hash (PHC string) of `password`, with a random salt. Only a [`Password`] that
/// passed the rule is ever hashed.
pub fn hash_password(password: &Password) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends the time of one verification, so an unknown e-mail address answers as slowly as a wrong
/// password and logins cannot be used to find out who has an account.
pub fn verify_dummy(password: &str) {
    static DUMMY: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    // A generated password always passes the rules, so the dummy hash always exists.
    let dummy = || {
        Password::parse(&generate_password())
            .ok()
            .and_then(|p| hash_password(&p).ok())
    };
    if let Some(hash) = DUMMY.get_or_init(dummy) {
        let _ = verify_password(password, hash);
    }
}

/// A random password of 20 letters and digits (about 119 bits).
pub fn generate_password() -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(20)
        .map(char::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ() {
        let pw = generate_password();
        assert_eq!(pw.len(), 20);
        let new = Password::parse(&pw).unwrap();
        let h1 = hash_password(&new).unwrap();
        let h2 = hash_password(&new).unwrap();
        assert_ne!(h1, h2);
        assert!(h1.starts_with("$argon2id$"));
        assert!(verify_password(&pw, &h1));
        assert!(!verify_password("wrong", &h1));
    }
}
