//! Data retention: the runner deletes a published poll's responses `[retention]` months after
//! publication, once, audit-logged; the results page keeps the published figures and exports say
//! the responses are gone.

use chrono::{Months, TimeDelta, Utc};
use flits_runner::retention::Retention;
use flits_runner::run_due_jobs;
use flits_store::{NewPoll, NewPublication};
use flits_survey::{PollDefinition, PollState};
use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::staff_fixture;

const DEFINITION: &str = r#"
slug: bewaren
title: {nl: "Het park"}
questions:
  - {id: bank, kind: single_choice, text: {nl: "Wilt u meer bankjes?"}, options: [{id: ja, text: {nl: "Ja"}}, {id: nee, text: {nl: "Nee"}}]}
"#;

on_both_backends!(
    published_responses_are_deleted_once_and_the_figures_stay,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let analyst = &users[0].2;
        let now = Utc::now();
        let poll = app
            .store
            .insert_poll(NewPoll {
                organisation_id: "velsen".into(),
                state: PollState::Scheduled,
                definition: PollDefinition::from_yaml_str(DEFINITION).unwrap(),
                opens_at: Some(now - TimeDelta::days(2)),
                closes_at: Some(now + TimeDelta::days(2)),
                channels: vec![],
            })
            .await
            .unwrap();
        run_due_jobs(&app.store, now).await.unwrap();
        for i in 0..13 {
            let answer = if i < 11 { "ja" } else { "nee" };
            store_response(&app.store, poll.id, None, "nl", json!({"bank": answer})).await;
        }
        run_due_jobs(&app.store, now + TimeDelta::days(3))
            .await
            .unwrap();
        app.store
            .publish_results(
                poll.id,
                NewPublication {
                    summary: "Er komen drie bankjes bij.".into(),
                    quotes: vec![],
                    actor: Some("comms@velsen.example".into()),
                },
                now,
            )
            .await
            .unwrap();
        let figures = || async {
            let res = app
                .client
                .get(format!(
                    "{}/api/v1/admin/polls/bewaren/results",
                    app.address
                ))
                .bearer_auth(analyst)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            res.json::<serde_json::Value>().await.unwrap()["results"].clone()
        };
        let before = figures().await;
        assert_eq!(before["responses"], 13);

        let retention = Retention {
            after_months: 6,
            k: 10,
        };
        // Not yet: five months after publication.
        let early = retention
            .step(&app.store, now.checked_add_months(Months::new(5)).unwrap())
            .await
            .unwrap();
        assert!(early.deleted.is_empty());
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 13);

        let later = now.checked_add_months(Months::new(6)).unwrap() + TimeDelta::hours(1);
        let report = retention.step(&app.store, later).await.unwrap();
        assert_eq!(report.deleted, vec![("bewaren".to_owned(), 13)]);
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 0);
        // Once: a second step (or a second runner) finds nothing to do.
        let again = retention.step(&app.store, later).await.unwrap();
        assert!(again.deleted.is_empty() && again.failed.is_empty());

        let audit = app.store.audit_entries(20).await.unwrap();
        let entry = audit
            .iter()
            .find(|a| a.action == "poll.responses_deleted")
            .expect("the deletion is audit-logged");
        assert_eq!(entry.details["responses"], 13);
        assert_eq!(entry.details["after_months"], 6);

        // The published figures stay, exactly as they were, and the page still shows them (its
        // cache lives a second: wait it out).
        assert_eq!(figures().await, before);
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let page = app.get("/p/bewaren/results").await;
        assert_eq!(page.status(), 200);
        let page = page.text().await.unwrap();
        assert!(page.contains("Er komen drie bankjes bij."));
        assert!(page.contains(">11<"), "the kept count of 'ja' is shown");

        // An export says why it is empty instead of starting an empty download.
        let res = app
            .client
            .get(format!(
                "{}/api/v1/admin/polls/bewaren/export?format=csv",
                app.address
            ))
            .bearer_auth(analyst)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 410);
        let error: serde_json::Value = res.json().await.unwrap();
        assert_eq!(error["error"]["code"], "responses_deleted");

        app.db.destroy().await;
    }
);

#[test]
fn retention_off_deletes_nothing() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let app = spawn_app(Backend::Sqlite).await;
        let off = Retention {
            after_months: 0,
            k: 10,
        };
        let report = off
            .step(&app.store, Utc::now() + TimeDelta::days(10_000))
            .await
            .unwrap();
        assert!(report.deleted.is_empty());
        app.db.destroy().await;
    });
}
