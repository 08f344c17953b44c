//! Schema migrations, written in Rust so that one source serves SQLite and PostgreSQL.
//!
//! Migrations are append-only: a released migration is never edited; a change is a new file.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_initial;

/// The ordered list of every migration; `flits migrate` and `flits serve` apply the pending ones.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(m20261128_000001_initial::Migration)]
    }
}
