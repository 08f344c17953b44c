//! The public overview (`GET /`) and its Atom feed (`GET /feed.atom`): open polls and published
//! results, newest first; `?org=` narrows to what concerns one municipality's residents, where a
//! regional poll shows under each municipality of the region; the feed parses as Atom with
//! absolute links.

use chrono::{TimeDelta, Utc};
use flits_store::{NewPoll, NewPublication, Poll};
use flits_survey::{PollDefinition, PollState};
use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;
use crate::results_page::results_app;

/// A poll of `org` for `audience` in `state`, opened `days_ago`.
async fn poll(
    app: &TestApp,
    slug: &str,
    title: &str,
    org: &str,
    audience: &str,
    state: PollState,
    days_ago: i64,
) -> Poll {
    let yaml = format!(
        "slug: {slug}\ntitle: {{nl: \"{title}\", en: \"{title} (en)\"}}\nbrief: {{purpose: Weten, audiences: [{audience}]}}\nquestions:\n  - {{id: q1, kind: single_choice, text: {{nl: Vraag, en: Question}}, options: [{{id: a, text: {{nl: A, en: A}}}}, {{id: b, text: {{nl: B, en: B}}}}]}}\n"
    );
    let now = Utc::now();
    let closes = if state == PollState::Open {
        now + TimeDelta::days(7)
    } else {
        now - TimeDelta::days(days_ago - 1)
    };
    app.store
        .insert_poll(NewPoll {
            organisation_id: org.into(),
            state,
            definition: PollDefinition::from_yaml_str(&yaml).unwrap(),
            opens_at: Some(now - TimeDelta::days(days_ago)),
            closes_at: Some(closes),
            channels: vec![],
        })
        .await
        .unwrap()
}

async fn published(app: &TestApp, poll: &Poll, summary: &str, days_ago: i64) {
    app.store
        .publish_results(
            poll.id,
            NewPublication {
                summary: serde_json::from_value(
                    json!({"nl": summary, "en": format!("{summary} (en)")}),
                )
                .unwrap(),
                quotes: vec![],
                actor: None,
            },
            Utc::now() - TimeDelta::days(days_ago),
        )
        .await
        .unwrap();
}

/// The demo (an open poll for the whole IJmond, opened now, and a scheduled one), an open poll
/// for Velsen only, a closed one, and two published results: Beverwijk's and an older regional one.
async fn fixture(app: &TestApp) {
    poll(
        app,
        "velsen-open",
        "Parkeren in Velsen",
        "velsen",
        "velsen",
        PollState::Open,
        1,
    )
    .await;
    poll(
        app,
        "dicht",
        "Gesloten peiling",
        "velsen",
        "velsen",
        PollState::Closed,
        5,
    )
    .await;
    let bev = poll(
        app,
        "bev-klaar",
        "Speeltuin Beverwijk",
        "beverwijk",
        "beverwijk",
        PollState::Closed,
        20,
    )
    .await;
    published(app, &bev, "U wilde een grotere speeltuin.", 2).await;
    let regio = poll(
        app,
        "regio-klaar",
        "Fietspaden in de IJmond",
        "velsen",
        "ijmond",
        PollState::Closed,
        40,
    )
    .await;
    published(app, &regio, "U wilde bredere fietspaden.", 10).await;
}

