//! Spacing check benchmark: a new schedule request against 10,000 scheduled polls over 200
//! audiences (4 regions, 48 municipalities, 148 target groups), including the next-free search.
//! Target: under 5 ms per request (check + next_free) at the 99th percentile.
//!
//! Run with `cargo bench --bench spacing`. Plain `std::time::Instant`, no harness, so that the
//! figures can be read in CI logs.

use std::error::Error;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use flits_schedule::{
    Audience, AudienceRule, AudienceTree, Calendar, QuietPeriod, ScheduleRequest, ScheduledPoll,
    SpacingPolicy, SpacingRule,
};

/// SplitMix64: deterministic, dependency-free randomness for the data set.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

struct Audiences {
    regions: Vec<String>,
    municipalities: Vec<String>,
    groups: Vec<String>,
}

impl Audiences {
    fn pick(&self, rng: &mut Rng) -> String {
        // Mostly target groups and municipalities; regional polls are rarer.
        let (list, roll) = match rng.below(100) {
            0..=4 => (&self.regions, rng.next()),
            5..=34 => (&self.municipalities, rng.next()),
            _ => (&self.groups, rng.next()),
        };
        list[(roll % list.len() as u64) as usize].clone()
    }
}

fn tree() -> Result<(Vec<Audience>, Audiences), Box<dyn Error>> {
    let mut all = Vec::new();
    let mut a = Audiences {
        regions: Vec::new(),
        municipalities: Vec::new(),
        groups: Vec::new(),
    };
    let kinds = ["jongeren", "ouderen", "ondernemers", "ouders"];
    let mut groups_left = 148usize;
    for r in 0..4 {
        let region = format!("regio-{r}");
        all.push(Audience::root(region.clone()));
        a.regions.push(region.clone());
        for m in 0..12 {
            let municipality = format!("gemeente-{r}-{m}");
            all.push(Audience::child(municipality.clone(), region.clone()));
            a.municipalities.push(municipality.clone());
            let groups = if (r * 12 + m) % 12 == 0 { 1 } else { 3 }.min(groups_left);
            for g in kinds.iter().take(groups) {
                let group = format!("{g}-{municipality}");
                all.push(Audience::child(group.clone(), municipality.clone()));
                a.groups.push(group);
            }
            groups_left -= groups;
        }
    }
    // Fill up to exactly 200 with a fourth group here and there.
    let mut i = 0;
    while all.len() < 200 {
        let municipality = a.municipalities[i % a.municipalities.len()].clone();
        let group = format!("ouders-{municipality}");
        if !a.groups.contains(&group) {
            all.push(Audience::child(group.clone(), municipality));
            a.groups.push(group);
        }
        i += 1;
    }
    if all.len() != 200 {
        return Err(format!("expected 200 audiences, built {}", all.len()).into());
    }
    Ok((all, a))
}

fn policy(a: &Audiences) -> SpacingPolicy {
    let mut rules = Vec::new();
    for (i, g) in a.groups.iter().enumerate() {
        if g.starts_with("jongeren") {
            rules.push(AudienceRule {
                audience: g.clone(),
                min_gap_days: Some(14),
                max_polls: Some(4),
                window_days: None,
            });
        } else if i % 7 == 0 {
            rules.push(AudienceRule {
                audience: g.clone(),
                min_gap_days: None,
                max_polls: Some(5),
                window_days: None,
            });
        }
    }
    for m in a.municipalities.iter().step_by(5) {
        rules.push(AudienceRule {
            audience: m.clone(),
            min_gap_days: Some(28),
            max_polls: None,
            window_days: None,
        });
    }
    SpacingPolicy {
        default: SpacingRule::default(),
        rules,
    }
}

