//! Building and running the web application: which services one process runs (`--only`), on which
//! address, against which database.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use flits_collector::CollectorState;
use flits_http::Templates;
use flits_scheduling::Scheduling;
use flits_staff::{Channels, StaffConfig, StaffState};
use flits_store::Store;

use crate::settings::Settings;

/// The parts of Flits a process can run; `flits serve --only …` picks a subset. The names before
/// scheduling (spacing polls) and the job runner were told apart, `admin` and `scheduler`, are
/// still accepted (README.md, "Commands").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Service {
    /// The public pages and submit API residents use.
    Collector,
    /// The staff UI and the staff/analyst API, which schedule polls (also `--only admin`).
    #[value(alias = "admin")]
    Staff,
    /// The job runner that opens and closes polls on time (also `--only scheduler`).
    #[value(alias = "scheduler")]
    Runner,
}

impl Service {
    /// Everything: what `flits serve` runs without `--only`.
    pub const ALL: [Service; 3] = [Service::Collector, Service::Staff, Service::Runner];
}

/// The OpenAPI document of every JSON route (`GET /api/v1/openapi.json`), in every process whatever
/// it serves; a crate with JSON routes adds its part to this list.
pub fn api_document() -> flits_http::openapi::ApiDocument {
    flits_http::openapi::ApiDocument::build([
        flits_collector::openapi::document(),
        flits_staff::openapi::document(),
    ])
}

/// A built application, listening, ready to run.
pub struct Application {
    port: u16,
    server: Server,
    /// `/metrics` on `metrics_bind`, and the port it got.
    metrics_port: Option<u16>,
    metrics_server: Option<Server>,
    store: Store,
    /// The job runner's settings, the channels it posts to and the sender of the results
    /// e-mails, when this process runs the runner.
    runner: Option<(
        flits_runner::RunnerConfig,
        flits_runner::delivery::Outbox,
        flits_runner::feedback::FeedbackMail,
    )>,
}

