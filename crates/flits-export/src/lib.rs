//! Anonymised exports (docs/api.md, "Results and exports"): every row a response, in an order that
//! says nothing about when it came, with a fresh random `response_id`, the date only, profile
//! values suppressed for k-anonymity over the profile questions and the language, and open
//! answers scrubbed of personal data.
//!
//! An export reads the poll's responses twice, streaming: first only what k-anonymity needs (the
//! profile values and the language, interned, a few bytes a row), then, after suppression, every
//! row again to write it. Nothing holds all the rows, so a million responses export in a few tens
//! of megabytes. Responses that arrive between the two reads are left out, so the export is the
//! poll as it stood when the export began.
//!
//! Every export is audit-logged (`poll.exported`, with its format and row count, never its data).

mod error;
mod formats;
mod run;

pub use error::ExportError;
pub use formats::Format;
pub use run::{ExportRequest, Exported, aggregate, export, is_provisional, open_answers};
