//! Raking: weights that make the respondents' shares match the population's on every margin.
//!
//! Raking (iterative proportional fitting) starts with every row at weight 1 and adjusts the
//! weights to one margin after the other (all rows in a group are multiplied by the group's
//! target share over its current weighted share), and repeats the round until every margin's
//! weighted shares are within [`Settings::tolerance`] of the population's. Each round ends with
//! trimming: weights above [`Settings::cap`] times the mean are cut back to it (the default cap is
//! [`DEFAULT_CAP`]), so that a handful of respondents from a group the poll hardly reached cannot
//! carry its whole weight; the next round then fits the margins again with those weights. The
//! [`Report`] says whether both were met at the end, how far the margins still are from their
//! targets, and how many rows the cap held back.
//!
//! **Patterns, not rows.** Two rows with the same profile values get the same weight: that is
//! what raking does, and what the export promises (a weight must never reveal a value the
//! export suppresses). So [`Raking`] keeps only the count of rows per distinct pattern of values,
//! fed one row at a time ([`Raking::add_row`]): a million rows over three margins are a few hundred
//! patterns, and memory does not grow with the rows. The caller builds each row's pattern from
//! what the export shows, after suppression, and reads the weight back with [`Raked::weight`].
//!
//! **Missing values.** A row without a value for a margin (skipped, suppressed, or an option the
//! population file does not have or gives no residents, such as "zeg ik liever niet") is not
//! adjusted by that margin.
//! The margin's target shares apply to the weighted total of the rows that do have a value, which
//! each adjustment leaves unchanged: that is the usual way to rake with item non-response, and it
//! keeps the weighted shares among those who answered equal to the population's.
//!
//! **Empty options.** A group with residents but no respondents cannot be weighted up. Its target
//! share is spread over the margin's other options in proportion (the shares are renormalised
//! over the options that have rows), and [`Report::empty_options`] names it, because the weighted
//! figures then still miss that group. A margin no row has a value for is left out and named in
//! [`Report::unused_margins`].
//!
//! Weights are scaled to average 1 over all rows, so a weighted count reads as a number of
//! respondents.

mod builder;
mod fit;
mod pattern;
mod trim;

pub use builder::Raking;
pub use fit::{EmptyOption, PatternWeight, Raked, Report};

/// The default weight cap, as a multiple of the mean weight: no respondent counts for more than
/// five average respondents. Common practice in survey weighting caps somewhere between 3 and
/// 10; 5 limits the loss of precision while still letting raking correct most of a skewed reach.
pub const DEFAULT_CAP: f64 = 5.0;

/// The default largest distance, as a share, between a weighted share and its target at which
/// raking counts as converged: far below anything a person reads, and well within the 1e-6 the
/// tests ask for.
pub const DEFAULT_TOLERANCE: f64 = 1e-10;

/// The default number of rounds before raking gives up. A round costs patterns × margins
/// multiplications, so even this many take milliseconds; raking that has not converged by then
/// will not (a cap that is too tight, or margins that contradict each other).
pub const DEFAULT_MAX_ITERATIONS: u32 = 1000;

/// How raking runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// The largest weight as a multiple of the mean weight; at least 1. `f64::INFINITY` turns
    /// trimming off.
    pub cap: f64,
    /// The largest distance between a weighted share and its target share that counts as a fit.
    pub tolerance: f64,
    /// The most rounds (over all margins, then trimming) raking runs.
    pub max_iterations: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            cap: DEFAULT_CAP,
            tolerance: DEFAULT_TOLERANCE,
            max_iterations: DEFAULT_MAX_ITERATIONS,
        }
    }
}

/// Why raking cannot be done as asked. [`RakeError::code`] is the stable machine code; the
/// `Display` text is for logs. All of them are mistakes of the caller, not of the data.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RakeError {
    /// So many margins and options that a pattern no longer fits in 64 bits.
    #[error("too many margins and options to rake over")]
    TooManyPatterns,
    /// A pattern with a value for more or fewer margins than raking has.
    #[error("a pattern has {found} values, raking has {expected} margins")]
    PatternLength { expected: usize, found: usize },
    /// A pattern names an option its margin does not have.
    #[error("margin {margin} has {options} options, a pattern names option {option}")]
    OptionOutOfRange {
        margin: usize,
        option: usize,
        options: usize,
    },
    /// A cap below 1 (no set of weights has its largest below its mean) or not a number.
    #[error("the weight cap must be at least 1, not {cap}")]
    Cap { cap: f64 },
    /// A negative tolerance, or not a number.
    #[error("the tolerance must be zero or more, not {tolerance}")]
    Tolerance { tolerance: f64 },
}

impl RakeError {
    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            RakeError::TooManyPatterns => "raking_too_many_patterns",
            RakeError::PatternLength { .. } => "raking_pattern_length",
            RakeError::OptionOutOfRange { .. } => "raking_option_out_of_range",
            RakeError::Cap { .. } => "raking_cap",
            RakeError::Tolerance { .. } => "raking_tolerance",
        }
    }
}
