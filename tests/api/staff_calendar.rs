//! The region's calendar page and the iCalendar feed.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::{PASSWORD, login, staff_fixture};

/// Parses an iCalendar text with Python's `icalendar` library; returns (poll summaries, all summaries).
/// Skips (None) when the library is missing locally; in CI it must be there (see [`crate::skip`]).
fn parse_with_python_icalendar(ics: &str) -> Option<Vec<String>> {
    let script = "import sys, icalendar\ncal = icalendar.Calendar.from_ical(sys.stdin.read())\nfor e in cal.walk('VEVENT'):\n    print(str(e.get('SUMMARY')) + '|' + e.decoded('DTSTART').isoformat())\n";
    let probe = Command::new("python3")
        .args(["-c", "import icalendar"])
        .output();
    if !probe.as_ref().is_ok_and(|o| o.status.success()) {
        crate::skip::skipped(
            "the calendar feed parse check",
            "python3 with the icalendar library is not installed (pip install icalendar)",
        );
        return None;
    }
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "icalendar could not parse the feed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect(),
    )
}

on_both_backends!(
    the_calendar_shows_the_region_and_feeds_calendar_apps,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            s.quiet_periods.push(flits_schedule::QuietPeriod {
                from: chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
                to: chrono::NaiveDate::from_ymd_opt(2027, 3, 18).unwrap(),
                reason: "Verkiezingen".into(),
                audiences: vec!["ijmond".into()],
            });
        })
        .await;
        let users = staff_fixture(&app).await;
        // An analyst of Velsen sees the whole region's plans.
        let s = login(&app, &users[0].1, PASSWORD).await;
        let list = app
            .client
            .get(format!("{}/staff/calendar", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            list.contains("Meer groen in uw buurt?") && list.contains("ijmond"),
            "the regional poll and its audience"
        );
        assert!(list.contains("Afval scheiden in Velsen"));
        assert!(list.contains("Verkiezingen") && list.contains("01-03-2027"));
        let month = app
            .client
            .get(format!(
                "{}/staff/calendar?view=month&month=2027-03",
                app.address
            ))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            month.contains("2027-03") && month.contains("quiet-mark"),
            "the quiet period is marked in March 2027"
        );

        let res = app
            .client
            .post(format!("{}/staff/calendar/feed", app.address))
            .header("cookie", &s.cookie)
            .form(&[("_csrf", s.csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let html = res.text().await.unwrap();
        let url = html
            .split("<code id=\"feed-url\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .replace("&amp;", "&")
            .replace("&#x3D;", "=");
        let path = &url[url.find("/calendar.ics").unwrap()..];
        let res = app.get(path).await;
        assert_eq!(res.status(), 200);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        let ics = res.text().await.unwrap();
        assert!(ics.contains("BEGIN:VCALENDAR") && ics.contains("poll-demo@flits"));
        if let Some(events) = parse_with_python_icalendar(&ics) {
            assert!(
                events
                    .iter()
                    .any(|e| e.starts_with("Peiling: Meer groen in uw buurt?|")),
                "{events:?}"
            );
            assert!(
                events
                    .iter()
                    .any(|e| e.starts_with("Stille periode: Verkiezingen|2027-03-01")),
                "{events:?}"
            );
            assert_eq!(
                events.len(),
                3,
                "two polls and one quiet period: {events:?}"
            );
        }
        // A new link replaces the old one.
        let res = app
            .client
            .post(format!("{}/staff/calendar/feed", app.address))
            .header("cookie", &s.cookie)
            .form(&[("_csrf", s.csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        assert_eq!(app.get(path).await.status(), 401);
        assert_eq!(app.get("/calendar.ics?token=guess").await.status(), 401);
    }
);

on_both_backends!(
    scheduling_in_the_ui_explains_conflicts_and_offers_the_next_slot,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let comms = &users[1];
        let def = serde_json::json!({
            "slug": "ui-gepland",
            "title": {"nl": "Fietsparkeren", "en": "Bike parking"},
            "brief": {"purpose": "Weten of er meer rekken nodig zijn", "audiences": ["velsen"],
                      "feedback_promise": {"nl": "Op 1 maart leest u hier wat we doen.", "en": "On 1 March you read here what we do."}},
            "questions": [{"id": "q1", "kind": "single_choice", "text": {"nl": "Hoe komt u?", "en": "How do you come?"},
                           "options": [{"id": "fiets", "text": {"nl": "Fiets", "en": "Bike"}}, {"id": "bus", "text": {"nl": "Bus", "en": "Bus"}}]}]
        });
        let res = app
            .client
            .post(format!("{}/api/v1/admin/polls", app.address))
            .bearer_auth(&comms.2)
            .json(&def)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let s = login(&app, &comms.1, PASSWORD).await;
        let dash = app
            .client
            .get(format!("{}/staff", app.address))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            dash.contains("/staff/polls/ui-gepland/schedule"),
            "drafts have a schedule link"
        );
        let url = format!("{}/staff/polls/ui-gepland/schedule", app.address);
        let form = app
            .client
            .get(&url)
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(form.status(), 200);

        // The hour that does not exist when summer time starts is refused with an explanation.
        let res = app
            .client
            .post(&url)
            .header("cookie", &s.cookie)
            .form(&[
                ("_csrf", s.csrf.as_str()),
                ("opens", "2027-03-28T02:30"),
                ("closes", "2027-04-04T12:00"),
                ("channels", ""),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains("zomertijd"));

        // Too close to the open regional demo poll: each conflict is listed, with the first free period.
        let fmt = |t: chrono::DateTime<chrono::Utc>| {
            t.with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let opens = chrono::Utc::now() + chrono::Duration::days(15);
        let res = app
            .client
            .post(&url)
            .header("cookie", &s.cookie)
            .form(&[
                ("_csrf", s.csrf.clone()),
                ("opens", fmt(opens)),
                ("closes", fmt(opens + chrono::Duration::days(7))),
                ("channels", String::new()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409);
        let page = res.text().await.unwrap();
        assert!(
            page.contains("tussenruimte") && page.contains("Gebruik de eerste vrije periode"),
            "{page}"
        );
        // Each conflict is explained in the page's language: Dutch here…
        assert!(
            page.contains("Waarom dit niet kan")
                && page.contains("Voor velsen moet er minstens 21 dagen zitten"),
            "{page}"
        );
        assert!(
            !page.contains("must pass"),
            "no English on the Dutch page: {page}"
        );
        // …and English on the English page.
        let res = app
            .client
            .post(format!("{url}?lang=en"))
            .header("cookie", &s.cookie)
            .form(&[
                ("_csrf", s.csrf.clone()),
                ("opens", fmt(opens)),
                ("closes", fmt(opens + chrono::Duration::days(7))),
                ("channels", String::new()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409);
        let english = res.text().await.unwrap();
        assert!(
            english.contains("This breaks the spacing rules")
                && english.contains("Why this is not possible")
                && english.contains("For velsen, at least 21 days must pass")
                && english.contains("Use the first free period"),
            "{english}"
        );
        assert!(
            !english.contains("Voor velsen"),
            "no Dutch on the English page"
        );
        let suggested_opens = page
            .split("name=\"opens\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let suggested_closes = page
            .split("name=\"closes\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let res = app
            .client
            .post(&url)
            .header("cookie", &s.cookie)
            .form(&[
                ("_csrf", s.csrf.as_str()),
                ("opens", &suggested_opens),
                ("closes", &suggested_closes),
                ("channels", ""),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "the suggested slot is accepted");
        let poll = app.store.poll_by_slug("ui-gepland").await.unwrap().unwrap();
        assert_eq!(poll.state, flits_survey::PollState::Scheduled);
    }
);
