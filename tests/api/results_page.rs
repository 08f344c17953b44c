//! The public results page: `404` until staff publish, then the "you said, we did" text, later
//! updates newest first, the figures under the small-cell rule (a chart and a table with the same
//! numbers, `<10` for a small count, nothing when too few took part), the picked quotes, and the
//! platforms' own poll votes apart; in Dutch, English and Arabic; with link-preview tags and a
//! preview image.

use chrono::{DateTime, TimeDelta, Utc};
use flits::startup::Service;
use flits_runner::run_due_jobs;
use flits_store::{NativeOption, NativeTally, NewPoll, NewPublication, Poll, Quote};
use flits_survey::{PollDefinition, PollState, Text};
use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;

pub const SLUG: &str = "groener-plein";
pub const MASTODON: &str = "mastodon-velsen";

const DEFINITION: &str = r#"
slug: groener-plein
title: {nl: "Een groener plein", en: "A greener square", ar: "ساحة أكثر خضرة"}
languages: [nl, en, ar]
brief:
  purpose: "Weten of het plein groener moet"
  audiences: [velsen]
  feedback_promise: {nl: "In maart leest u hier wat we doen.", en: "In March you read here what we do.", ar: "في مارس تقرأ هنا ماذا سنفعل."}
questions:
  - {id: bomen, kind: single_choice, text: {nl: "Wilt u meer bomen?", en: "Do you want more trees?", ar: "هل تريد المزيد من الأشجار؟"},
     options: [{id: ja, text: {nl: "Ja, graag", en: "Yes, please", ar: "نعم، من فضلك"}}, {id: nee, text: {nl: "Nee, liever niet", en: "No, rather not", ar: "لا"}}]}
  - {id: gebruik, kind: multi_choice, text: {nl: "Wat doet u op het plein?", en: "What do you do on the square?", ar: "ماذا تفعل في الساحة؟"},
     options: [{id: zitten, text: {nl: "Zitten", en: "Sit", ar: "الجلوس"}}, {id: spelen, text: {nl: "Spelen met de kinderen", en: "Play with the children", ar: "اللعب مع الأطفال"}}, {id: markt, text: {nl: "Naar de markt", en: "Go to the market", ar: "السوق"}}]}
  - {id: cijfer, kind: scale, min: 1, max: 5, text: {nl: "Hoe mooi is het plein nu?", en: "How nice is the square now?", ar: "ما مدى جمال الساحة الآن؟"},
     labels: {min: {nl: "Lelijk", en: "Ugly", ar: "قبيحة"}, max: {nl: "Mooi", en: "Nice", ar: "جميلة"}}}
  - {id: idee, kind: open_text, text: {nl: "Heeft u een idee?", en: "Do you have an idea?", ar: "هل لديك فكرة؟"}}
  - {id: leeftijd, kind: single_choice, profile: true, text: {nl: "Hoe oud bent u?", en: "How old are you?", ar: "كم عمرك؟"},
     options: [{id: jong, text: {nl: "Jonger dan 40", en: "Under 40", ar: "أقل من 40"}}, {id: oud, text: {nl: "40 of ouder", en: "40 or older", ar: "40 أو أكثر"}}]}
"#;

/// The collector only (the test steps the runner), with a Mastodon channel that posts native
/// polls, and no cache, so a publication shows at once.
pub async fn results_app(backend: Backend) -> TestApp {
    let db = TestDb::new(backend).await;
    let app = spawn_services_on(db, &[Service::Collector], |s| {
        s.channels = serde_json::from_value(json!([
            {"id": MASTODON, "kind": "mastodon", "base_url": "https://social.example.nl",
             "token_env": "MASTODON_TOKEN", "native_poll": true},
        ]))
        .unwrap();
        s.collector.cache_millis = 0;
    })
    .await;
    flits::demo::prepare(&app.store).await.unwrap();
    app
}

fn text(value: serde_json::Value) -> Text {
    serde_json::from_value(value).unwrap()
}

async fn respond(app: &TestApp, poll: &Poll, answers: serde_json::Value) {
    store_response(&app.store, poll.id, Some(MASTODON), "nl", answers).await;
}

