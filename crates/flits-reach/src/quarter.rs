//! Calendar quarters, for the trend of the regional reach dashboard: does the dissimilarity of
//! the respondents fall over the quarters, i.e. do flash polls widen participation?

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// A calendar quarter: `2025-Q1` is January to March 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub quarter: u8,
}

impl Quarter {
    /// The quarter `date` falls in.
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            quarter: (date.month0() / 3 + 1) as u8,
        }
    }

    /// The quarter after this one.
    pub fn next(self) -> Quarter {
        if self.quarter >= 4 {
            Quarter {
                year: self.year + 1,
                quarter: 1,
            }
        } else {
            Quarter {
                year: self.year,
                quarter: self.quarter + 1,
            }
        }
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-Q{}", self.year, self.quarter)
    }
}

/// The first day of the twelve months that end with `today`: the day after the same date a year
/// earlier (29 February goes to 1 March).
pub fn twelve_months_before(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(12))
        .and_then(|d| d.succ_opt())
        .unwrap_or(NaiveDate::MIN)
}

/// Every quarter from the one `from` falls in up to the one `to` falls in, oldest first; empty
/// when `to` is before `from`.
pub fn quarters_between(from: NaiveDate, to: NaiveDate) -> Vec<Quarter> {
    let last = Quarter::of(to);
    let mut out = Vec::new();
    if to < from {
        return out;
    }
    let mut q = Quarter::of(from);
    while q <= last {
        out.push(q);
        q = q.next();
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_fall_in_their_quarter() {
        assert_eq!(Quarter::of(d(2025, 1, 1)).to_string(), "2025-Q1");
        assert_eq!(Quarter::of(d(2025, 3, 31)).to_string(), "2025-Q1");
        assert_eq!(Quarter::of(d(2025, 4, 1)).to_string(), "2025-Q2");
        assert_eq!(Quarter::of(d(2025, 12, 31)).to_string(), "2025-Q4");
        assert_eq!(Quarter::of(d(2025, 12, 31)).next().to_string(), "2026-Q1");
    }

    #[test]
    fn twelve_months_cover_four_or_five_quarters() {
        let today = d(2025, 5, 15);
        let from = twelve_months_before(today);
        assert_eq!(from, d(2024, 5, 16));
        let qs: Vec<String> = quarters_between(from, today)
            .iter()
            .map(Quarter::to_string)
            .collect();
        assert_eq!(qs, ["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]);
        assert_eq!(twelve_months_before(d(2024, 2, 29)), d(2023, 3, 1));
        assert_eq!(quarters_between(d(2025, 3, 31), d(2025, 1, 1)), []);
        assert_eq!(quarters_between(d(2025, 1, 1), d(2025, 3, 31)).len(), 1);
    }
}
