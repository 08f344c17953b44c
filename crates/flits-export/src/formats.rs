//! The export formats, each written row by row into a buffer the caller empties as it goes.

use flits_results::Layout;
use flits_survey::{PollDefinition, QuestionKind};
use serde_json::{Map, Value, json};

/// What an export is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// UTF-8, RFC 4180, a header row.
    Csv,
    /// One object: the poll's definition as codebook, the columns, and the rows as objects
    /// (cells as strings, `null` for "not answered").
    Json,
    /// SPSS syntax (also read by GNU PSPP) that reads the CSV export, saved beside it as
    /// `{slug}.csv`, with variable and value labels.
    Sps,
    /// An Excel workbook: a `data` sheet (numbers where the cells are numbers) and a `codebook`
    /// sheet. The rows are written through a constant-memory sheet; the finished file is built
    /// in memory (compressed) at the end.
    Xlsx,
}

impl Format {
    /// The format named `name` (`csv`, `json`, `sps`).
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "sps" => Some(Format::Sps),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Sps => "sps",
            Format::Xlsx => "xlsx",
        }
    }

    /// The media type of a download.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
            Format::Sps => "text/plain; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    /// Whether the format holds the rows (the syntax only describes them).
    pub(crate) fn has_rows(self) -> bool {
        !matches!(self, Format::Sps)
    }

    /// Whether rows are written as CSV, so that the spool can keep each cell already quoted
    /// ([`csv_field`]) and the rows go out by [`Writer::encoded_row`].
    pub(crate) fn is_csv(self) -> bool {
        matches!(self, Format::Csv)
    }
}

/// Writes one format into an in-memory buffer, row by row.
pub(crate) enum Writer {
    /// The CSV written so far.
    Csv(Vec<u8>),
    Json {
        buffer: Vec<u8>,
        columns: Vec<String>,
        first: bool,
    },
    Sps(Vec<u8>),
    Xlsx(Box<Xlsx>),
}

/// The workbook being written, and what the codebook sheet needs at the end.
pub(crate) struct Xlsx {
    workbook: rust_xlsxwriter::Workbook,
    next_row: u32,
    numeric: Vec<bool>,
    codebook: Vec<flits_results::CodebookEntry>,
}

impl Xlsx {
    fn begin(layout: &Layout<'_>, lang: &str) -> Result<Xlsx, rust_xlsxwriter::XlsxError> {
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet_with_constant_memory();
        sheet.set_name("data")?;
        for (col, name) in layout.header().iter().enumerate() {
            sheet.write_string(0, col_index(col), name)?;
        }
        Ok(Xlsx {
            workbook,
            next_row: 1,
            numeric: layout.numeric_columns(),
            codebook: layout.codebook(lang),
        })
    }

