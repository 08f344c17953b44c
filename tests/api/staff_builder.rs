//! The poll builder pages: preview with hints, errors next to their fields, saving a draft, and
//! building a two-question poll in a real browser.

use fantoccini::Locator;

use crate::browser::{self, Browser, Script};
use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::{PASSWORD, login, staff_fixture};

fn two_questions(slug: &str, title_en: &str) -> Vec<(&'static str, String)> {
    vec![
        ("slug", slug.to_owned()),
        ("title_nl", "Fietsen bij het station".into()),
        ("title_en", title_en.into()),
        ("purpose", "Weten of er meer rekken nodig zijn".into()),
        ("audiences", "velsen".into()),
        ("promise_nl", "In maart leest u hier wat we doen.".into()),
        ("promise_en", "In March you read here what we do.".into()),
        ("q0_id", "vervoer".into()),
        ("q0_kind", "single_choice".into()),
        (
            "q0_text_nl",
            "Inzake uw vervoer: hoe komt u naar het station?".into(),
        ),
        ("q0_text_en", "How do you get to the station?".into()),
        (
            "q0_options",
            "fiets | Met de fiets | By bike\nbus | Met de bus | By bus".into(),
        ),
        ("q0_required", "on".into()),
        ("q1_id", "cijfer".into()),
        ("q1_kind", "scale".into()),
        ("q1_text_nl", "Hoe tevreden bent u over de rekken?".into()),
        ("q1_text_en", "How happy are you with the racks?".into()),
        ("q1_min", "1".into()),
        ("q1_max", "5".into()),
    ]
}

