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
    // Served at the address the browser uses: forms from any other origin are refused.
    let db = TestDb::new(Backend::Sqlite).await;
    let app = spawn_app_on(db, |s| s.public_url = String::new()).await;
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

/// The elements that stick out to the right of a phone-wide window, if any.
async fn sticking_out(browser: &Browser) -> Value {
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

/// Answers the demo poll and asks for the results by e-mail with `email` on the thank-you page.
async fn answer_and_ask(browser: &Browser, base: &str, email: &str) {
    browser
        .client
        .goto(&format!("{base}/p/demo?lang=nl"))
        .await
        .unwrap();
    fill_in_demo(browser).await;
    submit(browser).await;
    browser.wait_for_path("/p/demo/thanks").await;
    browser.wait_for("#feedback-email").await;
    ask_by_email(browser, email).await;
}

/// Types `email` in the thank-you page's field (emptied first) and sends the form.
async fn ask_by_email(browser: &Browser, email: &str) {
    let field = browser
        .client
        .find(Locator::Css("#feedback-email"))
        .await
        .unwrap();
    field.clear().await.unwrap();
    field.send_keys(email).await.unwrap();
    browser
        .client
        .find(Locator::Css(".results-by-email button[type='submit']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// The thank-you page's "e-mail me the results" on a phone's 360 px: the form, its error page and
/// the confirmation fit without sideways scrolling and pass axe-core; without JavaScript it works
/// the same.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_results_by_email_form_works_at_360_px_and_without_javascript() {
    let Some(tools) =
        tools_or_skip("the_results_by_email_form_works_at_360_px_and_without_javascript")
    else {
        return;
    };
    let app = crate::results_by_email::app_with_relay_at_own_address(
        Backend::Sqlite,
        crate::bridge_support::smtpd::free_port(),
    )
    .await;
    flits::demo::prepare(&app.store).await.unwrap();
    let base = app.address.clone();
    let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();

    let browser = Browser::start(&tools, Script::On).await;
    browser.client.set_window_size(360, 800).await.unwrap();
    // A mistake first: the form again, the summary first, the title saying so.
    answer_and_ask(&browser, &base, "inwoner-at-example.nl").await;
    browser.wait_for("#error-summary").await;
    assert!(browser.client.title().await.unwrap().starts_with("Fout:"));
    assert_eq!(sticking_out(&browser).await, Value::Array(Vec::new()));
    assert_accessible(&browser, "results form with a mistake").await;
    ask_by_email(&browser, "inwoner@example.nl").await;
    browser.wait_for_path("/p/demo/results-by-email").await;
    assert!(
        browser
            .client
            .source()
            .await
            .unwrap()
            .contains("We sturen u de uitkomst")
    );
    assert_accessible(&browser, "results form confirmation").await;
    for lang in ["nl", "ar"] {
        browser
            .client
            .goto(&format!("{base}/p/demo/thanks?lang={lang}"))
            .await
            .unwrap();
        browser.wait_for("#feedback-email").await;
        assert_eq!(
            sticking_out(&browser).await,
            Value::Array(Vec::new()),
            "{lang}"
        );
        assert_accessible(
            &browser,
            &format!("{lang} thanks page with the results form"),
        )
        .await;
    }
    browser.close().await;

    // Without JavaScript.
    let browser = Browser::start(&tools, Script::Off).await;
    assert!(!browser.scripts_run().await, "JavaScript is off");
    answer_and_ask(&browser, &base, "zonder-js@example.nl").await;
    browser.wait_for_path("/p/demo/results-by-email").await;
    assert!(
        browser
            .client
            .source()
            .await
            .unwrap()
            .contains("We sturen u de uitkomst")
    );
    browser.close().await;
    assert_eq!(app.store.feedback_counts(poll.id).await.unwrap().waiting, 2);
}
