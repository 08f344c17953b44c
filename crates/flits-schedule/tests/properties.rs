//! Property tests against an independent, deliberately naive model of the rules:
//!
//! (a) a schedule built from requests the checker accepts breaks no rule, and on every request the
//!     checker reports exactly the kinds of rule the brute force finds broken;
//! (b) `next_free` is accepted by both, and is the earliest such slot: every whole hour between
//!     the requested opening and it is refused by the brute force.
//!
//! The model knows nothing of the crate's index: audiences are parent indices walked one step at
//! a time, dates come straight from chrono-tz, windows are checked by trying every subset of
//! polls, and quiet periods by looking at every hour a poll is open. All generated times are whole
//! hours (Amsterdam midnights are whole UTC hours too), so hour-by-hour search is exhaustive.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Europe::Amsterdam;
use flits_schedule::{
    Audience, AudienceRule, AudienceTree, Calendar, ChannelLimit, QuietPeriod, ScheduleRequest,
    ScheduledPoll, SpacingPolicy, SpacingRule, channel_conflicts, channel_next_free,
};
use proptest::prelude::*;

// ------------------------------------------------------------------------------ the world

/// An audience's own (min_gap_days, max_polls, window_days), each possibly left to the default.
type Override = (Option<u32>, Option<u32>, Option<u32>);

#[derive(Debug, Clone)]
struct World {
    parents: Vec<Option<usize>>,
    /// (min_gap_days, max_polls, window_days)
    default: (u32, u32, u32),
    overrides: Vec<Option<Override>>,
    /// (first day after base, extra days, audience)
    quiet: Vec<(i64, i64, usize)>,
    base: DateTime<Utc>,
}

#[derive(Debug, Clone)]
struct Gen {
    audiences: Vec<usize>,
    open_hour: i64,
    hours: i64,
}

#[derive(Debug, Clone)]
struct NaivePoll {
    slug: String,
    audiences: Vec<usize>,
    open: DateTime<Utc>,
    close: DateTime<Utc>,
}

fn world() -> impl Strategy<Value = World> {
    (1usize..=6).prop_flat_map(|n| {
        (
            proptest::collection::vec((proptest::bool::weighted(0.75), 0usize..6), n),
            (prop_oneof![Just(0u32), 0u32..=6], 1u32..=3, 1u32..=25),
            proptest::collection::vec(
                proptest::option::weighted(
                    0.4,
                    (
                        proptest::option::of(0u32..=8),
                        proptest::option::of(1u32..=3),
                        proptest::option::of(1u32..=25),
                    ),
                ),
                n,
            ),
            proptest::collection::vec((0i64..40, 0i64..4, 0usize..6), 0..=2),
            proptest::bool::ANY,
        )
            .prop_map(move |(links, default, overrides, quiet, october)| World {
                parents: links
                    .iter()
                    .enumerate()
                    .map(|(i, &(linked, p))| if linked && i > 0 { Some(p % i) } else { None })
                    .collect(),
                default,
                overrides,
                quiet: quiet.into_iter().map(|(s, l, a)| (s, l, a % n)).collect(),
                // Both ranges span a summer-time change (28 March, 31 October 2027).
                base: if october {
                    utc(2027, 10, 17)
                } else {
                    utc(2027, 3, 14)
                },
            })
    })
}

fn gen_poll(range_hours: i64, max_hours: i64) -> impl Strategy<Value = Gen> {
    (
        proptest::collection::vec(0usize..6, 1..=2),
        0i64..range_hours,
        1i64..=max_hours,
    )
        .prop_map(|(audiences, open_hour, hours)| Gen {
            audiences,
            open_hour,
            hours,
        })
}

/// Candidate polls and a request: either spread over 40 days, or crowded into 10 days with
/// short polls, so that windows hold many polls with different rules.
fn schedule(max_candidates: usize, max_hours: i64) -> impl Strategy<Value = (Vec<Gen>, Gen)> {
    proptest::bool::ANY.prop_flat_map(move |crowded| {
        let (range, hours) = if crowded {
            (10 * 24, 12)
        } else {
            (40 * 24, max_hours)
        };
        (
            proptest::collection::vec(gen_poll(range, hours), 0..max_candidates),
            gen_poll(range, hours),
        )
    })
}

