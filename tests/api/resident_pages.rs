//! What a resident sees around the questions (issue 13): the right sender (a regional poll speaks
//! for its region, a municipal poll for its municipality) in the header, the link preview and the
//! poster; before answering how long it takes, until when, when the results come and privacy in
//! two lines; the privacy page (GDPR article 13) and the accessibility statement linked from every
//! page; a scale that stays one row; error links that name their question; the thank-you page's
//! results address, share links and way back; the poster's default channel; the favicon, the
//! named "not yet open" page and the styled 404 for unknown addresses, residents' and staff's.

use chrono::{TimeDelta, Utc};
use flits_store::{NewPoll, Poll};
use flits_survey::{PollDefinition, PollState};

use crate::collector_fairness::{cookie_pair, post_form, token_in};
use crate::helpers::*;
use crate::on_both_backends;

/// The demo with its configured structure (the region's resident name, the municipalities'
/// contact details), as `flits demo` serves it.
async fn demo_app(backend: Backend) -> TestApp {
    let db = TestDb::new(backend).await;
    let app = spawn_app_on(db, |s| flits::demo::configure(s).unwrap()).await;
    flits::demo::prepare(&app.store).await.unwrap();
    app
}

/// A poll of Velsen for Velsen's residents in `state`, opening at `opens`.
async fn velsen_poll(app: &TestApp, slug: &str, state: PollState, opens: TimeDelta) -> Poll {
    let yaml = format!(
        "slug: {slug}\ntitle: {{nl: \"Parkeren in IJmuiden?\", en: \"Parking in IJmuiden?\"}}\nbrief: {{purpose: Weten, audiences: [velsen], feedback_promise: {{nl: \"In mei leest u hier de uitkomst.\", en: \"In May you can read the results here.\"}}}}\nquestions:\n  - {{id: q1, kind: single_choice, required: true, help: {{nl: \"Kies wat het meest past.\", en: \"Choose what fits best.\"}}, text: {{nl: Hoe parkeert u?, en: How do you park?}}, options: [{{id: a, text: {{nl: Op straat, en: In the street}}}}, {{id: b, text: {{nl: In een garage, en: In a garage}}}}]}}\n  - {{id: q2, kind: scale, required: true, min: 0, max: 10, text: {{nl: Hoe tevreden bent u?, en: How happy are you?}}, labels: {{min: {{nl: Slecht, en: Bad}}, max: {{nl: Goed, en: Good}}}}}}\n"
    );
    let now = Utc::now();
    app.store
        .insert_poll(NewPoll {
            organisation_id: "velsen".into(),
            state,
            definition: PollDefinition::from_yaml_str(&yaml).unwrap(),
            opens_at: Some(now + opens),
            closes_at: Some(now + opens + TimeDelta::days(14)),
            channels: vec![],
        })
        .await
        .unwrap()
}

/// The page with `&#x3D;` read as `=`, as a browser reads attributes.
async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let res = app.get(path).await;
    let status = res.status().as_u16();
    (status, res.text().await.unwrap().replace("&#x3D;", "="))
}

/// The text of the page header's sender.
fn sender_in(page: &str) -> String {
    let at = page.find("<span class=\"org-name\">").expect("a header") + 23;
    let end = page[at..].find("</span>").unwrap() + at;
    let inner = &page[at..end];
    // After a logo, if there is one.
    inner.rsplit('>').next().unwrap().to_owned()
}

