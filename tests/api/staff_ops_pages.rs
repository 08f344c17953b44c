//! The staff pages comms staff work from day to day: the dashboard (responses so far, the
//! organisation's name, titles that lead to the poll, "Nieuwe peiling" when there is nothing yet),
//! a poll's share kit (a link and QR code per channel, the poster, a snippet for the website) with
//! the embed card only the configured websites may frame, the audit log as a table filtered by
//! who, what and when, and the month view with one bar per poll per week.

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Europe::Amsterdam;
use flits::startup::Service;
use flits_survey::PollState;
use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;
use crate::scheduler_support::{placed, seed};
use crate::staff_access::{PASSWORD, Session, login, staff_fixture};

const HOOK: &str = "webhook-velsen";

fn hook() -> flits_bridge::ChannelSetting {
    serde_json::from_value(json!(
        {"id": HOOK, "kind": "webhook", "url": "http://127.0.0.1:9/hook", "secret_env": "HOOK_SECRET"}
    ))
    .unwrap()
}

async fn page(app: &TestApp, session: &Session, path: &str) -> (u16, String) {
    let res = app
        .client
        .get(format!("{}{path}", app.address))
        .header("cookie", &session.cookie)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// HTML text as a reader sees it (the escapes handlebars writes undone).
fn unescaped(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x3D;", "=")
        .replace("&#x27;", "'")
        .replace("&#x60;", "`")
        .replace("&amp;", "&")
}

on_both_backends!(
    the_dashboard_counts_responses_and_names_organisations,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let comms = login(&app, &users[1].1, PASSWORD).await;
        let demo = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        for _ in 0..3 {
            store_response(&app.store, demo.id, Some("qr"), "nl", json!({})).await;
        }
        let (status, html) = page(&app, &comms, "/staff").await;
        assert_eq!(status, 200);
        let row = html
            .split("id=\"poll-demo\"")
            .nth(1)
            .unwrap()
            .split("</tr>")
            .next()
            .unwrap();
        assert!(row.contains("href=\"/staff/polls/demo?lang=nl\""), "{row}");
        assert!(
            row.contains("Gemeente Velsen"),
            "the name, not the id: {row}"
        );
        assert!(row.contains("Reacties: </span>3</td>"), "{row}");
        assert!(row.contains("/staff/polls/demo/share"), "{row}");
        assert!(row.contains("/staff/polls/demo?lang=nl#stop"), "{row}");
        // Live: one more response shows at once.
        store_response(&app.store, demo.id, None, "nl", json!({})).await;
        let (_, html) = page(&app, &comms, "/staff").await;
        assert!(html.contains("Reacties: </span>4</td>"));
        // The poll's own page: its facts and the way on.
        let (status, html) = page(&app, &comms, "/staff/polls/demo").await;
        assert_eq!(status, 200);
        assert!(html.contains("id=\"poll-responses\">4<"), "{html}");
        assert!(
            html.contains("id=\"poll-organisation\">Gemeente Velsen<"),
            "{html}"
        );
        let (status, _) = page(&app, &comms, "/staff/polls/bestaat-niet").await;
        assert_eq!(status, 404);
    }
);

on_both_backends!(
    an_empty_dashboard_offers_a_new_poll_to_editors,
    |backend| async move {
        let app = spawn_app(backend).await;
        seed(&app.store).await;
        let hash =
            flits_staff::passwords::hash_password(&flits_types::Password::parse(PASSWORD).unwrap())
                .unwrap();
        for role in ["comms", "analyst"] {
            app.store
                .upsert_staff_user(&format!("{role}@leeg.example"), "velsen", role, Some(&hash))
                .await
                .unwrap();
        }
        let comms = login(&app, "comms@leeg.example", PASSWORD).await;
        let (_, html) = page(&app, &comms, "/staff").await;
        assert!(html.contains("Er zijn nog geen peilingen."), "{html}");
        assert!(
            html.contains("class=\"button\" href=\"/staff/polls/new?lang=nl\">Nieuwe peiling</a>"),
            "{html}"
        );
        let analyst = login(&app, "analyst@leeg.example", PASSWORD).await;
        let (_, html) = page(&app, &analyst, "/staff").await;
        assert!(
            !html.contains("class=\"button\" href=\"/staff/polls/new"),
            "{html}"
        );
    }
);

