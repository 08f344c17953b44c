//! The Fluent catalogue, compiled into the binary.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::StaticLoader;
use fluent_templates::fluent_bundle::FluentValue;

use crate::Locale;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "nl",
        // Unicode isolation marks around every argument would end up in e-mails, CSV hints and
        // tests; pages that mix scripts isolate with `<bdi>` where it matters instead.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Shown as written.
    Text(String),
    /// Shown as a number, and usable for plural selection.
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

/// The message catalogue. One per process, behind [`catalogue`].
#[derive(Clone, Copy)]
pub struct Catalogue {
    loader: &'static StaticLoader,
}

/// The catalogue of every text in `locales/`.
pub fn catalogue() -> Catalogue {
    Catalogue { loader: &LOCALES }
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Catalogue(locales/)")
    }
}

/// Why a message could not be formatted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("message {id:?} in {locale}: {reason}")]
pub struct FormatError {
    pub id: String,
    pub locale: Locale,
    pub reason: String,
}

impl Catalogue {
    /// The message `id` in `locale` with its arguments. A message missing or broken in `locale`
    /// falls back to Dutch, and a message missing everywhere shows its id; both are logged, and the
    /// catalogue test makes sure neither happens.
    pub fn format(&self, locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
        match self.try_format(locale, id, args) {
            Ok(text) => text,
            Err(err) => {
                tracing::error!(%err, "message catalogue");
                self.try_format(Locale::Nl, id, args)
                    .unwrap_or_else(|_| id.to_owned())
            }
        }
    }

    /// The message `id` in exactly `locale`, or why not (missing message, missing argument…).
    pub fn try_format(
        &self,
        locale: Locale,
        id: &str,
        args: &[(&str, Arg)],
    ) -> Result<String, FormatError> {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(s) => FluentValue::from(s.as_str()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (Cow::Owned((*name).to_owned()), value)
            })
            .collect();
        self.loader
            .lookup_single_language(&locale.langid(), id, Some(&args))
            .map_err(|e| FormatError {
                id: id.to_owned(),
                locale,
                reason: e.to_string(),
            })
    }

    /// Whether `id` exists in `locale` itself (not by falling back).
    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.loader
            .lookup_single_language::<&str>(&locale.langid(), id, None)
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_arguments_and_falls_back_to_dutch() {
        let c = catalogue();
        assert!(c.has(Locale::Ar, "language-switch-label"));
        let text = crate::t!(Locale::En, "privacy-cookie", days = 180u32);
        assert!(text.contains("180"), "{text}");
        assert!(c.try_format(Locale::En, "privacy-cookie", &[]).is_err());
        assert!(c.try_format(Locale::En, "no-such-message", &[]).is_err());
        assert_eq!(
            c.format(Locale::En, "no-such-message", &[]),
            "no-such-message"
        );
    }
}
