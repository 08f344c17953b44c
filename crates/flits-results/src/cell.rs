//! The small-cell rule: a count under `k` could point at a few people, so it is shown as `<k`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A count as it may be shown. In JSON an exact count is a number and a hidden one the string
/// `"<k"`, as a reader would write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

impl Serialize for Count {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Count::Exact { value } => serializer.serialize_u64(*value),
            Count::Below { .. } => serializer.collect_str(self),
        }
    }
}

/// Reads what [`Serialize`] wrote (figures kept after the responses are deleted): a number, or
/// `"<k"`.
impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Count, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shown {
            Exact(u64),
            Below(String),
        }
        match Shown::deserialize(deserializer)? {
            Shown::Exact(value) => Ok(Count::Exact { value }),
            Shown::Below(text) => text
                .strip_prefix('<')
                .and_then(|k| k.parse().ok())
                .map(|k| Count::Below { k })
                .ok_or_else(|| serde::de::Error::custom(format!("not a count: {text:?}"))),
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
    fn counts_read_back_what_they_wrote() {
        for count in [Count::of(0, 10), Count::of(3, 10), Count::of(42, 10)] {
            let json = serde_json::to_string(&count).unwrap();
            assert_eq!(serde_json::from_str::<Count>(&json).unwrap(), count);
        }
        assert!(serde_json::from_str::<Count>("\"ten\"").is_err());
    }

    #[test]
    fn counts_under_k_but_not_zero_are_hidden() {
        assert_eq!(Count::of(0, 10).to_string(), "0");
        assert_eq!(Count::of(1, 10).to_string(), "<10");
        assert_eq!(Count::of(9, 10).to_string(), "<10");
        assert_eq!(Count::of(10, 10).to_string(), "10");
        assert_eq!(Count::of(9, 10).exact(), None);
        assert_eq!(
            serde_json::to_string(&Count::of(12, 10)).unwrap_or_default(),
            "12"
        );
        assert_eq!(
            serde_json::to_string(&Count::of(2, 10)).unwrap_or_default(),
            "\"<10\""
        );
    }
}
