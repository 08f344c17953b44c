//! `flits population import FILE --audience ID` and `flits population list`: the population
//! margins of an audience (README.md, "Population margins"), in Dutch or in English with `--lang en`.
//!
//! Import reads the whole file and reports every problem with its line before the database is
//! touched; a file with problems stores nothing, so the figures already stored stay. Exit codes
//! as for `flits poll validate`: 1 the file is invalid, 2 it cannot be read or the audience does
//! not exist, 3 a failure at run time.

use std::path::PathBuf;

use chrono::Utc;
use flits_i18n::{Locale, t};
use flits_reach::{Margins, PopulationError};
use flits_store::{ImportedVia, PopulationFile, PopulationImport, Store, StoreError};

use crate::schedule_cli::amsterdam;
use crate::settings::Settings;

/// What `flits population import` was asked.
#[derive(Debug, Clone)]
pub struct ImportArgs {
    pub file: PathBuf,
    pub audience: String,
    pub lang: Locale,
}

/// A failure with the exit code it deserves.
type Failure = (u8, anyhow::Error);

fn fail(code: u8, message: String) -> Failure {
    (code, anyhow::anyhow!(message))
}

/// One problem of a population file in `locale`, with its line when it has one.
pub fn describe(error: &PopulationError, locale: Locale) -> String {
    use PopulationError as E;
    let problem = match error {
        E::Read(e) => t!(locale, "population-unreadable", reason = e.to_string()),
        E::Csv { .. } => t!(locale, "population-csv"),
        E::Empty => t!(locale, "population-empty"),
        E::Header { found, .. } => t!(locale, "population-header", found = found.as_str()),
        E::Fields { found, .. } => t!(locale, "population-fields", found = *found),
        E::EmptyId { .. } => t!(locale, "population-empty-id"),
        E::Count { value, .. } => t!(locale, "population-count", value = value.as_str()),
        E::Duplicate {
            first_line,
            question,
            option,
            ..
        } => t!(
            locale,
            "population-duplicate",
            question = question.as_str(),
            option = option.as_str(),
            first_line = *first_line
        ),
        E::ZeroTotal { question, .. } => {
            t!(
                locale,
                "population-zero-total",
                question = question.as_str()
            )
        }
        E::UnknownKey { key, .. } => t!(locale, "population-unknown-key", key = key.as_str()),
        E::RepeatedKey { key, .. } => t!(locale, "population-repeated-key", key = key.as_str()),
        E::EmptyValue { key, .. } => t!(locale, "population-empty-value", key = key.as_str()),
        E::ReferenceDate { value, .. } => {
            t!(locale, "population-reference-date", value = value.as_str())
        }
        E::Illustrative { value, .. } => {
            t!(locale, "population-illustrative", value = value.as_str())
        }
        E::MissingSource => t!(locale, "population-missing-source"),
        E::MissingReferenceDate => t!(locale, "population-missing-reference-date"),
    };
    match error.line() {
        Some(line) => t!(
            locale,
            "population-line",
            line = line,
            problem = problem.as_str()
        ),
        None => problem,
    }
}

/// Who or what imported a file, for people.
fn imported_by(file: &PopulationFile, locale: Locale) -> String {
    match (&file.imported_by, file.imported_via) {
        // The operator (`cli:NAME`) who ran `flits population import`.
        (Some(operator), ImportedVia::Cli) => t!(
            locale,
            "population-cli-via-cli-by",
            operator = operator.as_str()
        ),
        (Some(email), _) => t!(locale, "population-cli-by", email = email.as_str()),
        (None, ImportedVia::Cli) => t!(locale, "population-cli-via-cli"),
        (None, ImportedVia::Demo) => t!(locale, "population-cli-via-demo"),
    }
}

/// The lines describing stored margins: provenance, then one line per question.
fn render_file(file: &PopulationFile, with_import: bool, locale: Locale) -> String {
    let p = &file.provenance;
    let mut out = format!(
        "  {}: {}\n  {}: {}\n",
        t!(locale, "population-cli-source"),
        p.source,
        t!(locale, "population-cli-reference-date"),
        p.reference_date
    );
    if with_import {
        out.push_str(&format!(
            "  {}: {}, {}\n",
            t!(locale, "population-cli-imported"),
            amsterdam(file.imported_at),
            imported_by(file, locale)
        ));
    }
    if p.illustrative {
        out.push_str(&format!(
            "  {}\n",
            t!(locale, "population-cli-illustrative")
        ));
    }
    out.push_str(&render_questions(&file.margins, locale));
    out
}

fn render_questions(margins: &Margins, locale: Locale) -> String {
    margins
        .margins()
        .iter()
        .map(|m| {
            format!(
                "  {}\n",
                t!(
                    locale,
                    "population-cli-question",
                    question = m.question(),
                    options = m.options().len(),
                    total = m.total()
                )
            )
        })
        .collect()
}

