//! Spacing rules (docs/api.md, "Scheduling and spacing"): how often the residents of an audience may be asked.
//!
//! There is one default rule for every audience; a rule for one audience replaces the default for
//! it, setting by setting (a setting it omits keeps the default). When two overlapping audiences
//! have different rules the stricter value of **each** setting applies, so a regional poll can
//! never loosen a municipality's promise to its residents, nor the other way round.

use serde::{Deserialize, Serialize};

use crate::{AudienceTree, ScheduleError};

/// Longest gap or window the checker accepts. Longer values would mean "never poll again" and
/// make the search for a free slot (which looks five years ahead) meaningless.
pub const MAX_RULE_DAYS: u32 = 3650;

/// One complete set of spacing settings. Days are Amsterdam calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct SpacingRule {
    /// At least this many days between the close of one poll and the opening of the next.
    pub min_gap_days: u32,
    /// At most this many polls (counting the new one) may open within any `window_days` days.
    pub max_polls: u32,
    /// Length, in days, of the rolling window for `max_polls`.
    pub window_days: u32,
}

impl Default for SpacingRule {
    /// The shipped default: three weeks between polls and at most six a year. Dutch resident
    /// panels promise four to six questionnaires a year; flash polls are short, so six is the
    /// upper end of that promise, and three weeks keeps them from bunching up.
    fn default() -> Self {
        SpacingRule {
            min_gap_days: 21,
            max_polls: 6,
            window_days: 365,
        }
    }
}

impl SpacingRule {
    /// The stricter value of each setting: the larger gap, the smaller number of polls and the
    /// larger window.
    pub fn strictest(&self, other: &SpacingRule) -> SpacingRule {
        SpacingRule {
            min_gap_days: self.min_gap_days.max(other.min_gap_days),
            max_polls: self.max_polls.min(other.max_polls),
            window_days: self.window_days.max(other.window_days),
        }
    }

    /// Whether every setting is at least as strict as in `other`.
    pub fn at_least_as_strict_as(&self, other: &SpacingRule) -> bool {
        self.min_gap_days >= other.min_gap_days
            && self.max_polls <= other.max_polls
            && self.window_days >= other.window_days
    }

    fn validate(&self, audience: Option<&str>) -> Result<(), ScheduleError> {
        let invalid = |reason: &str| ScheduleError::InvalidRule {
            audience: audience.map(str::to_owned),
            reason: reason.to_owned(),
        };
        if self.max_polls == 0 {
            return Err(invalid("max_polls must be at least 1"));
        }
        if self.window_days == 0 {
            return Err(invalid("window_days must be at least 1"));
        }
        if self.window_days > MAX_RULE_DAYS || self.min_gap_days > MAX_RULE_DAYS {
            return Err(invalid(&format!(
                "min_gap_days and window_days must be at most {MAX_RULE_DAYS}"
            )));
        }
        Ok(())
    }
}

/// The stricter value of each setting of two rules; see [`SpacingRule::strictest`].
pub fn strictest(a: &SpacingRule, b: &SpacingRule) -> SpacingRule {
    a.strictest(b)
}

/// A rule for one audience (`[[spacing.rules]]`). It replaces the default for that audience only;
/// a setting it leaves out comes from the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AudienceRule {
    /// The audience this rule is for.
    pub audience: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_gap_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_polls: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_days: Option<u32>,
}

impl AudienceRule {
    /// This rule with the settings it leaves out taken from `default`.
    pub fn over(&self, default: &SpacingRule) -> SpacingRule {
        SpacingRule {
            min_gap_days: self.min_gap_days.unwrap_or(default.min_gap_days),
            max_polls: self.max_polls.unwrap_or(default.max_polls),
            window_days: self.window_days.unwrap_or(default.window_days),
        }
    }
}

/// All spacing settings: the `[spacing]` table. The default rule's settings sit directly in the
/// table (`min_gap_days = 21`), the per-audience rules in `[[spacing.rules]]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SpacingPolicy {
    /// The rule for every audience without its own rule.
    #[serde(flatten)]
    pub default: SpacingRule,
    /// Rules that replace the default for one audience each.
    #[serde(default)]
    pub rules: Vec<AudienceRule>,
}

impl SpacingPolicy {
    /// The rule for polls whose only audience is `audience`: its own rule over the default, or the
    /// default. (Where audiences overlap, combine with [`SpacingPolicy::between`].)
    pub fn effective(&self, audience: &str) -> SpacingRule {
        self.rules
            .iter()
            .find(|r| r.audience == audience)
            .map(|r| r.over(&self.default))
            .unwrap_or(self.default)
    }

    /// The rule between polls for two overlapping audiences: the stricter value of each setting.
    pub fn between(&self, a: &str, b: &str) -> SpacingRule {
        self.effective(a).strictest(&self.effective(b))
    }

