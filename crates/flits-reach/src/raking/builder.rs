//! Counting the rows per pattern, one row at a time.

use std::collections::HashMap;

use super::pattern::Coder;
use super::{RakeError, Settings, fit};
use crate::population::Margin;

/// The margins to rake to and the rows counted so far, per pattern of profile values.
///
/// ```
/// # use flits_reach::{Margin, raking::{Raking, Settings}};
/// let age = Margin::new("leeftijd", vec![("jong".into(), 40), ("oud".into(), 60)]).unwrap();
/// let mut raking = Raking::new([&age]).unwrap();
/// for _ in 0..30 { raking.add_row(&[Some(0)]).unwrap(); }   // young respondents
/// for _ in 0..70 { raking.add_row(&[Some(1)]).unwrap(); }   // old respondents
/// raking.add_row(&[None]).unwrap();                          // skipped the question
/// let raked = raking.rake(&Settings::default()).unwrap();
/// assert!(raked.report().converged);
/// let young = raked.weight(&[Some(0)]).unwrap();
/// let old = raked.weight(&[Some(1)]).unwrap();
/// assert!((30.0 * young / (30.0 * young + 70.0 * old) - 0.4).abs() < 1e-9);
/// ```
#[derive(Debug, Clone)]
pub struct Raking {
    pub(super) coder: Coder,
    /// Per margin: the question, its option ids and its population shares.
    pub(super) targets: Vec<Target>,
    /// Rows per pattern code.
    counts: HashMap<u64, u64>,
    rows: u64,
}

/// One margin's targets.
#[derive(Debug, Clone)]
pub(super) struct Target {
    pub(super) question: String,
    pub(super) options: Vec<String>,
    pub(super) shares: Vec<f64>,
}

impl Raking {
    /// Raking to these margins, in this order: a pattern's `j`th value is an index into the `j`th
    /// margin's [`Margin::options`] (see [`Margin::position`]).
    pub fn new<'a>(margins: impl IntoIterator<Item = &'a Margin>) -> Result<Raking, RakeError> {
        let targets: Vec<Target> = margins
            .into_iter()
            .map(|m| Target {
                question: m.question().to_owned(),
                options: m.options().iter().map(|(id, _)| id.clone()).collect(),
                shares: m.shares(),
            })
            .collect();
        let coder = Coder::new(targets.iter().map(|t| t.options.len()).collect())?;
        Ok(Raking {
            coder,
            targets,
            counts: HashMap::new(),
            rows: 0,
        })
    }

    /// Counts one row: one value per margin, `None` where the row has none.
    pub fn add_row(&mut self, pattern: &[Option<usize>]) -> Result<(), RakeError> {
        self.add_rows(pattern, 1)
    }

    /// Counts `rows` rows with the same pattern at once.
    pub fn add_rows(&mut self, pattern: &[Option<usize>], rows: u64) -> Result<(), RakeError> {
        let code = self.coder.encode(pattern)?;
        if rows > 0 {
            *self.counts.entry(code).or_default() += rows;
            self.rows += rows;
        }
        Ok(())
    }

    /// The rows counted.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// The distinct patterns among them: what the work and the memory of raking depend on.
    pub fn patterns(&self) -> usize {
        self.counts.len()
    }

    /// Fits the weights to the margins (see the [module](super) documentation).
    pub fn rake(&self, settings: &Settings) -> Result<fit::Raked, RakeError> {
        if settings.cap.is_nan() || settings.cap < 1.0 {
            return Err(RakeError::Cap { cap: settings.cap });
        }
        if settings.tolerance.is_nan() || settings.tolerance < 0.0 {
            return Err(RakeError::Tolerance {
                tolerance: settings.tolerance,
            });
        }
        // In code order, so that the sums (and so the weights) do not depend on the order the
        // rows came in.
        let mut patterns: Vec<(u64, u64)> = self.counts.iter().map(|(c, n)| (*c, *n)).collect();
        patterns.sort_unstable();
        Ok(fit::fit(self, patterns, settings))
    }
}
