//! Issue 14, "Staff accounts cannot be switched off" and "Password strength": disabling and
//! deleting accounts (UI and CLI), every way in refused at once, the calendar feed ended by a
//! password reset or role change, admins seeing and revoking every token, weak passwords refused
//! with the estimator's reasons in the reader's language, and CLI actions naming their operator.

use std::io::Write;
use std::process::{Output, Stdio};

use serde_json::Value;

use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::{PASSWORD, Session, login, staff_fixture, try_login};

/// `POST` a staff form with the session's cookie and CSRF token (and `fields`).
async fn post_form(
    app: &TestApp,
    session: &Session,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = vec![("_csrf", session.csrf.as_str())];
    form.extend_from_slice(fields);
    app.client
        .post(format!("{}{path}", app.address))
        .header("cookie", &session.cookie)
        .form(&form)
        .send()
        .await
        .unwrap()
}

async fn get_page(app: &TestApp, session: &Session, path: &str) -> reqwest::Response {
    app.client
        .get(format!("{}{path}", app.address))
        .header("cookie", &session.cookie)
        .send()
        .await
        .unwrap()
}

async fn api_get(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.client
        .get(format!("{}{path}", app.address))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

/// A new calendar feed for the session's account: its path with the secret.
async fn new_feed(app: &TestApp, session: &Session) -> String {
    let res = post_form(app, session, "/staff/calendar/feed", &[]).await;
    assert_eq!(res.status(), 201);
    let html = res.text().await.unwrap();
    let url = html
        .split("<code id=\"feed-url\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .replace("&amp;", "&")
        .replace("&#x3D;", "=");
    let path = url.split_once("/calendar.ics").unwrap().1;
    format!("/calendar.ics{path}")
}

async fn user_id(app: &TestApp, email: &str) -> uuid::Uuid {
    app.store
        .staff_user_by_email(email)
        .await
        .unwrap()
        .unwrap()
        .id
}

on_both_backends!(
    a_disabled_account_is_refused_at_once_everywhere,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let (comms_email, comms_token) = (&users[1].1, &users[1].2);
        let admin = login(&app, &users[2].1, PASSWORD).await;
        let comms = login(&app, comms_email, PASSWORD).await;
        let feed = new_feed(&app, &comms).await;
        assert_eq!(get_page(&app, &comms, "/staff").await.status(), 200);
        assert_eq!(
            api_get(&app, comms_token, "/api/v1/admin/me")
                .await
                .status(),
            200
        );
        assert_eq!(app.get(&feed).await.status(), 200);

        let id = user_id(&app, comms_email).await;
        let res = post_form(&app, &admin, &format!("/staff/users/{id}/disable"), &[]).await;
        assert_eq!(res.status(), 303);

        // The very next request of each kind is refused: session, API token, calendar feed.
        assert_eq!(get_page(&app, &comms, "/staff").await.status(), 401);
        assert_eq!(
            api_get(&app, comms_token, "/api/v1/admin/me")
                .await
                .status(),
            401
        );
        assert_eq!(app.get(&feed).await.status(), 401);
        // Logging in again does not help; only who knows the password learns why.
        let res = try_login(&app, comms_email, PASSWORD).await;
        assert_eq!(res.status(), 403);
        assert!(res.text().await.unwrap().contains("uitgeschakeld"));
        let res = try_login(&app, comms_email, "verkeerd wachtwoord 123").await;
        assert_eq!(res.status(), 401);

        let page = get_page(&app, &admin, "/staff/users")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("uitgeschakeld sinds"), "{page}");
        let audit = app.store.audit_entries(50).await.unwrap();
        let entry = audit.iter().find(|e| e.action == "user.disabled").unwrap();
        assert_eq!(entry.actor_email.as_deref(), Some(users[2].1.as_str()));
        assert_eq!(entry.details["email"], comms_email.as_str());

        // An admin cannot switch off (or delete) their own account.
        let admin_id = user_id(&app, &users[2].1).await;
        let res = post_form(
            &app,
            &admin,
            &format!("/staff/users/{admin_id}/disable"),
            &[],
        )
        .await;
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains("eigen account"));
        let res = post_form(
            &app,
            &admin,
            &format!("/staff/users/{admin_id}/delete"),
            &[("confirm", "yes")],
        )
        .await;
        assert_eq!(res.status(), 422);
        assert_eq!(get_page(&app, &admin, "/staff").await.status(), 200);

        // Switched on again: the token works again; the session and the feed stay ended.
        let res = post_form(&app, &admin, &format!("/staff/users/{id}/enable"), &[]).await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            api_get(&app, comms_token, "/api/v1/admin/me")
                .await
                .status(),
            200
        );
        assert_eq!(get_page(&app, &comms, "/staff").await.status(), 401);
        assert_eq!(app.get(&feed).await.status(), 401);
        login(&app, comms_email, PASSWORD).await;
        let audit = app.store.audit_entries(50).await.unwrap();
        assert!(audit.iter().any(|e| e.action == "user.enabled"));
    }
);