fn utc(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
}

fn name(i: usize) -> String {
    format!("a{i}")
}

fn base_date(w: &World) -> NaiveDate {
    w.base.with_timezone(&Amsterdam).date_naive()
}

fn naive_poll(w: &World, g: &Gen, slug: &str) -> NaivePoll {
    let n = w.parents.len();
    let mut audiences: Vec<usize> = g.audiences.iter().map(|a| a % n).collect();
    audiences.sort();
    audiences.dedup();
    let open = w.base + TimeDelta::hours(g.open_hour);
    NaivePoll {
        slug: slug.into(),
        audiences,
        open,
        close: open + TimeDelta::hours(g.hours),
    }
}

fn as_request(p: &NaivePoll) -> ScheduleRequest {
    ScheduleRequest {
        slug: p.slug.clone(),
        audiences: p.audiences.iter().map(|&a| name(a)).collect(),
        opens_at: p.open,
        closes_at: p.close,
    }
}

/// The crate's view of the world.
fn calendar(w: &World, polls: &[NaivePoll]) -> Calendar {
    let tree = AudienceTree::new(
        w.parents
            .iter()
            .enumerate()
            .map(|(i, p)| Audience {
                id: name(i),
                parent: p.map(name),
            })
            .collect(),
    )
    .unwrap();
    let (g, m, win) = w.default;
    let policy = SpacingPolicy {
        default: SpacingRule {
            min_gap_days: g,
            max_polls: m,
            window_days: win,
        },
        rules: w
            .overrides
            .iter()
            .enumerate()
            .filter_map(|(i, o)| {
                o.map(|(g, m, win)| AudienceRule {
                    audience: name(i),
                    min_gap_days: g,
                    max_polls: m,
                    window_days: win,
                })
            })
            .collect(),
    };
    let quiet = w
        .quiet
        .iter()
        .map(|&(start, extra, a)| {
            let from = base_date(w) + TimeDelta::days(start);
            QuietPeriod {
                from,
                to: from + TimeDelta::days(extra),
                reason: "stil".into(),
                audiences: vec![name(a)],
            }
        })
        .collect();
    let polls = polls
        .iter()
        .map(|p| ScheduledPoll::from(as_request(p)))
        .collect();
    Calendar::new(tree, policy, quiet, polls).unwrap()
}

// ------------------------------------------------------------------------------ the naive model

fn includes(w: &World, outer: usize, inner: usize) -> bool {
    let mut current = Some(inner);
    while let Some(c) = current {
        if c == outer {
            return true;
        }
        current = w.parents[c];
    }
    false
}

fn overlap(w: &World, a: usize, b: usize) -> bool {
    includes(w, a, b) || includes(w, b, a)
}

fn rule_of(w: &World, a: usize) -> (u32, u32, u32) {
    let (g, m, win) = w.default;
    match w.overrides[a] {
        Some((og, om, ow)) => (og.unwrap_or(g), om.unwrap_or(m), ow.unwrap_or(win)),
        None => (g, m, win),
    }
}

fn date(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&Amsterdam).date_naive()
}

