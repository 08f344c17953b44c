//! The standard profile questions in the poll builder ([`flits_survey::StandardQuestion`]): a tick
//! box each, named by the question's id (`leeftijd`, `wijk`, `first_time`, `heard_via`).
//!
//! The neighbourhood question needs the poll's audience to have a list of neighbourhoods
//! (`neighbourhoods` of `[[audiences]]`): the builder offers it for a poll for one audience with a
//! list, its own or, for a target group, the nearest one of the audiences it lies in. For several
//! audiences it cannot (each municipality has other neighbourhoods), and says so instead of a box.

use std::collections::BTreeMap;

use flits_i18n::{Locale, t};
use flits_store::entity::audience;
use flits_survey::{Neighbourhoods, StandardQuestion};
use serde::Serialize;

use crate::ui::builder_form::Fields;

/// The form field of a standard question's tick box: its id.
pub fn field(s: StandardQuestion) -> &'static str {
    s.id()
}

/// Whether the form ticks the box of `s`.
pub fn ticked(fields: &Fields, s: StandardQuestion) -> bool {
    fields.contains_key(field(s))
}

/// Why the neighbourhood question cannot be offered for the chosen audiences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoNeighbourhoods {
    /// No audience is chosen yet.
    NoAudience,
    /// More than one is chosen.
    SeveralAudiences,
    /// The one chosen audience (named here) has no list, nor does any audience it lies in.
    NoList { audience: String },
}

/// The neighbourhoods of the audience the poll is for: the list of `chosen`'s only audience, or of
/// the nearest audience it lies in that has one.
pub fn neighbourhoods_for<'a>(
    chosen: &[String],
    known: &[audience::Model],
    configured: &'a BTreeMap<String, Neighbourhoods>,
) -> Result<(&'a Neighbourhoods, String), NoNeighbourhoods> {
    let [only] = chosen else {
        return Err(if chosen.is_empty() {
            NoNeighbourhoods::NoAudience
        } else {
            NoNeighbourhoods::SeveralAudiences
        });
    };
    let name_of = |id: &str| {
        known
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    };
    let mut current = Some(only.clone());
    // The hierarchy has no cycles (a parent is written before its children), but a bound keeps a
    // damaged table from looping.
    for _ in 0..=known.len() {
        let Some(id) = current else { break };
        if let Some(list) = configured.get(&id).filter(|l| !l.is_empty()) {
            return Ok((list, name_of(&id)));
        }
        current = known
            .iter()
            .find(|a| a.id == id)
            .and_then(|a| a.parent_id.clone());
    }
    Err(NoNeighbourhoods::NoList {
        audience: name_of(only),
    })
}

/// One standard question as the builder shows it.
#[derive(Debug, Serialize)]
pub struct StandardChoice {
    /// The tick box's field and id.
    field: &'static str,
    label: String,
    /// What the question does for staff; for the neighbourhood question also its options, or why
    /// it cannot be asked.
    help: String,
    checked: bool,
    /// Whether there is a box to tick (the neighbourhood question needs a list).
    offered: bool,
}

/// The builder's standard questions for the form as filled, in the staff member's language.
pub fn choices(
    fields: &Fields,
    neighbourhoods: &Result<(&Neighbourhoods, String), NoNeighbourhoods>,
    locale: Locale,
) -> Vec<StandardChoice> {
    StandardQuestion::ALL
        .into_iter()
        .map(|s| {
            let (label, help) = texts(s, neighbourhoods, locale);
            let offered = !s.needs_neighbourhoods() || neighbourhoods.is_ok();
            StandardChoice {
                field: field(s),
                label,
                help,
                checked: offered && ticked(fields, s),
                offered,
            }
        })
        .collect()
}

