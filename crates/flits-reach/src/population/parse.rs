//! Reading a population file, as `flits population import` takes it.
//!
//! ```text
//! # source: CBS StatLine 03759ned
//! # reference_date: 2025-01-01
//! # illustrative: false
//! question,option,count
//! leeftijd,tot30,10234
//! leeftijd,30-44,8120
//! wijk,centrum,4410
//! ```
//!
//! CSV with the header `question,option,count`, one row per option of a profile question, the
//! count a whole number of residents. Lines starting with `#` carry the metadata described in
//! [`super::meta`], anywhere in the file. Blank lines are skipped, spaces around a field are
//! trimmed, a field may be quoted (but holds no line break) and a leading byte-order mark (as
//! spreadsheet programs write it) is ignored. Every error names the line (counted from 1, comment
//! and blank lines included) so that the person importing the file can find it.

use std::collections::BTreeMap;

use super::meta::Meta;
use super::{Margin, Margins};

/// The header every population file starts with.
const HEADER: [&str; 3] = ["question", "option", "count"];

/// Why a population file cannot be read. [`PopulationError::code`] is the stable machine code;
/// the `Display` text is for logs.
#[derive(Debug, thiserror::Error)]
pub enum PopulationError {
    /// The reader failed, or the file is not UTF-8.
    #[error("the population file cannot be read: {0}")]
    Read(#[source] std::io::Error),
    /// The CSV itself is malformed.
    #[error("line {line}: {source}")]
    Csv {
        line: u64,
        #[source]
        source: csv::Error,
    },
    /// No header, or no rows after it.
    #[error("the population file has no counts")]
    Empty,
    /// The first row is not `question,option,count`.
    #[error("line {line}: the header must be question,option,count, not {found:?}")]
    Header { line: u64, found: String },
    /// A row without exactly three fields.
    #[error("line {line}: expected 3 fields, found {found}")]
    Fields { line: u64, found: usize },
    /// A row with an empty question or option id.
    #[error("line {line}: the question and the option need an id")]
    EmptyId { line: u64 },
    /// A count that is not a whole number of zero or more (`-3`, `12.5`, `10.234`).
    #[error("line {line}: {value:?} is not a count of residents")]
    Count { line: u64, value: String },
    /// The same question and option twice.
    #[error("line {line}: {question},{option} was already given on line {first_line}")]
    Duplicate {
        line: u64,
        first_line: u64,
        question: String,
        option: String,
    },
    /// Every option of a question has a count of 0.
    #[error("line {line}: question {question:?} has no residents in any option")]
    ZeroTotal { line: u64, question: String },
    /// A metadata key this format does not know (a misspelt one, most likely).
    #[error("line {line}: unknown metadata key {key:?}")]
    UnknownKey { line: u64, key: String },
    /// A metadata key given twice.
    #[error("line {line}: metadata key {key:?} is given twice")]
    RepeatedKey { line: u64, key: String },
    /// A metadata key without a value.
    #[error("line {line}: metadata key {key:?} has no value")]
    EmptyValue { line: u64, key: String },
    /// A reference date that is not a `YYYY-MM-DD` date.
    #[error("line {line}: reference date {value:?} is not a YYYY-MM-DD date")]
    ReferenceDate { line: u64, value: String },
    /// `illustrative` other than `true` or `false`.
    #[error("line {line}: illustrative must be true or false, not {value:?}")]
    Illustrative { line: u64, value: String },
    /// No `# source:` line.
    #[error("the population file does not name its source (# source: …)")]
    MissingSource,
    /// No `# reference_date:` line.
    #[error("the population file does not give its reference date (# reference_date: …)")]
    MissingReferenceDate,
}

impl PopulationError {
    /// The stable machine code (the CLI and the staff UI look the message up by it).
    pub fn code(&self) -> &'static str {
        match self {
            PopulationError::Read(_) => "population_unreadable",
            PopulationError::Csv { .. } => "population_csv",
            PopulationError::Empty => "population_empty",
            PopulationError::Header { .. } => "population_header",
            PopulationError::Fields { .. } => "population_fields",
            PopulationError::EmptyId { .. } => "population_empty_id",
            PopulationError::Count { .. } => "population_count",
            PopulationError::Duplicate { .. } => "population_duplicate",
            PopulationError::ZeroTotal { .. } => "population_zero_total",
            PopulationError::UnknownKey { .. } => "population_unknown_key",
            PopulationError::RepeatedKey { .. } => "population_repeated_key",
            PopulationError::EmptyValue { .. } => "population_empty_value",
            PopulationError::ReferenceDate { .. } => "population_reference_date",
            PopulationError::Illustrative { .. } => "population_illustrative",
            PopulationError::MissingSource => "population_missing_source",
            PopulationError::MissingReferenceDate => "population_missing_reference_date",
        }
    }

