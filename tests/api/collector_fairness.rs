//! Fairness without identifying anyone, over HTTP: one-time form tokens, one response per browser
//! (signed cookie), the per-address cap and the rate limits, and `FLITS_RATE_LIMITS=off`.

use serde_json::{Value, json};

use crate::helpers::*;
use crate::on_both_backends;

/// A complete, valid set of form fields for the demo poll (without the token).
pub const GOOD_FORM: &[(&str, &str)] = &[
    ("_lang", "nl"),
    ("tevreden", "4"),
    ("meer", "bomen"),
    ("helpen", "ja"),
];

/// The one-time submission token on a poll page.
pub fn token_in(page: &str) -> String {
    let marker = "name=\"_submission\" value=\"";
    let at = page.find(marker).expect("a submission token on the page") + marker.len();
    let end = page[at..].find('"').unwrap() + at;
    page[at..end].to_owned()
}

/// A fresh token from `GET /p/{slug}`.
pub async fn fresh_token(app: &TestApp, slug: &str) -> String {
    token_in(&app.get(&format!("/p/{slug}")).await.text().await.unwrap())
}

/// `POST /p/{slug}` with `fields` plus `_submission=token`, and an optional `Cookie` header (to
/// which the browser's form cookie is added, as a browser sends all its cookies).
pub async fn post_form(
    app: &TestApp,
    slug: &str,
    token: &str,
    fields: &[(&str, &str)],
    cookie: Option<&str>,
) -> reqwest::Response {
    let mut all: Vec<(&str, &str)> = vec![("_submission", token)];
    all.extend_from_slice(fields);
    let mut req = app
        .client
        .post(format!("{}/p/{slug}", app.address))
        .form(&all);
    if let Some(c) = cookie {
        req = req.header("cookie", with_form_cookie(c));
    }
    req.send().await.unwrap()
}

/// `POST /api/v1/polls/{slug}/responses` with a fresh submission id and valid answers.
pub async fn post_json_answers(
    app: &TestApp,
    slug: &str,
    submission_id: &str,
) -> reqwest::Response {
    app.client
        .post(format!("{}/api/v1/polls/{slug}/responses", app.address))
        .json(&json!({"submission_id": submission_id, "answers":
            {"tevreden": 4, "meer": ["bomen"], "helpen": "ja"}}))
        .send()
        .await
        .unwrap()
}

/// The `name=value` part of the response's `Set-Cookie`.
pub fn cookie_pair(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("flits_"))
        .map(|v| v.split(';').next().unwrap_or("").to_owned())
}

fn retry_after(res: &reqwest::Response) -> u64 {
    res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

on_both_backends!(form_tokens_are_signed_and_one_time, |backend| async move {
    let app = spawn_app(backend).await;
    flits::demo::prepare(&app.store).await.unwrap();
    let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();

    // A token the server never issued: the form comes back with the answers kept, nothing stored.
    let res = post_form(&app, "demo", "made-up-token", GOOD_FORM, None).await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("hoort niet bij deze peiling"), "{page}");
    assert!(page.contains("value=\"ja\" checked"), "answers are kept");
    let new_token = token_in(&page);
    assert_ne!(new_token, "made-up-token", "a fresh token to send again");
    assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 0);

    // The token of a page: recorded once; the same token again (double click) is not stored twice.
    let token = fresh_token(&app, "demo").await;
    assert_eq!(token.len(), 54);
    let res = post_form(&app, "demo", &token, GOOD_FORM, None).await;
    assert_eq!(res.status(), 303);
    let res = post_form(&app, "demo", &token, GOOD_FORM, None).await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 1);
    // The fresh token handed out with the 422 works too.
    let res = post_form(&app, "demo", &new_token, GOOD_FORM, None).await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 2);
});