on_both_backends!(
    a_deleted_account_is_gone_and_its_audit_entries_stay,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let (comms_email, comms_token) = (&users[1].1, &users[1].2);
        let admin = login(&app, &users[2].1, PASSWORD).await;
        let comms = login(&app, comms_email, PASSWORD).await;
        // Something the account did, in the audit log under its address.
        let res = post_form(&app, &comms, "/staff/tokens", &[("name", "nieuwsbrief")]).await;
        assert_eq!(res.status(), 201);

        let id = user_id(&app, comms_email).await;
        // Without "I am sure", nothing happens.
        let res = post_form(&app, &admin, &format!("/staff/users/{id}/delete"), &[]).await;
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains("Ik weet het zeker"));
        assert!(app.store.staff_user(id).await.unwrap().is_some());

        let res = post_form(
            &app,
            &admin,
            &format!("/staff/users/{id}/delete"),
            &[("confirm", "yes")],
        )
        .await;
        assert_eq!(res.status(), 303);
        assert!(app.store.staff_user(id).await.unwrap().is_none());
        assert!(app.store.api_tokens_of(id).await.unwrap().is_empty());
        assert_eq!(
            api_get(&app, comms_token, "/api/v1/admin/me")
                .await
                .status(),
            401
        );
        assert_eq!(get_page(&app, &comms, "/staff").await.status(), 401);
        let res = try_login(&app, comms_email, PASSWORD).await;
        assert_eq!(res.status(), 401);

        let audit = app.store.audit_entries(50).await.unwrap();
        assert!(
            audit.iter().any(|e| e.action == "token.created"
                && e.actor_email.as_deref() == Some(comms_email.as_str())),
            "the deleted account's own entries stay: {audit:?}"
        );
        let deleted = audit.iter().find(|e| e.action == "user.deleted").unwrap();
        assert_eq!(deleted.actor_email.as_deref(), Some(users[2].1.as_str()));
        assert_eq!(deleted.details["email"], comms_email.as_str());
        assert_eq!(deleted.details["user_id"], id.to_string());
        let page = get_page(&app, &admin, "/staff/audit")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("user.deleted"));

        // The address can be given a new account, which is a different one.
        let res = post_form(
            &app,
            &admin,
            "/staff/users",
            &[
                ("email", comms_email),
                ("role", "analyst"),
                ("organisation", "velsen"),
                ("password", ""),
            ],
        )
        .await;
        assert_eq!(res.status(), 303);
        assert_ne!(user_id(&app, comms_email).await, id);
    }
);

