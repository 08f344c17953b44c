//! Publishing results over the staff API: only a closed poll, with a text; quotes are scrubbed
//! and must answer an open question; publishing queues one channel reply per announcement and is
//! audit-logged; a later update is kept with it.

use chrono::{TimeDelta, Utc};
use flits_runner::run_due_jobs;
use flits_store::NewPoll;
use flits_survey::{PollDefinition, PollState};
use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::staff_fixture;

const DEFINITION: &str = r#"
slug: plein-publiek
title: {nl: "Het plein", en: "The square"}
questions:
  - {id: bomen, kind: single_choice, text: {nl: "Meer bomen?"}, options: [{id: ja, text: {nl: "Ja"}}, {id: nee, text: {nl: "Nee"}}]}
  - {id: idee, kind: open_text, text: {nl: "Uw idee?"}}
"#;

on_both_backends!(
    a_closed_poll_is_published_once_with_scrubbed_quotes,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let (analyst, comms) = (&users[0].2, &users[1].2);
        let now = Utc::now();
        let poll = app
            .store
            .insert_poll(NewPoll {
                organisation_id: "velsen".into(),
                state: PollState::Scheduled,
                definition: PollDefinition::from_yaml_str(DEFINITION).unwrap(),
                opens_at: Some(now - TimeDelta::days(2)),
                closes_at: Some(now + TimeDelta::days(2)),
                channels: vec!["mastodon-velsen".into(), "webhook-velsen".into()],
            })
            .await
            .unwrap();
        run_due_jobs(&app.store, now).await.unwrap();
        let post = |path: &str, token: &str, body: serde_json::Value| {
            app.client
                .post(format!(
                    "{}/api/v1/admin/polls/plein-publiek/{path}",
                    app.address
                ))
                .bearer_auth(token)
                .json(&body)
                .send()
        };
        let body = json!({
            "summary": {"nl": "U wilde meer bomen. Wij planten er tien in het voorjaar.", "en": "You wanted more trees."},
            "quotes": [{"question_id": "idee", "text": "Bankjes in de schaduw! Bel me: 06-12345678"}]
        });
        // Open: not yet.
        let res = post("results/publish", comms, body.clone()).await.unwrap();
        assert_eq!(res.status(), 409);
        let error: serde_json::Value = res.json().await.unwrap();
        assert_eq!(error["error"]["code"], "not_closed");
        assert_eq!(error["error"]["details"]["state"], "open");

        run_due_jobs(&app.store, now + TimeDelta::days(3))
            .await
            .unwrap();
        // Analysts read results but do not publish them.
        assert_eq!(
            post("results/publish", analyst, body.clone())
                .await
                .unwrap()
                .status(),
            403
        );
        // A quote must answer an open question; a text is required.
        let bad =
            json!({"summary": {"nl": " "}, "quotes": [{"question_id": "bomen", "text": "ja"}]});
        let res = post("results/publish", comms, bad).await.unwrap();
        assert_eq!(res.status(), 422);
        let error: serde_json::Value = res.json().await.unwrap();
        assert_eq!(error["error"]["code"], "invalid_publication");
        let locations: Vec<&str> = error["error"]["details"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["location"].as_str().unwrap())
            .collect();
        assert_eq!(locations, ["summary.nl", "quotes[0].question_id"]);

        let res = post("results/publish", comms, body.clone()).await.unwrap();
        assert_eq!(res.status(), 200);
        let published: serde_json::Value = res.json().await.unwrap();
        assert_eq!(published["state"], "results_published");
        assert_eq!(published["channel_replies"], 2);
        assert_eq!(
            published["quotes"][0]["text"],
            "Bankjes in de schaduw! Bel me: [phone]"
        );
        let stored = app.store.publication(poll.id).await.unwrap().unwrap();
        assert_eq!(
            stored.quotes[0].text,
            "Bankjes in de schaduw! Bel me: [phone]"
        );
        assert_eq!(stored.summary.get("en"), "You wanted more trees.");
        let posts = app.store.outbox_posts(poll.id).await.unwrap();
        assert_eq!(posts.iter().filter(|p| p.purpose == "results").count(), 2);
        let audit = app.store.audit_entries(20).await.unwrap();
        let entry = audit
            .iter()
            .find(|a| a.action == "poll.results_published")
            .unwrap();
        assert_eq!(entry.actor_email.as_deref(), Some("comms@velsen.example"));

        // Once only.
        let again = post("results/publish", comms, body).await.unwrap();
        assert_eq!(again.status(), 409);

        // A later update is kept, oldest first, with plain-language hints on the Dutch text.
        let res = post(
            "results/updates",
            comms,
            json!({"text": {"nl": "De bomen staan er. Inzake de verdere herinrichting van het plein in het kader van het programma zal ten behoeve van de bewoners nader worden besloten door het college."}}),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), 201);
        let added: serde_json::Value = res.json().await.unwrap();
        assert!(!added["hints"].as_array().unwrap().is_empty(), "{added}");
        let stored = app.store.publication(poll.id).await.unwrap().unwrap();
        assert_eq!(stored.updates.len(), 1);
        // Nobody is e-mailed, but each channel gets the update.
        let posts = app.store.outbox_posts(poll.id).await.unwrap();
        assert_eq!(posts.iter().filter(|p| p.purpose == "update-1").count(), 2);
        assert_eq!(
            app.store
                .poll_by_slug("plein-publiek")
                .await
                .unwrap()
                .unwrap()
                .state,
            PollState::ResultsPublished
        );
    }
);

