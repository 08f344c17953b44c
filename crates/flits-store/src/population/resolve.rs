//! Which population a poll is compared with: the rule from a poll's audiences to margins.
//!
//! An audience's population is found as follows:
//!
//! 1. its own margins, when a file was imported for it;
//! 2. otherwise, for a region (an audience that belongs to no organisation), the sum
//!    ([`Margins::sum`]) of its municipalities' own margins, when it has municipalities (child
//!    audiences that belong to an organisation) and **every one** of them has margins: a sum over
//!    some of them would compare the whole region's respondents with part of its residents;
//! 3. otherwise none. A municipality without margins is not summed from its target groups: they
//!    are parts of it, not all of it.
//!
//! A poll may name several audiences. Those inside another named audience are dropped first (a
//! poll for `ijmond` and `velsen` reaches the residents of the IJmond once). Each remaining
//! audience must have a population by the rule above, and the poll's population is their sum;
//! when one of them has none, the poll has none, for the same reason as in step 2. Siblings are
//! taken to be disjoint, as the spacing rules take them. A sum keeps only the questions every
//! part has a margin for, and a population without any margin counts as none.

use std::collections::{BTreeMap, BTreeSet};

use flits_reach::Margins;

use crate::entity::audience;

/// The population a poll's audiences resolve to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedPopulation {
    /// The margins to compare with and weight to; their provenance lists every source, so an
    /// illustrative part marks the whole as illustrative.
    pub margins: Margins,
    /// The audiences whose own files make it up, in order: the poll's audience itself, or each
    /// municipality of a region.
    pub audiences: Vec<String>,
}

