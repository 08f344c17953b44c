//! Running an export: the two streaming reads, suppression in between, and the audit row.

use std::io::{BufWriter, Read, Seek, Write};

use flits_results::anonymise::Table;
use flits_results::{Layout, ResponseRecord, parse_answer_slots, parse_answers};
use flits_store::{NewAudit, Poll, Store, StoredResponse};
use flits_survey::PollState;
use futures_util::TryStreamExt;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::json;
use tokio::io::{AsyncWrite, AsyncWriteExt};
use uuid::Uuid;

use crate::ExportError;
use crate::formats::{Format, Writer, csv_field};
use crate::weighting::{self, Weighting};

/// The buffer is handed to the writer whenever it holds this much.
const FLUSH_AT: usize = 1 << 16;

/// Rows per spool bucket, about: a bucket is shuffled in memory (a few megabytes).
const ROWS_PER_BUCKET: u64 = 16_384;
/// At most this many buckets (open spool files) however large the poll.
const MAX_BUCKETS: u64 = 512;

/// What to export, and for whom.
#[derive(Debug, Clone)]
pub struct ExportRequest<'a> {
    pub poll: &'a Poll,
    pub format: Format,
    /// Every combination of profile values and language appears in at least this many rows.
    pub k: usize,
    /// The staff user (e-mail address) for the audit log; `None` for the command line.
    pub actor: Option<String>,
    /// Weights are trimmed at this multiple of the mean weight (`weight_cap`).
    pub weight_cap: f64,
}

/// What was exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    pub rows: u64,
    /// The poll was still open (or not yet closed): the numbers may change.
    pub provisional: bool,
    /// Profile values replaced by `*`.
    pub suppressed: usize,
}

/// A stored response as the results crate reads it.
fn record(poll: &Poll, stored: StoredResponse) -> ResponseRecord {
    ResponseRecord {
        answers: parse_answers(&poll.definition, &stored.answers),
        channel: stored.channel,
        lang: stored.lang,
        submitted_on: stored.submitted_on,
    }
}

/// The poll's results under the small-cell rule for `k`, counted over its responses as they
/// are stored; once the responses were deleted under `[retention]`, the figures kept then (with
/// the `k` of that day).
pub async fn aggregate(
    store: &Store,
    poll: &Poll,
    k: u64,
) -> Result<flits_results::Aggregates, ExportError> {
    if let Some(kept) = store.retained_figures(poll.id).await? {
        return Ok(serde_json::from_str(&kept.figures)?);
    }
    let mut aggregator = flits_results::aggregate::Aggregator::new(&poll.definition);
    let mut rows = store.scan_responses(poll.id).await?;
    while let Some(stored) = rows.try_next().await? {
        aggregator.add(&record(poll, stored));
    }
    Ok(aggregator.finish(k))
}

/// `Err(ResponsesDeleted)` when the poll's responses were deleted under `[retention]`: an export
/// would be empty, and its reader should hear why. Callers that stream check this first.
pub async fn check_responses_kept(store: &Store, poll: &Poll) -> Result<(), ExportError> {
    match store.retained_figures(poll.id).await? {
        Some(kept) => Err(ExportError::ResponsesDeleted(
            flits_schedule::days::local_date(kept.deleted_at),
        )),
        None => Ok(()),
    }
}

/// Open answers to pick quotes from: per open question, each answer scrubbed of personal data,
/// at most `limit` in all (in the random order of the stored rows). For staff publishing
/// results of a closed poll; never shown as such to the public.
pub async fn open_answers(
    store: &Store,
    poll: &Poll,
    limit: usize,
) -> Result<Vec<(String, String)>, ExportError> {
    let mut out = Vec::new();
    let mut rows = store.stream_responses(poll.id).await?;
    while let Some(stored) = rows.try_next().await? {
        for (question_id, answer) in record(poll, stored).answers {
            if let flits_survey::Answer::Text(text) = answer
                && !text.trim().is_empty()
            {
                out.push((question_id, flits_results::scrub(&text).text.into_owned()));
            }
        }
        if out.len() >= limit {
            out.truncate(limit);
            break;
        }
    }
    Ok(out)
}