async fn open_store(settings: &Settings) -> Result<Store, Failure> {
    let store = Store::connect(&settings.database_url).await.map_err(|e| {
        (
            3,
            anyhow::Error::new(e).context("cannot connect to the database"),
        )
    })?;
    store
        .migrate()
        .await
        .map_err(|e| (3, anyhow::Error::new(e).context("cannot apply migrations")))?;
    crate::seed::write_configured_structure(&store, settings)
        .await
        .map_err(|e| {
            (
                2,
                anyhow::Error::new(e)
                    .context("cannot write the configured regions, organisations and audiences"),
            )
        })?;
    Ok(store)
}

fn internal(e: StoreError) -> Failure {
    (3, anyhow::Error::new(e))
}

/// `flits population import`: checks the file, then replaces the audience's margins.
pub async fn import(settings: &Settings, args: ImportArgs) -> Result<(), Failure> {
    let locale = args.lang;
    let file_name = args.file.display().to_string();
    let text = std::fs::read_to_string(&args.file).map_err(|e| {
        fail(
            2,
            t!(
                locale,
                "population-cli-cannot-read",
                file = file_name.as_str(),
                reason = e.to_string()
            ),
        )
    })?;
    let margins = match Margins::parse_all_errors(&text) {
        Ok(margins) => margins,
        Err(errors) => {
            for error in &errors {
                eprintln!("{file_name}: {}", describe(error, locale));
            }
            return Err(fail(
                1,
                t!(
                    locale,
                    "population-cli-invalid",
                    file = file_name.as_str(),
                    count = errors.len()
                ),
            ));
        }
    };

    let store = open_store(settings).await?;
    let audiences = store.audiences().await.map_err(internal)?;
    if !audiences.iter().any(|a| a.id == args.audience) {
        let known: Vec<&str> = audiences.iter().map(|a| a.id.as_str()).collect();
        let known = if known.is_empty() {
            t!(locale, "population-cli-no-audiences")
        } else {
            known.join(", ")
        };
        return Err(fail(
            2,
            t!(
                locale,
                "population-cli-unknown-audience",
                audience = args.audience.as_str(),
                known = known
            ),
        ));
    }
    let before = store
        .audience_margins(&args.audience)
        .await
        .map_err(internal)?;
    let actor = crate::operator::cli_actor();
    let stored = store
        .replace_population(PopulationImport {
            audience_id: &args.audience,
            margins: &margins,
            actor: Some(&actor),
            via: ImportedVia::Cli,
            at: Utc::now(),
        })
        .await
        .map_err(|e| match e {
            StoreError::Unstorable(_) => fail(
                1,
                t!(
                    locale,
                    "population-cli-unstorable",
                    file = file_name.as_str()
                ),
            ),
            e => internal(e),
        })?;
    let mut out = t!(
        locale,
        "population-cli-stored",
        name = stored.audience_name.as_str(),
        audience = stored.audience_id.as_str()
    );
    out.push('\n');
    if let Some(old) = before.as_ref().and_then(|m| m.provenance().first()) {
        out.push_str(&t!(
            locale,
            "population-cli-replaced",
            reference_date = old.reference_date.to_string(),
            source = old.source.as_str()
        ));
        out.push('\n');
    }
    out.push_str(&render_file(&stored, false, locale));
    print!("{out}");
    Ok(())
}

/// `flits population list`: every audience with margins, with their provenance.
pub async fn list(settings: &Settings, locale: Locale) -> Result<(), Failure> {
    let store = open_store(settings).await?;
    let files = store.population_files().await.map_err(internal)?;
    if files.is_empty() {
        println!("{}", t!(locale, "population-cli-none"));
        return Ok(());
    }
    let mut out = String::new();
    for file in &files {
        out.push_str(&format!("{} ({})\n", file.audience_id, file.audience_name));
        out.push_str(&render_file(file, true, locale));
    }
    print!("{out}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_reads_in_both_staff_languages_with_its_line() {
        let text = "# source: CBS\n# bron: x\n# illustrative: ja\nquestion,option,count\n\
                    a,b,-1\na,c,1\na,c,2\na\n,b,1\n\"a,b,1\n";
        let mut errors = Margins::parse_all_errors(text).unwrap_err();
        errors.extend([
            PopulationError::Empty,
            PopulationError::MissingSource,
            PopulationError::Header {
                line: 1,
                found: "x".into(),
            },
            PopulationError::ZeroTotal {
                line: 2,
                question: "a".into(),
            },
            PopulationError::RepeatedKey {
                line: 3,
                key: "source".into(),
            },
            PopulationError::EmptyValue {
                line: 3,
                key: "source".into(),
            },
            PopulationError::ReferenceDate {
                line: 3,
                value: "gisteren".into(),
            },
            PopulationError::Read(std::io::Error::other("kapot")),
        ]);
        for locale in Locale::STAFF {
            for error in &errors {
                let text = describe(error, locale);
                assert!(!text.contains('{'), "{locale}: {text}");
                if let Some(line) = error.line() {
                    assert!(text.contains(&line.to_string()), "{text}");
                }
            }
        }
        let nl = describe(&errors[0], Locale::Nl);
        assert_eq!(
            nl,
            "regel 2: onbekend gegeven \"bron\": gebruik source, reference_date of illustrative.",
            "a wrong key is named"
        );
    }
}
