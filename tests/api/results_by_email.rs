//! The results by e-mail (README.md, "Feedback by e-mail"), end to end: a resident answers the
//! poll through the form, asks on the thank-you page for the results by e-mail, and once staff
//! publish them the runner's sender delivers one multipart message per address to a real SMTP
//! server process (Python's aiosmtpd) in the language the resident asked in, then deletes the
//! address. A relay that is down keeps the address for a later try; subscriptions whose results
//! never come are purged. Without aiosmtpd the tests that need it say `SKIPPED`, and fail where
//! every test must run (`CI=true`, `FLITS_TEST_REQUIRE_ALL=1`).

use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeDelta, Utc};
use flits::startup::Service;
use flits_runner::feedback::{FeedbackMail, MAX_ATTEMPTS};
use flits_store::{NewPoll, NewPublication, Poll, PublishOutcome};
use flits_survey::{PollDefinition, PollState, Text};
use secrecy::SecretString;

use crate::bridge_support::smtpd::{Smtpd, free_port};
use crate::collector_fairness::{GOOD_FORM, cookie_pair, fresh_token, post_form};
use crate::helpers::*;
use crate::on_both_backends;
use crate::skip;

const PUBLIC_URL: &str = "https://peiling.example.nl";
const SENDER: &str = "peiling@ijmond.example.nl";

/// The collector alone (the test steps the sender itself), with a relay on `port`, so the
/// thank-you page offers the e-mail, and without its cache, so it sees a publication at once.
pub async fn app_with_relay(backend: Backend, port: u16) -> TestApp {
    let db = TestDb::new(backend).await;
    spawn_services_on(db, &[Service::Collector], |s| {
        s.collector.cache_millis = 0;
        s.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")));
        s.mail.from = Some(SENDER.parse().unwrap());
    })
    .await
}

/// [`app_with_relay`] served at the address it listens on (no `public_url`), for a real browser:
/// the collector takes forms only from its own public origin.
pub async fn app_with_relay_at_own_address(backend: Backend, port: u16) -> TestApp {
    let db = TestDb::new(backend).await;
    spawn_services_on(db, &[Service::Collector], |s| {
        s.public_url = String::new();
        s.collector.cache_millis = 0;
        s.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")));
        s.mail.from = Some(SENDER.parse().unwrap());
    })
    .await
}

/// The sender of the runner, through the relay on `port`.
fn sender(port: u16) -> FeedbackMail {
    let relay = flits_mail::Relay {
        url: SecretString::from(format!("smtp://127.0.0.1:{port}")),
        from: SENDER.parse().unwrap(),
    };
    let mailer = flits_mail::Mailer::new(&relay, Duration::from_secs(5)).unwrap();
    FeedbackMail::new(
        Some(Arc::new(mailer)),
        PUBLIC_URL.parse().unwrap(),
        Duration::from_secs(60),
        90,
    )
}

/// aiosmtpd, or `None` after reporting the skip.
fn smtpd(test: &str) -> Option<Smtpd> {
    match Smtpd::start() {
        Ok(server) => Some(server),
        Err(why) => {
            skip::skipped(test, &why);
            None
        }
    }
}

/// Answers the demo poll through its form, as a browser does; the participation cookie it got.
async fn answer(app: &TestApp, lang: &str) -> String {
    let token = fresh_token(app, "demo").await;
    let mut fields: Vec<(&str, &str)> = GOOD_FORM
        .iter()
        .filter(|(k, _)| *k != "_lang")
        .copied()
        .collect();
    fields.push(("_lang", lang));
    let res = post_form(app, "demo", &token, &fields, None).await;
    assert_eq!(res.status(), 303);
    cookie_pair(&res).expect("the participation cookie")
}

