//! Checking a schedule request against the spacing rules, and finding the next free slot.
//!
//! # What the rules mean, precisely
//!
//! Two polls *overlap* when an audience of one overlaps an audience of the other (see
//! [`crate::AudienceTree::overlaps`]). The rule between two overlapping audiences is the stricter
//! value of each setting of their effective rules ([`crate::SpacingPolicy::between`]); between two
//! polls, the strictest over all their overlapping audience pairs. Days are Amsterdam calendar
//! days ([`crate::days`]). Open periods are half-open: `[opens_at, closes_at)`.
//!
//! * `overlapping_open_period`: overlapping polls may never be open at the same moment.
//! * `min_gap_days`: for overlapping polls, the opening date of the later one minus the closing
//!   date of the earlier one must be at least `min_gap_days` (so with 21 days, a poll closing on
//!   1 March allows the next to open on 22 March, at any time of day).
//! * `max_polls`: counted per audience X that the new poll reaches (its audiences and everything
//!   inside them). The polls counted for X are those reaching all of X's residents: polls for X or
//!   for an audience including X. A regional poll therefore counts for every municipality in it,
//!   while polls for Beverwijk and for Velsen are never added up (nobody gets both). A set of such
//!   polls breaks the rule when more than `max_polls` of them open within `window_days`
//!   consecutive dates, where the rule is the strictest of the rules of the audiences through
//!   which they reach X. A target group is an audience X too, so a poll for Velsen counts for the
//!   young people of Velsen together with the polls aimed at them.
//! * `quiet_period`: a poll with an audience overlapping one of the period's audiences may not be
//!   open at any moment of the period.
//!
//! An existing poll with the same slug as the request is ignored, so that a poll can be moved.
//!
//! # Speed
//!
//! The calendar keeps, per audience, its polls sorted by opening time, with the longest open
//! period in each list. A check looks only at the lists of audiences overlapping the request and,
//! within them, at the polls close enough in time to matter (found by binary search), so its cost
//! depends on the neighbourhood of the request, not on the size of the calendar.
//!
//! # The next free slot
//!
//! Every broken rule also yields the earliest moment before which no slot can be free: for a poll
//! that overlaps or is too close, after that poll's close plus the gap; for a window, after the
//! first poll of the too-full window plus the window; for a quiet period, its end. Each of these
//! is a true lower bound for every later candidate (moving a poll later never repairs a clash
//! with a poll it already runs into or that lies behind it), so jumping to the largest of them
//! never skips a free slot, and repeating this until nothing is broken finds the earliest one.
//! Every jump lands on one of finitely many candidate times and moves strictly forward, so the
//! search ends; it gives up after [`NEXT_FREE_HORIZON_DAYS`].

use std::collections::HashMap;

use chrono::{DateTime, Datelike, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::days::{self, date_of_day, day_number, start_of_day_number};
use crate::{
    AudienceTree, Conflict, ConflictFacts, GapSide, QuietPeriod, ScheduleError, SpacingPolicy,
    SpacingRule,
};

/// How far ahead of the requested opening [`Calendar::next_free`] looks: five years.
pub const NEXT_FREE_HORIZON_DAYS: i64 = 1827;

/// A poll already on the calendar (scheduled, open or closed: past polls still count for gaps
/// and windows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledPoll {
    pub slug: String,
    /// The audiences from the poll's brief.
    pub audiences: Vec<String>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

/// A proposed schedule for a poll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleRequest {
    pub slug: String,
    pub audiences: Vec<String>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

impl From<ScheduleRequest> for ScheduledPoll {
    fn from(r: ScheduleRequest) -> Self {
        ScheduledPoll {
            slug: r.slug,
            audiences: r.audiences,
            opens_at: r.opens_at,
            closes_at: r.closes_at,
        }
    }
}

impl From<ScheduledPoll> for ScheduleRequest {
    fn from(p: ScheduledPoll) -> Self {
        ScheduleRequest {
            slug: p.slug,
            audiences: p.audiences,
            opens_at: p.opens_at,
            closes_at: p.closes_at,
        }
    }
}

/// A poll as indexed: audiences as tree indices, dates as day numbers.
#[derive(Debug, Clone)]
struct Entry {
    poll: ScheduledPoll,
    audiences: Vec<usize>,
    open_day: i64,
    close_day: i64,
}

#[derive(Debug, Clone)]
struct QuietEntry {
    period: QuietPeriod,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    audiences: Vec<usize>,
}

/// Everything the spacing rules look at, indexed for fast checks: the audience tree, the policy,
/// the quiet periods and the polls on the calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    tree: AudienceTree,
    policy: SpacingPolicy,
    /// Effective rule per audience index.
    rule_of: Vec<SpacingRule>,
    quiet: Vec<QuietEntry>,
    polls: Vec<Entry>,
    by_slug: HashMap<String, usize>,
    /// Per audience index: indices of its polls, sorted by opening time (then index).
    by_audience: Vec<Vec<usize>>,
    /// Per audience index: the longest open period among its polls.
    longest: Vec<TimeDelta>,
    max_gap_days: u32,
    max_window_days: u32,
    distinct_gaps: usize,
    distinct_windows: usize,
}

