//! A fake Mastodon server that behaves as the documentation says (docs.joinmastodon.org):
//!
//! - `POST /api/v1/statuses` (form fields `status`, `visibility`, `language`, `in_reply_to_id`,
//!   `poll[options][]`, `poll[expires_in]`, `poll[multiple]`): `200` with the Status; `401
//!   {"error":"The access token is invalid"}`; `422 {"error":"Validation failed: …"}` for a blank
//!   or too long text (URLs count `characters_reserved_per_url`), bad visibility, or a poll
//!   outside the limits; `404 {"error":"Record not found"}` for an unknown `in_reply_to_id`.
//!   `Idempotency-Key`: the same key from the same account returns the first status and posts
//!   nothing.
//! - Rate limits: every answer carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and
//!   `X-RateLimit-Reset` (ISO 8601); a status beyond the budget gets `429 {"error":"Too many
//!   requests"}`.
//! - `GET /api/v2/instance` with `configuration.statuses` and `configuration.polls`;
//!   `GET /api/v1/accounts/verify_credentials`; `GET /api/v1/polls/{id}`.
//!
//! Faults a test can queue for the next status post: a `5xx`, the connection dropped after the
//! status was created, or an answer that comes too late after it was created.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::server::{self, Reply, Request, TestServer};

pub const TOKEN: &str = "mastodon-token-0123456789abcdef";

/// A fault for the next `POST /api/v1/statuses`.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer with this status and an HTML body, as a proxy in front of Mastodon does.
    ServerError(u16),
    /// Create the status, then close the connection without answering.
    DropAfterAccept,
    /// Create the status, then answer nothing for this long.
    HangAfterAccept(Duration),
    /// Refuse the token, echoing it in the message (some servers echo what they were sent).
    EchoToken,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub max_characters: usize,
    pub characters_reserved_per_url: usize,
    pub max_options: usize,
    pub max_characters_per_option: usize,
    pub min_expiration: u64,
    pub max_expiration: u64,
    /// Status posts allowed per window.
    pub status_budget: u32,
    /// When the window resets, from the server's start.
    pub window: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_characters: 500,
            characters_reserved_per_url: 23,
            max_options: 4,
            max_characters_per_option: 50,
            min_expiration: 300,
            max_expiration: 2_629_746,
            status_budget: 300,
            window: Duration::from_secs(3 * 3600),
        }
    }
}

#[derive(Debug, Default)]
pub struct State {
    /// Every status created, in order.
    pub statuses: Vec<Value>,
    pub polls: HashMap<String, Value>,
    idempotency: HashMap<String, Value>,
    pub faults: VecDeque<Fault>,
    /// Every request received, in order.
    pub requests: Vec<Request>,
    used: u32,
}

pub struct FakeMastodon {
    pub server: TestServer,
    pub state: Arc<Mutex<State>>,
    pub config: Config,
}

impl FakeMastodon {
    pub async fn start(config: Config) -> FakeMastodon {
        let state = Arc::new(Mutex::new(State::default()));
        let reset_at = Utc::now() + chrono::Duration::from_std(config.window).unwrap();
        let (s, c) = (state.clone(), config.clone());
        let server = server::start(Arc::new(move |req| handle(&s, &c, reset_at, req))).await;
        FakeMastodon {
            server,
            state,
            config,
        }
    }

    pub fn url(&self) -> String {
        self.server.url()
    }

    pub fn fault(&self, fault: Fault) {
        self.state.lock().unwrap().faults.push_back(fault);
    }

    pub fn statuses(&self) -> Vec<Value> {
        self.state.lock().unwrap().statuses.clone()
    }

    pub fn requests(&self) -> Vec<Request> {
        self.state.lock().unwrap().requests.clone()
    }

    /// Casts `n` votes for option `index` of poll `id`.
    pub fn vote(&self, id: &str, index: usize, n: u64) {
        let mut state = self.state.lock().unwrap();
        let poll = state.polls.get_mut(id).unwrap();
        let option = &mut poll["options"][index];
        option["votes_count"] = json!(option["votes_count"].as_u64().unwrap() + n);
        poll["votes_count"] = json!(poll["votes_count"].as_u64().unwrap() + n);
        poll["voters_count"] = json!(poll["voters_count"].as_u64().unwrap() + n);
    }
}

fn error(status: u16, message: &str) -> Reply {
    Reply::json(status, json!({ "error": message }))
}

fn rate_headers(reply: Reply, config: &Config, used: u32, reset_at: DateTime<Utc>) -> Reply {
    reply
        .with_header("X-RateLimit-Limit", &config.status_budget.to_string())
        .with_header(
            "X-RateLimit-Remaining",
            &config.status_budget.saturating_sub(used).to_string(),
        )
        .with_header(
            "X-RateLimit-Reset",
            &reset_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        )
}

