//! A broken spacing rule, as reported to staff.
//!
//! A conflict is not an error: the request is well-formed but would ask the same residents too
//! often. The web layer returns these as `details.conflicts` of a `409 spacing_conflict`, the CLI
//! prints them, so each one carries both machine fields (`rule`, `other_poll`, `audience`) and
//! human text (`required`, `requested`, `message`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The kinds of rule a schedule can break. The serialised names are stable API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// The open periods of two polls for overlapping audiences overlap; always a conflict.
    OverlappingOpenPeriod,
    /// Too few days between the close of one poll and the opening of the next.
    MinGapDays,
    /// Too many polls opening within the rolling window.
    MaxPolls,
    /// Open during a quiet period.
    QuietPeriod,
    /// Too many poll posts on one channel within seven days.
    ChannelPostsPerWeek,
}

impl RuleKind {
    /// Every kind, in a fixed order.
    pub const ALL: [RuleKind; 5] = [
        RuleKind::OverlappingOpenPeriod,
        RuleKind::MinGapDays,
        RuleKind::MaxPolls,
        RuleKind::QuietPeriod,
        RuleKind::ChannelPostsPerWeek,
    ];

    /// The stable snake_case name, as in [`Conflict::rule`].
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleKind::OverlappingOpenPeriod => "overlapping_open_period",
            RuleKind::MinGapDays => "min_gap_days",
            RuleKind::MaxPolls => "max_polls",
            RuleKind::QuietPeriod => "quiet_period",
            RuleKind::ChannelPostsPerWeek => "channel_posts_per_week",
        }
    }

    /// The kind with this name, if any.
    pub fn from_name(name: &str) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for RuleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One broken rule. Serialises to the shape of an entry of `details.conflicts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The slug of the scheduled poll it clashes with; `None` for a quiet period, and for a
    /// window that is too full (the polls in that window are named in `requested`).
    pub other_poll: Option<String>,
    /// The audience the rule was applied for: the one whose residents would be asked too often
    /// (for two overlapping audiences the one inside the other), the quiet period's audience, or,
    /// for a channel rule, the channel id.
    pub audience: String,
    /// A [`RuleKind`] name, e.g. `min_gap_days`.
    pub rule: String,
    /// What the rule requires, e.g. "21 days between polls".
    pub required: String,
    /// What was asked, e.g. "opens 5 days after 'fietsparkeren' closes".
    pub requested: String,
    /// The quiet period's reason, if the rule is a quiet period.
    pub reason: Option<String>,
    /// One sentence for staff combining the above.
    pub message: String,
    /// The channel, for a channel rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
}

impl Conflict {
    /// The kind of rule, parsed back from [`Conflict::rule`].
    pub fn kind(&self) -> Option<RuleKind> {
        RuleKind::from_name(&self.rule)
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_stable_snake_case() {
        for kind in RuleKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(RuleKind::from_name(kind.as_str()), Some(kind));
        }
        assert_eq!(RuleKind::MinGapDays.to_string(), "min_gap_days");
        assert_eq!(RuleKind::from_name("nope"), None);
    }

    #[test]
    fn serialises_every_field_with_nulls_for_absent_ones() {
        let c = Conflict {
            other_poll: Some("fietsparkeren".into()),
            audience: "velsen".into(),
            rule: RuleKind::MinGapDays.as_str().into(),
            required: "21 days between polls".into(),
            requested: "opens 5 days after 'fietsparkeren' closes".into(),
            reason: None,
            message: "…".into(),
            channel: None,
        };
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["other_poll"], "fietsparkeren");
        assert_eq!(v["rule"], "min_gap_days");
        assert!(v["reason"].is_null());
        assert!(v.get("channel").is_none());
        assert_eq!(c.kind(), Some(RuleKind::MinGapDays));
        let back: Conflict = serde_json::from_value(v).unwrap();
        assert_eq!(back, c);
    }
}