/// Rows handed to the spooling thread at a time.
const BATCH: usize = 1024;

/// A spool bucket: a temporary file of rows in the spool's own form (see [`SpoolRow`]).
type Bucket = BufWriter<std::fs::File>;

/// One row as the spool keeps it: its number in the k-anonymity table (4 bytes, little-endian)
/// and its cells, each its length (4 bytes) and its UTF-8 text; the whole preceded by its own
/// length. Reading it back is slicing, not parsing: a CSV spool cost a second CSV parse of
/// every row.
struct SpoolRow;

impl SpoolRow {
    /// Appends a row to `out`: its number, then the cells `fill` hands to `cell`, each as a CSV
    /// field ([`csv_field`]) when `csv`.
    fn encode(
        out: &mut Vec<u8>,
        number: usize,
        csv: bool,
        fill: impl FnOnce(&mut dyn FnMut(&str)),
    ) {
        let start = out.len();
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&u32::try_from(number).unwrap_or(u32::MAX).to_le_bytes());
        fill(&mut |cell: &str| {
            let at = out.len();
            out.extend_from_slice(&[0; 4]);
            if csv {
                csv_field(cell.as_bytes(), out);
            } else {
                out.extend_from_slice(cell.as_bytes());
            }
            let length = u32::try_from(out.len() - at - 4).unwrap_or(u32::MAX);
            out[at..at + 4].copy_from_slice(&length.to_le_bytes());
        });
        let length = u32::try_from(out.len() - start - 4).unwrap_or(u32::MAX);
        out[start..start + 4].copy_from_slice(&length.to_le_bytes());
    }

    /// Where each row of a spool file starts (after its length), or `None` for a file this spool
    /// did not write.
    fn starts(spool: &[u8]) -> Option<Vec<(usize, usize)>> {
        let mut rows = Vec::new();
        let mut at = 0;
        while at < spool.len() {
            let length = usize::try_from(read_u32(spool, at)?).ok()?;
            let end = (at + 4).checked_add(length)?;
            if end > spool.len() {
                return None;
            }
            rows.push((at + 4, end));
            at = end;
        }
        Some(rows)
    }

    /// A row's number and its cells into `cells`; `None` when it is not a row this spool wrote.
    fn decode<'s>(row: &'s [u8], cells: &mut Vec<&'s [u8]>) -> Option<usize> {
        let number = usize::try_from(read_u32(row, 0)?).ok()?;
        let mut at = 4;
        while at < row.len() {
            let length = usize::try_from(read_u32(row, at)?).ok()?;
            cells.push(row.get(at + 4..(at + 4).checked_add(length)?)?);
            at += 4 + length;
        }
        Some(number)
    }
}

/// The little-endian `u32` at `at`, if `bytes` has one there.
fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let four: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(four))
}

/// A spool file that does not read back as written (a bug, or a disk that lost data).
fn spool_damaged() -> ExportError {
    ExportError::Write(std::io::Error::other("export spool damaged"))
}

/// The spooling thread: per row, the answers read, what k-anonymity needs (its profile values
/// and language) kept in the table, and its cells (answers scrubbed) written to a bucket picked
/// at random, after the row's number in the table. Returns the table and the buckets once the
/// reader is done.
fn spool(
    definition: &flits_survey::PollDefinition,
    weighted: bool,
    csv: bool,
    expected: u64,
    mut buckets: Vec<Bucket>,
    mut rows: tokio::sync::mpsc::Receiver<Vec<StoredResponse>>,
) -> Result<(Table, Vec<Bucket>), ExportError> {
    let mut layout = Layout::new(definition);
    if weighted {
        // An empty `weight` cell for now: the weights are known only after suppression.
        layout = layout.with_weight(String::new());
    }
    let mut table = Table::new(layout.profile_count());
    table.reserve(usize::try_from(expected).unwrap_or(0));
    let mut rng = StdRng::from_rng(&mut rand::rng());
    let mut encoded = Vec::with_capacity(1024);
    while let Some(batch) = rows.blocking_recv() {
        for stored in batch {
            let answers = parse_answer_slots(definition, &stored.answers);
            {
                let values = layout.profile_values(&answers);
                let values: Vec<&str> = values.iter().map(AsRef::as_ref).collect();
                table.push(&values, &stored.lang);
            }
            encoded.clear();
            SpoolRow::encode(&mut encoded, table.len() - 1, csv, |cell| {
                layout.cells(
                    stored.channel.as_deref(),
                    &stored.lang,
                    stored.submitted_on,
                    &answers,
                    cell,
                );
            });
            let bucket = rng.random_range(0..buckets.len());
            buckets[bucket].write_all(&encoded)?;
        }
    }
    Ok((table, buckets))
}

