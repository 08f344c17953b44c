//! The rules a schedule must keep, read from the configuration once at start-up.

use chrono::{DateTime, TimeDelta, Utc};
use std::collections::BTreeMap;

use flits_schedule::{ChannelLimit, QuietPeriod, ScheduleLimits, SpacingPolicy};

/// Everything the scheduling service needs from the configuration. Built once when the process
/// starts and shared by every request, so a request never reads settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchedulingPolicy {
    /// The spacing rules (`[spacing]` and `[[spacing.rules]]`).
    pub spacing: SpacingPolicy,
    /// Periods without polls (`[[quiet_periods]]`).
    pub quiet_periods: Vec<QuietPeriod>,
    /// Poll posts per channel per rolling week.
    pub channel_limit: ChannelLimit,
    /// The poll-size limit a definition must keep to be scheduled (`max_questions`).
    pub max_questions: usize,
    /// How long a poll may be open and how far ahead it may open (`[spacing] max_open_days`,
    /// `max_months_ahead`).
    pub limits: ScheduleLimits,
    /// Per audience id, the organisations besides its own whose comms staff may target it
    /// (`open_to` of `[[audiences]]`).
    pub open_to: BTreeMap<String, Vec<String>>,
}

impl SchedulingPolicy {
    /// How far back polls can still matter for a schedule opening at `from`: the longest window
    /// plus the longest gap of any rule, plus two days for time zones.
    pub(crate) fn history_start(&self, from: DateTime<Utc>) -> DateTime<Utc> {
        let spacing = &self.spacing;
        let rules = std::iter::once(spacing.default)
            .chain(spacing.rules.iter().map(|r| r.over(&spacing.default)));
        let days = rules
            .map(|r| i64::from(r.window_days) + i64::from(r.min_gap_days))
            .max()
            .unwrap_or(0)
            + 2;
        from.checked_sub_signed(TimeDelta::days(days))
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;
    use flits_schedule::{AudienceRule, SpacingRule};

    #[test]
    fn history_reaches_back_the_longest_window_and_gap() {
        let policy = SchedulingPolicy {
            spacing: SpacingPolicy {
                default: SpacingRule {
                    min_gap_days: 21,
                    max_polls: 6,
                    window_days: 365,
                },
                rules: vec![AudienceRule {
                    audience: "jongeren".into(),
                    min_gap_days: Some(60),
                    max_polls: None,
                    window_days: Some(400),
                }],
            },
            quiet_periods: Vec::new(),
            channel_limit: ChannelLimit::default(),
            max_questions: 5,
            limits: ScheduleLimits::default(),
            open_to: BTreeMap::new(),
        };
        let from = Utc.with_ymd_and_hms(2027, 6, 1, 0, 0, 0).unwrap();
        assert_eq!(policy.history_start(from), from - TimeDelta::days(462));
    }
}
