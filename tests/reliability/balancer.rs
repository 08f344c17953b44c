//! Scale-out on PostgreSQL: two collectors and two job runners on one database behind nginx (a
//! real load balancer, started by the test). One collector is killed with SIGKILL mid-run; nginx
//! routes around it. No submission is lost or stored twice, and the poll the runners open at the
//! same moment is opened once and announced on its channel once.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use sqlx::Connection;
use tokio::sync::RwLock;

use crate::ledger::Ledger;
use crate::load::Load;
use crate::processes::{Flits, free_port, prepare_demo};
use crate::tools::{PgDatabase, is_root, nginx, postgres_url};

/// nginx in front of `upstreams`, listening on `port`, killed when dropped.
struct Nginx(Child);

impl Nginx {
    async fn start(binary: &Path, dir: &Path, port: u16, upstreams: &[u16]) -> Nginx {
        let servers: String = upstreams
            .iter()
            .map(|p| format!("    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n"))
            .collect();
        let d = dir.display();
        let user = if is_root() { "user root;\n" } else { "" };
        // One process in the foreground (no master and worker), so that killing the child stops
        // all of nginx. A submit carries its own submission id, so sending it again to the other collector
        // (`non_idempotent`) cannot store it twice.
        let conf = format!(
            "{user}master_process off;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log;\n\
             events {{ worker_connections 1024; }}\n\
             http {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n\
               fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n\
               upstream flits {{\n{servers}    keepalive 32;\n  }}\n\
               server {{\n    listen 127.0.0.1:{port};\n    location / {{\n\
                 proxy_pass http://flits;\n      proxy_http_version 1.1;\n\
                 proxy_set_header Connection \"\";\n      proxy_set_header X-Forwarded-For $remote_addr;\n\
                 proxy_connect_timeout 1s;\n\
                 proxy_next_upstream error timeout non_idempotent http_502 http_503;\n    }}\n  }}\n}}\n"
        );
        let conf_file = dir.join("nginx.conf");
        std::fs::write(&conf_file, conf).unwrap();
        let nginx = Nginx(
            Command::new(binary)
                .arg("-c")
                .arg(&conf_file)
                .arg("-p")
                .arg(dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let client = reqwest::Client::new();
        for _ in 0..100 {
            if client
                .get(format!("http://127.0.0.1:{port}/healthz"))
                .send()
                .await
                .is_ok_and(|r| r.status() == 200)
            {
                return nginx;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "nginx did not start:\n{}",
            std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
        );
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_collectors_and_two_runners_behind_nginx_lose_nothing_when_one_dies() {
    let _serial = crate::one_at_a_time().await;
    const TEST: &str =
        "balancer::two_collectors_and_two_runners_behind_nginx_lose_nothing_when_one_dies";
    let Some(server) = postgres_url() else {
        return crate::skip::skipped(TEST, "FLITS_TEST_POSTGRES_URL is not set");
    };
    let Some(nginx) = nginx() else {
        return crate::skip::skipped(TEST, "nginx is not installed");
    };
    let db = PgDatabase::create(&server).await;
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("flits.log");
    prepare_demo(&db.url, &log).await;

    let one = Flits::start(
        &db.url,
        free_port(),
        &["serve", "--only", "collector"],
        &log,
    )
    .await;
    let two = Flits::start(
        &db.url,
        free_port(),
        &["serve", "--only", "collector"],
        &log,
    )
    .await;
    // The runners post to a webhook channel; the demo's scheduled poll is linked to it.
    let (hook_url, hooks) = crate::webhook_receiver::receiver(Vec::new());
    let config = dir.path().join("flits.toml");
    std::fs::write(
        &config,
        format!(
            "[[channels]]\nid = \"intranet\"\nkind = \"webhook\"\nurl = \"{hook_url}\"\n\
             secret_env = \"RELIABILITY_HOOK_KEY\"\n"
        ),
    )
    .unwrap();
    let runner = ["serve", "--only", "runner"];
    let runner_env = [
        ("FLITS_RUNNER__TICK_SECONDS", "1"),
        ("FLITS_CONFIG", config.to_str().unwrap()),
        ("RELIABILITY_HOOK_KEY", "a-key-for-the-reliability-suite"),
    ];
    let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
    sqlx::query(
        "INSERT INTO poll_channels (poll_id, channel_id) \
         SELECT id, 'intranet' FROM polls WHERE slug = 'demo-gepland'",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    let runners = [
        Flits::start_with(&db.url, free_port(), &runner, &runner_env, &log).await,
        Flits::start_with(&db.url, free_port(), &runner, &runner_env, &log).await,
    ];
    // The scheduled poll becomes due in two seconds: both runners will try to open and announce it.
    sqlx::query(
        "UPDATE polls SET opens_at = now() + interval '2 seconds' WHERE slug = 'demo-gepland'",
    )
    .execute(&mut conn)
    .await
    .unwrap();

    let port = free_port();
    let balancer = Nginx::start(&nginx, dir.path(), port, &[one.port, two.port]).await;
    let load = Load::start(Arc::new(RwLock::new(format!("http://127.0.0.1:{port}"))));
    tokio::time::sleep(Duration::from_secs(3)).await;
    let killed_at = load.started.elapsed();
    one.kill();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let outcome = load.finish(Duration::from_secs(30)).await;
    drop(balancer);
    drop(two);
    // The announcement: give the runners a moment to deliver it, and then a little longer to
    // deliver it again, if they were going to.
    for _ in 0..150 {
        if !hooks.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    drop(runners);
    let announcements = hooks
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.headers.contains("x-flits-event: poll.announcement"))
        .count();

    let after: Vec<_> = outcome.events.iter().filter(|e| e.at > killed_at).collect();
    let recorded_after = after.iter().filter(|e| e.status == Some(201)).count();
    let failed_after = after
        .iter()
        .filter(|e| !matches!(e.status, Some(200 | 201)))
        .count();
    eprintln!(
        "balancer: {recorded_after} recorded after one collector was killed, {failed_after} \
         replies that were not 200/201 after the kill"
    );
    assert!(recorded_after > 0, "nothing was recorded after the kill");
    assert_eq!(
        failed_after, 0,
        "nginx did not route around the dead collector"
    );
    Ledger::of(&db.url, &outcome)
        .await
        .assert_exact("two collectors behind nginx, PostgreSQL");

    let (state, runs): (String, i64) = sqlx::query_as(
        "SELECT p.state, (SELECT count(*) FROM job_runs j WHERE j.poll_id = p.id AND j.kind = 'open') \
         FROM polls p WHERE p.slug = 'demo-gepland'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    eprintln!("balancer: the due poll is {state}, opened by {runs} job run(s)");
    assert_eq!(state, "open");
    assert_eq!(runs, 1, "the poll was opened more than once");
    eprintln!("balancer: the webhook channel got {announcements} announcement(s)");
    assert_eq!(
        announcements, 1,
        "the announcement was not posted exactly once"
    );
    conn.close().await.unwrap();
    db.drop().await;
}
