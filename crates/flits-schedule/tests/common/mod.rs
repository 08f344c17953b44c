//! Shared fixtures: the IJmond region of the contract and small builders.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Utc};
use flits_schedule::{
    Audience, AudienceRule, AudienceTree, Calendar, QuietPeriod, ScheduleRequest, ScheduledPoll,
    SpacingPolicy, SpacingRule,
};

pub fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Region IJmond with Beverwijk, Heemskerk and Velsen, a target group inside Velsen, and a
/// second region for contrast.
pub fn ijmond_tree() -> AudienceTree {
    AudienceTree::new(vec![
        Audience::root("ijmond"),
        Audience::child("beverwijk", "ijmond"),
        Audience::child("heemskerk", "ijmond"),
        Audience::child("velsen", "ijmond"),
        Audience::child("jongeren-velsen", "velsen"),
        Audience::child("ouderen-velsen", "velsen"),
        Audience::root("kennemerland"),
        Audience::child("haarlem", "kennemerland"),
    ])
    .unwrap()
}

pub fn rule(min_gap_days: u32, max_polls: u32, window_days: u32) -> SpacingRule {
    SpacingRule {
        min_gap_days,
        max_polls,
        window_days,
    }
}

pub fn policy(default: SpacingRule) -> SpacingPolicy {
    SpacingPolicy {
        default,
        rules: Vec::new(),
    }
}

pub fn audience_rule(
    audience: &str,
    min_gap: Option<u32>,
    max_polls: Option<u32>,
    window: Option<u32>,
) -> AudienceRule {
    AudienceRule {
        audience: audience.into(),
        min_gap_days: min_gap,
        max_polls,
        window_days: window,
    }
}

pub fn poll(slug: &str, audiences: &[&str], opens: &str, closes: &str) -> ScheduledPoll {
    ScheduledPoll {
        slug: slug.into(),
        audiences: audiences.iter().map(|s| s.to_string()).collect(),
        opens_at: utc(opens),
        closes_at: utc(closes),
    }
}

pub fn request(slug: &str, audiences: &[&str], opens: &str, closes: &str) -> ScheduleRequest {
    poll(slug, audiences, opens, closes).into()
}

pub fn quiet(from: &str, to: &str, reason: &str, audiences: &[&str]) -> QuietPeriod {
    QuietPeriod {
        from: from.parse().unwrap(),
        to: to.parse().unwrap(),
        reason: reason.into(),
        audiences: audiences.iter().map(|s| s.to_string()).collect(),
    }
}

pub fn calendar(
    policy: SpacingPolicy,
    quiet: Vec<QuietPeriod>,
    polls: Vec<ScheduledPoll>,
) -> Calendar {
    Calendar::new(ijmond_tree(), policy, quiet, polls).unwrap()
}

/// The rule names of the conflicts of a request, sorted.
pub fn rules_broken(calendar: &Calendar, request: &ScheduleRequest) -> Vec<String> {
    let mut rules: Vec<String> = calendar
        .check(request)
        .unwrap()
        .into_iter()
        .map(|c| c.rule().as_str().to_owned())
        .collect();
    rules.sort();
    rules
}
