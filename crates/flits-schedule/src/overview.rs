//! What the scheduling page shows before anyone picks a date: which days around the chosen
//! dates are taken by polls that reach the same residents, which fall in a quiet period, and an
//! offered slot moved to the time of day staff chose. Pure: the caller passes the polls, the
//! audience tree and the quiet periods.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::days::{at, local_date};
use crate::{AudienceTree, QuietPeriod};

/// One other poll, as the overview needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusyPoll {
    /// What to call it (its title).
    pub name: String,
    pub audiences: Vec<String>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

/// One day of the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayStatus {
    pub date: NaiveDate,
    /// The polls for overlapping audiences open on this day (Amsterdam time).
    pub taken_by: Vec<String>,
    /// The reason of a quiet period for one of the audiences that covers this day.
    pub quiet: Option<String>,
    /// Whether the chosen period covers this day.
    pub chosen: bool,
}

/// Whether a poll for `theirs` reaches some of the residents of `ours`.
fn shares_residents(tree: &AudienceTree, ours: &[String], theirs: &[String]) -> bool {
    ours.iter()
        .any(|a| theirs.iter().any(|b| tree.overlaps(a, b)))
}

/// The days of `weeks` whole weeks (Monday to Sunday), starting with the week before the one of
/// `around`, each with the polls that take it and any quiet period, for a poll for `audiences`.
pub fn weeks_around(
    around: NaiveDate,
    weeks: u32,
    chosen: Option<(NaiveDate, NaiveDate)>,
    audiences: &[String],
    tree: &AudienceTree,
    polls: &[BusyPoll],
    quiet: &[QuietPeriod],
) -> Vec<Vec<DayStatus>> {
    let monday = around - Duration::days(i64::from(around.weekday().num_days_from_monday()) + 7);
    (0..weeks)
        .map(|w| {
            (0..7)
                .map(|d| {
                    let date = monday + Duration::days(i64::from(w) * 7 + d);
                    let taken_by = polls
                        .iter()
                        .filter(|p| {
                            local_date(p.opens_at) <= date
                                && date <= local_date(p.closes_at)
                                && shares_residents(tree, audiences, &p.audiences)
                        })
                        .map(|p| p.name.clone())
                        .collect();
                    let quiet = quiet
                        .iter()
                        .find(|q| {
                            q.from <= date
                                && date <= q.to
                                && shares_residents(tree, audiences, &q.audiences)
                        })
                        .map(|q| q.reason.clone());
                    DayStatus {
                        date,
                        taken_by,
                        quiet,
                        chosen: chosen.is_some_and(|(a, b)| a <= date && date <= b),
                    }
                })
                .collect()
        })
        .collect()
}

/// The quiet periods that apply to a poll for `audiences`.
pub fn quiet_for<'q>(
    audiences: &[String],
    tree: &AudienceTree,
    quiet: &'q [QuietPeriod],
) -> Vec<&'q QuietPeriod> {
    quiet
        .iter()
        .filter(|q| shares_residents(tree, audiences, &q.audiences))
        .collect()
}

/// The first moment at or after `free` at the time of day (Amsterdam) of `wanted`: a free slot
/// found at 23:59 after another poll closes is offered at the morning hour staff chose, on the
/// next day, not in the night.
pub fn at_time_of_day(free: DateTime<Utc>, wanted: DateTime<Utc>) -> DateTime<Utc> {
    let time = wanted.with_timezone(&chrono_tz::Europe::Amsterdam).time();
    let day = local_date(free);
    let same_day = at(day, time);
    if same_day >= free {
        return same_day;
    }
    at(day + Duration::days(1), time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Audience;
    use chrono::TimeZone;

    fn tree() -> AudienceTree {
        AudienceTree::new(vec![
            Audience::root("ijmond"),
            Audience::child("velsen", "ijmond"),
            Audience::child("beverwijk", "ijmond"),
        ])
        .unwrap()
    }

    fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn a_slot_keeps_the_chosen_hour_and_skips_the_night() {
        // Free from 23:00 Amsterdam (22:00 UTC in winter); the chosen hour is 09:00 Amsterdam.
        let free = utc(2026, 12, 10, 22);
        let wanted = utc(2026, 12, 1, 8);
        assert_eq!(at_time_of_day(free, wanted), utc(2026, 12, 11, 8));
        // Free in the early morning: the same day at nine.
        assert_eq!(
            at_time_of_day(utc(2026, 12, 10, 5), wanted),
            utc(2026, 12, 10, 8)
        );
    }

    #[test]
    fn days_show_polls_for_the_same_residents_and_quiet_periods() {
        let polls = vec![
            BusyPoll {
                name: "Fietsen".into(),
                audiences: vec!["ijmond".into()],
                opens_at: utc(2026, 12, 2, 8),
                closes_at: utc(2026, 12, 4, 20),
            },
            BusyPoll {
                name: "Elders".into(),
                audiences: vec!["beverwijk".into()],
                opens_at: utc(2026, 12, 2, 8),
                closes_at: utc(2026, 12, 4, 20),
            },
        ];
        let quiet = vec![QuietPeriod {
            from: NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
            to: NaiveDate::from_ymd_opt(2026, 12, 26).unwrap(),
            reason: "Kerst".into(),
            audiences: vec!["ijmond".into()],
        }];
        let around = NaiveDate::from_ymd_opt(2026, 12, 16).unwrap();
        let weeks = weeks_around(
            around,
            4,
            Some((around, around + Duration::days(2))),
            &["velsen".into()],
            &tree(),
            &polls,
            &quiet,
        );
        assert_eq!(weeks.len(), 4);
        assert_eq!(
            weeks[0][0].date,
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
        );
        let day = |d: u32| {
            weeks
                .iter()
                .flatten()
                .find(|s| s.date == NaiveDate::from_ymd_opt(2026, 12, d).unwrap())
                .unwrap()
                .clone()
        };
        assert!(day(7).taken_by.is_empty());
        assert!(day(16).chosen && day(18).chosen && !day(19).chosen);
        assert_eq!(day(24).quiet.as_deref(), Some("Kerst"));
        let early = weeks_around(
            NaiveDate::from_ymd_opt(2026, 12, 9).unwrap(),
            2,
            None,
            &["velsen".into()],
            &tree(),
            &polls,
            &quiet,
        );
        let taken: Vec<_> = early
            .iter()
            .flatten()
            .filter(|d| !d.taken_by.is_empty())
            .collect();
        assert_eq!(
            taken.len(),
            3,
            "2, 3 and 4 December, by the regional poll only"
        );
        assert_eq!(taken[0].taken_by, ["Fietsen"]);
        assert_eq!(quiet_for(&["beverwijk".into()], &tree(), &quiet).len(), 1);
    }
}