on_both_backends!(
    the_share_kit_gives_every_link_and_only_configured_sites_frame_the_card,
    |backend| async move {
        let app = spawn_services_on(
            TestDb::new(backend).await,
            &[Service::Collector, Service::Staff],
            |s| {
                s.channels = vec![hook()];
                s.collector.embed_origins = vec!["https://www.velsen.nl".into()];
            },
        )
        .await;
        let users = staff_fixture(&app).await;
        let analyst = login(&app, &users[0].1, PASSWORD).await;
        let (status, html) = page(&app, &analyst, "/staff/polls/demo/share").await;
        assert_eq!(status, 200);
        let text = unescaped(&html);
        for channel in [HOOK, "email", "website", "share"] {
            assert!(
                text.contains(&format!("/p/demo?c={channel}\"")),
                "{channel}: {text}"
            );
            assert!(
                text.contains(&format!("/p/demo/qr.svg?c={channel}\"")),
                "{channel}"
            );
            assert!(
                text.contains(&format!("/p/demo/qr.png?c={channel}\"")),
                "{channel}"
            );
        }
        assert!(text.contains("/p/demo/poster?c=poster\""), "{text}");
        // The snippet: the card in a frame, then the poll as a plain link.
        let snippet = text
            .split("id=\"embed-snippet\"")
            .nth(1)
            .unwrap()
            .split("</textarea>")
            .next()
            .unwrap();
        assert!(snippet.contains("<iframe src=\""), "{snippet}");
        assert!(snippet.contains("/p/demo/embed\" title=\""), "{snippet}");
        assert!(
            snippet.contains("/p/demo?c=website\">Doe mee aan de peiling</a>"),
            "{snippet}"
        );
        assert!(
            text.contains("<code>https://www.velsen.nl</code>"),
            "{text}"
        );

        // Every QR code of the kit is served.
        for channel in [HOOK, "website"] {
            let res = app.get(&format!("/p/demo/qr.svg?c={channel}")).await;
            assert_eq!(res.status(), 200);
        }
        // The card may be framed by the configured site only; the poll page by nobody.
        let card = app.get("/p/demo/embed").await;
        assert_eq!(card.status(), 200);
        let csp = card.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            csp.contains("frame-ancestors 'self' https://www.velsen.nl;"),
            "{csp}"
        );
        let body = card.text().await.unwrap();
        assert!(body.contains("target=\"_top\""), "{body}");
        assert!(unescaped(&body).contains("/p/demo?c=website\""), "{body}");
        let poll_page = app.get("/p/demo").await;
        let csp = poll_page.headers()["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert_eq!(poll_page.headers()["x-frame-options"], "DENY");
        // An origin with a path would go into the header as written: refused at start-up.
        let mut bad = test_settings(&TestDb::new(Backend::Sqlite).await);
        bad.collector.embed_origins = vec!["https://www.velsen.nl/peilingen".into()];
        assert!(!bad.collector.problems().is_empty());
        bad.collector.embed_origins = vec!["https://www.velsen.nl; script-src *".into()];
        assert!(!bad.collector.problems().is_empty());
    }
);

