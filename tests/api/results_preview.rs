//! Previewing the public results page before publishing (`POST /staff/polls/{slug}/results/preview`):
//! comms staff see the page as residents will — the drafted text, the chosen quotes scrubbed, the
//! figures as charts with their tables, the native votes — in each language the poll offers, under
//! a banner, with the draft carried along; nothing is published, posted or logged as published,
//! and the page is neither cached nor indexed. Analysts may not.

use chrono::{DateTime, Utc};
use flits::startup::Service;
use flits_store::{NativeOption, NativeTally, Poll};
use flits_survey::PollState;
use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;
use crate::results_page::{MASTODON, SLUG, answered_and_closed};
use crate::staff_access::{PASSWORD, Session, login, staff_fixture};

/// The collector and the staff service (no runner: nothing is sent behind the test's back), with
/// the results tests' Mastodon channel, and staff of every role in Velsen.
pub async fn preview_app(backend: Backend) -> TestApp {
    let db = TestDb::new(backend).await;
    let app = spawn_services_on(db, &[Service::Collector, Service::Staff], |s| {
        s.channels = serde_json::from_value(json!([
            {"id": MASTODON, "kind": "mastodon", "base_url": "https://social.example.nl",
             "token_env": "MASTODON_TOKEN", "native_poll": true},
        ]))
        .unwrap();
        s.collector.cache_millis = 0;
    })
    .await;
    staff_fixture(&app).await;
    app
}

/// The poll of the results tests, answered 33 times and closed, with its Mastodon poll's votes.
pub async fn closed_with_votes(app: &TestApp) -> (Poll, DateTime<Utc>) {
    let (poll, closed) = answered_and_closed(app).await;
    let post = app
        .store
        .outbox_posts(poll.id)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.channel_id == MASTODON)
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
        .record_native_tally(post.id, &tally, closed)
        .await
        .unwrap();
    (poll, closed)
}

/// The draft: Dutch with two paragraphs as a browser sends a textarea (`\r\n`), English, and a
/// quote with a phone number in it.
pub const SUMMARY_NL: &str = "U wilde meer bomen.\r\n\r\nWe planten er tien in het voorjaar.";
pub const SUMMARY_EN: &str = "You wanted more trees.";
pub const QUOTE: &str = "idee\u{1f}Bankjes in de schaduw, bel 06-12345678";

