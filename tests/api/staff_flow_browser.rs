//! A comms officer's whole way from an empty builder to a planned poll, in a real browser with
//! the keyboard-and-forms flow (every step is a form post, no script needed): three questions
//! from the question library, one moved up, the preview in Dutch and English, a hint fixed through
//! the status line's link, saved, scheduled into a spacing conflict that names the other poll and
//! the rule, and the offered free slot taken, at the chosen time of day, then found as a bar in the
//! calendar's month view. axe-core checks each page
//! at 360 px; with `FLITS_TEST_SCREENSHOTS` set, the builder, its preview and the scheduling page
//! are saved at 360 and 1280 px.

use chrono::{Duration, Timelike, Utc};
use fantoccini::Locator;
use flits_survey::PollState;

use crate::browser::{self, Browser, Script};
use crate::helpers::*;
use crate::staff_access::{PASSWORD, staff_fixture};

const SLUG: &str = "groen-velsen";

/// Types `value` into the field with id `id`, replacing what it held.
async fn fill(c: &fantoccini::Client, id: &str, value: &str) {
    let el = c.find(Locator::Id(id)).await.unwrap();
    el.clear().await.unwrap();
    el.send_keys(value).await.unwrap();
}

async fn click(c: &fantoccini::Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// The text of the element `css`, once it holds `wanted` (a click may return before the next page
/// has loaded).
async fn text_once(browser: &Browser, css: &str, wanted: &str) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(el) = browser.client.find(Locator::Css(css)).await
            && let Ok(text) = el.text().await
        {
            if text.contains(wanted) {
                return text;
            }
            last = text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{css} never held {wanted:?}: {last}");
}

async fn value_of(c: &fantoccini::Client, id: &str) -> String {
    c.find(Locator::Id(id))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Adds the library question `id` and waits for the page to come back with `then`.
async fn add_from_library(browser: &Browser, id: &str, then: &str) {
    let c = &browser.client;
    click(c, &format!("#template option[value='lib:{id}']")).await;
    click(c, "#library button[value=template]").await;
    browser.wait_for(then).await;
}

/// axe-core finds nothing, and nothing is wider than a 360 px screen.
async fn accessible_at_360(browser: &Browser, what: &str) {
    let c = &browser.client;
    c.set_window_size(360, 800).await.unwrap();
    assert_eq!(
        browser.axe_violations().await,
        Vec::<serde_json::Value>::new(),
        "{what}"
    );
    let overflow = c
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(
        overflow,
        serde_json::json!(0),
        "{what}: no sideways scrolling"
    );
    c.set_window_size(1280, 900).await.unwrap();
}

/// Saves the whole page at 360 and 1280 px as `{name}-{width}.png`, when asked for.
async fn screenshots(browser: &Browser, name: &str) {
    for width in [360u32, 1280] {
        browser
            .screenshot(width, &format!("{name}-{width}.png"))
            .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comms_officer_builds_previews_saves_and_schedules_a_poll() {
    let Some(tools) = browser::tools_or_skip("staff flow in a browser") else {
        return;
    };
    let db = TestDb::new(Backend::Sqlite).await;
    let app = spawn_app_on(db, |s| s.public_url = String::new()).await;
    let users = staff_fixture(&app).await;
    let browser = Browser::start(&tools, Script::On).await;
    let c = &browser.client;
    c.set_window_size(1280, 900).await.unwrap();
    c.goto(&format!("{}/staff/login?lang=nl", app.address))
        .await
        .unwrap();
    fill(c, "email", &users[1].1).await;
    fill(c, "password", PASSWORD).await;
    click(c, "form.stack button[type=submit]").await;
    browser.wait_for_path("/staff").await;

    // An empty builder: one question, and the poll's own fields.
    c.goto(&format!("{}/staff/polls/new?lang=nl", app.address))
        .await
        .unwrap();
    browser.wait_for("#q0_text_nl").await;
    assert!(
        c.find(Locator::Id("q1_text_nl")).await.is_err(),
        "one question to start"
    );
    click(c, "#language_en").await;
    click(c, "#languages button").await;
    browser.wait_for("#title_en").await;
    fill(c, "slug", SLUG).await;
    fill(c, "title_nl", "Groen in Velsen").await;
    fill(c, "title_en", "Green in Velsen").await;
    fill(c, "intro_nl", "Wij willen graag uw input over het groen.").await;
    fill(c, "intro_en", "Tell us what you think of the green spaces.").await;
    fill(c, "purpose", "Weten waar meer groen moet komen").await;
    click(c, "#aud-velsen").await;
    fill(c, "promise_nl", "In maart leest u hier wat we doen.").await;
    fill(c, "promise_en", "In March you read here what we do.").await;

    // Three questions from the library: the first fills the empty question.
    add_from_library(&browser, "groen-tevreden", "#q0_label_max_nl").await;
    add_from_library(&browser, "groen-meer", "#q1_options_nl").await;
    add_from_library(&browser, "groen-gebruik", "#q2_options_nl").await;
    assert_eq!(
        value_of(c, "title_nl").await,
        "Groen in Velsen",
        "typed texts stay"
    );
    assert!(
        c.find(Locator::Id("q0_options_nl")).await.is_err(),
        "a scale shows no answer options"
    );
    screenshots(&browser, "staff-builder").await;
    accessible_at_360(&browser, "the builder with three questions").await;

    // The last question moves up: the page comes back in the new order.
    click(c, "button[value=up_2]").await;
    for _ in 0..100 {
        if value_of(c, "q1_text_nl").await.contains("park") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(value_of(c, "q1_text_nl").await.contains("park"));
    assert!(value_of(c, "q2_text_nl").await.contains("meer zien"));

    // The preview, in both languages, as residents see it; the hint is a link to its field.
    click(c, "#builder-form > .slot-tools button[value=preview]").await;
    let status = text_once(&browser, "#builder-status", "input").await;
    assert!(status.contains("om naar te kijken"), "{status}");
    assert!(
        !status.contains("in orde"),
        "a hint is not 'in order': {status}"
    );
    let phone = text_once(&browser, "#phone-preview-nl", "Heel tevreden").await;
    assert!(
        phone.contains("(verplicht)")
            && phone.contains("(mag u overslaan)")
            && phone.contains("Kies er hoogstens 2."),
        "{phone}"
    );
    let english = text_once(&browser, "#phone-preview-en", "Very happy").await;
    assert!(english.contains("(required)"), "{english}");
    screenshots(&browser, "staff-preview").await;
    accessible_at_360(&browser, "the builder with its preview and hints").await;
    click(c, "#builder-status a[href='#intro_nl']").await;
    let focused = c.execute("return location.hash", Vec::new()).await.unwrap();
    assert_eq!(focused, serde_json::json!("#intro_nl"));
    fill(c, "intro_nl", "Vertel ons wat u van het groen vindt.").await;
    click(c, "#builder-form > .slot-tools button[value=preview]").await;
    text_once(&browser, "#phone-preview-nl", "Vertel ons").await;
    let status = text_once(&browser, "#builder-status", "").await;
    assert!(!status.contains("input"), "the hint is gone: {status}");

    // Saved: the confirmation names the next step.
    click(c, "button[value=save]").await;
    browser
        .wait_for_path(&format!("/staff/polls/{SLUG}/edit"))
        .await;
    text_once(&browser, "#saved-note", "Inplannen").await;
    click(c, "#saved-note a").await;
    browser
        .wait_for_path(&format!("/staff/polls/{SLUG}/schedule"))
        .await;
    let rules = text_once(&browser, ".rules", "21 dagen").await;
    assert!(rules.contains("Velsen"), "{rules}");

    // Too close to the open demo poll for the region: the rule and the poll are named.
    let opens = (Utc::now() + Duration::days(15))
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .date_naive();
    let set = |id: &'static str, value: String| async move {
        c.execute(
            "document.getElementById(arguments[0]).value = arguments[1];",
            vec![serde_json::json!(id), serde_json::json!(value)],
        )
        .await
        .unwrap();
    };
    set("opens", format!("{opens}T09:00")).await;
    set("closes", format!("{}T17:00", opens + Duration::days(7))).await;
    click(c, "form.stack button[type=submit]").await;
    let error = text_once(&browser, "#schedule-error", "Meer groen in uw buurt?").await;
    assert!(
        error.contains("21 dagen tussen peilingen voor dezelfde inwoners"),
        "{error}"
    );
    screenshots(&browser, "staff-schedule").await;
    accessible_at_360(&browser, "the scheduling page with a conflict").await;

    // The offered slot: at nine, as chosen; taking it says what happens next.
    let offered = text_once(&browser, "#use-suggestion", "09:00").await;
    click(c, "#use-suggestion").await;
    let note = text_once(&browser, "#scheduled-note", "Ingepland").await;
    assert!(note.contains("Wat er nu gebeurt"), "{note} ({offered})");
    accessible_at_360(&browser, "the scheduling page after scheduling").await;

    let poll = app.store.poll_by_slug(SLUG).await.unwrap().unwrap();
    assert_eq!(poll.state, PollState::Scheduled);
    // The calendar's month of the opening shows the poll as a bar that links to it.
    let month = poll
        .opens_at
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .format("%Y-%m");
    c.goto(&format!(
        "{}/staff/calendar?view=month&month={month}&lang=nl",
        app.address
    ))
    .await
    .unwrap();
    let bar = text_once(
        &browser,
        &format!(".bar a[href^='/staff/polls/{SLUG}']"),
        "Groen in Velsen",
    )
    .await;
    assert_eq!(bar, "Groen in Velsen");
    accessible_at_360(&browser, "the month view with the new poll").await;
    browser.close().await;

    let ids: Vec<&str> = poll
        .definition
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["groen-tevreden", "groen-gebruik", "groen-meer"]);
    let opens_at = poll
        .opens_at
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Amsterdam);
    assert_eq!((opens_at.hour(), opens_at.minute()), (9, 0));
}