on_both_backends!(
    the_overview_lists_open_polls_and_results_per_municipality,
    |backend| async move {
        let app = results_app(backend).await;
        fixture(&app).await;

        let res = app.get("/").await;
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        assert!(html.contains("<html lang=\"nl\" dir=\"ltr\">"));
        assert!(html.contains("<h1>Peilingen in IJmond</h1>"), "{html}");
        let at = |html: &str, needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle:?} in {html}"))
        };
        // Open polls, newest first, then results, newest first; nothing closed or scheduled.
        assert!(at(&html, "Meer groen in uw buurt?") < at(&html, "Parkeren in Velsen"));
        assert!(at(&html, "Parkeren in Velsen") < at(&html, "id=\"results-heading\""));
        assert!(at(&html, "id=\"results-heading\"") < at(&html, "Speeltuin Beverwijk"));
        assert!(at(&html, "Speeltuin Beverwijk") < at(&html, "Fietspaden in de IJmond"));
        assert!(html.contains("href=\"/p/velsen-open?lang=nl\""));
        assert!(html.contains("href=\"/p/bev-klaar/results?lang=nl\""));
        assert!(html.contains("U wilde een grotere speeltuin."));
        assert!(html.contains("Van: Gemeente Beverwijk"));
        assert!(!html.contains("Gesloten peiling") && !html.contains("demo-gepland"));
        assert!(html.contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.atom?lang=nl\""
        ));

        // Heemskerk's residents see the regional polls only; Velsen's also their own, not
        // Beverwijk's.
        let heemskerk = app.get("/?org=heemskerk").await.text().await.unwrap();
        assert!(heemskerk.contains("<h1>Peilingen voor Gemeente Heemskerk</h1>"));
        assert!(
            heemskerk.contains("Meer groen in uw buurt?"),
            "a regional poll"
        );
        assert!(
            heemskerk.contains("Fietspaden in de IJmond"),
            "a regional result"
        );
        assert!(!heemskerk.contains("Parkeren in Velsen"));
        assert!(!heemskerk.contains("Speeltuin Beverwijk"));
        assert!(heemskerk.contains("<span aria-current=\"page\">Gemeente Heemskerk</span>"));
        let velsen = app.get("/?org=velsen").await.text().await.unwrap();
        assert!(velsen.contains("Parkeren in Velsen") && velsen.contains("Meer groen"));
        assert!(!velsen.contains("Speeltuin Beverwijk"));
        let beverwijk = app.get("/?org=beverwijk").await.text().await.unwrap();
        assert!(beverwijk.contains("Speeltuin Beverwijk") && beverwijk.contains("Meer groen"));
        assert!(!beverwijk.contains("Parkeren in Velsen"));
        let unknown = app.get("/?org=nergens").await;
        assert_eq!(unknown.status(), 404);
        assert!(
            unknown
                .text()
                .await
                .unwrap()
                .contains("Deze gemeente kennen we niet")
        );

        // In the negotiated language, Arabic right to left; the switch keeps the organisation.
        let en = app
            .client
            .get(format!("{}/?org=velsen", app.address))
            .header("Accept-Language", "en-GB,en;q=0.9")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
        assert!(en.contains("Polls for Gemeente Velsen") && en.contains("Parkeren in Velsen (en)"));
        let ar = app.get("/?lang=ar").await.text().await.unwrap();
        assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(
            ar.contains("المزيد من المساحات الخضراء في حيّك؟"),
            "the demo poll offers Arabic"
        );
        assert!(
            ar.contains("lang=\"nl\" dir=\"auto\">Parkeren in Velsen</a>"),
            "a title that fell back to Dutch is marked as Dutch"
        );
        assert!(
            velsen.contains("href=\"/?org=velsen&amp;lang=ar\""),
            "{velsen}"
        );
    }
);

on_both_backends!(
    the_atom_feed_has_an_entry_per_open_poll_and_result,
    |backend| async move {
        let app = results_app(backend).await;
        fixture(&app).await;
        let res = app.get("/feed.atom").await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            res.headers()["content-type"],
            "application/atom+xml; charset=utf-8"
        );
        let body = res.bytes().await.unwrap();
        let feed = atom_syndication::Feed::read_from(&body[..]).expect("valid Atom");
        assert_eq!(feed.title().as_str(), "Peilingen in IJmond");
        assert_eq!(feed.lang(), Some("nl"));
        assert_eq!(feed.id(), "https://peiling.example.nl/feed.atom");
        let ids: Vec<&str> = feed.entries().iter().map(|e| e.id()).collect();
        assert_eq!(
            ids,
            [
                "https://peiling.example.nl/p/demo",
                "https://peiling.example.nl/p/velsen-open",
                "https://peiling.example.nl/p/bev-klaar/results",
                "https://peiling.example.nl/p/regio-klaar/results",
            ],
            "newest first"
        );
        let result = &feed.entries()[2];
        assert_eq!(result.title().as_str(), "Uitkomsten: Speeltuin Beverwijk");
        assert_eq!(
            result.links()[0].href(),
            "https://peiling.example.nl/p/bev-klaar/results"
        );
        assert_eq!(
            result.summary().map(|s| s.as_str()),
            Some("U wilde een grotere speeltuin.")
        );
        assert_eq!(result.authors()[0].name(), "Gemeente Beverwijk");
        for entry in feed.entries() {
            assert!(
                entry
                    .links()
                    .iter()
                    .all(|l| l.href().starts_with("https://peiling.example.nl/"))
            );
        }
        assert!(feed.links().iter().any(|l| l.rel() == "self"));

        // Per municipality and in English.
        let body = app
            .get("/feed.atom?org=heemskerk&lang=en")
            .await
            .bytes()
            .await
            .unwrap();
        let feed = atom_syndication::Feed::read_from(&body[..]).unwrap();
        assert_eq!(feed.title().as_str(), "Polls for Gemeente Heemskerk");
        let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
        assert_eq!(
            titles,
            [
                "Take part: More green in your neighbourhood?",
                "Results: Fietspaden in de IJmond (en)"
            ]
        );
        assert_eq!(
            feed.entries()[0].links()[0].href(),
            "https://peiling.example.nl/p/demo?lang=en"
        );
        assert_eq!(app.get("/feed.atom?org=nergens").await.status(), 404);

        // Python's XML parser reads it too, with the Atom namespace.
        let body = app.get("/feed.atom").await.bytes().await.unwrap();
        let script = "import sys, xml.etree.ElementTree as ET\nroot = ET.fromstring(sys.stdin.buffer.read())\nns = {'a': 'http://www.w3.org/2005/Atom'}\nprint(len(root.findall('a:entry', ns)))";
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(&body)?;
                child.wait_with_output()
            });
        match out {
            Ok(out) => {
                assert!(out.status.success());
                assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "4");
            }
            Err(e) => crate::skip::skipped("atom feed in python", &format!("python3: {e}")),
        }
    }
);