    fn row(&mut self, cells: &[&str]) -> Result<(), rust_xlsxwriter::XlsxError> {
        let row = self.next_row;
        self.next_row += 1;
        let sheet = self.workbook.worksheet_from_index(0)?;
        for (col, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let number = self
                .numeric
                .get(col)
                .copied()
                .unwrap_or(false)
                .then(|| cell.parse::<f64>().ok())
                .flatten();
            match number {
                Some(n) => sheet.write_number(row, col_index(col), n)?,
                None => sheet.write_string(row, col_index(col), *cell)?,
            };
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let sheet = self.workbook.add_worksheet();
        sheet.set_name("codebook")?;
        for (col, title) in [
            "column", "question", "kind", "profile", "text", "value", "label",
        ]
        .iter()
        .enumerate()
        {
            sheet.write_string(0, col_index(col), *title)?;
        }
        let mut row = 1u32;
        for entry in &self.codebook {
            let values: Vec<(&str, &str)> = if entry.values.is_empty() {
                vec![("", "")]
            } else {
                entry
                    .values
                    .iter()
                    .map(|(v, l)| (v.as_str(), l.as_str()))
                    .collect()
            };
            for (value, label) in values {
                let cells = [
                    entry.column.as_str(),
                    entry.question.as_deref().unwrap_or(""),
                    entry.kind.unwrap_or(""),
                    if entry.profile { "yes" } else { "" },
                    entry.text.as_deref().unwrap_or(""),
                    value,
                    label,
                ];
                for (col, cell) in cells.iter().enumerate() {
                    if !cell.is_empty() {
                        sheet.write_string(row, col_index(col), *cell)?;
                    }
                }
                row += 1;
            }
        }
        self.workbook.save_to_buffer()
    }
}

/// A column number as the workbook counts them (a poll has far fewer than 16,384 columns).
fn col_index(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> crate::ExportError {
    crate::ExportError::Write(std::io::Error::other(e))
}

impl Writer {
    /// A writer that has written what comes before the rows.
    pub fn begin(
        format: Format,
        layout: &Layout<'_>,
        definition: &PollDefinition,
        provisional: bool,
        k: usize,
    ) -> Result<Writer, crate::ExportError> {
        let header = layout.header();
        Ok(match format {
            Format::Csv => {
                let mut buffer = Vec::with_capacity(1 << 17);
                let fields: Vec<&[u8]> = header.iter().map(|h| h.as_bytes()).collect();
                csv_record(&fields, &mut buffer);
                Writer::Csv(buffer)
            }
            Format::Json => {
                let head = json!({
                    "poll": definition.slug,
                    "provisional": provisional,
                    "k": k,
                    "columns": header,
                    "codebook": definition,
                });
                let mut head = head;
                if let Some(note) = layout.weight_note() {
                    head["weight"] = json!(note);
                }
                // The head object, left open for the rows.
                let mut text = head.to_string();
                text.pop();
                text.push_str(",\"responses\":[");
                Writer::Json {
                    buffer: text.into_bytes(),
                    columns: header,
                    first: true,
                }
            }
            Format::Sps => Writer::Sps(spss_syntax(layout, definition).into_bytes()),
            Format::Xlsx => {
                let lang = definition
                    .offered_languages()
                    .first()
                    .map(|l| l.code())
                    .unwrap_or("nl");
                Writer::Xlsx(Box::new(Xlsx::begin(layout, lang).map_err(xlsx_error)?))
            }
        })
    }

    /// Adds one row.
    pub fn row(&mut self, cells: &[&str]) -> Result<(), crate::ExportError> {
        match self {
            Writer::Csv(buffer) => {
                let fields: Vec<&[u8]> = cells.iter().map(|c| c.as_bytes()).collect();
                csv_record(&fields, buffer);
            }
            Writer::Json {
                buffer,
                columns,
                first,
            } => {
                let object: Map<String, Value> = columns
                    .iter()
                    .zip(cells)
                    .map(|(name, cell)| {
                        let value = if cell.is_empty() {
                            Value::Null
                        } else {
                            Value::String((*cell).to_owned())
                        };
                        (name.clone(), value)
                    })
                    .collect();
                if !*first {
                    buffer.push(b',');
                }
                *first = false;
                serde_json::to_writer(&mut *buffer, &object)
                    .map_err(|e| crate::ExportError::Write(e.into()))?;
            }
            Writer::Sps(_) => {}
            Writer::Xlsx(x) => x.row(cells).map_err(xlsx_error)?,
        }
        Ok(())
    }

    /// Adds one CSV row whose cells are already CSV fields (see [`csv_field`]); `false` when the
    /// format is not CSV.
    pub fn encoded_row(&mut self, fields: &[&[u8]]) -> bool {
        let Writer::Csv(buffer) = self else {
            return false;
        };
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                buffer.push(b',');
            }
            buffer.extend_from_slice(field);
        }
        buffer.extend_from_slice(b"\r\n");
        true
    }

    /// What has been written so far, taken out of the buffer.
    pub fn take(&mut self) -> Result<Vec<u8>, crate::ExportError> {
        Ok(match self {
            Writer::Csv(buffer) | Writer::Json { buffer, .. } | Writer::Sps(buffer) => {
                std::mem::take(buffer)
            }
            // The workbook is one file, made at the end.
            Writer::Xlsx(_) => Vec::new(),
        })
    }

    /// The buffered size, to decide when to empty it.
    pub fn buffered(&self) -> usize {
        match self {
            Writer::Csv(buffer) | Writer::Json { buffer, .. } | Writer::Sps(buffer) => buffer.len(),
            Writer::Xlsx(_) => 0,
        }
    }

    /// Ends the export; returns the rest.
    pub fn finish(mut self) -> Result<Vec<u8>, crate::ExportError> {
        match self {
            Writer::Xlsx(x) => x.finish().map_err(xlsx_error),
            Writer::Json { ref mut buffer, .. } => {
                buffer.extend_from_slice(b"]}\n");
                self.take()
            }
            _ => self.take(),
        }
    }
}

/// Appends `field` to `out` as a CSV field (RFC 4180, as the `csv` crate writes it with CRLF
/// rows): in double quotes, its own doubled, when it holds a comma, a double quote or a line
/// break; as it is otherwise.
pub(crate) fn csv_field(field: &[u8], out: &mut Vec<u8>) {
    if !field
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
    {
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    for part in field.split_inclusive(|&b| b == b'"') {
        out.extend_from_slice(part);
        if part.last() == Some(&b'"') {
            out.push(b'"');
        }
    }
    out.push(b'"');
}

/// Appends a row of unquoted fields to `out`, with CRLF after it.
fn csv_record(fields: &[&[u8]], out: &mut Vec<u8>) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        csv_field(field, out);
    }
    out.extend_from_slice(b"\r\n");
}

