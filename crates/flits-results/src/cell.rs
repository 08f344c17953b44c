//! The small-cell rule: a count under `k` could point at a few people, so it is shown as `<k`.

use serde::Serialize;

/// A count as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Count {
    /// The count itself (zero is shown: nobody can be singled out by it).
    Exact { value: u64 },
    /// Fewer than `k`, but not zero.
    Below { k: u64 },
}

impl Count {
    /// `n` under the rule for `k`.
    pub fn of(n: u64, k: u64) -> Count {
        if n == 0 || n >= k {
            Count::Exact { value: n }
        } else {
            Count::Below { k }
        }
    }

    /// The exact value, when it may be shown.
    pub fn exact(self) -> Option<u64> {
        match self {
            Count::Exact { value } => Some(value),
            Count::Below { .. } => None,
        }
    }
}

impl std::fmt::Display for Count {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Count::Exact { value } => write!(f, "{value}"),
            Count::Below { k } => write!(f, "<{k}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_under_k_but_not_zero_are_hidden() {
        assert_eq!(Count::of(0, 10).to_string(), "0");
        assert_eq!(Count::of(1, 10).to_string(), "<10");
        assert_eq!(Count::of(9, 10).to_string(), "<10");
        assert_eq!(Count::of(10, 10).to_string(), "10");
        assert_eq!(Count::of(9, 10).exact(), None);
    }
}
