//! Starting, waiting for and killing `flits` processes.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A port nobody listens on right now (the kernel's choice; released before it is used).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The `flits` binary with a clean environment, rate limits off (the load comes from one address)
/// and its log kept to warnings.
pub fn flits(database_url: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_flits"));
    for (key, _) in std::env::vars() {
        if key.starts_with("FLITS_") || key == "RUST_LOG" {
            cmd.env_remove(key);
        }
    }
    cmd.env("FLITS_DATABASE_URL", database_url)
        .env("FLITS_RATE_LIMITS", "off")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null());
    cmd
}

/// A running `flits serve` (or `flits demo`), killed when dropped.
pub struct Flits {
    pub port: u16,
    child: Child,
}

impl Flits {
    /// Starts `flits ARGS` on `port` against `database_url` and waits until `/readyz` answers
    /// `200`, or panics with its stderr after 60 s.
    pub async fn start(database_url: &str, port: u16, args: &[&str], log: &Path) -> Flits {
        Flits::start_with(database_url, port, args, &[], log).await
    }

    /// [`Flits::start`] with extra environment variables (settings).
    pub async fn start_with(
        database_url: &str,
        port: u16,
        args: &[&str],
        env: &[(&str, &str)],
        log: &Path,
    ) -> Flits {
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .unwrap();
        let child = flits(database_url)
            .args(args)
            .env("FLITS_BIND", format!("127.0.0.1:{port}"))
            .env("FLITS_PUBLIC_URL", format!("http://127.0.0.1:{port}"))
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .unwrap();
        let mut flits = Flits { port, child };
        flits.wait_ready(log).await;
        flits
    }

    async fn wait_ready(&mut self, log: &Path) {
        let client = reqwest::Client::new();
        let url = format!("http://127.0.0.1:{}/readyz", self.port);
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!(
                    "flits stopped ({status}) before it was ready:\n{}",
                    std::fs::read_to_string(log).unwrap_or_default()
                );
            }
            if let Ok(res) = client
                .get(&url)
                .timeout(Duration::from_secs(2))
                .send()
                .await
                && res.status() == 200
            {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "flits was not ready after 60 s:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Kills the process with SIGKILL, as the kernel's OOM killer or a pulled plug would, and
    /// reaps it.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Flits {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Creates the demo (region, organisations, the open poll `demo`) in `database_url` by running
/// `flits demo` until it serves, then stops it.
pub async fn prepare_demo(database_url: &str, log: &Path) {
    Flits::start(database_url, free_port(), &["demo"], log)
        .await
        .kill();
}