/// What answers an address no route matches: the styled 404 page of whoever the address is for
/// (staff pages, the API's JSON error, residents' pages), never an empty response.
async fn not_found(req: actix_web::HttpRequest) -> actix_web::HttpResponse {
    let path = req.path();
    if path.starts_with("/api/") {
        return actix_web::ResponseError::error_response(&flits_http::ApiError::not_found(
            "no such route",
        ));
    }
    let staff = req.app_data::<web::Data<StaffState>>().cloned();
    let collector = req.app_data::<web::Data<CollectorState>>().cloned();
    match (path.starts_with("/staff"), staff, collector) {
        (true, Some(staff), _) | (false, Some(staff), None) => {
            flits_staff::ui::page::not_found(&staff, &req)
        }
        (_, _, Some(collector)) => flits_collector::notices::not_found(req, collector).await,
        (_, None, None) => actix_web::HttpResponse::NotFound().finish(),
    }
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
        let metrics_listener = match settings.metrics_bind {
            Some(addr) => Some(
                TcpListener::bind(addr)
                    .with_context(|| format!("cannot listen on {addr} (metrics_bind)"))?,
            ),
            None => None,
        };
        let metrics_port = match &metrics_listener {
            Some(l) => Some(l.local_addr()?.port()),
            None => None,
        };
        let client_addresses = Arc::new(settings.client_addresses());
        // Without `public_url`, links (and the origin forms must come from) name the address
        // really listened on, also when `bind` asked for any free port.
        let mut public_base = settings.public_base();
        if settings.public_url.is_empty() {
            let _ = public_base.set_port(Some(port));
        }
        let templates = Arc::new(Templates::load().context("cannot load the templates")?);
        let metrics = flits_http::metrics::Metrics::new().context("cannot set up the metrics")?;
        let mailer = mailer(settings);
        let collector = if services.contains(&Service::Collector) {
            let setup = flits_collector::CollectorSetup {
                store: store.clone(),
                templates: templates.clone(),
                public_url: public_base.clone(),
                config: settings.collector.clone(),
                rate_limits: settings.rate_limits_on(),
                max_questions: settings.max_questions,
                k_anonymity: u64::from(settings.k_anonymity),
                channel_kinds: settings
                    .channels
                    .iter()
                    .map(|c| (c.id.to_string(), c.kind.as_str().to_owned()))
                    .collect(),
                signing_key: settings
                    .signing_key
                    .as_ref()
                    .map(|k| secrecy::ExposeSecret::expose_secret(k).as_bytes().to_vec()),
                metrics: metrics.clone(),
                client_addresses: client_addresses.clone(),
                // Offered only where the results can actually be sent.
                results_by_email: mailer.is_some().then_some(flits_collector::ResultsByEmail {
                    keep_days: settings.feedback.keep_days,
                }),
                publishers: settings.publishers(),
                retention: flits_collector::Retention {
                    responses_months: settings.retention.delete_responses_after_months,
                    email_days: settings.feedback.keep_days,
                },
            };
            Some(
                CollectorState::new(setup)
                    .map_err(|e| anyhow::anyhow!("invalid configuration in [collector]:\n{e}"))?,
            )
        } else {
            None
        };
        let metrics = web::Data::new(metrics);
        let openapi = web::Data::new(api_document());
        let staff = services.contains(&Service::Staff).then(|| {
            web::Data::new(StaffState::new(
                store.clone(),
                templates.clone(),
                StaffConfig {
                    session_idle: Duration::from_secs(settings.staff.session_idle_minutes * 60),
                    login_backoff: settings.login_backoff(),
                    login_attempts_per_minute: settings.staff.login_attempts_per_minute,
                    client_addresses: client_addresses.clone(),
                    secure_cookies: public_base.scheme() == "https",
                    max_questions: settings.max_questions,
                    k_anonymity: settings.k_anonymity as usize,
                    weight_cap: settings.weight_cap,
                    feedback_due: Duration::from_secs(
                        u64::from(settings.feedback.due_days) * 86_400,
                    ),
                    neighbourhoods: settings
                        .audiences
                        .iter()
                        .filter(|a| !a.neighbourhoods.is_empty())
                        .map(|a| (a.id.to_string(), a.neighbourhoods.clone()))
                        .collect(),
                    embed_origins: settings.collector.embed_origins.clone(),
                },
                Scheduling::new(store.clone(), settings.scheduling_policy()),
                Channels::new(settings.channels.clone(), public_base.clone()),
            ))
        });
        let store_data = web::Data::new(store.clone());
        let addresses_data = web::Data::from(client_addresses);
        let https = settings.public_base().scheme() == "https";
        let body_timeout = Duration::from_secs(settings.body_timeout_seconds);
        let metrics_apart = metrics_listener.is_some();
        let metrics_server = match metrics_listener {
            Some(listener) => Some(metrics_server(
                listener,
                metrics.clone(),
                store_data.clone(),
            )?),
            None => None,
        };
        let server = HttpServer::new(move || {
            let mut app = App::new()
                .app_data(flits_http::route_pattern::PatternCache::default())
                .wrap(from_fn(move |req, next| {
                    flits_http::body_deadline::limit_body_time(body_timeout, req, next)
                }))
                .wrap(from_fn(flits_http::metrics::track))
                .wrap(from_fn(flits_http::request_log::log_request))
                .wrap(flits_http::headers::security_headers(https))
                .wrap(Compress::default())
                .app_data(store_data.clone())
                .app_data(addresses_data.clone())
                .configure(flits_http::health::configure)
                .app_data(metrics.clone())
                .configure(|cfg| flits_http::openapi::configure(cfg, openapi.clone()));
            if !metrics_apart {
                app = app.route(
                    "/metrics",
                    web::get().to(flits_http::metrics::export_to_local),
                );
            }
            if let Some(state) = &collector {
                app = app
                    .app_data(web::Data::new(state.clone()))
                    .configure(flits_collector::configure);
            }
            if let Some(state) = &staff {
                app = app
                    .app_data(state.clone())
                    .configure(flits_staff::routes::configure);
            }
            app.default_service(web::to(not_found))
        })
        .listen(listener)?
        .run();
        let runner = services.contains(&Service::Runner).then(|| {
            (
                flits_runner::RunnerConfig::every(settings.runner.tick_seconds).with_retention(
                    flits_runner::retention::Retention {
                        after_months: settings.retention.delete_responses_after_months,
                        k: settings.k_anonymity as u64,
                    },
                ),
                outbox(settings, public_base.clone()),
                flits_runner::feedback::FeedbackMail::new(
                    mailer,
                    public_base.clone(),
                    Duration::from_secs(settings.runner.post_lease_seconds),
                    settings.feedback.keep_days,
                )
                .with_reminders(settings.feedback.due_days),
            )
        });
        Ok(Application {
            port,
            server,
            metrics_port,
            metrics_server,
            store,
            runner,
        })
    }

    /// The port actually bound (useful when the settings asked for port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port `/metrics` is served on apart (`metrics_bind`), if it is.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_port
    }

    /// The store the application uses.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Serves until the process is asked to stop (Ctrl-C or SIGTERM: actix finishes open requests).
    /// With the runner, the job runner runs beside the server and is stopped (after finishing
    /// the step it is in) when the server stops.
    pub async fn run_until_stopped(mut self) -> std::io::Result<()> {
        // The metrics listener lives as long as the main server.
        let metrics = self.metrics_server.take().map(|server| {
            let handle = server.handle();
            (tokio::spawn(server), handle)
        });
        let result = self.run_main().await;
        if let Some((task, handle)) = metrics {
            handle.stop(true).await;
            let _ = task.await;
        }
        result
    }

    /// The main server, with the job runner beside it when this process runs it.
    async fn run_main(self) -> std::io::Result<()> {
        let server = self.server;
        let Some((config, outbox, feedback)) = self.runner else {
            return server.await;
        };
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let runner = tokio::spawn(flits_runner::run(
            self.store.clone(),
            config,
            outbox,
            feedback,
            async move {
                let _ = stopped.await;
            },
        ));
        let result = server.await;
        let _ = stop.send(());
        let _ = runner.await;
        result
    }
}

