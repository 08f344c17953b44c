use crate::helpers::*;
use crate::on_both_backends;

on_both_backends!(
    the_poll_page_shows_the_open_poll_in_both_languages,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let res = app.get("/p/demo").await;
        assert_eq!(res.status(), 200);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        let body = res.text().await.unwrap();
        assert!(body.contains("<html lang=\"nl\" dir=\"ltr\">"));
        assert!(body.contains("Meer groen in uw buurt?"));
        assert!(
            body.contains("<fieldset"),
            "questions are grouped with fieldsets"
        );
        assert!(!body.contains("<script"), "the page needs no JavaScript");

        let en = app.get("/p/demo?lang=en").await.text().await.unwrap();
        assert!(
            en.contains("<html lang=\"en\" dir=\"ltr\">")
                && en.contains("More green in your neighbourhood?")
        );
        let negotiated = app
            .client
            .get(format!("{}/p/demo", app.address))
            .header("Accept-Language", "en-GB,en;q=0.9")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(negotiated.contains("More green"));
    }
);

on_both_backends!(
    unknown_and_scheduled_polls_get_a_friendly_page,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let res = app.get("/p/no-such-poll").await;
        assert_eq!(res.status(), 404);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Deze peiling bestaat niet")
        );
        let res = app.get("/p/demo-gepland").await;
        assert_eq!(res.status(), 200);
        assert!(res.text().await.unwrap().contains("nog niet open"));
    }
);

on_both_backends!(
    the_public_definition_is_served_as_json,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let res = app.get("/api/v1/polls/demo").await;
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["slug"], "demo");
        assert_eq!(body["state"], "open");
        assert_eq!(body["questions"].as_array().unwrap().len(), 5);
        assert!(
            body.get("brief").is_none(),
            "the internal brief is not public"
        );
        let res = app.get("/api/v1/polls/nope").await;
        assert_eq!(res.status(), 404);
        let err: serde_json::Value = res.json().await.unwrap();
        assert_eq!(err["error"]["code"], "not_found");
    }
);
