//! Security on the network side (issue 14): the client address behind reverse proxies, login
//! throttling without lock-outs or tell-tales, HSTS and `no-store`, absolute links from the public
//! URL only, `/metrics` kept from the public, slow bodies, capped error lists, and `405` for
//! methods a staff route does not have.

use std::time::{Duration, Instant};

use flits::settings::Settings;
use flits::startup::{Application, Service};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::{PASSWORD, login, staff_fixture, try_login};

/// Lets the per-poll cap be the only limit a test meets.
fn only_the_cap(s: &mut Settings) {
    s.collector.responses_per_address_per_poll = 50;
    s.collector.submit_burst_per_address = 100_000;
    s.collector.submits_per_address_per_minute = 100_000;
}

fn trust(s: &mut Settings, proxies: &[&str]) {
    s.collector.trusted_proxies =
        flits_http::TrustedProxies::parse(proxies.iter().copied()).unwrap();
}

/// A JSON submit of valid answers with one extra header.
async fn submit_with(app: &TestApp, id: &str, header: (&str, &str)) -> reqwest::StatusCode {
    app.client
        .post(format!("{}/api/v1/polls/demo/responses", app.address))
        .header(header.0, header.1)
        .json(&json!({"submission_id": id, "answers":
            {"tevreden": 4, "meer": ["bomen"], "helpen": "ja"}}))
        .send()
        .await
        .unwrap()
        .status()
}

/// How many of `statuses` are `201 Created`.
fn created(statuses: &[reqwest::StatusCode]) -> usize {
    statuses.iter().filter(|s| s.as_u16() == 201).count()
}

on_both_backends!(
    spoofed_forwarded_headers_from_an_untrusted_peer_are_ignored,
    |backend| async move {
        let db = TestDb::new(backend).await;
        // Proxies are trusted, but the test's peer (127.0.0.1) is not one of them.
        let app = spawn_app_on(db, |s| {
            only_the_cap(s);
            trust(s, &["10.0.0.0/8", "192.0.2.0/24"]);
        })
        .await;
        flits::demo::prepare(&app.store).await.unwrap();
        let mut statuses = Vec::new();
        for i in 0..1000u32 {
            let forged = format!("198.51.{}.{}", i / 250, i % 250 + 1);
            let header = if i % 2 == 0 {
                ("x-forwarded-for", forged)
            } else {
                ("forwarded", format!("for={forged}"))
            };
            statuses.push(submit_with(&app, &format!("spoof-{i}"), (header.0, &header.1)).await);
        }
        // One address, one cap: 50 of 1,000, not 1,000.
        assert_eq!(created(&statuses), 50);
        assert!(statuses[50..].iter().all(|s| s.as_u16() == 429));
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 50);
    }
);

on_both_backends!(
    behind_a_trusted_proxy_the_rightmost_untrusted_address_is_the_client,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            only_the_cap(s);
            trust(s, &["127.0.0.1", "10.0.0.0/8"]);
        })
        .await;
        flits::demo::prepare(&app.store).await.unwrap();
        // The resident prepends whatever it likes; the proxies append the real address and
        // their own hops.
        let mut statuses = Vec::new();
        for i in 0..60u32 {
            let chain = format!("203.0.113.{}, 198.51.100.7, 10.1.0.{}", i + 1, i + 1);
            statuses.push(submit_with(&app, &format!("c-{i}"), ("x-forwarded-for", &chain)).await);
        }
        assert_eq!(created(&statuses), 50, "{statuses:?}");
        assert_eq!(
            submit_with(&app, "c-other", ("x-forwarded-for", "198.51.100.8")).await,
            201,
            "another resident has a cap of their own"
        );
        // IPv6: one /64 is one household, whichever of its addresses it uses.
        let mut statuses = Vec::new();
        for i in 0..55u32 {
            let ip = format!("2001:db8:1:2::{:x}", i + 1);
            statuses.push(submit_with(&app, &format!("v6-{i}"), ("x-forwarded-for", &ip)).await);
        }
        assert_eq!(created(&statuses), 50);
        assert_eq!(
            submit_with(&app, "v6-other", ("x-forwarded-for", "2001:db8:1:3::1")).await,
            201
        );
        // Forwarded is not believed unless configured.
        assert_eq!(
            submit_with(&app, "fwd", ("forwarded", "for=198.51.100.99")).await,
            201,
            "counted as the proxy itself, whose cap is untouched"
        );
        assert_eq!(
            submit_with(&app, "fwd-2", ("forwarded", "for=198.51.100.7")).await,
            201,
            "not as 198.51.100.7, whose cap is used up"
        );
    }
);

