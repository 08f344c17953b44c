//! What weights cost in precision, and shares with their margins of error.
//!
//! Weighting makes the shares fairer but less precise: a few heavy respondents count for many.
//! **Kish's effective sample size** `(Σw)² / Σw²` is the number of equally weighted respondents
//! that would give the same precision; the **design effect** `n / ESS` is how much weighting
//! widened the margins of error (1 for equal weights). The **95% margin of error** of a share `p`
//! out of `n` is `1.96 × √(p(1−p)/n)`, with `n` the respondents for an unweighted share and the
//! effective sample size for a weighted one (the usual normal approximation: it is 0 at a share
//! of 0 or 1, and rough below some thirty respondents).
//!
//! [`Tally`] counts one question's answers with their weights and shows them under the small-cell
//! rule of `flits-results`: a share, weighted or not, is shown only where its count is, and a
//! question answered by fewer than `k` shows no numbers.

use flits_results::Count;
use serde::Serialize;

/// The normal quantile of a two-sided 95% interval.
pub const Z95: f64 = 1.96;

/// The sums of a set of weights that precision depends on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct WeightSummary {
    /// Rows.
    pub rows: u64,
    /// Σw.
    pub sum: f64,
    /// Σw².
    pub sum_of_squares: f64,
}

impl WeightSummary {
    /// Adds `rows` rows of weight `weight`.
    pub fn add(&mut self, weight: f64, rows: u64) {
        let n = rows as f64;
        self.rows += rows;
        self.sum += weight * n;
        self.sum_of_squares += weight * weight * n;
    }

    /// Kish's effective sample size `(Σw)² / Σw²`; `None` without weight.
    pub fn effective_sample_size(&self) -> Option<f64> {
        (self.sum_of_squares > 0.0).then(|| self.sum * self.sum / self.sum_of_squares)
    }

    /// The design effect `n / ESS`; `None` without weight.
    pub fn design_effect(&self) -> Option<f64> {
        self.effective_sample_size()
            .map(|ess| self.rows as f64 / ess)
    }
}

/// The 95% margin of error of share `p` out of `n` (respondents, or an effective sample size);
/// `None` for `n` of 0.
pub fn margin_of_error(p: f64, n: f64) -> Option<f64> {
    (n > 0.0).then(|| Z95 * (p * (1.0 - p) / n).max(0.0).sqrt())
}

/// One question's answers, counted with and without weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    counts: Vec<u64>,
    weighted: Vec<f64>,
    answered: WeightSummary,
}

/// Why an answer cannot be tallied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeightsError {
    /// The option is not one of the question's.
    #[error("the question has {options} options, not option {option}")]
    OptionOutOfRange { option: usize, options: usize },
}

impl WeightsError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            WeightsError::OptionOutOfRange { .. } => "weights_option_out_of_range",
        }
    }
}

/// One question's shares as they may be shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shares {
    /// The smallest count shown as a number.
    pub k: u64,
    /// Respondents who answered the question.
    pub answered: Count,
    /// `true` when fewer than `k` (or no) respondents answered: then nothing else is filled in.
    pub withheld: bool,
    /// Kish's effective sample size of those who answered.
    pub effective_sample_size: Option<f64>,
    /// `answered / effective_sample_size`.
    pub design_effect: Option<f64>,
    /// Per option, in order.
    pub options: Vec<OptionShares>,
}

/// One option's count and shares.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionShares {
    pub count: Count,
    /// The share of those who answered, only where the count is shown.
    pub unweighted: Option<Estimate>,
    /// The weighted share, only where the count is shown.
    pub weighted: Option<Estimate>,
}

/// A share with its 95% margin of error.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    /// Between 0 and 1.
    pub share: f64,
    /// Half the width of the 95% interval, as a share.
    pub margin_of_error: f64,
}

impl Tally {
    /// A tally for a question with `options` options.
    pub fn new(options: usize) -> Tally {
        Tally {
            counts: vec![0; options],
            weighted: vec![0.0; options],
            answered: WeightSummary::default(),
        }
    }

    /// Counts one respondent who chose `option`, with weight `weight` (1 when there are no
    /// weights). Respondents who skipped the question are not counted.
    pub fn add(&mut self, option: usize, weight: f64) -> Result<(), WeightsError> {
        self.add_many(option, weight, 1)
    }

    /// Counts `rows` respondents with the same option and weight.
    pub fn add_many(&mut self, option: usize, weight: f64, rows: u64) -> Result<(), WeightsError> {
        let options = self.counts.len();
        let (Some(count), Some(weighted)) =
            (self.counts.get_mut(option), self.weighted.get_mut(option))
        else {
            return Err(WeightsError::OptionOutOfRange { option, options });
        };
        *count += rows;
        *weighted += weight * rows as f64;
        self.answered.add(weight, rows);
        Ok(())
    }

