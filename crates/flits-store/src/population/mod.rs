//! Population margins per audience (`flits population import`, README.md "Population margins"): the counts of
//! residents per option of a profile question, with the provenance of the file they came from.
//!
//! Importing replaces an audience's margins in one transaction, with its audit row: a failed
//! import leaves the previous margins as they were. Reading gives [`flits_reach::Margins`] back,
//! and [`Store::poll_population`] applies the rule of [`Store::population_for`] from a poll's
//! audiences to the population it is compared with.

mod resolve;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use flits_reach::{Margin, Margins, Provenance};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::audit::insert_audit_on;
use crate::entity::{audience, population_file, population_margin};
use crate::{NewAudit, Poll, Store, StoreError};

pub use resolve::ResolvedPopulation;

/// How many margin rows go in one insert statement (SQLite limits the bound values of one).
const ROWS_PER_INSERT: usize = 500;

/// How a population file reached the database; shown to staff as "imported by" when no staff
/// user did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportedVia {
    /// `flits population import`.
    Cli,
    /// `flits demo`, from the files it ships.
    Demo,
}

impl ImportedVia {
    /// The stored name, also the `via` of the audit row.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportedVia::Cli => "cli",
            ImportedVia::Demo => "demo",
        }
    }

    fn parse(s: &str) -> Option<ImportedVia> {
        [ImportedVia::Cli, ImportedVia::Demo]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// An import to store: one audience's margins, read from one file.
#[derive(Debug, Clone, Copy)]
pub struct PopulationImport<'a> {
    pub audience_id: &'a str,
    /// Margins as [`Margins::parse`] reads a file: exactly one provenance.
    pub margins: &'a Margins,
    /// Who imported it: a staff user's e-mail address, or `cli:NAME` for an operator's command;
    /// `None` for the demo.
    pub actor: Option<&'a str>,
    pub via: ImportedVia,
    pub at: DateTime<Utc>,
}

/// An audience's stored population file: what staff see per audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopulationFile {
    pub audience_id: String,
    /// The audience's name, for people.
    pub audience_name: String,
    pub provenance: Provenance,
    pub imported_at: DateTime<Utc>,
    pub imported_by: Option<String>,
    pub imported_via: ImportedVia,
    /// The counts, with [`PopulationFile::provenance`] as their only provenance.
    pub margins: Margins,
}

/// An audience whose population is the sum of other audiences' margins (a region's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummedPopulation {
    pub audience_id: String,
    pub audience_name: String,
    /// The sum, and the audiences (municipalities) it is made of.
    pub population: ResolvedPopulation,
}

fn corrupt(audience: &str, what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("population of audience {audience}: {what}"))
}

/// Builds an audience's margins from its file row and its margin rows (in position order).
fn margins_of(
    file: &population_file::Model,
    rows: &[population_margin::Model],
) -> Result<Margins, StoreError> {
    let mut questions: Vec<(String, Vec<(String, u64)>)> = Vec::new();
    for row in rows {
        let count = u64::try_from(row.count).map_err(|e| corrupt(&file.audience_id, e))?;
        let option = (row.option_id.clone(), count);
        match questions.iter_mut().find(|(q, _)| *q == row.question_id) {
            Some((_, options)) => options.push(option),
            None => questions.push((row.question_id.clone(), vec![option])),
        }
    }
    let margins = questions
        .into_iter()
        .map(|(question, options)| Margin::new(question, options))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| corrupt(&file.audience_id, e))?;
    Margins::new(vec![provenance_of(file)], margins).map_err(|e| corrupt(&file.audience_id, e))
}

fn provenance_of(file: &population_file::Model) -> Provenance {
    Provenance {
        source: file.source.clone(),
        reference_date: file.reference_date,
        illustrative: file.illustrative,
    }
}

