//! The schedule form (`staff/schedule`): what staff enter, in Amsterdam wall-clock time, parsed
//! once into what the scheduling service takes, and the values the form shows again.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_store::Poll;
use serde::{Deserialize, Serialize};

use crate::ui::CsrfField;

/// The schedule form's fields (`datetime-local` values, Amsterdam time).
#[derive(Deserialize)]
pub struct ScheduleForm {
    #[serde(default)]
    opens: String,
    #[serde(default)]
    closes: String,
    #[serde(default)]
    channels: String,
    #[serde(default)]
    override_reason: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

impl CsrfField for ScheduleForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// What the form shows: as entered, plus the first free period after a conflict.
#[derive(Debug, Default, Serialize)]
pub struct FormValues {
    pub opens: String,
    pub closes: String,
    pub channels: String,
    pub override_reason: String,
    pub suggested_opens: Option<String>,
    pub suggested_closes: Option<String>,
}

impl FormValues {
    /// The form of a poll as it is planned now, with its channels (ids separated by spaces).
    pub fn of(poll: &Poll, channels: &[String]) -> FormValues {
        FormValues {
            opens: poll
                .opens_at
                .map(utc_to_amsterdam_input)
                .unwrap_or_default(),
            closes: poll
                .closes_at
                .map(utc_to_amsterdam_input)
                .unwrap_or_default(),
            channels: channels.join(" "),
            ..FormValues::default()
        }
    }
}

/// The form after parsing: what to ask the scheduling service, and the values to show again.
pub struct Entered {
    /// Opening and closing in UTC; `None` when either is not a time that exists in Amsterdam.
    pub period: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Channel ids, separated in the form by spaces or commas.
    pub channels: Vec<String>,
    /// The reason to override the spacing rules, if one was given (admins only).
    pub override_reason: Option<String>,
    pub values: FormValues,
}

impl ScheduleForm {
    /// Parses the form; nothing here fails, a missing or impossible time leaves `period` empty.
    pub fn parse(self) -> Entered {
        let channels = self
            .channels
            .split([' ', ','])
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
        let override_reason =
            Some(self.override_reason.trim().to_owned()).filter(|r| !r.is_empty());
        let period = amsterdam_to_utc(&self.opens).zip(amsterdam_to_utc(&self.closes));
        Entered {
            period,
            channels,
            override_reason,
            values: FormValues {
                opens: self.opens,
                closes: self.closes,
                channels: self.channels,
                override_reason: self.override_reason,
                ..FormValues::default()
            },
        }
    }
}

/// An Amsterdam wall-clock time (`2027-03-28T02:30`) as UTC. A time that does not exist (the hour
/// skipped when summer time starts) is refused; an ambiguous one (the hour repeated in October)
/// takes the first occurrence.
pub fn amsterdam_to_utc(local: &str) -> Option<DateTime<Utc>> {
    let naive = NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%dT%H:%M").ok()?;
    Amsterdam
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// A UTC time as a `datetime-local` value in Amsterdam.
pub fn utc_to_amsterdam_input(t: DateTime<Utc>) -> String {
    t.with_timezone(&Amsterdam)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amsterdam_wall_clock_across_dst() {
        // Winter: UTC+1; summer: UTC+2.
        assert_eq!(
            amsterdam_to_utc("2027-01-10T09:00").unwrap().to_rfc3339(),
            "2027-01-10T08:00:00+00:00"
        );
        assert_eq!(
            amsterdam_to_utc("2027-07-10T09:00").unwrap().to_rfc3339(),
            "2027-07-10T07:00:00+00:00"
        );
        // 28 March 2027, 02:30 does not exist in Amsterdam.
        assert!(amsterdam_to_utc("2027-03-28T02:30").is_none());
        // 31 October 2027, 02:30 happens twice: the first (summer time) is taken.
        assert_eq!(
            amsterdam_to_utc("2027-10-31T02:30").unwrap().to_rfc3339(),
            "2027-10-31T00:30:00+00:00"
        );
        assert!(amsterdam_to_utc("gisteren").is_none());
        let t = amsterdam_to_utc("2027-10-31T03:15").unwrap();
        assert_eq!(utc_to_amsterdam_input(t), "2027-10-31T03:15");
    }

    #[test]
    fn the_form_is_parsed_once() {
        let form = ScheduleForm {
            opens: "2027-01-10T09:00".into(),
            closes: "2027-03-28T02:30".into(),
            channels: "qr, mastodon-ijmond  site".into(),
            override_reason: "   ".into(),
            csrf: String::new(),
        };
        let entered = form.parse();
        assert_eq!(
            entered.period, None,
            "02:30 on 28 March 2027 does not exist"
        );
        assert_eq!(entered.channels, ["qr", "mastodon-ijmond", "site"]);
        assert_eq!(entered.override_reason, None);
        assert_eq!(
            entered.values.closes, "2027-03-28T02:30",
            "shown as entered"
        );
    }
}
