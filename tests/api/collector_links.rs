//! What spreads a poll: QR codes, the poster, link previews (Open Graph / Twitter card) and the
//! organisation's theme; and what operators and app builders read: `/metrics` and the OpenAPI
//! document.

use serde_json::Value;

use crate::collector_fairness::{GOOD_FORM, fresh_token, post_form, post_json_answers};
use crate::helpers::*;
use crate::on_both_backends;

fn decode_qr(png: &[u8]) -> String {
    let img = image::load_from_memory(png).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().unwrap().1
}

on_both_backends!(qr_codes_point_to_the_channel_link, |backend| async move {
    let app = spawn_app(backend).await;
    flits::demo::prepare(&app.store).await.unwrap();

    let res = app.get("/p/demo/qr.png?c=poster-station").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    let png = res.bytes().await.unwrap();
    assert_eq!(
        decode_qr(&png),
        "https://peiling.example.nl/p/demo?c=poster-station"
    );
    let plain = app.get("/p/demo/qr.png").await.bytes().await.unwrap();
    assert_eq!(decode_qr(&plain), "https://peiling.example.nl/p/demo");

    let res = app.get("/p/demo/qr.svg?c=poster-station").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/svg+xml");
    let svg = res.text().await.unwrap();
    assert!(svg.contains("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("<path") || svg.contains("<rect"));

    // A channel id that is not plain is ignored rather than put into the code.
    let odd = app
        .get("/p/demo/qr.png?c=%3Cscript%3E")
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(decode_qr(&odd), "https://peiling.example.nl/p/demo");
    assert_eq!(app.get("/p/no-such-poll/qr.svg").await.status(), 404);
    assert_eq!(app.get("/p/no-such-poll/qr.png").await.status(), 404);
});

on_both_backends!(
    the_poster_is_printable_with_code_title_and_short_link,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let res = app.get("/p/demo/poster?c=bibliotheek").await;
        assert_eq!(res.status(), 200);
        // Handlebars writes `=` in attributes as `&#x3D;`; a browser reads it as `=`.
        let page = res.text().await.unwrap().replace("&#x3D;", "=");
        assert!(page.contains("Meer groen in uw buurt?"));
        assert!(page.contains("src=\"/p/demo/qr.svg?c=bibliotheek\""));
        assert!(page.contains("peiling.example.nl/p/demo?c=bibliotheek"));
        assert!(page.contains("alt=\"QR-code met de link"));
        assert!(!page.contains("<script") && !page.contains("style="));
        let css = app.get("/assets/flits.css").await.text().await.unwrap();
        assert!(css.contains("@media print") && css.contains("size: A4"));
        assert_eq!(app.get("/p/no-such-poll/poster").await.status(), 404);
    }
);

/// The `content` of `<meta property|name="key" content="…">`.
fn meta(page: &str, key: &str) -> Option<String> {
    for attr in ["property", "name"] {
        let marker = format!("<meta {attr}=\"{key}\" content=\"");
        if let Some(at) = page.find(&marker) {
            let start = at + marker.len();
            let end = page[start..].find('"')? + start;
            return Some(page[start..end].to_owned());
        }
    }
    None
}

on_both_backends!(
    the_poll_page_carries_link_preview_tags_and_a_preview_image,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let page = app.get("/p/demo?c=facebook").await.text().await.unwrap();
        assert_eq!(
            meta(&page, "og:title").as_deref(),
            Some("Meer groen in uw buurt?")
        );
        assert!(
            meta(&page, "og:description")
                .unwrap()
                .starts_with("De gemeenten in de IJmond")
        );
        assert_eq!(
            meta(&page, "og:url").as_deref(),
            Some("https://peiling.example.nl/p/demo"),
            "canonical, without the channel"
        );
        assert!(
            page.contains("<link rel=\"canonical\" href=\"https://peiling.example.nl/p/demo\">")
        );
        let image = meta(&page, "og:image").unwrap();
        assert_eq!(
            image,
            "https://peiling.example.nl/p/demo/preview.png?lang=nl"
        );
        assert_eq!(meta(&page, "og:image:width").as_deref(), Some("1200"));
        assert_eq!(meta(&page, "og:image:height").as_deref(), Some("630"));
        assert_eq!(
            meta(&page, "twitter:card").as_deref(),
            Some("summary_large_image")
        );
        assert_eq!(meta(&page, "twitter:image"), Some(image.clone()));
        let en = app.get("/p/demo?lang=en").await.text().await.unwrap();
        assert_eq!(
            meta(&en, "og:title").as_deref(),
            Some("More green in your neighbourhood?")
        );

        let path = image.trim_start_matches("https://peiling.example.nl");
        let res = app.get(path).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "image/png");
        let png = res.bytes().await.unwrap();
        let img = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), (1200, 630));
        // The default organisation colour as background.
        assert_eq!(img.get_pixel(3, 3).0, [0x01, 0x68, 0x9b]);
        assert_eq!(app.get("/p/no-such-poll/preview.png").await.status(), 404);
    }
);