/// The part of `html` from `start` on, up to `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} in {html}"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// The hidden fields of the preview's banner, as a browser would send them again.
fn hidden_fields(html: &str) -> Vec<(String, String)> {
    let banner = between(html, "<section class=\"preview-banner\"", "</section>");
    banner
        .split("<input type=\"hidden\" name=\"")
        .skip(1)
        .map(|rest| {
            let (name, rest) = rest.split_once("\" value=\"").unwrap();
            let value = rest.split('"').next().unwrap();
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

async fn post_preview(
    app: &TestApp,
    session: &Session,
    query: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut form = vec![("_csrf", session.csrf.as_str())];
    form.extend_from_slice(fields);
    app.client
        .post(format!(
            "{}/staff/polls/{SLUG}/results/preview{query}",
            app.address
        ))
        .header("cookie", &session.cookie)
        .form(&form)
        .send()
        .await
        .unwrap()
}

on_both_backends!(
    comms_staff_preview_the_public_page_before_publishing,
    |backend| async move {
        let app = preview_app(backend).await;
        let (poll, _) = closed_with_votes(&app).await;
        let posts_before = app.store.outbox_posts(poll.id).await.unwrap().len();
        let comms = login(&app, "comms@velsen.example", PASSWORD).await;

        // The publish form offers the preview as a button of the same form.
        let form = app
            .client
            .get(format!(
                "{}/staff/polls/{SLUG}/results?lang=nl",
                app.address
            ))
            .header("cookie", &comms.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            form.contains(&format!(
                "formaction=\"/staff/polls/{SLUG}/results/preview?lang=nl\""
            )),
            "{form}"
        );

        let draft = [
            ("summary_nl", SUMMARY_NL),
            ("summary_en", SUMMARY_EN),
            ("quote", QUOTE),
            ("action", "preview"),
        ];
        let res = post_preview(&app, &comms, "?lang=nl", &draft).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["cache-control"], "no-store");
        assert_eq!(res.headers()["x-robots-tag"], "noindex");
        let html = res.text().await.unwrap();
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(
            html.contains("<html lang=\"nl\" dir=\"ltr\">"),
            "the poll's first language"
        );
        assert!(html.contains("<title>Uitkomsten: Een groener plein</title>"));

        // The banner comes first in the main content, in the staff member's language.
        let main = between(&html, "<main id=\"main\">", "</main>");
        let banner = between(main, "<section class=\"preview-banner\"", "</section>");
        assert!(main.starts_with("<main id=\"main\"><section class=\"preview-banner\""));
        assert!(banner.contains("lang=\"nl\" dir=\"ltr\""), "{banner}");
        assert!(
            banner.contains(
                "<h2 id=\"preview-banner-heading\">Voorbeeld — nog niet gepubliceerd</h2>"
            )
        );
        assert!(banner.contains("Er is nog niets opgeslagen, gepubliceerd of verstuurd."));
        for (code, name) in [("nl", "Nederlands"), ("en", "English"), ("ar", "العربية")] {
            assert!(
                banner.contains(&format!("value=\"{code}\" lang=\"{code}\"")),
                "{code}"
            );
            assert!(banner.contains(name), "{name}");
        }
        assert!(banner.contains(&format!(
            "formaction=\"/staff/polls/{SLUG}/results?lang=nl#publish-heading\""
        )));

        // Then the page as residents will read it: the text in its paragraphs (the browser's
        // line breaks understood), the figures as charts with tables, the quote scrubbed, the
        // votes on Mastodon apart.
        assert!(
            main.contains("<p dir=\"auto\">U wilde meer bomen.</p>"),
            "{main}"
        );
        assert!(main.contains("<p dir=\"auto\">We planten er tien in het voorjaar.</p>"));
        let figures = between(main, "id=\"figures-heading\"", "id=\"quotes-heading\"");
        assert!(
            figures.contains("Zoveel mensen deden mee: 33."),
            "{figures}"
        );
        let bomen = between(figures, "id=\"q-bomen\"", "</section>");
        assert!(
            bomen.contains("<svg class=\"chart\" role=\"img\""),
            "{bomen}"
        );
        assert!(bomen.contains("<th scope=\"row\">Ja, graag</th><td>30</td><td>91%</td>"));
        assert!(
            bomen.contains("<td>&lt;10</td>"),
            "the small-cell rule holds"
        );
        let quotes = between(main, "id=\"quotes-heading\"", "</section>");
        assert!(
            quotes.contains("<p>Bankjes in de schaduw, bel [phone]</p>"),
            "{quotes}"
        );
        assert!(!quotes.contains("06-12345678"));
        let native = between(main, "<section class=\"native-polls\"", "</section>");
        assert!(native.contains("<td>4711</td>"), "{native}");
        // No link leads to the unpublished public page in another language.
        assert!(!html.contains("href=\"/p/groener-plein/results?lang="));

        // Another offered language, with the draft the banner carries.
        let mut carried = hidden_fields(&html);
        assert!(carried.contains(&("summary_en".to_owned(), SUMMARY_EN.to_owned())));
        assert!(carried.contains(&("quote".to_owned(), QUOTE.to_owned())));
        carried.retain(|(name, _)| name != "_csrf");
        let mut fields: Vec<(&str, &str)> = carried
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        fields.push(("preview_lang", "en"));
        fields.push(("action", "preview"));
        let en = post_preview(&app, &comms, "?lang=nl", &fields).await;
        assert_eq!(en.status(), 200);
        let en = en.text().await.unwrap();
        assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
        assert!(
            en.contains("<p dir=\"auto\">You wanted more trees.</p>"),
            "{en}"
        );
        assert!(en.contains("<th scope=\"row\">Yes, please</th><td>30</td><td>91%</td>"));
        assert!(en.contains("Votes on Mastodon"));
        assert!(
            en.contains("Voorbeeld — nog niet gepubliceerd"),
            "the banner stays Dutch"
        );
        assert!(en.contains("<option value=\"en\" lang=\"en\" selected>English</option>"));
        // Arabic, right to left; there is no Arabic text yet, so residents would read the Dutch.
        fields.retain(|(name, _)| *name != "preview_lang");
        fields.push(("preview_lang", "ar"));
        let ar = post_preview(&app, &comms, "?lang=en", &fields).await;
        assert_eq!(ar.status(), 200);
        let ar = ar.text().await.unwrap();
        assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(ar.contains("direction=\"rtl\""), "charts mirror");
        assert!(ar.contains("<p dir=\"auto\">U wilde meer bomen.</p>"));
        assert!(
            ar.contains("<h2 id=\"preview-banner-heading\">Preview — not published yet</h2>"),
            "the banner follows the staff language"
        );
        assert!(ar.contains("lang=\"en\" dir=\"ltr\" aria-labelledby=\"preview-banner-heading\""));

        // Back to the form, with the draft intact.
        let back = app
            .client
            .post(format!(
                "{}/staff/polls/{SLUG}/results?lang=nl",
                app.address
            ))
            .header("cookie", &comms.cookie)
            .form(&[
                ("_csrf", comms.csrf.as_str()),
                ("summary_nl", SUMMARY_NL),
                ("summary_en", SUMMARY_EN),
                ("quote", QUOTE),
                ("action", "check"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(back.status(), 200);
        let back = back.text().await.unwrap();
        assert!(
            back.contains("We planten er tien in het voorjaar."),
            "{back}"
        );
        assert!(back.contains(SUMMARY_EN));
        assert!(back.contains("Bankjes in de schaduw, bel [phone]"));

        // Nothing was published, posted or logged as published.
        let poll = app.store.poll_by_slug(SLUG).await.unwrap().unwrap();
        assert_eq!(poll.state, PollState::Closed);
        assert!(app.store.publication(poll.id).await.unwrap().is_none());
        let posts = app.store.outbox_posts(poll.id).await.unwrap();
        assert_eq!(posts.len(), posts_before, "no new outbox rows");
        assert!(posts.iter().all(|p| p.purpose != "results"));
        let audit = app.store.audit_entries(50).await.unwrap();
        assert!(
            audit.iter().all(|a| a.action != "poll.results_published"),
            "{audit:?}"
        );
        assert_eq!(app.get(&format!("/p/{SLUG}/results")).await.status(), 404);

        // A draft that cannot be published is not previewed: the form says what is missing.
        let empty = post_preview(&app, &comms, "?lang=nl", &[("summary_nl", " ")]).await;
        assert_eq!(empty.status(), 422);
        let empty = empty.text().await.unwrap();
        assert!(!empty.contains("preview-banner"));
        assert!(empty.contains("id=\"results-errors\""), "{empty}");

        // Analysts read results but neither publish nor preview them.
        let analyst = login(&app, "analyst@velsen.example", PASSWORD).await;
        let refused = post_preview(&app, &analyst, "", &draft).await;
        assert_eq!(refused.status(), 403);
        assert!(
            !refused
                .text()
                .await
                .unwrap()
                .contains("U wilde meer bomen.")
        );
    }
);
