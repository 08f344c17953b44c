//! `GET /staff/population`: the population figures per audience, each with its source, reference
//! date and when it was imported, illustrative figures clearly marked, and the regions that use
//! the sum of their municipalities. Read-only: figures are imported with `flits population
//! import`.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_store::{ImportedVia, PopulationFile, SummedPopulation};
use serde::Serialize;

use crate::ui::page::{StaffPage, local};

#[derive(Serialize)]
struct PopulationView {
    files: Vec<FileRow>,
    sums: Vec<SumRow>,
}

/// One audience's imported figures.
#[derive(Serialize)]
struct FileRow {
    id: String,
    name: String,
    source: String,
    reference_date: String,
    illustrative: bool,
    imported_at: Option<String>,
    imported_by: String,
    questions: Vec<QuestionRow>,
}

/// One profile question's margin: its options with their counts, and the total.
#[derive(Serialize)]
struct QuestionRow {
    question: String,
    options: String,
    total: u64,
}

/// An audience that uses the sum of its municipalities' figures.
#[derive(Serialize)]
struct SumRow {
    id: String,
    name: String,
    parts: String,
    questions: String,
    illustrative: bool,
}

fn file_row(file: &PopulationFile, locale: Locale) -> FileRow {
    let imported_by = match (&file.imported_by, file.imported_via) {
        // The operator (`cli:NAME`) who ran `flits population import`.
        (Some(operator), ImportedVia::Cli) => t!(
            locale,
            "accounts-population-via-cli-by",
            operator = operator.as_str()
        ),
        (Some(email), _) => email.clone(),
        (None, ImportedVia::Cli) => t!(locale, "staff-population-via-cli"),
        (None, ImportedVia::Demo) => t!(locale, "staff-population-via-demo"),
    };
    FileRow {
        id: file.audience_id.clone(),
        name: file.audience_name.clone(),
        source: file.provenance.source.clone(),
        reference_date: file
            .provenance
            .reference_date
            .format("%d-%m-%Y")
            .to_string(),
        illustrative: file.provenance.illustrative,
        imported_at: local(Some(file.imported_at)),
        imported_by,
        questions: file
            .margins
            .margins()
            .iter()
            .map(|m| QuestionRow {
                question: m.question().to_owned(),
                options: m
                    .options()
                    .iter()
                    .map(|(option, count)| format!("{option} {count}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                total: m.total(),
            })
            .collect(),
    }
}

fn sum_row(sum: &SummedPopulation, files: &[PopulationFile]) -> SumRow {
    let name = |id: &String| {
        files
            .iter()
            .find(|f| &f.audience_id == id)
            .map_or_else(|| id.clone(), |f| f.audience_name.clone())
    };
    let margins = &sum.population.margins;
    SumRow {
        id: sum.audience_id.clone(),
        name: sum.audience_name.clone(),
        parts: sum
            .population
            .audiences
            .iter()
            .map(name)
            .collect::<Vec<_>>()
            .join(", "),
        questions: margins
            .margins()
            .iter()
            .map(|m| m.question())
            .collect::<Vec<_>>()
            .join(", "),
        illustrative: margins.illustrative(),
    }
}

/// The population figures per audience.
pub async fn show(page: StaffPage) -> Result<HttpResponse, PageError> {
    let store = &page.state.store;
    let files = store
        .population_files()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let sums = store
        .summed_populations()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let view = PopulationView {
        files: files.iter().map(|f| file_row(f, page.locale)).collect(),
        sums: sums.iter().map(|s| sum_row(s, &files)).collect(),
    };
    let title = t!(page.locale, "staff-population-title");
    page.render(StatusCode::OK, "staff/population", &title, &view)
}
