//! Who a poll reached (issue 12) on the staff pages: the "who are we missing" panel of an open
//! poll, weighted next to unweighted shares of a closed one, and the regional reach dashboard.
//! The demo's population figures for Velsen are illustrative, so every comparison says so.

use chrono::{TimeDelta, Utc};
use flits_store::{NewPoll, Poll};
use flits_survey::{PollDefinition, PollState};
use serde_json::json;

use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::{PASSWORD, Session, login, staff_fixture};

/// A poll for `audience` with the standard age question and one topic question.
pub(crate) fn definition(slug: &str, audience: &str) -> PollDefinition {
    PollDefinition::from_yaml_str(&format!(
        r#"
slug: {slug}
title: {{nl: "Het plein", en: "The square"}}
brief: {{purpose: "Weten wat bewoners van het plein vinden", audiences: [{audience}], feedback_promise: {{nl: "Op 1 maart leest u hier wat we doen."}}}}
questions:
  - {{id: bomen, kind: single_choice, text: {{nl: "Meer bomen?", en: "More trees?"}}, options: [{{id: ja, text: {{nl: "Graag meer bomen", en: "Trees please"}}}}, {{id: nee, text: {{nl: "Liever geen bomen", en: "No trees"}}}}]}}
  - {{id: leeftijd, kind: single_choice, text: {{nl: "Hoe oud bent u?", en: "How old are you?"}}, options: [{{id: tot15, text: {{nl: "Jonger dan 15", en: "Under 15"}}}}, {{id: 15-24, text: {{nl: "15 tot 25", en: "15 to 24"}}}}, {{id: 25-44, text: {{nl: "25 tot 45", en: "25 to 44"}}}}, {{id: 45-64, text: {{nl: "45 tot 65", en: "45 to 64"}}}}, {{id: 65plus, text: {{nl: "65 of ouder", en: "65 or older"}}}}]}}
"#
    ))
    .unwrap()
}

pub(crate) async fn poll(app: &TestApp, slug: &str, audience: &str, state: PollState) -> Poll {
    let now = Utc::now();
    app.store
        .insert_poll(NewPoll {
            organisation_id: "velsen".into(),
            state,
            definition: definition(slug, audience),
            opens_at: Some(now - TimeDelta::days(3)),
            closes_at: Some(now + TimeDelta::days(3)),
            channels: vec!["mastodon-velsen".into(), "webhook-velsen".into()],
        })
        .await
        .unwrap()
}

/// Responses skewed to older residents: `(age group, channel, how many)`; every other one says
/// yes to more trees.
pub(crate) async fn respond(app: &TestApp, poll: &Poll, groups: &[(&str, Option<&str>, usize)]) {
    let mut i = 0;
    for (age, channel, n) in groups {
        for _ in 0..*n {
            let bomen = if i % 2 == 0 { "ja" } else { "nee" };
            i += 1;
            store_response(
                &app.store,
                poll.id,
                *channel,
                "nl",
                json!({"bomen": bomen, "leeftijd": age}),
            )
            .await;
        }
    }
}

pub(crate) const SKEWED: &[(&str, Option<&str>, usize)] = &[
    ("15-24", None, 12),
    ("15-24", Some("mastodon-velsen"), 3),
    ("25-44", Some("webhook-velsen"), 25),
    ("45-64", Some("webhook-velsen"), 60),
    ("65plus", Some("mastodon-velsen"), 100),
];

