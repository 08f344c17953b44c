//! How long a poll may be open, and how far ahead it may be placed on the calendar.
//!
//! Spacing keeps polls for the same residents apart, so a poll that holds the calendar for years
//! (opening in 2030, closing in 2045) would block every later poll for its audiences: a squat.
//! Two caps stop that for everyone, admins included (an override lets a schedule break spacing
//! rules, not these): a poll is open at most [`ScheduleLimits::max_open_days`] calendar days, and
//! opens at the latest [`ScheduleLimits::max_months_ahead`] months after today. Like every
//! day-based rule they count Amsterdam calendar dates ([`crate::days`]), so the time of day and a
//! summer-time change never tip a poll over.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::days::{end_of_day, local_date};

/// The shipped caps: eight weeks open, and opening within a year.
impl Default for ScheduleLimits {
    fn default() -> Self {
        ScheduleLimits {
            max_open_days: 56,
            max_months_ahead: 12,
        }
    }
}

/// The caps on a poll's open period and on how far ahead it opens (`[spacing] max_open_days`,
/// `max_months_ahead`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleLimits {
    /// The most calendar days from the opening date to the closing date.
    pub max_open_days: u32,
    /// The latest opening date is today plus this many months (the same day of the month, or the
    /// month's last day when it has no such day).
    pub max_months_ahead: u32,
}

/// A schedule that breaks a cap. Codes and numbers only: the scheduling service and its callers
/// put them into words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum LimitBreach {
    /// The poll would be open for `days` calendar days; at most `max_days` are allowed.
    OpenTooLong { days: i64, max_days: u32 },
    /// The poll would open on `opens_on`, after `latest`, the last date `max_months` months
    /// ahead.
    TooFarAhead {
        opens_on: NaiveDate,
        latest: NaiveDate,
        max_months: u32,
    },
}

impl LimitBreach {
    /// The stable machine code (the API's `error.code`).
    pub fn code(&self) -> &'static str {
        match self {
            LimitBreach::OpenTooLong { .. } => "open_period_too_long",
            LimitBreach::TooFarAhead { .. } => "opens_too_far_ahead",
        }
    }
}

impl ScheduleLimits {
    /// The last Amsterdam date a poll may open on, for a schedule made at `now`.
    pub fn latest_opening_date(&self, now: DateTime<Utc>) -> NaiveDate {
        local_date(now)
            .checked_add_months(Months::new(self.max_months_ahead))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The first instant at which a poll may no longer open, for a schedule made at `now`: the
    /// end of [`ScheduleLimits::latest_opening_date`].
    pub fn opening_deadline(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        end_of_day(self.latest_opening_date(now))
    }

    /// Whether a poll open from `opens_at` to `closes_at`, scheduled at `now`, keeps both caps;
    /// the first it breaks otherwise (how far ahead, then how long).
    pub fn check(
        &self,
        opens_at: DateTime<Utc>,
        closes_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), LimitBreach> {
        let opens_on = local_date(opens_at);
        let latest = self.latest_opening_date(now);
        if opens_on > latest {
            return Err(LimitBreach::TooFarAhead {
                opens_on,
                latest,
                max_months: self.max_months_ahead,
            });
        }
        let days = (local_date(closes_at) - opens_on).num_days();
        if days > i64::from(self.max_open_days) {
            return Err(LimitBreach::OpenTooLong {
                days,
                max_days: self.max_open_days,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn the_squat_breaks_both_caps_and_a_normal_poll_neither() {
        let limits = ScheduleLimits::default();
        let now = at(2026, 12, 6, 12);
        // Heemskerk's poll for Beverwijk and IJmond, 2030 to 2045.
        assert!(matches!(
            limits.check(at(2030, 1, 1, 9), at(2045, 1, 1, 9), now),
            Err(LimitBreach::TooFarAhead { max_months: 12, .. })
        ));
        assert_eq!(
            limits.check(at(2027, 1, 4, 9), at(2037, 1, 4, 9), now),
            Err(LimitBreach::OpenTooLong {
                days: 3653,
                max_days: 56
            })
        );
        assert_eq!(
            limits.check(at(2027, 1, 4, 8), at(2027, 1, 18, 16), now),
            Ok(())
        );
    }

    #[test]
    fn caps_count_amsterdam_dates() {
        let limits = ScheduleLimits::default();
        let now = at(2026, 12, 6, 12);
        assert_eq!(
            limits.latest_opening_date(now),
            NaiveDate::from_ymd_opt(2027, 12, 6).unwrap()
        );
        // 23:30 UTC on 6 December 2027 is already the 7th in Amsterdam.
        assert!(
            limits
                .check(at(2027, 12, 6, 22), at(2027, 12, 8, 9), now)
                .is_ok()
        );
        assert!(
            limits
                .check(at(2027, 12, 6, 23), at(2027, 12, 8, 9), now)
                .is_err()
        );
        assert_eq!(limits.opening_deadline(now), at(2027, 12, 6, 23));
        // Eight weeks to the date, whatever the time of day and across the change to summer time.
        let opens = at(2027, 3, 1, 8);
        assert!(limits.check(opens, at(2027, 4, 26, 20), now).is_ok());
        assert_eq!(
            limits.check(opens, at(2027, 4, 27, 8), now),
            Err(LimitBreach::OpenTooLong {
                days: 57,
                max_days: 56
            })
        );
        // A month without the 31st ends on its last day.
        let end_of_january = at(2027, 1, 31, 12);
        let short = ScheduleLimits {
            max_open_days: 56,
            max_months_ahead: 1,
        };
        assert_eq!(
            short.latest_opening_date(end_of_january),
            NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()
        );
    }
}
