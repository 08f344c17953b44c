//! Who may put a poll on the calendar for which audiences.
//!
//! A poll for an audience takes a place in that audience's calendar, so choosing an audience is
//! choosing whose residents wait for the next poll. Comms staff therefore target only their own
//! organisation's audiences: those that belong to it (`organisation = …` on the audience), or lie
//! inside one that does (a target group in a municipality). An audience that belongs to no
//! organisation, such as a region, is regional: for admins only, or for the organisations an admin
//! opened it to (`open_to = […]` on the audience). An organisation may likewise be given another's
//! audience through `open_to`. Admins, and operators on the command line, target anything.
//!
//! Pure: the scheduling service builds [`AudienceOwners`] from the stored audiences and the
//! configuration and asks it; the answer is the list of refused audience ids, never a sentence.

use std::collections::{BTreeSet, HashMap};

/// One audience as targeting needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedAudience {
    pub id: String,
    /// The audience that includes this one, if any.
    pub parent: Option<String>,
    /// The organisation the audience belongs to; `None` for a regional audience (or a group
    /// that inherits its parent's).
    pub organisation: Option<String>,
    /// Organisations an admin allowed to target this audience besides its own.
    pub open_to: Vec<String>,
}

/// Who is asking: anyone (admins, the command line) or the staff of one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetScope {
    /// Every audience.
    Any,
    /// The audiences of this organisation, and those opened to it.
    Organisation(String),
}

/// The owner of every audience (its own organisation or its nearest ancestor's) and to whom
/// else each is open.
#[derive(Debug, Clone, Default)]
pub struct AudienceOwners {
    owner: HashMap<String, Option<String>>,
    open_to: HashMap<String, BTreeSet<String>>,
}

impl AudienceOwners {
    /// Indexes `audiences`. An audience without an organisation takes its nearest ancestor's;
    /// following parents stops at an unknown parent or after as many steps as there are
    /// audiences, so a damaged hierarchy never loops (it leaves the audience regional).
    pub fn new(audiences: impl IntoIterator<Item = OwnedAudience>) -> AudienceOwners {
        let audiences: HashMap<String, OwnedAudience> =
            audiences.into_iter().map(|a| (a.id.clone(), a)).collect();
        let mut owners = AudienceOwners::default();
        for (id, audience) in &audiences {
            let mut current = Some(audience);
            let mut owner = None;
            for _ in 0..=audiences.len() {
                let Some(a) = current else { break };
                if let Some(org) = &a.organisation {
                    owner = Some(org.clone());
                    break;
                }
                current = a.parent.as_ref().and_then(|p| audiences.get(p));
            }
            owners.owner.insert(id.clone(), owner);
            owners
                .open_to
                .insert(id.clone(), audience.open_to.iter().cloned().collect());
        }
        owners
    }

    /// The organisation an audience belongs to; `None` for a regional (or unknown) audience.
    pub fn owner(&self, audience: &str) -> Option<&str> {
        self.owner.get(audience).and_then(|o| o.as_deref())
    }

    /// Whether `scope` may target `audience`.
    pub fn may_target(&self, scope: &TargetScope, audience: &str) -> bool {
        match scope {
            TargetScope::Any => true,
            TargetScope::Organisation(org) => {
                self.owner(audience) == Some(org.as_str())
                    || self
                        .open_to
                        .get(audience)
                        .is_some_and(|open| open.contains(org))
            }
        }
    }

    /// The audiences of `requested` that `scope` may not target, in the order asked.
    pub fn refused(&self, scope: &TargetScope, requested: &[String]) -> Vec<String> {
        requested
            .iter()
            .filter(|a| !self.may_target(scope, a))
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn audience(
        id: &str,
        parent: Option<&str>,
        org: Option<&str>,
        open_to: &[&str],
    ) -> OwnedAudience {
        OwnedAudience {
            id: id.into(),
            parent: parent.map(Into::into),
            organisation: org.map(Into::into),
            open_to: open_to.iter().map(|o| o.to_string()).collect(),
        }
    }

    fn ijmond() -> AudienceOwners {
        AudienceOwners::new([
            audience("ijmond", None, None, &["velsen"]),
            audience("beverwijk", Some("ijmond"), Some("beverwijk"), &[]),
            audience("heemskerk", Some("ijmond"), Some("heemskerk"), &[]),
            audience("velsen", Some("ijmond"), Some("velsen"), &[]),
            audience("jongeren-velsen", Some("velsen"), None, &[]),
            audience("kust", Some("ijmond"), None, &[]),
        ])
    }

    #[test]
    fn comms_target_their_own_audiences_and_what_is_opened_to_them() {
        let owners = ijmond();
        let heemskerk = TargetScope::Organisation("heemskerk".into());
        let velsen = TargetScope::Organisation("velsen".into());
        // The squat: Heemskerk's comms asked for Beverwijk and the region.
        assert_eq!(
            owners.refused(&heemskerk, &["beverwijk".into(), "ijmond".into()]),
            ["beverwijk", "ijmond"]
        );
        assert!(owners.refused(&heemskerk, &["heemskerk".into()]).is_empty());
        // A target group belongs to the municipality it lies in.
        assert_eq!(owners.owner("jongeren-velsen"), Some("velsen"));
        assert!(owners.may_target(&velsen, "jongeren-velsen"));
        assert!(!owners.may_target(&heemskerk, "jongeren-velsen"));
        // The region is open to Velsen only; a regional group is for admins.
        assert!(owners.may_target(&velsen, "ijmond"));
        assert!(!owners.may_target(&velsen, "kust"));
        assert_eq!(owners.owner("kust"), None);
        for a in ["ijmond", "beverwijk", "kust", "unknown"] {
            assert!(owners.may_target(&TargetScope::Any, a));
        }
        assert!(!owners.may_target(&velsen, "unknown"));
    }

    #[test]
    fn a_loop_in_the_hierarchy_leaves_an_audience_regional() {
        let owners = AudienceOwners::new([
            audience("a", Some("b"), None, &[]),
            audience("b", Some("a"), None, &[]),
        ]);
        assert_eq!(owners.owner("a"), None);
    }
}
