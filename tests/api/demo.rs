//! `flits demo`: zero configuration, idempotent, and the printed URL serves the poll.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::helpers::*;
use crate::on_both_backends;

async fn counts(store: &flits_store::Store) -> (usize, usize, usize, u64, u64) {
    (
        store.regions().await.unwrap().len(),
        store.organisations().await.unwrap().len(),
        store.audiences().await.unwrap().len(),
        store.count_polls().await.unwrap(),
        store.count_staff_users().await.unwrap(),
    )
}

on_both_backends!(demo_is_idempotent, |backend| async move {
    let app = spawn_app(backend).await;
    let first = flits::demo::prepare(&app.store).await.unwrap();
    let after_first = counts(&app.store).await;
    assert_eq!(after_first, (1, 3, 4, 2, 1));
    let second = flits::demo::prepare(&app.store).await.unwrap();
    assert_eq!(counts(&app.store).await, after_first);
    assert_ne!(
        first.admin_password, second.admin_password,
        "each run prints a fresh, working password"
    );

    let open = app.store.poll_by_slug("demo").await.unwrap().unwrap();
    assert_eq!(open.state, flits_survey::PollState::Open);
    assert_eq!(
        app.store.poll_audiences(open.id).await.unwrap(),
        vec!["ijmond".to_owned()]
    );
    let scheduled = app
        .store
        .poll_by_slug("demo-gepland")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(scheduled.state, flits_survey::PollState::Scheduled);
    assert!(scheduled.opens_at.unwrap() > open.closes_at.unwrap());
    let user = app
        .store
        .staff_user_by_email(&second.admin_email)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.role, "admin");
    assert!(flits::accounts::verify_password(
        &second.admin_password,
        user.password_hash.as_deref().unwrap()
    ));
});

/// Starts `flits demo` as a user would and returns the printed poll URL and the child.
fn start_demo(db_url: &str) -> (String, std::process::Child) {
    let mut child = flits_command()
        .arg("demo")
        .env("FLITS_DATABASE_URL", db_url)
        .env("FLITS_BIND", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut url = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(rest) = line.trim().strip_prefix("Poll:") {
            url = Some(rest.trim().to_owned());
        }
        if line.starts_with("Press Ctrl-C") {
            break;
        }
    }
    (url.expect("the demo prints the poll URL"), child)
}

on_both_backends!(
    the_demo_command_serves_the_printed_url_twice_without_duplicates,
    |backend| async move {
        let db = TestDb::new(backend).await;
        for _ in 0..2 {
            let (url, mut child) = start_demo(&db.url);
            assert!(url.ends_with("/p/demo"), "{url}");
            let res = reqwest::get(&url).await.unwrap();
            assert_eq!(res.status(), 200);
            let body = res.text().await.unwrap();
            assert!(body.contains("Meer groen in uw buurt?"));
            child.kill().unwrap();
            child.wait().unwrap();
        }
        let store = flits_store::Store::connect(&db.url).await.unwrap();
        assert_eq!(counts(&store).await, (1, 3, 4, 2, 1));
        store.close().await.unwrap();
    }
);
