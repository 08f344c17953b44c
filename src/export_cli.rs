//! `flits export SLUG --format csv|json|sps [--out FILE]`: the anonymised export, for operators, in
//! every state of the poll. An open poll's export is marked provisional on stderr. A progress bar
//! (indicatif) shows on stderr when it is a terminal. A file that could not be written whole is
//! removed, so no half export is left behind.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context;
use flits_export::{ExportRequest, Format};
use flits_i18n::{Locale, t};
use indicatif::{ProgressBar, ProgressStyle};
use tokio::io::AsyncWrite;

use crate::settings::Settings;

/// What `flits export` was asked.
pub struct ExportArgs {
    pub slug: String,
    pub format: String,
    pub out: Option<PathBuf>,
    pub lang: Locale,
}

/// Exit 0 done, 2 bad input (unknown poll or format), 3 the export failed.
pub async fn run(settings: &Settings, args: ExportArgs) -> Result<(), (u8, anyhow::Error)> {
    let locale = args.lang;
    let format = Format::parse(&args.format).ok_or_else(|| {
        (
            2,
            anyhow::anyhow!(t!(
                locale,
                "export-cli-unknown-format",
                format = args.format.as_str()
            )),
        )
    })?;
    let store = flits_store::Store::connect(&settings.database_url)
        .await
        .context("cannot connect to the database")
        .map_err(|e| (3, e))?;
    store
        .migrate()
        .await
        .context("cannot apply migrations")
        .map_err(|e| (3, e))?;
    let poll = store
        .poll_by_slug(&args.slug)
        .await
        .map_err(|e| (3, e.into()))?
        .ok_or_else(|| {
            (
                2,
                anyhow::anyhow!(t!(
                    locale,
                    "export-cli-unknown-poll",
                    slug = args.slug.as_str()
                )),
            )
        })?;

    if let Err(flits_export::ExportError::ResponsesDeleted(date)) =
        flits_export::check_responses_kept(&store, &poll).await
    {
        return Err((
            1,
            anyhow::anyhow!(t!(
                locale,
                "export-responses-deleted",
                slug = poll.slug.as_str(),
                date = date.to_string()
            )),
        ));
    }
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let mut progress = |done: u64, total: u64| {
        if let Some(bar) = &bar {
            bar.set_length(total);
            bar.set_position(done);
        }
    };
    let request = ExportRequest {
        poll: &poll,
        format,
        k: settings.k_anonymity as usize,
        actor: Some(crate::operator::cli_actor()),
        weight_cap: settings.weight_cap,
    };
    let result = match &args.out {
        Some(path) => {
            let file = tokio::fs::File::create(path)
                .await
                .with_context(|| {
                    t!(
                        locale,
                        "export-cli-cannot-write",
                        file = path.display().to_string()
                    )
                })
                .map_err(|e| (3, e))?;
            let mut sink = tokio::io::BufWriter::new(file);
            let result = export_to(&store, request, &mut sink, &mut progress).await;
            if result.is_err() {
                let _ = tokio::fs::remove_file(path).await;
            }
            result
        }
        None => {
            let mut stdout = tokio::io::stdout();
            export_to(&store, request, &mut stdout, &mut progress).await
        }
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let exported = result.map_err(|e| (3, e))?;
    if exported.provisional {
        eprintln!(
            "{}",
            t!(locale, "export-cli-provisional", slug = poll.slug.as_str())
        );
    }
    eprintln!(
        "{}",
        t!(
            locale,
            "export-cli-done",
            rows = exported.rows,
            suppressed = exported.suppressed,
            k = settings.k_anonymity
        )
    );
    Ok(())
}

async fn export_to<W: AsyncWrite + Unpin>(
    store: &flits_store::Store,
    request: ExportRequest<'_>,
    sink: &mut W,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> anyhow::Result<flits_export::Exported> {
    Ok(flits_export::export(store, request, sink, progress).await?)
}
