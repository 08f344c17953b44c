//! Residents read a poll in any language it offers (Dutch, English, Turkish, Polish, Arabic):
//! chosen by `?lang=`, remembered in a cookie that holds only the language, else taken from
//! `Accept-Language`, else the poll's first language; Arabic pages run right to left.

use serde_json::{Value, json};

use crate::collector_fairness::{post_form, token_in};
use crate::helpers::*;
use crate::on_both_backends;

async fn get_with(app: &TestApp, path: &str, header: (&str, &str)) -> reqwest::Response {
    app.client
        .get(format!("{}{path}", app.address))
        .header(header.0, header.1)
        .send()
        .await
        .unwrap()
}

/// The `flits_lang=…` pair the response sets, if any.
fn language_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("flits_lang="))
        .map(|v| v.split(';').next().unwrap_or("").to_owned())
}

on_both_backends!(
    every_offered_language_is_chosen_remembered_and_negotiated,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();

        // ?lang= picks the language and remembers only that.
        let res = app.get("/p/demo?lang=tr").await;
        assert_eq!(res.status(), 200);
        assert_eq!(language_cookie(&res).as_deref(), Some("flits_lang=tr"));
        let page = res.text().await.unwrap();
        assert!(page.contains("<html lang=\"tr\" dir=\"ltr\">"), "{page}");
        assert!(page.contains("Mahallenizde daha fazla yeşil alan mı?"));
        assert!(
            page.contains("Cevaplarımı gönder"),
            "the interface is Turkish too"
        );
        assert!(page.contains("<input type=\"hidden\" name=\"_lang\" value=\"tr\">"));

        // The remembered choice beats Accept-Language; ?lang= beats both.
        let page = get_with(&app, "/p/demo", ("cookie", "flits_lang=tr"))
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("<html lang=\"tr\""));
        let res = app
            .client
            .get(format!("{}/p/demo?lang=pl", app.address))
            .header("cookie", "flits_lang=tr")
            .header("accept-language", "ar")
            .send()
            .await
            .unwrap();
        assert_eq!(language_cookie(&res).as_deref(), Some("flits_lang=pl"));
        assert!(res.text().await.unwrap().contains("Wyślij moje odpowiedzi"));

        // Accept-Language by quality, among what the poll offers.
        let page = get_with(
            &app,
            "/p/demo",
            ("accept-language", "de, pl;q=0.5, en;q=0.9"),
        )
        .await
        .text()
        .await
        .unwrap();
        assert!(
            page.contains("<html lang=\"en\""),
            "English has the higher quality"
        );
        // Nothing usable: the poll's first language, Dutch.
        let res = get_with(&app, "/p/demo", ("accept-language", "fr, de")).await;
        assert_eq!(
            language_cookie(&res),
            None,
            "nothing was chosen, nothing remembered"
        );
        assert!(res.text().await.unwrap().contains("<html lang=\"nl\""));

        // Arabic runs right to left, and the switch offers every language in its own name.
        let page = app.get("/p/demo?lang=ar").await.text().await.unwrap();
        assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(page.contains("أرسل إجاباتي"));
        for (code, name) in [
            ("nl", "Nederlands"),
            ("en", "English"),
            ("tr", "Türkçe"),
            ("pl", "Polski"),
        ] {
            let link = format!(
                "<a href=\"/p/demo?lang={code}\" hreflang=\"{code}\" lang=\"{code}\">{name}</a>"
            );
            assert!(page.contains(&link), "{link} missing");
        }
        assert!(page.contains("<span aria-current=\"true\" lang=\"ar\">العربية</span>"));
        // The channel survives a switch of language.
        let page = app
            .get("/p/demo?lang=nl&c=poster")
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("href=\"/p/demo?lang=pl&amp;c=poster\""));
    }
);

on_both_backends!(a_poll_offers_only_its_own_languages, |backend| async move {
    let app = spawn_app(backend).await;
    flits::demo::prepare(&app.store).await.unwrap();
    // demo-gepland is Dutch only and not open yet: its notice stays Dutch whatever is asked.
    let res = app.get("/p/demo-gepland?lang=tr").await;
    assert_eq!(language_cookie(&res), None, "Turkish is not on offer");
    let page = res.text().await.unwrap();
    assert!(page.contains("<html lang=\"nl\""), "{page}");
    assert!(page.contains("nog niet open"));
    assert!(!page.contains("lang-switch"), "one language: no switch");
    // A page about no poll offers every language.
    let page = app
        .get("/p/no-such-poll?lang=pl")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Ta ankieta nie istnieje"));
});

on_both_backends!(
    forms_and_api_errors_answer_in_the_residents_language,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();

        // An empty Arabic form comes back in Arabic, right to left, with the summary.
        let token = token_in(&app.get("/p/demo?lang=ar").await.text().await.unwrap());
        let res = post_form(&app, "demo", &token, &[("_lang", "ar")], None).await;
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        assert!(page.contains("dir=\"rtl\""));
        assert!(page.contains("حدث خطأ ما"), "the error summary is Arabic");
        assert!(page.contains("<title>خطأ: "), "{page}");

        // A Polish form over an expired/foreign token keeps the answers, in Polish.
        let res = post_form(
            &app,
            "demo",
            "made-up",
            &[("_lang", "pl"), ("helpen", "ja")],
            None,
        )
        .await;
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        assert!(page.contains("Ten formularz nie należy do tej ankiety"));
        assert!(page.contains("value=\"ja\" checked"));

        // The JSON API answers in the body's language.
        let res = app
            .client
            .post(format!("{}/api/v1/polls/demo/responses", app.address))
            .json(
                &json!({"submission_id": uuid::Uuid::new_v4().to_string(), "lang": "pl",
                          "answers": {"tevreden": 9}}),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400);
        let err: Value = res.json().await.unwrap();
        assert_eq!(err["error"]["code"], "invalid_answers");
        assert_eq!(
            err["error"]["message"],
            "Nie wszystkie odpowiedzi są poprawne."
        );
        let res = app
            .client
            .post(format!("{}/api/v1/polls/nope/responses", app.address))
            .header("accept-language", "tr")
            .json(&json!({"submission_id": "x1", "answers": {}}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404);
        let err: Value = res.json().await.unwrap();
        assert_eq!(err["error"]["message"], "Bu adreste bir anket yok.");
    }
);

on_both_backends!(
    a_resident_page_that_fails_says_so_in_their_language_with_a_request_id,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        crate::staff_language::break_table(&app.db, "polls").await;
        // An unknown slug misses the page cache, so the database is asked and fails.
        let res = app
            .client
            .get(format!("{}/p/nog-niet-gezien?lang=tr", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 503);
        let header_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
        let page = res.text().await.unwrap();
        assert!(page.contains("<html lang=\"tr\" dir=\"ltr\">"), "{page}");
        assert_eq!(crate::staff_language::shown_request_id(&page), header_id);
        // What cannot be a slug is no poll: a 404 without asking the broken database.
        let res = app.get("/p/Geen%20Slug!").await;
        assert_eq!(res.status(), 404);
        // The form submit takes the same path.
        let res = post_form(&app, "nog-niet-gezien", "x", &[("_lang", "ar")], None).await;
        assert_eq!(res.status(), 503);
        assert!(res.text().await.unwrap().contains("dir=\"rtl\""));
    }
);