async fn page(app: &TestApp, session: &Session, path: &str) -> String {
    let res = app
        .client
        .get(format!("{}{path}", app.address))
        .header("cookie", &session.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap()
}

/// The part of `html` from the element with id `id` to the end of its table or section.
fn part<'a>(html: &'a str, id: &str, end: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in {html}"));
    let rest = &html[start..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

on_both_backends!(
    an_open_poll_shows_who_it_is_missing_and_where_they_came_from,
    |backend| async move {
        let app = spawn_app(backend).await;
        staff_fixture(&app).await;
        let comms = login(&app, "comms@velsen.example", PASSWORD).await;
        let open = poll(&app, "plein-open", "velsen", PollState::Open).await;
        respond(&app, &open, SKEWED).await;

        let html = page(&app, &comms, "/staff/polls/plein-open/results?lang=en").await;
        let panel = part(&html, "who-are-we-missing", "</section>");
        // The demo's figures are illustrative, and every comparison says so.
        assert!(panel.contains("Illustrative figures"), "{panel}");
        let table = part(panel, "representation-leeftijd", "</table>");
        assert!(table.contains("(Illustrative figures)"), "{table}");
        // Velsen: 15-24 is 7,700 of 69,500 residents (11%) but 15 of 200 respondents (8%).
        let row = |group: &str| {
            let at = table.find(&format!("<th scope=\"row\">{group}")).unwrap();
            &table[at..at + table[at..].find("</tr>").unwrap()]
        };
        let r = row("15 to 24");
        assert!(r.contains("under-represented"), "{r}");
        assert!(
            r.contains("<td>15</td><td>8%</td><td>11%</td><td>0.68</td>"),
            "{r}"
        );
        assert!(row("Under 15").contains("under-represented"));
        assert!(row("25 to 44").contains("under-represented"));
        let old = row("65 or older");
        assert!(!old.contains("under-represented"), "{old}");
        assert!(
            old.contains("<td>100</td><td>50%</td><td>23%</td>"),
            "{old}"
        );

        // Where the young came from: 12 by a direct link, fewer than k = 10 by Mastodon.
        let channels = part(panel, "channels-leeftijd-15-24", "</table>");
        assert!(
            channels.contains("No channel (direct link)</th><td>12</td>"),
            "{channels}"
        );
        assert!(
            channels.contains("mastodon-velsen</th><td>&lt;10</td>"),
            "{channels}"
        );
        let adults = part(panel, "channels-leeftijd-25-44", "</table>");
        assert!(
            adults.contains("webhook-velsen</th><td>25</td>"),
            "{adults}"
        );
        assert!(panel.contains("href=\"/staff/polls/plein-open/posts?lang=en\""));
        // Nothing of the topic question while the poll is open.
        assert!(!html.contains("Trees please") && !html.contains("No trees"));
        // Analysts see the panel too.
        let analyst = login(&app, "analyst@velsen.example", PASSWORD).await;
        let html = page(&app, &analyst, "/staff/polls/plein-open/results").await;
        assert!(html.contains("Wie missen we?"));
        assert!(html.contains("ondervertegenwoordigd"));

        // A target group without figures of its own has nothing to compare with.
        app.store
            .upsert_audience(
                "jongeren-velsen",
                "Jongeren in Velsen",
                Some("velsen"),
                Some("velsen"),
            )
            .await
            .unwrap();
        poll(&app, "plein-jong", "jongeren-velsen", PollState::Open).await;
        let html = page(&app, &comms, "/staff/polls/plein-jong/results?lang=en").await;
        let nothing = part(&html, "missing-nothing", "</p>");
        assert!(nothing.contains("has no population figures"), "{nothing}");
    }
);

on_both_backends!(
    a_closed_poll_shows_weighted_and_unweighted_shares,
    |backend| async move {
        let app = spawn_app(backend).await;
        staff_fixture(&app).await;
        let analyst = login(&app, "analyst@velsen.example", PASSWORD).await;
        let closed = poll(&app, "plein-dicht", "velsen", PollState::Closed).await;
        respond(&app, &closed, SKEWED).await;

        let html = page(&app, &analyst, "/staff/polls/plein-dicht/results?lang=en").await;
        assert!(!html.contains("id=\"who-are-we-missing\""));
        let section = part(&html, "weighted-results", "</section>");
        assert!(section.contains("Illustrative figures"));
        let why = part(section, "weighted-why", "</p>");
        assert!(why.contains("Weighted figures are shown first"), "{why}");
        assert!(why.contains("more than 5 average respondents"), "{why}");
        let overall = part(section, "weighted-overall", "</p>");
        assert!(
            overall.contains("200 respondents; effective sample size"),
            "{overall}"
        );
        assert!(overall.contains("design effect"), "{overall}");
        // Weighted first; the age question's weighted shares are the population's, among the
        // groups that responded (nobody under 15 did: 15,900 of 58,900 residents are 65+).
        let age = part(section, "weighted-leeftijd", "</table>");
        let head = part(age, "weighted-leeftijd", "</thead>");
        assert!(
            head.find("Weighted share").unwrap() < head.find("Unweighted share").unwrap(),
            "{head}"
        );
        let at = age.find("65 or older").unwrap();
        let row = &age[at..at + age[at..].find("</tr>").unwrap()];
        assert!(row.contains("<td>100</td><td>27% ± "), "{row}");
        assert!(row.contains("<td>50% ± 6.9 points</td>"), "{row}");
        assert!(
            section.contains("Nobody in the group &quot;Under 15&quot;"),
            "{section}"
        );
        // The topic question too, with its effective sample size.
        let trees = part(section, "weighted-bomen", "</table>");
        assert!(trees.contains("Trees please"), "{trees}");
        assert!(section.contains("200 answered; effective sample size"));

        // The other view on request.
        let html = page(
            &app,
            &analyst,
            "/staff/polls/plein-dicht/results?lang=en&view=unweighted",
        )
        .await;
        let head = part(&html, "weighted-leeftijd", "</thead>");
        assert!(head.find("Unweighted share").unwrap() < head.find("Weighted share").unwrap());

        // One respondent of 15-24 would need a weight far above the cap of 5: unweighted first,
        // and the page says why.
        let capped = poll(&app, "plein-scheef", "velsen", PollState::Closed).await;
        respond(
            &app,
            &capped,
            &[
                ("15-24", None, 1),
                ("25-44", None, 49),
                ("45-64", None, 50),
                ("65plus", None, 100),
            ],
        )
        .await;
        let html = page(&app, &analyst, "/staff/polls/plein-scheef/results?lang=en").await;
        let why = part(&html, "weighted-why", "</p>");
        assert!(why.contains("Unweighted figures are shown first"), "{why}");
        assert!(why.contains("cap of 5"), "{why}");
        let head = part(&html, "weighted-leeftijd", "</thead>");
        assert!(head.find("Unweighted share").unwrap() < head.find("Weighted share").unwrap());
        // The small cell shows no share, weighted or not.
        let age = part(&html, "weighted-leeftijd", "</table>");
        let at = age.find("15 to 24").unwrap();
        let row = &age[at..at + age[at..].find("</tr>").unwrap()];
        assert!(row.contains("<td>&lt;10</td><td>–</td><td>–</td>"), "{row}");
    }
);

/// Stores `n` responses to `poll` with an age group and, when given, the first-time answer.
pub(crate) async fn participants(
    app: &TestApp,
    poll: &Poll,
    age: &str,
    first_time: Option<&str>,
    n: usize,
) {
    for _ in 0..n {
        let mut answers = json!({"leeftijd": age, "bomen": "ja"});
        if let Some(f) = first_time {
            answers["first_time"] = json!(f);
        }
        store_response(&app.store, poll.id, None, "nl", answers).await;
    }
}

/// A poll of `org` for `audience` that also asks whether it is one's first.
pub(crate) async fn poll_with_first_time(
    app: &TestApp,
    slug: &str,
    org: &str,
    audience: &str,
) -> Poll {
    let mut definition = definition(slug, audience);
    let first = PollDefinition::from_yaml_str(&format!(
        r#"
slug: {slug}
title: {{nl: "x"}}
questions:
  - {{id: first_time, kind: single_choice, text: {{nl: "Eerste keer?"}}, options: [{{id: "yes", text: {{nl: "Ja"}}}}, {{id: "no", text: {{nl: "Nee"}}}}]}}
"#
    ))
    .unwrap();
    definition.questions.extend(first.questions);
    let now = Utc::now();
    app.store
        .insert_poll(NewPoll {
            organisation_id: org.into(),
            state: PollState::Open,
            definition,
            opens_at: Some(now - TimeDelta::days(3)),
            closes_at: Some(now + TimeDelta::days(3)),
            channels: vec![],
        })
        .await
        .unwrap()
}

/// The overview row of area `id`.
fn overview_row<'a>(html: &'a str, id: &str) -> &'a str {
    part(html, &format!("overview-{id}"), "</tr>")
}

