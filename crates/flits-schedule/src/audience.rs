//! The audience hierarchy (docs/api.md, "Scheduling and spacing"): a region includes its municipalities, a target
//! group may be inside a municipality. Spacing is about not asking the same residents too often,
//! so two polls only compete when their audiences **overlap**: one is, or transitively includes,
//! the other. Siblings (Beverwijk and Velsen) never overlap; a region overlaps everything in it.
//!
//! Overlap checks run for every pair of audiences the checker looks at, so the tree is indexed
//! once: a pre-order walk gives every audience an interval `[enter, exit)` that contains exactly
//! the intervals of the audiences inside it, and "a includes b" becomes two integer comparisons.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::ScheduleError;

/// One audience as configured (`[[audiences]]`) or edited by admins. Other fields of the
/// configuration (such as `name`) are ignored here: spacing needs only the hierarchy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Audience {
    /// Stable id, used by polls, rules and quiet periods.
    pub id: String,
    /// The audience that includes this one (a municipality's region), if any.
    #[serde(default)]
    pub parent: Option<String>,
}

impl Audience {
    /// An audience at the top of the hierarchy, such as a region.
    pub fn root(id: impl Into<String>) -> Self {
        Audience {
            id: id.into(),
            parent: None,
        }
    }

    /// An audience inside `parent`.
    pub fn child(id: impl Into<String>, parent: impl Into<String>) -> Self {
        Audience {
            id: id.into(),
            parent: Some(parent.into()),
        }
    }
}

/// A validated audience forest with constant-time overlap checks.
#[derive(Debug, Clone)]
pub struct AudienceTree {
    ids: Vec<String>,
    index: HashMap<String, usize>,
    parent: Vec<Option<usize>>,
    /// Position of each audience in the pre-order walk.
    enter: Vec<usize>,
    /// One past the position of its last descendant in the pre-order walk.
    exit: Vec<usize>,
    /// Audiences in pre-order: `order[enter[a]..exit[a]]` is `a` and everything inside it.
    order: Vec<usize>,
}

impl AudienceTree {
    /// Validates and indexes the audiences: ids must be unique, parents must exist, and following
    /// parents must never loop. Several roots (several regions) are fine.
    pub fn new(audiences: Vec<Audience>) -> Result<AudienceTree, ScheduleError> {
        let mut index = HashMap::with_capacity(audiences.len());
        for (i, audience) in audiences.iter().enumerate() {
            if index.insert(audience.id.clone(), i).is_some() {
                return Err(ScheduleError::DuplicateAudience(audience.id.clone()));
            }
        }
        let mut parent = Vec::with_capacity(audiences.len());
        for audience in &audiences {
            match &audience.parent {
                None => parent.push(None),
                Some(p) => match index.get(p) {
                    Some(&pi) => parent.push(Some(pi)),
                    None => {
                        return Err(ScheduleError::UnknownParent {
                            audience: audience.id.clone(),
                            parent: p.clone(),
                        });
                    }
                },
            }
        }
        let ids: Vec<String> = audiences.into_iter().map(|a| a.id).collect();
        let n = ids.len();
        let mut children = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match p {
                Some(p) => children[*p].push(i),
                None => roots.push(i),
            }
        }

