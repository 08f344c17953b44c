//! The resident side under attack (issue 14): answers sent by another website, form tokens that
//! are tied to their poll and browser, tracking links, drafts behind the thank-you page, a poll
//! text that holds the token's old placeholder, control and bidi characters in poll texts, the
//! order of stored responses and the log, and a scheduled poll's questions.

use std::io::Read;
use std::process::Stdio;
use std::time::{Duration, Instant};

use chrono::Utc;
use flits_store::{NewPoll, Poll};
use flits_survey::{PollDefinition, PollState};
use serde_json::{Value, json};

use crate::collector_fairness::{GOOD_FORM, cookie_pair, fresh_token, post_form, token_in};
use crate::helpers::*;
use crate::on_both_backends;

/// An open poll of the demo's organisation, with `channels`.
async fn open_poll(app: &TestApp, definition: Value, channels: &[&str]) -> Poll {
    flits::demo::prepare(&app.store).await.unwrap();
    let now = Utc::now();
    app.store
        .insert_poll(NewPoll {
            organisation_id: "velsen".into(),
            state: PollState::Open,
            definition: PollDefinition::from_json_str(&definition.to_string()).unwrap(),
            opens_at: Some(now - chrono::Duration::hours(1)),
            closes_at: Some(now + chrono::Duration::days(7)),
            channels: channels.iter().map(|c| c.to_string()).collect(),
        })
        .await
        .unwrap()
}

/// A poll with one question, `q1`: yes or no.
fn yes_no(slug: &str, title: &str) -> Value {
    json!({
        "slug": slug, "title": title,
        "questions": [{"id": "q1", "kind": "single_choice", "text": "Meedoen?",
                       "options": [{"id": "ja", "text": "Ja"}, {"id": "nee", "text": "Nee"}]}]
    })
}

/// `POST /p/demo` with a fresh token, valid answers and `headers`.
async fn post_demo_with(app: &TestApp, headers: &[(&str, &str)]) -> reqwest::Response {
    let token = fresh_token(app, "demo").await;
    let mut fields = vec![("_submission", token.as_str())];
    fields.extend_from_slice(GOOD_FORM);
    let mut req = app
        .client
        .post(format!("{}/p/demo", app.address))
        .form(&fields);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    req.send().await.unwrap()
}

/// A JSON submit of valid demo answers with `headers`.
async fn post_json_with(app: &TestApp, id: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut req = app
        .client
        .post(format!("{}/api/v1/polls/demo/responses", app.address))
        .json(&json!({"submission_id": id,
            "answers": {"tevreden": 4, "meer": ["bomen"], "helpen": "ja"}}));
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    req.send().await.unwrap()
}

on_both_backends!(
    answers_another_website_sends_are_refused_and_nothing_is_stored,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();

        // An attacker's page that posts the form as soon as it loads, in every way a browser
        // can tell: another origin, no origin at all (a sandboxed frame), the fetch metadata.
        for headers in [
            &[("origin", "https://evil.example")][..],
            &[("origin", "null")],
            &[("sec-fetch-site", "cross-site")],
            &[
                ("sec-fetch-site", "same-site"),
                ("origin", "https://www.example.nl"),
            ],
            &[("origin", "http://peiling.example.nl")],
        ] {
            let res = post_demo_with(&app, headers).await;
            assert_eq!(res.status(), 403, "{headers:?}");
            let page = res.text().await.unwrap();
            assert!(page.contains("kwam van een andere website"), "{page}");
            assert!(
                page.contains("href=\"/p/demo\""),
                "a way to the poll itself"
            );
            let res = post_json_with(&app, "x-1", headers).await;
            assert_eq!(res.status(), 403, "{headers:?}");
            let body: Value = res.json().await.unwrap();
            assert_eq!(body["error"]["code"], "cross_site");
        }
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 0);
        let metrics = app.get("/metrics").await.text().await.unwrap();
        assert!(
            metrics.contains("flits_responses_recorded_total 0"),
            "{metrics}"
        );

        // The same requests from the poll's own page (and from apps, which send neither header).
        let own = [
            ("origin", "https://peiling.example.nl"),
            ("sec-fetch-site", "same-origin"),
        ];
        assert_eq!(post_demo_with(&app, &own).await.status(), 303);
        assert_eq!(post_json_with(&app, "x-1", &own).await.status(), 201);
        assert_eq!(post_json_with(&app, "x-2", &[]).await.status(), 201);
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 3);
    }
);