/// The demo poll's thank-you page (with `query`, such as `?lang=nl`) for the browser with `cookie`.
async fn thanks_page(app: &TestApp, query: &str, cookie: &str) -> String {
    app.client
        .get(format!("{}/p/demo/thanks{query}", app.address))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// `POST /p/demo/results-by-email` as the thank-you page's form sends it.
async fn ask(app: &TestApp, email: &str, lang: &str, cookie: Option<&str>) -> reqwest::Response {
    let mut req = app
        .client
        .post(format!("{}/p/demo/results-by-email", app.address))
        .form(&[("email", email), ("_lang", lang)]);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    req.send().await.unwrap()
}

/// Every stored subscription: address, language and the day it came in, as text.
async fn subscribers(app: &TestApp) -> Vec<(String, String, String)> {
    use sqlx::Connection;
    let sql =
        "SELECT email, lang, CAST(created_on AS TEXT) FROM feedback_subscribers ORDER BY email";
    if app.db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&app.db.url).await.unwrap();
        sqlx::query_as(sql).fetch_all(&mut conn).await.unwrap()
    } else {
        let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
        sqlx::query_as(sql).fetch_all(&mut conn).await.unwrap()
    }
}

/// Closes the poll and publishes its results with a "you said, we did" text in Dutch and English.
async fn publish(app: &TestApp, poll: &Poll) {
    let now = Utc::now();
    app.store
        .set_poll_schedule(
            poll.id,
            PollState::Closed,
            Some(now - TimeDelta::days(14)),
            Some(now - TimeDelta::hours(1)),
        )
        .await
        .unwrap();
    let summary: Text = serde_json::from_value(serde_json::json!({
        "nl": "U wilde meer bomen bij de school.\n\nWij planten er tien in het voorjaar.",
        "en": "You wanted more trees by the school.\n\nWe will plant ten in the spring."
    }))
    .unwrap();
    let outcome = app
        .store
        .publish_results(
            poll.id,
            NewPublication {
                summary,
                quotes: Vec::new(),
                actor: None,
            },
            now,
        )
        .await
        .unwrap();
    assert!(
        matches!(outcome, PublishOutcome::Published { .. }),
        "{outcome:?}"
    );
}

