//! Staff access: every staff route (UI and API) with every role and with no login, plus CSRF,
//! the growing wait after failed logins, rate limit, token revocation and the audit trail.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::helpers::*;
use crate::on_both_backends;

/// A logged-in browser: its session cookie and the CSRF token of its pages.
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

fn set_cookie_value(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers().get_all("set-cookie").iter().find_map(|v| {
        let v = v.to_str().ok()?;
        let (pair, _) = v.split_once(';').unwrap_or((v, ""));
        let (k, val) = pair.split_once('=')?;
        (k == name && !val.is_empty()).then(|| val.to_owned())
    })
}

fn hidden_field(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    Some(html[start..].split('"').next()?.to_owned())
}

/// Logs in through the real login form (double-submit CSRF cookie).
pub async fn try_login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    let page = app.get("/staff/login").await;
    let csrf_cookie = set_cookie_value(&page, "flits_login_csrf").expect("login CSRF cookie");
    let html = page.text().await.unwrap();
    let csrf = hidden_field(&html, "_csrf").expect("login CSRF field");
    app.client
        .post(format!("{}/staff/login", app.address))
        .header("cookie", format!("flits_login_csrf={csrf_cookie}"))
        .form(&[("email", email), ("password", password), ("_csrf", &csrf)])
        .send()
        .await
        .unwrap()
}

pub async fn login(app: &TestApp, email: &str, password: &str) -> Session {
    let res = try_login(app, email, password).await;
    assert_eq!(res.status(), 303, "login of {email}");
    let set = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    let staff = set
        .iter()
        .find(|c| c.starts_with("flits_staff="))
        .expect("session cookie");
    assert!(
        staff.contains("HttpOnly") && staff.contains("SameSite=Lax") && staff.contains("Secure"),
        "{staff}"
    );
    let cookie = set_cookie_value(&res, "flits_staff").unwrap();
    let dash = app
        .client
        .get(format!("{}/staff", app.address))
        .header("cookie", format!("flits_staff={cookie}"))
        .send()
        .await
        .unwrap();
    assert_eq!(dash.status(), 200);
    let csrf = hidden_field(&dash.text().await.unwrap(), "_csrf").expect("csrf in the shell");
    Session {
        cookie: format!("flits_staff={cookie}"),
        csrf,
    }
}

pub const PASSWORD: &str = "correct horse battery staple";

/// Users of every role in Velsen (the demo's organisation) with passwords and API tokens.
pub async fn staff_fixture(app: &TestApp) -> Vec<(&'static str, String, String)> {
    flits::demo::prepare(&app.store).await.unwrap();
    let hash =
        flits_staff::passwords::hash_password(&flits_types::Password::parse(PASSWORD).unwrap())
            .unwrap();
    let mut out = Vec::new();
    for role in ["analyst", "comms", "admin"] {
        let email = format!("{role}@velsen.example");
        let user = app
            .store
            .upsert_staff_user(&email, "velsen", role, Some(&hash))
            .await
            .unwrap();
        let token = flits_staff::secrets::new_api_token();
        app.store
            .create_api_token(user.id, "test", &flits_staff::secrets::hash_secret(&token))
            .await
            .unwrap();
        out.push((role, email, token));
    }
    out
}

fn draft(slug: &str) -> Value {
    json!({
        "slug": slug,
        "title": {"nl": "Fietsparkeren", "en": "Bike parking"},
        "brief": {"purpose": "Weten of er meer rekken nodig zijn", "audiences": ["velsen"],
                  "feedback_promise": {"nl": "Op 1 maart leest u hier wat we doen.", "en": "On 1 March you read here what we do."}},
        "questions": [{"id": "q1", "kind": "single_choice", "text": {"nl": "Hoe komt u?", "en": "How do you come?"},
                       "options": [{"id": "fiets", "text": {"nl": "Fiets", "en": "Bike"}}, {"id": "bus", "text": {"nl": "Bus", "en": "Bus"}}]}]
    })
}