        // Iterative pre-order walk from the roots; anything not reached hangs off a cycle.
        let mut enter = vec![usize::MAX; n];
        let mut exit = vec![usize::MAX; n];
        let mut order = Vec::with_capacity(n);
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for &root in &roots {
            enter[root] = order.len();
            order.push(root);
            stack.push((root, 0));
            while let Some((node, next_child)) = stack.pop() {
                if let Some(&child) = children[node].get(next_child) {
                    stack.push((node, next_child + 1));
                    enter[child] = order.len();
                    order.push(child);
                    stack.push((child, 0));
                } else {
                    exit[node] = order.len();
                }
            }
        }
        if order.len() < n {
            let start = (0..n).find(|&i| enter[i] == usize::MAX).unwrap_or(0);
            return Err(ScheduleError::Cycle {
                audiences: find_cycle(start, &parent, &ids),
            });
        }
        Ok(AudienceTree {
            ids,
            index,
            parent,
            enter,
            exit,
            order,
        })
    }

    /// Number of audiences.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the tree has no audiences at all.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether `id` is an audience of this tree.
    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// All audience ids, in the order they were given.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().map(String::as_str)
    }

    /// The audience directly including `id`, if any (also `None` for an unknown id).
    pub fn parent(&self, id: &str) -> Option<&str> {
        let i = self.idx(id)?;
        self.parent[i].map(|p| self.ids[p].as_str())
    }

    /// Every audience that includes `id`, nearest first (a target group's municipality, then its
    /// region). Empty for a root or an unknown id.
    pub fn ancestors(&self, id: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut current = self.idx(id).and_then(|i| self.parent[i]);
        while let Some(p) = current {
            out.push(self.ids[p].as_str());
            current = self.parent[p];
        }
        out
    }

    /// Every audience inside `id`, transitively, in pre-order (each child followed by what is
    /// inside it). Empty for a leaf or an unknown id.
    pub fn descendants(&self, id: &str) -> Vec<&str> {
        match self.idx(id) {
            Some(i) => self.subtree(i)[1..]
                .iter()
                .map(|&d| self.ids[d].as_str())
                .collect(),
            None => Vec::new(),
        }
    }

    /// Whether `outer` is `inner` or transitively includes it. False if either is unknown.
    pub fn includes(&self, outer: &str, inner: &str) -> bool {
        match (self.idx(outer), self.idx(inner)) {
            (Some(o), Some(i)) => self.includes_idx(o, i),
            _ => false,
        }
    }

    /// Whether polls for `a` and `b` reach some of the same residents: one is, or transitively
    /// includes, the other. False if either is unknown.
    pub fn overlaps(&self, a: &str, b: &str) -> bool {
        match (self.idx(a), self.idx(b)) {
            (Some(a), Some(b)) => self.overlaps_idx(a, b),
            _ => false,
        }
    }

    pub(crate) fn idx(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub(crate) fn id_of(&self, idx: usize) -> &str {
        &self.ids[idx]
    }

    pub(crate) fn parent_idx(&self, idx: usize) -> Option<usize> {
        self.parent[idx]
    }

    pub(crate) fn includes_idx(&self, outer: usize, inner: usize) -> bool {
        self.enter[outer] <= self.enter[inner] && self.exit[inner] <= self.exit[outer]
    }

    pub(crate) fn overlaps_idx(&self, a: usize, b: usize) -> bool {
        self.includes_idx(a, b) || self.includes_idx(b, a)
    }

    /// `a` and everything inside it, `a` first.
    pub(crate) fn subtree(&self, a: usize) -> &[usize] {
        &self.order[self.enter[a]..self.exit[a]]
    }

    /// Of two overlapping audiences, the one inside the other (whose residents both reach).
    pub(crate) fn inner_of(&self, a: usize, b: usize) -> usize {
        if self.includes_idx(a, b) { b } else { a }
    }
}

