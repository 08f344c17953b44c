//! The staff tools speak Dutch and English from the catalogue: pages by `?lang=`, then the
//! remembered choice (a cookie holding only the code), then Accept-Language; the staff API by
//! Accept-Language. A page that fails on our side shows a notice with a request id.

use flits_i18n::{Locale, catalogue, t};
use serde_json::Value;

use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::{PASSWORD, login, staff_fixture};

/// The `<html lang>` of a page.
fn html_lang(html: &str) -> &str {
    html.split("<html lang=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("")
}

/// The `flits_staff_lang` value a response sets, if any.
fn lang_cookie_set(res: &reqwest::Response) -> Option<String> {
    res.headers().get_all("set-cookie").iter().find_map(|v| {
        let v = v.to_str().ok()?;
        let pair = v.split(';').next()?;
        pair.strip_prefix("flits_staff_lang=").map(str::to_owned)
    })
}

async fn get_with(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut req = app.client.get(format!("{}{path}", app.address));
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    req.send().await.unwrap()
}

on_both_backends!(
    staff_pages_come_from_the_catalogue_in_dutch_and_english,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[2].1, PASSWORD).await;
        for (locale, query) in [(Locale::Nl, "?lang=nl"), (Locale::En, "?lang=en")] {
            let other = if locale == Locale::Nl {
                Locale::En
            } else {
                Locale::Nl
            };
            for page in [
                "/staff",
                "/staff/tokens",
                "/staff/users",
                "/staff/audit",
                "/staff/polls/new",
            ] {
                let res = get_with(&app, &format!("{page}{query}"), &[("cookie", &s.cookie)]).await;
                assert_eq!(res.status(), 200, "{page}{query}");
                let html = res.text().await.unwrap();
                assert_eq!(html_lang(&html), locale.code(), "{page}{query}");
                for id in [
                    "staff-nav-dashboard",
                    "staff-nav-calendar",
                    "staff-nav-audit",
                    "staff-logout",
                ] {
                    let word = catalogue().format(locale, id, &[]);
                    assert!(
                        html.contains(&format!(">{word}<")),
                        "{page}{query}: {id} {word:?}"
                    );
                    let theirs = catalogue().format(other, id, &[]);
                    assert!(
                        !html.contains(&format!(">{theirs}<")),
                        "{page}{query}: {theirs:?} in the wrong language"
                    );
                }
            }
        }
        let html = get_with(&app, "/staff/polls/new?lang=en", &[("cookie", &s.cookie)])
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains(&t!(Locale::En, "staff-builder-question", number = 1u32)));
        assert!(html.contains(&t!(
            Locale::En,
            "staff-builder-kind-name",
            kind = "open_text"
        )));
        // The switch offers the other language, named in that language.
        assert!(html.contains("hreflang=\"nl\"") && html.contains(">Nederlands<"));
    }
);

on_both_backends!(
    a_language_choice_is_remembered_in_a_cookie,
    |backend| async move {
        let app = spawn_app(backend).await;
        let login_title = |l: Locale| format!("<h1>{}</h1>", t!(l, "staff-login-title"));
        // No choice, no header: Dutch, and nothing to remember.
        let res = app.get("/staff/login").await;
        assert_eq!(lang_cookie_set(&res), None);
        assert!(res.text().await.unwrap().contains(&login_title(Locale::Nl)));
        // Accept-Language alone chooses, but is not remembered.
        let res = get_with(
            &app,
            "/staff/login",
            &[("accept-language", "en-GB,en;q=0.9")],
        )
        .await;
        assert_eq!(lang_cookie_set(&res), None);
        assert!(res.text().await.unwrap().contains(&login_title(Locale::En)));
        // ?lang= chooses and is remembered: the cookie holds only the code.
        let res = app.get("/staff/login?lang=en").await;
        assert_eq!(lang_cookie_set(&res).as_deref(), Some("en"));
        let set = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("flits_staff_lang="))
            .unwrap();
        assert!(
            set.contains("Path=/staff") && set.contains("HttpOnly"),
            "{set}"
        );
        // The remembered choice wins over Accept-Language.
        let res = get_with(
            &app,
            "/staff/login",
            &[("cookie", "flits_staff_lang=en"), ("accept-language", "nl")],
        )
        .await;
        assert_eq!(
            lang_cookie_set(&res),
            None,
            "an unchanged choice is not set again"
        );
        assert!(res.text().await.unwrap().contains(&login_title(Locale::En)));
        // ?lang= wins over the remembered choice, and replaces it.
        let res = get_with(
            &app,
            "/staff/login?lang=nl",
            &[("cookie", "flits_staff_lang=en")],
        )
        .await;
        assert_eq!(lang_cookie_set(&res).as_deref(), Some("nl"));
        assert!(res.text().await.unwrap().contains(&login_title(Locale::Nl)));
        // A residents' language is not a staff language: passed over, not remembered.
        let res = get_with(&app, "/staff/login?lang=tr", &[("accept-language", "en")]).await;
        assert_eq!(lang_cookie_set(&res), None);
        assert!(res.text().await.unwrap().contains(&login_title(Locale::En)));
    }
);

