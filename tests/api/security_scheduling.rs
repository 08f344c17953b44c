//! Issue 14, "Squatting the calendar": comms staff target only their own organisation's
//! audiences (regional ones are for admins, or for organisations an admin opened them to), and no
//! poll may be open longer than `max_open_days` or open more than `max_months_ahead` ahead. In the
//! API, the staff pages and the command line.

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::{PASSWORD, login, staff_fixture};

/// A staff account of `org` with `role`, the shared password and an API token; returns the token.
async fn account(app: &TestApp, email: &str, org: &str, role: &str) -> String {
    let hash =
        flits_staff::passwords::hash_password(&flits_types::Password::parse(PASSWORD).unwrap())
            .unwrap();
    let user = app
        .store
        .upsert_staff_user(email, org, role, Some(&hash))
        .await
        .unwrap();
    let token = flits_staff::secrets::new_api_token();
    app.store
        .create_api_token(user.id, "test", &flits_staff::secrets::hash_secret(&token))
        .await
        .unwrap();
    token
}

fn definition(slug: &str, audiences: &[&str]) -> Value {
    json!({
        "slug": slug,
        "title": {"nl": "Fietsparkeren", "en": "Bike parking"},
        "brief": {"purpose": "Weten of er meer rekken nodig zijn", "audiences": audiences,
                  "feedback_promise": {"nl": "Op 1 maart leest u hier wat we doen.", "en": "On 1 March you read here what we do."}},
        "questions": [{"id": "q1", "kind": "single_choice", "text": {"nl": "Hoe komt u?", "en": "How do you come?"},
                       "options": [{"id": "fiets", "text": {"nl": "Fiets", "en": "Bike"}}, {"id": "bus", "text": {"nl": "Bus", "en": "Bus"}}]}]
    })
}

async fn create_draft(app: &TestApp, token: &str, slug: &str, audiences: &[&str]) {
    let res = app
        .client
        .post(format!("{}/api/v1/admin/polls", app.address))
        .bearer_auth(token)
        .json(&definition(slug, audiences))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{:?}", res.text().await);
}

async fn schedule(
    app: &TestApp,
    token: &str,
    slug: &str,
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
    extra: Value,
) -> (u16, Value) {
    let mut body = json!({"opens_at": opens_at, "closes_at": closes_at});
    if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        body.extend(extra.clone());
    }
    let res = app
        .client
        .post(format!(
            "{}/api/v1/admin/polls/{slug}/schedule",
            app.address
        ))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

fn days(n: i64) -> DateTime<Utc> {
    Utc::now() + Duration::days(n)
}

