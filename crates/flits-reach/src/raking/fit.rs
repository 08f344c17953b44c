//! The fitting rounds, and what comes out of them.

use serde::Serialize;

use super::builder::{Raking, Target};
use super::pattern::Coder;
use super::{Settings, trim};
use crate::weights::WeightSummary;

/// The weights raking found, one per pattern, with its report.
#[derive(Debug, Clone)]
pub struct Raked {
    coder: Coder,
    /// `(code, rows, weight)`, in code order.
    weights: Vec<(u64, u64, f64)>,
    report: Report,
}

/// How raking went: what the staff UI shows, and what decides whether the weighted view is the
/// default (issue 12: only when it converged within the cap).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Whether every margin was matched within the tolerance, with the cap respected.
    pub converged: bool,
    /// The rounds run.
    pub iterations: u32,
    /// The largest distance, as a share, between a weighted share and its target, at the end.
    pub max_deviation: f64,
    /// The cap used, as a multiple of the mean weight.
    pub cap: f64,
    /// Whether the cap held weights back in the last round: then the weights are a compromise
    /// between the margins and the cap, and `max_deviation` says what it cost.
    pub cap_binding: bool,
    /// The rows whose weight the cap held back in the last round.
    pub trimmed_rows: u64,
    /// The smallest and largest weight (with a mean of 1).
    pub min_weight: f64,
    pub max_weight: f64,
    /// Groups with residents but no respondents: the weights cannot make up for them.
    pub empty_options: Vec<EmptyOption>,
    /// Margins that no row has a value for (or only values without residents): left out.
    pub unused_margins: Vec<String>,
}

/// A group the weights cannot make up for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmptyOption {
    pub question: String,
    pub option: String,
}

/// One pattern's weight, as [`Raked::patterns`] lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternWeight {
    /// One value per margin, `None` where the rows have none.
    pub pattern: Vec<Option<usize>>,
    /// How many rows have this pattern.
    pub rows: u64,
    /// Their weight.
    pub weight: f64,
}

impl Raked {
    /// The weight of rows with this pattern, or `None` when no such row was counted.
    pub fn weight(&self, pattern: &[Option<usize>]) -> Option<f64> {
        let code = self.coder.encode(pattern).ok()?;
        let at = self
            .weights
            .binary_search_by_key(&code, |(c, _, _)| *c)
            .ok()?;
        Some(self.weights[at].2)
    }

    /// How raking went.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Every pattern with its rows and weight.
    pub fn patterns(&self) -> impl Iterator<Item = PatternWeight> + '_ {
        self.weights
            .iter()
            .map(|&(code, rows, weight)| PatternWeight {
                pattern: self.coder.decode(code),
                rows,
                weight,
            })
    }

    /// The sums over all rows that the effective sample size and the design effect need.
    pub fn summary(&self) -> WeightSummary {
        let mut summary = WeightSummary::default();
        for &(_, rows, weight) in &self.weights {
            summary.add(weight, rows);
        }
        summary
    }
}

/// The patterns as numbers: a digit table and the current weights.
struct Work {
    margins: usize,
    /// Row `p`, column `j`: 0 for no value, `o + 1` for option `o`.
    digits: Vec<usize>,
    rows: Vec<f64>,
    weights: Vec<f64>,
    /// Scratch space: weighted rows per option of one margin.
    sums: Vec<f64>,
}

/// Runs the rounds.
pub(super) fn fit(raking: &Raking, patterns: Vec<(u64, u64)>, settings: &Settings) -> Raked {
    let coder = &raking.coder;
    let margins = coder.margins();
    let mut work = Work {
        margins,
        digits: patterns
            .iter()
            .flat_map(|&(code, _)| coder.digits(code))
            .collect(),
        rows: patterns.iter().map(|&(_, n)| n as f64).collect(),
        weights: vec![1.0; patterns.len()],
        sums: Vec::new(),
    };
    work.forget_unpopulated(&raking.targets);
    // Per margin: the shares to fit, renormalised over the options that have rows; `None` for a
    // margin left out.
    let mut targets: Vec<Option<Vec<f64>>> = Vec::with_capacity(margins);
    let mut empty_options = Vec::new();
    let mut unused_margins = Vec::new();
    for (j, target) in raking.targets.iter().enumerate() {
        let usable = work.usable_targets(j, target, &mut empty_options);
        if usable.is_none() {
            unused_margins.push(target.question.clone());
        }
        targets.push(usable);
    }

    let mut iterations = 0;
    let mut trimmed_rows = 0;
    let mut deviation = work.deviation(&targets);
    let mut converged = deviation <= settings.tolerance;
    while !converged && iterations < settings.max_iterations {
        iterations += 1;
        for (j, t) in targets.iter().enumerate() {
            if let Some(t) = t {
                work.adjust(j, t);
            }
        }
        trimmed_rows = trim::trim(&mut work.weights, &work.rows, settings.cap);
        deviation = work.deviation(&targets);
        converged = deviation <= settings.tolerance;
    }

    let (min_weight, max_weight) = work
        .weights
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &w| {
            (lo.min(w), hi.max(w))
        });
    let report = Report {
        converged,
        iterations,
        max_deviation: deviation,
        cap: settings.cap,
        cap_binding: trimmed_rows > 0,
        trimmed_rows,
        min_weight: if patterns.is_empty() { 1.0 } else { min_weight },
        max_weight: if patterns.is_empty() { 1.0 } else { max_weight },
        empty_options,
        unused_margins,
    };
    Raked {
        coder: coder.clone(),
        weights: patterns
            .iter()
            .zip(&work.weights)
            .map(|(&(code, rows), &w)| (code, rows, w))
            .collect(),
        report,
    }
}

