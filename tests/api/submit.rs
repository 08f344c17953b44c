//! The submit routes (docs/api.md, "Public API"), over HTTP.

use serde_json::{Value, json};

use crate::helpers::*;
use crate::on_both_backends;

fn good_answers() -> Value {
    json!({"tevreden": 4, "meer": ["bomen", "bankjes"], "helpen": "ja", "idee": "Meer bomen bij de school"})
}

async fn post_json(app: &TestApp, slug: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(format!("{}/api/v1/polls/{slug}/responses", app.address))
        .json(body)
        .send()
        .await
        .unwrap()
}

on_both_backends!(json_submit_follows_the_contract, |backend| async move {
    let app = spawn_app(backend).await;
    flits::demo::prepare(&app.store).await.unwrap();
    let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
    let sid = uuid::Uuid::new_v4().to_string();
    let body = json!({"submission_id": sid, "channel": "mastodon", "lang": "nl", "answers": good_answers()});

    let res = post_json(&app, "demo", &body).await;
    assert_eq!(res.status(), 201, "{:?}", res.text().await);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({"status": "recorded"})
    );
    let res = post_json(&app, "demo", &body).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({"status": "duplicate"})
    );
    assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 1);

    // Invalid answers: 400 with every problem, in the asked language.
    let bad = json!({"submission_id": uuid::Uuid::new_v4().to_string(), "lang": "en",
                     "answers": {"tevreden": 9, "meer": ["bomen", "bloemen", "moestuin"], "nope": 1}});
    let res = post_json(&app, "demo", &bad).await;
    assert_eq!(res.status(), 400);
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["error"]["code"], "invalid_answers");
    let questions: Vec<&str> = err["error"]["details"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["question_id"].as_str().unwrap())
        .collect();
    for q in ["tevreden", "meer", "helpen", "nope"] {
        assert!(questions.contains(&q), "{q} missing in {questions:?}");
    }
    let message = |q: &str| {
        err["error"]["details"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["question_id"] == q)
            .and_then(|e| e["message"].as_str())
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        message("helpen"),
        "This question is required. Please answer it."
    );
    assert_eq!(
        message("tevreden"),
        "Choose a number from 1 to 5; 9 is outside that range."
    );
    // Dutch when asked (and by default).
    let dutch = json!({"submission_id": uuid::Uuid::new_v4().to_string(), "lang": "nl",
                       "answers": {"tevreden": 4, "meer": ["bomen"]}});
    let res = post_json(&app, "demo", &dutch).await;
    assert_eq!(res.status(), 400);
    let err: Value = res.json().await.unwrap();
    assert_eq!(
        err["error"]["details"]["errors"][0]["message"],
        "Deze vraag is verplicht. Geef een antwoord."
    );

    // Malformed JSON, wrong content type, too large, unknown poll.
    let res = app
        .client
        .post(format!("{}/api/v1/polls/demo/responses", app.address))
        .header("content-type", "application/json")
        .body("{\"submission_id\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"]["code"],
        "invalid_json"
    );
    let res = app
        .client
        .post(format!("{}/api/v1/polls/demo/responses", app.address))
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"]["code"],
        "unsupported_media_type"
    );
    let big = json!({"submission_id": "x", "answers": {"idee": "x".repeat(2 * 1024 * 1024)}});
    // On the same pooled connection as the requests before and after it: the server reads the
    // oversized body before answering, so the connection stays usable.
    let res = post_json(&app, "demo", &big).await;
    assert_eq!(res.status(), 413);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"]["code"],
        "payload_too_large"
    );
    let res = post_json(&app, "no-such-poll", &body).await;
    assert_eq!(res.status(), 404);
    let res = post_json(
        &app,
        "demo",
        &json!({"submission_id": "has spaces", "answers": {}}),
    )
    .await;
    assert_eq!(res.status(), 400);
    assert_eq!(
        res.json::<Value>().await.unwrap()["error"]["code"],
        "invalid_submission_id"
    );
    assert_eq!(
        app.store.count_responses(poll.id).await.unwrap(),
        1,
        "nothing invalid was stored"
    );
});