/// Applies the rule of the module documentation to `wanted` (a poll's audience ids), given the
/// audience hierarchy and the margins imported per audience.
pub(crate) fn resolve(
    hierarchy: &[audience::Model],
    own: &BTreeMap<String, Margins>,
    wanted: &[String],
) -> Option<ResolvedPopulation> {
    let by_id: BTreeMap<&str, &audience::Model> =
        hierarchy.iter().map(|a| (a.id.as_str(), a)).collect();
    let named: BTreeSet<&str> = wanted.iter().map(String::as_str).collect();
    let mut parts: Vec<&str> = Vec::new();
    let mut considered: BTreeSet<&str> = BTreeSet::new();
    for id in wanted.iter().map(String::as_str) {
        if !considered.insert(id) || inside_another(&by_id, &named, id) {
            continue;
        }
        for part in parts_of(hierarchy, &by_id, own, id)? {
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
    }
    let margins = Margins::sum(parts.iter().filter_map(|p| own.get(*p)))?;
    if margins.margins().is_empty() {
        return None;
    }
    Some(ResolvedPopulation {
        margins,
        audiences: parts.into_iter().map(str::to_owned).collect(),
    })
}

/// Whether an ancestor of `id` is also named.
fn inside_another(
    by_id: &BTreeMap<&str, &audience::Model>,
    named: &BTreeSet<&str>,
    id: &str,
) -> bool {
    let mut seen = BTreeSet::from([id]);
    let mut current = by_id.get(id).and_then(|a| a.parent_id.as_deref());
    while let Some(parent) = current {
        if !seen.insert(parent) {
            return false; // a loop in damaged data: stop rather than spin
        }
        if named.contains(parent) {
            return true;
        }
        current = by_id.get(parent).and_then(|a| a.parent_id.as_deref());
    }
    false
}

/// The audiences whose own margins make up `id`'s population (steps 1 and 2), or `None`.
fn parts_of<'a>(
    hierarchy: &'a [audience::Model],
    by_id: &BTreeMap<&str, &'a audience::Model>,
    own: &BTreeMap<String, Margins>,
    id: &'a str,
) -> Option<Vec<&'a str>> {
    if own.contains_key(id) {
        return Some(vec![id]);
    }
    let region = by_id.get(id)?;
    if region.organisation_id.is_some() {
        return None;
    }
    let municipalities: Vec<&str> = hierarchy
        .iter()
        .filter(|a| a.parent_id.as_deref() == Some(id) && a.organisation_id.is_some())
        .map(|a| a.id.as_str())
        .collect();
    let complete =
        !municipalities.is_empty() && municipalities.iter().all(|m| own.contains_key(*m));
    complete.then_some(municipalities)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::NaiveDate;
    use flits_reach::{Margin, Provenance};

    use super::*;

    fn node(id: &str, parent: Option<&str>, organisation: Option<&str>) -> audience::Model {
        audience::Model {
            id: id.into(),
            name: id.into(),
            parent_id: parent.map(Into::into),
            organisation_id: organisation.map(Into::into),
        }
    }

    /// IJmond with three municipalities, a target group in Velsen and a region-wide one.
    fn hierarchy() -> Vec<audience::Model> {
        vec![
            node("ijmond", None, None),
            node("beverwijk", Some("ijmond"), Some("beverwijk")),
            node("heemskerk", Some("ijmond"), Some("heemskerk")),
            node("velsen", Some("ijmond"), Some("velsen")),
            node("jongeren-velsen", Some("velsen"), Some("velsen")),
            node("jongeren-ijmond", Some("ijmond"), None),
        ]
    }

    fn margins(source: &str, young: u64, old: u64) -> Margins {
        Margins::new(
            vec![Provenance {
                source: source.into(),
                reference_date: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
                illustrative: source == "demo",
            }],
            vec![
                Margin::new(
                    "leeftijd",
                    vec![("jong".into(), young), ("oud".into(), old)],
                )
                .unwrap(),
            ],
        )
        .unwrap()
    }

    fn own(ids: &[&str]) -> BTreeMap<String, Margins> {
        ids.iter()
            .enumerate()
            .map(|(i, id)| ((*id).to_owned(), margins(id, 10 * (i as u64 + 1), 1)))
            .collect()
    }

    fn ask(own: &BTreeMap<String, Margins>, wanted: &[&str]) -> Option<ResolvedPopulation> {
        let wanted: Vec<String> = wanted.iter().map(|s| (*s).to_owned()).collect();
        resolve(&hierarchy(), own, &wanted)
    }

    fn young(r: &ResolvedPopulation) -> u64 {
        r.margins.get("leeftijd").unwrap().options()[0].1
    }

    #[test]
    fn an_audience_uses_its_own_margins() {
        let own = own(&["beverwijk", "velsen"]);
        let r = ask(&own, &["velsen"]).unwrap();
        assert_eq!(r.audiences, vec!["velsen"]);
        assert_eq!(r.margins, own["velsen"]);
        assert_eq!(ask(&own, &["heemskerk"]), None);
        assert_eq!(ask(&own, &["nergens"]), None);
        assert_eq!(ask(&own, &[]), None);
    }

    #[test]
    fn a_region_sums_its_municipalities_only_when_all_have_margins() {
        let all = own(&["beverwijk", "heemskerk", "velsen"]);
        let r = ask(&all, &["ijmond"]).unwrap();
        assert_eq!(r.audiences, vec!["beverwijk", "heemskerk", "velsen"]);
        assert_eq!(young(&r), 10 + 20 + 30);
        assert_eq!(r.margins.provenance().len(), 3);

        let two = own(&["beverwijk", "velsen"]);
        assert_eq!(ask(&two, &["ijmond"]), None, "Heemskerk has none");
        // The region-wide target group is not a municipality: it needs no margins of its own.
        assert!(!all.contains_key("jongeren-ijmond"));
    }

    #[test]
    fn a_regions_own_margins_come_before_the_sum() {
        let mut own = own(&["beverwijk", "heemskerk", "velsen"]);
        own.insert("ijmond".into(), margins("ijmond", 7, 7));
        let r = ask(&own, &["ijmond"]).unwrap();
        assert_eq!(r.audiences, vec!["ijmond"]);
        assert_eq!(young(&r), 7);
    }

    #[test]
    fn a_municipality_is_not_summed_from_its_target_groups() {
        let own = own(&["jongeren-velsen"]);
        assert_eq!(ask(&own, &["velsen"]), None);
        assert_eq!(
            ask(&own, &["jongeren-velsen"]).unwrap().audiences,
            vec!["jongeren-velsen"]
        );
    }

    #[test]
    fn several_audiences_sum_without_counting_anyone_twice() {
        let own = own(&["beverwijk", "heemskerk", "velsen"]);
        let r = ask(&own, &["beverwijk", "velsen"]).unwrap();
        assert_eq!(r.audiences, vec!["beverwijk", "velsen"]);
        assert_eq!(young(&r), 10 + 30);

        // Velsen is inside the IJmond: the region counts it once.
        let r = ask(&own, &["velsen", "ijmond", "velsen"]).unwrap();
        assert_eq!(r.audiences, vec!["beverwijk", "heemskerk", "velsen"]);
        assert_eq!(young(&r), 60);

        // One audience without a population leaves the poll without one.
        assert_eq!(ask(&own, &["beverwijk", "jongeren-ijmond"]), None);
    }

    #[test]
    fn a_sum_without_a_common_question_is_no_population() {
        let mut own = own(&["beverwijk"]);
        own.insert(
            "velsen".into(),
            Margins::new(
                vec![],
                vec![Margin::new("wijk", vec![("ijmuiden".into(), 5)]).unwrap()],
            )
            .unwrap(),
        );
        assert_eq!(ask(&own, &["beverwijk", "velsen"]), None);
    }

    #[test]
    fn a_loop_in_the_hierarchy_does_not_hang() {
        let looped = vec![node("a", Some("b"), None), node("b", Some("a"), None)];
        let own = own(&["a"]);
        let r = resolve(&looped, &own, &["a".to_owned()]).unwrap();
        assert_eq!(r.audiences, vec!["a"]);
    }
}
