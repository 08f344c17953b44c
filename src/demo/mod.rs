//! `flits demo`: a working system with zero configuration, created idempotently.
//!
//! The region IJmond with the municipalities Beverwijk, Heemskerk and Velsen (each an organisation
//! and an audience inside the region's audience), an admin login, an open poll `demo` for the whole
//! region and a scheduled poll for Velsen. Running it again updates instead of duplicating; the
//! admin gets a fresh password each run (the old one cannot be shown: only its hash is stored).
//!
//! Each municipality gets the population margins of `config/population/{id}.csv` (illustrative
//! figures, as the files say), so the region's polls have a population to compare with. They are
//! imported only for a municipality that has none: figures an operator imported are kept.

use anyhow::Context;
use chrono::{Duration, Utc};
use flits_store::{ImportedVia, NewPoll, PopulationImport, Store};
use flits_survey::{PollDefinition, PollState};

use crate::accounts;

/// The region of the demo.
pub const REGION: (&str, &str) = ("ijmond", "IJmond");
/// The municipalities of the demo: id, organisation name, audience name.
pub const MUNICIPALITIES: [(&str, &str, &str); 3] = [
    ("beverwijk", "Gemeente Beverwijk", "Beverwijk"),
    ("heemskerk", "Gemeente Heemskerk", "Heemskerk"),
    ("velsen", "Gemeente Velsen", "Velsen"),
];
/// The demo admin's login name.
pub const ADMIN_EMAIL: &str = "admin@ijmond.example";

/// The population file shipped for each municipality of the demo (README.md, "Population
/// margins"), by audience id.
pub const POPULATION: [(&str, &str); 3] = [
    (
        "beverwijk",
        include_str!("../../config/population/beverwijk.csv"),
    ),
    (
        "heemskerk",
        include_str!("../../config/population/heemskerk.csv"),
    ),
    ("velsen", include_str!("../../config/population/velsen.csv")),
];

const OPEN_POLL: &str = include_str!("demo.yaml");
const SCHEDULED_POLL: &str = include_str!("demo-gepland.yaml");

/// What the demo prints for the person who started it.
pub struct DemoLogin {
    pub admin_email: String,
    pub admin_password: String,
}

/// Creates (or brings up to date) everything the demo needs.
pub async fn prepare(store: &Store) -> anyhow::Result<DemoLogin> {
    store.upsert_region(REGION.0, REGION.1).await?;
    store
        .upsert_audience(REGION.0, REGION.1, None, None)
        .await?;
    for (id, org_name, audience_name) in MUNICIPALITIES {
        store.upsert_organisation(id, REGION.0, org_name).await?;
        store
            .upsert_audience(id, audience_name, Some(REGION.0), Some(id))
            .await?;
    }
    for (id, file) in POPULATION {
        ensure_population(store, id, file).await?;
    }
    let password = accounts::generate_password();
    let hash = accounts::hash_password(
        &flits_types::Password::parse(&password).context("the generated password is too short")?,
    )?;
    store
        .upsert_staff_user(ADMIN_EMAIL, "velsen", "admin", Some(&hash))
        .await?;

    let now = Utc::now();
    let open = PollDefinition::from_yaml_str(OPEN_POLL).context("the demo poll does not parse")?;
    ensure_poll(store, open, PollState::Open, now, now + Duration::days(14)).await?;
    let scheduled = PollDefinition::from_yaml_str(SCHEDULED_POLL)
        .context("the scheduled demo poll does not parse")?;
    ensure_poll(
        store,
        scheduled,
        PollState::Scheduled,
        now + Duration::days(40),
        now + Duration::days(54),
    )
    .await?;
    Ok(DemoLogin {
        admin_email: ADMIN_EMAIL.to_owned(),
        admin_password: password,
    })
}

/// Imports the shipped population file of the audience `id` when it has no margins yet.
async fn ensure_population(store: &Store, id: &str, file: &str) -> anyhow::Result<()> {
    if store.audience_margins(id).await?.is_some() {
        return Ok(());
    }
    let margins = flits_reach::Margins::parse(file)
        .with_context(|| format!("the demo population file of {id} does not parse"))?;
    store
        .replace_population(PopulationImport {
            audience_id: id,
            margins: &margins,
            actor: None,
            via: ImportedVia::Demo,
            at: Utc::now(),
        })
        .await?;
    Ok(())
}

/// Creates the poll in `state`, or puts an existing one back in that state with fresh dates when its
/// dates have run out (an old demo database stays useful). Responses are never touched.
async fn ensure_poll(
    store: &Store,
    def: PollDefinition,
    state: PollState,
    opens_at: chrono::DateTime<Utc>,
    closes_at: chrono::DateTime<Utc>,
) -> anyhow::Result<()> {
    match store.poll_by_slug(&def.slug).await? {
        Some(existing) => {
            let expired = existing.closes_at.is_none_or(|c| c <= Utc::now());
            if existing.state != state || expired {
                store
                    .set_poll_schedule(existing.id, state, Some(opens_at), Some(closes_at))
                    .await?;
            }
        }
        None => {
            store
                .insert_poll(NewPoll {
                    organisation_id: "velsen".to_owned(),
                    state,
                    definition: def,
                    opens_at: Some(opens_at),
                    closes_at: Some(closes_at),
                    channels: Vec::new(),
                })
                .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use flits_survey::{ValidationOptions, validate};

    #[test]
    fn each_municipality_ships_illustrative_age_and_wijk_margins() {
        let municipalities: Vec<&str> = MUNICIPALITIES.iter().map(|m| m.0).collect();
        let shipped: Vec<&str> = POPULATION.iter().map(|p| p.0).collect();
        assert_eq!(shipped, municipalities);
        let mut wijken = std::collections::BTreeSet::new();
        for (id, file) in POPULATION {
            let margins = flits_reach::Margins::parse(file).unwrap();
            assert!(margins.illustrative(), "{id}: made-up figures say so");
            let age = margins.get("leeftijd").unwrap();
            let ids: Vec<&str> = age.options().iter().map(|(o, _)| o.as_str()).collect();
            assert_eq!(ids, ["tot15", "15-24", "25-44", "45-64", "65plus"], "{id}");
            let wijk = margins.get("wijk").unwrap();
            assert_eq!(wijk.total(), age.total(), "{id}: both cover every resident");
            for (option, _) in wijk.options() {
                assert!(
                    option.chars().all(|c| c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || c == '-'
                        || c == '_'),
                    "{option}"
                );
                // A region-wide poll lists the wijken of every municipality in one question.
                assert!(
                    wijken.insert(option.clone()),
                    "{option} in two municipalities"
                );
            }
        }
    }

    #[test]
    fn the_demo_polls_pass_every_rule_a_comms_officer_must_meet() {
        let audiences: Vec<String> = std::iter::once(REGION.0)
            .chain(MUNICIPALITIES.iter().map(|m| m.0))
            .map(str::to_owned)
            .collect();
        for source in [OPEN_POLL, SCHEDULED_POLL] {
            let def = PollDefinition::from_yaml_str(source).unwrap();
            let opts = ValidationOptions {
                known_audiences: Some(audiences.clone()),
                require_brief: true,
                ..Default::default()
            };
            let report = validate(&def, &opts);
            assert!(report.valid, "{}: {:?}", def.slug, report.errors);
            assert!(
                report.estimated_seconds < 120,
                "{}",
                report.estimated_seconds
            );
        }
    }
}
