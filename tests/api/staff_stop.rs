//! Stopping what is planned (docs/api.md, "Stopping a poll"): a scheduled poll cancelled (back to
//! draft, its slot freed) and an open poll closed now, over the staff API, on the poll's page and
//! with `flits poll cancel|close`; each needs a reason, refuses the wrong state with `409` and its
//! code, is audit-logged, and an early close puts a short notice for each announcing channel in the
//! outbox, which the bridge then posts in the announcement's thread.

use std::collections::BTreeMap;
use std::process::Output;

use chrono::{TimeDelta, Utc};
use flits::startup::Service;
use flits_runner::delivery::Outbox;
use flits_runner::run_due_jobs;
use flits_store::Poll;
use flits_survey::PollState;
use secrecy::SecretString;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::on_both_backends;
use crate::scheduler_support::{placed, seed};
use crate::staff_access::{PASSWORD, login, staff_fixture};
use crate::webhook_receiver::receiver;

const HOOK: &str = "webhook-velsen";

fn hook_setting(url: &str) -> flits_bridge::ChannelSetting {
    serde_json::from_value(json!(
        {"id": HOOK, "kind": "webhook", "url": url, "secret_env": "HOOK_SECRET"}
    ))
    .unwrap()
}

fn outbox(url: &str) -> Outbox {
    let secrets = BTreeMap::from([(
        "HOOK_SECRET".to_owned(),
        SecretString::from("a-long-webhook-secret".to_owned()),
    )]);
    let channel = flits_bridge::connect_with(
        &hook_setting(url),
        &flits_bridge::ClientOptions::default(),
        &secrets,
    )
    .unwrap();
    Outbox::new(
        vec![channel],
        "https://peiling.example.nl".parse().unwrap(),
        std::time::Duration::from_secs(300),
    )
}

/// A scheduled poll of Velsen, ten days ahead.
async fn scheduled(app: &TestApp, slug: &str) -> Poll {
    let opens = Utc::now() + TimeDelta::days(10);
    placed(
        &app.store,
        slug,
        &["velsen"],
        PollState::Scheduled,
        opens,
        opens + TimeDelta::days(7),
        &[HOOK],
    )
    .await
}

/// An open poll of Velsen on the webhook, opened by the runner's job (which queues its
/// announcement).
async fn open(app: &TestApp, slug: &str) -> Poll {
    let now = Utc::now();
    let poll = placed(
        &app.store,
        slug,
        &["velsen"],
        PollState::Scheduled,
        now - TimeDelta::minutes(1),
        now + TimeDelta::days(7),
        &[HOOK],
    )
    .await;
    run_due_jobs(&app.store, now).await.unwrap();
    poll
}

async fn stop(app: &TestApp, token: &str, slug: &str, what: &str, body: Value) -> (u16, Value) {
    let res = app
        .client
        .post(format!("{}/api/v1/admin/polls/{slug}/{what}", app.address))
        .bearer_auth(token)
        .header("accept-language", "en")
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn audit_of(app: &TestApp, action: &str, slug: &str) -> Vec<flits_store::AuditEntry> {
    app.store
        .audit_entries(500)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == action && e.poll_slug.as_deref() == Some(slug))
        .collect()
}

async fn state_of(app: &TestApp, slug: &str) -> Poll {
    app.store.poll_by_slug(slug).await.unwrap().unwrap()
}