/// A bucket read back and shuffled: its bytes, and where each row is in them, in random order.
type Shuffled = (Vec<u8>, Vec<(usize, usize)>);

/// The reading thread of the second half: each bucket read back and shuffled, handed on whole.
fn unspool(
    buckets: Vec<Bucket>,
    out: tokio::sync::mpsc::Sender<Shuffled>,
) -> Result<(), ExportError> {
    let mut rng = StdRng::from_rng(&mut rand::rng());
    for bucket in buckets {
        let mut file = bucket
            .into_inner()
            .map_err(|e| ExportError::Write(e.into_error()))?;
        let size = file.seek(std::io::SeekFrom::End(0))?;
        file.seek(std::io::SeekFrom::Start(0))?;
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        file.read_to_end(&mut bytes)?;
        drop(file);
        let mut rows = SpoolRow::starts(&bytes).ok_or_else(spool_damaged)?;
        rows.shuffle(&mut rng);
        if out.blocking_send((bytes, rows)).is_err() {
            break; // The writer stopped; its error is the one to report.
        }
    }
    Ok(())
}

/// A thread of the export that panicked or was cancelled.
fn joined(e: tokio::task::JoinError) -> ExportError {
    ExportError::Write(std::io::Error::other(e))
}

/// Whether a poll's numbers may still change (it has not closed).
pub fn is_provisional(poll: &Poll) -> bool {
    matches!(
        poll.state,
        PollState::Draft | PollState::Scheduled | PollState::Open
    )
}