fn quiet(a: &Audiences) -> Result<Vec<QuietPeriod>, Box<dyn Error>> {
    let mut out = Vec::new();
    for year in (2022..2052).step_by(4) {
        let from = NaiveDate::from_ymd_opt(year, 3, 1).ok_or("date")?;
        let to = NaiveDate::from_ymd_opt(year, 3, 18).ok_or("date")?;
        out.push(QuietPeriod {
            from,
            to,
            reason: "Gemeenteraadsverkiezingen".into(),
            audiences: a.regions.clone(),
        });
    }
    Ok(out)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// The fixed part of the data set.
struct Setup {
    audiences: Vec<Audience>,
    a: Audiences,
    policy: SpacingPolicy,
    quiet: Vec<QuietPeriod>,
    start: DateTime<Utc>,
}

impl Setup {
    fn calendar(&self, polls: Vec<ScheduledPoll>) -> Result<Calendar, Box<dyn Error>> {
        let tree = AudienceTree::new(self.audiences.clone())?;
        Ok(Calendar::new(
            tree,
            self.policy.clone(),
            self.quiet.clone(),
            polls,
        )?)
    }
}

/// Places 10,000 polls, each at the next free slot after a random wish; with `max_shift_days`
/// a wish that cannot be met within that many days is dropped, as staff would pick another
/// moment, which leaves room in the calendar.
fn fill(
    setup: &Setup,
    span_days: u64,
    max_shift_days: Option<i64>,
    rng: &mut Rng,
) -> Result<(Vec<ScheduledPoll>, usize), Box<dyn Error>> {
    let Setup { a, start, .. } = setup;
    let start = *start;
    let mut calendar = setup.calendar(Vec::new())?;
    let mut attempts = 0;
    while calendar.len() < 10_000 {
        attempts += 1;
        if attempts > 1_000_000 {
            return Err("could not place 10,000 polls".into());
        }
        let opens = start + TimeDelta::hours(rng.below(span_days * 24) as i64);
        let days = 3 + rng.below(19) as i64;
        let request = ScheduleRequest {
            slug: format!("poll-{}", calendar.len()),
            audiences: vec![a.pick(rng)],
            opens_at: opens,
            closes_at: opens + TimeDelta::days(days),
        };
        if let Some(t) = calendar.next_free(&request)? {
            if max_shift_days.is_some_and(|d| t - opens > TimeDelta::days(d)) {
                continue;
            }
            let closes_at = t + TimeDelta::days(days);
            calendar.insert(ScheduledPoll {
                opens_at: t,
                closes_at,
                ..request.into()
            })?;
        }
    }
    Ok((calendar.polls().cloned().collect(), attempts))
}

fn run(
    label: &str,
    setup: &Setup,
    polls: Vec<ScheduledPoll>,
    span_days: u64,
    rng: &mut Rng,
) -> Result<Duration, Box<dyn Error>> {
    let Setup { a, start, .. } = setup;
    let start = *start;
    println!("\n== {label}");
    let last = polls.iter().map(|p| p.closes_at).max().unwrap_or(start);
    println!(
        "{} polls from {} to {}",
        polls.len(),
        start.date_naive(),
        last.date_naive()
    );

    // Building the index from scratch, as the server does when it loads the calendar.
    let mut builds = Vec::new();
    let mut built = None;
    for _ in 0..10 {
        let tree = AudienceTree::new(setup.audiences.clone())?;
        let (p, q, polls) = (setup.policy.clone(), setup.quiet.clone(), polls.clone());
        let t = Instant::now();
        let c = Calendar::new(tree, p, q, polls)?;
        builds.push(t.elapsed());
        built = Some(c);
    }
    let calendar = built.ok_or("no calendar")?;
    builds.sort();
    println!(
        "index build: median {}, max {}",
        ms(percentile(&builds, 0.5)),
        ms(percentile(&builds, 1.0))
    );

    // Requests: wishes anywhere in the busy period, for every kind of audience.
    let mut check_times = Vec::new();
    let mut next_times = Vec::new();
    let mut total_times = Vec::new();
    let (mut refused, mut moved, mut none) = (0, 0, 0);
    let mut by_kind: [(usize, Duration); 3] = [(0, Duration::ZERO); 3];
    for i in 0..200 {
        let audience = match i % 4 {
            0 => a.regions[(i / 4) % a.regions.len()].clone(),
            1 => a.municipalities[(i * 7) % a.municipalities.len()].clone(),
            _ => a.groups[(i * 13) % a.groups.len()].clone(),
        };
        let kind = if audience.starts_with("regio") {
            0
        } else if audience.starts_with("gemeente") {
            1
        } else {
            2
        };
        let opens = start + TimeDelta::hours(rng.below(span_days * 24) as i64);
        let request = ScheduleRequest {
            slug: format!("new-{i}"),
            audiences: vec![audience],
            opens_at: opens,
            closes_at: opens + TimeDelta::days(7),
        };
        let t0 = Instant::now();
        let conflicts = calendar.check(&request)?;
        let t1 = Instant::now();
        let free = calendar.next_free(&request)?;
        let t2 = Instant::now();
        if !conflicts.is_empty() {
            refused += 1;
        }
        match free {
            Some(t) if t != request.opens_at => moved += 1,
            Some(_) => {}
            None => none += 1,
        }
        check_times.push(t1 - t0);
        next_times.push(t2 - t1);
        total_times.push(t2 - t0);
        by_kind[kind].0 += 1;
        by_kind[kind].1 = by_kind[kind].1.max(t2 - t0);
    }
    for v in [&mut check_times, &mut next_times, &mut total_times] {
        v.sort();
    }
    println!(
        "200 requests: {refused} refused, {moved} moved by next_free, {none} without a free slot within 5 years"
    );
    for (label, v) in [
        ("check", &check_times),
        ("next_free", &next_times),
        ("check + next_free", &total_times),
    ] {
        println!(
            "{label:>18}: median {}, p99 {}, max {}",
            ms(percentile(v, 0.5)),
            ms(percentile(v, 0.99)),
            ms(percentile(v, 1.0))
        );
    }
    for (label, (n, max)) in ["region", "municipality", "target group"]
        .iter()
        .zip(by_kind)
    {
        println!("{label:>18}: {n} requests, slowest {}", ms(max));
    }
    Ok(percentile(&total_times, 0.99))
}

fn main() -> Result<(), Box<dyn Error>> {
    let (audiences, a) = tree()?;
    let setup = Setup {
        policy: policy(&a),
        quiet: quiet(&a)?,
        audiences,
        a,
        start: "2022-01-01T08:00:00Z".parse()?,
    };
    let mut rng = Rng(0x5EED_F117);
    println!(
        "{} audiences ({} regions, {} municipalities, {} target groups), {} audience rules, {} quiet periods",
        setup.audiences.len(),
        setup.a.regions.len(),
        setup.a.municipalities.len(),
        setup.a.groups.len(),
        setup.policy.rules.len(),
        setup.quiet.len()
    );

    let mut worst = Duration::ZERO;
    // With room: a wish that cannot be met within 60 days is dropped, as staff would pick
    // another moment. Regional polls still rarely fit between all the municipal ones.
    let span = 45 * 365;
    let t = Instant::now();
    let (polls, attempts) = fill(&setup, span, Some(60), &mut rng)?;
    println!(
        "(filled in {:.1} s, {attempts} wishes)",
        t.elapsed().as_secs_f64()
    );
    worst = worst.max(run("calendar with room", &setup, polls, span, &mut rng)?);

    // Saturated: every wish placed wherever it fits; most audiences have no room left, so the
    // next-free search has to walk the whole five-year horizon.
    let span = 30 * 365;
    let t = Instant::now();
    let (polls, attempts) = fill(&setup, span, None, &mut rng)?;
    println!(
        "(filled in {:.1} s, {attempts} wishes)",
        t.elapsed().as_secs_f64()
    );
    worst = worst.max(run("saturated calendar", &setup, polls, span, &mut rng)?);

    let verdict = if worst < Duration::from_millis(5) {
        "met"
    } else {
        "MISSED"
    };
    println!("\ntarget p99 (check + next_free) < 5 ms: {verdict}");
    Ok(())
}
