//! The staff UI in a real browser: log in without JavaScript, reach the dashboard, and pass axe-core.

use fantoccini::Locator;

use crate::browser::{self, Browser, Script};
use crate::helpers::*;
use crate::staff_access::{PASSWORD, staff_fixture};

async fn log_in(browser: &Browser, address: &str, email: &str) {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_log_in_and_reach_the_dashboard_in_a_browser() {
    let Some(tools) = browser::tools_or_skip("staff login in a browser") else {
        return;
    };
    let db = TestDb::new(Backend::Sqlite).await;
    // Served over plain HTTP here, so the session cookie is not marked Secure.
    let app = spawn_app_on(db, |s| s.public_url = String::new()).await;
    let users = staff_fixture(&app).await;

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
        "/staff/calendar",
        "/staff/calendar?view=month",
        "/staff/tokens",
        "/staff/users",
        "/staff/audit",
        // Last, as ?lang= is remembered for the pages after it.
        "/staff/polls/demo-gepland/schedule?lang=en",
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
    browser.close().await;
}