on_both_backends!(
    the_api_cancels_a_scheduled_poll_and_frees_its_slot,
    |backend| async move {
        let (hook, _) = receiver(vec![]);
        let app = spawn_services_on(
            TestDb::new(backend).await,
            &[Service::Collector, Service::Staff],
            |s| s.channels = vec![hook_setting(&hook)],
        )
        .await;
        let users = staff_fixture(&app).await;
        let (analyst, comms) = (&users[0].2, &users[1].2);
        let poll = scheduled(&app, "te-vroeg").await;

        // Analysts may not stop polls.
        let (status, _) = stop(&app, analyst, "te-vroeg", "cancel", json!({"reason": "x"})).await;
        assert_eq!(status, 403);
        // A reason is required: missing, blank, or too long.
        for body in [json!({}), json!({"reason": "   "})] {
            let (status, body) = stop(&app, comms, "te-vroeg", "cancel", body).await;
            assert_eq!(status, 422, "{body}");
            assert_eq!(body["error"]["code"], "reason_required", "{body}");
        }
        let (status, body) = stop(
            &app,
            comms,
            "te-vroeg",
            "cancel",
            json!({"reason": "x".repeat(501)}),
        )
        .await;
        assert_eq!(
            (status, &body["error"]["code"]),
            (422, &json!("reason_too_long"))
        );
        assert_eq!(state_of(&app, "te-vroeg").await.state, PollState::Scheduled);
        // A scheduled poll cannot be closed.
        let (status, body) = stop(&app, comms, "te-vroeg", "close", json!({"reason": "x"})).await;
        assert_eq!(status, 409);
        assert_eq!(body["error"]["code"], "not_open");
        assert_eq!(body["error"]["details"]["state"], "scheduled");

        let (status, body) = stop(
            &app,
            comms,
            "te-vroeg",
            "cancel",
            json!({"reason": " Het raadsbesluit is uitgesteld "}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["state"], "draft");
        assert_eq!(body["notices"], 0);
        assert!(
            body["message"].as_str().unwrap().contains("cancelled"),
            "{body}"
        );
        let after = state_of(&app, "te-vroeg").await;
        assert_eq!(after.state, PollState::Draft);
        assert_eq!((after.opens_at, after.closes_at), (None, None));
        // Its slot is free: it holds no place on the calendar any more.
        let lock = app.store.lock_scheduling().await.unwrap();
        let calendar = lock.calendar_polls(Utc::now()).await.unwrap();
        lock.release().await.unwrap();
        assert!(calendar.iter().all(|p| p.id != poll.id));
        // Audit-logged with who, why and the times it had.
        let audit = audit_of(&app, "poll.cancelled", "te-vroeg").await;
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0].actor_email.as_deref(), Some(users[1].1.as_str()));
        assert_eq!(audit[0].details["reason"], "Het raadsbesluit is uitgesteld");
        assert_eq!(audit[0].details["state"], "scheduled");
        assert!(audit[0].details["opens_at"].is_string());
        // No notice: nothing was announced.
        assert!(app.store.outbox_posts(poll.id).await.unwrap().is_empty());

        // Twice is a conflict with the state it is in now.
        let (status, body) = stop(&app, comms, "te-vroeg", "cancel", json!({"reason": "x"})).await;
        assert_eq!(status, 409);
        assert_eq!(body["error"]["code"], "not_scheduled");
        assert_eq!(body["error"]["details"]["state"], "draft");
        // And it can be scheduled again like any draft (after the demo's polls for the region).
        let opens = Utc::now() + TimeDelta::days(200);
        let res = app
            .client
            .post(format!(
                "{}/api/v1/admin/polls/te-vroeg/schedule",
                app.address
            ))
            .bearer_auth(comms)
            .json(&json!({"opens_at": opens, "closes_at": opens + TimeDelta::days(5)}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
        // Unknown or another organisation's poll: not found.
        let (status, _) = stop(
            &app,
            comms,
            "bestaat-niet",
            "cancel",
            json!({"reason": "x"}),
        )
        .await;
        assert_eq!(status, 404);
    }
);

on_both_backends!(
    the_api_closes_an_open_poll_and_the_channels_get_a_notice,
    |backend| async move {
        let (hook, seen) = receiver(vec![]);
        let app = spawn_services_on(
            TestDb::new(backend).await,
            &[Service::Collector, Service::Staff],
            |s| s.channels = vec![hook_setting(&hook)],
        )
        .await;
        let users = staff_fixture(&app).await;
        let admin = &users[2].2;
        let poll = open(&app, "incident").await;
        // The announcement goes out first.
        let report = outbox(&hook)
            .deliver_due(&app.store, Utc::now())
            .await
            .unwrap();
        assert_eq!(report.posted, 1, "{report:?}");

        // An open poll cannot be cancelled: it has answers.
        let (status, body) = stop(&app, admin, "incident", "cancel", json!({"reason": "x"})).await;
        assert_eq!(status, 409);
        assert_eq!(body["error"]["code"], "not_scheduled");
        assert_eq!(body["error"]["details"]["state"], "open");

        let before = Utc::now();
        let (status, body) = stop(
            &app,
            admin,
            "incident",
            "close",
            json!({"reason": "Incident in de wijk"}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["state"], "closed");
        assert_eq!(body["notices"], 1);
        let after = state_of(&app, "incident").await;
        assert_eq!(after.state, PollState::Closed);
        let closed_at = after.closes_at.unwrap();
        assert!(closed_at >= before - TimeDelta::seconds(1) && closed_at <= Utc::now());
        // The close is recorded as the runner's would be, so the runner leaves it alone.
        let jobs = app.store.job_runs(Some(poll.id)).await.unwrap();
        assert!(jobs.iter().any(|j| j.kind == "close" && j.status == "done"));
        assert!(jobs.iter().any(|j| j.kind == "publication_reminder"));
        run_due_jobs(&app.store, Utc::now() + TimeDelta::days(8))
            .await
            .unwrap();
        assert_eq!(state_of(&app, "incident").await.state, PollState::Closed);
        let audit = audit_of(&app, "poll.closed_early", "incident").await;
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0].details["reason"], "Incident in de wijk");
        assert_eq!(audit[0].details["state"], "open");

        // The notice is in the outbox, pending, and goes out as a reply to the announcement.
        let posts = app.store.outbox_posts(poll.id).await.unwrap();
        let notice = posts.iter().find(|p| p.purpose == "closed").unwrap();
        assert_eq!(
            (notice.channel_id.as_str(), notice.status.as_str()),
            (HOOK, "pending")
        );
        let report = outbox(&hook)
            .deliver_due(&app.store, Utc::now())
            .await
            .unwrap();
        assert_eq!(report.posted, 1, "{report:?}");
        let last = seen.lock().unwrap().last().unwrap().body.clone();
        let payload: Value = serde_json::from_str(&last).unwrap();
        assert_eq!(payload["event"], "poll.closed", "{payload}");
        assert!(payload["in_reply_to"].is_string(), "{payload}");
        let text = payload["text"].as_str().unwrap();
        assert!(text.contains("eerder gestopt"), "{text}");
        // The reason is for the audit log, not for residents.
        assert!(!text.contains("Incident"), "{text}");

        // Twice is a conflict.
        let (status, body) = stop(&app, admin, "incident", "close", json!({"reason": "x"})).await;
        assert_eq!(status, 409);
        assert_eq!(body["error"]["code"], "not_open");
        assert_eq!(body["error"]["details"]["state"], "closed");
        assert_eq!(
            audit_of(&app, "poll.closed_early", "incident").await.len(),
            1
        );
    }
);