fn handle(state: &Mutex<State>, config: &Config, reset_at: DateTime<Utc>, req: Request) -> Reply {
    let mut state = state.lock().unwrap();
    state.requests.push(req.clone());
    let authorized = req.header("authorization") == Some(&format!("Bearer {TOKEN}"));
    match (req.method.as_str(), req.path.as_str()) {
        ("GET", "/api/v2/instance") => Reply::json(
            200,
            json!({
                "domain": "social.example.nl",
                "title": "Fake Mastodon",
                "version": "4.3.0",
                "configuration": {
                    "statuses": {
                        "max_characters": config.max_characters,
                        "max_media_attachments": 4,
                        "characters_reserved_per_url": config.characters_reserved_per_url
                    },
                    "polls": {
                        "max_options": config.max_options,
                        "max_characters_per_option": config.max_characters_per_option,
                        "min_expiration": config.min_expiration,
                        "max_expiration": config.max_expiration
                    }
                }
            }),
        ),
        ("GET", "/api/v1/accounts/verify_credentials") => {
            if !authorized {
                return error(401, "The access token is invalid");
            }
            Reply::json(
                200,
                json!({"id": "1", "username": "flits", "acct": "flits", "display_name": "Flits"}),
            )
        }
        ("GET", path) if path.starts_with("/api/v1/polls/") => {
            let id = &path["/api/v1/polls/".len()..];
            match state.polls.get(id) {
                Some(poll) => Reply::json(200, poll.clone()),
                None => error(404, "Record not found"),
            }
        }
        ("POST", "/api/v1/statuses") => {
            let fault = state.faults.pop_front();
            if let Some(Fault::ServerError(status)) = fault {
                return Reply::Respond {
                    status,
                    headers: vec![("Content-Type".into(), "text/html".into())],
                    body: format!(
                        "<html><body><h1>{status}</h1>We're sorry, but something went wrong on our end.</body></html>"
                    ),
                };
            }
            if let Some(Fault::EchoToken) = fault {
                let sent = req.header("authorization").unwrap_or_default().to_owned();
                return error(401, &format!("The access token is invalid: {sent}"));
            }
            if !authorized {
                return error(401, "The access token is invalid");
            }
            if let Some(key) = req.header("idempotency-key")
                && let Some(status) = state.idempotency.get(key)
            {
                let used = state.used;
                return rate_headers(Reply::json(200, status.clone()), config, used, reset_at);
            }
            if state.used >= config.status_budget {
                let used = state.used;
                return rate_headers(error(429, "Too many requests"), config, used, reset_at);
            }
            let status = match create_status(&mut state, config, &req) {
                Ok(status) => status,
                Err(reply) => return reply,
            };
            state.used += 1;
            if let Some(key) = req.header("idempotency-key") {
                state.idempotency.insert(key.to_owned(), status.clone());
            }
            let used = state.used;
            match fault {
                Some(Fault::DropAfterAccept) => Reply::Drop,
                Some(Fault::HangAfterAccept(d)) => Reply::Hang(d),
                _ => rate_headers(Reply::json(200, status), config, used, reset_at),
            }
        }
        _ => error(404, "Record not found"),
    }
}

/// Mastodon's count: URLs weigh `characters_reserved_per_url`, everything else one per character.
fn mastodon_length(text: &str, url_weight: usize) -> usize {
    let mut total = 0;
    let mut word = String::new();
    let flush = |word: &mut String, total: &mut usize| {
        if word.starts_with("http://") || word.starts_with("https://") {
            *total += url_weight;
        } else {
            *total += word.chars().count();
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_whitespace() {
            flush(&mut word, &mut total);
            total += 1;
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut total);
    total
}

fn create_status(state: &mut State, config: &Config, req: &Request) -> Result<Value, Reply> {
    let text = req.field("status").unwrap_or_default();
    if text.trim().is_empty() {
        return Err(error(422, "Validation failed: Text can't be blank"));
    }
    if mastodon_length(&text, config.characters_reserved_per_url) > config.max_characters {
        return Err(error(
            422,
            &format!(
                "Validation failed: Text character limit of {} exceeded",
                config.max_characters
            ),
        ));
    }
    let visibility = req.field("visibility").unwrap_or_else(|| "public".into());
    if !["public", "unlisted", "private", "direct"].contains(&visibility.as_str()) {
        return Err(error(
            422,
            "Validation failed: Visibility is not included in the list",
        ));
    }
    let in_reply_to = req.field("in_reply_to_id");
    if let Some(id) = &in_reply_to
        && !state.statuses.iter().any(|s| s["id"] == json!(id))
    {
        return Err(error(404, "Record not found"));
    }
    let id = format!("1130{:014}", state.statuses.len() + 1);
    let options = req.fields("poll[options][]");
    let poll = if options.is_empty() {
        Value::Null
    } else {
        if options.len() < 2 || options.len() > config.max_options {
            return Err(error(
                422,
                &format!(
                    "Validation failed: Poll must have at least 2 options and at most {}",
                    config.max_options
                ),
            ));
        }
        if options
            .iter()
            .any(|o| o.chars().count() > config.max_characters_per_option)
        {
            return Err(error(
                422,
                &format!(
                    "Validation failed: Poll options cannot be longer than {} characters",
                    config.max_characters_per_option
                ),
            ));
        }
        let expires: u64 = req
            .field("poll[expires_in]")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if expires < config.min_expiration || expires > config.max_expiration {
            return Err(error(
                422,
                "Validation failed: Poll expiration is out of range",
            ));
        }
        let poll_id = format!("{}", 34000 + state.polls.len() + 1);
        let poll = json!({
            "id": poll_id,
            "expires_at": (Utc::now() + chrono::Duration::seconds(expires as i64)).to_rfc3339(),
            "expired": false,
            "multiple": req.field("poll[multiple]").as_deref() == Some("true"),
            "votes_count": 0,
            "voters_count": 0,
            "options": options.iter().map(|o| json!({"title": o, "votes_count": 0})).collect::<Vec<_>>(),
            "emojis": []
        });
        state.polls.insert(poll_id, poll.clone());
        poll
    };
    let status = json!({
        "id": id,
        "created_at": Utc::now().to_rfc3339(),
        "in_reply_to_id": in_reply_to,
        "sensitive": false,
        "spoiler_text": "",
        "visibility": visibility,
        "language": req.field("language"),
        "uri": format!("https://social.example.nl/users/flits/statuses/{id}"),
        "url": format!("https://social.example.nl/@flits/{id}"),
        "content": format!("<p>{}</p>", text),
        "poll": poll,
        "account": {"id": "1", "username": "flits", "acct": "flits"}
    });
    state.statuses.push(status.clone());
    Ok(status)
}