on_both_backends!(
    the_staff_api_answers_in_the_language_of_accept_language,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let token = &users[1].2;
        let message = |body: &Value| body["error"]["message"].as_str().unwrap().to_owned();
        for (accept, locale) in [
            (None, Locale::Nl),
            (Some("en-US,en;q=0.9"), Locale::En),
            (Some("nl-BE"), Locale::Nl),
            (Some("tr"), Locale::Nl),
        ] {
            let with_lang = |req: reqwest::RequestBuilder| match accept {
                Some(a) => req.header("accept-language", a),
                None => req,
            };
            let url = format!("{}/api/v1/admin/polls/bestaat-niet", app.address);
            let res = with_lang(app.client.get(&url).bearer_auth(token))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 404);
            let body: Value = res.json().await.unwrap();
            assert_eq!(body["error"]["code"], "not_found");
            assert_eq!(
                message(&body),
                t!(locale, "staff-api-poll-not-found"),
                "{accept:?}"
            );

            let res = with_lang(app.client.get(&url)).send().await.unwrap();
            assert_eq!(res.status(), 401);
            let body: Value = res.json().await.unwrap();
            assert_eq!(
                message(&body),
                t!(locale, "staff-api-unauthorized"),
                "{accept:?}"
            );

            let res = with_lang(
                app.client
                    .post(format!("{}/api/v1/admin/polls", app.address)),
            )
            .bearer_auth(token)
            .header("content-type", "application/json")
            .body("{not json")
            .send()
            .await
            .unwrap();
            assert_eq!(res.status(), 400);
            let body: Value = res.json().await.unwrap();
            assert_eq!(body["error"]["code"], "invalid_json");
            assert_eq!(message(&body), t!(locale, "api-invalid-json"), "{accept:?}");
        }
        // The analyst may not create polls: 403, in English when asked.
        let res = app
            .client
            .post(format!("{}/api/v1/admin/polls", app.address))
            .bearer_auth(&users[0].2)
            .header("accept-language", "en")
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        let body: Value = res.json().await.unwrap();
        assert_eq!(message(&body), t!(Locale::En, "staff-api-forbidden"));
    }
);

/// Renames `table` away, so that every query of it fails from now on (on both backends; removing
/// an SQLite file would not stop connections that have it open).
pub async fn break_table(db: &TestDb, table: &str) {
    use sqlx::Connection;
    let sql = format!("ALTER TABLE {table} RENAME TO {table}_gone");
    if db.sqlite_file.is_some() {
        let mut conn = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
        sqlx::query(&sql).execute(&mut conn).await.unwrap();
        conn.close().await.unwrap();
    } else {
        let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
        sqlx::query(&sql).execute(&mut conn).await.unwrap();
        conn.close().await.unwrap();
    }
}

/// The request id a notice page shows.
pub fn shown_request_id(html: &str) -> &str {
    html.split("class=\"request-id\"")
        .nth(1)
        .and_then(|rest| rest.split("<code>").nth(1))
        .and_then(|rest| rest.split("</code>").next())
        .unwrap_or("")
}

