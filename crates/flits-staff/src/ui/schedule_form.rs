//! The schedule form (`staff/schedule`): what staff enter, in Amsterdam wall-clock time, parsed
//! once into what the scheduling service takes, and the values the form shows again.
//!
//! Channels come as checkboxes (a `channels` field per checked channel); a `channels` value may
//! also hold several ids separated by spaces or commas, as the form's earlier text field sent them
//! and scripts still may.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_store::Poll;
use futures_util::future::LocalBoxFuture;
use serde::Serialize;

use crate::channels::Channels;
use crate::ui::CsrfField;

/// The schedule form's fields (`datetime-local` values, Amsterdam time).
#[derive(Debug, Default)]
pub struct ScheduleForm {
    opens: String,
    closes: String,
    /// Every `channels` value, as sent.
    channels: Vec<String>,
    override_reason: String,
    csrf: String,
}

impl ScheduleForm {
    /// Reads a form body; the repeated `channels` field is why `web::Form` cannot.
    fn from_body(body: &[u8]) -> ScheduleForm {
        let mut form = ScheduleForm::default();
        for (k, v) in url::form_urlencoded::parse(body) {
            let v = v.into_owned();
            match k.as_ref() {
                "opens" => form.opens = v,
                "closes" => form.closes = v,
                "channels" => form.channels.push(v),
                "override_reason" => form.override_reason = v,
                "_csrf" => form.csrf = v,
                _ => {}
            }
        }
        form
    }
}

impl FromRequest for ScheduleForm {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<ScheduleForm, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move { Ok(ScheduleForm::from_body(&body.await?)) })
    }
}

impl CsrfField for ScheduleForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// A channel the form offers: every configured one, and any the poll has that is not configured
/// (any more), so that saving the form never drops a channel unseen.
#[derive(Debug, Serialize)]
pub struct ChannelChoice {
    pub id: String,
    /// `mastodon`, `x`…; `None` when the channel is not configured.
    pub kind: Option<&'static str>,
    pub checked: bool,
}

/// The choices of the form, with `chosen` checked.
pub fn channel_choices(channels: &Channels, chosen: &[String]) -> Vec<ChannelChoice> {
    let mut choices: Vec<ChannelChoice> = channels
        .all()
        .iter()
        .map(|c| ChannelChoice {
            id: c.id.as_str().to_owned(),
            kind: Some(c.kind.as_str()),
            checked: chosen.iter().any(|id| id == c.id.as_str()),
        })
        .collect();
    for id in chosen {
        if !channels.is_configured(id) {
            choices.push(ChannelChoice {
                id: id.clone(),
                kind: None,
                checked: true,
            });
        }
    }
    choices
}

/// What the form shows: as entered, plus the first free period after a conflict.
#[derive(Debug, Default, Serialize)]
pub struct FormValues {
    pub opens: String,
    pub closes: String,
    /// The chosen channel ids.
    pub channels: Vec<String>,
    pub override_reason: String,
    pub suggested_opens: Option<String>,
    pub suggested_closes: Option<String>,
    /// The suggested opening as staff read it ("10-12-2026 09:00").
    pub suggested_label: Option<String>,
}

impl FormValues {
    /// The form of a poll as it is planned now, with its channels.
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
            channels: channels.to_vec(),
            ..FormValues::default()
        }
    }
}

/// The form after parsing: what to ask the scheduling service, and the values to show again.
pub struct Entered {
    /// Opening and closing in UTC; `None` when either is not a time that exists in Amsterdam.
    pub period: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Channel ids: every value of the form's `channels` fields, split on spaces and commas,
    /// each once.
    pub channels: Vec<String>,
    /// The reason to override the spacing rules, if one was given (admins only).
    pub override_reason: Option<String>,
    pub values: FormValues,
}

impl ScheduleForm {
    /// Parses the form; nothing here fails, a missing or impossible time leaves `period` empty.
    pub fn parse(self) -> Entered {
        let mut channels: Vec<String> = Vec::new();
        for id in self.channels.iter().flat_map(|v| v.split([' ', ','])) {
            if !id.is_empty() && !channels.iter().any(|c| c == id) {
                channels.push(id.to_owned());
            }
        }
        let override_reason =
            Some(self.override_reason.trim().to_owned()).filter(|r| !r.is_empty());
        let period = amsterdam_to_utc(&self.opens).zip(amsterdam_to_utc(&self.closes));
        Entered {
            period,
            channels: channels.clone(),
            override_reason,
            values: FormValues {
                opens: self.opens,
                closes: self.closes,
                channels,
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
            channels: vec![
                "qr, mastodon-ijmond  site".into(),
                "mastodon-velsen".into(),
                "qr".into(),
            ],
            override_reason: "   ".into(),
            csrf: String::new(),
        };
        let entered = form.parse();
        assert_eq!(
            entered.period, None,
            "02:30 on 28 March 2027 does not exist"
        );
        assert_eq!(
            entered.channels,
            ["qr", "mastodon-ijmond", "site", "mastodon-velsen"],
            "every field, split, each channel once"
        );
        assert_eq!(entered.override_reason, None);
        assert_eq!(
            entered.values.closes, "2027-03-28T02:30",
            "shown as entered"
        );
    }
}
