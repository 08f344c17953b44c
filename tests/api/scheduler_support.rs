//! Shared set-up for the scheduler tests: the IJmond audiences, polls in any state, fixed times.

use chrono::{DateTime, Utc};
use flits::settings::Settings;
use flits_scheduling::{ScheduleCommand, ScheduleFailure, Scheduled, Scheduling};
use flits_store::{NewPoll, Poll, Store};
use flits_survey::{PollDefinition, PollState};

use crate::helpers::*;

/// How many months ahead the scheduler tests may schedule: far enough for their fixed dates.
pub const FAR_AHEAD_MONTHS: u32 = 120;

/// A migrated, seeded database with its store and test settings.
pub struct Setup {
    pub db: TestDb,
    pub store: Store,
    pub settings: Settings,
}

pub async fn setup(backend: Backend) -> Setup {
    let db = TestDb::new(backend).await;
    let store = Store::connect(&db.url).await.unwrap();
    store.migrate().await.unwrap();
    seed(&store).await;
    let mut settings = test_settings(&db);
    // These tests schedule on fixed dates years ahead (summer-time changes of 2031 and the like);
    // the cap on how far ahead is tested on its own (security_scheduling).
    settings.spacing.max_months_ahead = FAR_AHEAD_MONTHS;
    Setup {
        db,
        store,
        settings,
    }
}

/// IJmond with Beverwijk, Heemskerk and Velsen, and young people in Velsen as a target group.
pub async fn seed(store: &Store) {
    store.upsert_region("ijmond", "IJmond").await.unwrap();
    store
        .upsert_audience("ijmond", "IJmond", None, None)
        .await
        .unwrap();
    for (id, name) in [
        ("beverwijk", "Beverwijk"),
        ("heemskerk", "Heemskerk"),
        ("velsen", "Velsen"),
    ] {
        store.upsert_organisation(id, "ijmond", name).await.unwrap();
        store
            .upsert_audience(id, name, Some("ijmond"), Some(id))
            .await
            .unwrap();
    }
    store
        .upsert_audience(
            "jongeren-velsen",
            "Jongeren in Velsen",
            Some("velsen"),
            Some("velsen"),
        )
        .await
        .unwrap();
}

/// A valid poll definition for these audiences.
pub fn definition(slug: &str, audiences: &[&str]) -> PollDefinition {
    let yaml = format!(
        r#"
slug: {slug}
title: {{nl: "Fietsparkeren bij het station", en: "Bike parking at the station"}}
intro: {{nl: "Drie korte vragen. Het kost u 1 minuut.", en: "Three short questions. It takes 1 minute."}}
brief:
  purpose: "Weten of er meer fietsenrekken nodig zijn bij het station"
  audiences: [{}]
  feedback_promise: {{nl: "Op 1 maart leest u hier wat we met uw antwoorden doen.", en: "On 1 March you can read here what we do with your answers."}}
questions:
  - {{id: q1, kind: single_choice, required: true, text: {{nl: "Hoe komt u meestal naar het station?", en: "How do you usually get to the station?"}},
     options: [{{id: fiets, text: {{nl: "Met de fiets", en: "By bike"}}}}, {{id: bus, text: {{nl: "Met de bus", en: "By bus"}}}}]}}
"#,
        audiences.join(", ")
    );
    PollDefinition::from_yaml_str(&yaml).unwrap()
}

/// A draft poll for these audiences.
pub async fn draft(store: &Store, slug: &str, audiences: &[&str]) -> Poll {
    store
        .insert_poll(NewPoll {
            organisation_id: "velsen".into(),
            state: PollState::Draft,
            definition: definition(slug, audiences),
            opens_at: None,
            closes_at: None,
            channels: Vec::new(),
        })
        .await
        .unwrap()
}

/// A poll already on the calendar in `state`.
pub async fn placed(
    store: &Store,
    slug: &str,
    audiences: &[&str],
    state: PollState,
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
    channels: &[&str],
) -> Poll {
    store
        .insert_poll(NewPoll {
            organisation_id: "velsen".into(),
            state,
            definition: definition(slug, audiences),
            opens_at: Some(opens_at),
            closes_at: Some(closes_at),
            channels: channels.iter().map(|c| c.to_string()).collect(),
        })
        .await
        .unwrap()
}

/// Schedules with the scheduling service over `store`, keeping the policy of `settings` as
/// start-up builds it.
pub async fn schedule_poll(
    store: &Store,
    settings: &Settings,
    command: ScheduleCommand,
) -> Result<Scheduled, ScheduleFailure> {
    Scheduling::new(store.clone(), settings.scheduling_policy())
        .schedule(command)
        .await
}

/// An RFC 3339 time.
pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}
