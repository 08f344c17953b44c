//! `flits poll schedule`: the scheduling service from the command line, with its answer printed in
//! Dutch (or English with `--lang en`).

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_i18n::{Locale, t};
use flits_schedule::Conflict;
use flits_scheduling::text::{conflict_text, failure_message};
use flits_scheduling::{ScheduleCommand, ScheduleFailure, Scheduled, Scheduling, channel_ids};
use flits_store::Store;

use crate::settings::Settings;

/// An instant as staff read it: Amsterdam wall-clock time with the zone's abbreviation and
/// offset, e.g. `2027-03-28 03:00 CEST (+02:00)`.
pub fn amsterdam(t: DateTime<Utc>) -> String {
    t.with_timezone(&Amsterdam)
        .format("%Y-%m-%d %H:%M %Z (%:z)")
        .to_string()
}

/// An instant as RFC 3339 in Amsterdam's offset at that moment, e.g. `2027-03-28T03:00:00+02:00`.
pub fn amsterdam_rfc3339(t: DateTime<Utc>) -> String {
    t.with_timezone(&Amsterdam)
        .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
}

/// An instant both ways: `2027-03-28 03:00 CEST (+02:00)  = 2027-03-28T03:00:00+02:00`.
fn both(t: DateTime<Utc>) -> String {
    format!("{}  = {}", amsterdam(t), amsterdam_rfc3339(t))
}

/// Reads a command-line time: RFC 3339 with an explicit offset. Amsterdam local time needs its
/// offset written out: `+01:00` in winter (CET), `+02:00` in summer (CEST).
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Lines of `label: value`, the values aligned after the longest label.
fn aligned(indent: &str, rows: &[(String, String)]) -> String {
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count() + 1)
        .max()
        .unwrap_or(0);
    rows.iter()
        .map(|(label, value)| format!("{indent}{:<width$} {value}\n", format!("{label}:")))
        .collect()
}

/// What `flits poll schedule` prints after scheduling.
pub fn render_scheduled(s: &Scheduled, locale: Locale) -> String {
    let mut out = if s.rescheduled {
        t!(locale, "sched-cli-rescheduled", slug = s.slug.as_str())
    } else {
        t!(locale, "sched-cli-scheduled", slug = s.slug.as_str())
    };
    out.push('\n');
    let mut rows = vec![
        (t!(locale, "sched-cli-opens"), both(s.opens_at)),
        (t!(locale, "sched-cli-closes"), both(s.closes_at)),
        (t!(locale, "sched-cli-audiences"), s.audiences.join(", ")),
        (
            t!(locale, "sched-cli-channels"),
            if s.channels.is_empty() {
                t!(locale, "sched-cli-no-channels")
            } else {
                let ids: Vec<&str> = s.channels.iter().map(|c| c.as_str()).collect();
                ids.join(", ")
            },
        ),
    ];
    if !s.overridden.is_empty() {
        rows.push((
            t!(locale, "sched-cli-override"),
            t!(locale, "sched-cli-overridden", count = s.overridden.len()),
        ));
    }
    out.push_str(&aligned("  ", &rows));
    out
}

/// What `flits poll schedule` prints for a refused schedule: each conflict and the next free slot.
pub fn render_conflicts(
    slug: &str,
    conflicts: &[Conflict],
    next_free: Option<DateTime<Utc>>,
    locale: Locale,
) -> String {
    let mut out = t!(
        locale,
        "sched-cli-refused",
        slug = slug,
        count = conflicts.len()
    );
    out.push('\n');
    for (i, c) in conflicts.iter().enumerate() {
        let text = conflict_text(c, locale);
        out.push_str(&format!("{}. {}\n", i + 1, text.message));
        let mut rows = vec![(t!(locale, "sched-cli-rule"), c.rule().to_string())];
        if let Some(other) = &c.other_poll {
            rows.push((t!(locale, "sched-cli-other-poll"), other.clone()));
        }
        match &c.channel {
            Some(channel) => rows.push((t!(locale, "sched-cli-channel"), channel.clone())),
            None => rows.push((t!(locale, "sched-cli-audience"), c.audience.clone())),
        }
        if let Some(reason) = &c.reason {
            rows.push((t!(locale, "sched-cli-reason"), reason.clone()));
        }
        rows.push((t!(locale, "sched-cli-required"), text.required));
        rows.push((t!(locale, "sched-cli-requested"), text.requested));
        out.push_str(&aligned("   ", &rows));
    }
    out.push_str(&match next_free {
        Some(t) => t!(locale, "sched-cli-next-free", at = both(t)),
        None => t!(locale, "sched-cli-no-free"),
    });
    out.push('\n');
    out
}