on_both_backends!(
    a_regional_poll_speaks_for_its_region_and_a_municipal_poll_for_its_municipality,
    |backend| async move {
        let app = demo_app(backend).await;
        let (status, regional) = page(&app, "/p/demo?lang=nl").await;
        assert_eq!(status, 200);
        assert_eq!(sender_in(&regional), "De IJmond-gemeenten");
        assert!(
            regional.contains("<meta property=\"og:site_name\" content=\"De IJmond-gemeenten\">")
        );
        assert!(
            !regional.contains("Gemeente Velsen"),
            "not the neighbour's name"
        );
        assert!(regional.contains("href=\"/privacy/ijmond?lang=nl\""));
        assert!(regional.contains("href=\"/toegankelijkheid/ijmond?lang=nl\""));
        let (_, poster) = page(&app, "/p/demo/poster").await;
        assert_eq!(sender_in(&poster), "De IJmond-gemeenten");

        velsen_poll(&app, "parkeren", PollState::Open, TimeDelta::hours(-1)).await;
        let (_, municipal) = page(&app, "/p/parkeren").await;
        assert_eq!(sender_in(&municipal), "Gemeente Velsen");
        assert!(municipal.contains("<meta property=\"og:site_name\" content=\"Gemeente Velsen\">"));
        assert!(municipal.contains("href=\"/privacy/velsen?lang=nl\""));

        // Without a configured name, a region is named by a sentence around its own name.
        let db = TestDb::new(backend).await;
        let bare = spawn_app_on(db, |_| {}).await;
        flits::demo::prepare(&bare.store).await.unwrap();
        let (_, page_en) = page(&bare, "/p/demo?lang=en").await;
        assert_eq!(sender_in(&page_en), "The municipalities of IJmond");
    }
);

on_both_backends!(
    before_answering_residents_read_how_long_until_when_the_promise_and_privacy,
    |backend| async move {
        let app = demo_app(backend).await;
        let (_, nl) = page(&app, "/p/demo?lang=nl").await;
        let form_at = nl.find("<form").unwrap();
        let before = &nl[..form_at];
        assert!(before.contains("Het kost u ongeveer"), "how long");
        assert!(before.contains("U kunt meedoen tot "), "until when");
        assert!(
            before.contains("In maart leest u op deze pagina wat we met uw antwoorden doen."),
            "the feedback promise"
        );
        assert!(before.contains("Uw antwoorden zijn anoniem: we vragen niet wie u bent."));
        // The real retention setting (24 months by default).
        assert!(before.contains("wist ze na 24 maanden"), "{before}");
        assert!(before.contains("<a href=\"/privacy/ijmond?lang=nl\">Meer over privacy</a>"));
        // The language switch sits at the top, a plain link per language the poll offers, in
        // the poll's order (its default first), and works without JavaScript.
        let switch_at = nl.find("class=\"lang-switch\"").unwrap();
        assert!(switch_at < nl.find("<main").unwrap());
        let order: Vec<usize> = [
            "hreflang=\"en\"",
            "hreflang=\"tr\"",
            "hreflang=\"pl\"",
            "hreflang=\"ar\"",
        ]
        .iter()
        .map(|h| nl.find(h).unwrap_or_else(|| panic!("{h}")))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
        assert!(nl.contains("<span aria-current=\"true\" lang=\"nl\">Nederlands</span>"));
        let (_, ar) = page(&app, "/p/demo?lang=ar").await;
        assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(ar.contains("إجاباتك مجهولة الهوية"));
    }
);

on_both_backends!(
    the_privacy_page_and_accessibility_statement_state_the_real_settings,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            flits::demo::configure(s).unwrap();
            s.retention.delete_responses_after_months = 18;
            s.feedback.keep_days = 60;
            s.collector.form_token_hours = 48;
        })
        .await;
        flits::demo::prepare(&app.store).await.unwrap();

        let (status, velsen) = page(&app, "/privacy/velsen").await;
        assert_eq!(status, 200);
        for expected in [
            "Privacy bij de peilingen van Gemeente Velsen",
            "Gemeente Velsen gaat over uw gegevens bij deze peilingen.",
            "Dat staat in de privacywet, de AVG.",
            "We wissen de antwoorden 18 maanden nadat de uitkomst op deze website staat.",
            "Komt de uitkomst niet binnen 60 dagen?",
            "het cookie flits_form",
            "Het cookie verdwijnt na 48 uur.",
            "flits_lang",
            "Is een groep kleiner dan 10 mensen?",
            "U mag vragen welke gegevens we van u hebben.",
            "mailto:privacy@velsen.example",
            "https://autoriteitpersoonsgegevens.nl",
        ] {
            assert!(velsen.contains(expected), "{expected}: {velsen}");
        }
        // A regional poll's privacy page names every municipality of the region as controller.
        let (_, region) = page(&app, "/privacy/ijmond").await;
        for name in [
            "Gemeente Beverwijk",
            "Gemeente Heemskerk",
            "Gemeente Velsen",
        ] {
            assert!(region.contains(&format!("<p>{name}</p>")), "{name}");
        }
        let (_, english) = page(&app, "/privacy/velsen?lang=en").await;
        assert!(english.contains("<html lang=\"en\""));
        assert!(english.contains("We delete the answers 18 months after"));

        let (status, statement) = page(&app, "/toegankelijkheid/velsen").await;
        assert_eq!(status, 200);
        for expected in [
            "<h1>Toegankelijkheidsverklaring</h1>",
            "WCAG 2.1, niveau A en AA",
            "peiling.example.nl",
            "We hebben de eerste stappen gezet.",
            "https://www.nationaleombudsman.nl",
            "mailto:info@velsen.example",
        ] {
            assert!(statement.contains(expected), "{expected}");
        }
        // The lists of all of them, and an unknown one.
        let (_, index) = page(&app, "/toegankelijkheid").await;
        assert!(index.contains("href=\"/toegankelijkheid/beverwijk?lang=nl\""));
        assert_eq!(page(&app, "/privacy/nergens").await.0, 404);
        // Every resident page links both, also the overview and the 404 page.
        for path in ["/", "/p/demo/thanks", "/p/no-such-poll", "/privacy/velsen"] {
            let (_, p) = page(&app, path).await;
            assert!(p.contains("href=\"/privacy"), "{path}");
            assert!(p.contains("href=\"/toegankelijkheid"), "{path}");
        }
    }
);