/// Exports the poll's responses to `out` in the request's format; `progress(done, total)` is
/// called as rows are written. See the crate documentation.
pub async fn export<W: AsyncWrite + Unpin>(
    store: &Store,
    request: ExportRequest<'_>,
    out: &mut W,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<Exported, ExportError> {
    let poll = request.poll;
    check_responses_kept(store, poll).await?;
    let definition = &poll.definition;
    let provisional = is_provisional(poll);

    // The one read, in whatever order the database finds the rows fastest. This task only
    // reads; a second thread (`spool`) reads each row's answers, keeps what k-anonymity needs
    // (profile values and language) in the table, and writes the row's cells to a spool bucket
    // picked at random, after the row's number in the table. Two cores, two halves of the work
    // (on SQLite, SQLite's own thread does much of the reading).
    let expected = if request.format.has_rows() {
        store.count_responses(poll.id).await?
    } else {
        0
    };
    let buckets: Vec<Bucket> = (0..expected.div_ceil(ROWS_PER_BUCKET).clamp(1, MAX_BUCKETS))
        .map(|_| Ok(BufWriter::with_capacity(1 << 16, tempfile::tempfile()?)))
        .collect::<Result<_, std::io::Error>>()?;
    // With population margins for its profile questions, the export gets a `weight` column.
    let weighting = match store.poll_population(poll).await? {
        Some(population) => Weighting::new(definition, &population.margins),
        None => None,
    };
    let (rows_out, rows_in) = tokio::sync::mpsc::channel::<Vec<StoredResponse>>(4);
    let spooler = tokio::task::spawn_blocking({
        let definition = definition.clone();
        let weighted = weighting.is_some();
        let csv = request.format.is_csv();
        move || spool(&definition, weighted, csv, expected, buckets, rows_in)
    });
    if request.format.has_rows() {
        let mut rows = store.scan_responses(poll.id).await?;
        let mut batch = Vec::with_capacity(BATCH);
        while let Some(stored) = rows.try_next().await? {
            batch.push(stored);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if rows_out.send(full).await.is_err() {
                    break; // The spooler failed; its error comes below.
                }
            }
        }
        if !batch.is_empty() {
            let _ = rows_out.send(batch).await;
        }
    }
    drop(rows_out);
    let (mut table, buckets) = spooler.await.map_err(joined)??;
    let suppressed = table.suppress(request.k);
    let total = table.len() as u64;
    // The weights, from the rows as they will be shown (after suppression).
    let raked = match &weighting {
        Some(w) if !table.is_empty() => match w.rake(&table, request.weight_cap) {
            Ok(raked) => Some(raked),
            Err(e) => {
                tracing::warn!(poll = %poll.slug, code = e.code(), "export weights not made");
                None
            }
        },
        _ => None,
    };
    let layout = match &weighting {
        Some(w) => Layout::new(definition)
            .with_weight(weighting::note(w, raked.as_ref().map(|r| r.report()))),
        None => Layout::new(definition),
    };
    let weight_column = layout.weight_column();
    let mut pattern = Vec::new();

    // Then the buckets one by one, each shuffled: random buckets, then a random order within
    // each, is a random order of all rows. A thread reads and shuffles the next bucket while
    // this task writes the rows of the last one out in the asked format, with a fresh response
    // id and the suppressed profile cells as `*`.
    let profile_columns = layout.profile_columns();
    let mut writer = Writer::begin(request.format, &layout, definition, provisional, request.k)?;
    let mut written = 0u64;
    let (shuffled_out, mut shuffled_in) = tokio::sync::mpsc::channel::<Shuffled>(1);
    let shuffler = tokio::task::spawn_blocking(move || unspool(buckets, shuffled_out));
    while let Some((bytes, rows)) = shuffled_in.recv().await {
        for &(start, end) in &rows {
            let mut cells = Vec::with_capacity(layout.width());
            let index =
                SpoolRow::decode(&bytes[start..end], &mut cells).ok_or_else(spool_damaged)?;
            let mut id_buffer = [0u8; uuid::fmt::Hyphenated::LENGTH];
            if cells.len() != layout.width() || index >= table.len() {
                return Err(spool_damaged());
            }
            cells[0] = Uuid::new_v4()
                .hyphenated()
                .encode_lower(&mut id_buffer)
                .as_bytes();
            for (p, columns) in profile_columns.iter().enumerate() {
                if table.is_suppressed(index, p) {
                    for &c in columns {
                        cells[c] = flits_results::SUPPRESSED.as_bytes();
                    }
                }
            }
            let weight_cell;
            if let (Some(column), Some(w), Some(raked)) = (weight_column, &weighting, &raked) {
                w.pattern(&table, index, &mut pattern);
                if let Some(weight) = raked.weight(&pattern) {
                    weight_cell = weighting::cell(weight);
                    cells[column] = weight_cell.as_bytes();
                }
            }
            // In CSV the spooled cells are CSV fields already, and the id, `*` and the weight
            // need no quotes; other formats take the texts.
            if !writer.encoded_row(&cells) {
                let texts = cells
                    .iter()
                    .map(|c| std::str::from_utf8(c).map_err(|_| spool_damaged()))
                    .collect::<Result<Vec<&str>, _>>()?;
                writer.row(&texts)?;
            }
            written += 1;
            if writer.buffered() >= FLUSH_AT {
                out.write_all(&writer.take()?).await?;
                progress(written, total);
            }
        }
    }
    shuffler.await.map_err(joined)??;
    out.write_all(&writer.finish()?).await?;
    out.flush().await?;
    progress(written, total);

    store
        .insert_audit(NewAudit {
            actor_email: request.actor,
            action: "poll.exported".to_owned(),
            poll_slug: Some(poll.slug.clone()),
            details: json!({
                "format": request.format.name(),
                "rows": written,
                "weighted": weighting.is_some(),
                "provisional": provisional,
                "suppressed": suppressed,
            }),
        })
        .await?;
    tracing::info!(poll = %poll.slug, format = request.format.name(), rows = written, suppressed, "poll exported");
    Ok(Exported {
        rows: written,
        provisional,
        suppressed,
    })
}