on_both_backends!(
    the_results_by_email_form_refuses_another_website,
    |backend| async move {
        let app = crate::results_by_email::app_with_relay(
            backend,
            crate::bridge_support::smtpd::free_port(),
        )
        .await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        let token = fresh_token(&app, "demo").await;
        let res = post_form(&app, "demo", &token, GOOD_FORM, None).await;
        let took_part = cookie_pair(&res).unwrap();
        let ask = |origin: &'static str| {
            app.client
                .post(format!("{}/p/demo/results-by-email", app.address))
                .header("cookie", with_form_cookie(&took_part))
                .header("origin", origin)
                .form(&[("email", "inwoner@example.nl"), ("_lang", "nl")])
                .send()
        };
        let res = ask("https://evil.example").await.unwrap();
        assert_eq!(res.status(), 403);
        assert!(res.text().await.unwrap().contains("andere website"));
        assert_eq!(app.store.feedback_counts(poll.id).await.unwrap().waiting, 0);
        assert_eq!(
            ask("https://peiling.example.nl").await.unwrap().status(),
            200
        );
        assert_eq!(app.store.feedback_counts(poll.id).await.unwrap().waiting, 1);
    }
);

on_both_backends!(
    a_form_token_is_good_for_its_own_poll_and_browser_only,
    |backend| async move {
        let app = spawn_app(backend).await;
        let other = open_poll(&app, yes_no("andere-peiling", "Een andere peiling"), &[]).await;
        let demo = app.store.poll_by_slug("demo").await.unwrap().unwrap();

        // The page sets the form cookie: Strict, for the poll pages only, as long as a token.
        let stranger = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let res = stranger
            .get(format!("{}/p/demo", app.address))
            .send()
            .await
            .unwrap();
        let set: Vec<String> = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_ascii_lowercase())
            .filter(|v| v.starts_with("flits_form="))
            .collect();
        assert_eq!(set.len(), 1, "{set:?}");
        for attr in [
            "httponly",
            "samesite=strict",
            "path=/p",
            "max-age=",
            "secure",
        ] {
            assert!(set[0].contains(attr), "{attr} in {set:?}");
        }
        // A browser that has the cookie keeps its value.
        let res = app.get("/p/demo").await;
        let renewed = cookie_named(&res, "flits_form").unwrap();
        assert_eq!(renewed, FORM_COOKIE);

        // The token of another poll's page is not taken here; nothing is stored.
        let foreign = fresh_token(&app, "andere-peiling").await;
        let res = post_form(&app, "demo", &foreign, GOOD_FORM, None).await;
        assert_eq!(res.status(), 422);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("hoort niet bij deze peiling")
        );
        // Nor a token a script fetched with a cookie of its own.
        let script_cookie = "flits_form=c2NyaXB0YnJvd3NlcmtleQ";
        let page = app
            .client
            .get(format!("{}/p/demo", app.address))
            .header("cookie", script_cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let res = post_form(&app, "demo", &token_in(&page), GOOD_FORM, None).await;
        assert_eq!(res.status(), 422);
        assert_eq!(app.store.count_responses(demo.id).await.unwrap(), 0);
        assert_eq!(app.store.count_responses(other.id).await.unwrap(), 0);

        // The token with the cookie it was made for.
        let res = post_form(
            &app,
            "demo",
            &token_in(&page),
            GOOD_FORM,
            Some(script_cookie),
        )
        .await;
        assert_eq!(res.status(), 303);
        assert_eq!(app.store.count_responses(demo.id).await.unwrap(), 1);
    }
);

