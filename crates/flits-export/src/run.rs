//! Running an export: the two streaming reads, suppression in between, and the audit row.

use flits_results::anonymise::Table;
use flits_results::{Layout, ResponseRecord, read_answers};
use flits_store::{NewAudit, Poll, Store, StoredResponse};
use flits_survey::PollState;
use futures_util::TryStreamExt;
use serde_json::json;
use std::io::Seek;
use tokio::io::{AsyncWrite, AsyncWriteExt};
use uuid::Uuid;

use crate::ExportError;
use crate::formats::{Format, Writer};

/// The buffer is handed to the writer whenever it holds this much.
const FLUSH_AT: usize = 1 << 16;

/// What to export, and for whom.
#[derive(Debug, Clone)]
pub struct ExportRequest<'a> {
    pub poll: &'a Poll,
    pub format: Format,
    /// Every combination of profile values and language appears in at least this many rows.
    pub k: usize,
    /// The staff user (e-mail address) for the audit log; `None` for the command line.
    pub actor: Option<String>,
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
fn record(poll: &Poll, stored: &StoredResponse) -> ResponseRecord {
    let answers = serde_json::from_str(&stored.answers).unwrap_or(serde_json::Value::Null);
    ResponseRecord {
        channel: stored.channel.clone(),
        lang: stored.lang.clone(),
        submitted_on: stored.submitted_on,
        answers: read_answers(&poll.definition, &answers),
    }
}

/// The poll's results under the small-cell rule for `k`, counted over its responses as they
/// stream by.
pub async fn aggregate(
    store: &Store,
    poll: &Poll,
    k: u64,
) -> Result<flits_results::Aggregates, ExportError> {
    let mut aggregator = flits_results::aggregate::Aggregator::new(&poll.definition);
    let mut rows = store.stream_responses(poll.id).await?;
    while let Some(stored) = rows.try_next().await? {
        aggregator.add(&record(poll, &stored));
    }
    Ok(aggregator.finish(k))
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
        for (question_id, answer) in record(poll, &stored).answers {
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
    let definition = &poll.definition;
    let layout = Layout::new(definition);
    let provisional = is_provisional(poll);

    // The one read: each row's cells go to a spool file (CSV, by the csv crate) as they stream
    // by, and its profile values and language to the table, whose row `i` is the spool's row `i`.
    let mut table = Table::new(layout.profile_count());
    let mut spool = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(std::io::BufWriter::new(tempfile::tempfile()?));
    if request.format.has_rows() {
        let no_suppression = vec![false; layout.profile_count()];
        let mut rows = store.stream_responses(poll.id).await?;
        while let Some(stored) = rows.try_next().await? {
            let record = record(poll, &stored);
            let values = layout.profile_values(&record);
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            table.push(&values, &stored.lang);
            let response_id = Uuid::new_v4().to_string();
            let cells = layout.row(&response_id, &record, &no_suppression);
            spool.write_record(cells.iter().map(|c| c.as_bytes()))?;
        }
    }
    let suppressed = table.suppress(request.k);
    let total = table.len() as u64;
    let mut file = spool
        .into_inner()
        .map_err(|e| ExportError::Write(e.into_error()))?
        .into_inner()
        .map_err(|e| ExportError::Write(e.into_error()))?;
    file.seek(std::io::SeekFrom::Start(0))?;

    // Then the spool, out in the asked format, with the suppressed profile cells as `*`.
    let profile_columns = layout.profile_columns();
    let mut writer = Writer::begin(request.format, &layout, definition, provisional, request.k)?;
    let mut written = 0u64;
    let mut spooled = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(std::io::BufReader::new(file));
    let mut row = csv::StringRecord::new();
    while spooled.read_record(&mut row)? {
        let index = usize::try_from(written).unwrap_or(usize::MAX);
        let mut cells: Vec<std::borrow::Cow<'_, str>> =
            row.iter().map(std::borrow::Cow::Borrowed).collect();
        for (p, columns) in profile_columns.iter().enumerate() {
            if table.is_suppressed(index, p) {
                for &c in columns {
                    if let Some(cell) = cells.get_mut(c) {
                        *cell = std::borrow::Cow::Borrowed(flits_results::SUPPRESSED);
                    }
                }
            }
        }
        writer.row(&cells)?;
        written += 1;
        if writer.buffered() >= FLUSH_AT {
            out.write_all(&writer.take()?).await?;
            progress(written, total);
        }
    }
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