/// The writes of [`Store::replace_population`], inside its transaction; returns the audience.
/// Counts are converted as they are written, so that a failure part-way shows the rollback.
async fn write_population(
    txn: &DatabaseTransaction,
    import: &PopulationImport<'_>,
    provenance: &Provenance,
) -> Result<audience::Model, StoreError> {
    let audience_id = import.audience_id;
    let audience = audience::Entity::find_by_id(audience_id.to_owned())
        .one(txn)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("audience {audience_id}")))?;
    population_margin::Entity::delete_many()
        .filter(population_margin::Column::AudienceId.eq(audience_id))
        .exec(txn)
        .await?;
    population_file::Entity::delete_by_id(audience_id.to_owned())
        .exec(txn)
        .await?;
    population_file::Entity::insert(population_file::ActiveModel {
        audience_id: Set(audience_id.to_owned()),
        source: Set(provenance.source.clone()),
        reference_date: Set(provenance.reference_date),
        illustrative: Set(provenance.illustrative),
        imported_at: Set(import.at),
        imported_by: Set(import.actor.map(str::to_owned)),
        imported_via: Set(import.via.as_str().to_owned()),
    })
    .exec_without_returning(txn)
    .await?;
    let mut chunk = Vec::with_capacity(ROWS_PER_INSERT);
    let mut position: i32 = 0;
    for margin in import.margins.margins() {
        for (option, count) in margin.options() {
            let count = i64::try_from(*count).map_err(|_| {
                StoreError::Unstorable(format!(
                    "the count {count} of {},{option}",
                    margin.question()
                ))
            })?;
            chunk.push(population_margin::ActiveModel {
                audience_id: Set(audience_id.to_owned()),
                question_id: Set(margin.question().to_owned()),
                option_id: Set(option.clone()),
                position: Set(position),
                count: Set(count),
            });
            position = position.checked_add(1).ok_or_else(|| {
                StoreError::Unstorable(format!(
                    "the population of audience {audience_id}: too many rows"
                ))
            })?;
            if chunk.len() == ROWS_PER_INSERT {
                insert_rows(txn, std::mem::take(&mut chunk)).await?;
            }
        }
    }
    insert_rows(txn, chunk).await?;
    insert_audit_on(
        txn,
        NewAudit {
            actor_email: import.actor.map(str::to_owned),
            action: "population.imported".to_owned(),
            poll_slug: None,
            details: serde_json::json!({
                "audience": audience_id,
                "source": provenance.source,
                "reference_date": provenance.reference_date.to_string(),
                "illustrative": provenance.illustrative,
                "via": import.via.as_str(),
            }),
        },
        import.at,
    )
    .await?;
    Ok(audience)
}