/// The `name=value` of the response's cookie `name`.
fn cookie_named(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap_or("").to_owned())
}

on_both_backends!(
    a_form_without_its_cookie_comes_back_with_the_answers_to_send_again,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        // The page was opened, then the cookie expired (or the browser blocks cookies).
        let token = fresh_token(&app, "demo").await;
        let no_cookies = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let mut fields = vec![("_submission", token.as_str()), ("idee", "Meer bankjes")];
        fields.extend_from_slice(GOOD_FORM);
        let res = no_cookies
            .post(format!("{}/p/demo", app.address))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let cookie = cookie_named(&res, "flits_form").expect("a fresh form cookie");
        let page = res.text().await.unwrap();
        assert!(page.contains("Uw antwoorden staan er nog"), "{page}");
        assert!(
            page.contains("cookies"),
            "says what to do when it comes back"
        );
        assert!(page.contains("value=\"ja\" checked") && page.contains(">Meer bankjes</textarea>"));
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 0);

        // Sent again with the fresh token and cookie: recorded.
        let again = token_in(&page);
        assert_ne!(again, token);
        let mut fields = vec![("_submission", again.as_str()), ("idee", "Meer bankjes")];
        fields.extend_from_slice(GOOD_FORM);
        let res = no_cookies
            .post(format!("{}/p/demo", app.address))
            .header("cookie", &cookie)
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 1);
    }
);

on_both_backends!(
    no_poll_text_can_take_the_place_of_the_form_token,
    |backend| async move {
        let app = spawn_app(backend).await;
        // The placeholder cached pages once carried, and a look-alike of today's marker.
        let title = "Stem op flits-token-placeholder-7c1e5d of flits-token-";
        let mut def = yes_no("tekst-met-token", title);
        def["intro"] = json!("flits-token-placeholder-7c1e5d");
        let poll = open_poll(&app, def, &[]).await;
        for _ in 0..2 {
            // Rendered once, then from the cache.
            let page = app.get("/p/tekst-met-token").await.text().await.unwrap();
            assert!(page.contains(title), "the text is shown as written");
            let token = token_in(&page);
            assert_eq!(token.len(), 54, "{token}");
            let res = post_form(&app, "tekst-met-token", &token, &[("q1", "ja")], None).await;
            assert_eq!(res.status(), 303);
        }
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 2);
    }
);

/// The `channel` column of every stored response of `poll`, sorted.
async fn stored_channels(app: &TestApp, poll: uuid::Uuid) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = app
        .store
        .response_counts(poll)
        .await
        .unwrap()
        .into_iter()
        .flat_map(|(channel, n)| std::iter::repeat_n(channel, n as usize))
        .collect();
    out.sort();
    out
}

on_both_backends!(
    only_channels_known_for_the_poll_are_recorded,
    |backend| async move {
        let app = spawn_app(backend).await;
        let poll = open_poll(
            &app,
            yes_no("kanalen", "Kanalen"),
            &["mastodon-velsen", "nieuwsbrief"],
        )
        .await;
        // A link made for one person: the page carries `other`, and so does the answer.
        let page = app
            .get("/p/kanalen?c=jan-jansen-dorpsstraat-12")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("name=\"_channel\" value=\"other\""), "{page}");
        assert!(!page.contains("jan-jansen"));
        let page = app
            .get("/p/kanalen?c=mastodon-velsen")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("name=\"_channel\" value=\"mastodon-velsen\""));

        for channel in [
            "jan-jansen-dorpsstraat-12",
            "mastodon-velsen",
            "poster",
            "Jan",
        ] {
            let token = fresh_token(&app, "kanalen").await;
            let fields = [("q1", "ja"), ("_channel", channel)];
            let res = post_form(&app, "kanalen", &token, &fields, None).await;
            assert_eq!(res.status(), 303, "{channel}");
        }
        for (i, channel) in ["piet-de-vries", "nieuwsbrief", "website", "share"]
            .iter()
            .enumerate()
        {
            let res = app
                .client
                .post(format!("{}/api/v1/polls/kanalen/responses", app.address))
                .json(
                    &json!({"submission_id": format!("k-{i}"), "channel": channel,
                    "answers": {"q1": "nee"}}),
                )
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201, "{channel}");
        }
        let some = |s: &str| Some(s.to_owned());
        assert_eq!(
            stored_channels(&app, poll.id).await,
            [
                None,
                some("mastodon-velsen"),
                some("nieuwsbrief"),
                some("other"),
                some("other"),
                some("poster"),
                some("share"),
                some("website"),
            ]
        );

        // The export shows `other` as a channel like any other.
        let users = crate::staff_access::staff_fixture(&app).await;
        let analyst = &users[0].2;
        let csv = app
            .client
            .get(format!(
                "{}/api/v1/admin/polls/kanalen/export?format=csv",
                app.address
            ))
            .bearer_auth(analyst)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let column = reader
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "channel")
            .unwrap();
        let others = reader
            .records()
            .filter(|r| &r.as_ref().unwrap()[column] == "other")
            .count();
        assert_eq!(others, 2, "{csv}");
        assert!(!csv.contains("jansen") && !csv.contains("piet"));
    }
);