/// The server of `metrics_bind`: `/metrics` for whoever can reach that address (the operator's
/// monitoring; keep it off the internet), plus `/healthz` and `/readyz` for probes. One worker is
/// plenty for a scrape every few seconds.
fn metrics_server(
    listener: TcpListener,
    metrics: web::Data<flits_http::metrics::Metrics>,
    store: web::Data<Store>,
) -> std::io::Result<Server> {
    Ok(HttpServer::new(move || {
        App::new()
            .app_data(metrics.clone())
            .app_data(store.clone())
            .configure(flits_http::health::configure)
            .route("/metrics", web::get().to(flits_http::metrics::export))
    })
    .workers(1)
    .listen(listener)?
    .run())
}

/// How long one session with the mail relay may take before it is given up.
const MAIL_TIMEOUT: Duration = Duration::from_secs(20);

/// The sender of the results e-mails, when a relay and a sender are configured; one that cannot
/// be set up is left out with an error in the log (and the thank-you page does not offer it).
fn mailer(settings: &Settings) -> Option<Arc<flits_mail::Mailer>> {
    let relay = settings.mail_relay()?;
    match flits_mail::Mailer::new(&relay, MAIL_TIMEOUT) {
        Ok(mailer) => Some(Arc::new(mailer)),
        Err(e) => {
            tracing::error!(error = %e, "the results e-mail cannot be set up; it is not offered");
            None
        }
    }
}

/// The channels of the configuration, set up once. A channel that cannot be set up (a missing
/// secret, say) is left out with an error in the log; its posts then fail where staff see them.
fn outbox(settings: &Settings, public_base: url::Url) -> flits_runner::delivery::Outbox {
    let options = flits_bridge::ClientOptions {
        smtp: settings.smtp_relay(),
        ..Default::default()
    };
    let channels = settings
        .channels
        .iter()
        .filter_map(|setting| match flits_bridge::connect(setting, &options) {
            Ok(channel) => Some(channel),
            Err(e) => {
                tracing::error!(channel = %setting.id, error = %e, "channel cannot be set up");
                None
            }
        })
        .collect();
    flits_runner::delivery::Outbox::new(
        channels,
        public_base,
        std::time::Duration::from_secs(settings.runner.post_lease_seconds),
    )
}
