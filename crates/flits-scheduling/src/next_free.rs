//! The next free slot over both the spacing rules and the channel limits.

use chrono::{DateTime, Utc};
use flits_schedule::{Calendar, ChannelLimit, ScheduleError, ScheduleRequest, channel_next_free};

/// The opening times of the other polls on one requested channel.
pub(crate) type ChannelTimes = (String, Vec<DateTime<Utc>>);

/// The earliest opening at or after `from` with the request's duration that breaks neither a
/// spacing rule nor a channel limit. The calendar and the channels each compute their own next
/// free time; the later of the two is tried again until both agree (bounded).
pub(crate) fn next_free(
    calendar: &Calendar,
    request: &ScheduleRequest,
    from: DateTime<Utc>,
    channels: &[ChannelTimes],
    limit: ChannelLimit,
) -> Result<Option<DateTime<Utc>>, ScheduleError> {
    let duration = request.closes_at - request.opens_at;
    let mut t = from;
    for _ in 0..64 {
        let Some(closes_at) = t.checked_add_signed(duration) else {
            return Ok(None);
        };
        let probe = ScheduleRequest {
            opens_at: t,
            closes_at,
            ..request.clone()
        };
        let Some(spaced) = calendar.next_free(&probe)? else {
            return Ok(None);
        };
        let mut candidate = spaced;
        for (_, times) in channels {
            match channel_next_free(candidate, times, limit) {
                Some(c) => candidate = candidate.max(c),
                None => return Ok(None),
            }
        }
        if candidate == spaced {
            return Ok(Some(spaced));
        }
        t = candidate;
    }
    Ok(None)
}
