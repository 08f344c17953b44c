//! The staff UI in a real browser: log in without JavaScript, reach the dashboard, and pass axe-core
//! on every page, also at a phone's 360 px without sideways scrolling; the same for the preview of
//! a results page before publishing, in Dutch and in Arabic, with and without JavaScript.

use chrono::{TimeDelta, Utc};
use fantoccini::Locator;
use flits_survey::PollState;

use crate::browser::{self, Browser, Script};
use crate::helpers::*;
use crate::results_page::{MASTODON, SLUG};
use crate::results_preview::closed_with_votes;
use crate::scheduler_support::placed;
use crate::staff_access::{PASSWORD, staff_fixture};

pub(crate) async fn log_in(browser: &Browser, address: &str, email: &str) {
    let c = &browser.client;
    c.goto(&format!("{address}/staff/login?lang=nl"))
        .await
        .unwrap();
    c.find(Locator::Id("email"))
        .await
        .unwrap()
        .send_keys(email)
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
    // With scripts on, the click may return before the next page has loaded.
    for _ in 0..50 {
        if !browser.path().await.starts_with("/staff/login") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The elements that stick out to the right of the window, if any, by tag, class and width.
pub(crate) async fn wider_than_the_screen(browser: &Browser) -> serde_json::Value {
    browser
        .client
        .execute(
            r#"const w = document.documentElement.clientWidth;
               if (document.documentElement.scrollWidth <= w) { return []; }
               const out = [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > w + 1)
                 .map(e => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`);
               return out.length ? out : [`scrollWidth ${document.documentElement.scrollWidth}px`];"#,
            Vec::new(),
        )
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_log_in_and_reach_the_dashboard_in_a_browser() {
    let Some(tools) = browser::tools_or_skip("staff login in a browser") else {
        return;
    };
    let db = TestDb::new(Backend::Sqlite).await;
    // Served over plain HTTP here, so the session cookie is not marked Secure. One channel, whose
    // secret is not set: its posts fail, so the posts page shows a failure to act on.
    let app = spawn_app_on(db, |s| {
        s.public_url = String::new();
        s.channels = serde_json::from_value(serde_json::json!([
            {"id": "webhook-velsen", "kind": "webhook", "url": "http://127.0.0.1:9/hook",
             "secret_env": "FLITS_TEST_UNSET_HOOK_SECRET"}
        ]))
        .unwrap();
    })
    .await;
    let users = staff_fixture(&app).await;
    let now = Utc::now();
    placed(
        &app.store,
        "fiets-kanalen",
        &["velsen"],
        PollState::Scheduled,
        now - TimeDelta::minutes(1),
        now + TimeDelta::days(7),
        &["webhook-velsen"],
    )
    .await;
    // A closed poll, whose results page has the publish form.
    placed(
        &app.store,
        "fiets-dicht",
        &["beverwijk"],
        PollState::Closed,
        now - TimeDelta::days(30),
        now - TimeDelta::days(20),
        &[],
    )
    .await;
    flits_runner::run_due_jobs(&app.store, now).await.unwrap();
    flits_runner::delivery::Outbox::new(
        Vec::new(),
        "http://127.0.0.1/".parse().unwrap(),
        std::time::Duration::from_secs(300),
    )
    .deliver_due(&app.store, now)
    .await
    .unwrap();

    // Without JavaScript: the forms alone get a comms officer to the dashboard.
    let browser = Browser::start(&tools, Script::Off).await;
    log_in(&browser, &app.address, &users[1].1).await;
    assert_eq!(browser.path().await, "/staff?lang=nl");
    let c = &browser.client;
    assert_eq!(
        c.find(Locator::Css("main h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "Peilingen"
    );
    let body = c
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(body.contains("Meer groen in uw buurt?"), "{body}");
    browser.close().await;

    // With JavaScript on, axe-core finds no WCAG violations on the login page and the shell.
    let browser = Browser::start(&tools, Script::On).await;
    browser
        .client
        .goto(&format!("{}/staff/login", app.address))
        .await
        .unwrap();
    assert_eq!(
        browser.axe_violations().await,
        Vec::<serde_json::Value>::new(),
        "login page"
    );
    log_in(&browser, &app.address, &users[2].1).await;
    assert_eq!(browser.path().await, "/staff?lang=nl");
    assert_eq!(
        browser.axe_violations().await,
        Vec::<serde_json::Value>::new(),
        "dashboard"
    );
    for page in [
        "/staff/polls/new",
        "/staff/polls/demo-gepland/schedule",
        "/staff/polls/fiets-kanalen/posts",
        "/staff/polls/fiets-kanalen/results",
        "/staff/polls/fiets-dicht/results",
        "/staff/calendar",
        "/staff/calendar?view=month",
        "/staff/tokens",
        "/staff/users",
        "/staff/users/tokens",
        "/staff/audit",
        "/staff/population",
        // Last, as ?lang= is remembered for the pages after it.
        "/staff/polls/demo-gepland/schedule?lang=en",
        "/staff/polls/fiets-kanalen/posts?lang=en",
        "/staff/calendar?view=month&lang=en",
    ] {
        browser
            .client
            .goto(&format!("{}{page}", app.address))
            .await
            .unwrap();
        assert_eq!(
            browser.axe_violations().await,
            Vec::<serde_json::Value>::new(),
            "{page}"
        );
    }

    // At a phone's width the pages fit without scrolling sideways (a wide table scrolls in its
    // own region) and still pass axe-core.
    browser.client.set_window_size(360, 800).await.unwrap();
    for page in [
        "/staff",
        "/staff/polls/fiets-kanalen/posts",
        "/staff/polls/fiets-dicht/results",
        "/staff/polls/demo-gepland/schedule",
        "/staff/population",
        "/staff/users",
        "/staff/users/tokens",
    ] {
        browser
            .client
            .goto(&format!("{}{page}", app.address))
            .await
            .unwrap();
        let wider = wider_than_the_screen(&browser).await;
        assert_eq!(wider, serde_json::json!([]), "{page} at 360 px");
        assert_eq!(
            browser.axe_violations().await,
            Vec::<serde_json::Value>::new(),
            "{page} at 360 px"
        );
    }
    browser.close().await;
}

/// Types the draft into the publish form and asks for the preview of the public page.
async fn preview_draft(browser: &Browser, address: &str) {
    let c = &browser.client;
    c.goto(&format!("{address}/staff/polls/{SLUG}/results?lang=nl"))
        .await
        .unwrap();
    c.find(Locator::Id("summary_nl"))
        .await
        .unwrap()
        .send_keys("U wilde meer bomen.\n\nWe planten er tien in het voorjaar.")
        .await
        .unwrap();
    c.find(Locator::Css("button[value=preview]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .wait_for_path(&format!("/staff/polls/{SLUG}/results/preview"))
        .await;
    browser.wait_for("#preview-banner").await;
}

/// Shows the preview in `lang` with the banner's language switch.
async fn switch_preview_to(browser: &Browser, lang: &str) {
    let c = &browser.client;
    c.find(Locator::Id("preview_lang"))
        .await
        .unwrap()
        .select_by_value(lang)
        .await
        .unwrap();
    c.find(Locator::Css("#preview-banner button[value=preview]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_for(&format!("html[lang={lang}]")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_preview_of_a_results_page_is_accessible_in_a_browser() {
    let Some(tools) =
        browser::tools_or_skip("the_preview_of_a_results_page_is_accessible_in_a_browser")
    else {
        return;
    };
    let db = TestDb::new(Backend::Sqlite).await;
    // Served over plain HTTP, so the session cookie is not marked Secure.
    let app = spawn_services_on(
        db,
        &[
            flits::startup::Service::Collector,
            flits::startup::Service::Staff,
        ],
        |s| {
            s.public_url = String::new();
            s.channels = serde_json::from_value(serde_json::json!([
                {"id": MASTODON, "kind": "mastodon", "base_url": "https://social.example.nl",
                 "token_env": "MASTODON_TOKEN", "native_poll": true},
            ]))
            .unwrap();
        },
    )
    .await;
    let users = staff_fixture(&app).await;
    let (poll, _) = closed_with_votes(&app).await;

    // Without JavaScript the forms alone preview the page and switch its language.
    let browser = Browser::start(&tools, Script::Off).await;
    log_in(&browser, &app.address, &users[1].1).await;
    preview_draft(&browser, &app.address).await;
    switch_preview_to(&browser, "ar").await;
    let main = browser
        .client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        main.contains("We planten er tien in het voorjaar."),
        "{main}"
    );
    browser.close().await;

    // With JavaScript on, axe-core finds nothing on a phone and a wide screen, in Dutch and in
    // Arabic, and nothing sticks out sideways.
    let browser = Browser::start(&tools, Script::On).await;
    log_in(&browser, &app.address, &users[1].1).await;
    for width in [1280, 360] {
        browser.client.set_window_size(width, 900).await.unwrap();
        preview_draft(&browser, &app.address).await;
        for lang in ["nl", "ar"] {
            if lang != "nl" {
                switch_preview_to(&browser, lang).await;
            }
            let what = format!("the preview in {lang} at {width} px");
            assert_eq!(
                browser.axe_violations().await,
                Vec::<serde_json::Value>::new(),
                "{what}"
            );
            assert_eq!(
                wider_than_the_screen(&browser).await,
                serde_json::json!([]),
                "{what}"
            );
            let charts = browser
                .client
                .find_all(Locator::Css("svg.chart[role=img]"))
                .await
                .unwrap();
            assert_eq!(charts.len(), 3, "{what}");
        }
    }
    // Back to the form: the text is still there, and nothing was published.
    browser
        .client
        .find(Locator::Css("#preview-banner button[value=check]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .wait_for_path(&format!("/staff/polls/{SLUG}/results?lang=nl"))
        .await;
    let summary = browser
        .client
        .find(Locator::Id("summary_nl"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        summary.contains("We planten er tien in het voorjaar."),
        "{summary}"
    );
    assert_eq!(
        browser.axe_violations().await,
        Vec::<serde_json::Value>::new(),
        "the form after the preview"
    );
    browser.close().await;
    assert!(app.store.publication(poll.id).await.unwrap().is_none());
}
