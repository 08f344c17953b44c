//! The demo poll in a real browser (headless Chromium over WebDriver): filled in and sent with
//! JavaScript on and off, and axe-core on the poll, thanks and error pages with zero violations.
//! Skipped with a message when Chromium, chromedriver or axe-core are missing — failing in CI.

use fantoccini::Locator;
use serde_json::Value;

use crate::browser::{Browser, Script, tools_or_skip};
use crate::helpers::*;

/// Fills in the demo poll as a resident would: clicking labels and typing.
async fn fill_in_demo(browser: &Browser) {
    for label in [
        "label[for='q-tevreden-4']",
        "label[for='q-meer-bomen']",
        "label[for='q-meer-bankjes']",
        "label[for='q-helpen-ja']",
    ] {
        browser
            .client
            .find(Locator::Css(label))
            .await
            .unwrap_or_else(|e| panic!("{label}: {e}"))
            .click()
            .await
            .unwrap();
    }
    browser
        .client
        .find(Locator::Css("#q-idee-input"))
        .await
        .unwrap()
        .send_keys("Meer bomen bij de school")
        .await
        .unwrap();
}

async fn submit(browser: &Browser) {
    browser
        .client
        .find(Locator::Css("button[type='submit']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

async fn assert_accessible(browser: &Browser, what: &str) {
    let violations = browser.axe_violations().await;
    assert_eq!(
        violations,
        Vec::<Value>::new(),
        "axe-core violations on the {what}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_poll_works_in_a_browser_with_and_without_javascript() {
    let Some(tools) = tools_or_skip("the_demo_poll_works_in_a_browser_with_and_without_javascript")
    else {
        return;
    };
    let app = spawn_app(Backend::Sqlite).await;
    flits::demo::prepare(&app.store).await.unwrap();
    let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
    let url = |path: &str| format!("{}{path}", app.address);

    // With JavaScript.
    let browser = Browser::start(&tools, Script::On).await;
    assert!(browser.scripts_run().await, "JavaScript is on");
    browser
        .client
        .goto(&url("/p/demo?c=poster&lang=nl"))
        .await
        .unwrap();
    assert_eq!(
        browser.client.title().await.unwrap(),
        "Meer groen in uw buurt?"
    );
    assert_accessible(&browser, "poll page").await;

    // Arabic: right to left, and as accessible, on the form and on its error page.
    browser.client.goto(&url("/p/demo?lang=ar")).await.unwrap();
    let dir = browser
        .client
        .execute("return document.documentElement.dir;", Vec::new())
        .await
        .unwrap();
    assert_eq!(dir, Value::from("rtl"));
    assert_accessible(&browser, "Arabic poll page").await;
    submit(&browser).await;
    browser.wait_for("#error-summary").await;
    assert!(browser.client.title().await.unwrap().starts_with("خطأ"));
    assert_accessible(&browser, "Arabic error page").await;
    browser
        .client
        .goto(&url("/p/demo?c=poster&lang=nl"))
        .await
        .unwrap();

    // An empty form: the error page, with the summary first and messages by the fields.
    submit(&browser).await;
    browser.wait_for("#error-summary").await;
    let source = browser.client.source().await.unwrap();
    assert!(source.contains("error-summary") && source.contains("q-tevreden-error"));
    assert!(browser.client.title().await.unwrap().starts_with("Fout:"));
    assert_accessible(&browser, "error page").await;

    fill_in_demo(&browser).await;
    submit(&browser).await;
    browser.wait_for_path("/p/demo/thanks").await;
    assert!(browser.client.source().await.unwrap().contains("Bedankt"));
    assert_accessible(&browser, "thanks page").await;

    // The English page and the page of an unknown poll.
    browser
        .client
        .goto(&url("/p/no-such-poll?lang=en"))
        .await
        .unwrap();
    assert_accessible(&browser, "unknown-poll page").await;
    // The check itself works: an image without a text alternative is reported.
    browser
        .client
        .execute(
            "document.querySelector('main').appendChild(document.createElement('img'));",
            Vec::new(),
        )
        .await
        .unwrap();
    let violations = browser.axe_violations().await;
    assert!(
        violations.iter().any(|v| v["id"] == "image-alt"),
        "{violations:?}"
    );
    browser
        .client
        .goto(&url("/p/demo/poster?lang=nl"))
        .await
        .unwrap();
    assert_accessible(&browser, "poster").await;

    browser.close().await;
    assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 1);

    // Without JavaScript: the same resident journey works.
    let browser = Browser::start(&tools, Script::Off).await;
    assert!(!browser.scripts_run().await, "JavaScript is off");
    browser.client.goto(&url("/p/demo?lang=en")).await.unwrap();
    fill_in_demo(&browser).await;
    submit(&browser).await;
    browser.wait_for_path("/p/demo/thanks").await;
    assert!(browser.client.source().await.unwrap().contains("Thank you"));
    browser.close().await;
    assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 2);
}