/// Who: 0 = nobody, 1 = analyst, 2 = comms, 3 = admin. Expected status per caller.
struct Expect {
    method: &'static str,
    path: &'static str,
    status: [u16; 4],
}

const EXPECTATIONS: &[Expect] = &[
    Expect {
        method: "GET",
        path: "/staff/assets/staff.css",
        status: [200, 200, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/staff/login",
        status: [200, 200, 200, 200],
    },
    // A login post without the form's CSRF pair is refused for everyone.
    Expect {
        method: "POST",
        path: "/staff/login",
        status: [403, 403, 403, 403],
    },
    Expect {
        method: "GET",
        path: "/staff",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/staff/polls/new",
        status: [401, 403, 200, 200],
    },
    Expect {
        method: "POST",
        path: "/staff/polls/new",
        status: [401, 403, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/staff/polls/{slug}/edit",
        status: [401, 403, 200, 200],
    },
    Expect {
        method: "POST",
        path: "/staff/polls/{slug}/edit",
        status: [401, 403, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/staff/polls/{slug}",
        status: [401, 200, 200, 200],
    },
    // A draft can be neither cancelled nor closed; without a reason the form is refused first.
    Expect {
        method: "POST",
        path: "/staff/polls/{slug}/cancel",
        status: [401, 403, 422, 422],
    },
    Expect {
        method: "POST",
        path: "/staff/polls/{slug}/close",
        status: [401, 403, 422, 422],
    },
    Expect {
        method: "GET",
        path: "/staff/polls/{slug}/share",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/staff/polls/{slug}/schedule",
        status: [401, 403, 200, 200],
    },
    Expect {
        method: "POST",
        path: "/staff/polls/{slug}/schedule",
        status: [401, 403, 303, 303],
    },
    // A draft has no posts yet; the page shows that.
    Expect {
        method: "GET",
        path: "/staff/polls/{slug}/posts",
        status: [401, 200, 200, 200],
    },
    // The results page: counts for any staff; a draft is not closed, so it cannot be published
    // (the page says so with 409) and has nothing to update.
    Expect {
        method: "GET",
        path: "/staff/polls/{slug}/results",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/staff/polls/{slug}/export",
        status: [401, 200, 403, 200],
    },
    Expect {
        method: "POST",
        path: "/staff/polls/{slug}/results",
        status: [401, 403, 409, 409],
    },
    // The preview of the public page before publishing: comms and admins, like publishing; a
    // draft's results cannot be published, so there is nothing to preview (409).
    Expect {
        method: "POST",
        path: "/staff/polls/{slug}/results/preview",
        status: [401, 403, 409, 409],
    },
    Expect {
        method: "POST",
        path: "/staff/polls/{slug}/results/updates",
        status: [401, 403, 409, 409],
    },
    // An id the poll has no post with.
    Expect {
        method: "POST",
        path: "/staff/polls/{slug}/posts/{id}/retry",
        status: [401, 403, 404, 404],
    },
    // A draft is not open: the page says so.
    Expect {
        method: "POST",
        path: "/staff/polls/{slug}/reminders",
        status: [401, 403, 409, 409],
    },
    Expect {
        method: "GET",
        path: "/staff/calendar",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "POST",
        path: "/staff/calendar/feed",
        status: [401, 201, 201, 201],
    },
    // The feed checks its own secret, not the session: without it, everyone gets 401.
    Expect {
        method: "GET",
        path: "/calendar.ics",
        status: [401, 401, 401, 401],
    },
    Expect {
        method: "GET",
        path: "/staff/users",
        status: [401, 403, 403, 200],
    },
    Expect {
        method: "POST",
        path: "/staff/users",
        status: [401, 403, 403, 303],
    },
    // An unknown account (the test's {id} is a fresh uuid) answers 404, to admins only.
    Expect {
        method: "POST",
        path: "/staff/users/{id}/disable",
        status: [401, 403, 403, 404],
    },
    Expect {
        method: "POST",
        path: "/staff/users/{id}/enable",
        status: [401, 403, 403, 404],
    },
    Expect {
        method: "POST",
        path: "/staff/users/{id}/delete",
        status: [401, 403, 403, 404],
    },
    Expect {
        method: "GET",
        path: "/staff/users/tokens",
        status: [401, 403, 403, 200],
    },
    Expect {
        method: "POST",
        path: "/staff/users/tokens/{id}/revoke",
        status: [401, 403, 403, 404],
    },
    Expect {
        method: "GET",
        path: "/staff/audit",
        status: [401, 403, 403, 200],
    },
    Expect {
        method: "GET",
        path: "/staff/reach",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/staff/population",
        status: [401, 403, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/staff/tokens",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "POST",
        path: "/staff/tokens",
        status: [401, 201, 201, 201],
    },
    Expect {
        method: "POST",
        path: "/staff/tokens/{id}/revoke",
        status: [401, 404, 404, 404],
    },
    Expect {
        method: "POST",
        path: "/staff/logout",
        status: [401, 303, 303, 303],
    },
    Expect {
        method: "GET",
        path: "/api/v1/admin/me",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/api/v1/admin/tokens",
        status: [401, 403, 403, 200],
    },
    Expect {
        method: "DELETE",
        path: "/api/v1/admin/tokens/{id}",
        status: [401, 403, 403, 404],
    },
    Expect {
        method: "GET",
        path: "/api/v1/admin/polls",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "POST",
        path: "/api/v1/admin/polls",
        status: [401, 403, 201, 201],
    },
    Expect {
        method: "GET",
        path: "/api/v1/admin/polls/{slug}",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "PUT",
        path: "/api/v1/admin/polls/{slug}",
        status: [401, 403, 200, 200],
    },
    Expect {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/copy",
        status: [401, 403, 201, 201],
    },
    // Scheduled on the copy made just before, far enough apart to break no spacing rule.
    Expect {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/schedule",
        status: [401, 403, 200, 200],
    },
    // The drafts are not scheduled, nor open: a conflict with the poll's state.
    Expect {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/cancel",
        status: [401, 403, 409, 409],
    },
    Expect {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/close",
        status: [401, 403, 409, 409],
    },
    // Exports and results are for analysts and admins; comms staff see counts on their pages.
    Expect {
        method: "GET",
        path: "/api/v1/admin/polls/{slug}/export",
        status: [401, 200, 403, 200],
    },
    // Publishing speaks for the municipality: comms and admins. A draft is not closed (409).
    Expect {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/results/publish",
        status: [401, 403, 409, 409],
    },
    Expect {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/results/updates",
        status: [401, 403, 409, 409],
    },
    Expect {
        method: "GET",
        path: "/api/v1/admin/polls/{slug}/results",
        status: [401, 200, 403, 200],
    },
    Expect {
        method: "GET",
        path: "/api/v1/admin/channels",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/api/v1/admin/population",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "GET",
        path: "/api/v1/admin/polls/{slug}/posts",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/posts/{id}/retry",
        status: [401, 403, 404, 404],
    },
    Expect {
        method: "POST",
        path: "/api/v1/admin/polls/{slug}/reminders",
        status: [401, 403, 409, 409],
    },
    Expect {
        method: "GET",
        path: "/api/v1/admin/polls/{slug}/post-previews",
        status: [401, 200, 200, 200],
    },
    Expect {
        method: "DELETE",
        path: "/api/v1/admin/polls/{slug}",
        status: [401, 403, 204, 204],
    },
];

#[test]
fn every_declared_staff_route_has_an_expectation() {
    let declared: BTreeSet<(String, String)> = flits_staff::routes::ROUTES
        .iter()
        .map(|r| (r.method.to_owned(), r.path.to_owned()))
        .collect();
    let expected: BTreeSet<(String, String)> = EXPECTATIONS
        .iter()
        .map(|e| (e.method.to_owned(), e.path.to_owned()))
        .collect();
    assert_eq!(
        declared, expected,
        "a staff route was added or removed without updating this test"
    );
}

on_both_backends!(every_route_with_every_role, |backend| async move {
    let app = spawn_app(backend).await;
    let users = staff_fixture(&app).await;
    let mut sessions = Vec::new();
    for (_, email, _) in &users {
        sessions.push(login(&app, email, PASSWORD).await);
    }
    // Each role works on its own draft so that deletes and updates do not interfere.
    let admin_token = &users[2].2;
    for who in ["nobody", "analyst", "comms", "admin"] {
        let res = app
            .client
            .post(format!("{}/api/v1/admin/polls", app.address))
            .bearer_auth(admin_token)
            .json(&draft(&format!("route-test-{who}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let res = app
            .client
            .post(format!("{}/api/v1/admin/polls", app.address))
            .bearer_auth(admin_token)
            .json(&draft(&format!("route-test-{who}-ui")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    }
    for e in EXPECTATIONS {
        for who in 0..4 {
            let slug = format!(
                "route-test-{}",
                ["nobody", "analyst", "comms", "admin"][who]
            );
            let slug = if e.path.starts_with("/staff/polls/") {
                format!("{slug}-ui")
            } else if e.path.ends_with("/schedule") {
                format!("{slug}-kopie")
            } else {
                slug
            };
            let path = e
                .path
                .replace("{slug}", &slug)
                .replace("{id}", &uuid::Uuid::new_v4().to_string());
            let url = format!("{}{path}", app.address);
            let mut req = app.client.request(e.method.parse().unwrap(), &url);
            let api = path.starts_with("/api/");
            if who > 0 {
                if api {
                    req = req.bearer_auth(&users[who - 1].2);
                } else {
                    req = req.header("cookie", &sessions[who - 1].cookie);
                }
            }
            let csrf = if who > 0 {
                sessions[who - 1].csrf.clone()
            } else {
                String::new()
            };
            req = match (e.method, e.path) {
                ("POST", "/api/v1/admin/polls") => req.json(&draft(&format!("new-by-{who}"))),
                ("POST", "/api/v1/admin/polls/{slug}/results/publish") => {
                    req.json(&json!({"summary": {"nl": "U zei ja. Wij doen het."}}))
                }
                ("POST", "/api/v1/admin/polls/{slug}/results/updates") => {
                    req.json(&json!({"text": {"nl": "De bomen staan er."}}))
                }
                ("PUT", _) => req.json(&draft(&slug)),
                ("POST", "/api/v1/admin/polls/{slug}/schedule") => {
                    let opens = chrono::Utc::now() + chrono::Duration::days(100 * who as i64);
                    req.json(
                        &json!({"opens_at": opens, "closes_at": opens + chrono::Duration::days(7)}),
                    )
                }
                ("POST", "/staff/polls/new") | ("POST", "/staff/polls/{slug}/edit") => req.form(&[
                    ("_csrf", csrf.as_str()),
                    ("action", "preview"),
                    ("title_nl", "Voorbeeld"),
                ]),
                ("POST", "/staff/polls/{slug}/schedule") => {
                    let opens = chrono::Utc::now() + chrono::Duration::days(100 * who as i64 + 50);
                    let closes = opens + chrono::Duration::days(7);
                    let fmt = |t: chrono::DateTime<chrono::Utc>| {
                        t.with_timezone(&chrono_tz::Europe::Amsterdam)
                            .format("%Y-%m-%dT%H:%M")
                            .to_string()
                    };
                    req.form(&[
                        ("_csrf", csrf.clone()),
                        ("opens", fmt(opens)),
                        ("closes", fmt(closes)),
                        ("channels", String::new()),
                    ])
                }
                ("POST", "/api/v1/admin/polls/{slug}/cancel")
                | ("POST", "/api/v1/admin/polls/{slug}/close") => {
                    req.json(&json!({"reason": "Raadsbesluit uitgesteld"}))
                }
                ("POST", "/api/v1/admin/polls/{slug}/reminders") => {
                    req.json(&json!({"channel": "mastodon-velsen"}))
                }
                ("POST", "/staff/polls/{slug}/results")
                | ("POST", "/staff/polls/{slug}/results/preview") => req.form(&[
                    ("_csrf", csrf.as_str()),
                    ("summary_nl", "U zei ja. Wij doen het."),
                    ("action", "publish"),
                ]),
                ("POST", "/staff/polls/{slug}/results/updates") => {
                    req.form(&[("_csrf", csrf.as_str()), ("text_nl", "De bomen staan er.")])
                }
                ("POST", "/staff/polls/{slug}/reminders") => {
                    req.form(&[("_csrf", csrf.as_str()), ("channel", "mastodon-velsen")])
                }
                ("POST", "/staff/users") => req.form(&[
                    ("_csrf", csrf.as_str()),
                    ("email", "nieuw@velsen.example"),
                    ("role", "comms"),
                    ("organisation", "velsen"),
                    ("password", ""),
                ]),
                ("POST", "/staff/tokens") => {
                    req.form(&[("_csrf", csrf.as_str()), ("name", "script")])
                }
                ("POST", "/staff/login") => req.form(&[("email", "x@y.z"), ("password", "nope")]),
                ("POST", _) if !api => req.form(&[("_csrf", csrf.as_str())]),
                _ => req,
            };
            let status = req.send().await.unwrap().status().as_u16();
            assert_eq!(
                status,
                e.status[who],
                "{} {} as {}",
                e.method,
                e.path,
                ["nobody", "analyst", "comms", "admin"][who]
            );
        }
    }
});

on_both_backends!(
    another_organisations_poll_is_not_found,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let mut def = draft("beverwijk-eigen");
        def["brief"]["audiences"] = json!(["beverwijk"]);
        app.store
            .insert_poll(flits_store::NewPoll {
                organisation_id: "beverwijk".into(),
                state: flits_survey::PollState::Draft,
                definition: flits_survey::PollDefinition::from_json_value(def).unwrap(),
                opens_at: None,
                closes_at: None,
                channels: vec![],
            })
            .await
            .unwrap();
        for (who, expected) in [(0usize, 404u16), (1, 404), (2, 200)] {
            let res = app
                .client
                .get(format!(
                    "{}/api/v1/admin/polls/beverwijk-eigen",
                    app.address
                ))
                .bearer_auth(&users[who].2)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), expected, "{}", users[who].0);
        }
        let res = app
            .client
            .delete(format!(
                "{}/api/v1/admin/polls/beverwijk-eigen",
                app.address
            ))
            .bearer_auth(&users[1].2)
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            404,
            "comms of Velsen cannot delete Beverwijk's draft"
        );
        let listed: Value = app
            .client
            .get(format!("{}/api/v1/admin/polls", app.address))
            .bearer_auth(&users[1].2)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(
            listed["polls"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["organisation"] == "velsen")
        );
    }
);

on_both_backends!(
    forms_without_the_csrf_token_change_nothing,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        let before = app
            .store
            .api_tokens_of(
                app.store
                    .staff_user_by_email(&users[1].1)
                    .await
                    .unwrap()
                    .unwrap()
                    .id,
            )
            .await
            .unwrap()
            .len();
        for csrf in ["", "forged-token"] {
            let res = app
                .client
                .post(format!("{}/staff/tokens", app.address))
                .header("cookie", &s.cookie)
                .form(&[("_csrf", csrf), ("name", "evil")])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 403);
            assert!(res.text().await.unwrap().contains("Formulier verlopen"));
        }
        let after = app
            .store
            .api_tokens_of(
                app.store
                    .staff_user_by_email(&users[1].1)
                    .await
                    .unwrap()
                    .unwrap()
                    .id,
            )
            .await
            .unwrap()
            .len();
        assert_eq!(before, after);
        // Logout without the token keeps the session alive.
        let res = app
            .client
            .post(format!("{}/staff/logout", app.address))
            .header("cookie", &s.cookie)
            .form(&[("_csrf", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        let res = app
            .client
            .get(format!("{}/staff", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        // With it, the session ends.
        let res = app
            .client
            .post(format!("{}/staff/logout", app.address))
            .header("cookie", &s.cookie)
            .form(&[("_csrf", s.csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let res = app
            .client
            .get(format!("{}/staff", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
    }
);

on_both_backends!(
    an_account_slows_down_after_failed_logins_and_says_for_how_long,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let email = &users[1].1;
        for _ in 0..4 {
            let res = try_login(&app, email, "wrong password").await;
            assert_eq!(res.status(), 401);
            assert!(res.text().await.unwrap().contains("klopt niet"));
        }
        // The fifth failure starts a wait (README.md, "Staff"), and nothing says "locked".
        let res = try_login(&app, email, "wrong password").await;
        assert_eq!(res.headers()["retry-after"], "5");
        let body = res.text().await.unwrap();
        assert!(
            body.contains("klopt niet")
                && body.contains("5 seconden")
                && !body.contains("geblokkeerd"),
            "{body}"
        );
        // Even the right password is refused during the wait, with the waiting time.
        let res = try_login(&app, email, PASSWORD).await;
        assert_eq!(res.status(), 429);
        assert!(res.headers().contains_key("retry-after"));
        assert!(res.text().await.unwrap().contains("seconden opnieuw"));
        // Other accounts are not affected.
        let res = try_login(&app, &users[2].1, PASSWORD).await;
        assert_eq!(res.status(), 303);
    }
);

on_both_backends!(
    a_client_that_tries_too_often_is_slowed_down,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| s.staff.login_attempts_per_minute = 3).await;
        let users = staff_fixture(&app).await;
        for _ in 0..3 {
            assert_eq!(
                try_login(&app, "nobody@example.org", "x").await.status(),
                401
            );
        }
        let res = try_login(&app, &users[0].1, PASSWORD).await;
        assert_eq!(res.status(), 429);
        assert!(res.text().await.unwrap().contains("Te veel pogingen"));
    }
);

on_both_backends!(
    a_revoked_token_stops_working_and_everything_is_audited,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        let res = app
            .client
            .post(format!("{}/staff/tokens", app.address))
            .header("cookie", &s.cookie)
            .form(&[("_csrf", s.csrf.as_str()), ("name", "my script")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let html = res.text().await.unwrap();
        let token = html
            .split("<code id=\"new-token\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_owned();
        assert!(token.starts_with("flits_"));
        let me = app
            .client
            .get(format!("{}/api/v1/admin/me", app.address))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            me.json::<Value>().await.unwrap()["email"],
            users[1].1.as_str()
        );
        // The token is shown once: the list shows its name, not the token.
        let list = app
            .client
            .get(format!("{}/staff/tokens", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(list.contains("my script") && !list.contains(&token));
        let user = app
            .store
            .staff_user_by_email(&users[1].1)
            .await
            .unwrap()
            .unwrap();
        let id = app
            .store
            .api_tokens_of(user.id)
            .await
            .unwrap()
            .into_iter()
            .find(|t| t.name == "my script")
            .unwrap()
            .id;
        let res = app
            .client
            .post(format!("{}/staff/tokens/{id}/revoke", app.address))
            .header("cookie", &s.cookie)
            .form(&[("_csrf", s.csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let me = app
            .client
            .get(format!("{}/api/v1/admin/me", app.address))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(me.status(), 401);
        // Someone else's token cannot be revoked by a non-admin.
        let admin = app
            .store
            .staff_user_by_email(&users[2].1)
            .await
            .unwrap()
            .unwrap();
        let admin_token = app.store.api_tokens_of(admin.id).await.unwrap()[0].id;
        let res = app
            .client
            .post(format!("{}/staff/tokens/{admin_token}/revoke", app.address))
            .header("cookie", &s.cookie)
            .form(&[("_csrf", s.csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404);

        let res = app
            .client
            .post(format!("{}/api/v1/admin/polls", app.address))
            .bearer_auth(&users[1].2)
            .json(&draft("audit-me"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let actions: Vec<(String, Option<String>)> = app
            .store
            .audit_entries(50)
            .await
            .unwrap()
            .into_iter()
            .map(|e| (e.action, e.actor_email))
            .collect();
        for action in ["token.created", "token.revoked", "poll.created"] {
            assert!(
                actions
                    .iter()
                    .any(|(a, who)| a == action && who.as_deref() == Some(users[1].1.as_str())),
                "{action} in {actions:?}"
            );
        }
        // Admins read the log in the UI.
        let admin_session = login(&app, &users[2].1, PASSWORD).await;
        let page = app
            .client
            .get(format!("{}/staff/audit", app.address))
            .header("cookie", &admin_session.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(
            html.contains("token.revoked")
                && html.contains("poll.created")
                && html.contains("audit-me")
        );
    }
);

#[test]
fn token_create_prints_only_a_working_token() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("flits.db").display());
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = flits_store::Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        flits::demo::prepare(&store).await.unwrap();
        store.close().await.unwrap();
    });
    let out = flits_command()
        .args(["token", "create", "admin@ijmond.example"])
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap();
    let token = token.trim();
    assert!(token.starts_with("flits_") && !token.contains(' '));
    rt.block_on(async {
        let store = flits_store::Store::connect(&url).await.unwrap();
        let owner = store
            .api_token_owner(&flits_staff::secrets::hash_secret(token))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(owner.email, "admin@ijmond.example");
    });
    let out = flits_command()
        .args(["token", "create", "nobody@example.org"])
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

on_both_backends!(
    scheduling_over_the_api_enforces_spacing_and_admin_overrides,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let (comms, admin) = (&users[1].2, &users[2].2);
        let res = app
            .client
            .post(format!("{}/api/v1/admin/polls", app.address))
            .bearer_auth(comms)
            .json(&draft("te-vroeg"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        // The open demo poll is for the whole region (it includes Velsen) and closes in 14 days.
        let opens = chrono::Utc::now() + chrono::Duration::days(20);
        let body = json!({"opens_at": opens, "closes_at": opens + chrono::Duration::days(7), "channels": ["mastodon-velsen"]});
        let url = format!("{}/api/v1/admin/polls/te-vroeg/schedule", app.address);
        let res = app
            .client
            .post(&url)
            .bearer_auth(comms)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409);
        let err: Value = res.json().await.unwrap();
        assert_eq!(err["error"]["code"], "spacing_conflict");
        // Without Accept-Language the staff API answers in Dutch.
        let message = err["error"]["message"].as_str().unwrap();
        assert!(message.starts_with("Dit botst met "), "{message}");
        let conflicts = err["error"]["details"]["conflicts"].as_array().unwrap();
        let gap = |cs: &[Value]| {
            cs.iter()
                .find(|c| c["rule"] == "min_gap_days")
                .cloned()
                .unwrap_or_else(|| panic!("{cs:?}"))
        };
        assert!(
            gap(conflicts)["message"]
                .as_str()
                .unwrap()
                .starts_with("Voor velsen moet er minstens 21 dagen zitten"),
            "{conflicts:?}"
        );
        assert!(
            conflicts
                .iter()
                .any(|c| c["other_poll"] == "demo" && c["rule"] == "min_gap_days"),
            "{conflicts:?}"
        );
        for field in ["audience", "rule", "required", "requested"] {
            assert!(
                conflicts[0][field].is_string(),
                "{field} in {:?}",
                conflicts[0]
            );
        }
        let next_free: chrono::DateTime<chrono::Utc> =
            serde_json::from_value(err["error"]["details"]["next_free"].clone()).unwrap();
        assert!(next_free > opens);

        // The same refusal follows Accept-Language, in the same shape.
        let res = app
            .client
            .post(&url)
            .bearer_auth(comms)
            .header("accept-language", "de-DE, en-GB;q=0.8, nl;q=0.5")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409);
        let en: Value = res.json().await.unwrap();
        assert_eq!(en["error"]["code"], "spacing_conflict");
        let message = en["error"]["message"].as_str().unwrap();
        assert!(message.starts_with("The schedule breaks "), "{message}");
        let en_conflicts = en["error"]["details"]["conflicts"].as_array().unwrap();
        assert_eq!(en_conflicts.len(), conflicts.len());
        let (en_gap, nl_gap) = (gap(en_conflicts), gap(conflicts));
        assert!(
            en_gap["message"]
                .as_str()
                .unwrap()
                .starts_with("For velsen, at least 21 days must pass"),
            "{en_conflicts:?}"
        );
        assert_eq!(en_gap["required"], "21 days between polls");
        assert_eq!(nl_gap["required"], "21 dagen tussen peilingen");
        for field in ["other_poll", "audience", "rule", "reason"] {
            assert_eq!(en_gap[field], nl_gap[field], "{field}");
        }
        let keys = |c: &Value| {
            let mut k: Vec<String> = c.as_object().unwrap().keys().cloned().collect();
            k.sort();
            k
        };
        assert_eq!(
            keys(&nl_gap),
            [
                "audience",
                "message",
                "other_poll",
                "reason",
                "requested",
                "required",
                "rule"
            ],
            "the shape of details.conflicts is unchanged"
        );
        assert_eq!(
            en["error"]["details"]["next_free"],
            err["error"]["details"]["next_free"]
        );

        let mut with_reason = body.clone();
        with_reason["override_reason"] = json!("Wethouder wil het voor de raadsvergadering weten");
        let res = app
            .client
            .post(&url)
            .bearer_auth(comms)
            .json(&with_reason)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        assert_eq!(
            res.json::<Value>().await.unwrap()["error"]["code"],
            "override_forbidden"
        );
        let res = app
            .client
            .post(&url)
            .bearer_auth(admin)
            .json(&with_reason)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let poll = app.store.poll_by_slug("te-vroeg").await.unwrap().unwrap();
        assert_eq!(poll.state, flits_survey::PollState::Scheduled);
        let audit = app.store.audit_entries(20).await.unwrap();
        assert!(
            audit.iter().any(|e| e.action == "poll.schedule_override"
                && e.actor_email.as_deref() == Some(users[2].1.as_str())),
            "{audit:?}"
        );
    }
);

on_both_backends!(
    every_staff_api_route_is_in_the_openapi_document,
    |backend| async move {
        let app = spawn_app(backend).await;
        let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
        let api_rules: Vec<_> = flits_staff::routes::ROUTES
            .iter()
            .filter(|r| r.path.starts_with("/api/"))
            .collect();
        assert!(api_rules.len() >= 8);
        for r in api_rules {
            let op = &doc["paths"][r.path][r.method.to_lowercase()];
            assert!(
                op.is_object(),
                "{} {} missing from the OpenAPI document",
                r.method,
                r.path
            );
            assert_eq!(
                op["security"][0]["bearer"],
                json!([]),
                "{} {} needs a bearer token",
                r.method,
                r.path
            );
        }
        assert_eq!(
            doc["components"]["securitySchemes"]["bearer"]["scheme"],
            "bearer"
        );
        // The public routes are still there after the merge.
        assert!(doc["paths"]["/api/v1/polls/{slug}/responses"]["post"].is_object());
    }
);