/// The cycle reached by following parents from `start` (which is known not to reach a root).
fn find_cycle(start: usize, parent: &[Option<usize>], ids: &[String]) -> Vec<String> {
    let mut seen_at = HashMap::new();
    let mut path = Vec::new();
    let mut current = Some(start);
    while let Some(c) = current {
        if let Some(&first) = seen_at.get(&c) {
            return path[first..]
                .iter()
                .map(|&i: &usize| ids[i].clone())
                .collect();
        }
        seen_at.insert(c, path.len());
        path.push(c);
        current = parent[c];
    }
    // Unreachable for a node that does not reach a root; report the path rather than panic.
    path.iter().map(|&i| ids[i].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ijmond() -> AudienceTree {
        AudienceTree::new(vec![
            Audience::root("ijmond"),
            Audience::child("beverwijk", "ijmond"),
            Audience::child("heemskerk", "ijmond"),
            Audience::child("velsen", "ijmond"),
            Audience::child("jongeren-velsen", "velsen"),
            Audience::root("kennemerland"),
            Audience::child("haarlem", "kennemerland"),
        ])
        .unwrap()
    }

    #[test]
    fn overlap_is_inclusion_either_way() {
        let t = ijmond();
        assert!(t.overlaps("ijmond", "velsen"));
        assert!(t.overlaps("velsen", "ijmond"));
        assert!(t.overlaps("velsen", "velsen"));
        assert!(t.overlaps("jongeren-velsen", "ijmond"), "transitive");
        assert!(t.overlaps("jongeren-velsen", "velsen"));
        assert!(
            !t.overlaps("jongeren-velsen", "beverwijk"),
            "a target group in Velsen is not in Beverwijk"
        );
        assert!(!t.overlaps("beverwijk", "velsen"), "siblings");
        assert!(!t.overlaps("ijmond", "haarlem"), "other region");
        assert!(!t.overlaps("ijmond", "nowhere"));
    }

    #[test]
    fn ancestors_nearest_first_and_descendants_in_preorder() {
        let t = ijmond();
        assert_eq!(t.ancestors("jongeren-velsen"), vec!["velsen", "ijmond"]);
        assert!(t.ancestors("ijmond").is_empty());
        assert_eq!(
            t.descendants("ijmond"),
            vec!["beverwijk", "heemskerk", "velsen", "jongeren-velsen"]
        );
        assert!(t.descendants("beverwijk").is_empty());
        assert!(t.descendants("nowhere").is_empty());
        assert_eq!(t.parent("velsen"), Some("ijmond"));
        assert_eq!(t.parent("ijmond"), None);
        assert!(t.includes("ijmond", "jongeren-velsen"));
        assert!(!t.includes("jongeren-velsen", "ijmond"));
        assert_eq!(t.len(), 7);
        assert!(t.contains("haarlem") && !t.contains("amsterdam"));
    }

    #[test]
    fn children_may_come_before_their_parent() {
        let t = AudienceTree::new(vec![
            Audience::child("velsen", "ijmond"),
            Audience::root("ijmond"),
        ])
        .unwrap();
        assert!(t.overlaps("velsen", "ijmond"));
    }

    #[test]
    fn duplicate_id_is_refused() {
        let err = AudienceTree::new(vec![Audience::root("ijmond"), Audience::root("ijmond")])
            .unwrap_err();
        assert_eq!(err, ScheduleError::DuplicateAudience("ijmond".into()));
    }

    #[test]
    fn unknown_parent_is_refused() {
        let err = AudienceTree::new(vec![Audience::child("velsen", "ijmond")]).unwrap_err();
        assert_eq!(
            err,
            ScheduleError::UnknownParent {
                audience: "velsen".into(),
                parent: "ijmond".into()
            }
        );
    }

    #[test]
    fn cycles_are_refused_and_named() {
        let err = AudienceTree::new(vec![
            Audience::root("ijmond"),
            Audience::child("a", "b"),
            Audience::child("b", "c"),
            Audience::child("c", "a"),
            Audience::child("d", "a"),
        ])
        .unwrap_err();
        match err {
            ScheduleError::Cycle { audiences } => {
                let mut sorted = audiences.clone();
                sorted.sort();
                assert_eq!(sorted, vec!["a", "b", "c"]);
            }
            other => panic!("expected a cycle, got {other:?}"),
        }
        let err = AudienceTree::new(vec![Audience::child("self", "self")]).unwrap_err();
        assert_eq!(
            err,
            ScheduleError::Cycle {
                audiences: vec!["self".into()]
            }
        );
    }

    #[test]
    fn a_deep_chain_does_not_overflow_the_stack() {
        let mut audiences = vec![Audience::root("a0")];
        for i in 1..100_000 {
            audiences.push(Audience::child(format!("a{i}"), format!("a{}", i - 1)));
        }
        let t = AudienceTree::new(audiences).unwrap();
        assert!(t.overlaps("a0", "a99999"));
        assert_eq!(t.ancestors("a99999").len(), 99_999);
    }

    #[test]
    fn deserialises_configuration_entries_ignoring_the_name() {
        let a: Audience =
            serde_json::from_str(r#"{"id":"velsen","name":"Velsen","parent":"ijmond"}"#).unwrap();
        assert_eq!(a, Audience::child("velsen", "ijmond"));
        let r: Audience = serde_json::from_str(r#"{"id":"ijmond"}"#).unwrap();
        assert_eq!(r, Audience::root("ijmond"));
    }
}