on_both_backends!(
    a_comms_user_cannot_squat_another_organisations_or_the_regions_calendar,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let heemskerk = account(&app, "comms@heemskerk.example", "heemskerk", "comms").await;
        let beverwijk = account(&app, "comms@beverwijk.example", "beverwijk", "comms").await;
        create_draft(&app, &heemskerk, "kraakpand", &["beverwijk", "ijmond"]).await;

        // The reported squat: 2030 to 2045.
        let (status, body) = schedule(
            &app,
            &heemskerk,
            "kraakpand",
            "2030-01-07T09:00:00+01:00".parse().unwrap(),
            "2045-01-07T09:00:00+01:00".parse().unwrap(),
            json!({}),
        )
        .await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["error"]["code"], "opens_too_far_ahead");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("hoogstens 12 maanden vooruit"),
            "{body}"
        );

        // Within the caps, the audiences are still not Heemskerk's to take.
        let (status, body) =
            schedule(&app, &heemskerk, "kraakpand", days(30), days(37), json!({})).await;
        assert_eq!(status, 403, "{body}");
        assert_eq!(body["error"]["code"], "audience_not_allowed");
        assert_eq!(
            body["error"]["details"]["audiences"],
            json!(["beverwijk", "ijmond"])
        );
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("beverwijk, ijmond")
        );
        let poll = app.store.poll_by_slug("kraakpand").await.unwrap().unwrap();
        assert_eq!(poll.state, flits_survey::PollState::Draft, "nothing stored");

        // Heemskerk's own audience is fine.
        create_draft(&app, &heemskerk, "eigen-dorp", &["heemskerk"]).await;
        let (status, body) = schedule(
            &app,
            &heemskerk,
            "eigen-dorp",
            days(40),
            days(47),
            json!({}),
        )
        .await;
        assert_eq!(status, 200, "{body}");

        // And Beverwijk's next poll finds its calendar free.
        create_draft(&app, &beverwijk, "beverwijk-poll", &["beverwijk"]).await;
        let (status, body) = schedule(
            &app,
            &beverwijk,
            "beverwijk-poll",
            days(60),
            days(67),
            json!({}),
        )
        .await;
        assert_eq!(status, 200, "{body}");

        // The staff page answers the same, in words from the catalogue.
        let session = login(&app, "comms@heemskerk.example", PASSWORD).await;
        let fmt = |t: DateTime<Utc>| {
            t.with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let res = app
            .client
            .post(format!(
                "{}/staff/polls/kraakpand/schedule?lang=en",
                app.address
            ))
            .header("cookie", &session.cookie)
            .form(&[
                ("_csrf", session.csrf.clone()),
                ("opens", fmt(days(80))),
                ("closes", fmt(days(87))),
                ("channels", String::new()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        let html = res.text().await.unwrap();
        assert!(
            html.contains("You can only choose your own organisation"),
            "{html}"
        );
    }
);

on_both_backends!(
    an_admin_may_target_the_region_and_open_it_to_an_organisation,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            // The region's audience, opened to Velsen's comms staff.
            let mut structure = flits::demo::structure().unwrap();
            let mut region = structure.audiences.remove(0);
            region.open_to = vec![flits_types::OrgId::parse("velsen").unwrap()];
            s.audiences.push(region);
        })
        .await;
        let users = staff_fixture(&app).await;
        let (velsen, admin) = (&users[1].2, &users[2].2);
        let heemskerk = account(&app, "comms@heemskerk.example", "heemskerk", "comms").await;

        create_draft(&app, velsen, "regio-velsen", &["ijmond"]).await;
        let (status, body) = schedule(
            &app,
            velsen,
            "regio-velsen",
            days(100),
            days(107),
            json!({}),
        )
        .await;
        assert_eq!(status, 200, "open to Velsen: {body}");

        create_draft(&app, &heemskerk, "regio-heemskerk", &["ijmond"]).await;
        let (status, body) = schedule(
            &app,
            &heemskerk,
            "regio-heemskerk",
            days(200),
            days(207),
            json!({}),
        )
        .await;
        assert_eq!(status, 403, "{body}");
        // An admin may: the region is theirs to plan.
        let (status, body) = schedule(
            &app,
            admin,
            "regio-heemskerk",
            days(200),
            days(207),
            json!({}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }
);

on_both_backends!(
    the_caps_hold_for_admins_too_and_are_configurable,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let admin = &users[2].2;
        create_draft(&app, admin, "lang-open", &["velsen"]).await;

        // Nine weeks open: too long, with or without an override. (Velsen is free from day 75
        // on: the demo's polls and the gap after them come first.)
        let (status, body) =
            schedule(&app, admin, "lang-open", days(80), days(143), json!({})).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["error"]["code"], "open_period_too_long");
        assert_eq!(body["error"]["details"]["max_days"], 56);
        let (status, body) = schedule(
            &app,
            admin,
            "lang-open",
            days(80),
            days(143),
            json!({"override_reason": "Raadsbesluit"}),
        )
        .await;
        assert_eq!(status, 422, "{body}");
        // Just under eight weeks is fine (whatever the time of day and summer time).
        let (status, body) =
            schedule(&app, admin, "lang-open", days(80), days(135), json!({})).await;
        assert_eq!(status, 200, "{body}");

        // Fourteen months ahead: too far.
        create_draft(&app, admin, "ver-weg", &["velsen"]).await;
        let (status, body) =
            schedule(&app, admin, "ver-weg", days(425), days(432), json!({})).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["error"]["code"], "opens_too_far_ahead");
        assert_eq!(body["error"]["details"]["max_months"], 12);

        // Both are settings.
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            s.spacing.max_open_days = 90;
            s.spacing.max_months_ahead = 24;
        })
        .await;
        let users = staff_fixture(&app).await;
        let admin = &users[2].2;
        create_draft(&app, admin, "lang-open", &["velsen"]).await;
        let (status, body) =
            schedule(&app, admin, "lang-open", days(425), days(500), json!({})).await;
        assert_eq!(status, 200, "{body}");
    }
);

on_both_backends!(
    the_next_free_slot_is_never_past_the_cap,
    |backend| async move {
        // At most two polls for the same residents a year: the demo's two (the region's, open
        // now, and Velsen's in 40 days) fill Velsen's year, so a third fits only a year from now.
        let next_free = |months_ahead: u32| async move {
            let db = TestDb::new(backend).await;
            let app = spawn_app_on(db, |s| {
                s.spacing.max_polls = 2;
                s.spacing.max_months_ahead = months_ahead;
            })
            .await;
            let users = staff_fixture(&app).await;
            let admin = &users[2].2;
            create_draft(&app, admin, "nog-een", &["velsen"]).await;
            let (status, body) =
                schedule(&app, admin, "nog-een", days(100), days(103), json!({})).await;
            assert_eq!(status, 409, "{body}");
            assert_eq!(body["error"]["code"], "spacing_conflict");
            body["error"]["details"]["next_free"].clone()
        };
        // Within 24 months there is a slot; within 6 there is none, and none is offered.
        let later = next_free(24).await;
        let later: DateTime<Utc> = later.as_str().unwrap().parse().unwrap();
        assert!(later > days(300), "{later}");
        assert_eq!(next_free(6).await, Value::Null);
    }
);

on_both_backends!(
    the_command_line_keeps_the_caps_and_may_target_the_region,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let admin = &users[2].2;
        create_draft(&app, admin, "regio-cli", &["ijmond"]).await;
        let run = |opens: DateTime<Utc>, closes: DateTime<Utc>| {
            flits_command()
                .env("FLITS_DATABASE_URL", &app.db.url)
                .args(["poll", "schedule", "regio-cli", "--lang", "en"])
                .args(["--opens", &opens.to_rfc3339()])
                .args(["--closes", &closes.to_rfc3339()])
                .output()
                .unwrap()
        };
        let out = run(days(500), days(507));
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("A poll may be scheduled at most 12 months ahead"),
            "{stderr}"
        );
        let out = run(days(100), days(200));
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("at most 56 days"));
        // The demo's open poll is for the region until two weeks from now; after the gap the
        // operator, who acts as an admin, may place another for the whole region.
        let out = run(days(100), days(107));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
);
