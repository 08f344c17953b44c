//! Channel secrets: read from the environment variable a `*_env` setting names (or from the file
//! named by that variable plus `_FILE`, for container secrets), held in [`SecretString`] so that
//! `Debug` never shows them, and scrubbed from every text a platform sends back.

use secrecy::{ExposeSecret, SecretString};

use crate::error::SetupError;

/// Where a channel's secrets come from: the process environment in production ([`Environment`]),
/// a map in tests (a test cannot change its own process environment safely).
pub trait SecretSource: Send + Sync {
    /// The secret the variable `name` holds.
    fn secret(&self, name: &str) -> Result<SecretString, SetupError>;
}

/// The process environment: `NAME`, or the file named by `NAME_FILE`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Environment;

impl SecretSource for Environment {
    fn secret(&self, name: &str) -> Result<SecretString, SetupError> {
        read_secret(name)
    }
}

impl SecretSource for std::collections::BTreeMap<String, SecretString> {
    fn secret(&self, name: &str) -> Result<SecretString, SetupError> {
        self.get(name)
            .filter(|s| !s.expose_secret().trim().is_empty())
            .cloned()
            .ok_or_else(|| SetupError::MissingSecret {
                variable: name.to_owned(),
            })
    }
}

/// Reads the secret held by the environment variable `name`, or by the file that `{name}_FILE`
/// names. An empty value counts as missing: an empty token would only fail later, less clearly.
pub fn read_secret(name: &str) -> Result<SecretString, SetupError> {
    if let Ok(value) = std::env::var(name)
        && !value.trim().is_empty()
    {
        return Ok(SecretString::from(value.trim().to_owned()));
    }
    let file_var = format!("{name}_FILE");
    if let Ok(path) = std::env::var(&file_var) {
        let value = std::fs::read_to_string(&path).map_err(|e| SetupError::SecretFile {
            variable: file_var.clone(),
            reason: e.kind().to_string(),
        })?;
        if !value.trim().is_empty() {
            return Ok(SecretString::from(value.trim().to_owned()));
        }
    }
    Err(SetupError::MissingSecret {
        variable: name.to_owned(),
    })
}

/// Replaces every secret of a channel in a text with `[redacted]`. Platforms echo what they were
/// sent (a token in an error message, a URL with its query); what reaches staff or the log has
/// been through here.
#[derive(Debug, Clone, Default)]
pub struct Scrubber {
    secrets: Vec<SecretString>,
}

/// What a scrubbed secret is replaced by.
pub const REDACTED: &str = "[redacted]";

impl Scrubber {
    /// A scrubber for these secrets.
    pub fn new(secrets: impl IntoIterator<Item = SecretString>) -> Scrubber {
        Scrubber {
            secrets: secrets
                .into_iter()
                // Scrubbing a one- or two-letter "secret" would shred every message; such a secret
                // is not a real one anyway.
                .filter(|s| s.expose_secret().len() >= 4)
                .collect(),
        }
    }

    /// `text` with every secret replaced.
    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for secret in &self.secrets {
            let secret = secret.expose_secret();
            if out.contains(secret) {
                out = out.replace(secret, REDACTED);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn scrubbing_removes_every_occurrence() {
        let s = Scrubber::new([SecretString::from("tok-123456")]);
        assert_eq!(
            s.scrub("bad token tok-123456 (tok-123456)"),
            "bad token [redacted] ([redacted])"
        );
    }

    #[test]
    fn a_missing_variable_is_named_without_value() {
        let err = read_secret("FLITS_BRIDGE_TEST_SURELY_UNSET").unwrap_err();
        assert_eq!(
            err,
            SetupError::MissingSecret {
                variable: "FLITS_BRIDGE_TEST_SURELY_UNSET".to_owned()
            }
        );
    }
}
