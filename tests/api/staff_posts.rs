//! A poll's channel posts for staff (docs/api.md, "Channels and posts"): listed with why one
//! failed in the reader's language, a failed post sent again (never one that went out), a
//! reminder once per channel within the channel's weekly limit, each channel's announcement
//! previewed, in the API and on the pages, with CSRF.
//!
//! The application runs without its runner: the test opens polls and sends the outbox itself, to a
//! local webhook receiver that refuses the first post (`410 Gone`) and accepts the rest.

use std::collections::BTreeMap;

use chrono::{TimeDelta, Utc};
use flits::startup::Service;
use flits_runner::delivery::Outbox;
use flits_runner::run_due_jobs;
use flits_store::{NativeOption, NativeTally, OutboxPost, Poll};
use flits_survey::PollState;
use secrecy::SecretString;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::on_both_backends;
use crate::scheduler_support::{definition, draft, placed};
use crate::staff_access::{PASSWORD, Session, login, staff_fixture};
use crate::webhook_receiver::receiver;

const HOOK: &str = "webhook-velsen";
const MASTODON: &str = "mastodon-velsen";
const SLUG: &str = "fiets-open";

/// The configured channels: a webhook to `url` and a Mastodon account with native polls.
fn channel_settings(url: &str) -> Vec<flits_bridge::ChannelSetting> {
    serde_json::from_value(json!([
        {"id": HOOK, "kind": "webhook", "url": url, "secret_env": "HOOK_SECRET"},
        {"id": MASTODON, "kind": "mastodon", "base_url": "https://social.example.nl",
         "token_env": "MASTODON_TOKEN", "native_poll": true},
    ]))
    .unwrap()
}

/// The outbox a runner would have: only the webhook can be set up here, so posts on Mastodon
/// fail as "not configured".
fn outbox(url: &str) -> Outbox {
    let setting = channel_settings(url).remove(0);
    let secrets = BTreeMap::from([(
        "HOOK_SECRET".to_owned(),
        SecretString::from("a-long-webhook-secret".to_owned()),
    )]);
    let channel =
        flits_bridge::connect_with(&setting, &flits_bridge::ClientOptions::default(), &secrets)
            .unwrap();
    Outbox::new(
        vec![channel],
        "https://peiling.example.nl".parse().unwrap(),
        std::time::Duration::from_secs(300),
    )
}

/// A running staff service (no runner) with both channels, its users (analyst, comms, admin of
/// Velsen), and the receiver's URL.
struct PostsApp {
    app: TestApp,
    users: Vec<(&'static str, String, String)>,
    hook_url: String,
}

async fn posts_app(backend: Backend, posts_per_week: u32) -> PostsApp {
    // The receiver refuses the first post for good and accepts every later one.
    let (hook_url, _) = receiver(vec![410]);
    let db = TestDb::new(backend).await;
    let channels = channel_settings(&hook_url);
    let app = spawn_services_on(db, &[Service::Collector, Service::Staff], |s| {
        s.channels = channels;
        s.spacing.channel_posts_per_week = posts_per_week;
    })
    .await;
    let users = staff_fixture(&app).await;
    PostsApp {
        app,
        users,
        hook_url,
    }
}

/// Opens a poll of Velsen posted on `channels` (its opening job enqueues the announcements).
async fn open_poll(app: &TestApp, slug: &str, audience: &str, channels: &[&str]) -> Poll {
    let now = Utc::now();
    let poll = placed(
        &app.store,
        slug,
        &[audience],
        PollState::Scheduled,
        now - TimeDelta::minutes(1),
        now + TimeDelta::days(7),
        channels,
    )
    .await;
    run_due_jobs(&app.store, now).await.unwrap();
    poll
}

/// The open poll `fiets-open` on both channels, its announcements sent once: both failed (the
/// webhook refused with 410, Mastodon is not set up in this outbox).
async fn failed_announcements(p: &PostsApp) -> Poll {
    let poll = open_poll(&p.app, SLUG, "velsen", &[HOOK, MASTODON]).await;
    let report = outbox(&p.hook_url)
        .deliver_due(&p.app.store, Utc::now())
        .await
        .unwrap();
    assert_eq!(report.failed, 2, "{report:?}");
    poll
}

async fn post_on(app: &TestApp, poll: &Poll, channel: &str, purpose: &str) -> OutboxPost {
    app.store
        .outbox_posts(poll.id)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.channel_id == channel && p.purpose == purpose)
        .unwrap_or_else(|| panic!("no {purpose} post on {channel}"))
}

