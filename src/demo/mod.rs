//! `flits demo`: a working system with zero configuration, created idempotently.
//!
//! The region IJmond with the municipalities Beverwijk, Heemskerk and Velsen (each an organisation
//! and an audience inside the region's audience, with its neighbourhoods), an admin login, an open poll `demo` for the whole
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
use crate::settings::{AudienceSetting, OrganisationSetting, RegionSetting, Settings};

/// The region of the demo.
pub const REGION: (&str, &str) = ("ijmond", "IJmond");
/// Who the region's polls speak for.
pub const REGION_RESIDENT_NAME: &str = "De IJmond-gemeenten";
/// The municipalities of the demo: id, organisation name, audience name.
pub const MUNICIPALITIES: [(&str, &str, &str); 3] = [
    ("beverwijk", "Gemeente Beverwijk", "Beverwijk"),
    ("heemskerk", "Gemeente Heemskerk", "Heemskerk"),
    ("velsen", "Gemeente Velsen", "Velsen"),
];
/// The neighbourhoods (wijken) of each municipality, id and name, in the order residents see them:
/// the options of the builder's standard neighbourhood question, and the `wijk` options of the
/// shipped population files (docs/population.md; ids unique across the region).
pub const NEIGHBOURHOODS: [(&str, &[(&str, &str)]); 3] = [
    (
        "beverwijk",
        &[
            ("beverwijk-centrum", "Centrum"),
            ("oosterwijk", "Oosterwijk"),
            ("zwaansmeer", "Zwaansmeer"),
            ("meerestein", "Meerestein"),
            ("warande", "Warande"),
            ("wijk-aan-zee", "Wijk aan Zee"),
        ],
    ),
    (
        "heemskerk",
        &[
            ("heemskerk-centrum", "Centrum"),
            ("noorddorp", "Noorddorp"),
            ("waterakkers", "Waterakkers"),
            ("assumburg", "Assumburg"),
            ("de-maer", "De Maer"),
            ("zuidbroek", "Zuidbroek"),
            ("heemskerkerduin", "Heemskerkerduin"),
        ],
    ),
    (
        "velsen",
        &[
            ("ijmuiden", "IJmuiden"),
            ("velsen-zuid", "Velsen-Zuid"),
            ("driehuis", "Driehuis"),
            ("santpoort-noord", "Santpoort-Noord"),
            ("santpoort-zuid", "Santpoort-Zuid"),
            ("velserbroek", "Velserbroek"),
            ("velsen-noord", "Velsen-Noord"),
        ],
    ),
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

/// The demo's region, organisations and audiences, as a configuration file declares them.
pub struct Structure {
    pub regions: Vec<RegionSetting>,
    pub organisations: Vec<OrganisationSetting>,
    pub audiences: Vec<AudienceSetting>,
}

/// The demo's structure, with each municipality's neighbourhoods.
pub fn structure() -> anyhow::Result<Structure> {
    let audience_id = |id: &str| {
        flits_types::AudienceId::parse(id).with_context(|| format!("demo audience {id}"))
    };
    let mut audiences = vec![AudienceSetting {
        id: audience_id(REGION.0)?,
        name: REGION.1.to_owned(),
        parent: None,
        organisation: None,
        neighbourhoods: flits_survey::Neighbourhoods::default(),
        open_to: Vec::new(),
    }];
    let mut organisations = Vec::new();
    for (id, org_name, audience_name) in MUNICIPALITIES {
        let org =
            flits_types::OrgId::parse(id).with_context(|| format!("demo organisation {id}"))?;
        organisations.push(OrganisationSetting {
            id: org.clone(),
            name: org_name.to_owned(),
            region: REGION.0.to_owned(),
            website: Some(format!("https://www.{id}.nl")),
            email: Some(format!("info@{id}.example")),
            phone: None,
            privacy_email: Some(format!("privacy@{id}.example")),
            accessibility_status: None,
            accessibility_date: None,
        });
        let list = NEIGHBOURHOODS
            .iter()
            .filter(|(of, _)| *of == id)
            .flat_map(|(_, list)| list.iter())
            .map(|(n, name)| flits_survey::Neighbourhood::new(n, name))
            .collect::<Result<Vec<_>, _>>()
            .and_then(flits_survey::Neighbourhoods::new)
            .with_context(|| format!("the neighbourhoods of demo audience {id}"))?;
        audiences.push(AudienceSetting {
            id: audience_id(id)?,
            name: audience_name.to_owned(),
            parent: Some(audience_id(REGION.0)?),
            organisation: Some(org),
            neighbourhoods: list,
            open_to: Vec::new(),
        });
    }
    Ok(Structure {
        regions: vec![RegionSetting {
            id: REGION.0.to_owned(),
            name: REGION.1.to_owned(),
            resident_name: Some(REGION_RESIDENT_NAME.to_owned()),
            logo_url: None,
            website: None,
            email: Some("info@ijmond.example".to_owned()),
            phone: None,
            privacy_email: Some("privacy@ijmond.example".to_owned()),
            accessibility_status: None,
            accessibility_date: None,
        }],
        organisations,
        audiences,
    })
}

/// Adds the demo's structure to `settings`, except what they declare themselves (by id), so that
/// `flits demo` serves it as configured: the builder then knows each municipality's neighbourhoods.
pub fn configure(settings: &mut Settings) -> anyhow::Result<()> {
    let demo = structure()?;
    for r in demo.regions {
        if !settings.regions.iter().any(|s| s.id == r.id) {
            settings.regions.push(r);
        }
    }
    for o in demo.organisations {
        if !settings.organisations.iter().any(|s| s.id == o.id) {
            settings.organisations.push(o);
        }
    }
    for a in demo.audiences {
        if !settings.audiences.iter().any(|s| s.id == a.id) {
            settings.audiences.push(a);
        }
    }
    Ok(())
}

/// Creates (or brings up to date) everything the demo needs.
pub async fn prepare(store: &Store) -> anyhow::Result<DemoLogin> {
    let demo = structure()?;
    crate::seed::write_structure(store, &demo.regions, &demo.organisations, &demo.audiences)
        .await?;
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
    fn every_municipality_has_its_neighbourhoods_and_configured_ones_win() {
        let demo = structure().unwrap();
        let ids = |audience: &str| -> Vec<String> {
            let a = demo.audiences.iter().find(|a| a.id == audience).unwrap();
            a.neighbourhoods.iter().map(|n| n.id().to_owned()).collect()
        };
        assert_eq!(
            ids("velsen"),
            [
                "ijmuiden",
                "velsen-zuid",
                "driehuis",
                "santpoort-noord",
                "santpoort-zuid",
                "velserbroek",
                "velsen-noord"
            ]
        );
        assert_eq!(
            ids("heemskerk"),
            [
                "heemskerk-centrum",
                "noorddorp",
                "waterakkers",
                "assumburg",
                "de-maer",
                "zuidbroek",
                "heemskerkerduin"
            ]
        );
        assert_eq!(
            ids("beverwijk"),
            [
                "beverwijk-centrum",
                "oosterwijk",
                "zwaansmeer",
                "meerestein",
                "warande",
                "wijk-aan-zee"
            ]
        );
        assert!(ids("ijmond").is_empty(), "a region has no list of its own");

        let mut settings = Settings::load(None).unwrap();
        let own = structure().unwrap().audiences.remove(1);
        let own = AudienceSetting {
            name: "Eigen naam".to_owned(),
            neighbourhoods: flits_survey::Neighbourhoods::default(),
            ..own
        };
        settings.audiences.push(own);
        configure(&mut settings).unwrap();
        assert_eq!(settings.audiences.len(), 4);
        assert_eq!(settings.regions.len(), 1);
        let beverwijk = settings
            .audiences
            .iter()
            .find(|a| a.id == "beverwijk")
            .unwrap();
        assert_eq!(
            beverwijk.name, "Eigen naam",
            "the configuration's own entry stays"
        );
    }

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
            // The builder's neighbourhood question asks for exactly these wijken.
            let offered: Vec<&str> = NEIGHBOURHOODS
                .iter()
                .find(|(of, _)| *of == id)
                .map(|(_, list)| list.iter().map(|(n, _)| *n).collect())
                .unwrap_or_default();
            let mut offered_sorted = offered.clone();
            offered_sorted.sort_unstable();
            let mut in_file: Vec<&str> = wijk.options().iter().map(|(o, _)| o.as_str()).collect();
            in_file.sort_unstable();
            assert_eq!(
                offered_sorted, in_file,
                "{id}: the question's wijken are the file's"
            );
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