async fn insert_rows(
    txn: &DatabaseTransaction,
    rows: Vec<population_margin::ActiveModel>,
) -> Result<(), StoreError> {
    if !rows.is_empty() {
        population_margin::Entity::insert_many(rows)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}

impl Store {
    /// Replaces the margins of `import.audience_id` with `import.margins`, and records the
    /// `population.imported` audit event, in one transaction. `NotFound` for an unknown audience,
    /// `Unstorable` for margins that do not come from one file or a count beyond 2^63; in either
    /// case nothing changes.
    pub async fn replace_population(
        &self,
        import: PopulationImport<'_>,
    ) -> Result<PopulationFile, StoreError> {
        let [provenance] = import.margins.provenance() else {
            return Err(StoreError::Unstorable(format!(
                "the population of audience {}: margins from {} files, not one",
                import.audience_id,
                import.margins.provenance().len()
            )));
        };
        let txn = self.begin_write().await?;
        match write_population(&txn, &import, provenance).await {
            Ok(audience) => {
                txn.commit().await?;
                Ok(PopulationFile {
                    audience_id: audience.id,
                    audience_name: audience.name,
                    provenance: provenance.clone(),
                    imported_at: import.at,
                    imported_by: import.actor.map(str::to_owned),
                    imported_via: import.via,
                    margins: import.margins.clone(),
                })
            }
            Err(e) => {
                txn.rollback().await?;
                Err(e)
            }
        }
    }

    /// The margins imported for one audience (never a sum), or `None`.
    pub async fn audience_margins(&self, audience_id: &str) -> Result<Option<Margins>, StoreError> {
        let Some(file) = population_file::Entity::find_by_id(audience_id.to_owned())
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let rows = population_margin::Entity::find()
            .filter(population_margin::Column::AudienceId.eq(audience_id))
            .order_by_asc(population_margin::Column::Position)
            .all(&self.db)
            .await?;
        margins_of(&file, &rows).map(Some)
    }

    /// Every audience that has margins, with their provenance, ordered by audience id.
    pub async fn population_files(&self) -> Result<Vec<PopulationFile>, StoreError> {
        let files = population_file::Entity::find()
            .order_by_asc(population_file::Column::AudienceId)
            .all(&self.db)
            .await?;
        let names: BTreeMap<String, String> = self
            .audiences()
            .await?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        let mut rows: BTreeMap<String, Vec<population_margin::Model>> = BTreeMap::new();
        for row in population_margin::Entity::find()
            .order_by_asc(population_margin::Column::AudienceId)
            .order_by_asc(population_margin::Column::Position)
            .all(&self.db)
            .await?
        {
            rows.entry(row.audience_id.clone()).or_default().push(row);
        }
        files
            .into_iter()
            .map(|file| {
                let margins = margins_of(&file, rows.get(&file.audience_id).map_or(&[], |r| r))?;
                let imported_via = ImportedVia::parse(&file.imported_via)
                    .ok_or_else(|| corrupt(&file.audience_id, "unknown imported_via"))?;
                Ok(PopulationFile {
                    audience_name: names
                        .get(&file.audience_id)
                        .cloned()
                        .unwrap_or_else(|| file.audience_id.clone()),
                    provenance: provenance_of(&file),
                    margins,
                    imported_via,
                    audience_id: file.audience_id,
                    imported_at: file.imported_at,
                    imported_by: file.imported_by,
                })
            })
            .collect()
    }

    /// The population polls for `audiences` are compared with, or `None` when there is none.
    ///
    /// Each audience uses its own margins; an audience without them that belongs to no
    /// organisation (a region) uses the sum of its municipalities' margins (its child audiences
    /// that belong to an organisation) when every one of them has margins. Of several audiences,
    /// those inside another named one are dropped, the rest are summed, and one without a
    /// population leaves the poll without one. A sum keeps the questions every part has; a
    /// population without any margin counts as none. (The rule and its reasons are written out
    /// in `population/resolve.rs`.)
    pub async fn population_for(
        &self,
        audiences: &[String],
    ) -> Result<Option<ResolvedPopulation>, StoreError> {
        let own: BTreeMap<String, Margins> = self
            .population_files()
            .await?
            .into_iter()
            .map(|f| (f.audience_id, f.margins))
            .collect();
        Ok(resolve::resolve(&self.audiences().await?, &own, audiences))
    }

    /// Every audience without margins of its own that still has a population, by the sum of
    /// [`Store::population_for`] (a region whose municipalities all have margins), ordered by
    /// audience id: what staff see next to the imported files.
    pub async fn summed_populations(&self) -> Result<Vec<SummedPopulation>, StoreError> {
        let own: BTreeMap<String, Margins> = self
            .population_files()
            .await?
            .into_iter()
            .map(|f| (f.audience_id, f.margins))
            .collect();
        let hierarchy = self.audiences().await?;
        Ok(hierarchy
            .iter()
            .filter(|a| !own.contains_key(&a.id))
            .filter_map(|a| {
                let population = resolve::resolve(&hierarchy, &own, std::slice::from_ref(&a.id))?;
                Some(SummedPopulation {
                    audience_id: a.id.clone(),
                    audience_name: a.name.clone(),
                    population,
                })
            })
            .collect())
    }

    /// The population a poll is compared with: [`Store::population_for`] the audiences of its
    /// brief (`None` for a poll without a brief).
    pub async fn poll_population(
        &self,
        poll: &Poll,
    ) -> Result<Option<ResolvedPopulation>, StoreError> {
        match &poll.definition.brief {
            Some(brief) => self.population_for(&brief.audiences).await,
            None => Ok(None),
        }
    }
}