on_both_backends!(
    scales_stay_one_row_and_errors_name_their_question,
    |backend| async move {
        let app = demo_app(backend).await;
        velsen_poll(&app, "parkeren", PollState::Open, TimeDelta::hours(-1)).await;

        // Five steps: one row, the end labels under it, each also in its end's label.
        let (_, demo) = page(&app, "/p/demo").await;
        assert!(demo.contains("<div class=\"scale\">"));
        assert!(demo.contains("<div class=\"scale-ends\" aria-hidden=\"true\"><span>Heel ontevreden</span><span>Heel tevreden</span></div>"));
        assert!(demo.contains("<label for=\"q-tevreden-1\">1<span class=\"visually-hidden\"> Heel ontevreden</span></label>"));
        // Eleven steps: a list, one under the other, the labels beside the ends.
        let (_, long) = page(&app, "/p/parkeren").await;
        assert!(long.contains("<div class=\"scale scale-list\">"));
        assert!(long.contains("0 <span class=\"scale-label\">Slecht</span>"));
        // Help texts are tied to their question.
        assert!(long.contains("id=\"q-q1\" aria-describedby=\"q-q1-help\""));
        assert!(long.contains("<p class=\"help\" id=\"q-q1-help\">Kies wat het meest past.</p>"));

        let token = token_in(&long);
        let res = post_form(&app, "parkeren", &token, &[("_lang", "nl")], Some("")).await;
        assert_eq!(res.status(), 422);
        let body = res.text().await.unwrap();
        assert!(body.contains("<a href=\"#q-q1\">Vraag 1: "), "{body}");
        assert!(body.contains("<a href=\"#q-q2\">Vraag 2: "));
        assert!(body.contains("aria-describedby=\"q-q1-help q-q1-error\""));
        // The stylesheet keeps a row a row.
        let css = app.get("/assets/flits.css").await.text().await.unwrap();
        assert!(css.contains(".scale { display: flex; flex-wrap: nowrap;"));
    }
);

