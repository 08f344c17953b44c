//! Why a post did not go out, in a form that can be stored with its outbox row and read by staff
//! later, in their own language: the error's stable code and its arguments, not a sentence.

use std::collections::BTreeMap;

use flits_i18n::{Arg, Locale};
use serde::{Deserialize, Serialize};

use crate::SendError;

/// One argument of a stored failure: the catalogue's message decides how it is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NoteArg {
    Number(f64),
    Text(String),
}

impl From<&Arg> for NoteArg {
    fn from(arg: &Arg) -> Self {
        match arg {
            Arg::Text(s) => NoteArg::Text(s.clone()),
            Arg::Number(n) => NoteArg::Number(*n),
        }
    }
}

impl From<&NoteArg> for Arg {
    fn from(arg: &NoteArg) -> Self {
        match arg {
            NoteArg::Text(s) => Arg::Text(s.clone()),
            NoteArg::Number(n) => Arg::Number(*n),
        }
    }
}

/// A post's failure as stored in `channel_posts.last_error` (JSON). The catalogue's message is
/// `bridge-error-{code}`; when the outbox gave up after several attempts, `attempts` says how
/// many, and the message says so first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FailureNote {
    pub code: String,
    #[serde(default)]
    pub args: BTreeMap<String, NoteArg>,
    /// Set when the outbox stopped trying after this many attempts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gave_up_after: Option<u32>,
}

impl FailureNote {
    /// The note of a send error.
    pub fn of(error: &SendError) -> FailureNote {
        FailureNote {
            code: error.code().to_owned(),
            args: error
                .args()
                .iter()
                .map(|(name, arg)| ((*name).to_owned(), NoteArg::from(arg)))
                .collect(),
            gave_up_after: None,
        }
    }

    /// The outbox stopped trying after `attempts` temporary failures, the last being `error`.
    pub fn gave_up(error: &SendError, attempts: u32) -> FailureNote {
        FailureNote {
            gave_up_after: Some(attempts),
            ..FailureNote::of(error)
        }
    }

    /// The post's channel is not configured in this process (removed from the configuration, or
    /// its adapter could not be set up at start-up).
    pub fn not_configured() -> FailureNote {
        FailureNote::plain("not-configured")
    }

    /// The outbox row names a purpose this version does not know (written by a newer version).
    pub fn unknown_purpose() -> FailureNote {
        FailureNote::plain("unknown-purpose")
    }

    /// A results reply waits until the announcement it replies to has been posted.
    pub fn waiting_for_announcement() -> FailureNote {
        FailureNote::plain("waiting-for-announcement")
    }

    fn plain(code: &str) -> FailureNote {
        FailureNote {
            code: code.to_owned(),
            args: BTreeMap::new(),
            gave_up_after: None,
        }
    }

    /// The note as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| format!("{{\"code\":\"{}\"}}", self.code))
    }

    /// A stored note. Text that is not a note (written before notes existed) is kept as the
    /// platform's message of an `other` failure, so staff still see it.
    pub fn parse(stored: &str) -> FailureNote {
        serde_json::from_str(stored).unwrap_or_else(|_| FailureNote {
            code: "other".to_owned(),
            args: BTreeMap::from([("message".to_owned(), NoteArg::Text(stored.to_owned()))]),
            gave_up_after: None,
        })
    }

    /// The failure in words for staff, from the catalogue.
    pub fn describe(&self, locale: Locale) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(name, arg)| (name.as_str(), Arg::from(arg)))
            .collect();
        let catalogue = flits_i18n::catalogue();
        let id = format!("bridge-error-{}", self.code);
        let reason = catalogue
            .try_format(locale, &id, &args)
            .unwrap_or_else(|_| catalogue.format(locale, "bridge-error-other", &args));
        match self.gave_up_after {
            Some(attempts) => {
                let lead =
                    catalogue.format(locale, "bridge-gave-up", &[("attempts", attempts.into())]);
                format!("{lead} {reason}")
            }
            None => reason,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_note_round_trips_and_reads_in_each_staff_language() {
        let error = SendError::Permanent {
            status: 422,
            message: "Validation failed: Text is too long".into(),
        };
        let note = FailureNote::gave_up(&error, 8);
        let stored = note.to_json();
        assert_eq!(FailureNote::parse(&stored), note);
        let en = note.describe(Locale::En);
        assert!(
            en.contains('8') && en.contains("422") && en.contains("Text is too long"),
            "{en}"
        );
        let nl = note.describe(Locale::Nl);
        assert_ne!(nl, en);
        assert!(nl.contains("422"), "{nl}");
    }

    #[test]
    fn every_note_of_the_outbox_has_a_message() {
        for note in [
            FailureNote::not_configured(),
            FailureNote::unknown_purpose(),
            FailureNote::waiting_for_announcement(),
            FailureNote::parse("HTTP 500 from an older version"),
        ] {
            for locale in Locale::STAFF {
                let id = format!("bridge-error-{}", note.code);
                let args: Vec<(&str, Arg)> = note
                    .args
                    .iter()
                    .map(|(n, a)| (n.as_str(), Arg::from(a)))
                    .collect();
                flits_i18n::catalogue()
                    .try_format(locale, &id, &args)
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
        assert!(
            FailureNote::parse("HTTP 500 from an older version")
                .describe(Locale::En)
                .contains("HTTP 500 from an older version")
        );
    }
}
