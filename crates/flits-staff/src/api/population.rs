//! `GET /api/v1/admin/population` (docs/api.md, "Population margins"): the population figures per
//! audience that polls are compared with, each with its source and reference date and whether it
//! is illustrative, and the regions whose figures are the sum of their municipalities'. Every
//! role may read them: analysts judge a comparison by its source.

use actix_web::{HttpResponse, web};
use chrono::{DateTime, NaiveDate, Utc};
use flits_http::ApiError;
use flits_store::{PopulationFile, SummedPopulation};
use serde::Serialize;

use crate::api::errors::store;
use crate::api::locale::ApiLocale;
use crate::state::StaffState;

/// The population figures Flits holds.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PopulationList {
    /// One per audience with imported figures, ordered by audience id.
    pub files: Vec<PopulationFileBody>,
    /// Audiences without figures of their own whose polls use the sum of their municipalities'
    /// (a region, when every municipality has figures).
    pub sums: Vec<PopulationSum>,
}

/// The figures imported for one audience (`flits population import`).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PopulationFileBody {
    #[schema(example = "velsen")]
    pub audience: String,
    #[schema(example = "Velsen")]
    pub audience_name: String,
    /// Who published the figures, and which table, as the file names it.
    #[schema(example = "CBS StatLine 03759ned")]
    pub source: String,
    /// The date the counts describe.
    #[schema(value_type = String, format = Date, example = "2024-01-01")]
    pub reference_date: NaiveDate,
    /// `true` when the figures are not official (demo data, estimates): every comparison built on
    /// them must say so.
    pub illustrative: bool,
    pub imported_at: DateTime<Utc>,
    /// Who imported them: the staff member's e-mail address, or `cli:NAME` for the operator who
    /// ran `flits population import`; `null` for the demo (and imports made before operators
    /// were recorded).
    pub imported_by: Option<String>,
    /// `cli` or `demo`.
    #[schema(example = "cli")]
    pub imported_via: &'static str,
    /// One margin per profile question, in the file's order.
    pub margins: Vec<MarginBody>,
}

/// One profile question's population counts.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MarginBody {
    #[schema(example = "leeftijd")]
    pub question: String,
    /// The residents the margin covers.
    pub total: u64,
    /// Each option id with its count, in the file's order.
    pub options: Vec<OptionCount>,
}

/// Residents in one option.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OptionCount {
    #[schema(example = "65plus")]
    pub option: String,
    pub count: u64,
}

/// An audience whose figures are a sum of other audiences'.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PopulationSum {
    #[schema(example = "ijmond")]
    pub audience: String,
    #[schema(example = "IJmond")]
    pub audience_name: String,
    /// The audiences whose figures are summed.
    #[schema(example = json!(["beverwijk", "heemskerk", "velsen"]))]
    pub parts: Vec<String>,
    /// Whether any part's figures are illustrative.
    pub illustrative: bool,
    /// The questions every part has a margin for, which the sum keeps.
    pub questions: Vec<String>,
}

impl PopulationFileBody {
    pub fn of(file: &PopulationFile) -> PopulationFileBody {
        PopulationFileBody {
            audience: file.audience_id.clone(),
            audience_name: file.audience_name.clone(),
            source: file.provenance.source.clone(),
            reference_date: file.provenance.reference_date,
            illustrative: file.provenance.illustrative,
            imported_at: file.imported_at,
            imported_by: file.imported_by.clone(),
            imported_via: file.imported_via.as_str(),
            margins: file
                .margins
                .margins()
                .iter()
                .map(|m| MarginBody {
                    question: m.question().to_owned(),
                    total: m.total(),
                    options: m
                        .options()
                        .iter()
                        .map(|(option, count)| OptionCount {
                            option: option.clone(),
                            count: *count,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

impl PopulationSum {
    pub fn of(sum: &SummedPopulation) -> PopulationSum {
        let margins = &sum.population.margins;
        PopulationSum {
            audience: sum.audience_id.clone(),
            audience_name: sum.audience_name.clone(),
            parts: sum.population.audiences.clone(),
            illustrative: margins.illustrative(),
            questions: margins
                .margins()
                .iter()
                .map(|m| m.question().to_owned())
                .collect(),
        }
    }
}

/// `GET /api/v1/admin/population`.
pub async fn list(
    state: web::Data<StaffState>,
    ApiLocale(locale): ApiLocale,
) -> Result<HttpResponse, ApiError> {
    let files = state
        .store
        .population_files()
        .await
        .map_err(store(locale))?;
    let sums = state
        .store
        .summed_populations()
        .await
        .map_err(store(locale))?;
    Ok(HttpResponse::Ok().json(PopulationList {
        files: files.iter().map(PopulationFileBody::of).collect(),
        sums: sums.iter().map(PopulationSum::of).collect(),
    }))
}