/// The poll, opened (so its announcement with a native poll is in the outbox), answered 33 times
/// (30 yes, 3 no), and closed; not published yet. Returns it and the time it closed after.
pub async fn answered_and_closed(app: &TestApp) -> (Poll, DateTime<Utc>) {
    let now = Utc::now();
    let poll = app
        .store
        .insert_poll(NewPoll {
            organisation_id: "velsen".into(),
            state: PollState::Scheduled,
            definition: PollDefinition::from_yaml_str(DEFINITION).unwrap(),
            opens_at: Some(now - TimeDelta::days(2)),
            closes_at: Some(now + TimeDelta::days(2)),
            channels: vec![MASTODON.into()],
        })
        .await
        .unwrap();
    run_due_jobs(&app.store, now).await.unwrap();
    for i in 0..33 {
        let (bomen, leeftijd) = if i < 30 {
            ("ja", "jong")
        } else {
            ("nee", "oud")
        };
        let cijfer = [2, 3, 4][i % 3];
        respond(
            app,
            &poll,
            json!({"bomen": bomen, "gebruik": ["zitten", "markt"], "cijfer": cijfer, "leeftijd": leeftijd}),
        )
        .await;
    }
    let closed = now + TimeDelta::days(3);
    run_due_jobs(&app.store, closed).await.unwrap();
    let poll = app.store.poll_by_slug(SLUG).await.unwrap().unwrap();
    assert_eq!(poll.state, PollState::Closed);
    (poll, closed)
}

/// Publishes the poll's results with a quote and two later updates, and gives its native poll
/// counts.
pub async fn publish(app: &TestApp, poll: &Poll, at: DateTime<Utc>) {
    let post = app
        .store
        .outbox_posts(poll.id)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.channel_id == MASTODON && p.purpose == "announce")
        .expect("the announcement on Mastodon");
    let tally = NativeTally {
        options: vec![
            NativeOption {
                title: "Ja, graag".into(),
                votes: Some(4711),
            },
            NativeOption {
                title: "Nee, liever niet".into(),
                votes: Some(17),
            },
        ],
        voters: Some(4728),
        expired: true,
    };
    app.store
        .record_native_tally(post.id, &tally, at)
        .await
        .unwrap();
    let outcome = app
        .store
        .publish_results(
            poll.id,
            NewPublication {
                summary: text(json!({
                    "nl": "U wilde meer bomen. Daarom planten we er in het voorjaar tien.\n\nDe markt blijft op het plein.",
                    "en": "You wanted more trees. So we plant ten in spring.",
                    "ar": "أردتم المزيد من الأشجار. لذلك سنزرع عشرًا في الربيع."
                })),
                quotes: vec![Quote {
                    question_id: "idee".into(),
                    text: "Bankjes in de schaduw, alstublieft".into(),
                }],
                actor: None,
            },
            at,
        )
        .await
        .unwrap();
    assert!(matches!(
        outcome,
        flits_store::PublishOutcome::Published { .. }
    ));
    for (days, update) in [
        (10, "De eerste vijf bomen staan er."),
        (20, "Alle tien bomen staan er nu."),
    ] {
        assert!(
            app.store
                .add_result_update(
                    poll.id,
                    text(json!({"nl": update, "en": "Trees planted."})),
                    None,
                    at + TimeDelta::days(days),
                )
                .await
                .unwrap()
        );
    }
}

/// The part of `html` from `start` on, up to `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} in {html}"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