on_both_backends!(
    comms_staff_publish_through_the_page_after_checking,
    |backend| async move {
        let app = spawn_app(backend).await;
        staff_fixture(&app).await;
        let session =
            crate::staff_access::login(&app, "comms@velsen.example", crate::staff_access::PASSWORD)
                .await;
        let now = Utc::now();
        let poll = app
            .store
            .insert_poll(NewPoll {
                organisation_id: "velsen".into(),
                state: PollState::Closed,
                definition: PollDefinition::from_yaml_str(DEFINITION).unwrap(),
                opens_at: Some(now - TimeDelta::days(9)),
                closes_at: Some(now - TimeDelta::days(2)),
                channels: vec![],
            })
            .await
            .unwrap();
        for (channel, idea) in [
            (
                Some("mastodon-velsen"),
                "Meer bankjes, mail piet@example.nl",
            ),
            (None, ""),
        ] {
            store_response(
                &app.store,
                poll.id,
                channel,
                "nl",
                json!({"bomen": "ja", "idee": idea}),
            )
            .await;
        }
        let page = app
            .client
            .get(format!("{}/staff/polls/plein-publiek/results", app.address))
            .header("cookie", &session.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(html.contains("mastodon-velsen"), "counts per channel");
        // Open answers are offered scrubbed.
        assert!(html.contains("Meer bankjes, mail [email]"), "{html}");
        assert!(!html.contains("piet@example.nl"));
        let quote = "idee\u{1f}Meer bankjes, mail [email]";
        let post = |action: &'static str, summary: &'static str| {
            app.client
                .post(format!("{}/staff/polls/plein-publiek/results", app.address))
                .header("cookie", &session.cookie)
                .form(&[
                    ("_csrf", session.csrf.as_str()),
                    ("summary_nl", summary),
                    ("quote", quote),
                    ("action", action),
                ])
                .send()
        };
        // "Check" gives plain-language tips and publishes nothing.
        let officialese = "Inzake de herinrichting van het plein in het kader van het programma zal ten behoeve van de bewoners nader worden besloten door het college van burgemeester en wethouders.";
        let checked = post("check", officialese).await.unwrap();
        assert_eq!(checked.status(), 200);
        let html = checked.text().await.unwrap();
        assert!(html.contains("class=\"hints\""), "{html}");
        assert!(html.contains(officialese), "the text is kept");
        // The e-mail is previewed with the text and the results link.
        assert!(html.contains("mail-preview"), "{html}");
        assert!(html.contains("/p/plein-publiek/results"), "{html}");
        assert!(app.store.publication(poll.id).await.unwrap().is_none());
        // An empty text is refused on the page.
        assert_eq!(post("publish", " ").await.unwrap().status(), 422);
        // Publishing goes back to the page, which shows what was published.
        let done = post("publish", "U wilde meer bomen. Wij planten er tien.")
            .await
            .unwrap();
        assert_eq!(done.status(), 303);
        let stored = app.store.publication(poll.id).await.unwrap().unwrap();
        assert_eq!(stored.quotes[0].text, "Meer bankjes, mail [email]");
        let page = app
            .client
            .get(format!(
                "{}/staff/polls/plein-publiek/results?done=published",
                app.address
            ))
            .header("cookie", &session.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("U wilde meer bomen."));
        assert!(page.contains("text_nl"), "the update form");
        assert!(page.contains("responses per day") || page.contains("Antwoorden per dag"));
        // Comms staff do not download the data; an analyst does, from the page.
        assert!(!page.contains("/export?format=csv"));
        let analyst = crate::staff_access::login(
            &app,
            "analyst@velsen.example",
            crate::staff_access::PASSWORD,
        )
        .await;
        let download = app
            .client
            .get(format!(
                "{}/staff/polls/plein-publiek/export?format=csv",
                app.address
            ))
            .header("cookie", &analyst.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(download.status(), 200);
        assert_eq!(download.headers()["x-flits-provisional"], "false");
        let csv = download.text().await.unwrap();
        assert_eq!(csv.lines().count(), 3, "{csv}");
        assert!(csv.contains("[email]") && !csv.contains("piet@example.nl"));
        let update = app
            .client
            .post(format!(
                "{}/staff/polls/plein-publiek/results/updates",
                app.address
            ))
            .header("cookie", &session.cookie)
            .form(&[
                ("_csrf", session.csrf.as_str()),
                ("text_nl", "De bomen staan er."),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(update.status(), 303);
        assert_eq!(
            app.store
                .publication(poll.id)
                .await
                .unwrap()
                .unwrap()
                .updates
                .len(),
            1
        );
    }
);

on_both_backends!(
    the_dashboard_warns_when_feedback_is_overdue,
    |backend| async move {
        let app = spawn_app(backend).await;
        staff_fixture(&app).await;
        let session =
            crate::staff_access::login(&app, "comms@velsen.example", crate::staff_access::PASSWORD)
                .await;
        let now = Utc::now();
        for (slug, closed_days_ago) in [("lang-geleden", 40), ("net-dicht", 2)] {
            let yaml = DEFINITION.replace("plein-publiek", slug);
            app.store
                .insert_poll(NewPoll {
                    organisation_id: "velsen".into(),
                    state: PollState::Closed,
                    definition: PollDefinition::from_yaml_str(&yaml).unwrap(),
                    opens_at: Some(now - TimeDelta::days(closed_days_ago + 7)),
                    closes_at: Some(now - TimeDelta::days(closed_days_ago)),
                    channels: vec![],
                })
                .await
                .unwrap();
        }
        let html = app
            .client
            .get(format!("{}/staff?lang=en", app.address))
            .header("cookie", &session.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        // Only the poll closed 40 days ago is past the default 28 days.
        assert_eq!(html.matches("Feedback overdue since").count(), 1, "{html}");
        let row = html
            .split("<tr>")
            .find(|r| r.contains("Feedback overdue"))
            .unwrap();
        assert!(row.contains("lang-geleden"), "{row}");
    }
);

on_both_backends!(
    the_dashboard_warns_when_the_promised_follow_up_is_due,
    |backend| async move {
        let app = spawn_app(backend).await;
        staff_fixture(&app).await;
        let session =
            crate::staff_access::login(&app, "comms@velsen.example", crate::staff_access::PASSWORD)
                .await;
        let now = Utc::now();
        let today = now
            .with_timezone(&chrono_tz::Europe::Amsterdam)
            .date_naive();
        // (slug, days until the promised day, days ago the results came out)
        let cases = [
            ("nooit-gemeld", -1, None),
            ("vroeg-gemeld", -1, Some(3)),
            ("lang-geleden-gemeld", -1, Some(30)),
            ("nog-niet", 1, None),
        ];
        let mut ids = std::collections::HashMap::new();
        for (slug, days_to_promise, published_days_ago) in cases {
            let day = today + TimeDelta::days(days_to_promise);
            let yaml = DEFINITION.replace("plein-publiek", slug)
                + &format!("brief: {{purpose: Weten, audiences: [velsen], follow_up_on: {day}}}\n");
            let definition = PollDefinition::from_yaml_str(&yaml).unwrap();
            assert_eq!(definition.brief.as_ref().unwrap().follow_up_on, Some(day));
            let poll = app
                .store
                .insert_poll(NewPoll {
                    organisation_id: "velsen".into(),
                    state: PollState::Closed,
                    definition,
                    opens_at: Some(now - TimeDelta::days(50)),
                    closes_at: Some(now - TimeDelta::days(40)),
                    channels: vec![],
                })
                .await
                .unwrap();
            if let Some(ago) = published_days_ago {
                app.store
                    .publish_results(
                        poll.id,
                        flits_store::NewPublication {
                            summary: flits_survey::Text::Plain("U zei ja.".into()),
                            quotes: vec![],
                            actor: None,
                        },
                        now - TimeDelta::days(ago),
                    )
                    .await
                    .unwrap();
            }
            ids.insert(slug, poll.id);
        }
        let warned = |html: &str| -> Vec<String> {
            let mut slugs: Vec<String> = html
                .split("<tr>")
                .filter(|r| r.contains("class=\"follow-up-due\""))
                .filter_map(|r| cases.iter().find(|c| r.contains(&format!("({})", c.0))))
                .map(|c| c.0.to_owned())
                .collect();
            slugs.sort();
            slugs
        };
        let dashboard = || async {
            app.client
                .get(format!("{}/staff?lang=en", app.address))
                .header("cookie", &session.cookie)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        };
        // Due: nothing published, or only long before the promised day.
        let html = dashboard().await;
        assert_eq!(
            warned(&html),
            ["lang-geleden-gemeld", "nooit-gemeld"],
            "{html}"
        );
        assert!(html.contains("The update promised for"), "{html}");
        // An update is the follow-up.
        app.store
            .add_result_update(
                ids["lang-geleden-gemeld"],
                flits_survey::Text::Plain("De bomen staan er.".into()),
                None,
                now,
            )
            .await
            .unwrap();
        assert_eq!(warned(&dashboard().await), ["nooit-gemeld"]);
    }
);

on_both_backends!(
    the_results_page_says_how_many_took_part_for_the_first_time,
    |backend| async move {
        let app = spawn_app(backend).await;
        staff_fixture(&app).await;
        let session =
            crate::staff_access::login(&app, "comms@velsen.example", crate::staff_access::PASSWORD)
                .await;
        let mut definition = PollDefinition::from_yaml_str(DEFINITION).unwrap();
        definition.questions.push(
            flits_survey::StandardQuestion::FirstTime
                .question(&[flits_i18n::Locale::Nl], &Default::default())
                .unwrap(),
        );
        let now = Utc::now();
        let poll = app
            .store
            .insert_poll(NewPoll {
                organisation_id: "velsen".into(),
                state: PollState::Open,
                definition,
                opens_at: Some(now - TimeDelta::days(1)),
                closes_at: Some(now + TimeDelta::days(6)),
                channels: vec![],
            })
            .await
            .unwrap();
        for i in 0..12 {
            let first = if i < 8 { "yes" } else { "no" };
            let answers = json!({"bomen": "ja", "first_time": first});
            store_response(&app.store, poll.id, None, "nl", answers).await;
        }
        let html = app
            .client
            .get(format!(
                "{}/staff/polls/plein-publiek/results?lang=en",
                app.address
            ))
            .header("cookie", &session.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        // 8 said yes: under k = 10, so not shown as a number.
        assert!(html.contains("Too few answered"), "{html}");
        for _ in 0..4 {
            store_response(
                &app.store,
                poll.id,
                None,
                "nl",
                json!({"first_time": "yes"}),
            )
            .await;
        }
        let html = app
            .client
            .get(format!(
                "{}/staff/polls/plein-publiek/results?lang=en",
                app.address
            ))
            .header("cookie", &session.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("12 of the 16 who answered said it was their first poll"),
            "{html}"
        );
    }
);
