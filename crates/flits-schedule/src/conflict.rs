//! A broken spacing rule, as codes and arguments.
//!
//! A conflict is not an error: the request is well-formed but would ask the same residents too
//! often. The checker says which rule broke, for which audience, against which poll, and the
//! numbers and times behind it ([`ConflictFacts`]); it never writes a sentence. The web layer and
//! the CLI put a conflict into words in the reader's language (the API's `details.conflicts`, the
//! staff page, the lines `flits poll schedule` prints).

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
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

    /// The stable snake_case name, as in the API's `rule` field.
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

/// On which side of the other poll a too-close request lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapSide {
    /// The request would open too soon after the other poll closes.
    AfterOther,
    /// The request would close too soon before the other poll opens.
    BeforeOther,
}

/// What a broken rule requires and what was asked, per kind of rule: the arguments of the texts
/// that explain the conflict. Times are instants (shown in Amsterdam time), dates are Amsterdam
/// calendar dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum ConflictFacts {
    /// The request would be open while the other poll is.
    OverlappingOpenPeriod {
        opens_at: DateTime<Utc>,
        closes_at: DateTime<Utc>,
        other_opens_at: DateTime<Utc>,
        other_closes_at: DateTime<Utc>,
    },
    /// Fewer than `min_gap_days` calendar days between the two polls.
    MinGapDays {
        min_gap_days: u32,
        /// Calendar days from the earlier poll's closing date to the later one's opening date.
        days: i64,
        side: GapSide,
        /// The other poll's closing time ([`GapSide::AfterOther`]) or opening time
        /// ([`GapSide::BeforeOther`]).
        other_at: DateTime<Utc>,
        /// The request's opening time ([`GapSide::AfterOther`]) or closing time
        /// ([`GapSide::BeforeOther`]).
        at: DateTime<Utc>,
    },
    /// More than `max_polls` polls would open within `window_days` days.
    MaxPolls {
        max_polls: u32,
        window_days: u32,
        /// The first date of the too-full window.
        window_from: NaiveDate,
        /// The slugs of the other polls opening in that window, by opening day.
        polls: Vec<String>,
    },
    /// The request would be open during a quiet period (its reason is [`Conflict::reason`]).
    QuietPeriod {
        /// First quiet date (inclusive).
        from: NaiveDate,
        /// Last quiet date (inclusive).
        to: NaiveDate,
        opens_at: DateTime<Utc>,
        closes_at: DateTime<Utc>,
    },
    /// The channel would get more than `max_posts_per_week` poll posts within seven days (with
    /// zero, it takes none at all).
    ChannelPostsPerWeek {
        max_posts_per_week: u32,
        /// The posts already planned or made that fill the window, earliest first.
        posts: Vec<DateTime<Utc>>,
        /// The requested post (the poll's opening time).
        at: DateTime<Utc>,
    },
}

impl ConflictFacts {
    /// The kind of rule these facts belong to.
    pub fn rule(&self) -> RuleKind {
        match self {
            ConflictFacts::OverlappingOpenPeriod { .. } => RuleKind::OverlappingOpenPeriod,
            ConflictFacts::MinGapDays { .. } => RuleKind::MinGapDays,
            ConflictFacts::MaxPolls { .. } => RuleKind::MaxPolls,
            ConflictFacts::QuietPeriod { .. } => RuleKind::QuietPeriod,
            ConflictFacts::ChannelPostsPerWeek { .. } => RuleKind::ChannelPostsPerWeek,
        }
    }
}

/// One broken rule. Serialises flat: the fields below, `rule`, and the facts' own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The slug of the scheduled poll it clashes with; `None` for a quiet period, a channel, and
    /// a window that is too full (its polls are in [`ConflictFacts::MaxPolls`]).
    pub other_poll: Option<String>,
    /// The audience the rule was applied for: the one whose residents would be asked too often
    /// (for two overlapping audiences the one inside the other), the quiet period's audience, or,
    /// for a channel rule, the channel id.
    pub audience: String,
    /// The quiet period's reason, as the configuration wrote it, for a quiet period.
    pub reason: Option<String>,
    /// The channel, for a channel rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// The rule and its numbers.
    #[serde(flatten)]
    pub facts: ConflictFacts,
}

impl Conflict {
    /// The kind of rule that was broken.
    pub fn rule(&self) -> RuleKind {
        self.facts.rule()
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
    fn serialises_flat_with_the_rule_and_its_facts() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let c = Conflict {
            other_poll: Some("fietsparkeren".into()),
            audience: "velsen".into(),
            reason: None,
            channel: None,
            facts: ConflictFacts::MinGapDays {
                min_gap_days: 21,
                days: 5,
                side: GapSide::AfterOther,
                other_at: at("2027-05-10T08:00:00Z"),
                at: at("2027-05-15T08:00:00Z"),
            },
        };
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["other_poll"], "fietsparkeren");
        assert_eq!(v["rule"], "min_gap_days");
        assert_eq!(v["min_gap_days"], 21);
        assert_eq!(v["side"], "after_other");
        assert!(v["reason"].is_null());
        assert!(v.get("channel").is_none());
        assert_eq!(c.rule(), RuleKind::MinGapDays);
        let back: Conflict = serde_json::from_value(v).unwrap();
        assert_eq!(back, c);
    }
}
