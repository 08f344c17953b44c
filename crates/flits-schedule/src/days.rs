//! Calendar days in Europe/Amsterdam.
//!
//! Staff think in dates ("21 days after the last poll closed", "no polls from 1 to 18 March"), and
//! the municipalities are all in the Netherlands, so every day-based rule counts calendar days in
//! Amsterdam time rather than 24-hour blocks: a gap of 21 days is the same 21 days whether or not
//! a summer-time change falls in it, and the time of day of the close and the opening does not
//! matter. Internally instants stay [`DateTime<Utc>`]; this module is the only place that converts.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;

/// The time zone in which dates are read.
pub const ZONE: chrono_tz::Tz = Amsterdam;

/// The Amsterdam calendar date of an instant.
pub fn local_date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&ZONE).date_naive()
}

/// A day number (days since 0001-01-01, proleptic Gregorian) of the Amsterdam date of `t`, for
/// cheap integer comparisons of dates.
pub(crate) fn day_number(t: DateTime<Utc>) -> i64 {
    i64::from(local_date(t).num_days_from_ce())
}

/// The first instant of an Amsterdam calendar date, in UTC.
///
/// Midnight always exists in Amsterdam (summer time starts and ends at night, not at midnight);
/// should a zone rule ever skip midnight, the day starts at midnight in the offset that was in
/// effect just before it, which keeps the function monotonic.
pub fn start_of_day(date: NaiveDate) -> DateTime<Utc> {
    let midnight = date.and_time(NaiveTime::MIN);
    match ZONE.from_local_datetime(&midnight).earliest() {
        Some(t) => t.with_timezone(&Utc),
        None => {
            let naive_utc = midnight.and_utc();
            let before = naive_utc
                .checked_sub_signed(chrono::TimeDelta::hours(12))
                .unwrap_or(naive_utc);
            let offset = before.with_timezone(&ZONE).offset().to_owned();
            let seconds = chrono::Offset::fix(&offset).local_minus_utc();
            naive_utc
                .checked_sub_signed(chrono::TimeDelta::seconds(i64::from(seconds)))
                .unwrap_or(naive_utc)
        }
    }
}

/// The first instant of a day number (see [`day_number`]); `None` outside chrono's date range.
pub(crate) fn start_of_day_number(day: i64) -> Option<DateTime<Utc>> {
    let day = i32::try_from(day).ok()?;
    NaiveDate::from_num_days_from_ce_opt(day).map(start_of_day)
}

/// The instant of the Amsterdam wall-clock `time` on `date`, in UTC: the earlier one when summer
/// time ends in that hour, and for a time summer time skips, that many hours after the day's start.
pub fn at(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    match ZONE.from_local_datetime(&date.and_time(time)).earliest() {
        Some(t) => t.with_timezone(&Utc),
        None => start_of_day(date) + (time - NaiveTime::MIN),
    }
}

/// The first instant after an inclusive Amsterdam date, i.e. `date + 1` at 00:00, or the end of
/// time for the last representable date.
pub fn end_of_day(date: NaiveDate) -> DateTime<Utc> {
    date.succ_opt()
        .map(start_of_day)
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// An instant as staff read it: Amsterdam wall-clock time, to the minute.
pub fn display(t: DateTime<Utc>) -> String {
    t.with_timezone(&ZONE).format("%Y-%m-%d %H:%M").to_string()
}

/// The date of a day number; `None` outside chrono's date range.
pub(crate) fn date_of_day(day: i64) -> Option<NaiveDate> {
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn midnight_in_winter_and_summer() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
        assert_eq!(start_of_day(d), utc("2027-01-09T23:00:00Z"));
        let d = NaiveDate::from_ymd_opt(2027, 7, 10).unwrap();
        assert_eq!(start_of_day(d), utc("2027-07-09T22:00:00Z"));
    }

    #[test]
    fn days_around_summer_time_changes_have_23_and_25_hours() {
        // Summer time starts on the last Sunday of March and ends on the last Sunday of October.
        let march = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
        assert_eq!(
            end_of_day(march) - start_of_day(march),
            chrono::TimeDelta::hours(23)
        );
        let october = NaiveDate::from_ymd_opt(2027, 10, 31).unwrap();
        assert_eq!(
            end_of_day(october) - start_of_day(october),
            chrono::TimeDelta::hours(25)
        );
    }

    #[test]
    fn wall_clock_times_follow_summer_time() {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let winter = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        assert_eq!(at(winter, nine).to_rfc3339(), "2027-01-15T08:00:00+00:00");
        // The day summer time starts (02:00 becomes 03:00): 09:00 is 07:00 UTC.
        let spring = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
        assert_eq!(at(spring, nine).to_rfc3339(), "2027-03-28T07:00:00+00:00");
        // A time that day skips comes that many hours after the day's start.
        let skipped = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
        assert_eq!(
            at(spring, skipped),
            start_of_day(spring) + chrono::TimeDelta::minutes(150)
        );
    }

    #[test]
    fn local_date_follows_amsterdam_not_utc() {
        assert_eq!(
            local_date(utc("2027-07-09T22:30:00Z")),
            NaiveDate::from_ymd_opt(2027, 7, 10).unwrap()
        );
        assert_eq!(
            local_date(utc("2027-07-09T21:59:59Z")),
            NaiveDate::from_ymd_opt(2027, 7, 9).unwrap()
        );
    }

    #[test]
    fn day_numbers_round_trip() {
        let t = utc("2027-10-31T12:00:00Z");
        let n = day_number(t);
        assert_eq!(start_of_day_number(n), Some(start_of_day(local_date(t))));
        assert_eq!(
            start_of_day_number(n + 1),
            Some(utc("2027-10-31T23:00:00Z"))
        );
        assert_eq!(start_of_day_number(i64::MAX), None);
    }

    #[test]
    fn end_of_last_date_is_end_of_time() {
        assert_eq!(end_of_day(NaiveDate::MAX), DateTime::<Utc>::MAX_UTC);
    }
}