    /// The shares under the small-cell rule for `k`.
    pub fn shares(&self, k: u64) -> Shares {
        let n = self.answered.rows;
        let withheld = n == 0 || n < k;
        let ess = self.answered.effective_sample_size();
        let mut shares = Shares {
            k,
            answered: Count::of(n, k),
            withheld,
            effective_sample_size: None,
            design_effect: None,
            options: Vec::new(),
        };
        if withheld {
            return shares;
        }
        shares.effective_sample_size = ess;
        shares.design_effect = self.answered.design_effect();
        let total = self.answered.sum;
        shares.options = self
            .counts
            .iter()
            .zip(&self.weighted)
            .map(|(&count, &weighted)| {
                let shown = Count::of(count, k);
                let visible = shown.exact().is_some();
                let estimate = |share: f64, n: f64| {
                    margin_of_error(share, n).map(|margin_of_error| Estimate {
                        share,
                        margin_of_error,
                    })
                };
                OptionShares {
                    count: shown,
                    unweighted: visible
                        .then(|| estimate(count as f64 / n as f64, n as f64))
                        .flatten(),
                    weighted: (visible && total > 0.0)
                        .then(|| ess.and_then(|ess| estimate(weighted / total, ess)))
                        .flatten(),
                }
            })
            .collect();
        shares
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn equal_weights_cost_nothing() {
        let mut s = WeightSummary::default();
        s.add(1.0, 400);
        assert_eq!(s.effective_sample_size(), Some(400.0));
        assert_eq!(s.design_effect(), Some(1.0));
        assert_eq!(WeightSummary::default().effective_sample_size(), None);
    }

    #[test]
    fn unequal_weights_shrink_the_effective_sample() {
        // 100 rows at 2 and 100 at 0.5 (mean 1.25): (250)² / (400 + 25) = 147.06…
        let mut s = WeightSummary::default();
        s.add(2.0, 100);
        s.add(0.5, 100);
        let ess = s.effective_sample_size().unwrap();
        assert!((ess - 62500.0 / 425.0).abs() < 1e-9);
        assert!((s.design_effect().unwrap() - 200.0 / ess).abs() < 1e-12);
    }

    #[test]
    fn the_margin_of_error_of_half_out_of_a_thousand_is_about_three_points() {
        let moe = margin_of_error(0.5, 1000.0).unwrap();
        assert!((moe - 1.96 * (0.25f64 / 1000.0).sqrt()).abs() < 1e-15);
        assert!((moe - 0.031).abs() < 0.001);
        assert_eq!(margin_of_error(0.0, 10.0), Some(0.0));
        assert_eq!(margin_of_error(0.5, 0.0), None);
    }

    #[test]
    fn weighted_and_unweighted_shares_side_by_side() {
        let mut t = Tally::new(3);
        t.add_many(0, 2.0, 30).unwrap();
        t.add_many(1, 0.5, 66).unwrap();
        t.add_many(2, 1.0, 4).unwrap();
        let s = t.shares(5);
        assert!(!s.withheld);
        assert_eq!(s.answered, Count::Exact { value: 100 });
        let a = &s.options[0];
        let u = a.unweighted.unwrap();
        assert!((u.share - 0.3).abs() < 1e-12);
        assert!((u.margin_of_error - 1.96 * (0.21f64 / 100.0).sqrt()).abs() < 1e-12);
        let w = a.weighted.unwrap();
        assert!((w.share - 60.0 / 97.0).abs() < 1e-12);
        let ess = s.effective_sample_size.unwrap();
        assert!((ess - 97.0 * 97.0 / (120.0 + 16.5 + 4.0)).abs() < 1e-9);
        let p = 60.0 / 97.0;
        assert!((w.margin_of_error - 1.96 * (p * (1.0 - p) / ess).sqrt()).abs() < 1e-12);
        // The small cell shows neither share.
        assert_eq!(s.options[2].count, Count::Below { k: 5 });
        assert_eq!(s.options[2].unweighted, None);
        assert_eq!(s.options[2].weighted, None);
    }

    #[test]
    fn too_few_answers_show_nothing() {
        let mut t = Tally::new(2);
        t.add(0, 1.0).unwrap();
        let s = t.shares(5);
        assert!(s.withheld);
        assert!(s.options.is_empty());
        assert_eq!(s.effective_sample_size, None);
        assert!(Tally::new(2).shares(1).withheld);
        assert_eq!(
            t.add(2, 1.0),
            Err(WeightsError::OptionOutOfRange {
                option: 2,
                options: 2
            })
        );
    }
}