on_both_backends!(
    the_results_page_goes_live_when_published,
    |backend| async move {
        let app = results_app(backend).await;
        let unknown = app.get("/p/no-such-poll/results").await;
        assert_eq!(unknown.status(), 404);
        assert!(
            unknown
                .text()
                .await
                .unwrap()
                .contains("Deze peiling bestaat niet")
        );
        let (poll, closed) = answered_and_closed(&app).await;
        let before = app.get(&format!("/p/{SLUG}/results")).await;
        assert_eq!(before.status(), 404, "closed but not published");
        let body = before.text().await.unwrap();
        assert!(body.contains("De uitkomsten zijn er nog niet"), "{body}");
        assert!(body.contains("In maart leest u hier wat we doen."));
        assert!(!body.contains("Daarom planten we"));
        assert_eq!(
            app.get(&format!("/p/{SLUG}/results.png")).await.status(),
            404
        );

        publish(&app, &poll, closed).await;
        let res = app.get(&format!("/p/{SLUG}/results")).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["cache-control"], "no-store");
        let html = res.text().await.unwrap();
        assert!(html.contains("<html lang=\"nl\" dir=\"ltr\">"));
        assert!(!html.contains("<script"), "no JavaScript");

        // In order: what we did, the updates newest first, the figures, the quotes, the votes
        // on Mastodon apart.
        let main = between(&html, "<main", "</main>");
        let at = |needle: &str| {
            main.find(needle)
                .unwrap_or_else(|| panic!("{needle:?} in {main}"))
        };
        assert!(at("Wat u zei, wat we doen") < at("U wilde meer bomen."));
        assert!(
            html.contains("<p dir=\"auto\">De markt blijft op het plein.</p>"),
            "paragraphs"
        );
        assert!(at("U wilde meer bomen.") < at("Alle tien bomen staan er nu."));
        assert!(
            at("Alle tien bomen staan er nu.") < at("De eerste vijf bomen staan er."),
            "newest update first"
        );
        let newest = closed + TimeDelta::days(20);
        let newest_date = newest
            .with_timezone(&chrono_tz::Europe::Amsterdam)
            .format("%Y-%m-%d")
            .to_string();
        assert!(html.contains(&format!("<time datetime=\"{newest_date}\">")));
        assert!(at("De eerste vijf bomen staan er.") < at("id=\"figures-heading\""));
        assert!(at("id=\"figures-heading\"") < at("id=\"quotes-heading\""));
        assert!(at("id=\"quotes-heading\"") < at("id=\"native-heading\""));

        let figures = between(&html, "id=\"figures-heading\"", "id=\"quotes-heading\"");
        assert!(
            figures.contains("Zoveel mensen deden mee: 33."),
            "{figures}"
        );
        // Each topic question has a chart (an image with a text alternative) and a table.
        let bomen = between(figures, "id=\"q-bomen\"", "</section>");
        assert!(bomen.contains("role=\"img\""), "{bomen}");
        assert!(
            bomen.contains("<title id=\"q-bomen-alt\">Grafiek met staven. Wilt u meer bomen? Ja, graag: 91%; Nee, liever niet: &lt;10.</title>"),
            "{bomen}"
        );
        assert!(bomen.contains("<th scope=\"row\">Ja, graag</th><td>30</td><td>91%</td>"));
        assert!(
            bomen.contains(
                "<th scope=\"row\">Nee, liever niet</th><td>&lt;10</td><td>niet getoond</td>"
            ),
            "a count under k is <10 and has no share: {bomen}"
        );
        assert!(
            !bomen.contains("<td>3</td>"),
            "the small count itself is not shown"
        );
        assert!(figures.contains("&lt;10 betekent: minder dan 10 mensen."));
        let gebruik = between(figures, "id=\"q-gebruik\"", "</section>");
        assert!(gebruik.contains("<td>33</td><td>100%</td>"), "{gebruik}");
        assert!(gebruik.contains("meer dan één antwoord"));
        let cijfer = between(figures, "id=\"q-cijfer\"", "</section>");
        assert!(
            cijfer.contains("1 (Lelijk)") && cijfer.contains("5 (Mooi)"),
            "{cijfer}"
        );
        assert!(
            cijfer.contains("Gemiddeld: 3,0. Het middelste antwoord: 3,0."),
            "{cijfer}"
        );
        // Profile questions and open answers have no figures.
        assert!(!figures.contains("q-leeftijd") && !figures.contains("q-idee"));
        assert!(
            !figures.contains("4711"),
            "native votes are not in the figures"
        );

        let quotes = between(&html, "id=\"quotes-heading\"", "</section>");
        assert!(quotes.contains("<h3>Heeft u een idee?</h3>"));
        assert!(quotes.contains(
            "<blockquote class=\"quote\" dir=\"auto\"><p>Bankjes in de schaduw, alstublieft</p></blockquote>"
        ));

        let native = between(&html, "<section class=\"native-polls\"", "</section>");
        assert!(native.contains("niet van deze peiling"), "{native}");
        assert!(
            native.contains("Stemmen op Mastodon: Wilt u meer bomen? Dit telt niet mee bij de antwoorden van deze peiling."),
            "{native}"
        );
        assert!(native.contains("<th scope=\"row\" dir=\"auto\">Ja, graag</th><td>4711</td>"));
        assert!(
            native.contains("Dit is de eindstand.") && native.contains("4728 accounts stemden.")
        );

        // Link previews: the results' title, the start of the summary, the results image.
        for tag in [
            "<meta property=\"og:title\" content=\"Uitkomsten: Een groener plein\">",
            "<meta property=\"og:description\" content=\"U wilde meer bomen. Daarom planten we er in het voorjaar tien. De markt blijft op het plein.\">",
            "<meta property=\"og:url\" content=\"https://peiling.example.nl/p/groener-plein/results\">",
            "<meta property=\"og:image\" content=\"https://peiling.example.nl/p/groener-plein/results.png?lang=nl\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        ] {
            assert!(html.contains(tag), "{tag} in {html}");
        }
        let png = app.get(&format!("/p/{SLUG}/results.png?lang=nl")).await;
        assert_eq!(png.status(), 200);
        assert_eq!(png.headers()["content-type"], "image/png");
        let png = image::load_from_memory(&png.bytes().await.unwrap()).unwrap();
        assert_eq!((png.width(), png.height()), (1200, 630));

        // English and Arabic, Arabic right to left; the language switch offers the poll's three.
        let en = app
            .get(&format!("/p/{SLUG}/results?lang=en"))
            .await
            .text()
            .await
            .unwrap();
        assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
        assert!(en.contains("You wanted more trees.") && en.contains("You said, we did"));
        assert!(en.contains("<th scope=\"row\">Yes, please</th><td>30</td><td>91%</td>"));
        assert!(en.contains("Votes on Mastodon"));
        assert!(en.contains("<title>Results: A greener square</title>"));
        assert!(
            en.contains("content=\"https://peiling.example.nl/p/groener-plein/results?lang=en\"")
        );
        let res = app
            .client
            .get(format!("{}/p/{SLUG}/results", app.address))
            .header("Accept-Language", "ar")
            .send()
            .await
            .unwrap();
        let ar = res.text().await.unwrap();
        assert!(
            ar.contains("<html lang=\"ar\" dir=\"rtl\">"),
            "negotiated Arabic"
        );
        assert!(ar.contains("أردتم المزيد من الأشجار."));
        assert!(
            ar.contains("direction=\"rtl\""),
            "chart labels run right to left"
        );
        assert!(ar.contains("91٪"));
        for code in ["nl", "en"] {
            assert!(ar.contains(&format!("href=\"/p/groener-plein/results?lang={code}\"")));
        }
        assert!(ar.contains("<span aria-current=\"true\" lang=\"ar\">العربية</span>"));
        // An update without Arabic falls back to Dutch, as every poll text does.
        assert!(ar.contains("Alle tien bomen staan er nu."));

        // Archived later, the poll's own page is gone but its results stay.
        app.store
            .set_poll_schedule(poll.id, PollState::Archived, poll.opens_at, poll.closes_at)
            .await
            .unwrap();
        assert_eq!(app.get(&format!("/p/{SLUG}")).await.status(), 404);
        let archived = app.get(&format!("/p/{SLUG}/results")).await;
        assert_eq!(archived.status(), 200);
        assert!(
            archived
                .text()
                .await
                .unwrap()
                .contains("U wilde meer bomen.")
        );
    }
);