on_both_backends!(
    a_password_reset_or_role_change_ends_the_calendar_feed_and_sessions,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let comms_email = users[1].1.as_str();
        let admin = login(&app, &users[2].1, PASSWORD).await;
        let save = |role: &'static str, password: &'static str| {
            let admin = &admin;
            let app = &app;
            async move {
                let res = post_form(
                    app,
                    admin,
                    "/staff/users",
                    &[
                        ("email", comms_email),
                        ("role", role),
                        ("organisation", "velsen"),
                        ("password", password),
                    ],
                )
                .await;
                assert_eq!(res.status(), 303);
            }
        };

        // Saving the account unchanged keeps everything working.
        let comms = login(&app, comms_email, PASSWORD).await;
        let feed = new_feed(&app, &comms).await;
        save("comms", "").await;
        assert_eq!(app.get(&feed).await.status(), 200);
        assert_eq!(get_page(&app, &comms, "/staff").await.status(), 200);

        // A role change: the feed and the session end; the password stays.
        save("analyst", "").await;
        assert_eq!(app.get(&feed).await.status(), 401);
        assert_eq!(get_page(&app, &comms, "/staff").await.status(), 401);
        let analyst = login(&app, comms_email, PASSWORD).await;

        // A password reset: the same.
        let feed = new_feed(&app, &analyst).await;
        assert_eq!(app.get(&feed).await.status(), 200);
        save("analyst", "nieuwe fietsenstalling bij het station").await;
        assert_eq!(app.get(&feed).await.status(), 401);
        assert_eq!(get_page(&app, &analyst, "/staff").await.status(), 401);
        login(&app, comms_email, "nieuwe fietsenstalling bij het station").await;

        let audit = app.store.audit_entries(50).await.unwrap();
        let saved: Vec<&Value> = audit
            .iter()
            .filter(|e| e.action == "user.saved")
            .map(|e| &e.details)
            .collect();
        assert!(
            saved
                .iter()
                .any(|d| d["password_changed"] == true && d["sessions_and_feed_ended"] == true),
            "{saved:?}"
        );
    }
);

on_both_backends!(admins_see_and_revoke_every_token, |backend| async move {
    let app = spawn_app(backend).await;
    let users = staff_fixture(&app).await;
    let (comms_token, admin_token) = (&users[1].2, &users[2].2);

    let res = api_get(&app, admin_token, "/api/v1/admin/tokens").await;
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    for (_, _, token) in &users {
        assert!(
            !text.contains(token.as_str()),
            "a token's secret is never shown"
        );
    }
    let body: Value = serde_json::from_str(&text).unwrap();
    let tokens = body["tokens"].as_array().unwrap();
    assert_eq!(tokens.len(), 3);
    let mut owners: Vec<&str> = tokens
        .iter()
        .map(|t| t["owner"].as_str().unwrap())
        .collect();
    owners.sort();
    assert_eq!(
        owners,
        [
            "admin@velsen.example",
            "analyst@velsen.example",
            "comms@velsen.example"
        ]
    );
    let comms_entry = tokens
        .iter()
        .find(|t| t["owner"] == "comms@velsen.example")
        .unwrap();
    assert_eq!(comms_entry["name"], "test");
    assert!(comms_entry["created_at"].is_string());
    assert_eq!(comms_entry["revoked_at"], Value::Null);
    assert_eq!(
        api_get(&app, comms_token, "/api/v1/admin/tokens")
            .await
            .status(),
        403
    );

    let id = comms_entry["id"].as_str().unwrap();
    let delete = |id: String| {
        let app = &app;
        async move {
            app.client
                .delete(format!("{}/api/v1/admin/tokens/{id}", app.address))
                .bearer_auth(admin_token)
                .header("accept-language", "en")
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(delete(id.to_owned()).await.status(), 204);
    assert_eq!(
        api_get(&app, comms_token, "/api/v1/admin/me")
            .await
            .status(),
        401
    );
    assert_eq!(
        delete(id.to_owned()).await.status(),
        204,
        "again: still revoked"
    );
    let res = delete(uuid::Uuid::new_v4().to_string()).await;
    assert_eq!(res.status(), 404);
    let error: Value = res.json().await.unwrap();
    assert_eq!(error["error"]["code"], "not_found");
    assert_eq!(
        error["error"]["message"],
        "There is no API token with this id."
    );
    let audit = app.store.audit_entries(20).await.unwrap();
    assert_eq!(
        audit.iter().filter(|e| e.action == "token.revoked").count(),
        1
    );

    // The same in the UI: every owner's tokens, and revoking another's.
    let admin = login(&app, &users[2].1, PASSWORD).await;
    let page = get_page(&app, &admin, "/staff/users/tokens").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("analyst@velsen.example") && html.contains("comms@velsen.example"));
    assert!(!html.contains(users[0].2.as_str()));
    let analyst_token = tokens
        .iter()
        .find(|t| t["owner"] == "analyst@velsen.example")
        .unwrap()["id"]
        .as_str()
        .unwrap();
    let res = post_form(
        &app,
        &admin,
        &format!("/staff/users/tokens/{analyst_token}/revoke"),
        &[],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        api_get(&app, &users[0].2, "/api/v1/admin/me")
            .await
            .status(),
        401
    );
});

on_both_backends!(
    a_weak_password_is_refused_with_the_estimators_reasons_in_the_readers_language,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let admin = login(&app, &users[2].1, PASSWORD).await;
        let add = |email: &'static str, password: &'static str, lang: &'static str| {
            let admin = &admin;
            let app = &app;
            async move {
                post_form(
                    app,
                    admin,
                    &format!("/staff/users?lang={lang}"),
                    &[
                        ("email", email),
                        ("role", "comms"),
                        ("organisation", "velsen"),
                        ("password", password),
                    ],
                )
                .await
            }
        };
        let res = add("nieuw@velsen.example", "aaaaaaaaaaaa", "nl").await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("te makkelijk te raden"), "{html}");
        assert!(
            html.contains("Herhalingen zoals"),
            "the warning, in Dutch: {html}"
        );
        assert!(
            !html.contains("easy to guess"),
            "no English for Dutch staff"
        );
        let res = add("nieuw@velsen.example", "aaaaaaaaaaaa", "en").await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("too easy to guess") && html.contains("Repeats like"));
        // The account's own address makes no password.
        let res = add(
            "marjolein.vandersteen@velsen.example",
            "marjoleinvandersteen",
            "nl",
        )
        .await;
        assert_eq!(res.status(), 422);
        assert!(
            app.store
                .staff_user_by_email("nieuw@velsen.example")
                .await
                .unwrap()
                .is_none()
        );
        let res = add(
            "nieuw@velsen.example",
            "zeven blauwe reigers op de pier",
            "nl",
        )
        .await;
        assert_eq!(res.status(), 303);
    }
);