impl Work {
    /// The value of pattern `p` for margin `j`: 0 for none, `o + 1` for option `o`.
    fn digit(&self, p: usize, j: usize) -> usize {
        self.digits[p * self.margins + j]
    }

    /// Treats a value the population gives no residents like a value the population file does
    /// not have: its rows are not adjusted by that margin (rather than weighted to nothing).
    fn forget_unpopulated(&mut self, targets: &[Target]) {
        for p in 0..self.rows.len() {
            for (j, target) in targets.iter().enumerate() {
                let at = p * self.margins + j;
                if let Some(o) = self.digits[at].checked_sub(1)
                    && target.shares[o] == 0.0
                {
                    self.digits[at] = 0;
                }
            }
        }
    }

    /// Margin `j`'s targets over the options that have rows, or `None` when it cannot be used;
    /// notes the options that lose their share.
    fn usable_targets(
        &self,
        j: usize,
        target: &Target,
        empty: &mut Vec<EmptyOption>,
    ) -> Option<Vec<f64>> {
        let mut present = vec![false; target.shares.len()];
        for p in 0..self.rows.len() {
            if let Some(o) = self.digit(p, j).checked_sub(1) {
                present[o] = true;
            }
        }
        let kept: f64 = target
            .shares
            .iter()
            .zip(&present)
            .filter(|(_, here)| **here)
            .map(|(s, _)| s)
            .sum();
        if kept <= 0.0 {
            return None;
        }
        for (o, (&share, &here)) in target.shares.iter().zip(&present).enumerate() {
            if share > 0.0 && !here {
                empty.push(EmptyOption {
                    question: target.question.clone(),
                    option: target.options[o].clone(),
                });
            }
        }
        Some(
            target
                .shares
                .iter()
                .zip(&present)
                .map(|(&s, &here)| if here { s / kept } else { 0.0 })
                .collect(),
        )
    }

    /// Weighted rows per option of margin `j` into `self.sums`; returns their total.
    fn sum(&mut self, j: usize, options: usize) -> f64 {
        self.sums.clear();
        self.sums.resize(options, 0.0);
        for p in 0..self.rows.len() {
            if let Some(o) = self.digit(p, j).checked_sub(1) {
                self.sums[o] += self.rows[p] * self.weights[p];
            }
        }
        self.sums.iter().sum()
    }

    /// One raking step: margin `j`'s groups scaled to their target shares of the weighted rows
    /// that have a value for it. Rows without a value keep their weight, and so does the total.
    fn adjust(&mut self, j: usize, targets: &[f64]) {
        let total = self.sum(j, targets.len());
        if total <= 0.0 {
            return;
        }
        // A group whose rows all have weight 0 (another margin gives it no residents) cannot be
        // scaled up; it keeps its weights and the deviation shows it.
        let factors: Vec<f64> = targets
            .iter()
            .zip(&self.sums)
            .map(|(&t, &s)| if s > 0.0 { t * total / s } else { 1.0 })
            .collect();
        for p in 0..self.rows.len() {
            if let Some(o) = self.digit(p, j).checked_sub(1) {
                self.weights[p] *= factors[o];
            }
        }
    }

