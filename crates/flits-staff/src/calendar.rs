//! The region's calendar: every scheduled, open and past poll with its audiences, so staff of one
//! municipality see what the others plan. The quiet periods come from the scheduling policy.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_store::{Store, StoreError};
use flits_survey::PollState;

/// A poll on the calendar page and in the feed, with what staff read about it (unlike
/// `flits_store::CalendarPoll`, which is what the spacing check reads).
#[derive(Debug, Clone)]
pub struct CalendarEntry {
    pub slug: String,
    pub title: String,
    pub organisation: String,
    pub state: PollState,
    pub audiences: Vec<String>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

impl CalendarEntry {
    /// Whether the poll is open on some part of this Amsterdam calendar day.
    pub fn open_on(&self, day: NaiveDate) -> bool {
        let first = self.opens_at.with_timezone(&Amsterdam).date_naive();
        let last = self.closes_at.with_timezone(&Amsterdam).date_naive();
        first <= day && day <= last
    }
}

/// Every poll that holds a place in the calendar (not drafts), oldest first.
pub async fn calendar_polls(store: &Store, lang: &str) -> Result<Vec<CalendarEntry>, StoreError> {
    let mut out = Vec::new();
    for p in store.polls().await? {
        let (Some(opens_at), Some(closes_at)) = (p.opens_at, p.closes_at) else {
            continue;
        };
        if !p.state.occupies_calendar() {
            continue;
        }
        out.push(CalendarEntry {
            audiences: store.poll_audiences(p.id).await?,
            slug: p.slug,
            title: p.definition.title.get(lang).to_owned(),
            organisation: p.organisation_id,
            state: p.state,
            opens_at,
            closes_at,
        });
    }
    out.sort_by_key(|p| p.opens_at);
    Ok(out)
}