/// The command line's request, as typed.
#[derive(Debug, Clone)]
pub struct ScheduleArgs {
    pub slug: String,
    pub opens: String,
    pub closes: String,
    pub channels: Vec<String>,
    pub override_reason: Option<String>,
    pub lang: Locale,
}

/// `flits poll schedule`: connects, schedules and prints. The error carries the exit code: 1 for
/// a refusal (conflicts, a poll not ready or not in a schedulable state), 2 for bad input or
/// configuration, 3 for a failure at run time.
pub async fn run(settings: &Settings, args: ScheduleArgs) -> Result<(), (u8, anyhow::Error)> {
    let locale = args.lang;
    let time = |value: &str| {
        parse_time(value).ok_or_else(|| {
            (
                2,
                anyhow::anyhow!(t!(locale, "sched-cli-bad-time", value = value)),
            )
        })
    };
    let channels = channel_ids(&args.channels)
        .map_err(|failure| (2, anyhow::anyhow!(failure_message(&failure, locale))))?;
    let command = ScheduleCommand {
        opens_at: time(&args.opens)?,
        closes_at: time(&args.closes)?,
        slug: args.slug,
        channels,
        override_reason: args.override_reason,
        actor: Some(crate::operator::cli_actor()),
        // Operators on the server act as admins (README.md, "Commands").
        scope: flits_schedule::TargetScope::Any,
    };
    let store = Store::connect(&settings.database_url).await.map_err(|e| {
        (
            3,
            anyhow::Error::new(e).context("cannot connect to the database"),
        )
    })?;
    store
        .migrate()
        .await
        .map_err(|e| (3, anyhow::Error::new(e).context("cannot apply migrations")))?;
    crate::seed::write_configured_structure(&store, settings)
        .await
        .map_err(|e| {
            (
                2,
                anyhow::Error::new(e)
                    .context("cannot write the configured regions, organisations and audiences"),
            )
        })?;
    let scheduling = Scheduling::new(store, settings.scheduling_policy());
    let slug = command.slug.clone();
    let failure = match scheduling.schedule(command).await {
        Ok(scheduled) => {
            print!("{}", render_scheduled(&scheduled, locale));
            return Ok(());
        }
        Err(failure) => failure,
    };
    let message = failure_message(&failure, locale);
    let code = match &failure {
        ScheduleFailure::Conflicts {
            conflicts,
            next_free,
        } => {
            print!("{}", render_conflicts(&slug, conflicts, *next_free, locale));
            1
        }
        ScheduleFailure::InvalidDefinition { report, .. } => {
            eprint!("{}", crate::poll_file::render_text(report, locale));
            1
        }
        ScheduleFailure::NotSchedulable { .. } => 1,
        ScheduleFailure::Store(_) => 3,
        _ => 2,
    };
    let error = if failure.is_internal() {
        // Operators need the cause to fix it.
        anyhow::Error::new(failure).context(message)
    } else {
        anyhow::anyhow!(message)
    };
    Err((code, error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn times_need_an_offset_and_show_in_amsterdam_time() {
        assert!(parse_time("2027-04-01T09:00:00").is_none());
        assert!(parse_time("1 april").is_none());
        let summer = parse_time("2027-04-01T09:00:00+02:00").unwrap();
        assert_eq!(summer, Utc.with_ymd_and_hms(2027, 4, 1, 7, 0, 0).unwrap());
        assert_eq!(amsterdam(summer), "2027-04-01 09:00 CEST (+02:00)");
        let winter = parse_time("2027-01-12T09:00:00Z").unwrap();
        assert_eq!(amsterdam(winter), "2027-01-12 10:00 CET (+01:00)");
        assert_eq!(amsterdam_rfc3339(winter), "2027-01-12T10:00:00+01:00");
    }

    #[test]
    fn labels_line_up_in_either_language() {
        let rows = [
            ("rule".to_owned(), "min_gap_days".to_owned()),
            ("other poll".to_owned(), "regio".to_owned()),
        ];
        assert_eq!(
            aligned("   ", &rows),
            "   rule:       min_gap_days\n   other poll: regio\n"
        );
    }
}