on_both_backends!(
    a_failing_page_shows_a_notice_with_its_request_id,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        // Every response names its request id.
        let ok = app.get("/staff/login").await;
        assert_eq!(ok.headers()["x-request-id"].to_str().unwrap().len(), 11);
        let login_page = app.get("/staff/login?lang=en").await;
        let csrf_cookie = login_page
            .headers()
            .get_all("set-cookie")
            .iter()
            .find_map(|v| {
                v.to_str()
                    .unwrap()
                    .strip_prefix("flits_login_csrf=")
                    .map(|r| r.split(';').next().unwrap().to_owned())
            })
            .unwrap();
        let html = login_page.text().await.unwrap();
        let csrf = html
            .split("name=\"_csrf\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();

        // The tables of sessions and accounts go away under the running service.
        break_table(&app.db, "staff_sessions").await;
        break_table(&app.db, "staff_users").await;

        // The access check cannot find the session: the notice, in the page's language.
        let res = get_with(&app, "/staff?lang=en", &[("cookie", &s.cookie)]).await;
        assert_eq!(res.status(), 503);
        let header_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
        let html = res.text().await.unwrap();
        assert_eq!(shown_request_id(&html), header_id, "{html}");
        assert_eq!(html_lang(&html), "en");
        assert!(
            html.contains(&t!(Locale::En, "error-unavailable-heading")),
            "{html}"
        );
        assert!(html.contains(&t!(Locale::En, "error-request-id")));

        // A handler's own store call fails: the same notice, in Dutch by default.
        let res = app
            .client
            .post(format!("{}/staff/login", app.address))
            .header("cookie", format!("flits_login_csrf={csrf_cookie}"))
            .form(&[
                ("email", users[1].1.as_str()),
                ("password", PASSWORD),
                ("_csrf", csrf.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 503);
        let header_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
        let html = res.text().await.unwrap();
        assert_eq!(shown_request_id(&html), header_id, "{html}");
        assert_eq!(html_lang(&html), "nl");
        assert!(
            html.contains(&t!(Locale::Nl, "error-unavailable-text")),
            "{html}"
        );
        assert!(!html.contains(&users[1].1), "no personal data on the page");
    }
);

/// `text` as a template writes it: handlebars escapes these characters.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('`', "&#x60;")
        .replace('=', "&#x3D;")
}

/// The words a page shows in a language.
type Words = fn(Locale) -> Vec<String>;

/// The words of the shell every staff page shows.
const SHELL: [&str; 4] = [
    "staff-nav-dashboard",
    "staff-nav-calendar",
    "staff-nav-audit",
    "staff-logout",
];

/// The words the schedule form of an admin shows, in `l`.
fn schedule_words(l: Locale) -> Vec<String> {
    let ids = [
        "sched-page-opens-label",
        "sched-page-closes-label",
        "sched-page-channels-label",
        "sched-page-override-label",
        "sched-page-submit",
    ];
    SHELL.iter().chain(&ids).map(|id| t_id(l, id)).collect()
}

/// The words of the calendar as a list, in `l`.
fn calendar_words(l: Locale) -> Vec<String> {
    let ids = [
        "sched-calendar-heading",
        "sched-calendar-intro",
        "sched-calendar-view-list",
        "sched-calendar-view-month",
        "sched-calendar-col-poll",
        "sched-calendar-col-org",
        "sched-calendar-col-audiences",
        "sched-calendar-col-state",
        "sched-calendar-col-opens",
        "sched-calendar-col-closes",
        "sched-calendar-quiet-heading",
        "sched-calendar-feed-heading",
        "sched-calendar-feed-intro",
        "sched-calendar-feed-button",
    ];
    let mut words: Vec<String> = SHELL.iter().chain(&ids).map(|id| t_id(l, id)).collect();
    words.push(t!(l, "sched-calendar-state", state = "scheduled"));
    words
}

/// The words of the calendar as a month, in `l`.
fn month_words(l: Locale) -> Vec<String> {
    let ids = [
        "sched-calendar-heading",
        "sched-calendar-view-list",
        "sched-calendar-view-month",
        "sched-calendar-prev",
        "sched-calendar-next",
        "sched-calendar-quiet-heading",
        "sched-calendar-feed-button",
    ];
    let mut words: Vec<String> = SHELL.iter().chain(&ids).map(|id| t_id(l, id)).collect();
    for day in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
        words.push(t!(l, "sched-calendar-weekday", day = day));
    }
    words
}

