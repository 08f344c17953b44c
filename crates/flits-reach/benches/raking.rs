//! Raking a million responses over three margins (issue 12: under 2 s on this machine, with
//! memory that stays flat). Run with `cargo bench -p flits-reach`.
//!
//! Rows are generated on the fly from a fixed seed and fed to the streaming builder one at a
//! time, as an export feeds them; none is kept. Age (6 bands), wijk (8) and first time (2) are
//! skewed against the population, with some answers missing. After raking, every row's weight is
//! looked up again, as the export's `weight` column does. Peak memory (VmHWM) is read before and
//! after 100,000 rows and then a million: if memory grew with the rows, the second peak would be
//! well above the first.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use flits_reach::Margin;
use flits_reach::raking::{Raking, Settings};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The respondents' spread over each margin's options, and how often the answer is missing.
const AGE: [f64; 6] = [0.04, 0.09, 0.15, 0.22, 0.27, 0.23];
const WIJK: [f64; 8] = [0.22, 0.18, 0.15, 0.12, 0.11, 0.09, 0.08, 0.05];
const FIRST_TIME: [f64; 2] = [0.2, 0.8];
const MISSING: [f64; 3] = [0.04, 0.08, 0.12];

fn margins() -> Vec<Margin> {
    let margin = |question: &str, counts: &[u64]| {
        let options = counts
            .iter()
            .enumerate()
            .map(|(i, n)| (format!("{question}{i}"), *n))
            .collect();
        Margin::new(question, options).unwrap()
    };
    vec![
        margin("leeftijd", &[8_400, 7_300, 7_900, 8_800, 7_600, 6_500]),
        margin(
            "wijk",
            &[6_100, 5_900, 5_800, 5_700, 5_500, 5_300, 4_300, 3_900],
        ),
        margin("eerste_keer", &[21_000, 25_500]),
    ]
}

/// An option drawn from `spread`, or `None` with probability `missing`.
fn draw(rng: &mut StdRng, spread: &[f64], missing: f64) -> Option<usize> {
    if rng.random::<f64>() < missing {
        return None;
    }
    let mut u = rng.random::<f64>();
    for (i, p) in spread.iter().enumerate() {
        if u < *p {
            return Some(i);
        }
        u -= p;
    }
    Some(spread.len() - 1)
}

fn row(rng: &mut StdRng) -> [Option<usize>; 3] {
    [
        draw(rng, &AGE, MISSING[0]),
        draw(rng, &WIJK, MISSING[1]),
        draw(rng, &FIRST_TIME, MISSING[2]),
    ]
}

/// The process's peak resident memory so far, in KiB.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn run(rows: u64, margins: &[Margin]) -> Duration {
    let peak_before = peak_kib();

    // The cost of making up the rows, to tell it apart from the work of raking.
    let start = Instant::now();
    let mut rng = StdRng::seed_from_u64(12);
    let mut checksum = 0usize;
    for _ in 0..rows {
        checksum += row(&mut rng).iter().flatten().sum::<usize>();
    }
    let generating = start.elapsed();
    std::hint::black_box(checksum);

    let start = Instant::now();
    let mut raking = Raking::new(margins).unwrap();
    let mut rng = StdRng::seed_from_u64(12);
    for _ in 0..rows {
        raking.add_row(&row(&mut rng)).unwrap();
    }
    let counted = start.elapsed();
    let raked = raking.rake(&Settings::default()).unwrap();
    let fitted = start.elapsed();
    let mut rng = StdRng::seed_from_u64(12);
    let mut total = 0.0;
    for _ in 0..rows {
        total += raked.weight(&row(&mut rng)).unwrap();
    }
    let looked_up = start.elapsed();

    let report = raked.report();
    let summary = raked.summary();
    println!(
        "{rows:>9} rows, {patterns} patterns: counted {c:.0} ms, raked {r:.2} ms, weights looked up {l:.0} ms; \
         total {t:.0} ms ({g:.0} ms of it generating rows, twice)",
        patterns = raking.patterns(),
        c = ms(counted),
        r = ms(fitted - counted),
        l = ms(looked_up - fitted),
        t = ms(looked_up),
        g = ms(generating) * 2.0,
    );
    println!(
        "          converged {} in {} rounds, max deviation {:.1e}, weights {:.3}..{:.3} (mean {:.6}), \
         cap binding {}, ESS {:.0}, design effect {:.3}",
        report.converged,
        report.iterations,
        report.max_deviation,
        report.min_weight,
        report.max_weight,
        total / rows as f64,
        report.cap_binding,
        summary.effective_sample_size().unwrap_or(0.0),
        summary.design_effect().unwrap_or(0.0),
    );
    println!(
        "          peak RSS (VmHWM) before {peak_before} KiB, after {} KiB",
        peak_kib()
    );
    assert!(report.converged);
    looked_up
}

fn main() {
    let margins = margins();
    run(100_000, &margins);
    let million = run(1_000_000, &margins);
    println!(
        "1,000,000 rows: {:.2} s (target under 2 s)",
        million.as_secs_f64()
    );
}