on_both_backends!(
    the_forwarded_header_is_read_when_configured,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            only_the_cap(s);
            trust(s, &["127.0.0.1"]);
            s.collector.forwarded_header = flits_http::ForwardedHeader::Forwarded;
        })
        .await;
        flits::demo::prepare(&app.store).await.unwrap();
        let mut statuses = Vec::new();
        for i in 0..51u32 {
            let value = format!("for=203.0.113.{i};proto=https, for=\"[2001:db8:5::1]:4711\"");
            statuses.push(submit_with(&app, &format!("f-{i}"), ("forwarded", &value)).await);
        }
        assert_eq!(created(&statuses), 50);
        // X-Forwarded-For is not read now: the proxy's own address has its cap untouched.
        assert_eq!(
            submit_with(&app, "x", ("x-forwarded-for", "2001:db8:5::1")).await,
            201
        );
    }
);

#[test]
fn an_old_configuration_with_trust_forwarded_for_is_told_what_replaced_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("flits.toml");
    std::fs::write(&file, "[collector]\ntrust_forwarded_for = true\n").unwrap();
    let err = Settings::load(Some(&file)).unwrap_err().to_string();
    assert!(
        err.contains("collector.trust_forwarded_for")
            && err.contains("trusted_proxies")
            && err.contains(&file.display().to_string()),
        "{err}"
    );
    std::fs::write(&file, "[staff]\nlockout_minutes = 15\n").unwrap();
    let err = Settings::load(Some(&file)).unwrap_err().to_string();
    assert!(err.contains("max_login_delay_minutes"), "{err}");
    std::fs::write(&file, "[collector]\ntrusted_proxies = [\"0.0.0.0/0\"]\n").unwrap();
    let err = Settings::load(Some(&file)).unwrap_err().to_string();
    assert!(
        err.contains("trusted_proxies") && err.contains("every address"),
        "{err}"
    );
    std::fs::write(
        &file,
        "[collector]\ntrusted_proxies = [\"10.0.0.0/8\", \"2001:db8::/32\"]\nforwarded_header = \"forwarded\"\n",
    )
    .unwrap();
    let settings = Settings::load(Some(&file)).unwrap();
    assert_eq!(
        settings.collector.trusted_proxies.to_string(),
        "10.0.0.0/8, 2001:db8::/32"
    );
}

/// The error message of a login page, if it shows one.
fn login_error(html: &str) -> Option<String> {
    let start = html.find("id=\"login-error\">")? + "id=\"login-error\">".len();
    Some(html[start..].split("</p>").next()?.to_owned())
}

/// What a login attempt answered: status, `Retry-After`, the message.
async fn attempt(app: &TestApp, email: &str, password: &str) -> (u16, Option<String>, String) {
    let res = try_login(app, email, password).await;
    let status = res.status().as_u16();
    let wait = res
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    let message = login_error(&res.text().await.unwrap()).unwrap_or_default();
    (status, wait, message)
}