/// The kinds of rule broken by the poll `focus` among `polls`.
fn naive_violations(w: &World, polls: &[NaivePoll], focus: usize) -> BTreeSet<String> {
    let mut broken = BTreeSet::new();
    let f = &polls[focus];

    // Every pair.
    for (j, p) in polls.iter().enumerate() {
        if j == focus {
            continue;
        }
        let mut gap: Option<u32> = None;
        for &a in &p.audiences {
            for &b in &f.audiences {
                if overlap(w, a, b) {
                    let g = rule_of(w, a).0.max(rule_of(w, b).0);
                    gap = Some(gap.map_or(g, |x| x.max(g)));
                }
            }
        }
        let Some(gap) = gap else { continue };
        if p.open < f.close && f.open < p.close {
            broken.insert("overlapping_open_period".to_string());
        } else {
            let (first, second) = if p.close <= f.open { (p, f) } else { (f, p) };
            let days = (date(second.open) - date(first.close)).num_days();
            if days < i64::from(gap) {
                broken.insert("min_gap_days".to_string());
            }
        }
    }

    // Every set of polls containing the focus, for every audience they all reach.
    let others: Vec<usize> = (0..polls.len()).filter(|&j| j != focus).collect();
    for mask in 1u32..(1 << others.len()) {
        let mut set = vec![focus];
        set.extend(
            others
                .iter()
                .enumerate()
                .filter(|(k, _)| mask & (1 << k) != 0)
                .map(|(_, &j)| j),
        );
        for x in 0..w.parents.len() {
            let reaches_x = set
                .iter()
                .all(|&j| polls[j].audiences.iter().any(|&a| includes(w, a, x)));
            if !reaches_x {
                continue;
            }
            let (mut max_polls, mut window) = (u32::MAX, 0u32);
            for &j in &set {
                for &a in &polls[j].audiences {
                    if includes(w, a, x) {
                        let (_, m, win) = rule_of(w, a);
                        max_polls = max_polls.min(m);
                        window = window.max(win);
                    }
                }
            }
            let first = set.iter().map(|&j| date(polls[j].open)).min().unwrap();
            let last = set.iter().map(|&j| date(polls[j].open)).max().unwrap();
            if set.len() as u32 > max_polls && (last - first).num_days() < i64::from(window) {
                broken.insert("max_polls".to_string());
            }
        }
    }

    // Every hour the focus is open, against every quiet period.
    for &(start, extra, a) in &w.quiet {
        if !f.audiences.iter().any(|&b| overlap(w, a, b)) {
            continue;
        }
        let from = base_date(w) + TimeDelta::days(start);
        let to = from + TimeDelta::days(extra);
        let mut t = f.open;
        while t < f.close {
            if (from..=to).contains(&date(t)) {
                broken.insert("quiet_period".to_string());
                break;
            }
            t += TimeDelta::hours(1);
        }
    }
    broken
}

fn naive_schedule_ok(w: &World, polls: &[NaivePoll]) -> bool {
    (0..polls.len()).all(|i| naive_violations(w, polls, i).is_empty())
}

fn kinds(calendar: &Calendar, request: &ScheduleRequest) -> BTreeSet<String> {
    calendar
        .check(request)
        .unwrap()
        .into_iter()
        .map(|c| c.rule().as_str().to_owned())
        .collect()
}

/// Builds a schedule from the candidates the checker accepts, asserting agreement on each.
fn build(w: &World, candidates: &[Gen]) -> Result<(Calendar, Vec<NaivePoll>), TestCaseError> {
    let mut cal = calendar(w, &[]);
    let mut accepted: Vec<NaivePoll> = Vec::new();
    for (k, c) in candidates.iter().enumerate() {
        let p = naive_poll(w, c, &format!("p{k}"));
        let request = as_request(&p);
        let found = kinds(&cal, &request);
        let mut all = accepted.clone();
        all.push(p.clone());
        prop_assert_eq!(
            &found,
            &naive_violations(w, &all, all.len() - 1),
            "candidate {}",
            k
        );
        if found.is_empty() {
            cal.insert(request.into()).unwrap();
            accepted.push(p);
        }
    }
    // (a) What the checker let in breaks no rule.
    prop_assert!(
        naive_schedule_ok(w, &accepted),
        "accepted schedule breaks a rule: {:#?}",
        accepted
    );
    Ok((cal, accepted))
}

