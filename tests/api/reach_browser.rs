//! The reach views in a real browser (issue 12): the "who are we missing" panel of an open poll,
//! the weighted results of a closed one and the regional reach dashboard pass axe-core at a
//! desktop's 1280 px and a phone's 360 px, without scrolling sideways.

use flits_survey::PollState;

use crate::browser::{self, Browser, Script};
use crate::helpers::*;
use crate::reach::{SKEWED, participants, poll, poll_with_first_time, respond};
use crate::staff_access::staff_fixture;
use crate::staff_browser::{log_in, wider_than_the_screen};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reach_views_are_accessible_at_1280_and_360_px() {
    let Some(tools) = browser::tools_or_skip("the_reach_views_are_accessible_at_1280_and_360_px")
    else {
        return;
    };
    let db = TestDb::new(Backend::Sqlite).await;
    // Plain HTTP here, so the session cookie is not marked Secure.
    let app = spawn_app_on(db, |s| s.public_url = String::new()).await;
    let users = staff_fixture(&app).await;
    let open = poll(&app, "plein-open", "velsen", PollState::Open).await;
    respond(&app, &open, SKEWED).await;
    let closed = poll(&app, "plein-dicht", "velsen", PollState::Closed).await;
    respond(&app, &closed, SKEWED).await;
    let first = poll_with_first_time(&app, "plein-eerste", "velsen", "velsen").await;
    participants(&app, &first, "65plus", Some("yes"), 12).await;
    participants(&app, &first, "15-24", Some("no"), 11).await;

    let browser = Browser::start(&tools, Script::On).await;
    // An admin sees every municipality on the dashboard: the widest page.
    log_in(&browser, &app.address, &users[2].1).await;
    let c = &browser.client;
    for (width, height) in [(1280, 900), (360, 800)] {
        c.set_window_size(width, height).await.unwrap();
        for page in [
            "/staff/polls/plein-open/results",
            "/staff/polls/plein-dicht/results",
            "/staff/reach",
            "/staff/polls/plein-open/results?lang=en",
            "/staff/reach?lang=en",
        ] {
            c.goto(&format!("{}{page}", app.address)).await.unwrap();
            let wider = wider_than_the_screen(&browser).await;
            assert_eq!(wider, serde_json::json!([]), "{page} at {width} px");
            assert_eq!(
                browser.axe_violations().await,
                Vec::<serde_json::Value>::new(),
                "{page} at {width} px"
            );
        }
        // The panel is there, with its tables and the way to a reminder.
        c.goto(&format!(
            "{}/staff/polls/plein-open/results?lang=en",
            app.address
        ))
        .await
        .unwrap();
        let panel = c
            .find(fantoccini::Locator::Id("who-are-we-missing"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(panel.contains("under-represented"), "{panel}");
        assert!(panel.contains("Post a reminder"), "{panel}");
        c.goto(&format!("{}/staff/reach?lang=en", app.address))
            .await
            .unwrap();
        let overview = c
            .find(fantoccini::Locator::Id("overview-velsen"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(overview.contains("423"), "{overview}");
    }
    browser.close().await;
}