on_both_backends!(
    logins_slow_down_alike_for_known_and_unknown_addresses_and_never_lock_out,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            s.staff.max_failed_logins = 2;
            s.staff.login_delay_seconds = 1;
            s.staff.max_login_delay_minutes = 1;
            s.staff.login_attempts_per_minute = 1000;
        })
        .await;
        let users = staff_fixture(&app).await;
        let admin = users[2].1.clone();
        let nobody = "niemand@velsen.example";

        // Two free failures; the second starts the first wait. Each step answers the same for
        // the admin and for an address without an account.
        let mut seen = Vec::new();
        for who in [admin.as_str(), nobody] {
            let first = attempt(&app, who, "wrong password 1").await;
            let second = attempt(&app, who, "wrong password 2").await;
            // The right password too is refused during the wait, unchecked.
            let during = attempt(&app, who, if who == nobody { "x" } else { PASSWORD }).await;
            seen.push((first, second, during));
        }
        assert_eq!(
            seen[0], seen[1],
            "known and unknown addresses must look alike"
        );
        let (first, second, during) = &seen[0];
        assert_eq!(first.0, 401);
        assert!(
            first.1.is_none() && first.2.contains("klopt niet"),
            "{first:?}"
        );
        assert_eq!(second.0, 401);
        assert_eq!(second.1.as_deref(), Some("1"));
        assert!(second.2.contains("1 seconde"), "{second:?}");
        assert_eq!(during.0, 429);
        assert_eq!(during.1.as_deref(), Some("1"));
        assert!(
            during.2.contains("mislukte pogingen met dit e-mailadres")
                && !during.2.contains("geblokkeerd"),
            "{during:?}"
        );

        // After the wait: one more failure doubles it…
        tokio::time::sleep(Duration::from_millis(1200)).await;
        let known = attempt(&app, &admin, "wrong password 3").await;
        let unknown = attempt(&app, nobody, "wrong password 3").await;
        assert_eq!(known, unknown);
        assert_eq!(known.1.as_deref(), Some("2"));
        // …and the right password after that wait logs the admin in: no lock-out.
        tokio::time::sleep(Duration::from_millis(2200)).await;
        let s = login(&app, &admin, PASSWORD).await;
        assert!(!s.csrf.is_empty());
        // The count starts afresh.
        assert_eq!(attempt(&app, &admin, "wrong").await.0, 401);
        assert_eq!(attempt(&app, &admin, "wrong").await.1.as_deref(), Some("1"));

        // The audit log has logins, failures and waits, names the account, and never holds a
        // password or an address without an account.
        let entries = app.store.audit_entries(500).await.unwrap();
        let of = |action: &str| {
            entries
                .iter()
                .filter(|e| e.action == action)
                .collect::<Vec<_>>()
        };
        assert!(
            of("user.login")
                .iter()
                .any(|e| e.actor_email.as_deref() == Some(admin.as_str()))
        );
        let failed = of("user.login_failed");
        assert!(failed.iter().any(|e| e.details["account"] == json!(admin)));
        assert!(failed.iter().any(|e| e.details["account"].is_null()));
        let throttled = of("user.login_throttled");
        assert!(
            throttled
                .iter()
                .any(|e| e.details["account"] == json!(admin) && e.details["by"] == "account")
        );
        assert!(throttled.iter().any(|e| e.details["account"].is_null()));
        for e in &entries {
            let text = format!("{:?} {}", e.actor_email, e.details);
            assert!(
                !text.contains("niemand") && !text.contains("wrong password"),
                "{text}"
            );
            assert!(!text.contains(PASSWORD), "{text}");
        }
    }
);

