//! Property test: arbitrary bodies with arbitrary content types to both submit routes never get a
//! 500 and never take the server down.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::helpers::*;
use crate::on_both_backends;

/// Content types worth trying: the right ones, near misses, and anything.
fn content_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(Some("application/json".to_owned())),
        Just(Some("application/json; charset=utf-8".to_owned())),
        Just(Some("application/x-www-form-urlencoded".to_owned())),
        Just(Some("multipart/form-data; boundary=x".to_owned())),
        Just(Some("text/plain".to_owned())),
        Just(None),
        "[ -~]{0,40}".prop_map(Some),
    ]
}

/// Bodies: random bytes, JSON-ish text, form-ish text, and JSON values of the right shape with
/// wrong contents.
fn body() -> impl Strategy<Value = Vec<u8>> {
    let json_value = arbitrary_json();
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        "\\PC{0,300}".prop_map(String::into_bytes),
        "([a-z_]{1,10}=[ -~]{0,20}&){0,8}".prop_map(String::into_bytes),
        (
            "[ -~]{0,80}",
            proptest::collection::btree_map("[a-z]{1,8}", json_value, 0..6)
        )
            .prop_map(|(sid, answers)| serde_json::to_vec(&serde_json::json!({
                "submission_id": sid, "lang": "en", "channel": "fuzz", "answers": answers
            }))
            .unwrap_or_default()),
        (proptest::collection::vec(
            (
                "tevreden|meer|helpen|idee|_submission|_lang|_channel|x",
                "[ -~]{0,30}"
            ),
            0..8
        ))
        .prop_map(|fields| {
            url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(fields)
                .finish()
                .into_bytes()
        }),
    ]
}

/// Arbitrary JSON values, a few levels deep.
fn arbitrary_json() -> BoxedStrategy<serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null)),
        "\\PC{0,40}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            proptest::collection::btree_map("[a-z]{1,6}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

on_both_backends!(arbitrary_bodies_never_get_a_500, |backend| async move {
    let db = TestDb::new(backend).await;
    // Limits off so that every case reaches parsing and validation instead of a 429.
    let app = spawn_app_on(db, |s| {
        s.rate_limits = flits::settings::SwitchValue(flits::settings::Switch::Off);
    })
    .await;
    flits::demo::prepare(&app.store).await.unwrap();
    let handle = tokio::runtime::Handle::current();
    let cases: u32 = std::env::var("FLITS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(96);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        prop_oneof![Just("/p/demo"), Just("/api/v1/polls/demo/responses")],
        content_type(),
        body(),
    );
    let result = runner.run(&strategy, |(path, ct, body)| {
        let status = tokio::task::block_in_place(|| {
            handle.block_on(async {
                let mut req = app
                    .client
                    .post(format!("{}{path}", app.address))
                    .body(body.clone());
                if let Some(ct) = &ct {
                    req = req.header("content-type", ct.as_str());
                }
                req.send().await.map(|r| r.status().as_u16())
            })
        });
        let status = status.map_err(|e| TestCaseError::fail(format!("no answer: {e}")))?;
        prop_assert!(
            status < 500,
            "{status} for {path} with {ct:?} and {:?}",
            String::from_utf8_lossy(&body)
        );
        prop_assert!(
            [200, 201, 303, 400, 404, 409, 413, 415, 422].contains(&status),
            "unexpected {status} for {path} with {ct:?}"
        );
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // Still alive and well.
    assert_eq!(app.get("/healthz").await.status(), 200);
    assert_eq!(app.get("/p/demo").await.status(), 200);
});
