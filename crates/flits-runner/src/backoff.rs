//! How long to wait before trying a send again: the channel posts and the results e-mails share
//! one rule, each with its own first and longest wait.

use std::time::Duration;

use rand::Rng;

/// The wait after the `attempt`-th failure: doubling from `first` up to `max`, less up to a fifth
/// at random, so sends that failed together do not all come back at once.
pub(crate) fn backoff(attempt: i32, first: Duration, max: Duration) -> Duration {
    let exponent = u32::try_from(attempt.saturating_sub(1))
        .unwrap_or(0)
        .min(16);
    let full = first.saturating_mul(1u32 << exponent).min(max);
    full.mul_f64(1.0 - rand::rng().random_range(0.0..0.2))
}
