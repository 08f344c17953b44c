//! A resident on a 360 px phone (headless Chromium over WebDriver), in Dutch and in Arabic: the
//! poll page, its error page, the thank-you page, the privacy page, the accessibility statement,
//! the poster and the 404 page have zero axe-core violations and nothing wider than the screen,
//! and the demo's scale stays one row. Skipped with a message when Chromium, chromedriver or
//! axe-core are missing — failing in CI.
//!
//! With `FLITS_TEST_SCREENSHOTS=DIR` the test also saves the poll, thanks, privacy and poster
//! pages at 360 and 1280 px (`resident-poll-360.png`…), as committed under `docs/screenshots/`.

use fantoccini::Locator;
use serde_json::Value;

use crate::browser::{Browser, Script, tools_or_skip};
use crate::helpers::*;

async fn assert_accessible(browser: &Browser, what: &str) {
    let violations = browser.axe_violations().await;
    assert_eq!(
        violations,
        Vec::<Value>::new(),
        "axe-core violations on the {what}"
    );
    let wide = browser
        .client
        .execute(
            "return [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                         || e.getBoundingClientRect().left < -1)
               .filter(e => !e.closest('.visually-hidden') && !e.classList.contains('skip-link'))
               .map(e => e.tagName + '.' + e.className);",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(
        wide,
        Value::Array(Vec::new()),
        "wider than the screen on the {what}"
    );
}

/// The distinct tops of the first scale's steps: one value when the scale is one row.
async fn scale_rows(browser: &Browser) -> usize {
    browser
        .number(
            "return new Set([...document.querySelector('.scale').querySelectorAll('.scale-step')]
                  .map(s => Math.round(s.getBoundingClientRect().top))).size;",
        )
        .await as usize
}

async fn click(browser: &Browser, css: &str) {
    browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_on_a_phone_in_dutch_and_arabic() {
    let Some(tools) = tools_or_skip("a_resident_on_a_phone_in_dutch_and_arabic") else {
        return;
    };
    // Served at the address the browser uses: forms from any other origin are refused.
    let db = TestDb::new(Backend::Sqlite).await;
    let app = spawn_app_on(db, |s| {
        s.public_url = String::new();
        flits::demo::configure(s).unwrap();
    })
    .await;
    flits::demo::prepare(&app.store).await.unwrap();
    let url = |path: &str| format!("{}{path}", app.address);

    let browser = Browser::start(&tools, Script::On).await;
    browser.client.set_window_size(360, 800).await.unwrap();

    for lang in ["nl", "ar"] {
        browser
            .client
            .goto(&url(&format!("/p/demo?lang={lang}")))
            .await
            .unwrap();
        assert!(
            browser.number("return window.innerWidth;").await <= 360.0,
            "a phone's width"
        );
        assert_accessible(&browser, &format!("{lang} poll page")).await;
        assert_eq!(
            scale_rows(&browser).await,
            1,
            "{lang}: the scale is one row"
        );
        if lang == "nl" {
            browser.screenshot(360, "resident-poll-360.png").await;
            browser.screenshot(1280, "resident-poll-1280.png").await;
        }

        // Sent empty: the error page, each link naming its question.
        click(&browser, "button[type='submit']").await;
        browser.wait_for("#error-summary").await;
        let first = browser
            .client
            .find(Locator::Css("#error-summary a"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let expected = if lang == "nl" {
            "Vraag 1: "
        } else {
            "السؤال 1: "
        };
        assert!(first.starts_with(expected), "{first}");
        assert_accessible(&browser, &format!("{lang} error page")).await;

        for label in [
            "label[for='q-tevreden-4']",
            "label[for='q-meer-bomen']",
            "label[for='q-helpen-ja']",
        ] {
            click(&browser, label).await;
        }
        click(&browser, "button[type='submit']").await;
        browser.wait_for_path("/p/demo/thanks").await;
        browser.wait_for(".share-links").await;
        assert_accessible(&browser, &format!("{lang} thanks page")).await;
        if lang == "nl" {
            browser.screenshot(360, "resident-thanks-360.png").await;
            browser.screenshot(1280, "resident-thanks-1280.png").await;
        }

        for (path, what) in [
            ("/privacy/ijmond", "privacy page"),
            ("/toegankelijkheid/ijmond", "accessibility statement"),
            ("/p/demo/poster", "poster"),
            ("/bestaat-niet", "404 page"),
        ] {
            browser
                .client
                .goto(&url(&format!("{path}?lang={lang}")))
                .await
                .unwrap();
            assert_accessible(&browser, &format!("{lang} {what}")).await;
        }
        if lang == "nl" {
            browser.client.goto(&url("/privacy/ijmond")).await.unwrap();
            browser.screenshot(360, "resident-privacy-360.png").await;
            browser.screenshot(1280, "resident-privacy-1280.png").await;
            browser.client.goto(&url("/p/demo/poster")).await.unwrap();
            browser.screenshot(360, "resident-poster-360.png").await;
            browser.screenshot(1280, "resident-poster-1280.png").await;
        }
        // Each language once: forget having taken part, so the form shows again.
        browser.client.delete_all_cookies().await.unwrap();
    }
    browser.close().await;
}
