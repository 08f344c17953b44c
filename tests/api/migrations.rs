use crate::helpers::*;
use crate::on_both_backends;

on_both_backends!(
    migrations_apply_once_and_create_every_table,
    |backend| async move {
        let app = spawn_app(backend).await;
        let applied = app.store.applied_migrations().await.unwrap();
        assert!(applied.iter().any(|m| m.contains("initial")), "{applied:?}");
        // Starting again applies nothing new.
        assert_eq!(app.store.migrate().await.unwrap(), 0);
        // The tables are usable: the structure round-trips through them.
        app.store.upsert_region("ijmond", "IJmond").await.unwrap();
        app.store
            .upsert_organisation("velsen", "ijmond", "Gemeente Velsen")
            .await
            .unwrap();
        app.store
            .upsert_audience("ijmond", "IJmond", None, None)
            .await
            .unwrap();
        app.store
            .upsert_audience("velsen", "Velsen", Some("ijmond"), Some("velsen"))
            .await
            .unwrap();
        let audiences = app.store.audiences().await.unwrap();
        assert_eq!(audiences.len(), 2);
        assert_eq!(audiences[1].parent_id.as_deref(), Some("ijmond"));
    }
);

on_both_backends!(
    a_response_is_stored_once_per_submission_id,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        let new = flits_store::NewResponse {
            poll_id: poll.id,
            submission_id: flits_types::SubmissionId::parse("3f0c2a4e-5d1b-4c8e-9a57-1b2c3d4e5f60")
                .unwrap(),
            channel: Some(flits_types::ChannelId::parse("mastodon").unwrap()),
            lang: "nl".into(),
            answers: serde_json::json!({"tevreden": 4}),
            submitted_on: chrono::Utc::now().date_naive(),
        };
        assert!(app.store.insert_response(new.clone()).await.unwrap());
        assert!(!app.store.insert_response(new).await.unwrap());
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 1);
    }
);

#[test]
fn flits_migrate_applies_migrations_to_a_new_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("sub/dir/flits.db").display());
    let out = flits_command()
        .arg("migrate")
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(applied(&stdout) > 0, "{stdout}");
    let again = flits_command()
        .arg("migrate")
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert_eq!(applied(&String::from_utf8_lossy(&again.stdout)), 0);
}

/// The N of "N migration(s) applied" in `flits migrate`'s output.
fn applied(stdout: &str) -> usize {
    stdout
        .split_whitespace()
        .zip(stdout.split_whitespace().skip(1))
        .find(|(_, word)| *word == "migration(s)")
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or_else(|| panic!("no count of applied migrations in {stdout:?}"))
}