    /// Checks that every rule names a known audience, at most once, and that every setting is
    /// usable (`max_polls` and `window_days` at least 1, days at most [`MAX_RULE_DAYS`]).
    pub fn validate(&self, tree: &AudienceTree) -> Result<(), ScheduleError> {
        self.default.validate(None)?;
        let mut seen = std::collections::HashSet::new();
        for rule in &self.rules {
            if !tree.contains(&rule.audience) {
                return Err(ScheduleError::UnknownAudience(rule.audience.clone()));
            }
            if !seen.insert(rule.audience.as_str()) {
                return Err(ScheduleError::DuplicateRule(rule.audience.clone()));
            }
            rule.over(&self.default).validate(Some(&rule.audience))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Audience;

    fn policy() -> SpacingPolicy {
        SpacingPolicy {
            default: SpacingRule {
                min_gap_days: 21,
                max_polls: 6,
                window_days: 365,
            },
            rules: vec![
                AudienceRule {
                    audience: "velsen".into(),
                    min_gap_days: Some(28),
                    max_polls: None,
                    window_days: None,
                },
                AudienceRule {
                    audience: "jongeren-velsen".into(),
                    min_gap_days: Some(14),
                    max_polls: Some(4),
                    window_days: Some(180),
                },
            ],
        }
    }

    #[test]
    fn a_rule_replaces_the_default_for_its_audience_only() {
        let p = policy();
        assert_eq!(
            p.effective("velsen"),
            SpacingRule {
                min_gap_days: 28,
                max_polls: 6,
                window_days: 365
            }
        );
        assert_eq!(p.effective("beverwijk"), p.default);
        assert_eq!(
            p.effective("jongeren-velsen"),
            SpacingRule {
                min_gap_days: 14,
                max_polls: 4,
                window_days: 180
            }
        );
    }

    #[test]
    fn the_stricter_value_of_each_setting_applies() {
        let a = SpacingRule {
            min_gap_days: 14,
            max_polls: 4,
            window_days: 180,
        };
        let b = SpacingRule {
            min_gap_days: 28,
            max_polls: 6,
            window_days: 365,
        };
        let s = strictest(&a, &b);
        assert_eq!(
            s,
            SpacingRule {
                min_gap_days: 28,
                max_polls: 4,
                window_days: 365
            }
        );
        assert_eq!(strictest(&b, &a), s, "symmetric");
        assert_eq!(strictest(&a, &a), a, "idempotent");
        assert!(s.at_least_as_strict_as(&a) && s.at_least_as_strict_as(&b));
        assert!(!a.at_least_as_strict_as(&b));
        let p = policy();
        assert_eq!(
            p.between("velsen", "jongeren-velsen"),
            SpacingRule {
                min_gap_days: 28,
                max_polls: 4,
                window_days: 365
            }
        );
    }

    #[test]
    fn validation() {
        let tree = AudienceTree::new(vec![
            Audience::root("ijmond"),
            Audience::child("velsen", "ijmond"),
            Audience::child("jongeren-velsen", "velsen"),
        ])
        .unwrap();
        assert_eq!(policy().validate(&tree), Ok(()));

        let mut p = policy();
        p.rules.push(AudienceRule {
            audience: "velsen".into(),
            min_gap_days: None,
            max_polls: None,
            window_days: None,
        });
        assert_eq!(
            p.validate(&tree),
            Err(ScheduleError::DuplicateRule("velsen".into()))
        );

        let mut p = policy();
        p.rules[0].audience = "amsterdam".into();
        assert_eq!(
            p.validate(&tree),
            Err(ScheduleError::UnknownAudience("amsterdam".into()))
        );

        let mut p = policy();
        p.rules[1].max_polls = Some(0);
        assert!(
            matches!(p.validate(&tree), Err(ScheduleError::InvalidRule { audience: Some(a), .. }) if a == "jongeren-velsen")
        );

        let mut p = policy();
        p.default.window_days = 0;
        assert!(matches!(
            p.validate(&tree),
            Err(ScheduleError::InvalidRule { audience: None, .. })
        ));

        let mut p = policy();
        p.default.min_gap_days = MAX_RULE_DAYS + 1;
        assert!(p.validate(&tree).is_err());
    }

    #[test]
    fn reads_the_spacing_table_of_the_configuration() {
        // The shape of `[spacing]` with `[[spacing.rules]]`, as JSON.
        let p: SpacingPolicy = serde_json::from_str(
            r#"{"min_gap_days": 30, "max_polls": 4, "window_days": 365,
                "rules": [{"audience": "jongeren-velsen", "min_gap_days": 21}]}"#,
        )
        .unwrap();
        assert_eq!(
            p.default,
            SpacingRule {
                min_gap_days: 30,
                max_polls: 4,
                window_days: 365
            }
        );
        assert_eq!(
            p.effective("jongeren-velsen"),
            SpacingRule {
                min_gap_days: 21,
                max_polls: 4,
                window_days: 365
            }
        );

        let partial: SpacingPolicy = serde_json::from_str(r#"{"max_polls": 4}"#).unwrap();
        assert_eq!(
            partial.default,
            SpacingRule {
                max_polls: 4,
                ..SpacingRule::default()
            }
        );
        assert!(partial.rules.is_empty());

        let typo = serde_json::from_str::<SpacingPolicy>(
            r#"{"rules": [{"audience": "x", "min_gap": 3}]}"#,
        );
        assert!(
            typo.is_err(),
            "a misspelt setting in a rule is refused, not ignored"
        );
    }
}
