//! A fake X API v2 (docs.x.com): `POST /2/tweets`, `GET /2/tweets/{id}` (with the poll expanded)
//! and `GET /2/users/me`, each checking the OAuth
//! 1.0a signature (HMAC-SHA1 over the method, the URL and the sorted oauth_* and query
//! parameters, keyed with the consumer and token secrets; a JSON body is not signed). A bad
//! signature gets `401` with a problem document; a tweet whose text the account already posted gets
//! `403` "duplicate content", as X does; every answer carries `x-rate-limit-limit`, `-remaining`
//! and `-reset` (Unix seconds), and the tweet budget's end is `429`.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex};

use base64::Engine;
use hmac::{Hmac, Mac};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde_json::{Value, json};
use sha1::Sha1;

use super::server::{self, Reply, Request, TestServer};

pub const API_KEY: &str = "xapikey-AAAA1111";
pub const API_SECRET: &str = "xapisecret-BBBB2222";
pub const ACCESS_TOKEN: &str = "12345-xaccesstoken-CCCC3333";
pub const ACCESS_SECRET: &str = "xaccesssecret-DDDD4444";

#[derive(Debug, Clone)]
pub enum Fault {
    ServerError(u16),
    DropAfterAccept,
}

#[derive(Debug, Default)]
pub struct State {
    pub tweets: Vec<Value>,
    pub requests: Vec<Request>,
    pub faults: VecDeque<Fault>,
    pub budget: Option<u32>,
    used: u32,
}

pub struct FakeX {
    pub server: TestServer,
    pub state: Arc<Mutex<State>>,
}

impl FakeX {
    pub async fn start(budget: Option<u32>) -> FakeX {
        let state = Arc::new(Mutex::new(State {
            budget,
            ..State::default()
        }));
        let s = state.clone();
        let server = server::start(Arc::new(move |req| handle(&s, req))).await;
        FakeX { server, state }
    }

    pub fn url(&self) -> String {
        self.server.url()
    }

    pub fn fault(&self, fault: Fault) {
        self.state.lock().unwrap().faults.push_back(fault);
    }

    pub fn tweets(&self) -> Vec<Value> {
        self.state.lock().unwrap().tweets.clone()
    }

    /// Casts `n` votes for option `index` of the poll on tweet `id`.
    pub fn vote(&self, id: &str, index: usize, n: u64) {
        let mut state = self.state.lock().unwrap();
        let tweet = state
            .tweets
            .iter_mut()
            .find(|t| t["id"] == json!(id))
            .unwrap();
        let votes = &mut tweet["votes"][index];
        *votes = json!(votes.as_u64().unwrap() + n);
    }

    /// Ends the poll on tweet `id`.
    pub fn close_poll(&self, id: &str) {
        let mut state = self.state.lock().unwrap();
        let tweet = state
            .tweets
            .iter_mut()
            .find(|t| t["id"] == json!(id))
            .unwrap();
        tweet["voting_status"] = json!("closed");
    }
}

/// `GET /2/tweets/{id}`: the tweet, and with `expansions=attachments.poll_ids` its poll in
/// `includes.polls` (with `poll.fields=voting_status` its status). An unknown id is `200` with an
/// `errors` array, as X answers.
fn lookup(state: &State, id: &str, query: &str) -> Reply {
    let Some(tweet) = state.tweets.iter().find(|t| t["id"] == json!(id)) else {
        return Reply::json(
            200,
            json!({"errors": [{
                "value": id, "detail": format!("Could not find tweet with id: [{id}]."),
                "title": "Not Found Error", "resource_type": "tweet", "parameter": "id",
                "resource_id": id, "type": "https://api.twitter.com/2/problems/resource-not-found"
            }]}),
        );
    };
    let params: BTreeMap<String, String> = url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut data = json!({"id": id, "text": tweet["text"], "edit_history_tweet_ids": [id]});
    let mut answer = json!({});
    if tweet["poll"].is_object() {
        let poll_id = format!("14{}", &id[2..]);
        data["attachments"] = json!({"poll_ids": [poll_id]});
        let expands = params
            .get("expansions")
            .is_some_and(|e| e.split(',').any(|x| x == "attachments.poll_ids"));
        if expands {
            let options: Vec<Value> = tweet["poll"]["options"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(i, label)| json!({"position": i + 1, "label": label, "votes": tweet["votes"][i]}))
                .collect();
            let mut poll = json!({"id": poll_id, "options": options});
            let fields = params.get("poll.fields").cloned().unwrap_or_default();
            if fields.split(',').any(|f| f == "voting_status") {
                poll["voting_status"] =
                    tweet.get("voting_status").cloned().unwrap_or(json!("open"));
            }
            answer["includes"] = json!({"polls": [poll]});
        }
    }
    answer["data"] = data;
    Reply::json(200, answer)
}

/// RFC 3986 unreserved characters stay; everything else is encoded (RFC 5849 3.6).
const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn enc(s: &str) -> String {
    utf8_percent_encode(s, ENCODE).to_string()
}