on_both_backends!(
    the_thanks_page_says_where_the_results_come_and_shares_with_its_own_channels,
    |backend| async move {
        let app = demo_app(backend).await;
        velsen_poll(&app, "parkeren", PollState::Open, TimeDelta::hours(-1)).await;
        let token = token_in(&page(&app, "/p/parkeren").await.1);
        let res = post_form(
            &app,
            "parkeren",
            &token,
            &[("_lang", "nl"), ("q1", "a"), ("q2", "7")],
            Some(""),
        )
        .await;
        assert_eq!(res.status(), 303);
        let took_part = cookie_pair(&res).unwrap();
        let thanks = app
            .client
            .get(format!("{}/p/parkeren/thanks", app.address))
            .header("cookie", with_form_cookie(&took_part))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
            .replace("&#x3D;", "=");
        assert!(thanks.contains("In mei leest u hier de uitkomst."));
        assert!(thanks.contains("Bewaar deze link. Daar komt de uitkomst te staan:"));
        assert!(thanks.contains(
            "href=\"https://peiling.example.nl/p/parkeren/results?lang=nl\" dir=\"ltr\">peiling.example.nl/p/parkeren/results?lang=nl</a>"
        ));
        // Each way of sharing carries its own channel.
        assert!(thanks.contains("href=\"https://wa.me/?text="));
        assert!(thanks.contains("%3Fc%3Dwhatsapp"), "{thanks}");
        assert!(thanks.contains("href=\"mailto:?subject="));
        assert!(thanks.contains("%3Fc%3Demail"));
        assert!(
            thanks.contains("data-share-url=\"https://peiling.example.nl/p/parkeren?c=share\"")
        );
        assert!(thanks.contains("<script src=\"/assets/share.js\" defer></script>"));
        assert!(thanks.contains(
            "<a href=\"https://www.velsen.nl\">Terug naar de website van Gemeente Velsen</a>"
        ));
        let script = app.get("/assets/share.js").await;
        assert_eq!(script.status(), 200);
        assert!(script.text().await.unwrap().contains("navigator.share"));

        // A visit through the WhatsApp link is recorded as `whatsapp`, not `other`.
        let whatsapp = page(&app, "/p/parkeren?c=whatsapp").await.1;
        assert!(whatsapp.contains("name=\"_channel\" value=\"whatsapp\""));
    }
);

on_both_backends!(
    the_poster_carries_the_call_the_dates_and_the_poster_channel,
    |backend| async move {
        let app = demo_app(backend).await;
        let (status, poster) = page(&app, "/p/demo/poster").await;
        assert_eq!(status, 200);
        assert!(poster.contains("<h1>Meer groen in uw buurt?</h1>"));
        assert!(poster.contains("minuten — doe mee"), "{poster}");
        assert!(poster.contains("Doe mee tot "));
        assert!(poster.contains("In maart leest u op deze pagina"));
        assert!(poster.contains("src=\"/p/demo/qr.svg?c=poster\""));
        assert!(poster.contains("peiling.example.nl/p/demo?c=poster"));
        // A chosen channel still wins.
        let (_, own) = page(&app, "/p/demo/poster?c=bibliotheek").await;
        assert!(own.contains("src=\"/p/demo/qr.svg?c=bibliotheek\""));
        // The preview image is still a PNG (it now ends with the call to action).
        let png = app.get("/p/demo/preview.png").await;
        assert_eq!(png.status(), 200);
        assert_eq!(png.headers()["content-type"], "image/png");
    }
);

on_both_backends!(
    favicon_named_not_open_page_and_styled_404s,
    |backend| async move {
        let app = demo_app(backend).await;
        for path in ["/favicon.svg", "/favicon.ico"] {
            let res = app.get(path).await;
            assert_eq!(res.status(), 200, "{path}");
            assert_eq!(res.headers()["content-type"], "image/svg+xml");
        }
        assert!(
            page(&app, "/p/demo")
                .await
                .1
                .contains("<link rel=\"icon\" href=\"/favicon.svg\"")
        );

        velsen_poll(&app, "later", PollState::Scheduled, TimeDelta::days(3)).await;
        let (status, later) = page(&app, "/p/later").await;
        assert_eq!(status, 200);
        assert!(
            later.contains("<h1>Parkeren in IJmuiden?: nog niet open</h1>"),
            "{later}"
        );

        // Unknown addresses: the styled page, residents' and staff's; JSON under /api/.
        let (status, resident) = page(&app, "/bestaat-niet?lang=en").await;
        assert_eq!(status, 404);
        assert!(resident.contains("<h1>This page does not exist</h1>"));
        assert!(resident.contains("/assets/flits.css"));
        let (status, staff) = page(&app, "/staff/bestaat-niet").await;
        assert_eq!(status, 404);
        assert!(staff.contains("Niet gevonden"), "{staff}");
        assert!(staff.contains("/assets/staff.css"), "{staff}");
        let res = app.get("/api/v1/bestaat-niet").await;
        assert_eq!(res.status(), 404);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "not_found");
    }
);
