//! The pages comms staff work from, in a real browser at a phone's 360 px and a 1280 px screen:
//! the dashboard, a poll's page with its stop form, the share kit, the audit log and the month
//! view pass axe-core, nothing sticks out sideways, and tables reflow into cards on the phone.
//! A comms officer closes an open poll early from its page with the keyboard-free form alone.
//!
//! With `FLITS_TEST_SCREENSHOTS=DIR` it saves each page at both widths (`staff-dashboard-360.png`…)
//! for a person to look at (docs/screenshots/).

use chrono::{TimeDelta, Utc};
use fantoccini::Locator;
use flits_survey::PollState;

use crate::browser::{self, Browser, Script};
use crate::helpers::*;
use crate::scheduler_support::placed;
use crate::staff_access::staff_fixture;
use crate::staff_browser::{log_in, wider_than_the_screen};

/// A port that was free a moment ago, so the public URL (QR codes, links) can be the app itself.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_ops_pages_are_accessible_at_360_and_1280_px() {
    let Some(tools) = browser::tools_or_skip("staff ops pages in a browser") else {
        return;
    };
    let port = free_port();
    let app = spawn_app_on(TestDb::new(Backend::Sqlite).await, |s| {
        // Plain HTTP on a known port: links and QR codes point at this very app.
        s.bind = format!("127.0.0.1:{port}").parse().unwrap();
        s.public_url = String::new();
        s.channels = serde_json::from_value(serde_json::json!([
            {"id": "mastodon-velsen", "kind": "mastodon", "base_url": "https://social.example.nl",
             "token_env": "FLITS_TEST_UNSET_TOKEN"},
            {"id": "webhook-velsen", "kind": "webhook", "url": "http://127.0.0.1:9/hook",
             "secret_env": "FLITS_TEST_UNSET_HOOK_SECRET"}
        ]))
        .unwrap();
        s.collector.embed_origins = vec!["https://www.velsen.nl".into()];
        s.quiet_periods.push(flits_schedule::QuietPeriod {
            from: (Utc::now() + TimeDelta::days(2)).date_naive(),
            to: (Utc::now() + TimeDelta::days(4)).date_naive(),
            reason: "Verkiezingen".into(),
            audiences: vec!["ijmond".into()],
        });
    })
    .await;
    let users = staff_fixture(&app).await;
    let now = Utc::now();
    let open = placed(
        &app.store,
        "fiets-open",
        &["velsen"],
        PollState::Scheduled,
        now - TimeDelta::minutes(1),
        now + TimeDelta::days(9),
        &["webhook-velsen"],
    )
    .await;
    flits_runner::run_due_jobs(&app.store, now).await.unwrap();
    for _ in 0..12 {
        store_response(&app.store, open.id, Some("qr"), "nl", serde_json::json!({})).await;
    }
    placed(
        &app.store,
        "afval-later",
        &["beverwijk"],
        PollState::Scheduled,
        now + TimeDelta::days(6),
        now + TimeDelta::days(13),
        &[],
    )
    .await;
    let month = now.format("%Y-%m");

    let browser = Browser::start(&tools, Script::On).await;
    log_in(&browser, &app.address, &users[2].1).await;
    let pages = [
        ("dashboard", "/staff?lang=nl".to_owned()),
        ("poll", "/staff/polls/fiets-open?lang=nl".to_owned()),
        (
            "share-kit",
            "/staff/polls/fiets-open/share?lang=nl".to_owned(),
        ),
        ("audit", "/staff/audit?lang=nl".to_owned()),
        (
            "calendar-month",
            format!("/staff/calendar?view=month&month={month}&lang=nl"),
        ),
    ];
    for width in [1280u32, 360] {
        browser.client.set_window_size(width, 900).await.unwrap();
        for (name, path) in &pages {
            browser
                .client
                .goto(&format!("{}{path}", app.address))
                .await
                .unwrap();
            assert_eq!(
                wider_than_the_screen(&browser).await,
                serde_json::json!([]),
                "{path} at {width} px"
            );
            assert_eq!(
                browser.axe_violations().await,
                Vec::<serde_json::Value>::new(),
                "{path} at {width} px"
            );
            browser
                .screenshot(width, &format!("staff-{name}-{width}.png"))
                .await;
        }
    }
    // On the phone a table row is a card: its cells stack, each with its label.
    browser
        .client
        .goto(&format!("{}/staff?lang=nl", app.address))
        .await
        .unwrap();
    let stacked = browser
        .client
        .execute(
            r#"const row = document.querySelector('#poll-fiets-open').closest('tr');
               const cells = row.querySelectorAll('th, td');
               const label = row.querySelector('.cell-label');
               return cells[1].getBoundingClientRect().top > cells[0].getBoundingClientRect().top
                 && getComputedStyle(label).display !== 'none';"#,
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(stacked, serde_json::json!(true));
    // The share kit's QR codes load from the app.
    browser
        .client
        .goto(&format!(
            "{}/staff/polls/fiets-open/share?lang=nl",
            app.address
        ))
        .await
        .unwrap();
    let loaded = browser
        .client
        .execute(
            "return [...document.querySelectorAll('.share-channels img')].every(i => i.complete && i.naturalWidth > 0);",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(loaded, serde_json::json!(true));

    // A comms officer closes the open poll early from its page, with a reason.
    browser.close().await;
    let browser = Browser::start(&tools, Script::Off).await;
    log_in(&browser, &app.address, &users[1].1).await;
    let c = &browser.client;
    c.goto(&format!("{}/staff/polls/fiets-open?lang=nl", app.address))
        .await
        .unwrap();
    c.find(Locator::Id("reason"))
        .await
        .unwrap()
        .send_keys("Het plan is veranderd")
        .await
        .unwrap();
    c.find(Locator::Css("#stop button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_for(".notice").await;
    let state = c
        .find(Locator::Id("poll-state"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(state, "Gesloten");
    assert_eq!(
        app.store
            .poll_by_slug("fiets-open")
            .await
            .unwrap()
            .unwrap()
            .state,
        PollState::Closed
    );
    browser.close().await;
}