on_both_backends!(
    the_poll_page_stops_a_poll_with_a_reason,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let comms = login(&app, &users[1].1, PASSWORD).await;
        let analyst = login(&app, &users[0].1, PASSWORD).await;
        scheduled(&app, "pagina-plan").await;
        open(&app, "pagina-open").await;
        let page = |session: &crate::staff_access::Session, path: String| {
            let req = app
                .client
                .get(format!("{}{path}", app.address))
                .header("cookie", &session.cookie);
            async move {
                let res = req.send().await.unwrap();
                (res.status().as_u16(), res.text().await.unwrap())
            }
        };
        let (status, html) = page(&comms, "/staff/polls/pagina-plan".into()).await;
        assert_eq!(status, 200);
        assert!(
            html.contains("action=\"/staff/polls/pagina-plan/cancel"),
            "{html}"
        );
        assert!(html.contains("id=\"reason\""), "{html}");
        // Analysts see the poll but no stop form.
        let (_, html) = page(&analyst, "/staff/polls/pagina-open".into()).await;
        assert!(!html.contains("/close"), "{html}");
        let (_, html) = page(&comms, "/staff/polls/pagina-open".into()).await;
        assert!(
            html.contains("action=\"/staff/polls/pagina-open/close"),
            "{html}"
        );

        let post = |path: &str, reason: &str, csrf: &str| {
            app.client
                .post(format!("{}{path}", app.address))
                .header("cookie", &comms.cookie)
                .form(&[("_csrf", csrf), ("reason", reason)])
                .send()
        };
        // Without a reason: the page again, the field marked, nothing changed.
        let res = post("/staff/polls/pagina-plan/cancel", "", &comms.csrf)
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("aria-invalid=\"true\""), "{html}");
        assert!(html.contains("role=\"alert\""), "{html}");
        // Without the CSRF token: refused.
        let res = post("/staff/polls/pagina-plan/cancel", "Uitgesteld", "fout")
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        assert_eq!(
            state_of(&app, "pagina-plan").await.state,
            PollState::Scheduled
        );

        let res = post("/staff/polls/pagina-plan/cancel", "Uitgesteld", &comms.csrf)
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(state_of(&app, "pagina-plan").await.state, PollState::Draft);
        let (_, html) = page(&comms, to).await;
        assert!(html.contains("role=\"status\""), "{html}");
        assert!(html.contains("geannuleerd"), "{html}");

        // Closing a scheduled-then-cancelled poll: the state is the problem now.
        let res = post("/staff/polls/pagina-plan/close", "Toch", &comms.csrf)
            .await
            .unwrap();
        assert_eq!(res.status(), 409);

        let res = post("/staff/polls/pagina-open/close", "Incident", &comms.csrf)
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(state_of(&app, "pagina-open").await.state, PollState::Closed);
        assert_eq!(
            audit_of(&app, "poll.closed_early", "pagina-open")
                .await
                .len(),
            1
        );
        assert_eq!(
            audit_of(&app, "poll.cancelled", "pagina-plan").await[0]
                .actor_email
                .as_deref(),
            Some(users[1].1.as_str())
        );
    }
);