    /// The largest distance between a weighted share and its target, over the used margins.
    fn deviation(&mut self, targets: &[Option<Vec<f64>>]) -> f64 {
        let mut worst: f64 = 0.0;
        for (j, t) in targets.iter().enumerate() {
            let Some(t) = t else { continue };
            let total = self.sum(j, t.len());
            for (target, s) in t.iter().zip(&self.sums) {
                let share = if total > 0.0 { s / total } else { 0.0 };
                worst = worst.max((share - target).abs());
            }
        }
        worst
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::Margin;
    use crate::raking::RakeError;

    fn margin(question: &str, counts: &[u64]) -> Margin {
        let options = counts
            .iter()
            .enumerate()
            .map(|(i, n)| (format!("{question}{i}"), *n))
            .collect();
        Margin::new(question, options).unwrap()
    }

    #[test]
    fn no_rows_need_no_rounds() {
        let raked = Raking::new([&margin("a", &[1, 1])])
            .unwrap()
            .rake(&Settings::default())
            .unwrap();
        let report = raked.report();
        assert!(report.converged);
        assert_eq!(report.iterations, 0);
        assert_eq!(report.unused_margins, ["a"]);
        assert_eq!(raked.patterns().count(), 0);
        assert_eq!(raked.weight(&[Some(0)]), None);
    }

    #[test]
    fn rows_without_a_value_keep_their_weight_and_unanswered_margins_are_named() {
        let (a, b) = (margin("a", &[1, 3]), margin("b", &[1, 1]));
        let mut raking = Raking::new([&a, &b]).unwrap();
        raking.add_rows(&[Some(0), None], 50).unwrap();
        raking.add_rows(&[Some(1), None], 50).unwrap();
        raking.add_rows(&[None, None], 100).unwrap();
        let raked = raking.rake(&Settings::default()).unwrap();
        let report = raked.report();
        assert!(report.converged, "{report:?}");
        assert_eq!(report.unused_margins, ["b"]);
        // The answering half keeps its total (100 of 200) and takes the shares 1:3.
        let w0 = raked.weight(&[Some(0), None]).unwrap();
        let w1 = raked.weight(&[Some(1), None]).unwrap();
        assert!(
            (w0 - 0.5).abs() < 1e-9 && (w1 - 1.5).abs() < 1e-9,
            "{w0} {w1}"
        );
        assert!((raked.weight(&[None, None]).unwrap() - 1.0).abs() < 1e-12);
        let summary = raked.summary();
        assert_eq!(summary.rows, 200);
        assert!((summary.sum - 200.0).abs() < 1e-9);
    }

    #[test]
    fn a_group_without_respondents_gives_its_share_to_the_others() {
        let a = margin("a", &[2, 3, 5]);
        let mut raking = Raking::new([&a]).unwrap();
        raking.add_rows(&[Some(0)], 10).unwrap();
        raking.add_rows(&[Some(2)], 10).unwrap();
        let raked = raking.rake(&Settings::default()).unwrap();
        let report = raked.report();
        assert!(report.converged);
        assert_eq!(
            report.empty_options,
            [EmptyOption {
                question: "a".into(),
                option: "a1".into()
            }]
        );
        // 2:5 over the two groups that answered.
        let ratio = raked.weight(&[Some(0)]).unwrap() / raked.weight(&[Some(2)]).unwrap();
        assert!((ratio - 0.4).abs() < 1e-9, "{ratio}");
    }

    #[test]
    fn a_value_without_residents_is_left_alone_not_weighted_away() {
        let a = margin("a", &[1, 1, 0]);
        let mut raking = Raking::new([&a]).unwrap();
        raking.add_rows(&[Some(0)], 30).unwrap();
        raking.add_rows(&[Some(1)], 10).unwrap();
        raking.add_rows(&[Some(2)], 10).unwrap();
        let raked = raking.rake(&Settings::default()).unwrap();
        assert!(raked.report().converged);
        assert!(raked.report().empty_options.is_empty());
        assert!((raked.weight(&[Some(2)]).unwrap() - 1.0).abs() < 1e-12);
        let (w0, w1) = (
            raked.weight(&[Some(0)]).unwrap(),
            raked.weight(&[Some(1)]).unwrap(),
        );
        assert!(
            (30.0 * w0 - 10.0 * w1).abs() < 1e-9 && (30.0 * w0 + 10.0 * w1 - 40.0).abs() < 1e-9
        );
    }

    #[test]
    fn a_tight_cap_is_reported_when_it_keeps_the_margins_from_fitting() {
        // A group of 1% of the rows with half the population needs weight ~50: a cap of 2
        // cannot allow it.
        let a = margin("a", &[1, 1]);
        let mut raking = Raking::new([&a]).unwrap();
        raking.add_rows(&[Some(0)], 1).unwrap();
        raking.add_rows(&[Some(1)], 99).unwrap();
        let raked = raking
            .rake(&Settings {
                cap: 2.0,
                max_iterations: 50,
                ..Settings::default()
            })
            .unwrap();
        let report = raked.report();
        assert!(!report.converged);
        assert_eq!(report.iterations, 50);
        assert!(report.cap_binding);
        assert_eq!(report.trimmed_rows, 1);
        assert!(report.max_deviation > 0.4, "{report:?}");
        assert!((report.max_weight - 2.0).abs() < 1e-9);
    }

    #[test]
    fn settings_must_make_sense() {
        let raking = Raking::new([&margin("a", &[1, 1])]).unwrap();
        for cap in [0.5, f64::NAN] {
            let err = raking
                .rake(&Settings {
                    cap,
                    ..Settings::default()
                })
                .unwrap_err();
            assert_eq!(err.code(), "raking_cap");
        }
        assert!(matches!(
            raking.rake(&Settings {
                tolerance: -1.0,
                ..Settings::default()
            }),
            Err(RakeError::Tolerance { .. })
        ));
    }
}
