//! Database outage: the suite's own PostgreSQL cluster (on a port of its own, so the shared server
//! of the other tests is left alone) is stopped for 10 s while 64 clients submit. Meanwhile the
//! collector answers `503` with `Retry-After` (not `500`, not a hang), and it takes submissions
//! again within 5 s of the database's return, without a restart.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::RwLock;

use crate::ledger::Ledger;
use crate::load::Load;
use crate::processes::{Flits, free_port, prepare_demo};
use crate::tools::{is_root, postgres_bin_dir};

/// How long the database is away.
const OUTAGE: Duration = Duration::from_secs(10);
/// How soon after the database is back the collector must record submissions again.
const RECOVERY: Duration = Duration::from_secs(5);
/// The longest a reply may take while the database is away: a client must not hang.
const LONGEST_REPLY: Duration = Duration::from_secs(10);

/// A PostgreSQL cluster in a temporary directory, run as the `postgres` user when the suite runs
/// as root (the server refuses to run as root).
struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Cluster {
    fn create(bin: PathBuf) -> Cluster {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        if is_root() {
            run(Command::new("chown").arg("postgres").arg(dir.path()));
        }
        let port = free_port();
        let cluster = Cluster {
            bin,
            data,
            port,
            _dir: dir,
        };
        run(&mut cluster.tool(
            "initdb",
            &[
                "-D",
                cluster.data.to_str().unwrap(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
            ],
        ));
        cluster.start();
        cluster
    }

    fn tool(&self, name: &str, args: &[&str]) -> Command {
        let program = self.bin.join(name);
        let mut cmd = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        cmd.args(args);
        cmd
    }

    fn socket_dir(&self) -> &Path {
        self.data.parent().unwrap()
    }

    fn start(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1",
            self.port,
            self.socket_dir().display()
        );
        let log = self.socket_dir().join("postgres.log");
        run(&mut self.tool(
            "pg_ctl",
            &[
                "-D",
                self.data.to_str().unwrap(),
                "-o",
                &options,
                "-l",
                log.to_str().unwrap(),
                "-w",
                "start",
            ],
        ));
    }

    fn stop(&self) {
        run(&mut self.tool(
            "pg_ctl",
            &[
                "-D",
                self.data.to_str().unwrap(),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
        ));
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .tool(
                "pg_ctl",
                &["-D", self.data.to_str().unwrap(), "-m", "immediate", "stop"],
            )
            .output();
    }
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_collector_answers_503_while_postgres_is_away_and_recovers_by_itself() {
    let _serial = crate::one_at_a_time().await;
    let Some(bin) = postgres_bin_dir() else {
        return crate::skip::skipped(
            "outage::the_collector_answers_503_while_postgres_is_away_and_recovers_by_itself",
            "PostgreSQL's server programs (/usr/lib/postgresql/*/bin) are not installed",
        );
    };
    let cluster = tokio::task::spawn_blocking(move || Cluster::create(bin))
        .await
        .unwrap();
    let url = cluster.url();
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("flits.log");
    prepare_demo(&url, &log).await;
    let server = Flits::start(&url, free_port(), &["serve"], &log).await;
    let load = Load::start(Arc::new(RwLock::new(server.base())));

    tokio::time::sleep(Duration::from_secs(2)).await;
    let cluster = tokio::task::spawn_blocking(move || {
        cluster.stop();
        cluster
    })
    .await
    .unwrap();
    let stopped_at = load.started.elapsed();
    tokio::time::sleep(OUTAGE).await;
    let back = Instant::now();
    let cluster = tokio::task::spawn_blocking(move || {
        cluster.start();
        cluster
    })
    .await
    .unwrap();
    let back_at = load.started.elapsed() - back.elapsed();
    tokio::time::sleep(RECOVERY + Duration::from_secs(2)).await;
    let outcome = load.finish(Duration::from_secs(30)).await;
    drop(server);

    // Away: from a moment after the stop (requests in flight then may still finish) until the
    // cluster was started again.
    let away: Vec<_> = outcome
        .events
        .iter()
        .filter(|e| e.at > stopped_at + Duration::from_secs(1) && e.at < back_at)
        .collect();
    let refused = away
        .iter()
        .filter(|e| e.status == Some(503) && e.retry_after)
        .count();
    let recovered_after = outcome
        .events
        .iter()
        .find(|e| e.at > back_at && e.status == Some(201))
        .map(|e| e.at - back_at);
    let slowest = away.iter().map(|e| e.latency).max().unwrap_or_default();
    eprintln!(
        "outage, PostgreSQL: {} replies while away, {refused} of them 503 with Retry-After, slowest \
         {slowest:?}; first submission recorded {recovered_after:?} after the database was back",
        away.len()
    );
    assert!(
        !away.is_empty(),
        "no request was answered while the database was away"
    );
    let wrong: Vec<_> = away
        .iter()
        .filter(|e| !(e.status == Some(503) && e.retry_after))
        .collect();
    assert!(
        wrong.is_empty(),
        "while the database was away, replies other than 503 with Retry-After: {wrong:?}"
    );
    assert!(slowest < LONGEST_REPLY, "a reply took {slowest:?}");
    let recovered_after =
        recovered_after.expect("nothing was recorded after the database came back");
    assert!(
        recovered_after <= RECOVERY,
        "recovered only {recovered_after:?} after the database came back"
    );
    Ledger::of(&url, &outcome)
        .await
        .assert_exact("outage, PostgreSQL");
    drop(cluster);
}