on_both_backends!(
    organisations_are_themed_by_design_tokens,
    |backend| async move {
        // A configured theme for the demo poll's organisation.
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            // Theme changes below must show at once.
            s.collector.cache_millis = 0;
            s.collector.themes = vec![flits_collector::theme::ThemeConfig {
                organisation: "velsen".into(),
                color_primary: "#8a1538".into(),
                color_primary_text: "#ffffff".into(),
                color_text: "#111111".into(),
                font_family: Some("Verdana, sans-serif".into()),
                logo_url: None,
            }];
        })
        .await;
        flits::demo::prepare(&app.store).await.unwrap();
        // A poll for Velsen's residents wears Velsen's theme; the demo poll, for the whole
        // region, does not wear the colours of the municipality that made it.
        let yaml = "slug: velsen-poll\ntitle: {nl: Vraag}\nbrief: {purpose: Weten, audiences: [velsen]}\nquestions:\n  - {id: q1, kind: open_text, text: {nl: Vraag}}\n";
        let now = chrono::Utc::now();
        app.store
            .insert_poll(flits_store::NewPoll {
                organisation_id: "velsen".into(),
                state: flits_survey::PollState::Open,
                definition: flits_survey::PollDefinition::from_yaml_str(yaml).unwrap(),
                opens_at: Some(now - chrono::TimeDelta::hours(1)),
                closes_at: Some(now + chrono::TimeDelta::days(7)),
                channels: vec![],
            })
            .await
            .unwrap();
        let page = app.get("/p/velsen-poll").await.text().await.unwrap();
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/assets/theme/velsen.css\">"));
        let regional = app.get("/p/demo").await.text().await.unwrap();
        assert!(!regional.contains("/assets/theme/velsen.css"));
        let res = app.get("/assets/theme/velsen.css").await;
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/css")
        );
        let css = res.text().await.unwrap();
        assert!(css.contains("--flits-color-primary: #8a1538;"), "{css}");
        assert!(css.contains("--flits-font-family: Verdana, sans-serif;"));
        let png = app
            .get("/p/velsen-poll/preview.png")
            .await
            .bytes()
            .await
            .unwrap();
        let img = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(
            img.get_pixel(3, 3).0,
            [0x8a, 0x15, 0x38],
            "the preview uses the colour"
        );

        // A stored theme (organisations.theme) is used when it passes the checks…
        app.store
            .set_organisation_theme("beverwijk", Some(r##"{"color_primary": "#005a2b"}"##))
            .await
            .unwrap();
        let css = app
            .get("/assets/theme/beverwijk.css")
            .await
            .text()
            .await
            .unwrap();
        assert!(css.contains("--flits-color-primary: #005a2b;"), "{css}");
        // …and ignored when its contrast fails WCAG AA.
        app.store
            .set_organisation_theme("beverwijk", Some(r##"{"color_primary": "#ffe000"}"##))
            .await
            .unwrap();
        let css = app
            .get("/assets/theme/beverwijk.css")
            .await
            .text()
            .await
            .unwrap();
        assert!(css.is_empty(), "{css}");

        // A configured theme that fails contrast stops start-up with the reason.
        let db = TestDb::new(backend).await;
        let mut settings = test_settings(&db);
        settings.collector.themes = vec![flits_collector::theme::ThemeConfig {
            organisation: "velsen".into(),
            color_primary: "#ffe000".into(),
            color_primary_text: "#ffffff".into(),
            color_text: "#1a1a1a".into(),
            font_family: None,
            logo_url: None,
        }];
        let err = flits::startup::Application::build(
            &settings,
            &[flits::startup::Service::Collector],
            true,
        )
        .await
        .err()
        .expect("a pale theme is refused");
        let message = format!("{err:#}");
        assert!(message.contains("WCAG"), "{message}");
    }
);

on_both_backends!(
    metrics_count_requests_by_route_and_responses,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        app.get("/p/demo?c=secret-channel").await;
        assert_eq!(post_json_answers(&app, "demo", "m-1").await.status(), 201);
        assert_eq!(post_json_answers(&app, "demo", "m-1").await.status(), 200);
        let token = fresh_token(&app, "demo").await;
        assert_eq!(
            post_form(&app, "demo", &token, GOOD_FORM, None)
                .await
                .status(),
            303
        );
        app.get("/p/does-not-exist").await;
        let invalid = app
            .client
            .post(format!("{}/api/v1/polls/demo/responses", app.address))
            .json(&serde_json::json!({
                "submission_id": "0b5f4a52-4f0e-4c43-9d67-1f7a6f0c2b11",
                "answers": {"no-such-question": "x"}
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(invalid.status(), 400);

        let res = app.get("/metrics").await;
        assert_eq!(res.status(), 200);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain")
        );
        let text = res.text().await.unwrap();
        for line in [
            "flits_http_requests_total{method=\"GET\",route=\"/p/{slug}\",status=\"200\"}",
            "flits_http_requests_total{method=\"GET\",route=\"/p/{slug}\",status=\"404\"} 1",
            "flits_http_requests_total{method=\"POST\",route=\"/api/v1/polls/{slug}/responses\",status=\"201\"} 1",
            "flits_http_requests_total{method=\"POST\",route=\"/p/{slug}\",status=\"303\"} 1",
            "flits_http_request_duration_seconds_bucket{method=\"GET\",route=\"/p/{slug}\",le=\"0.5\"}",
            "flits_responses_recorded_total 2",
            "flits_responses_duplicate_total 1",
            "flits_rate_limited_total{reason=\"address_rate\"} 0",
            "flits_submissions_total{result=\"recorded\"} 2",
            "flits_submissions_total{result=\"duplicate\"} 1",
            "flits_submissions_total{result=\"invalid\"} 1",
            "flits_submissions_total{result=\"limited\"} 0",
            "flits_outbox_posts{status=\"failed\"} 0",
            "flits_results_emails_waiting 0",
            "flits_job_lag_seconds 0",
        ] {
            assert!(text.contains(line), "{line} missing in\n{text}");
        }
        for personal in ["demo", "secret-channel", "127.0.0.1", "does-not-exist"] {
            assert!(!text.contains(personal), "{personal} must not be a label");
        }
    }
);

on_both_backends!(
    the_openapi_document_covers_every_json_route,
    |backend| async move {
        let app = spawn_app(backend).await;
        let res = app.get("/api/v1/openapi.json").await;
        assert_eq!(res.status(), 200);
        let doc: Value = res.json().await.unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        // Every JSON route of every crate, from the lists the routes are registered from.
        let routes: Vec<flits_http::openapi::ApiRoute> = flits_collector::openapi::API_ROUTES
            .iter()
            .chain(flits_http::openapi::API_ROUTES)
            .copied()
            .collect();
        assert_eq!(
            flits_http::openapi::missing_routes(&doc, &routes),
            Vec::<String>::new()
        );
        let submit = &doc["paths"]["/api/v1/polls/{slug}/responses"]["post"];
        for status in ["200", "201", "400", "404", "409", "413", "415", "429"] {
            assert!(
                !submit["responses"][status].is_null(),
                "{status} documented"
            );
        }
        assert!(
            !doc["components"]["schemas"]["SubmitBody"].is_null(),
            "the body schema"
        );
        // A route that is not in the document is found missing.
        let fake = [flits_http::openapi::ApiRoute::new(
            flits_http::openapi::ApiMethod::Post,
            "/api/v1/polls/{slug}/not-documented",
        )];
        assert_eq!(flits_http::openapi::missing_routes(&doc, &fake).len(), 1);
    }
);

/// The `channel` column of every stored response, sorted (the test database holds one poll's).
async fn stored_channels(app: &TestApp) -> Vec<Option<String>> {
    use sqlx::Connection;
    let sql = "SELECT channel FROM responses ORDER BY channel";
    if app.db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&app.db.url).await.unwrap();
        sqlx::query_scalar(sql).fetch_all(&mut conn).await.unwrap()
    } else {
        let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
        sqlx::query_scalar(sql).fetch_all(&mut conn).await.unwrap()
    }
}

on_both_backends!(
    a_link_records_only_a_channel_that_scheduling_accepts,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        // The link: `?c=poster` (built in) is carried through the form, `?c=mastodon` (not a
        // channel of the demo poll) as `other`; `?c=Mastodon` is ignored.
        let page = app.get("/p/demo?c=poster").await.text().await.unwrap();
        assert!(page.contains("name=\"_channel\" value=\"poster\""));
        let page = app.get("/p/demo?c=mastodon").await.text().await.unwrap();
        assert!(page.contains("name=\"_channel\" value=\"other\""));
        let page = app.get("/p/demo?c=Mastodon").await.text().await.unwrap();
        assert!(!page.contains("name=\"_channel\""), "not a channel id");

        // What is stored with a response: the same rule for the form and the JSON submit.
        let token = fresh_token(&app, "demo").await;
        let mut form = GOOD_FORM.to_vec();
        form.push(("_channel", "Mastodon"));
        let res = post_form(&app, "demo", &token, &form, None).await;
        assert_eq!(res.status(), 303);
        for (sid, channel) in [("c-1", "Mastodon"), ("c-2", "qr")] {
            let body = serde_json::json!({"submission_id": sid, "channel": channel, "lang": "nl",
                "answers": {"tevreden": 4, "meer": ["bomen"], "helpen": "ja"}});
            let res = app
                .client
                .post(format!("{}/api/v1/polls/demo/responses", app.address))
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201, "{:?}", res.text().await);
        }
        let mut channels = stored_channels(&app).await;
        channels.sort();
        assert_eq!(channels, [None, None, Some("qr".to_owned())]);

        // Scheduling: `mastodon` can be scheduled, `Mastodon` is refused as not a channel id,
        // at the service's entry and from the command line alike.
        assert!(flits_scheduling::channel_ids(["mastodon"]).is_ok());
        let refused = flits_scheduling::channel_ids(["Mastodon"]).unwrap_err();
        assert_eq!(refused.code(), "invalid_channel");
        let out = flits_command()
            .env("FLITS_DATABASE_URL", &app.db.url)
            .args(["poll", "schedule", "demo-gepland", "--lang", "en"])
            .args(["--opens", "2031-03-01T09:00:00+01:00"])
            .args(["--closes", "2031-03-08T09:00:00+01:00"])
            .args(["--channel", "Mastodon"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("'Mastodon' is not a channel id"),
            "{stderr}"
        );
    }
);