on_both_backends!(
    the_thank_you_page_of_a_draft_is_unknown,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        app.store
            .insert_poll(NewPoll {
                organisation_id: "velsen".into(),
                state: PollState::Draft,
                definition: PollDefinition::from_json_str(
                    &yes_no("geheim-ontwerp", "Geheim ontwerp").to_string(),
                )
                .unwrap(),
                opens_at: None,
                closes_at: None,
                channels: Vec::new(),
            })
            .await
            .unwrap();
        let res = app.get("/p/geheim-ontwerp/thanks").await;
        assert_eq!(res.status(), 404);
        let page = res.text().await.unwrap();
        assert!(
            !page.contains("Bedankt") && !page.contains("Geheim"),
            "{page}"
        );
        assert!(page.contains("Deze peiling bestaat niet"));
        // Not open yet: what its own page says.
        let page = app
            .get("/p/demo-gepland/thanks")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("nog niet open") && !page.contains("Bedankt"));
        // Open: thanks.
        let page = app.get("/p/demo/thanks").await.text().await.unwrap();
        assert!(page.contains("Bedankt"));
    }
);

on_both_backends!(
    a_scheduled_poll_shows_only_its_title_and_opening_time,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let scheduled = app
            .store
            .poll_by_slug("demo-gepland")
            .await
            .unwrap()
            .unwrap();
        let res = app.get("/api/v1/polls/demo-gepland").await;
        assert_eq!(res.status(), 200);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["state"], "not_open_yet");
        assert_eq!(body["slug"], "demo-gepland");
        assert!(!body["title"].is_null());
        assert_eq!(
            body["opens_at"]
                .as_str()
                .map(|s| s.parse::<chrono::DateTime<Utc>>().unwrap()),
            scheduled.opens_at
        );
        assert_eq!(body["questions"], json!([]), "{body}");
        for hidden in ["intro", "feedback_promise", "closes_at"] {
            assert!(body[hidden].is_null(), "{hidden}: {body}");
        }
        let text = body.to_string();
        for question in &scheduled.definition.questions {
            assert!(!text.contains(&format!("\"{}\"", question.id)), "{text}");
        }
        // Once open, everything.
        let open: Value = app.get("/api/v1/polls/demo").await.json().await.unwrap();
        assert!(!open["questions"].as_array().unwrap().is_empty());
    }
);