on_both_backends!(
    a_second_form_from_the_same_browser_is_refused,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();

        let token = fresh_token(&app, "demo").await;
        let res = post_form(&app, "demo", &token, GOOD_FORM, None).await;
        assert_eq!(res.status(), 303);
        let set_cookie: Vec<String> = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect();
        let cookie = cookie_pair(&res).expect("a participation cookie");
        let attributes = set_cookie.join(";").to_ascii_lowercase();
        for attr in [
            "httponly",
            "samesite=lax",
            "path=/p/demo",
            "max-age=",
            "secure",
        ] {
            assert!(attributes.contains(attr), "{attr} in {attributes}");
        }
        assert!(
            !cookie.contains(&token),
            "the cookie does not link the browser to the response"
        );

        // The same browser opens the poll again: a friendly page instead of the form.
        let page = app
            .client
            .get(format!("{}/p/demo", app.address))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let page = page.text().await.unwrap();
        assert!(page.contains("U hebt al meegedaan") && !page.contains("<form"));

        // A new form from that browser: refused, nothing stored.
        let other = fresh_token(&app, "demo").await;
        let res = post_form(&app, "demo", &other, GOOD_FORM, Some(&cookie)).await;
        assert_eq!(res.status(), 409);
        assert!(res.text().await.unwrap().contains("U hebt al meegedaan"));
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 1);

        // The first form sent again with the cookie (back button): thanked, not refused.
        let res = post_form(&app, "demo", &token, GOOD_FORM, Some(&cookie)).await;
        assert_eq!(res.status(), 303);

        // A forged cookie counts for nothing; another browser can take part.
        let forged = format!(
            "{}=AAAAAAAAAAAAAAAAAAAAAA",
            cookie.split('=').next().unwrap()
        );
        let res = post_form(&app, "demo", &other, GOOD_FORM, Some(&forged)).await;
        assert_eq!(res.status(), 303);
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 2);
    }
);

on_both_backends!(
    the_address_cap_answers_429_with_retry_after,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| s.collector.responses_per_address_per_poll = 2).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();

        assert_eq!(post_json_answers(&app, "demo", "cap-1").await.status(), 201);
        assert_eq!(post_json_answers(&app, "demo", "cap-2").await.status(), 201);
        let res = post_json_answers(&app, "demo", "cap-3").await;
        assert_eq!(res.status(), 429);
        let wait = retry_after(&res);
        assert!(
            (1..=25 * 3600).contains(&wait),
            "until the daily rotation: {wait}"
        );
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "rate_limited");
        assert_eq!(body["error"]["details"]["reason"], "address_cap");
        // A retry of a stored response is still a duplicate, not a 429.
        assert_eq!(post_json_answers(&app, "demo", "cap-1").await.status(), 200);

        // The form: a page in plain words, with Retry-After.
        let token = fresh_token(&app, "demo").await;
        let res = post_form(&app, "demo", &token, GOOD_FORM, None).await;
        assert_eq!(res.status(), 429);
        assert!(retry_after(&res) >= 1);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let page = res.text().await.unwrap();
        assert!(page.contains("niet bewaard"), "{page}");
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 2);

        // Both refusals are counted (the duplicate is not a refusal).
        let metrics = app.get("/metrics").await.text().await.unwrap();
        assert!(
            metrics.contains("flits_rate_limited_total{reason=\"address_cap\"} 2"),
            "{metrics}"
        );
    }
);

on_both_backends!(
    rate_limits_per_address_and_overall_answer_429,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            s.collector.submit_burst_per_address = 2;
            s.collector.submits_per_address_per_minute = 1;
        })
        .await;
        flits::demo::prepare(&app.store).await.unwrap();
        assert_eq!(post_json_answers(&app, "demo", "r-1").await.status(), 201);
        assert_eq!(post_json_answers(&app, "demo", "r-2").await.status(), 201);
        let res = post_json_answers(&app, "demo", "r-3").await;
        assert_eq!(res.status(), 429);
        assert!((1..=60).contains(&retry_after(&res)));
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "rate_limited");
        assert_eq!(body["error"]["details"]["reason"], "address_rate");
        // The form route shares the per-address limit.
        let token = fresh_token(&app, "demo").await;
        let res = post_form(&app, "demo", &token, GOOD_FORM, None).await;
        assert_eq!(res.status(), 429);
        assert!(res.text().await.unwrap().contains("Even te druk"));

        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| s.collector.submits_per_second = 1).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let mut statuses = Vec::new();
        for i in 0..3 {
            statuses.push(
                post_json_answers(&app, "demo", &format!("o-{i}"))
                    .await
                    .status()
                    .as_u16(),
            );
        }
        assert!(statuses.contains(&429), "{statuses:?}");
    }
);

on_both_backends!(
    rate_limits_off_switches_off_caps_and_rates,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            s.rate_limits = flits::settings::SwitchValue(flits::settings::Switch::Off);
            s.collector.responses_per_address_per_poll = 1;
            s.collector.submit_burst_per_address = 1;
            s.collector.submits_per_address_per_minute = 1;
            s.collector.submits_per_second = 1;
        })
        .await;
        flits::demo::prepare(&app.store).await.unwrap();
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        for i in 0..5 {
            let res = post_json_answers(&app, "demo", &format!("off-{i}")).await;
            assert_eq!(res.status(), 201);
        }
        let token = fresh_token(&app, "demo").await;
        assert_eq!(
            post_form(&app, "demo", &token, GOOD_FORM, None)
                .await
                .status(),
            303
        );
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 6);
    }
);