on_both_backends!(
    the_thank_you_page_takes_an_address_once_and_only_from_someone_who_answered,
    |backend| async move {
        let app = app_with_relay(backend, free_port()).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let cookie = answer(&app, "nl").await;

        // The offer on the thank-you page, for the browser that answered.
        let page = thanks_page(&app, "?lang=nl", &cookie).await;
        assert!(
            page.contains(r#"action="/p/demo/results-by-email""#),
            "{page}"
        );
        assert!(
            page.contains(r#"<label for="feedback-email">Uw e-mailadres</label>"#),
            "{page}"
        );
        assert!(page.contains(r#"type="email""#) && page.contains(r#"autocomplete="email""#));
        assert!(
            page.contains("Daarna wissen we het."),
            "what it is for, and that it goes: {page}"
        );
        assert!(page.contains("na 90 dagen"), "{page}");
        // Not for a browser that did not answer.
        let stranger = app
            .get("/p/demo/thanks?lang=nl")
            .await
            .text()
            .await
            .unwrap();
        assert!(stranger.contains("Bedankt") && !stranger.contains("results-by-email"));

        // Asking: the confirmation; asking again (other capitals, spaces) is still one address.
        let res = ask(&app, "Inwoner@Example.nl", "nl", Some(&cookie)).await;
        assert_eq!(res.status(), 200);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("We sturen u de uitkomst")
        );
        let res = ask(&app, "  inwoner@example.NL ", "nl", Some(&cookie)).await;
        assert_eq!(res.status(), 200);
        let stored = subscribers(&app).await;
        assert_eq!(stored.len(), 1, "{stored:?}");
        let (email, lang, day) = &stored[0];
        assert_eq!(
            (email.as_str(), lang.as_str()),
            ("inwoner@example.nl", "nl")
        );
        // A date, never a time.
        assert_eq!(day.len(), 10, "{day}");
        assert_eq!(
            day.as_str(),
            Utc::now()
                .with_timezone(&chrono_tz::Europe::Amsterdam)
                .date_naive()
                .to_string()
        );

        // A bad address: the form again with the message and what was typed, nothing stored.
        let res = ask(&app, "inwoner-at-example.nl", "nl", Some(&cookie)).await;
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        assert!(page.contains("Dit e-mailadres klopt niet."), "{page}");
        assert!(page.contains(r#"value="inwoner-at-example.nl""#), "{page}");
        assert!(page.contains(r#"aria-invalid="true""#) && page.contains("<title>Fout: "));
        assert_eq!(subscribers(&app).await.len(), 1);

        // Someone who did not answer (no cookie, or a forged one) cannot ask.
        let res = ask(&app, "buur@example.nl", "nl", None).await;
        assert_eq!(res.status(), 403);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Alleen wie heeft meegedaan")
        );
        let forged = format!("{}=bm90LXNpZ25lZA", cookie.split('=').next().unwrap());
        let res = ask(&app, "buur@example.nl", "nl", Some(&forged)).await;
        assert_eq!(res.status(), 403);
        assert_eq!(subscribers(&app).await.len(), 1);

        // An English page stores English.
        let cookie_en = answer(&app, "en").await;
        let res = ask(&app, "resident@example.org", "en", Some(&cookie_en)).await;
        assert_eq!(res.status(), 200);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("We will send you the results")
        );
        let stored = subscribers(&app).await;
        assert_eq!(stored.len(), 2);
        assert_eq!(
            (stored[1].0.as_str(), stored[1].1.as_str()),
            ("resident@example.org", "en")
        );

        // Without a relay the offer is not made, and the route refuses.
        let plain =
            spawn_services_on(TestDb::new(backend).await, &[Service::Collector], |_| {}).await;
        flits::demo::prepare(&plain.store).await.unwrap();
        let cookie = answer(&plain, "nl").await;
        let page = thanks_page(&plain, "", &cookie).await;
        assert!(page.contains("Bedankt") && !page.contains("results-by-email"));
        assert_eq!(
            ask(&plain, "inwoner@example.nl", "nl", Some(&cookie))
                .await
                .status(),
            404
        );
        assert!(subscribers(&plain).await.is_empty());
    }
);

on_both_backends!(
    published_results_reach_every_address_once_in_its_language,
    |backend| async move {
        let test = "results_by_email::published_results_reach_every_address_once_in_its_language";
        let Some(server) = smtpd(test) else { return };
        let app = app_with_relay(backend, server.port).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        let cookie_nl = answer(&app, "nl").await;
        let cookie_en = answer(&app, "en").await;
        for _ in 0..2 {
            assert_eq!(
                ask(&app, "inwoner@example.nl", "nl", Some(&cookie_nl))
                    .await
                    .status(),
                200
            );
        }
        assert_eq!(
            ask(&app, "resident@example.org", "en", Some(&cookie_en))
                .await
                .status(),
            200
        );
        // More residents, stored as the form stores them, for two senders at once below.
        let today = Utc::now().date_naive();
        for i in 0..6 {
            let email = format!("buur{i}@example.nl").parse().unwrap();
            app.store
                .subscribe_feedback(poll.id, &email, flits_i18n::Locale::Nl, today)
                .await
                .unwrap();
        }
        let sender = sender(server.port);

        // Before the results are published nothing goes out.
        let report = sender.step(&app.store, Utc::now()).await.unwrap();
        assert_eq!(report.sent, 0);
        assert!(server.messages().is_empty());
        assert_eq!(subscribers(&app).await.len(), 8);

        publish(&app, &poll).await;
        // Two runners at the same time: each message still goes out once.
        let other = self::sender(server.port);
        let (a, b) = tokio::join!(
            sender.step(&app.store, Utc::now()),
            other.step(&app.store, Utc::now())
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.sent + b.sent, 8, "{a:?} {b:?}");
        let messages = server.wait_for(8).await;
        assert_eq!(messages.len(), 8, "{messages:?}");
        let mut recipients: Vec<&str> = messages.iter().map(|m| m.to.as_str()).collect();
        recipients.sort_unstable();
        recipients.dedup();
        assert_eq!(
            recipients.len(),
            8,
            "one message per address: {recipients:?}"
        );

        let to = |address: &str| messages.iter().find(|m| m.to == address).unwrap();
        let nl = to("inwoner@example.nl");
        assert_eq!(
            nl.subject,
            "De uitkomst van de peiling: Meer groen in uw buurt?"
        );
        assert_eq!(nl.from, SENDER);
        assert_eq!(nl.content_type, "multipart/alternative");
        let (text, html) = (
            nl.part("text/plain").unwrap(),
            nl.part("text/html").unwrap(),
        );
        let link = format!("{PUBLIC_URL}/p/demo/results?lang=nl");
        assert!(
            text.contains(&link) && text.contains("Wij planten er tien in het voorjaar."),
            "{text}"
        );
        assert!(
            text.contains("U deed mee aan de peiling „Meer groen in uw buurt?”"),
            "{text}"
        );
        assert!(html.contains(&format!(r#"href="{link}""#)), "{html}");
        assert!(
            html.contains("<p>Wij planten er tien in het voorjaar.</p>"),
            "{html}"
        );
        assert!(html.contains(r#"<html lang="nl" dir="ltr">"#));
        let en = to("resident@example.org");
        assert_eq!(
            en.subject,
            "Poll results: More green in your neighbourhood?"
        );
        let text = en.part("text/plain").unwrap();
        assert!(
            text.contains(&format!("{PUBLIC_URL}/p/demo/results?lang=en")),
            "{text}"
        );
        assert!(text.contains("We will plant ten in the spring."), "{text}");
        assert!(en.part("text/html").unwrap().contains("You said, we did"));

        // Afterwards no address is kept, and a later step sends nothing again.
        assert!(subscribers(&app).await.is_empty());
        let report = sender
            .step(&app.store, Utc::now() + TimeDelta::days(1))
            .await
            .unwrap();
        assert_eq!(report.sent, 0);
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(server.messages().len(), 8);
        let counts = app.store.feedback_counts(poll.id).await.unwrap();
        assert_eq!((counts.waiting, counts.given_up), (0, 0));
        // Published results: the thank-you page links to them instead of offering the e-mail.
        let page = thanks_page(&app, "?lang=nl", &cookie_nl).await;
        assert!(
            page.contains(r#"href="/p/demo/results?lang=nl""#)
                && !page.contains("results-by-email")
        );
    }
);

on_both_backends!(
    a_relay_that_is_down_keeps_the_address_and_tries_again_later,
    |backend| async move {
        let test = "results_by_email::a_relay_that_is_down_keeps_the_address_and_tries_again_later";
        let Some(server) = smtpd(test) else { return };
        let app = app_with_relay(backend, server.port).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        let cookie = answer(&app, "nl").await;
        assert_eq!(
            ask(&app, "inwoner@example.nl", "nl", Some(&cookie))
                .await
                .status(),
            200
        );
        assert_eq!(
            ask(&app, "tweede@example.nl", "nl", Some(&cookie))
                .await
                .status(),
            200
        );
        publish(&app, &poll).await;

        // The relay is down: both addresses stay, with why, and wait for their next try.
        let down = sender(free_port());
        let now = Utc::now();
        let report = down.step(&app.store, now).await.unwrap();
        assert_eq!((report.sent, report.retrying), (0, 2), "{report:?}");
        assert_eq!(subscribers(&app).await.len(), 2);
        let counts = app.store.feedback_counts(poll.id).await.unwrap();
        assert_eq!((counts.waiting, counts.retrying), (2, 2));
        // Not at once again (the backoff), even with the relay back…
        let up = sender(server.port);
        let report = up
            .step(&app.store, now + TimeDelta::seconds(30))
            .await
            .unwrap();
        assert_eq!(report.sent, 0);
        // …but later: each goes out once, and the addresses go with them.
        let report = up
            .step(&app.store, now + TimeDelta::hours(1))
            .await
            .unwrap();
        assert_eq!(report.sent, 2, "{report:?}");
        assert_eq!(server.wait_for(2).await.len(), 2);
        assert!(subscribers(&app).await.is_empty());

        // A relay that stays down: given up after the last attempt, the address deleted, and the
        // count staff see (the audit log, without the address).
        assert_eq!(
            ask(&app, "derde@example.nl", "nl", Some(&cookie))
                .await
                .status(),
            409,
            "published: no more subscriptions"
        );
        let today = Utc::now().date_naive();
        app.store
            .subscribe_feedback(
                poll.id,
                &"derde@example.nl".parse().unwrap(),
                flits_i18n::Locale::Nl,
                today,
            )
            .await
            .unwrap();
        let mut at = now;
        let mut given_up = 0;
        for _ in 0..MAX_ATTEMPTS {
            at += TimeDelta::hours(7);
            given_up += down.step(&app.store, at).await.unwrap().given_up;
        }
        assert_eq!(given_up, 1);
        assert!(subscribers(&app).await.is_empty());
        let counts = app.store.feedback_counts(poll.id).await.unwrap();
        assert_eq!((counts.waiting, counts.given_up), (0, 1));
        let audit = app.store.audit_entries(10).await.unwrap();
        let entry = audit
            .iter()
            .find(|e| e.action == "feedback.gave_up")
            .unwrap();
        assert_eq!(entry.poll_slug.as_deref(), Some("demo"));
        assert!(
            !entry.details.to_string().contains('@'),
            "{:?}",
            entry.details
        );
        assert_eq!(server.messages().len(), 2);
    }
);

const OTHER_POLL: &str = r#"
slug: plein-oud
title: {nl: "Het plein"}
questions:
  - {id: bomen, kind: single_choice, text: {nl: "Meer bomen?"}, options: [{id: ja, text: {nl: "Ja"}}, {id: nee, text: {nl: "Nee"}}]}
"#;

on_both_backends!(
    subscriptions_whose_results_never_came_are_purged,
    |backend| async move {
        let app =
            spawn_services_on(TestDb::new(backend).await, &[Service::Collector], |_| {}).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let demo = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        let now = Utc::now();
        let old = (now - TimeDelta::days(100)).date_naive();
        let recent = (now - TimeDelta::days(10)).date_naive();
        let subscribe = |poll: uuid::Uuid, email: &'static str, day| {
            let store = app.store.clone();
            async move {
                store
                    .subscribe_feedback(poll, &email.parse().unwrap(), flits_i18n::Locale::Nl, day)
                    .await
                    .unwrap()
            }
        };
        // The demo poll's results never came: the old address goes, the recent one stays.
        subscribe(demo.id, "oud@example.nl", old).await;
        subscribe(demo.id, "recent@example.nl", recent).await;
        // A poll published 95 days ago whose message never went out (no relay): purged too.
        let other = app
            .store
            .insert_poll(NewPoll {
                organisation_id: "velsen".into(),
                state: PollState::Closed,
                definition: PollDefinition::from_yaml_str(OTHER_POLL).unwrap(),
                opens_at: Some(now - TimeDelta::days(120)),
                closes_at: Some(now - TimeDelta::days(110)),
                channels: Vec::new(),
            })
            .await
            .unwrap();
        subscribe(other.id, "lang-geleden@example.nl", old).await;
        let published = app
            .store
            .publish_results(
                other.id,
                NewPublication {
                    summary: Text::from("Er komen bomen."),
                    quotes: Vec::new(),
                    actor: None,
                },
                now - TimeDelta::days(95),
            )
            .await
            .unwrap();
        assert!(matches!(published, PublishOutcome::Published { .. }));

        // Without a relay the runner still purges.
        let purger = FeedbackMail::new(
            None,
            PUBLIC_URL.parse().unwrap(),
            Duration::from_secs(60),
            90,
        );
        let report = purger.step(&app.store, now).await.unwrap();
        assert_eq!((report.purged, report.sent), (2, 0), "{report:?}");
        let left: Vec<String> = subscribers(&app).await.into_iter().map(|s| s.0).collect();
        assert_eq!(left, ["recent@example.nl"]);
        // Its turn comes once it is older than keep_days.
        let report = purger
            .step(&app.store, now + TimeDelta::days(81))
            .await
            .unwrap();
        assert_eq!(report.purged, 1);
        assert!(subscribers(&app).await.is_empty());
    }
);

/// A Velsen poll `slug` (with the `extra` YAML lines, such as a brief) that opened 40 days before
/// `now` and closed 30 days before, scheduled by comms@velsen.example (its owner, from the audit log); the
/// runner has still to close it. Its id.
async fn owned_poll_that_closed(
    app: &TestApp,
    slug: &str,
    extra: &str,
    now: chrono::DateTime<Utc>,
) -> uuid::Uuid {
    let yaml = format!(
        "slug: {slug}\ntitle: {{nl: \"Het plein\", en: \"The square\"}}\n{extra}questions:\n  - {{id: q1, kind: single_choice, text: {{nl: \"Ja?\"}}, options: [{{id: ja, text: {{nl: \"Ja\"}}}}, {{id: nee, text: {{nl: \"Nee\"}}}}]}}\n"
    );
    let poll = app
        .store
        .insert_poll(NewPoll {
            organisation_id: "velsen".into(),
            state: PollState::Scheduled,
            definition: PollDefinition::from_yaml_str(&yaml).unwrap(),
            opens_at: Some(now - TimeDelta::days(40)),
            closes_at: Some(now - TimeDelta::days(30)),
            channels: vec![],
        })
        .await
        .unwrap();
    app.store
        .insert_audit(flits_store::NewAudit {
            actor_email: Some("comms@velsen.example".into()),
            action: "poll.scheduled".into(),
            poll_slug: Some(slug.into()),
            details: serde_json::json!({}),
        })
        .await
        .unwrap();
    poll.id
}

on_both_backends!(
    the_owner_is_reminded_once_when_results_are_overdue,
    |backend| async move {
        let test = "the_owner_is_reminded_once_when_results_are_overdue";
        let Some(server) = smtpd(test) else { return };
        let db = TestDb::new(backend).await;
        let app = spawn_services_on(db, &[Service::Collector], |_| {}).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let now = chrono::Utc::now();
        // Two polls close; comms staff scheduled one of them, and the other gets published.
        let mut ids = Vec::new();
        for slug in ["te-laat", "op-tijd"] {
            ids.push(owned_poll_that_closed(&app, slug, "", now).await);
        }
        flits_runner::run_due_jobs(&app.store, now).await.unwrap();
        app.store
            .publish_results(
                ids[1],
                flits_store::NewPublication {
                    summary: flits_survey::Text::Plain("U zei ja.".into()),
                    quotes: vec![],
                    actor: None,
                },
                now,
            )
            .await
            .unwrap();
        let sender = sender(server.port).with_reminders(28);
        // Not yet due 27 days after closing…
        let early = now - chrono::TimeDelta::days(3);
        assert_eq!(sender.remind_overdue(&app.store, early).await.unwrap(), 0);
        // …due after 28, and only once.
        assert_eq!(sender.remind_overdue(&app.store, now).await.unwrap(), 1);
        assert_eq!(sender.remind_overdue(&app.store, now).await.unwrap(), 0);
        let messages = server.messages();
        assert_eq!(messages.len(), 1, "{messages:?}");
        let m = &messages[0];
        assert_eq!(m.to, "comms@velsen.example");
        assert!(m.subject.contains("Het plein"), "{}", m.subject);
        let text = m.part("text/plain").unwrap();
        assert!(
            text.contains("https://peiling.example.nl/staff/polls/te-laat/results"),
            "{text}"
        );
        assert!(
            text.contains("30 dagen") || text.contains("28 dagen"),
            "{text}"
        );
        let jobs = app.store.job_runs(None).await.unwrap();
        let reminders: Vec<_> = jobs
            .iter()
            .filter(|j| j.kind == "publication_reminder")
            .map(|j| j.status.as_str())
            .collect();
        assert_eq!(reminders.len(), 2);
        assert!(
            reminders.contains(&"done") && reminders.contains(&"skipped"),
            "{reminders:?}"
        );
    }
);

on_both_backends!(
    the_owner_is_reminded_once_when_the_promised_follow_up_is_due,
    |backend| async move {
        let test = "the_owner_is_reminded_once_when_the_promised_follow_up_is_due";
        let Some(server) = smtpd(test) else { return };
        let db = TestDb::new(backend).await;
        let app = spawn_services_on(db, &[Service::Collector], |_| {}).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let now = chrono::Utc::now();
        let today = now
            .with_timezone(&chrono_tz::Europe::Amsterdam)
            .date_naive();
        let promised = today - TimeDelta::days(1);
        // Two closed polls promised "what we did" for yesterday; one of them has just published.
        let brief =
            format!("brief: {{purpose: Weten, audiences: [velsen], follow_up_on: {promised}}}\n");
        let mut ids = Vec::new();
        for slug in ["vergeten", "gedaan"] {
            ids.push(owned_poll_that_closed(&app, slug, &brief, now).await);
        }
        flits_runner::run_due_jobs(&app.store, now).await.unwrap();
        app.store
            .publish_results(
                ids[1],
                NewPublication {
                    summary: Text::Plain("U zei ja. Wij doen het.".into()),
                    quotes: vec![],
                    actor: None,
                },
                now,
            )
            .await
            .unwrap();
        let sender = sender(server.port);
        // Not before 09:00 on the promised day…
        let early = flits_store::follow_up_due_at(promised) - TimeDelta::minutes(1);
        assert_eq!(sender.remind_follow_up(&app.store, early).await.unwrap(), 0);
        // …then once, for the poll that did not follow up.
        assert_eq!(sender.remind_follow_up(&app.store, now).await.unwrap(), 1);
        assert_eq!(sender.remind_follow_up(&app.store, now).await.unwrap(), 0);
        let messages = server.messages();
        assert_eq!(messages.len(), 1, "{messages:?}");
        let m = &messages[0];
        assert_eq!(m.to, "comms@velsen.example");
        assert!(m.subject.contains("Het plein"), "{}", m.subject);
        let text = m.part("text/plain").unwrap();
        assert!(text.contains(&promised.to_string()), "{text}");
        assert!(
            text.contains("https://peiling.example.nl/staff/polls/vergeten/results"),
            "{text}"
        );
        let jobs = app.store.job_runs(None).await.unwrap();
        let status = |poll: uuid::Uuid| {
            jobs.iter()
                .find(|j| j.poll_id == poll && j.kind == "follow_up_reminder")
                .map(|j| j.status.clone())
        };
        assert_eq!(status(ids[0]).as_deref(), Some("done"));
        assert_eq!(status(ids[1]).as_deref(), Some("skipped"));
    }
);

on_both_backends!(
    addresses_are_stored_in_the_order_of_their_random_ids_not_the_order_they_came_in,
    |backend| async move {
        use sqlx::Connection;
        let db = TestDb::new(backend).await;
        let app = spawn_services_on(db, &[Service::Collector], |_| {}).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        let today = Utc::now().date_naive();
        // Addresses come in one after another, in the order of their text.
        let arrived: Vec<String> = (0..24)
            .map(|i| format!("inwoner{i:02}@example.nl"))
            .collect();
        for email in &arrived {
            app.store
                .subscribe_feedback(
                    poll.id,
                    &email.parse().unwrap(),
                    flits_i18n::Locale::Nl,
                    today,
                )
                .await
                .unwrap();
        }
        app.store.reorder_feedback().await.unwrap();

        // The order the rows are kept in, and the order of their ids.
        type Rows = Vec<(String, String)>;
        let (stored, by_id): (Rows, Rows) = if app.db.url.starts_with("sqlite:") {
            let mut conn = sqlx::SqliteConnection::connect(&app.db.url).await.unwrap();
            // No hidden rowid remembers the insert order…
            let has_rowid = sqlx::query("SELECT rowid FROM feedback_subscribers")
                .fetch_all(&mut conn)
                .await;
            assert!(has_rowid.is_err(), "the table still has a rowid");
            // …and a scan of the table itself goes by id (`lang` is in no index, so no index
            // can stand in for the table).
            let stored = sqlx::query_as("SELECT email, lang FROM feedback_subscribers")
                .fetch_all(&mut conn)
                .await
                .unwrap();
            let by_id = sqlx::query_as("SELECT email, lang FROM feedback_subscribers ORDER BY id")
                .fetch_all(&mut conn)
                .await
                .unwrap();
            (stored, by_id)
        } else {
            let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
            let stored =
                sqlx::query_as("SELECT email, lang FROM feedback_subscribers ORDER BY ctid")
                    .fetch_all(&mut conn)
                    .await
                    .unwrap();
            let by_id = sqlx::query_as("SELECT email, lang FROM feedback_subscribers ORDER BY id")
                .fetch_all(&mut conn)
                .await
                .unwrap();
            (stored, by_id)
        };
        let stored: Vec<String> = stored.into_iter().map(|(e, _)| e).collect();
        let by_id: Vec<String> = by_id.into_iter().map(|(e, _)| e).collect();
        assert_eq!(stored, by_id, "rows are kept in the order of their ids");
        // Random ids: 24 arrivals keep their order by chance once in 24! times.
        assert_ne!(stored, arrived, "rows are kept in the order they came in");
    }
);