fn api(app: &TestApp, method: &str, path: &str, token: &str) -> reqwest::RequestBuilder {
    app.client
        .request(method.parse().unwrap(), format!("{}{path}", app.address))
        .bearer_auth(token)
}

async fn json_of(res: reqwest::Response, status: u16) -> Value {
    let got = res.status().as_u16();
    let body = res.text().await.unwrap();
    assert_eq!(got, status, "{body}");
    serde_json::from_str(&body).unwrap_or(Value::Null)
}

fn post_in<'a>(list: &'a Value, channel: &str) -> &'a Value {
    list["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["channel"] == channel)
        .unwrap_or_else(|| panic!("no post on {channel} in {list}"))
}

on_both_backends!(
    failed_posts_are_listed_in_the_readers_language_and_sent_again_once,
    |backend| async move {
        let p = posts_app(backend, 2).await;
        let app = &p.app;
        let (analyst, comms) = (&p.users[0].2, &p.users[1].2);
        let poll = failed_announcements(&p).await;
        let path = format!("/api/v1/admin/polls/{SLUG}/posts");

        // Any staff of the organisation reads the posts; the platform's answer in their language.
        let en = json_of(
            api(app, "GET", &path, analyst)
                .header("accept-language", "en")
                .send()
                .await
                .unwrap(),
            200,
        )
        .await;
        assert_eq!(en["slug"], SLUG);
        assert_eq!(en["posts"].as_array().unwrap().len(), 2, "{en}");
        let hook = post_in(&en, HOOK);
        assert_eq!(hook["purpose"], "announce");
        assert_eq!(hook["status"], "failed");
        assert_eq!(hook["attempts"], 1);
        assert_eq!(hook["error"]["code"], "refused");
        let message = hook["error"]["message"].as_str().unwrap();
        assert!(
            message.starts_with("The platform refuses the post (HTTP 410)"),
            "{message}"
        );
        assert!(hook["posted_at"].is_null() && hook["native_poll"].is_null());
        assert_eq!(post_in(&en, MASTODON)["error"]["code"], "not_configured");
        let nl = json_of(api(app, "GET", &path, analyst).send().await.unwrap(), 200).await;
        let message = post_in(&nl, HOOK)["error"]["message"].as_str().unwrap();
        assert!(
            message.starts_with("Het platform weigert het bericht (HTTP 410)"),
            "Dutch without Accept-Language: {message}"
        );

        // Readers may not send posts again.
        let hook_id = post_on(app, &poll, HOOK, "announce").await.id;
        let retry = format!("/api/v1/admin/polls/{SLUG}/posts/{hook_id}/retry");
        let res = api(app, "POST", &retry, analyst).send().await.unwrap();
        assert_eq!(res.status(), 403);
        assert_eq!(post_on(app, &poll, HOOK, "announce").await.status, "failed");

        // An editor does: back in the outbox, attempts from zero, and in the audit log.
        let queued = json_of(api(app, "POST", &retry, comms).send().await.unwrap(), 202).await;
        assert_eq!(
            queued,
            json!({"id": hook_id.to_string(), "status": "pending"})
        );
        let post = post_on(app, &poll, HOOK, "announce").await;
        assert_eq!((post.status.as_str(), post.attempts), ("pending", 0));
        let audit = app.store.audit_entries(20).await.unwrap();
        let entry = audit
            .iter()
            .find(|e| e.action == "channel_post.retry")
            .unwrap_or_else(|| panic!("{audit:?}"));
        assert_eq!(entry.actor_email.as_deref(), Some(p.users[1].1.as_str()));
        assert_eq!(entry.poll_slug.as_deref(), Some(SLUG));
        assert_eq!(entry.details["channel"], HOOK);

        // The receiver accepts it now; a post that went out cannot be sent again.
        let report = outbox(&p.hook_url)
            .deliver_due(&app.store, Utc::now())
            .await
            .unwrap();
        assert_eq!(report.posted, 1, "{report:?}");
        let res = api(app, "POST", &retry, comms).send().await.unwrap();
        let refused = json_of(res, 409).await;
        assert_eq!(refused["error"]["code"], "not_failed");
        assert_eq!(refused["error"]["details"]["status"], "posted");
        let listed = json_of(api(app, "GET", &path, comms).send().await.unwrap(), 200).await;
        let hook = post_in(&listed, HOOK);
        assert_eq!(hook["status"], "posted");
        assert!(hook["error"].is_null() && hook["posted_at"].is_string());
        assert_eq!(
            audit_count(app, "channel_post.retry").await,
            1,
            "a refused retry writes nothing"
        );

        // Unknown posts, and posts of another poll, are not found.
        for id in [uuid::Uuid::new_v4().to_string(), "not-a-uuid".to_owned()] {
            let path = format!("/api/v1/admin/polls/{SLUG}/posts/{id}/retry");
            let res = api(app, "POST", &path, comms).send().await.unwrap();
            assert_eq!(json_of(res, 404).await["error"]["code"], "not_found");
        }
        let mastodon_id = post_on(app, &poll, MASTODON, "announce").await.id;
        let path = format!("/api/v1/admin/polls/demo/posts/{mastodon_id}/retry");
        let res = api(app, "POST", &path, comms).send().await.unwrap();
        assert_eq!(res.status(), 404);
        assert_eq!(
            post_on(app, &poll, MASTODON, "announce").await.status,
            "failed"
        );

        // A native poll's counts are listed apart, labelled as the platform's own source.
        let tally = NativeTally {
            options: vec![
                NativeOption {
                    title: "Met de fiets".into(),
                    votes: Some(12),
                },
                NativeOption {
                    title: "Met de bus".into(),
                    votes: Some(0),
                },
            ],
            voters: Some(12),
            expired: false,
        };
        app.store
            .record_native_tally(hook_id, &tally, Utc::now())
            .await
            .unwrap();
        let listed = json_of(
            api(
                app,
                "GET",
                &format!("/api/v1/admin/polls/{SLUG}/posts"),
                comms,
            )
            .header("accept-language", "en")
            .send()
            .await
            .unwrap(),
            200,
        )
        .await;
        let native = &post_in(&listed, HOOK)["native_poll"];
        assert_eq!(native["source"], "platform");
        assert_eq!(native["options"][0]["votes"], 12);
        assert_eq!(native["options"][1]["votes"], 0);
        assert!(
            native["label"]
                .as_str()
                .unwrap()
                .contains("not part of the results"),
            "{native}"
        );

        // Another organisation's poll answers 404, like every other poll route.
        app.store
            .insert_poll(flits_store::NewPoll::draft(
                "beverwijk".into(),
                definition("beverwijk-ander", &["beverwijk"]),
            ))
            .await
            .unwrap();
        let res = api(
            app,
            "GET",
            "/api/v1/admin/polls/beverwijk-ander/posts",
            analyst,
        )
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), 404);
    }
);

