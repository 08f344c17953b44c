//! The results of a poll, computed without I/O: what the public results page, the staff pages and
//! the analysts' exports show, under the promises made to residents (docs/api.md, "Results and
//! exports"):
//!
//! - [`aggregate`]: per question counts and shares (mean and median for scales), broken down by
//!   channel, with the small-cell rule: a count under `k` is shown as `<k`, and a poll with fewer
//!   than `k` responses shows no numbers at all;
//! - [`anonymise`]: the k-anonymity suppression of profile values (with the language) in exports,
//!   suppressing as few values as it reasonably can;
//! - [`scrub`]: e-mail addresses, phone numbers, postcodes with house numbers, BSNs (11-proef)
//!   and IBANs taken out of open text, each replaced by a tag naming what was removed.
//!
//! The input is [`ResponseRecord`]s: what is stored of a response, and nothing else.

pub mod aggregate;
pub mod anonymise;
pub mod cell;
pub mod export;
pub mod record;
pub mod scrub;

pub use aggregate::{Aggregates, QuestionResult, ScaleSummary, aggregate};
pub use anonymise::{SUPPRESSED, suppress};
pub use cell::Count;
pub use export::{CodebookEntry, Layout};
pub use record::{AnswerRef, ResponseRecord, parse_answer_slots, parse_answers, read_answers};
pub use scrub::{Scrubbed, scrub};