/// A request with its audiences resolved.
struct Prepared {
    audiences: Vec<usize>,
    duration: TimeDelta,
    /// The existing poll with the same slug, which the request would replace.
    ignore: Option<usize>,
}

/// One broken rule, by poll and audience index, before it becomes a [`Conflict`].
enum Finding {
    Overlap {
        other: usize,
        audience: usize,
    },
    Gap {
        other: usize,
        audience: usize,
        min_gap: u32,
        days: i64,
        other_first: bool,
    },
    Window {
        audience: usize,
        max_polls: u32,
        window_days: u32,
        first_day: i64,
        others: Vec<usize>,
    },
    Quiet {
        period: usize,
        audience: usize,
    },
}

/// What one evaluation of a candidate slot found.
struct Probe {
    collect: bool,
    findings: Vec<Finding>,
    /// No free slot opens before this (the largest lower bound of the broken rules).
    not_before: Option<DateTime<Utc>>,
}

impl Probe {
    fn bound(&mut self, t: DateTime<Utc>) {
        self.not_before = Some(self.not_before.map_or(t, |b| b.max(t)));
    }
}

/// The first instant of a day number, or the end of time when out of range.
fn day_start(day: i64) -> DateTime<Utc> {
    start_of_day_number(day).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

fn add(t: DateTime<Utc>, d: TimeDelta) -> DateTime<Utc> {
    t.checked_add_signed(d).unwrap_or(if d < TimeDelta::zero() {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

fn days_delta(days: u32) -> TimeDelta {
    TimeDelta::days(i64::from(days))
}

impl Calendar {
    /// Validates the policy and quiet periods against the tree and indexes the polls.
    ///
    /// Errors: a rule or quiet period for an unknown audience, unusable rule settings, a poll
    /// without (known) audiences, a poll that does not open before it closes, two polls with the
    /// same slug.
    pub fn new(
        tree: AudienceTree,
        policy: SpacingPolicy,
        quiet_periods: Vec<QuietPeriod>,
        polls: Vec<ScheduledPoll>,
    ) -> Result<Calendar, ScheduleError> {
        policy.validate(&tree)?;
        let rule_of: Vec<SpacingRule> = tree.ids().map(|id| policy.effective(id)).collect();
        let mut quiet = Vec::with_capacity(quiet_periods.len());
        for period in quiet_periods {
            period.validate(&tree)?;
            let audiences = resolve(&tree, &period.audiences)?;
            quiet.push(QuietEntry {
                starts_at: period.starts_at(),
                ends_at: period.ends_at(),
                period,
                audiences,
            });
        }
        let mut gaps: Vec<u32> = rule_of.iter().map(|r| r.min_gap_days).collect();
        gaps.push(policy.default.min_gap_days);
        gaps.sort_unstable();
        gaps.dedup();
        let mut windows: Vec<u32> = rule_of.iter().map(|r| r.window_days).collect();
        windows.push(policy.default.window_days);
        windows.sort_unstable();
        windows.dedup();
        let n = tree.len();
        let mut calendar = Calendar {
            max_gap_days: gaps.last().copied().unwrap_or(0),
            max_window_days: windows.last().copied().unwrap_or(1),
            distinct_gaps: gaps.len(),
            distinct_windows: windows.len(),
            tree,
            policy,
            rule_of,
            quiet,
            polls: Vec::with_capacity(polls.len()),
            by_slug: HashMap::with_capacity(polls.len()),
            by_audience: vec![Vec::new(); n],
            longest: vec![TimeDelta::zero(); n],
        };
        for poll in polls {
            calendar.push(poll)?;
        }
        let Calendar {
            polls, by_audience, ..
        } = &mut calendar;
        for list in by_audience.iter_mut() {
            list.sort_unstable_by_key(|&i| (polls[i].poll.opens_at, i));
        }
        Ok(calendar)
    }

    /// Adds a poll to the calendar without checking the rules (check first, or use this for
    /// polls an admin scheduled with an override). A poll with a slug already on the calendar is
    /// refused: build a new calendar to move one.
    pub fn insert(&mut self, poll: ScheduledPoll) -> Result<(), ScheduleError> {
        let i = self.push(poll)?;
        let key = (self.polls[i].poll.opens_at, i);
        for &a in &self.polls[i].audiences {
            let list = &mut self.by_audience[a];
            list.pop();
            let at = list.partition_point(|&j| (self.polls[j].poll.opens_at, j) < key);
            list.insert(at, i);
        }
        Ok(())
    }

    /// Validates and stores a poll; the caller puts it into the sorted per-audience lists.
    fn push(&mut self, poll: ScheduledPoll) -> Result<usize, ScheduleError> {
        validate_period(&poll.slug, poll.opens_at, poll.closes_at)?;
        if poll.audiences.is_empty() {
            return Err(ScheduleError::NoAudience(poll.slug));
        }
        let audiences = resolve(&self.tree, &poll.audiences)?;
        if self.by_slug.contains_key(&poll.slug) {
            return Err(ScheduleError::DuplicatePoll(poll.slug));
        }
        let i = self.polls.len();
        let duration = poll.closes_at - poll.opens_at;
        for &a in &audiences {
            if self.longest[a] < duration {
                self.longest[a] = duration;
            }
        }
        // Appended unsorted: `new` sorts every list once, `insert` moves it into place.
        for &a in &audiences {
            self.by_audience[a].push(i);
        }
        self.by_slug.insert(poll.slug.clone(), i);
        let (open_day, close_day) = (day_number(poll.opens_at), day_number(poll.closes_at));
        self.polls.push(Entry {
            poll,
            audiences,
            open_day,
            close_day,
        });
        Ok(i)
    }

    /// The audience tree.
    pub fn tree(&self) -> &AudienceTree {
        &self.tree
    }

    /// The spacing policy.
    pub fn policy(&self) -> &SpacingPolicy {
        &self.policy
    }

    /// The quiet periods.
    pub fn quiet_periods(&self) -> impl Iterator<Item = &QuietPeriod> {
        self.quiet.iter().map(|q| &q.period)
    }

    /// The polls on the calendar, in the order they were added.
    pub fn polls(&self) -> impl Iterator<Item = &ScheduledPoll> {
        self.polls.iter().map(|e| &e.poll)
    }

    /// The poll with this slug, if it is on the calendar.
    pub fn poll(&self, slug: &str) -> Option<&ScheduledPoll> {
        self.by_slug.get(slug).map(|&i| &self.polls[i].poll)
    }

    /// Number of polls on the calendar.
    pub fn len(&self) -> usize {
        self.polls.len()
    }

    /// Whether the calendar holds no polls.
    pub fn is_empty(&self) -> bool {
        self.polls.is_empty()
    }

    /// Every rule the request would break; empty when it may be scheduled as asked.
    ///
    /// Errors (not conflicts): a request that does not open before it closes, or without (known)
    /// audiences.
    pub fn check(&self, request: &ScheduleRequest) -> Result<Vec<Conflict>, ScheduleError> {
        let req = self.prepare(request)?;
        let probe = self.evaluate(&req, request.opens_at, request.closes_at, true);
        Ok(self.describe(request, probe.findings))
    }

    /// The earliest opening time at or after the requested one at which a poll of the same
    /// duration breaks no rule; the requested time itself if it is free. `None` when there is
    /// no such time within [`NEXT_FREE_HORIZON_DAYS`] days.
    pub fn next_free(
        &self,
        request: &ScheduleRequest,
    ) -> Result<Option<DateTime<Utc>>, ScheduleError> {
        let req = self.prepare(request)?;
        let horizon = add(request.opens_at, TimeDelta::days(NEXT_FREE_HORIZON_DAYS));
        // Each step moves strictly forward to one of these many candidate times.
        let cap = self
            .polls
            .len()
            .saturating_mul(self.distinct_gaps + self.distinct_windows)
            .saturating_add(self.quiet.len())
            .saturating_add(2);
        let mut t = request.opens_at;
        for _ in 0..cap {
            if t > horizon {
                return Ok(None);
            }
            let Some(closes) = t.checked_add_signed(req.duration) else {
                return Ok(None);
            };
            let probe = self.evaluate(&req, t, closes, false);
            match probe.not_before {
                None => return Ok(Some(t)),
                Some(b) if b > t => t = b,
                Some(_) => {
                    debug_assert!(false, "a broken rule must push the slot forward");
                    t = add(t, TimeDelta::seconds(1));
                }
            }
        }
        Ok(None)
    }

    fn prepare(&self, request: &ScheduleRequest) -> Result<Prepared, ScheduleError> {
        validate_period(&request.slug, request.opens_at, request.closes_at)?;
        if request.audiences.is_empty() {
            return Err(ScheduleError::NoAudience(request.slug.clone()));
        }
        let audiences = resolve(&self.tree, &request.audiences)?;
        Ok(Prepared {
            audiences,
            duration: request.closes_at - request.opens_at,
            ignore: self.by_slug.get(&request.slug).copied(),
        })
    }

    /// Checks a slot for the prepared request; with `collect` it also keeps what it found.
    fn evaluate(
        &self,
        req: &Prepared,
        opens: DateTime<Utc>,
        closes: DateTime<Utc>,
        collect: bool,
    ) -> Probe {
        let mut probe = Probe {
            collect,
            findings: Vec::new(),
            not_before: None,
        };
        self.check_pairs(req, opens, closes, &mut probe);
        self.check_windows(req, opens, &mut probe);
        self.check_quiet(req, opens, closes, &mut probe);
        probe
    }

    /// `overlapping_open_period` and `min_gap_days`, poll by poll.
    fn check_pairs(
        &self,
        req: &Prepared,
        opens: DateTime<Utc>,
        closes: DateTime<Utc>,
        probe: &mut Probe,
    ) {
        let (open_day, close_day) = (day_number(opens), day_number(closes));
        // Audiences overlapping a requested one: what is inside it and what includes it.
        let mut related: Vec<usize> = Vec::new();
        for &b in &req.audiences {
            related.extend_from_slice(self.tree.subtree(b));
            let mut p = self.tree.parent_idx(b);
            while let Some(a) = p {
                related.push(a);
                p = self.tree.parent_idx(a);
            }
        }
        related.sort_unstable();
        related.dedup();

        // Only polls this close in time can clash (two days of slack for time zones).
        let slack = days_delta(self.max_gap_days.saturating_add(2));
        let hi = add(closes, slack);
        let mut near: Vec<usize> = Vec::new();
        for &a in &related {
            let list = &self.by_audience[a];
            if list.is_empty() {
                continue;
            }
            let lo = add(add(opens, -slack), -self.longest[a]);
            let start = list.partition_point(|&i| self.polls[i].poll.opens_at < lo);
            let end = list.partition_point(|&i| self.polls[i].poll.opens_at < hi);
            near.extend_from_slice(&list[start..end]);
        }
        near.sort_unstable();
        near.dedup();

        for i in near {
            if Some(i) == req.ignore {
                continue;
            }
            let other = &self.polls[i];
            // The strictest gap over all overlapping audience pairs, and where it applies.
            let mut gap: Option<(u32, usize)> = None;
            for &a in &other.audiences {
                for &b in &req.audiences {
                    if self.tree.overlaps_idx(a, b) {
                        let g = self.rule_of[a]
                            .min_gap_days
                            .max(self.rule_of[b].min_gap_days);
                        if gap.is_none_or(|(best, _)| g > best) {
                            gap = Some((g, self.tree.inner_of(a, b)));
                        }
                    }
                }
            }
            let Some((min_gap, audience)) = gap else {
                continue;
            };
            // Once in the way, a later slot must come after this poll, plus the gap.
            let after = other
                .poll
                .closes_at
                .max(day_start(other.close_day + i64::from(min_gap)));
            if other.poll.opens_at < closes && opens < other.poll.closes_at {
                probe.bound(after);
                if probe.collect {
                    probe.findings.push(Finding::Overlap { other: i, audience });
                }
            } else if other.poll.closes_at <= opens {
                let days = open_day - other.close_day;
                if days < i64::from(min_gap) {
                    probe.bound(after);
                    if probe.collect {
                        probe.findings.push(Finding::Gap {
                            other: i,
                            audience,
                            min_gap,
                            days,
                            other_first: true,
                        });
                    }
                }
            } else {
                let days = other.open_day - close_day;
                if days < i64::from(min_gap) {
                    probe.bound(after);
                    if probe.collect {
                        probe.findings.push(Finding::Gap {
                            other: i,
                            audience,
                            min_gap,
                            days,
                            other_first: false,
                        });
                    }
                }
            }
        }
    }

    /// `max_polls`, per audience reached by the request.
    fn check_windows(&self, req: &Prepared, opens: DateTime<Utc>, probe: &mut Probe) {
        let r = day_number(opens);
        let mut reach: Vec<usize> = req
            .audiences
            .iter()
            .flat_map(|&b| self.tree.subtree(b))
            .copied()
            .collect();
        reach.sort_unstable();
        reach.dedup();

        let span = days_delta(self.max_window_days.saturating_add(2));
        let (lo, hi) = (add(opens, -span), add(opens, span));
        let max_window = i64::from(self.max_window_days);
        let mut items: Vec<Item> = Vec::new();
        // Audiences with a too-full window, with what to report for them.
        let mut hits: HashMap<usize, Finding> = HashMap::new();

        for &x in &reach {
            items.clear();
            let mut on_path = Some(x);
            while let Some(a) = on_path {
                let list = &self.by_audience[a];
                let start = list.partition_point(|&i| self.polls[i].poll.opens_at < lo);
                let end = list.partition_point(|&i| self.polls[i].poll.opens_at < hi);
                for &i in &list[start..end] {
                    let day = self.polls[i].open_day;
                    if Some(i) != req.ignore && (day - r).abs() < max_window {
                        items.push(Item {
                            day,
                            window_days: 0,
                            max_polls: 0,
                            poll: i,
                        });
                    }
                }
                on_path = self.tree.parent_idx(a);
            }
            if items.is_empty() {
                continue;
            }
            items.sort_unstable_by_key(|it| (it.day, it.poll));
            items.dedup_by_key(|it| it.poll);
            // The request's own rule for X: through the requested audiences that include X.
            let own = self.rule_through(&req.audiences, x);
            let mut least_max = own.max_polls;
            for it in items.iter_mut() {
                let rule = self.rule_through(&self.polls[it.poll].audiences, x);
                it.window_days = rule.window_days;
                it.max_polls = rule.max_polls;
                least_max = least_max.min(rule.max_polls);
            }
            if items.len() < least_max as usize {
                // Fewer other polls than even the strictest maximum: no window can be too full.
                continue;
            }
            if let Some(hit) = fullest_window(&items, r, own, probe.collect) {
                probe.bound(day_start(hit.not_before));
                if probe.collect {
                    hits.insert(
                        x,
                        Finding::Window {
                            audience: x,
                            max_polls: hit.max_polls,
                            window_days: hit.window_days,
                            first_day: hit.first_day,
                            others: hit.others,
                        },
                    );
                }
            }
        }
        if probe.collect {
            // Report an audience only if the one including it is fine: what is too full for a
            // municipality is too full for its target groups as well.
            let topmost: Vec<usize> = reach
                .iter()
                .copied()
                .filter(|&x| hits.contains_key(&x))
                .filter(|&x| {
                    !self
                        .tree
                        .parent_idx(x)
                        .is_some_and(|p| hits.contains_key(&p))
                })
                .collect();
            for x in topmost {
                if let Some(f) = hits.remove(&x) {
                    probe.findings.push(f);
                }
            }
        }
    }

    /// The strictest effective rule among `audiences` that are, or include, `x`.
    fn rule_through(&self, audiences: &[usize], x: usize) -> SpacingRule {
        let mut rule: Option<SpacingRule> = None;
        for &a in audiences {
            if self.tree.includes_idx(a, x) {
                let r = self.rule_of[a];
                rule = Some(rule.map_or(r, |s| s.strictest(&r)));
            }
        }
        rule.unwrap_or(self.policy.default)
    }

    /// `quiet_period`.
    fn check_quiet(
        &self,
        req: &Prepared,
        opens: DateTime<Utc>,
        closes: DateTime<Utc>,
        probe: &mut Probe,
    ) {
        for (qi, q) in self.quiet.iter().enumerate() {
            if !(opens < q.ends_at && q.starts_at < closes) {
                continue;
            }
            let hit = q
                .audiences
                .iter()
                .find(|&&a| req.audiences.iter().any(|&b| self.tree.overlaps_idx(a, b)));
            if let Some(&audience) = hit {
                probe.bound(q.ends_at);
                if probe.collect {
                    probe.findings.push(Finding::Quiet {
                        period: qi,
                        audience,
                    });
                }
            }
        }
    }

    /// Turns findings into conflicts: codes and arguments, which the web layer and the CLI put
    /// into words.
    fn describe(&self, request: &ScheduleRequest, findings: Vec<Finding>) -> Vec<Conflict> {
        findings
            .into_iter()
            .map(|f| match f {
                Finding::Overlap { other, audience } => {
                    let o = &self.polls[other].poll;
                    Conflict {
                        other_poll: Some(o.slug.clone()),
                        audience: self.tree.id_of(audience).to_owned(),
                        reason: None,
                        channel: None,
                        facts: ConflictFacts::OverlappingOpenPeriod {
                            opens_at: request.opens_at,
                            closes_at: request.closes_at,
                            other_opens_at: o.opens_at,
                            other_closes_at: o.closes_at,
                        },
                    }
                }
                Finding::Gap {
                    other,
                    audience,
                    min_gap,
                    days,
                    other_first,
                } => {
                    let o = &self.polls[other].poll;
                    let (side, other_at, at) = if other_first {
                        (GapSide::AfterOther, o.closes_at, request.opens_at)
                    } else {
                        (GapSide::BeforeOther, o.opens_at, request.closes_at)
                    };
                    Conflict {
                        other_poll: Some(o.slug.clone()),
                        audience: self.tree.id_of(audience).to_owned(),
                        reason: None,
                        channel: None,
                        facts: ConflictFacts::MinGapDays {
                            min_gap_days: min_gap,
                            days,
                            side,
                            other_at,
                            at,
                        },
                    }
                }
                Finding::Window {
                    audience,
                    max_polls,
                    window_days,
                    first_day,
                    others,
                } => Conflict {
                    other_poll: None,
                    audience: self.tree.id_of(audience).to_owned(),
                    reason: None,
                    channel: None,
                    facts: ConflictFacts::MaxPolls {
                        max_polls,
                        window_days,
                        window_from: date_of_day(first_day)
                            .unwrap_or_else(|| days::local_date(request.opens_at)),
                        polls: others
                            .iter()
                            .map(|&i| self.polls[i].poll.slug.clone())
                            .collect(),
                    },
                },
                Finding::Quiet { period, audience } => {
                    let q = &self.quiet[period].period;
                    Conflict {
                        other_poll: None,
                        audience: self.tree.id_of(audience).to_owned(),
                        reason: Some(q.reason.clone()),
                        channel: None,
                        facts: ConflictFacts::QuietPeriod {
                            from: q.from,
                            to: q.to,
                            opens_at: request.opens_at,
                            closes_at: request.closes_at,
                        },
                    }
                }
            })
            .collect()
    }
}

/// A poll counted for one audience: its opening day and its rule through that audience.
struct Item {
    day: i64,
    window_days: u32,
    max_polls: u32,
    poll: usize,
}

/// A too-full window found by [`fullest_window`].
struct WindowHit {
    /// Day number before which the window stays too full, however late the new poll opens.
    not_before: i64,
    max_polls: u32,
    window_days: u32,
    first_day: i64,
    others: Vec<usize>,
}

/// Whether the new poll, opening on day `r` with rule `own`, makes some set of polls too full,
/// and if so the window that stays too full longest.
///
/// A set of polls breaks the rule when it has more members than the smallest `max_polls` among
/// them and their opening days span less than the largest `window_days` among them. So for each
/// maximum M and window W that occur, look at the maximal runs of polls (by day) that fit with
/// the new one within W days: the run is too full when it holds at least M other polls and some
/// member (or the new poll) has a maximum of at most M and some member a window of at least W.
/// Maxima above the request's own and windows below its own need no separate look: the
/// request's own values find the same sets. `items` is sorted by day.
fn fullest_window(items: &[Item], r: i64, own: SpacingRule, collect: bool) -> Option<WindowHit> {
    let mut windows: Vec<u32> = items
        .iter()
        .map(|it| it.window_days)
        .filter(|&w| w >= own.window_days)
        .collect();
    windows.push(own.window_days);
    windows.sort_unstable();
    windows.dedup();
    let mut maxima: Vec<u32> = items
        .iter()
        .map(|it| it.max_polls)
        .filter(|&m| m <= own.max_polls)
        .collect();
    maxima.push(own.max_polls);
    maxima.sort_unstable();
    maxima.dedup();

    let mut best: Option<WindowHit> = None;
    for &w in &windows {
        let wi = i64::from(w);
        // Only polls within w days of the new one can share such a window with it.
        let start = items.partition_point(|it| it.day <= r - wi);
        let end = items.partition_point(|it| it.day < r + wi);
        let near = &items[start..end];
        for &m in &maxima {
            let needed = m as usize;
            if needed == 0 || near.len() < needed {
                continue;
            }
            let (own_sets_max, own_sets_window) = (own.max_polls <= m, own.window_days >= w);
            // For each first poll i, the run i..=j is the longest that fits in w days with r.
            let mut j = 0usize;
            for i in 0..near.len() {
                let first = near[i].day.min(r);
                if j < i {
                    j = i;
                }
                while j + 1 < near.len() && near[j + 1].day.max(r) - first < wi {
                    j += 1;
                }
                let run = &near[i..=j];
                if run.len() < needed {
                    continue;
                }
                let sets_max = own_sets_max || run.iter().any(|it| it.max_polls <= m);
                let sets_window = own_sets_window || run.iter().any(|it| it.window_days >= w);
                if !(sets_max && sets_window) {
                    continue;
                }
                let not_before = near[i].day + wi;
                if best.as_ref().is_none_or(|b| not_before > b.not_before) {
                    best = Some(WindowHit {
                        not_before,
                        max_polls: m,
                        window_days: w,
                        first_day: first,
                        others: if collect {
                            run.iter().map(|it| it.poll).collect()
                        } else {
                            Vec::new()
                        },
                    });
                }
            }
        }
    }
    best
}

fn validate_period(
    slug: &str,
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
) -> Result<(), ScheduleError> {
    if opens_at >= closes_at {
        return Err(ScheduleError::InvalidPeriod {
            slug: slug.to_owned(),
            opens_at,
            closes_at,
        });
    }
    // Keep well inside chrono's range so that day arithmetic and the horizon never overflow.
    let limit = |t: DateTime<Utc>| {
        days::local_date(t).year_ce().1 > 9999 || !days::local_date(t).year_ce().0
    };
    if limit(opens_at) || limit(closes_at) {
        return Err(ScheduleError::OutOfRange(format!(
            "{slug}: {opens_at} – {closes_at}"
        )));
    }
    Ok(())
}

fn resolve(tree: &AudienceTree, ids: &[String]) -> Result<Vec<usize>, ScheduleError> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(
            tree.idx(id)
                .ok_or_else(|| ScheduleError::UnknownAudience(id.clone()))?,
        );
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}
