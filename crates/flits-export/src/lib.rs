//! Anonymised exports (docs/api.md, "Results and exports"): every row a response, in an order that
//! says nothing about when it came, with a fresh random `response_id`, the date only, profile
//! values suppressed for k-anonymity over the profile questions and the language, and open
//! answers scrubbed of personal data.
//!
//! An export reads the poll's responses once, streaming, unsorted (the database's fastest order,
//! which may follow arrival): each row's answers are read into one slot per question, what
//! k-anonymity needs (the profile values and the language, interned, a few bytes a row) goes to a
//! table in memory, and the row's cells (open answers scrubbed; for CSV already quoted) to one of
//! several spool files picked at random (temporary files of length-prefixed cells, deleted when
//! done). After suppression each spool file in turn is read, shuffled in memory and written out in
//! the asked format, with a fresh response id and the suppressed profile cells as `*`: random
//! files, then a random order within each, is a uniformly random order of all rows. Nothing holds
//! all the rows in memory (a spool file holds about 16,000), so a million responses export in a
//! few tens of megabytes (and about as much temporary disk as the CSV itself).
//!
//! Every export is audit-logged (`poll.exported`, with its format and row count, never its data).

mod error;
mod formats;
mod run;
mod weighting;

pub use error::ExportError;
pub use formats::Format;
pub use run::{
    ExportRequest, Exported, aggregate, check_responses_kept, export, is_provisional, open_answers,
};
