//! The results page and the public overview in a real browser (headless Chromium over WebDriver):
//! axe-core finds no violations in Dutch and Arabic, on a 360 px phone and a 1280 px screen, and
//! nothing is wider than the screen. Skipped with a message when Chromium, chromedriver or
//! axe-core are missing — failing in CI.
//!
//! With `FLITS_TEST_SCREENSHOTS=DIR` the test also saves what a 360 px phone shows of each page
//! (whole pages, `results-nl-360.png`…) and the results' link-preview image, for a person to
//! look at.

use serde_json::Value;

use crate::browser::{Browser, Script, tools_or_skip};
use crate::helpers::*;
use crate::results_page::{SLUG, answered_and_closed, publish, results_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_and_overview_are_accessible_on_a_phone_and_a_wide_screen() {
    let Some(tools) =
        tools_or_skip("results_and_overview_are_accessible_on_a_phone_and_a_wide_screen")
    else {
        return;
    };
    let app = results_app(Backend::Sqlite).await;
    let (poll, closed) = answered_and_closed(&app).await;
    publish(&app, &poll, closed).await;

    if let Some(dir) = std::env::var_os("FLITS_TEST_SCREENSHOTS") {
        let png = app.get(&format!("/p/{SLUG}/results.png?lang=nl")).await;
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            std::path::Path::new(&dir).join("results-preview.png"),
            png.bytes().await.unwrap(),
        )
        .unwrap();
    }
    let browser = Browser::start(&tools, Script::On).await;
    for width in [360, 1280] {
        browser.client.set_window_size(width, 900).await.unwrap();
        for lang in ["nl", "ar"] {
            for (page, path) in [
                ("results", format!("/p/{SLUG}/results?lang={lang}")),
                ("overview", format!("/?lang={lang}")),
            ] {
                let what = format!("{page} page in {lang} at {width} px");
                browser
                    .client
                    .goto(&format!("{}{path}", app.address))
                    .await
                    .unwrap();
                let dir = browser
                    .client
                    .execute("return document.documentElement.dir;", Vec::new())
                    .await
                    .unwrap();
                let expected = if lang == "ar" { "rtl" } else { "ltr" };
                assert_eq!(dir, Value::from(expected), "{what}");
                let viewport = browser.number("return window.innerWidth;").await;
                assert!(
                    viewport <= f64::from(width) + 1.0,
                    "{what}: the window is {viewport} px wide"
                );
                let content = browser
                    .number("return document.documentElement.scrollWidth;")
                    .await;
                assert!(
                    content <= viewport,
                    "{what}: the page is {content} px wide, wider than the screen ({viewport} px)"
                );
                let violations = browser.axe_violations().await;
                assert_eq!(violations, Vec::<Value>::new(), "axe-core on the {what}");
                if page == "results" {
                    // Every chart is an image with a name, and its table is there for screen
                    // readers.
                    let charts = browser.number("return [...document.querySelectorAll('svg[role=img]')].filter(s => s.getAttribute('aria-labelledby') && document.getElementById(s.getAttribute('aria-labelledby')).textContent.length > 20).length;",
                    )
                    .await;
                    let tables = browser.number("return document.querySelectorAll('.result table th[scope=row]').length;",
                    )
                    .await;
                    assert_eq!(charts, 3.0, "{what}");
                    assert!(tables >= 9.0, "{what}: {tables} table rows");
                    // Chart labels stay inside the chart: none is cut off at either side.
                    let outside = browser.number("return [...document.querySelectorAll('svg.chart text')].filter(t => { const c = t.closest('svg').getBoundingClientRect(); const r = t.getBoundingClientRect(); return r.left < c.left - 1 || r.right > c.right + 1; }).length;",
                    )
                    .await;
                    assert_eq!(outside, 0.0, "{what}: chart text outside the chart");
                }
                if width == 360 {
                    browser
                        .screenshot(width, &format!("{page}-{lang}-{width}.png"))
                        .await;
                }
            }
        }
    }
    browser.close().await;

    // Without JavaScript the page is the same: everything is drawn on the server.
    let browser = Browser::start(&tools, Script::Off).await;
    assert!(!browser.scripts_run().await);
    browser
        .client
        .goto(&format!("{}/p/{SLUG}/results", app.address))
        .await
        .unwrap();
    browser.wait_for("svg.chart rect.chart-bar").await;
    browser.close().await;
}
