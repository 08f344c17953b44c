//! The raking weights of a fixed data set against an independent implementation: Python's `ipfn`
//! package (issue 12, "Done when"). Without python3 or ipfn the test says so and passes, except
//! where every test must run (`CI=true` or `FLITS_TEST_REQUIRE_ALL=1`), where `.ci/run` installs
//! ipfn and a missing one fails.
//!
//! ipfn fits a contingency table: the seed is the number of rows in each cell (age × wijk × first
//! time), the aggregates are the population shares times the rows, and a cell's weight is its
//! fitted total over its seed. It has no trimming, so Flits rakes here without a cap.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};

use flits_reach::Margin;
use flits_reach::raking::{Raking, Settings};
use serde_json::{Value, json};

/// Fits the seed to the aggregates with ipfn and prints the fitted table as JSON. ipfn prints
/// progress notes on stdout, so those go to stderr.
const SCRIPT: &str = r#"
import contextlib, json, sys
import numpy as np
from ipfn.ipfn import ipfn
data = json.load(sys.stdin)
seed = np.array(data["seed"], dtype=float)
aggregates = [np.array(a, dtype=float) for a in data["aggregates"]]
dimensions = [[i] for i in range(len(aggregates))]
with contextlib.redirect_stdout(sys.stderr):
    fitted, converged = ipfn(seed, aggregates, dimensions, convergence_rate=1e-14,
                             max_iteration=10000, rate_tolerance=0.0, verbose=1).iteration()
json.dump({"converged": bool(converged), "fitted": fitted.tolist()}, sys.stdout)
"#;

/// 40 respondents: (age group, wijk, first time), as option indices. Young people, the south and
/// first-timers are scarce, as they tend to be.
const ROWS: [(usize, usize, usize); 40] = [
    (0, 0, 0),
    (0, 1, 1),
    (0, 2, 1),
    (0, 0, 1),
    (1, 0, 0),
    (1, 0, 1),
    (1, 1, 1),
    (1, 1, 1),
    (1, 2, 0),
    (1, 0, 1),
    (1, 1, 0),
    (2, 0, 1),
    (2, 0, 1),
    (2, 1, 1),
    (2, 1, 0),
    (2, 1, 1),
    (2, 2, 1),
    (2, 0, 1),
    (2, 1, 1),
    (2, 0, 0),
    (2, 1, 1),
    (2, 2, 1),
    (2, 0, 1),
    (2, 1, 1),
    (3, 0, 1),
    (3, 0, 1),
    (3, 1, 1),
    (3, 1, 0),
    (3, 1, 1),
    (3, 0, 1),
    (3, 2, 1),
    (3, 0, 1),
    (3, 1, 1),
    (3, 0, 0),
    (3, 1, 1),
    (3, 0, 1),
    (3, 1, 1),
    (3, 2, 1),
    (3, 0, 1),
    (3, 1, 1),
];

fn margins() -> Vec<Margin> {
    let margin = |question: &str, options: &[(&str, u64)]| {
        Margin::new(
            question,
            options.iter().map(|(o, n)| ((*o).to_owned(), *n)).collect(),
        )
        .unwrap()
    };
    vec![
        margin(
            "leeftijd",
            &[
                ("tot30", 11_930),
                ("30-44", 8_950),
                ("45-64", 11_640),
                ("65plus", 9_480),
            ],
        ),
        margin(
            "wijk",
            &[("centrum", 14_200), ("noord", 17_300), ("zuid", 10_500)],
        ),
        margin("eerste_keer", &[("ja", 16_800), ("nee", 25_200)]),
    ]
}

/// Whether every test must run: then a missing tool fails the test instead of skipping it.
fn every_test_must_run() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
        || std::env::var("FLITS_TEST_REQUIRE_ALL").as_deref() == Ok("1")
}

/// ipfn's fitted table for `input`, or `None` after saying why it cannot run.
fn ipfn(input: &Value) -> Option<Value> {
    let has_ipfn = Command::new("python3")
        .args(["-c", "import ipfn, numpy"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let why = match has_ipfn {
        Err(e) => format!("python3 cannot be started: {e}"),
        Ok(status) if !status.success() => {
            "the Python package ipfn is not installed (pip install ipfn)".to_owned()
        }
        Ok(_) => {
            let mut child = Command::new("python3")
                .args(["-c", SCRIPT])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("python3 starts");
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(input.to_string().as_bytes())
                .expect("the data reaches python3");
            let out = child.wait_with_output().expect("python3 finishes");
            assert!(
                out.status.success(),
                "ipfn failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            return Some(serde_json::from_slice(&out.stdout).expect("ipfn's JSON"));
        }
    };
    assert!(
        !every_test_must_run(),
        "the ipfn comparison cannot run: {why}. With CI=true or FLITS_TEST_REQUIRE_ALL=1 no test may be skipped; .ci/run installs what the tests need."
    );
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED raking_matches_python_ipfn: {why}"
    );
    None
}

#[test]
fn raking_matches_python_ipfn() {
    let margins = margins();
    let n = ROWS.len() as f64;

    let mut seed = vec![vec![vec![0u32; 2]; 3]; 4];
    let mut raking = Raking::new(&margins).unwrap();
    for &(a, w, e) in &ROWS {
        seed[a][w][e] += 1;
        raking.add_row(&[Some(a), Some(w), Some(e)]).unwrap();
    }
    let raked = raking
        .rake(&Settings {
            cap: f64::INFINITY,
            ..Settings::default()
        })
        .unwrap();
    assert!(raked.report().converged, "{:?}", raked.report());
    assert!(!raked.report().cap_binding);

    let aggregates: Vec<Vec<f64>> = margins
        .iter()
        .map(|m| m.shares().iter().map(|s| s * n).collect())
        .collect();
    let Some(out) = ipfn(&json!({ "seed": seed, "aggregates": aggregates })) else {
        return;
    };
    assert_eq!(out["converged"], json!(true), "ipfn did not converge");

    let mut compared = 0;
    let mut spread = (f64::INFINITY, 0.0f64);
    for (a, by_wijk) in seed.iter().enumerate() {
        for (w, by_first) in by_wijk.iter().enumerate() {
            for (e, &rows) in by_first.iter().enumerate() {
                if rows == 0 {
                    continue;
                }
                let fitted = out["fitted"][a][w][e].as_f64().expect("a number");
                let theirs = fitted / f64::from(rows);
                let ours = raked.weight(&[Some(a), Some(w), Some(e)]).unwrap();
                assert!(
                    (ours - theirs).abs() < 1e-6,
                    "cell ({a}, {w}, {e}): Flits {ours}, ipfn {theirs}"
                );
                spread = (spread.0.min(ours), spread.1.max(ours));
                compared += 1;
            }
        }
    }
    assert_eq!(compared, raked.patterns().count());
    // A comparison worth making: the weights differ well away from 1.
    assert!(
        spread.0 < 0.6 && spread.1 > 2.0,
        "weights from {} to {}",
        spread.0,
        spread.1
    );
}