on_both_backends!(
    the_login_limit_counts_the_client_behind_the_proxy_and_an_ipv6_slash_64,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| {
            trust(s, &["127.0.0.1"]);
            s.staff.login_attempts_per_minute = 3;
        })
        .await;
        let users = staff_fixture(&app).await;
        let from = |ip: &'static str, email: &'static str| {
            let app = &app;
            async move {
                let page = app.get("/staff/login").await;
                let cookie = page
                    .headers()
                    .get_all("set-cookie")
                    .iter()
                    .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
                    .find(|c| c.starts_with("flits_login_csrf="))
                    .unwrap();
                let csrf = cookie.split_once('=').unwrap().1.to_owned();
                app.client
                    .post(format!("{}/staff/login", app.address))
                    .header("cookie", cookie)
                    .header("x-forwarded-for", ip)
                    .form(&[("email", email), ("password", "x"), ("_csrf", &csrf)])
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            }
        };
        // (A different address per client, so no account's own wait gets in the way.)
        for _ in 0..3 {
            assert_eq!(from("198.51.100.7", "a@example.org").await, 401);
        }
        assert_eq!(from("198.51.100.7", "a@example.org").await, 429);
        assert_eq!(
            from("198.51.100.8", "b@example.org").await,
            401,
            "another client, its own limit"
        );
        for _ in 0..3 {
            assert_eq!(from("2001:db8:7:7::1", "c@example.org").await, 401);
        }
        assert_eq!(
            from("2001:db8:7:7:ffff::2", "d@example.org").await,
            429,
            "same /64"
        );
        assert_eq!(from("2001:db8:7:8::1", "e@example.org").await, 401);
        // The staff member is not bothered by someone else's attempts.
        let res = try_login(&app, &users[0].1, PASSWORD).await;
        assert_eq!(res.status(), 303);
        // The refusal is in the audit log, without an address.
        let entries = app.store.audit_entries(100).await.unwrap();
        let refusals: Vec<_> = entries
            .iter()
            .filter(|e| e.action == "user.login_throttled" && e.details["by"] == "client")
            .collect();
        assert_eq!(refusals.len(), 2, "{refusals:?}");
        assert!(
            refusals
                .iter()
                .all(|e| !e.details.to_string().contains("198.51")
                    && !e.details.to_string().contains("2001:db8"))
        );
    }
);

on_both_backends!(
    hsts_follows_the_public_url_and_the_staff_api_is_never_cached,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let res = app.get("/healthz").await;
        assert_eq!(
            res.headers()["strict-transport-security"],
            "max-age=31536000"
        );
        for token in [Some(users[2].2.as_str()), None] {
            let mut req = app.client.get(format!("{}/api/v1/admin/me", app.address));
            if let Some(t) = token {
                req = req.bearer_auth(t);
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), if token.is_some() { 200 } else { 401 });
            assert_eq!(res.headers()["cache-control"], "no-store");
        }
        let res = app
            .client
            .get(format!(
                "{}/api/v1/admin/polls/demo/export?format=csv",
                app.address
            ))
            .bearer_auth(&users[2].2)
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["cache-control"], "no-store");

        let db = TestDb::new(backend).await;
        let plain = spawn_app_on(db, |s| s.public_url = String::new()).await;
        let res = plain.get("/healthz").await;
        assert!(!res.headers().contains_key("strict-transport-security"));
    }
);

on_both_backends!(
    absolute_links_come_from_the_public_url_never_from_the_request,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        let s = login(&app, &users[1].1, PASSWORD).await;
        let res = app
            .client
            .post(format!("{}/staff/calendar/feed", app.address))
            .header("cookie", &s.cookie)
            .header("x-forwarded-host", "evil.example")
            .header("x-forwarded-proto", "http")
            .header("forwarded", "host=evil.example;proto=http")
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
            .replace("&#x3D;", "=");
        assert!(
            url.starts_with("https://peiling.example.nl/calendar.ics?token="),
            "{url}"
        );
        let builder = app
            .client
            .get(format!("{}/staff/polls/new", app.address))
            .header("cookie", &s.cookie)
            .header("x-forwarded-host", "evil.example")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!builder.contains("evil.example"));
        assert!(builder.contains("peiling.example.nl"));
    }
);

on_both_backends!(
    metrics_answer_only_loopback_and_trusted_proxies,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| trust(s, &["127.0.0.1"])).await;
        // This machine, directly: yes.
        let res = app.get("/metrics").await;
        assert_eq!(res.status(), 200);
        // Someone on the internet, through the trusted proxy: as if there were nothing.
        let res = app
            .client
            .get(format!("{}/metrics", app.address))
            .header("x-forwarded-for", "203.0.113.5")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404);
        assert!(!res.text().await.unwrap().contains("flits_"));
    }
);