fn flits_stop(db: &TestDb, args: &[&str]) -> Output {
    flits_command()
        .env("FLITS_DATABASE_URL", &db.url)
        .arg("poll")
        .args(args)
        .output()
        .unwrap()
}

on_both_backends!(
    the_cli_cancels_and_closes_with_a_reason,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let store = flits_store::Store::connect(&db.url).await.unwrap();
        store.migrate().await.unwrap();
        seed(&store).await;
        let now = Utc::now();
        for (slug, state, opens) in [
            ("cli-plan", PollState::Scheduled, now + TimeDelta::days(10)),
            ("cli-open", PollState::Open, now - TimeDelta::days(1)),
        ] {
            placed(
                &store,
                slug,
                &["velsen"],
                state,
                opens,
                opens + TimeDelta::days(7),
                &[],
            )
            .await;
        }
        // --reason is required.
        let out = flits_stop(&db, &["cancel", "cli-plan"]);
        assert_eq!(out.status.code(), Some(2));
        // Blank is no reason.
        let out = flits_stop(&db, &["cancel", "cli-plan", "--reason", " "]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("reden"));
        // The wrong state exits 1, in English with --lang en.
        let out = flits_stop(&db, &["close", "cli-plan", "--reason", "x", "--lang", "en"]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("Only an open poll can be closed early"),
            "{err}"
        );
        // Unknown poll: bad input.
        let out = flits_stop(&db, &["cancel", "bestaat-niet", "--reason", "x"]);
        assert_eq!(out.status.code(), Some(2));

        let out = flits_stop(&db, &["cancel", "cli-plan", "--reason", "Raadsbesluit"]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("geannuleerd"));
        let out = flits_stop(&db, &["close", "cli-open", "--reason", "Incident"]);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("gesloten"));
        let plan = store.poll_by_slug("cli-plan").await.unwrap().unwrap();
        let open = store.poll_by_slug("cli-open").await.unwrap().unwrap();
        assert_eq!(
            (plan.state, open.state),
            (PollState::Draft, PollState::Closed)
        );
        let audit = store.audit_entries(50).await.unwrap();
        for (action, slug, reason) in [
            ("poll.cancelled", "cli-plan", "Raadsbesluit"),
            ("poll.closed_early", "cli-open", "Incident"),
        ] {
            let e = audit
                .iter()
                .find(|e| e.action == action && e.poll_slug.as_deref() == Some(slug))
                .unwrap_or_else(|| panic!("no {action}"));
            assert!(e.actor_email.as_deref().unwrap().starts_with("cli:"));
            assert_eq!(e.details["reason"], reason);
        }
        // Again: the state is wrong now.
        let out = flits_stop(&db, &["cancel", "cli-plan", "--reason", "x"]);
        assert_eq!(out.status.code(), Some(1));
    }
);