fn dec(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Checks the OAuth 1.0a signature of `req` as the X API does.
fn signed(req: &Request) -> bool {
    let Some(header) = req
        .header("authorization")
        .and_then(|h| h.strip_prefix("OAuth "))
    else {
        return false;
    };
    let mut oauth: BTreeMap<String, String> = BTreeMap::new();
    for part in header.split(',') {
        let Some((k, v)) = part.trim().split_once('=') else {
            return false;
        };
        oauth.insert(dec(k), dec(v.trim_matches('"')));
    }
    let Some(signature) = oauth.remove("oauth_signature") else {
        return false;
    };
    if oauth.get("oauth_consumer_key").map(String::as_str) != Some(API_KEY)
        || oauth.get("oauth_token").map(String::as_str) != Some(ACCESS_TOKEN)
        || oauth.get("oauth_signature_method").map(String::as_str) != Some("HMAC-SHA1")
        || !oauth.contains_key("oauth_nonce")
        || !oauth.contains_key("oauth_timestamp")
    {
        return false;
    }
    let mut params: Vec<(String, String)> = oauth.into_iter().collect();
    params.extend(
        url::form_urlencoded::parse(req.query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned())),
    );
    let mut encoded: Vec<(String, String)> = params.iter().map(|(k, v)| (enc(k), enc(v))).collect();
    encoded.sort();
    let normalized = encoded
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    let host = req.header("host").unwrap_or_default();
    let base = format!(
        "{}&{}&{}",
        req.method,
        enc(&format!("http://{host}{}", req.path)),
        enc(&normalized)
    );
    let key = format!("{}&{}", enc(API_SECRET), enc(ACCESS_SECRET));
    let mut mac = Hmac::<Sha1>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(base.as_bytes());
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    expected == signature
}

fn problem(status: u16, title: &str, detail: &str) -> Reply {
    Reply::json(
        status,
        json!({"title": title, "detail": detail, "type": "about:blank", "status": status}),
    )
}

fn handle(state: &Mutex<State>, req: Request) -> Reply {
    let mut state = state.lock().unwrap();
    state.requests.push(req.clone());
    let reset = (chrono::Utc::now().timestamp() + 900).to_string();
    let budget = state.budget.unwrap_or(100);
    let rate = |reply: Reply, used: u32| {
        reply
            .with_header("x-rate-limit-limit", &budget.to_string())
            .with_header(
                "x-rate-limit-remaining",
                &budget.saturating_sub(used).to_string(),
            )
            .with_header("x-rate-limit-reset", &reset)
    };
    if !signed(&req) {
        return problem(401, "Unauthorized", "Unauthorized");
    }
    match (req.method.as_str(), req.path.as_str()) {
        ("GET", "/2/users/me") => Reply::json(
            200,
            json!({"data": {"id": "2244994945", "name": "Gemeente Velsen", "username": "gemeentevelsen"}}),
        ),
        ("POST", "/2/tweets") => {
            let fault = state.faults.pop_front();
            if let Some(Fault::ServerError(status)) = fault {
                return problem(status, "Service Unavailable", "Service Unavailable");
            }
            if state.used >= budget {
                let used = state.used;
                return rate(problem(429, "Too Many Requests", "Too Many Requests"), used);
            }
            let Ok(body) = serde_json::from_slice::<Value>(&req.body) else {
                return problem(
                    400,
                    "Invalid Request",
                    "One or more parameters to your request was invalid.",
                );
            };
            let text = body["text"].as_str().unwrap_or_default().to_owned();
            if state.tweets.iter().any(|t| t["text"] == json!(text)) {
                return problem(
                    403,
                    "Forbidden",
                    "You are not allowed to create a Tweet with duplicate content.",
                );
            }
            if let Some(poll) = body.get("poll") {
                let options = poll["options"].as_array().cloned().unwrap_or_default();
                let minutes = poll["duration_minutes"].as_u64().unwrap_or(0);
                if !(2..=4).contains(&options.len())
                    || options
                        .iter()
                        .any(|o| o.as_str().unwrap_or_default().chars().count() > 25)
                    || !(5..=10_080).contains(&minutes)
                {
                    return problem(
                        400,
                        "Invalid Request",
                        "One or more parameters to your request was invalid.",
                    );
                }
            }
            if let Some(to) = body["reply"]["in_reply_to_tweet_id"].as_str()
                && !state.tweets.iter().any(|t| t["id"] == json!(to))
            {
                return problem(
                    400,
                    "Invalid Request",
                    "The Tweet you are replying to does not exist.",
                );
            }
            let id = format!("18{:017}", state.tweets.len() + 1);
            let votes: Vec<u64> = body["poll"]["options"]
                .as_array()
                .map(|o| vec![0; o.len()])
                .unwrap_or_default();
            state.tweets.push(json!({"id": id, "text": text, "poll": body.get("poll"), "reply": body.get("reply"), "votes": votes}));
            state.used += 1;
            let used = state.used;
            match fault {
                Some(Fault::DropAfterAccept) => Reply::Drop,
                _ => rate(
                    Reply::json(
                        201,
                        json!({"data": {"id": id, "text": text, "edit_history_tweet_ids": [id]}}),
                    ),
                    used,
                ),
            }
        }
        ("GET", path) if path.starts_with("/2/tweets/") => {
            lookup(&state, &path["/2/tweets/".len()..], &req.query)
        }
        _ => problem(404, "Not Found Error", "Not found"),
    }
}