on_both_backends!(too_few_responses_show_no_numbers, |backend| async move {
    let app = results_app(backend).await;
    let mut definition = PollDefinition::from_yaml_str(DEFINITION).unwrap();
    definition.slug = "weinig-antwoorden".into();
    let poll = app
        .store
        .insert_poll(NewPoll {
            organisation_id: "velsen".into(),
            state: PollState::Closed,
            definition,
            opens_at: Some(Utc::now() - TimeDelta::days(7)),
            closes_at: Some(Utc::now() - TimeDelta::days(1)),
            channels: vec![],
        })
        .await
        .unwrap();
    for _ in 0..9 {
        respond(&app, &poll, json!({"bomen": "ja", "cijfer": 5})).await;
    }
    app.store
        .publish_results(
            poll.id,
            NewPublication {
                summary: text(json!({"nl": "Te weinig mensen deden mee. We vragen het opnieuw."})),
                quotes: vec![],
                actor: None,
            },
            Utc::now(),
        )
        .await
        .unwrap();
    let res = app.get("/p/weinig-antwoorden/results").await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("Te weinig mensen deden mee."));
    assert!(
        html.contains("Er deden minder dan 10 mensen mee. Daarom laten we geen cijfers zien."),
        "{html}"
    );
    let figures = between(&html, "id=\"figures-heading\"", "</section>");
    for absent in ["role=\"img\"", "<table", "%", ">9<", "Gemiddeld"] {
        assert!(!figures.contains(absent), "{absent} in {figures}");
    }
    assert!(!html.contains("id=\"quotes-heading\"") && !html.contains("native-polls"));
    // The preview image names no answer either, but exists.
    let png = app.get("/p/weinig-antwoorden/results.png").await;
    assert_eq!(png.status(), 200);
    // A poll that has not even opened has no results either.
    let scheduled = app.get("/p/demo-gepland/results").await;
    assert_eq!(scheduled.status(), 404);
});