async fn audit_count(app: &TestApp, action: &str) -> usize {
    app.store
        .audit_entries(100)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == action)
        .count()
}

on_both_backends!(
    a_reminder_is_queued_once_within_the_channels_weekly_limit,
    |backend| async move {
        let p = posts_app(backend, 2).await;
        let app = &p.app;
        let (analyst, comms) = (&p.users[0].2, &p.users[1].2);
        let poll = open_poll(app, SLUG, "velsen", &[HOOK, MASTODON]).await;
        // Another poll on Mastodon this week: with the announcement, the channel has had its two.
        open_poll(app, "ook-open", "beverwijk", &[MASTODON]).await;
        let path = format!("/api/v1/admin/polls/{SLUG}/reminders");
        let remind = |token: &str, channel: &str| {
            api(app, "POST", &path, token).json(&json!({ "channel": channel }))
        };

        let res = remind(analyst, HOOK).send().await.unwrap();
        assert_eq!(res.status(), 403, "readers may not post");

        let queued = json_of(remind(comms, HOOK).send().await.unwrap(), 202).await;
        assert_eq!(queued["channel"], HOOK);
        assert_eq!(queued["purpose"], "reminder");
        assert_eq!(queued["status"], "pending");
        let reminders: Vec<OutboxPost> = app
            .store
            .outbox_posts(poll.id)
            .await
            .unwrap()
            .into_iter()
            .filter(|p| p.purpose == "reminder")
            .collect();
        assert_eq!(reminders.len(), 1);
        assert_eq!(
            (
                reminders[0].channel_id.as_str(),
                reminders[0].status.as_str()
            ),
            (HOOK, "pending")
        );
        assert_eq!(audit_count(app, "poll.reminder").await, 1);

        // Once per channel.
        let res = remind(comms, HOOK)
            .header("accept-language", "en")
            .send()
            .await
            .unwrap();
        let again = json_of(res, 409).await;
        assert_eq!(again["error"]["code"], "already_reminded");
        assert!(
            again["error"]["message"]
                .as_str()
                .unwrap()
                .contains("already had its reminder"),
            "{again}"
        );

        // Over the channel's weekly limit: refused, with when it can take one more.
        let res = remind(comms, MASTODON).send().await.unwrap();
        let full = json_of(res, 409).await;
        assert_eq!(full["error"]["code"], "spacing_conflict");
        assert!(
            full["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("Kanaal mastodon-velsen had deze week al 2 berichten"),
            "{full}"
        );
        let details = full["error"]["details"].as_object().unwrap();
        assert!(details.contains_key("next_free"), "{full}");
        assert_eq!(details["conflicts"][0]["rule"], "channel_posts_per_week");

        // Not a channel id, and not a channel of this poll.
        let res = remind(comms, "Geen Kanaal").send().await.unwrap();
        assert_eq!(json_of(res, 422).await["error"]["code"], "invalid_channel");
        let res = remind(comms, "facebook-velsen").send().await.unwrap();
        assert_eq!(json_of(res, 422).await["error"]["code"], "unknown_channel");

        // A draft is not open.
        draft(&app.store, "nog-concept", &["heemskerk"]).await;
        let res = api(
            app,
            "POST",
            "/api/v1/admin/polls/nog-concept/reminders",
            comms,
        )
        .json(&json!({"channel": HOOK}))
        .send()
        .await
        .unwrap();
        let not_open = json_of(res, 409).await;
        assert_eq!(not_open["error"]["code"], "not_open");
        assert!(
            not_open["error"]["message"]
                .as_str()
                .unwrap()
                .contains("is niet open"),
            "{not_open}"
        );
        let reminders = app
            .store
            .outbox_posts(poll.id)
            .await
            .unwrap()
            .into_iter()
            .filter(|p| p.purpose == "reminder")
            .count();
        assert_eq!(reminders, 1, "refusals queue nothing");
        assert_eq!(audit_count(app, "poll.reminder").await, 1);
    }
);

on_both_backends!(
    each_channel_previews_its_announcement_with_its_link,
    |backend| async move {
        let p = posts_app(backend, 2).await;
        let app = &p.app;
        let analyst = &p.users[0].2;
        draft(&app.store, "nog-concept", &["velsen"]).await;

        let channels = json_of(
            api(app, "GET", "/api/v1/admin/channels", analyst)
                .send()
                .await
                .unwrap(),
            200,
        )
        .await;
        assert_eq!(
            channels,
            json!({"channels": [
                {"id": HOOK, "kind": "webhook", "native_poll": false},
                {"id": MASTODON, "kind": "mastodon", "native_poll": true},
            ]})
        );

        let path = "/api/v1/admin/polls/nog-concept/post-previews";
        let all = json_of(api(app, "GET", path, analyst).send().await.unwrap(), 200).await;
        let previews = all["previews"].as_array().unwrap();
        assert_eq!(previews.len(), 2, "{all}");
        for (preview, channel, kind) in [
            (&previews[0], HOOK, "webhook"),
            (&previews[1], MASTODON, "mastodon"),
        ] {
            assert_eq!(preview["channel"], channel);
            assert_eq!(preview["kind"], kind);
            assert!(preview["error"].is_null(), "{preview}");
            let text = preview["text"].as_str().unwrap();
            let link = format!("https://peiling.example.nl/p/nog-concept?c={channel}");
            assert!(text.contains(&link), "{channel}: {text}");
            assert!(text.contains("Fietsparkeren bij het station"), "{text}");
        }
        // Mastodon also shows the question it mirrors as a native poll.
        assert!(
            previews[1]["text"]
                .as_str()
                .unwrap()
                .contains("Hoe komt u meestal naar het station?"),
            "{}",
            previews[1]
        );

        let one = json_of(
            api(app, "GET", &format!("{path}?channel={MASTODON}"), analyst)
                .send()
                .await
                .unwrap(),
            200,
        )
        .await;
        let channels: Vec<&Value> = one["previews"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| &p["channel"])
            .collect();
        assert_eq!(channels, [MASTODON]);
        let res = api(
            app,
            "GET",
            &format!("{path}?channel={MASTODON}&channel=nergens"),
            analyst,
        )
        .send()
        .await
        .unwrap();
        let unknown = json_of(res, 422).await;
        assert_eq!(unknown["error"]["code"], "unknown_channel");
        assert_eq!(
            unknown["error"]["details"]["configured"],
            json!([HOOK, MASTODON])
        );
    }
);

/// A page as the session sees it: status and HTML.
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

/// Posts a form of the page with the session.
async fn submit(
    app: &TestApp,
    session: &Session,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.client
        .post(format!("{}{path}", app.address))
        .header("cookie", &session.cookie)
        .form(form)
        .send()
        .await
        .unwrap()
}

on_both_backends!(
    the_posts_page_sends_again_and_reminds_through_its_forms,
    |backend| async move {
        let p = posts_app(backend, 2).await;
        let app = &p.app;
        let poll = failed_announcements(&p).await;
        let comms = login(app, &p.users[1].1, PASSWORD).await;
        let analyst = login(app, &p.users[0].1, PASSWORD).await;
        let posts_path = format!("/staff/polls/{SLUG}/posts");

        // The dashboard links the poll to its posts and counts the failed ones.
        let (status, dashboard) = page(app, &comms, "/staff").await;
        assert_eq!(status, 200);
        assert!(
            dashboard.contains(&format!("href=\"{posts_path}?lang=nl\"")),
            "{dashboard}"
        );
        assert!(dashboard.contains("2 berichten mislukt"), "{dashboard}");

        let (status, html) = page(app, &comms, &posts_path).await;
        assert_eq!(status, 200);
        assert!(html.contains("<table id=\"posts\">"), "{html}");
        assert!(html.contains("<th scope=\"col\">Kanaal</th>"), "{html}");
        assert!(
            html.contains("Het platform weigert het bericht (HTTP 410)"),
            "{html}"
        );
        assert_eq!(html.matches(">Opnieuw proberen<").count(), 2, "{html}");
        for channel in [HOOK, MASTODON] {
            assert!(
                html.contains(&format!("Herinnering plaatsen op {channel}")),
                "{html}"
            );
        }
        let (_, en) = page(app, &comms, &format!("{posts_path}?lang=en")).await;
        assert!(
            en.contains("The platform refuses the post (HTTP 410)") && en.contains(">Try again<"),
            "{en}"
        );

        // Readers see the same table without the forms.
        let (status, html) = page(app, &analyst, &format!("{posts_path}?lang=nl")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Het platform weigert"), "{html}");
        assert!(!html.contains("Opnieuw proberen") && !html.contains("Herinnering plaatsen"));

        // Try again: without the session's CSRF token nothing changes…
        let hook_id = post_on(app, &poll, HOOK, "announce").await.id;
        let retry_path = format!("/staff/polls/{SLUG}/posts/{hook_id}/retry");
        let res = submit(app, &comms, &retry_path, &[("_csrf", "forged")]).await;
        assert_eq!(res.status(), 403);
        assert_eq!(post_on(app, &poll, HOOK, "announce").await.status, "failed");
        // …with it, the post is queued again and the page says so.
        let res = submit(app, &comms, &retry_path, &[("_csrf", comms.csrf.as_str())]).await;
        assert_eq!(res.status(), 303);
        let location = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(location, format!("{posts_path}?done=retry&lang=nl"));
        assert_eq!(
            post_on(app, &poll, HOOK, "announce").await.status,
            "pending"
        );
        let (_, html) = page(app, &comms, &location).await;
        assert!(html.contains("weer in de wachtrij"), "{html}");
        assert_eq!(html.matches(">Opnieuw proberen<").count(), 1, "{html}");
        assert_eq!(audit_count(app, "channel_post.retry").await, 1);
        // A post that is not failed is refused on the page.
        let res = submit(app, &comms, &retry_path, &[("_csrf", comms.csrf.as_str())]).await;
        assert_eq!(res.status(), 409);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Alleen een mislukt bericht")
        );

        // A reminder through the form; a second one is refused on the page with the reason.
        let remind_path = format!("/staff/polls/{SLUG}/reminders");
        let form = [("_csrf", comms.csrf.as_str()), ("channel", HOOK)];
        let res = submit(app, &comms, &remind_path, &form).await;
        assert_eq!(res.status(), 303);
        let location = res.headers()["location"].to_str().unwrap().to_owned();
        let (_, html) = page(app, &comms, &location).await;
        assert!(
            html.contains("De herinnering op webhook-velsen wordt geplaatst"),
            "{html}"
        );
        assert!(html.contains("Herinnering</td>"), "{html}");
        let res = submit(app, &comms, &remind_path, &form).await;
        assert_eq!(res.status(), 409);
        let html = res.text().await.unwrap();
        assert!(html.contains("role=\"alert\""), "{html}");
        assert!(
            html.contains("had al een herinnering op kanaal webhook-velsen"),
            "{html}"
        );
        let res = submit(app, &comms, &remind_path, &[("channel", HOOK)]).await;
        assert_eq!(res.status(), 403, "no CSRF token");
        assert_eq!(audit_count(app, "poll.reminder").await, 1);

        // A native poll's counts are shown apart, as the platform's own source; 0 is a count.
        let mastodon_id = post_on(app, &poll, MASTODON, "announce").await.id;
        let tally = NativeTally {
            options: vec![
                NativeOption {
                    title: "Met de fiets".into(),
                    votes: Some(12),
                },
                NativeOption {
                    title: "Met de bus".into(),
                    votes: Some(0),
                },
            ],
            voters: Some(12),
            expired: true,
        };
        app.store
            .record_native_tally(mastodon_id, &tally, Utc::now())
            .await
            .unwrap();
        let (_, html) = page(app, &analyst, &posts_path).await;
        let native = html
            .split("<section aria-labelledby=\"native-heading\"")
            .nth(1)
            .unwrap_or_else(|| panic!("no native poll section: {html}"));
        assert!(
            native.contains("Stemmen in de eigen peiling van het platform op mastodon-velsen"),
            "{native}"
        );
        assert!(
            native.contains("<th scope=\"row\">Met de fiets</th><td>12</td>"),
            "{native}"
        );
        assert!(
            native.contains("<th scope=\"row\">Met de bus</th><td>0</td>"),
            "{native}"
        );
        assert!(native.contains("12 accounts hebben gestemd."), "{native}");
    }
);

on_both_backends!(
    the_schedule_page_offers_the_channels_and_previews_their_posts,
    |backend| async move {
        let p = posts_app(backend, 2).await;
        let app = &p.app;
        draft(&app.store, "nog-concept", &["velsen"]).await;
        let comms = login(app, &p.users[1].1, PASSWORD).await;
        let path = "/staff/polls/nog-concept/schedule";

        let (status, html) = page(app, &comms, path).await;
        assert_eq!(status, 200);
        assert!(
            html.contains("<legend>Kanalen waarop de peiling verschijnt</legend>"),
            "{html}"
        );
        for channel in [HOOK, MASTODON] {
            assert!(
                html.contains(&format!(
                    "<input type=\"checkbox\" id=\"channel-{channel}\" name=\"channels\" value=\"{channel}\">"
                )),
                "{channel} unchecked: {html}"
            );
            let link = format!("https://peiling.example.nl/p/nog-concept?c={channel}");
            assert!(html.contains(&link), "{channel} preview: {html}");
        }
        assert!(
            html.contains("<pre class=\"post-preview\" lang=\"nl\">"),
            "{html}"
        );

        // Ticking both schedules the poll on both.
        let opens = Utc::now() + TimeDelta::days(200);
        let fmt = |t: chrono::DateTime<Utc>| {
            t.with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let (opens_at, closes_at) = (fmt(opens), fmt(opens + TimeDelta::days(7)));
        let form = [
            ("_csrf", comms.csrf.as_str()),
            ("opens", opens_at.as_str()),
            ("closes", closes_at.as_str()),
            ("channels", HOOK),
            ("channels", MASTODON),
        ];
        let res = submit(app, &comms, path, &form).await;
        assert_eq!(res.status(), 303, "{:?}", res.text().await);
        let poll = app
            .store
            .poll_by_slug("nog-concept")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(poll.state, PollState::Scheduled);
        assert_eq!(
            app.store.poll_channels(poll.id).await.unwrap(),
            [MASTODON, HOOK]
        );

        // The form shows the poll's channels checked; one that is no longer configured stays,
        // marked.
        let now = Utc::now();
        placed(
            &app.store,
            "al-gepland",
            &["heemskerk"],
            PollState::Scheduled,
            now + TimeDelta::days(300),
            now + TimeDelta::days(307),
            &[HOOK, "qr-oud"],
        )
        .await;
        let path = "/staff/polls/al-gepland/schedule";
        let (_, html) = page(app, &comms, path).await;
        assert!(
            html.contains(&format!(
                "id=\"channel-{HOOK}\" name=\"channels\" value=\"{HOOK}\" checked>"
            )),
            "{html}"
        );
        assert!(
            html.contains(&format!(
                "id=\"channel-{MASTODON}\" name=\"channels\" value=\"{MASTODON}\">"
            )),
            "{html}"
        );
        assert!(
            html.contains("value=\"qr-oud\" checked> <label for=\"channel-qr-oud\">qr-oud (niet ingesteld)</label>"),
            "{html}"
        );
    }
);