on_both_backends!(
    the_audit_log_is_a_table_filtered_by_who_what_and_when,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let now = chrono::Utc::now();
        placed(
            &app.store,
            "log-plan",
            &["velsen"],
            PollState::Scheduled,
            now + chrono::TimeDelta::days(20),
            now + chrono::TimeDelta::days(27),
            &[],
        )
        .await;
        let res = app
            .client
            .post(format!(
                "{}/api/v1/admin/polls/log-plan/cancel",
                app.address
            ))
            .bearer_auth(&users[1].2)
            .json(&json!({"reason": "Raadsbesluit uitgesteld"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let admin = login(&app, &users[2].1, PASSWORD).await;
        let (status, html) = page(&app, &admin, "/staff/audit").await;
        assert_eq!(status, 200);
        assert!(html.contains("Peiling geannuleerd"), "the action in words");
        assert!(
            html.contains("<strong>reason</strong>: Raadsbesluit uitgesteld"),
            "{html}"
        );
        assert!(!html.contains("{&quot;"), "no raw JSON: {html}");
        assert!(html.contains("<label for=\"who\">") && html.contains("<label for=\"from\">"));

        // Who: only the comms user's events, and they are chosen in the form.
        let who = format!("/staff/audit?who={}", users[1].1);
        let (_, html) = page(&app, &admin, &who).await;
        assert!(html.contains("data-action=\"poll.cancelled\""), "{html}");
        assert!(!html.contains(&format!(
            "<td><span class=\"cell-label\" aria-hidden=\"true\">Wie: </span>{}</td>",
            users[2].1
        )));
        assert!(html.contains(&format!(
            "<option value=\"{0}\" selected>{0}</option>",
            users[1].1
        )));
        // What: one action, or a family.
        let (_, html) = page(&app, &admin, "/staff/audit?what=poll.cancelled").await;
        let actions: Vec<&str> = html
            .split("data-action=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
            .collect();
        assert_eq!(actions, ["poll.cancelled"]);
        let (_, html) = page(&app, &admin, "/staff/audit?what=user.").await;
        assert!(
            html.split("data-action=\"")
                .skip(1)
                .all(|s| s.starts_with("user."))
        );
        assert!(html.contains("data-action=\"user.login\""), "{html}");
        // When: a day long ago has nothing; today has it all.
        let (_, html) = page(
            &app,
            &admin,
            "/staff/audit?from=2001-01-01&until=2001-01-31",
        )
        .await;
        assert!(html.contains("Geen gebeurtenissen gevonden."), "{html}");
        let today = now.with_timezone(&Amsterdam).date_naive();
        let (_, html) = page(
            &app,
            &admin,
            &format!("/staff/audit?from={today}&until={today}&what=poll.cancelled"),
        )
        .await;
        assert!(html.contains("data-action=\"poll.cancelled\""), "{html}");
        // Comms staff do not read the log.
        let comms = login(&app, &users[1].1, PASSWORD).await;
        assert_eq!(page(&app, &comms, "/staff/audit").await.0, 403);
    }
);

on_both_backends!(
    the_month_view_draws_one_bar_per_poll_per_week,
    |backend| async move {
        let app = spawn_app_on(TestDb::new(backend).await, |s| {
            s.quiet_periods.push(flits_schedule::QuietPeriod {
                from: NaiveDate::from_ymd_opt(2031, 3, 24).unwrap(),
                to: NaiveDate::from_ymd_opt(2031, 3, 26).unwrap(),
                reason: "Verkiezingen".into(),
                audiences: vec!["ijmond".into()],
            });
        })
        .await;
        let users = staff_fixture(&app).await;
        let at = |d: u32| {
            Amsterdam
                .with_ymd_and_hms(2031, 3, d, 9, 0, 0)
                .unwrap()
                .with_timezone(&chrono::Utc)
        };
        // Wednesday 5 March to Wednesday 12 March 2031: two weeks, one bar in each.
        placed(
            &app.store,
            "balk",
            &["velsen"],
            PollState::Scheduled,
            at(5),
            at(12),
            &[],
        )
        .await;
        let s = login(&app, &users[0].1, PASSWORD).await;
        let (status, html) = page(&app, &s, "/staff/calendar?view=month&month=2031-03").await;
        assert_eq!(status, 200);
        let bars: Vec<&str> = html.split("<span class=\"bar bar-poll").skip(1).collect();
        assert_eq!(bars.len(), 2, "{html}");
        assert!(bars[0].starts_with(" goes-on\""), "{}", bars[0]);
        assert!(bars[1].starts_with(" from-before\""), "{}", bars[1]);
        // Wednesday to Sunday, then Monday to Wednesday.
        assert!(
            html.contains("<td colspan=\"5\"><span class=\"bar bar-poll goes-on\""),
            "{html}"
        );
        assert!(
            html.contains("<td colspan=\"3\"><span class=\"bar bar-poll from-before\""),
            "{html}"
        );
        assert!(
            html.contains("href=\"/staff/polls/balk?lang=nl\""),
            "{html}"
        );
        // The quiet period is a bar of its own over its three days.
        assert!(
            html.contains("<td colspan=\"3\"><span class=\"bar bar-quiet\""),
            "{html}"
        );
        assert!(html.contains("Verkiezingen"));
    }
);