    /// The line the problem is on, when it is on one.
    pub fn line(&self) -> Option<u64> {
        match self {
            PopulationError::Csv { line, .. }
            | PopulationError::Header { line, .. }
            | PopulationError::Fields { line, .. }
            | PopulationError::EmptyId { line }
            | PopulationError::Count { line, .. }
            | PopulationError::Duplicate { line, .. }
            | PopulationError::ZeroTotal { line, .. }
            | PopulationError::UnknownKey { line, .. }
            | PopulationError::RepeatedKey { line, .. }
            | PopulationError::EmptyValue { line, .. }
            | PopulationError::ReferenceDate { line, .. }
            | PopulationError::Illustrative { line, .. } => Some(*line),
            PopulationError::Read(_)
            | PopulationError::Empty
            | PopulationError::MissingSource
            | PopulationError::MissingReferenceDate => None,
        }
    }
}

/// A question's rows so far, in the order of the file.
struct Question {
    id: String,
    /// The line of its first row, where a problem with the question as a whole is reported.
    line: u64,
    options: Vec<(String, u64)>,
}

/// Reads a whole population file, stopping at the first problem.
pub(super) fn parse(text: &str) -> Result<Margins, PopulationError> {
    parse_all(text).map_err(|errors| errors.into_iter().next().unwrap_or(PopulationError::Empty))
}

/// Reads a whole population file and reports every problem, in the order of the file's lines
/// (problems of the file as a whole last). A line with a problem is left out and reading goes on
/// with the next one; after a wrong header the rows are still checked. The checks of the whole
/// (no counts, a question without residents) are made only when every row could be read, since
/// a left-out row could be what they miss. The first error is the one [`parse`] returns. Never
/// an empty list.
pub(super) fn parse_all(text: &str) -> Result<Margins, Vec<PopulationError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut meta = Meta::default();
    let mut header_seen = false;
    let mut questions: Vec<Question> = Vec::new();
    let mut lines: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut rows_failed = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i as u64 + 1;
        if let Some(rest) = raw.strip_prefix('#') {
            if let Err(e) = meta.read(line, rest) {
                errors.push(e);
            }
            continue;
        }
        if raw.trim().is_empty() {
            continue;
        }
        let record = match record(line, raw) {
            Ok(Some(record)) => record,
            Ok(None) => continue,
            Err(e) => {
                errors.push(e);
                rows_failed = true;
                continue;
            }
        };
        if !header_seen {
            header_seen = true;
            if record.iter().ne(HEADER) {
                errors.push(PopulationError::Header {
                    line,
                    found: record.iter().collect::<Vec<_>>().join(","),
                });
            }
            continue;
        }
        match row(line, &record, &mut lines) {
            Ok((question, option, count)) => {
                match questions.iter_mut().find(|q| q.id == question) {
                    Some(q) => q.options.push((option, count)),
                    None => questions.push(Question {
                        id: question,
                        line,
                        options: vec![(option, count)],
                    }),
                }
            }
            Err(e) => {
                errors.push(e);
                rows_failed = true;
            }
        }
    }
    if questions.is_empty() && !rows_failed {
        errors.push(PopulationError::Empty);
    }
    let provenance = match meta.finish() {
        Ok(provenance) => Some(provenance),
        Err(missing) => {
            errors.extend(missing);
            None
        }
    };
    let mut margins = Vec::with_capacity(questions.len());
    for Question { id, line, options } in questions {
        if options.iter().all(|(_, n)| *n == 0) {
            if !rows_failed {
                errors.push(PopulationError::ZeroTotal { line, question: id });
            }
            continue;
        }
        margins.push(Margin {
            question: id,
            options,
        });
    }
    match provenance {
        Some(provenance) if errors.is_empty() => Ok(Margins {
            provenance: vec![provenance],
            margins,
        }),
        _ => Err(errors),
    }
}

/// One data row: its question, option and count, or why it cannot be used. `lines` remembers
/// where each question and option was first given, to report a repeat.
fn row(
    line: u64,
    record: &csv::StringRecord,
    lines: &mut BTreeMap<(String, String), u64>,
) -> Result<(String, String, u64), PopulationError> {
    if record.len() != 3 {
        return Err(PopulationError::Fields {
            line,
            found: record.len(),
        });
    }
    let (question, option, count) = (&record[0], &record[1], &record[2]);
    if question.is_empty() || option.is_empty() {
        return Err(PopulationError::EmptyId { line });
    }
    let count: u64 = count.parse().map_err(|_| PopulationError::Count {
        line,
        value: count.to_owned(),
    })?;
    if let Some(first_line) = lines.insert((question.to_owned(), option.to_owned()), line) {
        // The first line stays the one to point at.
        lines.insert((question.to_owned(), option.to_owned()), first_line);
        return Err(PopulationError::Duplicate {
            line,
            first_line,
            question: question.to_owned(),
            option: option.to_owned(),
        });
    }
    Ok((question.to_owned(), option.to_owned(), count))
}

/// One line as a CSV record, or `None` for a blank line. Each record is read on its own so that
/// every error names the file's own line number (no id contains a line break).
fn record(line: u64, text: &str) -> Result<Option<csv::StringRecord>, PopulationError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    reader
        .records()
        .next()
        .transpose()
        .map_err(|source| PopulationError::Csv { line, source })
}