on_both_backends!(
    poll_texts_with_control_or_bidi_characters_are_refused_with_their_place,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = crate::staff_access::staff_fixture(&app).await;
        let comms = &users[1].2;
        let mut def = yes_no("tekens", "Fietsen\u{202E}nepzeker");
        def["questions"][0]["options"][1]["text"] = json!("Nee\u{7}");
        // Isolates and line breaks where a text may have lines stay allowed.
        def["intro"] = json!("Twee regels.\nMet \u{2067}عربي\u{2069} erin.");
        let res = app
            .client
            .post(format!("{}/api/v1/admin/polls", app.address))
            .bearer_auth(comms)
            .header("accept-language", "en")
            .json(&def)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let body: Value = res.json().await.unwrap();
        let errors = body["error"]["details"]["errors"].as_array().unwrap();
        let found: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e["location"].as_str().unwrap(), e["code"].as_str().unwrap()))
            .collect();
        assert_eq!(
            found,
            [
                ("title", "text_characters"),
                ("questions[0].options[1].text", "text_characters")
            ],
            "{body}"
        );
        let message = errors[0]["message"].as_str().unwrap();
        assert!(
            message.contains("U+202E") && !message.contains('\u{202E}'),
            "{message}"
        );

        // The command line gives the same, with the place.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("tekens.json");
        std::fs::write(&file, def.to_string()).unwrap();
        let out = flits_command()
            .args([
                "poll",
                "validate",
                file.to_str().unwrap(),
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["errors"][0]["location"], "title");
        assert_eq!(report["errors"][0]["code"], "text_characters");
    }
);

/// `SELECT sql` on the test database, as text rows.
async fn texts(app: &TestApp, sql: &str) -> Result<Vec<String>, sqlx::Error> {
    use sqlx::Connection;
    if app.db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&app.db.url).await?;
        sqlx::query_scalar(sql).fetch_all(&mut conn).await
    } else {
        let mut conn = sqlx::PgConnection::connect(&app.db.url).await?;
        sqlx::query_scalar(sql).fetch_all(&mut conn).await
    }
}

on_both_backends!(
    the_order_of_stored_responses_says_nothing_about_their_time,
    |backend| async move {
        // Thirty submits from one address.
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            s.rate_limits = flits::settings::SwitchValue(flits::settings::Switch::Off);
        })
        .await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        for i in 0..30 {
            let res = post_json_with(&app, &format!("volgorde-{i:02}"), &[]).await;
            assert_eq!(res.status(), 201);
        }
        let stored = |sql: &'static str| texts(&app, sql);
        match backend {
            Backend::Sqlite => {
                // No hidden row number that counts inserts.
                let err = stored("SELECT CAST(rowid AS TEXT) FROM responses")
                    .await
                    .unwrap_err();
                assert!(err.to_string().contains("rowid"), "{err}");
            }
            Backend::Postgres => {
                let rounds = flits_runner::shuffle::Shuffle::default()
                    .step(&app.store, Utc::now())
                    .await
                    .unwrap();
                assert_eq!(rounds, Some(30));
                // Every row written by one transaction…
                let stamps = stored("SELECT DISTINCT xmin::text FROM responses")
                    .await
                    .unwrap();
                assert_eq!(stamps.len(), 1, "{stamps:?}");
            }
        }
        // …and lying in the order of the random ids, not of arrival.
        let physical = match backend {
            // Reading `answers`, which no index has, makes SQLite walk the table itself.
            Backend::Sqlite => stored("SELECT hex(id) FROM responses WHERE answers <> ''")
                .await
                .unwrap(),
            Backend::Postgres => stored("SELECT id::text FROM responses ORDER BY ctid")
                .await
                .unwrap(),
        };
        let mut by_id = physical.clone();
        by_id.sort();
        assert_eq!(physical.len(), 30);
        assert_eq!(physical, by_id);
        let arrival = stored("SELECT submission_id FROM responses ORDER BY submission_id")
            .await
            .unwrap();
        assert_eq!(arrival.len(), 30);

        // Retries are still duplicates, and the responses all still count.
        assert_eq!(post_json_with(&app, "volgorde-07", &[]).await.status(), 200);
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 30);
    }
);