on_both_backends!(
    the_regional_dashboard_shows_responses_and_first_timers_per_municipality,
    |backend| async move {
        let app = spawn_app(backend).await;
        staff_fixture(&app).await;
        let velsen = poll_with_first_time(&app, "plein-velsen", "velsen", "velsen").await;
        participants(&app, &velsen, "65plus", Some("yes"), 20).await;
        participants(&app, &velsen, "65plus", Some("no"), 10).await;
        participants(&app, &velsen, "15-24", None, 5).await;
        let heemskerk =
            poll_with_first_time(&app, "plein-heemskerk", "heemskerk", "heemskerk").await;
        participants(&app, &heemskerk, "45-64", Some("yes"), 3).await;
        participants(&app, &heemskerk, "45-64", Some("no"), 9).await;
        let region = poll_with_first_time(&app, "plein-ijmond", "velsen", "ijmond").await;
        participants(&app, &region, "25-44", Some("yes"), 10).await;

        let admin = login(&app, "admin@velsen.example", PASSWORD).await;
        let html = page(&app, &admin, "/staff/reach?lang=en").await;
        assert!(
            html.contains("href=\"/staff/reach?lang=en\""),
            "in the navigation"
        );
        let row = overview_row(&html, "velsen");
        assert!(
            row.contains("<td>35</td><td>67% (20 of the 30 who answered)</td>"),
            "{row}"
        );
        let row = overview_row(&html, "heemskerk");
        assert!(
            row.contains(
                "<td>12</td><td>fewer than 10 said yes or no, of the 12 who answered</td>"
            ),
            "{row}"
        );
        let row = overview_row(&html, "beverwijk");
        assert!(row.contains("<td>0</td>"), "{row}");
        // The region counts every poll in it, also the region-wide one.
        let row = overview_row(&html, "ijmond");
        assert!(
            row.contains("<td>57</td><td>63% (33 of the 52 who answered)</td>"),
            "{row}"
        );
        // Representation by age group against Velsen's (illustrative) figures, and the trend.
        let ages = part(&html, "ages-velsen", "</table>");
        assert!(ages.contains("(Illustrative figures)"), "{ages}");
        assert!(ages.contains("under-represented"), "{ages}");
        let trend = part(&html, "trend-velsen", "</table>");
        assert!(trend.contains("-Q"), "{trend}");
        assert!(part(&html, "trend-beverwijk", "</table>").contains("too few responses"));

        // Other staff see their own municipality and the region.
        let comms = login(&app, "comms@velsen.example", PASSWORD).await;
        let html = page(&app, &comms, "/staff/reach?lang=en").await;
        assert!(html.contains("id=\"overview-velsen\""));
        assert!(html.contains("id=\"overview-ijmond\""));
        assert!(!html.contains("id=\"overview-heemskerk\""));
        assert!(!html.contains("id=\"overview-beverwijk\""));
    }
);
