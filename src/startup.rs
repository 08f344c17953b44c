//! Building and running the web application: which services one process runs (`--only`), on which
//! address, against which database.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use flits_collector::CollectorState;
use flits_http::Templates;
use flits_store::Store;

use crate::settings::Settings;

/// The parts of Flits a process can run; `flits serve --only …` picks a subset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Service {
    /// The public pages and submit API residents use.
    Collector,
    /// The staff UI and the staff/analyst API.
    Admin,
    /// The job runner that opens and closes polls and posts to channels.
    Scheduler,
}

/// A built application, listening, ready to run.
pub struct Application {
    port: u16,
    server: Server,
    store: Store,
}

impl Application {
    /// Connects, optionally migrates, writes the configured audiences, binds and builds the server.
    /// Binding happens here so that tests can ask for port 0 and read the real port.
    pub async fn build(
        settings: &Settings,
        services: &[Service],
        migrate: bool,
    ) -> anyhow::Result<Application> {
        let store = Store::connect(&settings.database_url)
            .await
            .context("cannot connect to the database")?;
        if migrate {
            let applied = store.migrate().await.context("cannot apply migrations")?;
            if applied > 0 {
                tracing::info!(applied, "migrations applied");
            }
        }
        crate::seed::write_configured_structure(&store, settings)
            .await
            .context("cannot write the configured regions, organisations and audiences")?;
        if !settings.rate_limits_on() {
            tracing::warn!(
                "rate limits are OFF (FLITS_RATE_LIMITS=off): per-address caps and rate limits do not apply; never do this in production"
            );
        }
        let listener = TcpListener::bind(settings.bind)
            .with_context(|| format!("cannot listen on {}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let templates = Arc::new(Templates::load().context("cannot load the templates")?);
        let collector = services
            .contains(&Service::Collector)
            .then(|| CollectorState {
                store: store.clone(),
                templates: templates.clone(),
                public_url: settings.public_base(),
            });
        let store_data = web::Data::new(store.clone());
        let server = HttpServer::new(move || {
            let mut app = App::new()
                .wrap(from_fn(flits_http::request_log::log_request))
                .wrap(flits_http::headers::security_headers())
                .wrap(Compress::default())
                .app_data(store_data.clone())
                .configure(flits_http::health::configure);
            if let Some(state) = &collector {
                app = app
                    .app_data(web::Data::new(state.clone()))
                    .configure(flits_collector::configure);
            }
            app
        })
        .listen(listener)?
        .run();
        Ok(Application {
            port,
            server,
            store,
        })
    }

    /// The port actually bound (useful when the settings asked for port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The store the application uses.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Serves until the process is asked to stop (Ctrl-C or SIGTERM: actix finishes open requests).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