on_both_backends!(
    with_metrics_bind_metrics_live_only_on_their_own_port,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let mut settings = test_settings(&db);
        settings.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
        let app = Application::build(&settings, &Service::ALL, true)
            .await
            .unwrap();
        let (port, metrics_port) = (app.port(), app.metrics_port().unwrap());
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::new();
        let main = client
            .get(format!("http://127.0.0.1:{port}/metrics"))
            .send()
            .await
            .unwrap();
        assert_eq!(main.status(), 404);
        let apart = client
            .get(format!("http://127.0.0.1:{metrics_port}/metrics"))
            .send()
            .await
            .unwrap();
        assert_eq!(apart.status(), 200);
        assert!(
            apart
                .text()
                .await
                .unwrap()
                .contains("flits_http_requests_total")
        );
        let ready = client
            .get(format!("http://127.0.0.1:{metrics_port}/readyz"))
            .send()
            .await
            .unwrap();
        assert_eq!(ready.status(), 200);
        drop(db);
    }
);

on_both_backends!(
    a_body_sent_a_byte_at_a_time_is_cut_off,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let app = spawn_app_on(db, |s| s.body_timeout_seconds = 2).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let addr = app.address.trim_start_matches("http://").to_owned();
        let stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
        let (mut reader, mut writer) = stream.into_split();
        let head = format!(
            "POST /api/v1/polls/demo/responses HTTP/1.1\r\nHost: {addr}\r\n\
             Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{"
        );
        writer.write_all(head.as_bytes()).await.unwrap();
        // One byte every half second, for as long as the server listens.
        let trickle = tokio::spawn(async move {
            for _ in 0..120 {
                tokio::time::sleep(Duration::from_millis(500)).await;
                if writer.write_all(b" ").await.is_err() {
                    break;
                }
            }
        });
        let started = Instant::now();
        let mut answer = Vec::new();
        let ended = tokio::time::timeout(Duration::from_secs(20), async {
            let mut buf = [0u8; 4096];
            loop {
                match reader.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => answer.extend_from_slice(&buf[..n]),
                }
            }
        })
        .await;
        trickle.abort();
        assert!(ended.is_ok(), "the connection was still open after 20 s");
        let took = started.elapsed();
        assert!(took < Duration::from_secs(6), "held for {took:?}");
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
            "{answer}"
        );
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        assert_eq!(app.store.count_responses(poll.id).await.unwrap(), 0);
        // A normal submit still works.
        assert_eq!(
            submit_with(&app, "after", ("accept-language", "nl")).await,
            201
        );
    }
);

on_both_backends!(
    a_reply_lists_at_most_twenty_errors_and_says_how_many_more,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let mut answers = serde_json::Map::new();
        answers.insert("tevreden".into(), json!(4));
        answers.insert("meer".into(), json!(["bomen"]));
        answers.insert("helpen".into(), json!("ja"));
        for i in 0..300 {
            answers.insert(format!("x{i}"), json!("a"));
        }
        let res = app
            .client
            .post(format!("{}/api/v1/polls/demo/responses", app.address))
            .json(&json!({"submission_id": "many-errors", "answers": answers}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "invalid_answers");
        assert_eq!(
            body["error"]["details"]["errors"].as_array().unwrap().len(),
            20
        );
        assert_eq!(body["error"]["details"]["more"], 280);
    }
);

on_both_backends!(
    head_and_options_on_a_staff_route_answer_405_with_allow,
    |backend| async move {
        let app = spawn_app(backend).await;
        let res = app
            .client
            .head(format!("{}/staff/login", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 405);
        assert_eq!(res.headers()["allow"], "GET, POST");
        let res = app
            .client
            .request(
                reqwest::Method::OPTIONS,
                format!("{}/api/v1/admin/polls", app.address),
            )
            .header("accept-language", "en")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 405);
        assert_eq!(res.headers()["allow"], "GET, POST");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "method_not_allowed");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("OPTIONS")
        );
    }
);