on_both_backends!(
    the_builder_previews_hints_errors_and_saves_a_draft,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        let url = format!("{}/staff/polls/new", app.address);
        let mut form = two_questions("fiets-station", "Bikes at the station");
        form.push(("_csrf", s.csrf.clone()));
        let mut preview = form.clone();
        preview.push(("action", "preview".into()));
        let res = app
            .client
            .post(&url)
            .header("cookie", &s.cookie)
            .form(&preview)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let page = res.text().await.unwrap();
        assert!(
            page.contains("id=\"phone-preview\"") && page.contains("Met de fiets"),
            "the phone preview shows the options"
        );
        assert!(page.contains("link-card") && page.contains("Fietsen bij het station"));
        assert!(
            page.contains("msg-hint") && page.contains("Inzake"),
            "the officialese hint shows by the question"
        );
        assert!(
            page.contains("in plaats van"),
            "the hint is worded from the catalogue, in Dutch"
        );
        assert_eq!(
            app.store.poll_by_slug("fiets-station").await.unwrap(),
            None,
            "a preview stores nothing"
        );

        // A missing translation is an error next to its field; nothing is stored.
        let mut broken = form.clone();
        broken.retain(|(k, _)| *k != "q0_text_en");
        broken.push(("action", "save".into()));
        let res = app
            .client
            .post(&url)
            .header("cookie", &s.cookie)
            .form(&broken)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let page = res.text().await.unwrap();
        let after_field = page.split("id=\"q0_text_en\"").nth(1).unwrap();
        let by_field = after_field.split("<label").next().unwrap();
        assert!(
            by_field.contains("msg-error"),
            "the error sits by the English question text"
        );
        assert!(
            by_field.contains("De vertaling in het Engels ontbreekt"),
            "the same words as flits poll validate: {by_field}"
        );
        assert_eq!(app.store.poll_by_slug("fiets-station").await.unwrap(), None);

        let mut save = form.clone();
        save.push(("action", "save".into()));
        let res = app
            .client
            .post(&url)
            .header("cookie", &s.cookie)
            .form(&save)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/staff/polls/fiets-station/edit")
        );
        let poll = app
            .store
            .poll_by_slug("fiets-station")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(poll.state, flits_survey::PollState::Draft);
        assert_eq!(poll.organisation_id, "velsen");
        assert_eq!(poll.definition.questions.len(), 2);
        assert_eq!(poll.definition.questions[1].max, Some(5));

        // The same address again: refused by the slug, in the page's language.
        let mut again = save.clone();
        again.retain(|(k, _)| *k != "_csrf");
        again.push(("_csrf", s.csrf.clone()));
        let res = app
            .client
            .post(format!("{url}?lang=en"))
            .header("cookie", &s.cookie)
            .form(&again)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409);
        let page = res.text().await.unwrap();
        assert!(
            page.contains("This address is already in use."),
            "slug_taken by the slug field"
        );

        // Edit: the stored values come back in the form; a change is saved.
        let edit = app
            .client
            .get(format!("{}/staff/polls/fiets-station/edit", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(edit.contains("value=\"Bikes at the station\""));
        let mut changed = two_questions("fiets-station", "Bicycles at the station");
        changed.push(("_csrf", s.csrf.clone()));
        changed.push(("action", "save".into()));
        let res = app
            .client
            .post(format!("{}/staff/polls/fiets-station/edit", app.address))
            .header("cookie", &s.cookie)
            .form(&changed)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let poll = app
            .store
            .poll_by_slug("fiets-station")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            poll.definition.title.exact("en"),
            Some("Bicycles at the station")
        );
        // A scheduled poll cannot be edited here.
        let res = app
            .client
            .get(format!("{}/staff/polls/demo-gepland/edit", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409);
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_two_question_poll_is_built_in_a_browser_and_previewed() {
    let Some(tools) = browser::tools_or_skip("poll builder in a browser") else {
        return;
    };
    let db = TestDb::new(Backend::Sqlite).await;
    let app = spawn_app_on(db, |s| s.public_url = String::new()).await;
    let users = staff_fixture(&app).await;
    let browser = Browser::start(&tools, Script::Off).await;
    let c = &browser.client;
    c.goto(&format!("{}/staff/login?lang=nl", app.address))
        .await
        .unwrap();
    c.find(Locator::Id("email"))
        .await
        .unwrap()
        .send_keys(&users[1].1)
        .await
        .unwrap();
    c.find(Locator::Id("password"))
        .await
        .unwrap()
        .send_keys(PASSWORD)
        .await
        .unwrap();
    c.find(Locator::Css("form.stack button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(|| async { !browser.path().await.starts_with("/staff/login") }).await;
    c.goto(&format!("{}/staff/polls/new?lang=nl", app.address))
        .await
        .unwrap();
    for (field, value) in two_questions("browser-peiling", "Bikes") {
        match field {
            "audiences" => c
                .find(Locator::Id("aud-velsen"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap(),
            "q0_required" => c
                .find(Locator::Id("q0_required"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap(),
            "q0_kind" | "q1_kind" => c
                .find(Locator::Css(&format!("#{field} option[value='{value}']")))
                .await
                .unwrap()
                .click()
                .await
                .unwrap(),
            _ => c
                .find(Locator::Id(field))
                .await
                .unwrap()
                .send_keys(&value)
                .await
                .unwrap(),
        }
    }
    c.find(Locator::Css("button[value=preview]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The click may return before the preview page has loaded: wait for its content.
    let mut phone = String::new();
    for _ in 0..100 {
        if let Ok(el) = c.find(Locator::Id("phone-preview")).await
            && let Ok(text) = el.text().await
            && text.contains("Hoe tevreden")
        {
            phone = text;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        phone.contains("Fietsen bij het station")
            && phone.contains("Met de fiets")
            && phone.contains("Hoe tevreden"),
        "{phone}"
    );
    c.find(Locator::Css("button[value=save]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(|| async {
        browser
            .path()
            .await
            .starts_with("/staff/polls/browser-peiling/edit")
    })
    .await;
    assert!(
        browser
            .path()
            .await
            .starts_with("/staff/polls/browser-peiling/edit")
    );
    browser.close().await;
    let poll = app
        .store
        .poll_by_slug("browser-peiling")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(poll.definition.questions.len(), 2);
}

/// Polls `done` for up to ten seconds: with scripts off, a click may return before the next page loads.
async fn wait_until<F, Fut>(done: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..100 {
        if done().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
