//! The programs from outside the workspace that some tests need: PostgreSQL's server binaries and
//! nginx.

use std::path::PathBuf;

/// The PostgreSQL server URL tests may create databases on.
pub fn postgres_url() -> Option<String> {
    std::env::var("FLITS_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

/// The directory of `initdb`, `pg_ctl` and `postgres` of the newest installed PostgreSQL.
pub fn postgres_bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("pg_ctl").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// nginx, when installed.
pub fn nginx() -> Option<PathBuf> {
    ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Whether this process runs as root (then PostgreSQL's tools run as the `postgres` user).
pub fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A database of its own on the shared PostgreSQL server; [`PgDatabase::drop`] removes it.
pub struct PgDatabase {
    pub url: String,
    server: String,
    name: String,
}

impl PgDatabase {
    pub async fn create(server: &str) -> PgDatabase {
        use sqlx::Connection;
        let name = format!("flits_rel_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(server).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .await
            .unwrap();
        let mut url = url::Url::parse(server).unwrap();
        url.set_path(&format!("/{name}"));
        PgDatabase {
            url: url.to_string(),
            server: server.to_owned(),
            name,
        }
    }

    pub async fn drop(self) {
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(&self.server).await.unwrap();
        let _ = sqlx::query(&format!(
            "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
            self.name
        ))
        .execute(&mut conn)
        .await;
    }
}
