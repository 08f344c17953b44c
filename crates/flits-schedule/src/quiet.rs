//! Quiet periods (docs/api.md, "Scheduling and spacing"): date ranges, such as elections, in which no poll for the
//! listed audiences may be open.
//!
//! A quiet period for an audience also covers everything inside it (an election in IJmond is an
//! election in Velsen) and, because a regional poll counts for each municipality, polls for
//! anything that includes it: a poll for IJmond may not be open during Velsen's quiet period
//! either. In short, a poll is affected when one of its audiences overlaps a listed audience.
//!
//! Dates are inclusive Amsterdam calendar dates, so "from 1 to 18 March" means from 1 March 00:00
//! until 19 March 00:00 Amsterdam time, whatever summer time does in between.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{AudienceTree, ScheduleError, days};

/// A date range in which no poll for the listed audiences may be open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuietPeriod {
    /// First quiet date (inclusive, Europe/Amsterdam).
    pub from: NaiveDate,
    /// Last quiet date (inclusive, Europe/Amsterdam).
    pub to: NaiveDate,
    /// Why, shown to staff with a conflict (e.g. "Verkiezingen").
    pub reason: String,
    /// The audiences that must not be polled; everything overlapping them is affected.
    pub audiences: Vec<String>,
}

impl QuietPeriod {
    /// The first quiet instant: `from` at 00:00 in Amsterdam.
    pub fn starts_at(&self) -> DateTime<Utc> {
        days::start_of_day(self.from)
    }

    /// The first instant after the period: the day after `to` at 00:00 in Amsterdam.
    pub fn ends_at(&self) -> DateTime<Utc> {
        days::end_of_day(self.to)
    }

    /// Whether a poll open from `opens_at` (inclusive) to `closes_at` (exclusive) would be open
    /// at some moment of the period, regardless of audience.
    pub fn intersects(&self, opens_at: DateTime<Utc>, closes_at: DateTime<Utc>) -> bool {
        opens_at < self.ends_at() && self.starts_at() < closes_at
    }

    /// Checks that the period does not end before it starts and that it lists at least one
    /// audience, all known.
    pub fn validate(&self, tree: &AudienceTree) -> Result<(), ScheduleError> {
        let invalid = |reason: &str| ScheduleError::InvalidQuietPeriod {
            from: self.from,
            to: self.to,
            reason: reason.to_owned(),
        };
        if self.to < self.from {
            return Err(invalid("the last date is before the first"));
        }
        if self.audiences.is_empty() {
            return Err(invalid("no audiences listed"));
        }
        for audience in &self.audiences {
            if !tree.contains(audience) {
                return Err(ScheduleError::UnknownAudience(audience.clone()));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Audience;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn period(from: &str, to: &str) -> QuietPeriod {
        QuietPeriod {
            from: from.parse().unwrap(),
            to: to.parse().unwrap(),
            reason: "Verkiezingen".into(),
            audiences: vec!["ijmond".into()],
        }
    }

    #[test]
    fn inclusive_dates_in_amsterdam_time() {
        let q = period("2027-03-01", "2027-03-18");
        assert_eq!(q.starts_at(), utc("2027-02-28T23:00:00Z"));
        assert_eq!(q.ends_at(), utc("2027-03-18T23:00:00Z"));
        let q = period("2027-06-01", "2027-06-01");
        assert_eq!(q.ends_at() - q.starts_at(), chrono::TimeDelta::hours(24));
    }

    #[test]
    fn ending_on_the_last_sunday_of_march_when_summer_time_starts() {
        // 28 March 2027 is the last Sunday of March: the clocks go from 02:00 to 03:00.
        let q = period("2027-03-20", "2027-03-28");
        assert_eq!(
            q.starts_at(),
            utc("2027-03-19T23:00:00Z"),
            "starts in winter time (+01:00)"
        );
        assert_eq!(
            q.ends_at(),
            utc("2027-03-28T22:00:00Z"),
            "ends at midnight summer time (+02:00)"
        );
        assert!(q.intersects(utc("2027-03-28T21:00:00Z"), utc("2027-04-01T00:00:00Z")));
        assert!(!q.intersects(utc("2027-03-28T22:00:00Z"), utc("2027-04-01T00:00:00Z")));
        // A poll closing exactly when the period starts is not open during it.
        assert!(!q.intersects(utc("2027-03-10T00:00:00Z"), utc("2027-03-19T23:00:00Z")));
        assert!(q.intersects(utc("2027-03-10T00:00:00Z"), utc("2027-03-19T23:00:01Z")));
        let sunday = period("2027-03-28", "2027-03-28");
        assert_eq!(
            sunday.ends_at() - sunday.starts_at(),
            chrono::TimeDelta::hours(23)
        );
    }

    #[test]
    fn ending_on_the_last_sunday_of_october_when_summer_time_ends() {
        // 31 October 2027 is the last Sunday of October: the clocks go from 03:00 back to 02:00.
        let q = period("2027-10-20", "2027-10-31");
        assert_eq!(
            q.starts_at(),
            utc("2027-10-19T22:00:00Z"),
            "starts in summer time (+02:00)"
        );
        assert_eq!(
            q.ends_at(),
            utc("2027-10-31T23:00:00Z"),
            "ends at midnight winter time (+01:00)"
        );
        assert!(q.intersects(utc("2027-10-31T22:59:59Z"), utc("2027-11-05T00:00:00Z")));
        assert!(!q.intersects(utc("2027-10-31T23:00:00Z"), utc("2027-11-05T00:00:00Z")));
        let sunday = period("2027-10-31", "2027-10-31");
        assert_eq!(
            sunday.ends_at() - sunday.starts_at(),
            chrono::TimeDelta::hours(25)
        );
    }

    #[test]
    fn validation() {
        let tree = AudienceTree::new(vec![Audience::root("ijmond")]).unwrap();
        assert_eq!(period("2027-03-01", "2027-03-18").validate(&tree), Ok(()));
        assert!(matches!(
            period("2027-03-18", "2027-03-01").validate(&tree),
            Err(ScheduleError::InvalidQuietPeriod { .. })
        ));
        let mut q = period("2027-03-01", "2027-03-18");
        q.audiences.clear();
        assert!(matches!(
            q.validate(&tree),
            Err(ScheduleError::InvalidQuietPeriod { .. })
        ));
        q.audiences.push("velsen".into());
        assert_eq!(
            q.validate(&tree),
            Err(ScheduleError::UnknownAudience("velsen".into()))
        );
    }

    #[test]
    fn reads_the_configuration_shape() {
        let q: QuietPeriod = serde_json::from_str(
            r#"{"from": "2027-03-01", "to": "2027-03-18", "reason": "Verkiezingen", "audiences": ["ijmond"]}"#,
        )
        .unwrap();
        assert_eq!(q, period("2027-03-01", "2027-03-18"));
    }
}