/// The calendar with a new feed link, in `l`.
fn new_feed_words(l: Locale) -> Vec<String> {
    let mut words = calendar_words(l);
    words.push(t_id(l, "sched-calendar-feed-new"));
    words
}

fn t_id(l: Locale, id: &str) -> String {
    catalogue().format(l, id, &[])
}

/// Every word of `ours` is on the page as an element's whole text, and no word of `theirs` that
/// differs from ours is: not as an element's text, nor (for a phrase) anywhere.
fn speaks_only(html: &str, ours: &[String], theirs: &[String], what: &str) {
    for word in ours {
        assert!(
            html.contains(&format!(">{}<", escaped(word))),
            "{what}: {word:?} missing"
        );
    }
    for word in theirs.iter().filter(|w| !ours.contains(w)) {
        let word_html = escaped(word);
        let as_text = html.contains(&format!(">{word_html}<"));
        let as_phrase = word.contains(' ') && html.contains(&word_html);
        assert!(
            !as_text && !as_phrase,
            "{what}: {word:?} in the wrong language"
        );
    }
}

on_both_backends!(
    schedule_and_calendar_pages_speak_one_language,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        // The admin sees every field of the schedule form, the override reason included.
        let s = login(&app, &users[2].1, PASSWORD).await;
        for locale in Locale::STAFF {
            let other = if locale == Locale::Nl {
                Locale::En
            } else {
                Locale::Nl
            };
            let pages: [(&str, Words); 3] = [
                ("/staff/polls/demo-gepland/schedule", schedule_words),
                ("/staff/calendar", calendar_words),
                ("/staff/calendar?view=month&month=2027-03", month_words),
            ];
            for (page, words) in pages {
                let sep = if page.contains('?') { '&' } else { '?' };
                let path = format!("{page}{sep}lang={}", locale.code());
                let res = get_with(&app, &path, &[("cookie", &s.cookie)]).await;
                assert_eq!(res.status(), 200, "{path}");
                let html = res.text().await.unwrap();
                assert_eq!(html_lang(&html), locale.code(), "{path}");
                speaks_only(&html, &words(locale), &words(other), &path);
            }
            let path = format!("/staff/calendar/feed?lang={}", locale.code());
            let res = app
                .client
                .post(format!("{}{path}", app.address))
                .header("cookie", &s.cookie)
                .form(&[("_csrf", s.csrf.as_str())])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 201, "{path}");
            let html = res.text().await.unwrap();
            speaks_only(
                &html,
                &new_feed_words(locale),
                &new_feed_words(other),
                &path,
            );
        }
    }
);

on_both_backends!(
    schedule_and_calendar_pages_fail_with_the_notice,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[2].1, PASSWORD).await;
        // The polls go away under the running service; the session still works.
        break_table(&app.db, "polls").await;
        for path in [
            "/staff/calendar?lang=en",
            "/staff/polls/demo-gepland/schedule?lang=en",
        ] {
            let res = get_with(&app, path, &[("cookie", &s.cookie)]).await;
            assert_eq!(res.status(), 503, "{path}");
            let header_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
            let html = res.text().await.unwrap();
            assert_eq!(shown_request_id(&html), header_id, "{path}: {html}");
            assert_eq!(html_lang(&html), "en", "{path}");
            assert!(
                html.contains(&t!(Locale::En, "error-unavailable-heading")),
                "{path}: {html}"
            );
        }
        // The builder without its audiences is the notice too, not a form that calls every
        // audience unknown.
        break_table(&app.db, "audiences").await;
        let res = get_with(&app, "/staff/polls/new?lang=en", &[("cookie", &s.cookie)]).await;
        assert_eq!(res.status(), 503);
        let header_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
        assert_eq!(shown_request_id(&res.text().await.unwrap()), header_id);
    }
);