/// Waits until `url` answers, for at most ten seconds.
async fn wait_until_up(url: &str) {
    let start = Instant::now();
    while reqwest::get(url).await.is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{url} did not come up"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_log_does_not_keep_the_moment_of_a_submit() {
    let db = TestDb::new(Backend::Sqlite).await;
    let store = flits_store::Store::connect(&db.url).await.unwrap();
    store.migrate().await.unwrap();
    flits::demo::prepare(&store).await.unwrap();
    store.close().await.unwrap();
    let port = crate::bridge_support::smtpd::free_port();
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("serve.log");
    let mut child = flits_command()
        .args(["serve", "--only", "collector"])
        .env("FLITS_DATABASE_URL", &db.url)
        .env("FLITS_BIND", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "info")
        .env("FLITS_LOG_FORMAT", "json")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log_path).unwrap())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    wait_until_up(&format!("{base}/healthz")).await;
    let client = browser_client();
    let page = client
        .get(format!("{base}/p/demo"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = token_in(&page);
    let mut fields = vec![("_submission", token.as_str())];
    fields.extend_from_slice(GOOD_FORM);
    let res = client
        .post(format!("{base}/p/demo"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let thanks = client
        .get(format!("{base}/p/demo/thanks"))
        .send()
        .await
        .unwrap();
    assert_eq!(thanks.status(), 200);
    let res = client
        .post(format!("{base}/api/v1/polls/demo/responses"))
        .json(&json!({"submission_id": "log-1",
            "answers": {"tevreden": 4, "meer": ["bomen"], "helpen": "ja"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let _ = child.kill();
    let _ = child.wait();
    let mut log = String::new();
    std::fs::File::open(&log_path)
        .unwrap()
        .read_to_string(&mut log)
        .unwrap();
    let requests: Vec<Value> = log
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|l| l["message"] == "request")
        .collect();
    assert!(
        requests
            .iter()
            .any(|l| l["method"] == "GET" && l["route"] == "/p/{slug}"),
        "the page view is logged as before:\n{log}"
    );
    for line in &requests {
        assert!(
            line["method"] != "POST" && line["route"] != "/p/{slug}/thanks",
            "a submit logged with its moment: {line}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_from_a_social_app_answers_and_an_attackers_page_cannot() {
    let Some(tools) = crate::browser::tools_or_skip(
        "a_resident_from_a_social_app_answers_and_an_attackers_page_cannot",
    ) else {
        return;
    };
    let db = TestDb::new(Backend::Sqlite).await;
    let app = spawn_app_on(db, |s| s.public_url = String::new()).await;
    flits::demo::prepare(&app.store).await.unwrap();
    let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
    let browser = crate::browser::Browser::start(&tools, crate::browser::Script::On).await;

    // An attacker's page (an opaque origin) that sends the form as soon as it loads.
    let attack = format!(
        "data:text/html,<form method=post action='{}/p/demo'>\
         <input name=_submission value=x><input name=tevreden value=1>\
         <input name=meer value=bomen><input name=helpen value=nee></form>\
         <script>document.forms[0].submit()</script>",
        app.address
    );
    browser.client.goto(&attack).await.unwrap();
    browser.wait_for_path("/p/demo").await;
    let source = browser.client.source().await.unwrap();
    // In the browser's language (Chromium asks for English).
    assert!(
        source.contains("This form came from another website"),
        "{source}"
    );
    assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 0);

    // A link in another app: a visit from another site, then the form on our own page.
    let post = format!(
        "data:text/html,<a id=link href='{}/p/demo?c=share'>Doe mee</a>",
        app.address
    );
    browser.client.goto(&post).await.unwrap();
    browser
        .client
        .find(fantoccini::Locator::Id("link"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_for("#q-tevreden-4").await;
    for label in [
        "label[for='q-tevreden-4']",
        "label[for='q-meer-bomen']",
        "label[for='q-helpen-ja']",
    ] {
        browser
            .client
            .find(fantoccini::Locator::Css(label))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    browser
        .client
        .find(fantoccini::Locator::Css("button[type='submit']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/p/demo/thanks").await;
    assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 1);
    assert_eq!(
        app.store.response_counts(poll.id).await.unwrap(),
        [(Some("share".to_owned()), 1)]
    );
    browser.close().await;
}
