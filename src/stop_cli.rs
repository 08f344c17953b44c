//! `flits poll cancel` and `flits poll close`: stopping what is planned from the command line,
//! through the same service as the staff API and pages, with the answer in Dutch (or English with
//! `--lang en`).

use chrono::Utc;
use flits_i18n::Locale;
use flits_schedule::Stop;
use flits_scheduling::text::{stop_message, stopped_message};
use flits_scheduling::{Scheduling, StopCommand, StopFailure};
use flits_store::Store;

use crate::settings::Settings;

/// The command line's request, as typed.
#[derive(Debug, Clone)]
pub struct StopArgs {
    pub stop: Stop,
    pub slug: String,
    pub reason: String,
    pub lang: Locale,
}

/// Connects, stops the poll and prints what happened. The error carries the exit code: 1 when the
/// poll is in the wrong state, 2 for bad input (no reason, an unknown slug), 3 for a failure at
/// run time.
pub async fn run(settings: &Settings, args: StopArgs) -> Result<(), (u8, anyhow::Error)> {
    let locale = args.lang;
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
    let scheduling = Scheduling::new(store, settings.scheduling_policy());
    let command = StopCommand {
        slug: args.slug,
        reason: args.reason,
        actor: Some(crate::operator::cli_actor()),
    };
    let done = match args.stop {
        Stop::Cancel => scheduling.cancel(command, Utc::now()).await,
        Stop::Close => scheduling.close(command, Utc::now()).await,
    };
    match done {
        Ok(stopped) => {
            println!("{}", stopped_message(&stopped, locale));
            Ok(())
        }
        Err(failure) => {
            let message = stop_message(&failure, locale);
            let code = match &failure {
                f if f.is_state() => 1,
                StopFailure::Store(_) => 3,
                _ => 2,
            };
            let error = match failure {
                // Operators need the cause to fix it.
                StopFailure::Store(_) => anyhow::Error::new(failure).context(message),
                _ => anyhow::anyhow!(message),
            };
            Err((code, error))
        }
    }
}