on_both_backends!(
    a_poll_that_is_not_open_refuses_with_409,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let body = json!({"submission_id": uuid::Uuid::new_v4().to_string(), "answers": {"scheiden": "altijd"}});
        let res = post_json(&app, "demo-gepland", &body).await;
        assert_eq!(res.status(), 409);
        assert_eq!(
            res.json::<Value>().await.unwrap()["error"]["code"],
            "not_open_yet"
        );

        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        let past = chrono::Utc::now() - chrono::Duration::days(1);
        app.store
            .set_poll_schedule(
                poll.id,
                flits_survey::PollState::Closed,
                Some(past - chrono::Duration::days(7)),
                Some(past),
            )
            .await
            .unwrap();
        let body =
            json!({"submission_id": uuid::Uuid::new_v4().to_string(), "answers": good_answers()});
        let res = post_json(&app, "demo", &body).await;
        assert_eq!(res.status(), 409);
        assert_eq!(
            res.json::<Value>().await.unwrap()["error"]["code"],
            "closed"
        );
        let page = app.get("/p/demo").await.text().await.unwrap();
        assert!(page.contains("gesloten"));
    }
);

on_both_backends!(
    concurrent_duplicates_are_stored_once,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        let body =
            json!({"submission_id": uuid::Uuid::new_v4().to_string(), "answers": good_answers()});
        let replies = futures_join(&app, &body, 16).await;
        assert_eq!(
            replies.iter().filter(|s| **s == 201).count(),
            1,
            "{replies:?}"
        );
        assert_eq!(
            replies.iter().filter(|s| **s == 200).count(),
            15,
            "{replies:?}"
        );
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 1);
    }
);

async fn futures_join(app: &TestApp, body: &Value, n: usize) -> Vec<u16> {
    let mut handles = Vec::new();
    for _ in 0..n {
        let client = app.client.clone();
        let url = format!("{}/api/v1/polls/demo/responses", app.address);
        let body = body.clone();
        handles.push(tokio::spawn(async move {
            client
                .post(url)
                .json(&body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

on_both_backends!(
    the_form_records_once_and_redisplays_mistakes,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        let form_url = format!("{}/p/demo", app.address);
        // The one-time submission tokens the poll page hands out (signed by the server).
        let token = |page: String| {
            let marker = "name=\"_submission\" value=\"";
            let at = page.find(marker).unwrap() + marker.len();
            page[at..at + 54].to_owned()
        };
        let token1 = token(app.get("/p/demo").await.text().await.unwrap());
        let token2 = token(app.get("/p/demo").await.text().await.unwrap());

        // Missing required answers and an idea typed in: 422, messages by the fields, the idea kept.
        let res = app
            .client
            .post(&form_url)
            .form(&[
                ("_submission", token1.as_str()),
                ("_lang", "nl"),
                ("idee", "Meer bankjes"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        assert!(page.contains("error-summary"));
        assert!(page.contains("q-tevreden-error") && page.contains("q-helpen-error"));
        assert!(
            page.contains(">Meer bankjes</textarea>"),
            "the typed answer is kept"
        );
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 0);

        let fields = [
            ("_submission", token2.as_str()),
            ("_channel", "poster"),
            ("tevreden", "4"),
            ("meer", "bomen"),
            ("meer", "bloemen"),
            ("helpen", "ja"),
        ];
        let res = app
            .client
            .post(&form_url)
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let location = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with("/p/demo/thanks"));
        // A double click: the same form again is not stored twice.
        let res = app
            .client
            .post(&form_url)
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 1);
        let thanks = app.get(&location).await;
        assert_eq!(thanks.status(), 200);
        assert!(thanks.text().await.unwrap().contains("Bedankt"));
    }
);