/// A string literal of SPSS syntax.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''").replace(['\n', '\r'], " "))
}

/// The SPSS syntax that reads the CSV export (`{slug}.csv`, beside the syntax file), with each
/// question's text as its variable label and each option's text as its value label, in the
/// poll's first language.
fn spss_syntax(layout: &Layout<'_>, definition: &PollDefinition) -> String {
    let lang = definition
        .offered_languages()
        .first()
        .map(|l| l.code())
        .unwrap_or("nl");
    let header = layout.header();
    // SPSS names may not contain '.' at the end or '-', and are at most 64 bytes.
    let name = |column: &str| -> String {
        let mut n: String = column
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if n.starts_with(|c: char| c.is_ascii_digit() || c == '_') {
            n.insert(0, 'v');
        }
        n.truncate(64);
        n
    };
    let mut variables = Vec::new();
    let mut labels = Vec::new();
    let mut values = Vec::new();
    for column in &header {
        let (kind, label, value_labels) = match column.as_str() {
            "response_id" => ("A36", None, Vec::new()),
            "submitted_on" => ("A10", None, Vec::new()),
            "channel" => ("A64", None, Vec::new()),
            "lang" => ("A8", None, Vec::new()),
            "weight" => ("F12.6", layout.weight_note().map(str::to_owned), Vec::new()),
            _ => {
                let (question_id, option_id) = match column.split_once('.') {
                    Some((q, o)) => (q, Some(o)),
                    None => (column.as_str(), None),
                };
                let Some(q) = definition.question(question_id) else {
                    continue;
                };
                let text = q.text.get(lang).to_owned();
                match (q.kind, option_id) {
                    (QuestionKind::MultiChoice, Some(o)) => {
                        let option = q.option(o).map(|o| o.text.get(lang)).unwrap_or(o);
                        ("A1", Some(format!("{text}: {option}")), Vec::new())
                    }
                    (QuestionKind::SingleChoice, _) => (
                        "A64",
                        Some(text),
                        q.options
                            .iter()
                            .map(|o| (o.id.clone(), o.text.get(lang).to_owned()))
                            .collect(),
                    ),
                    (QuestionKind::Scale, _) => ("A8", Some(text), Vec::new()),
                    _ => ("A2000", Some(text), Vec::new()),
                }
            }
        };
        let n = name(column);
        variables.push(format!("  {n} {kind}"));
        if let Some(label) = label {
            labels.push(format!("  {n} {}", quoted(&label)));
        }
        if !value_labels.is_empty() {
            let pairs: Vec<String> = value_labels
                .iter()
                .map(|(v, l)| format!("{} {}", quoted(v), quoted(l)))
                .collect();
            values.push(format!("  /{n} {}", pairs.join(" ")));
        }
    }
    let mut out = String::new();
    out.push_str(&format!(
        "* Flits export of poll {}: reads {}.csv (the CSV export) from the working directory.\n",
        definition.slug, definition.slug
    ));
    out.push_str(&format!(
        "GET DATA\n  /TYPE=TXT\n  /FILE={}\n  /ENCODING='UTF8'\n  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n  /ARRANGEMENT=DELIMITED\n  /FIRSTCASE=2\n  /VARIABLES=\n",
        quoted(&format!("{}.csv", definition.slug))
    ));
    out.push_str(&variables.join("\n"));
    out.push_str(".\n");
    if !labels.is_empty() {
        out.push_str("VARIABLE LABELS\n");
        out.push_str(&labels.join("\n"));
        out.push_str(".\n");
    }
    if !values.is_empty() {
        out.push_str("VALUE LABELS\n");
        out.push_str(values.join("\n").trim_start_matches("  /"));
        out.push_str(".\n");
    }
    out.push_str("EXECUTE.\n");
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The export's own CSV rows are the `csv` crate's, byte for byte.
        #[test]
        fn csv_rows_are_written_as_the_csv_crate_writes_them(
            rows in prop::collection::vec(prop::collection::vec("[a-z,\"\r\n é*]{0,6}", 2..6), 1..5)
        ) {
            let mut ours = Vec::new();
            let mut theirs = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .flexible(true)
                .from_writer(Vec::new());
            for row in &rows {
                let fields: Vec<&[u8]> = row.iter().map(|f| f.as_bytes()).collect();
                csv_record(&fields, &mut ours);
                theirs.write_record(row).unwrap();
            }
            prop_assert_eq!(ours, theirs.into_inner().unwrap());
        }
    }
}