fn texts(
    s: StandardQuestion,
    neighbourhoods: &Result<(&Neighbourhoods, String), NoNeighbourhoods>,
    locale: Locale,
) -> (String, String) {
    match s {
        StandardQuestion::AgeGroup => (
            t!(locale, "staff-builder-standard-age"),
            t!(locale, "staff-builder-standard-age-help"),
        ),
        StandardQuestion::Neighbourhood => {
            let help = match neighbourhoods {
                Ok((list, audience)) => {
                    let names: Vec<&str> = list.iter().map(|n| n.name()).collect();
                    t!(
                        locale,
                        "staff-builder-standard-neighbourhood-help",
                        audience = audience.as_str(),
                        neighbourhoods = names.join(", ")
                    )
                }
                Err(NoNeighbourhoods::NoAudience) => {
                    t!(locale, "staff-builder-standard-neighbourhood-no-audience")
                }
                Err(NoNeighbourhoods::SeveralAudiences) => {
                    t!(locale, "staff-builder-standard-neighbourhood-several")
                }
                Err(NoNeighbourhoods::NoList { audience }) => t!(
                    locale,
                    "staff-builder-standard-neighbourhood-no-list",
                    audience = audience.as_str()
                ),
            };
            (t!(locale, "staff-builder-standard-neighbourhood"), help)
        }
        StandardQuestion::FirstTime => (
            t!(locale, "staff-builder-first-time"),
            t!(locale, "staff-builder-first-time-help"),
        ),
        StandardQuestion::HeardVia => (
            t!(locale, "staff-builder-standard-heard-via"),
            t!(locale, "staff-builder-standard-heard-via-help"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flits_survey::Neighbourhood;

    fn audience(id: &str, parent: Option<&str>) -> audience::Model {
        audience::Model {
            id: id.into(),
            name: id.to_uppercase(),
            parent_id: parent.map(Into::into),
            organisation_id: None,
        }
    }

    fn configured() -> BTreeMap<String, Neighbourhoods> {
        let list = Neighbourhoods::new(vec![
            Neighbourhood::new("ijmuiden", "IJmuiden").unwrap(),
            Neighbourhood::new("driehuis", "Driehuis").unwrap(),
        ])
        .unwrap();
        BTreeMap::from([("velsen".to_owned(), list)])
    }

    fn ids(chosen: &[&str]) -> Vec<String> {
        chosen.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn one_audience_with_a_list_or_inside_one_gets_it_and_others_say_why_not() {
        let known = [
            audience("ijmond", None),
            audience("velsen", Some("ijmond")),
            audience("heemskerk", Some("ijmond")),
            audience("jongeren-velsen", Some("velsen")),
        ];
        let configured = configured();
        let (list, name) = neighbourhoods_for(&ids(&["velsen"]), &known, &configured).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(name, "VELSEN");
        let (_, name) =
            neighbourhoods_for(&ids(&["jongeren-velsen"]), &known, &configured).unwrap();
        assert_eq!(name, "VELSEN", "a target group lives in its municipality");
        assert_eq!(
            neighbourhoods_for(&ids(&["heemskerk"]), &known, &configured).unwrap_err(),
            NoNeighbourhoods::NoList {
                audience: "HEEMSKERK".into()
            }
        );
        assert_eq!(
            neighbourhoods_for(&ids(&["ijmond"]), &known, &configured).unwrap_err(),
            NoNeighbourhoods::NoList {
                audience: "IJMOND".into()
            },
            "a region does not merge its municipalities' lists"
        );
        assert_eq!(
            neighbourhoods_for(&ids(&["velsen", "heemskerk"]), &known, &configured).unwrap_err(),
            NoNeighbourhoods::SeveralAudiences
        );
        assert_eq!(
            neighbourhoods_for(&[], &known, &configured).unwrap_err(),
            NoNeighbourhoods::NoAudience
        );
    }

    #[test]
    fn the_neighbourhood_box_is_offered_only_with_a_list() {
        let fields = Fields::from([("wijk".to_owned(), "on".to_owned())]);
        let configured = configured();
        let found = neighbourhoods_for(&ids(&["velsen"]), &[], &configured);
        let shown = choices(&fields, &found, Locale::En);
        let wijk = shown.iter().find(|c| c.field == "wijk").unwrap();
        assert!(wijk.offered && wijk.checked);
        assert!(wijk.help.contains("IJmuiden, Driehuis"), "{}", wijk.help);
        let shown = choices(
            &fields,
            &Err(NoNeighbourhoods::SeveralAudiences),
            Locale::En,
        );
        let wijk = shown.iter().find(|c| c.field == "wijk").unwrap();
        assert!(!wijk.offered && !wijk.checked);
        assert!(
            shown
                .iter()
                .filter(|c| c.field != "wijk")
                .all(|c| c.offered)
        );
    }
}
