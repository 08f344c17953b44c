//! Schema migrations, written in Rust so that one source serves SQLite and PostgreSQL.
//!
//! Migrations are append-only: a released migration is never edited; a change is a new file.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_initial;
mod m20261128_000002_scheduling;
mod m20261128_000003_staff_auth;
mod m20261128_000004_calendar_feed;
mod m20261129_000005_native_polls;
mod m20261129_000006_publication;
mod m20261129_000007_unordered_subscribers;
mod m20261129_000008_population;
mod m20261206_000009_staff_disabled;
mod m20261206_000010_unordered_responses;
mod m20261206_000011_retention;
mod m20261207_000012_responses_by_poll;

/// The ordered list of every migration; `flits migrate` and `flits serve` apply the pending ones.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_initial::Migration),
            Box::new(m20261128_000002_scheduling::Migration),
            Box::new(m20261128_000003_staff_auth::Migration),
            Box::new(m20261128_000004_calendar_feed::Migration),
            Box::new(m20261129_000005_native_polls::Migration),
            Box::new(m20261129_000006_publication::Migration),
            Box::new(m20261129_000007_unordered_subscribers::Migration),
            Box::new(m20261129_000008_population::Migration),
            Box::new(m20261206_000009_staff_disabled::Migration),
            Box::new(m20261206_000010_unordered_responses::Migration),
            Box::new(m20261206_000011_retention::Migration),
            Box::new(m20261207_000012_responses_by_poll::Migration),
        ]
    }
}