/// A SQLite database with the IJmond structure and one comms account with a token.
fn cli_database(dir: &tempfile::TempDir) -> (String, String) {
    let url = format!("sqlite:{}", dir.path().join("flits.db").display());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let token = rt.block_on(async {
        let store = flits_store::Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        store.upsert_region("ijmond", "IJmond").await.unwrap();
        store
            .upsert_organisation("velsen", "ijmond", "Gemeente Velsen")
            .await
            .unwrap();
        let user = store
            .upsert_staff_user("anna@velsen.nl", "velsen", "comms", None)
            .await
            .unwrap();
        let token = flits_staff::secrets::new_api_token();
        store
            .create_api_token(
                user.id,
                "script",
                &flits_staff::secrets::hash_secret(&token),
            )
            .await
            .unwrap();
        store.close().await.unwrap();
        token
    });
    (url, token)
}

fn flits(url: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = flits_command()
        .args(args)
        .env("FLITS_DATABASE_URL", url)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn with_store<T>(url: &str, f: impl AsyncFnOnce(&flits_store::Store) -> T) -> T {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = flits_store::Store::connect(url).await.unwrap();
        let out = f(&store).await;
        store.close().await.unwrap();
        out
    })
}

#[test]
fn the_cli_switches_accounts_off_and_on_and_deletes_them_naming_the_operator() {
    let dir = tempfile::tempdir().unwrap();
    let (url, token) = cli_database(&dir);
    let operator = flits::operator::cli_actor();
    let hash = flits_staff::secrets::hash_secret(&token);

    let out = flits(&url, &["user", "disable", "Anna@Velsen.nl"], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Uitgeschakeld: anna@velsen.nl"));
    with_store(&url, async |store| {
        let anna = store
            .staff_user_by_email("anna@velsen.nl")
            .await
            .unwrap()
            .unwrap();
        assert!(anna.is_disabled());
        assert!(store.api_token_owner(&hash).await.unwrap().is_none());
        let audit = store.audit_entries(10).await.unwrap();
        assert_eq!(audit[0].action, "user.disabled");
        assert_eq!(audit[0].actor_email.as_deref(), Some(operator.as_str()));
    });
    // A token for a disabled account would not work: none is made.
    let out = flits(&url, &["token", "create", "anna@velsen.nl"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());

    let out = flits(
        &url,
        &["user", "enable", "anna@velsen.nl", "--lang", "en"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Switched on: anna@velsen.nl"));
    with_store(&url, async |store| {
        assert!(store.api_token_owner(&hash).await.unwrap().is_some());
    });
    let out = flits(&url, &["token", "create", "anna@velsen.nl"], None);
    assert_eq!(out.status.code(), Some(0));

    let out = flits(&url, &["user", "delete", "anna@velsen.nl"], None);
    assert_eq!(out.status.code(), Some(0));
    with_store(&url, async |store| {
        assert!(
            store
                .staff_user_by_email("anna@velsen.nl")
                .await
                .unwrap()
                .is_none()
        );
        assert!(store.api_token_owner(&hash).await.unwrap().is_none());
        let audit = store.audit_entries(10).await.unwrap();
        let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(
            actions,
            [
                "user.deleted",
                "token.created",
                "user.enabled",
                "user.disabled"
            ],
            "every earlier entry stays"
        );
        assert!(
            audit
                .iter()
                .all(|e| e.actor_email.as_deref() == Some(operator.as_str())),
            "{audit:?}"
        );
        assert_eq!(audit[0].details["email"], "anna@velsen.nl");
    });
    let out = flits(&url, &["user", "disable", "anna@velsen.nl"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Er is geen account anna@velsen.nl"));
}

#[test]
fn the_cli_refuses_weak_passwords_and_sets_strong_ones_naming_the_operator() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _) = cli_database(&dir);
    let add = [
        "user",
        "add",
        "piet@velsen.nl",
        "--role",
        "comms",
        "--org",
        "velsen",
    ];
    let mut with_stdin = add.to_vec();
    with_stdin.push("--password-stdin");
    let out = flits(&url, &with_stdin, Some("aaaaaaaaaaaa\n"));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Dit wachtwoord is te makkelijk te raden.")
            && stderr.contains("Herhalingen zoals \"aaa\""),
        "{stderr}"
    );
    let out = flits(&url, &with_stdin, Some("piet@velsen.nl\n"));
    assert_eq!(out.status.code(), Some(2), "the account's own address");
    let out = flits(&url, &with_stdin, Some("zeven blauwe reigers op de pier\n"));
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    let out = flits(
        &url,
        &["user", "passwd", "piet@velsen.nl", "--lang", "en"],
        Some("qwertyuiop12\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("too easy to guess"));
    let out = flits(
        &url,
        &["user", "passwd", "piet@velsen.nl"],
        Some("oranje kraanvogels boven het ijsselmeer\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let operator = flits::operator::cli_actor();
    with_store(&url, async |store| {
        let piet = store
            .staff_user_by_email("piet@velsen.nl")
            .await
            .unwrap()
            .unwrap();
        assert!(flits::accounts::verify_password(
            "oranje kraanvogels boven het ijsselmeer",
            piet.password_hash.as_deref().unwrap()
        ));
        let audit = store.audit_entries(10).await.unwrap();
        assert_eq!(audit[0].action, "user.password_set");
        assert_eq!(audit[1].action, "user.saved");
        for entry in &audit[..2] {
            assert_eq!(entry.actor_email.as_deref(), Some(operator.as_str()));
        }
    });
    // Re-running `user add` without a password keeps the one set.
    let out = flits(&url, &add, None);
    assert_eq!(out.status.code(), Some(0));
    with_store(&url, async |store| {
        let piet = store
            .staff_user_by_email("piet@velsen.nl")
            .await
            .unwrap()
            .unwrap();
        assert!(piet.password_hash.is_some());
    });
}
