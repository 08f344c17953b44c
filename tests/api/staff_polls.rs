//! The staff API's poll definitions (docs/api.md, "Poll definitions"): every problem at once in
//! `details.errors`, each `{location, code, message}`, worded in the language of Accept-Language.

use serde_json::{Value, json};

use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::staff_fixture;

fn broken() -> Value {
    json!({
        "slug": "Fiets Parkeren",
        "title": {"nl": "Fietsparkeren", "en": "Bike parking"},
        "colour": "red",
        "languages": ["nl", "en", "xx"],
        "brief": {"audiences": ["velsen", "nergens"]},
        "questions": [
            {"id": "q1", "kind": "slider", "text": {"nl": "Hoe?", "en": "How?"}},
            {"id": "q1", "kind": "scale", "min": 5, "max": 1, "text": {"nl": "Hoe tevreden?"}}
        ]
    })
}

fn located(body: &Value) -> Vec<(String, String)> {
    body["error"]["details"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert!(e["message"].is_string(), "{e}");
            assert_eq!(e.as_object().unwrap().len(), 3, "{e}");
            (
                e["location"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn message_of(body: &Value, code: &str) -> String {
    body["error"]["details"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == code)
        .and_then(|e| e["message"].as_str())
        .unwrap_or_else(|| panic!("no {code} in {body}"))
        .to_owned()
}

on_both_backends!(
    a_definition_with_problems_gets_all_of_them_in_the_callers_language,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let comms = &users[1].2;
        let post = |lang: Option<&'static str>, body: Value| {
            let mut req = app
                .client
                .post(format!("{}/api/v1/admin/polls", app.address))
                .bearer_auth(comms)
                .json(&body);
            if let Some(lang) = lang {
                req = req.header("accept-language", lang);
            }
            req.send()
        };

        let res = post(Some("en-GB, nl;q=0.5"), broken()).await.unwrap();
        assert_eq!(res.status(), 422);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "invalid_definition");
        let found = located(&body);
        for (location, code) in [
            ("colour", "field_unknown"),
            ("languages[2]", "language_unsupported"),
            ("questions[0].kind", "kind_unknown"),
            ("slug", "slug_characters"),
            ("questions[1].id", "id_duplicate"),
            ("questions[1].min", "scale_bounds_reversed"),
            ("questions[1].text.en", "translation_missing"),
            ("brief.audiences[1]", "audience_unknown"),
        ] {
            assert!(
                found.iter().any(|(l, c)| l == location && c == code),
                "{location} {code} missing in {found:?}"
            );
        }
        assert!(
            message_of(&body, "translation_missing").starts_with("The English translation"),
            "{body}"
        );

        let res = post(None, broken()).await.unwrap();
        let body: Value = res.json().await.unwrap();
        assert!(
            message_of(&body, "translation_missing").starts_with("De vertaling in het Engels"),
            "Dutch without Accept-Language: {body}"
        );
        assert!(
            app.store
                .poll_by_slug("fiets-parkeren")
                .await
                .unwrap()
                .is_none()
        );

        // A poll in Dutch and Turkish; reading it back gives the worded validation with its hints.
        let turkish = json!({
            "slug": "fietsen-tr",
            "title": {"nl": "Fietsparkeren", "tr": "Bisiklet parkı"},
            "languages": ["tr", "nl"],
            "intro": {"nl": "Inzake de stalling vragen wij uw mening.", "tr": "Otopark hakkında fikrinizi soruyoruz."},
            "questions": [{"id": "q1", "kind": "single_choice", "text": {"nl": "Hoe komt u?", "tr": "Nasıl geliyorsunuz?"},
                           "options": [{"id": "fiets", "text": {"nl": "Fiets", "tr": "Bisiklet"}},
                                       {"id": "bus", "text": {"nl": "Bus", "tr": "Otobüs"}}]}]
        });
        let res = post(Some("en"), turkish).await.unwrap();
        assert_eq!(res.status(), 201, "{:?}", res.text().await);
        let created: Value = res.json().await.unwrap();
        assert!(
            created["hints"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h["code"] == "officialese" && h["location"] == "intro.nl"),
            "{created}"
        );
        let poll = app.store.poll_by_slug("fietsen-tr").await.unwrap().unwrap();
        assert_eq!(
            poll.definition.offered_languages(),
            vec![flits_i18n::Locale::Tr, flits_i18n::Locale::Nl]
        );
        let read: Value = app
            .client
            .get(format!("{}/api/v1/admin/polls/fietsen-tr", app.address))
            .bearer_auth(comms)
            .header("accept-language", "en")
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(read["definition"]["languages"], json!(["tr", "nl"]));
        let validation = &read["validation"];
        assert_eq!(validation["valid"], true);
        let hint = &validation["hints"][0];
        assert_eq!(hint["code"], "officialese");
        assert!(
            hint["message"].as_str().unwrap().contains("is officialese"),
            "{hint}"
        );
        assert!(validation["estimated_seconds"].is_u64());
    }
);
