//! The test harness: `spawn_app(backend)` gives a running Flits with its own, empty database.

use std::path::PathBuf;
use std::process::Command;

use flits::settings::Settings;
use flits::startup::{Application, Service};
use flits_store::Store;
use sqlx::Connection;

/// The database engines tests run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server tests may use (any database on it; each test creates its own).
pub fn postgres_url() -> Option<String> {
    std::env::var("FLITS_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

/// Runs a test body on both backends, as two named tests; the PostgreSQL one is skipped (see
/// [`crate::skip`]) without `FLITS_TEST_POSTGRES_URL`.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)($crate::helpers::Backend::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::helpers::postgres_url().is_none() {
                    return $crate::skip::skipped(
                        concat!(module_path!(), "::postgres"),
                        "FLITS_TEST_POSTGRES_URL is not set",
                    );
                }
                ($body)($crate::helpers::Backend::Postgres).await;
            }
        }
    };
}

/// A fresh, empty database that is removed when dropped.
pub struct TestDb {
    pub url: String,
    /// The SQLite file (for tests that remove it) or nothing.
    pub sqlite_file: Option<PathBuf>,
    _dir: Option<tempfile::TempDir>,
    pg_name: Option<String>,
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let file = dir.path().join("flits.db");
                TestDb {
                    url: format!("sqlite:{}", file.display()),
                    sqlite_file: Some(file),
                    _dir: Some(dir),
                    pg_name: None,
                }
            }
            Backend::Postgres => {
                let admin = postgres_url().expect("FLITS_TEST_POSTGRES_URL");
                let name = format!("flits_t_{}", uuid::Uuid::new_v4().simple());
                let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
                sqlx::query(&format!("CREATE DATABASE \"{name}\""))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                conn.close().await.unwrap();
                TestDb {
                    url: with_database(&admin, &name),
                    sqlite_file: None,
                    _dir: None,
                    pg_name: Some(name),
                }
            }
        }
    }

    /// Makes the database unreachable: drops the PostgreSQL database (ending its connections) or
    /// removes the SQLite file.
    pub async fn destroy(&self) {
        if let Some(name) = &self.pg_name {
            drop_pg_database(name).await;
        }
        if let Some(file) = &self.sqlite_file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
        }
    }
}

async fn drop_pg_database(name: &str) {
    if let Some(admin) = postgres_url() {
        if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .execute(&mut conn)
                .await;
            let _ = conn.close().await;
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(name) = self.pg_name.take() {
            // Drop runs outside async context guarantees: use a small runtime on its own thread.
            let _ = std::thread::spawn(move || {
                if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    rt.block_on(drop_pg_database(&name));
                }
            })
            .join();
        }
    }
}

/// `url` with its database name replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let mut parsed = url::Url::parse(url).unwrap();
    parsed.set_path(&format!("/{db}"));
    parsed.to_string()
}

/// A running application and what tests need to talk to it.
pub struct TestApp {
    pub address: String,
    pub store: Store,
    pub db: TestDb,
    /// A client that acts as one browser which has opened a poll page before: it sends the form
    /// cookie [`FORM_COOKIE`] with every request (unless a request names its own `cookie`
    /// header: then [`with_form_cookie`] adds it), so the token of any poll page it fetched can be
    /// posted. It follows no redirects.
    pub client: reqwest::Client,
}

/// The poll form's cookie (`flits_form`, `SameSite=Strict`) of the browser [`TestApp::client`]
/// plays. Its value is the shape the collector gives it (22 characters of base64url).
pub const FORM_COOKIE: &str = "flits_form=dGVzdC1icm93c2VyLWtleQ";

/// `cookies` (`a=1; b=2`) with the [`FORM_COOKIE`] added unless they name a form cookie already.
pub fn with_form_cookie(cookies: &str) -> String {
    if cookies.contains("flits_form=") {
        cookies.to_owned()
    } else if cookies.trim().is_empty() {
        FORM_COOKIE.to_owned()
    } else {
        format!("{cookies}; {FORM_COOKIE}")
    }
}

/// A client that follows no redirects, as a browser with the [`FORM_COOKIE`].
pub fn browser_client() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::COOKIE,
        reqwest::header::HeaderValue::from_static(FORM_COOKIE),
    );
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap()
}

/// Settings for a test: the documented defaults with a test database and port 0.
pub fn test_settings(db: &TestDb) -> Settings {
    let mut settings = Settings::load(None).unwrap();
    settings.database_url = db.url.clone();
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.public_url = "https://peiling.example.nl".to_owned();
    settings
}

/// Starts the whole application (all services) on a fresh database.
pub async fn spawn_app(backend: Backend) -> TestApp {
    let db = TestDb::new(backend).await;
    spawn_app_on(db, |_| {}).await
}

/// Starts the application on `db` after `adjust` has changed the settings.
pub async fn spawn_app_on(db: TestDb, adjust: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_services_on(db, &Service::ALL, adjust).await
}

/// Starts only `services` on `db` after `adjust` has changed the settings; without the runner, a
/// test steps the jobs and the outbox itself.
pub async fn spawn_services_on(
    db: TestDb,
    services: &[Service],
    adjust: impl FnOnce(&mut Settings),
) -> TestApp {
    let mut settings = test_settings(&db);
    adjust(&mut settings);
    let app = Application::build(&settings, services, true).await.unwrap();
    let port = app.port();
    let store = app.store().clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        store,
        db,
        client: browser_client(),
    }
}

impl TestApp {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .unwrap()
    }
}

/// The `flits` binary with a clean environment: no FLITS_* variables from the caller.
pub fn flits_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_flits"));
    for (key, _) in std::env::vars() {
        if key.starts_with("FLITS_") || key == "RUST_LOG" {
            cmd.env_remove(key);
        }
    }
    cmd
}

/// Stores one response to the poll `poll_id` as the collector would: a fresh submission id, the
/// channel its link named, the language, today's date.
pub async fn store_response(
    store: &Store,
    poll_id: uuid::Uuid,
    channel: Option<&str>,
    lang: &str,
    answers: serde_json::Value,
) {
    store
        .insert_response(flits_store::NewResponse {
            poll_id,
            submission_id: flits_types::SubmissionId::parse(&uuid::Uuid::new_v4().to_string())
                .unwrap(),
            channel: channel.map(|c| flits_types::ChannelId::parse(c).unwrap()),
            lang: lang.into(),
            answers,
            submitted_on: chrono::Utc::now().date_naive(),
        })
        .await
        .unwrap();
}