/// The schedule with the request in it (replacing a poll with the same slug).
fn with_request(accepted: &[NaivePoll], request: &NaivePoll) -> Vec<NaivePoll> {
    let mut all: Vec<NaivePoll> = accepted
        .iter()
        .filter(|p| p.slug != request.slug)
        .cloned()
        .collect();
    all.push(request.clone());
    all
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// (a) The checker refuses exactly what the brute force refuses, for the same reasons, and a
    /// schedule it accepted breaks no rule.
    #[test]
    fn checker_agrees_with_brute_force(
        w in world(),
        (candidates, request) in schedule(8, 6 * 24),
        reschedule in proptest::bool::weighted(0.2),
    ) {
        let (cal, accepted) = build(&w, &candidates)?;
        let slug = match accepted.first() { Some(p) if reschedule => p.slug.clone(), _ => "req".to_string() };
        let r = naive_poll(&w, &request, &slug);
        let all = with_request(&accepted, &r);
        let naive = naive_violations(&w, &all, all.len() - 1);
        prop_assert_eq!(&kinds(&cal, &as_request(&r)), &naive);
        // Building the index at once gives the same answer as inserting one by one.
        let rebuilt = calendar(&w, &accepted);
        prop_assert_eq!(rebuilt.check(&as_request(&r)).unwrap(), cal.check(&as_request(&r)).unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// (b) The next free slot is accepted by both and nothing earlier (on the hour) is.
    #[test]
    fn next_free_is_the_earliest_accepted_slot(
        w in world(),
        (candidates, request) in schedule(7, 5 * 24),
        reschedule in proptest::bool::weighted(0.2),
    ) {
        let (cal, accepted) = build(&w, &candidates)?;
        let slug = match accepted.first() { Some(p) if reschedule => p.slug.clone(), _ => "req".to_string() };
        let r = naive_poll(&w, &request, &slug);
        let duration = r.close - r.open;
        let free = cal.next_free(&as_request(&r)).unwrap();
        prop_assert!(free.is_some(), "the generated worlds always have room within five years");
        let free = free.unwrap_or(r.open);
        prop_assert!(free >= r.open);
        prop_assert_eq!((free - w.base).num_seconds() % 3600, 0, "free slots are whole hours here");

        let at = |t: DateTime<Utc>| NaivePoll { open: t, close: t + duration, ..r.clone() };
        let slot = at(free);
        let all = with_request(&accepted, &slot);
        prop_assert!(cal.check(&as_request(&slot)).unwrap().is_empty());
        prop_assert_eq!(naive_violations(&w, &all, all.len() - 1), BTreeSet::new());

        let mut t = r.open;
        while t < free {
            let earlier = at(t);
            let all = with_request(&accepted, &earlier);
            prop_assert!(!naive_violations(&w, &all, all.len() - 1).is_empty(), "{} is free but next_free said {}", t, free);
            t += TimeDelta::hours(1);
        }
    }
}

// ------------------------------------------------------------------------------ channels

fn naive_channel_full(at: DateTime<Utc>, existing: &[DateTime<Utc>], max: u32) -> bool {
    // Every seven-day window (starting on the hour) that contains `at`.
    let week = TimeDelta::days(7);
    let mut start = at - week + TimeDelta::hours(1);
    while start <= at {
        let count = existing
            .iter()
            .filter(|&&t| start <= t && t < start + week)
            .count() as u32
            + 1;
        if count > max {
            return true;
        }
        start += TimeDelta::hours(1);
    }
    false
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn channel_limit_agrees_with_brute_force(
        hours in proptest::collection::vec(0i64..(30 * 24), 0..7),
        at_hour in 0i64..(30 * 24),
        max in 0u32..=3,
    ) {
        let base = utc(2027, 5, 1);
        let existing: Vec<DateTime<Utc>> = hours.iter().map(|&h| base + TimeDelta::hours(h)).collect();
        let limit = ChannelLimit { max_posts_per_week: max };
        let at = base + TimeDelta::hours(at_hour);
        let conflicts = channel_conflicts("c", at, &existing, limit);
        prop_assert_eq!(!conflicts.is_empty(), naive_channel_full(at, &existing, max));
        match channel_next_free(at, &existing, limit) {
            None => prop_assert_eq!(max, 0),
            Some(free) => {
                prop_assert!(!naive_channel_full(free, &existing, max));
                let mut t = at;
                while t < free {
                    prop_assert!(naive_channel_full(t, &existing, max), "{} is free before {}", t, free);
                    t += TimeDelta::hours(1);
                }
            }
        }
    }
}
