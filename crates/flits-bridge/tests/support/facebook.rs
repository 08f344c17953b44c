//! A fake Graph API for one page, as documented (developers.facebook.com/docs/graph-api):
//! `POST /{page-id}/feed` (`message`, `link`, `access_token`) → `{"id": "{page}_{post}"}`;
//! `POST /{post-id}/comments` → `{"id": "{post}_{comment}"}`; `GET /{page-id}?fields=id,name`.
//! A bad token gets `400 {"error": {"message": "Invalid OAuth access token - Cannot parse access
//! token", "type": "OAuthException", "code": 190, "fbtrace_id": …}}`; a queued throttle gets `400`
//! with code 32 and an `X-Business-Use-Case-Usage` header, as the Graph API throttles pages.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::server::{self, Reply, Request, TestServer};

pub const PAGE: &str = "104857600123";
pub const TOKEN: &str = "EAAGpagetoken0123456789";

#[derive(Debug, Clone)]
pub enum Fault {
    /// Page-level throttling, regain access after this many minutes.
    Throttled {
        minutes: u64,
    },
    ServerError(u16),
    DropAfterAccept,
}

#[derive(Debug, Default)]
pub struct State {
    pub posts: Vec<Value>,
    pub comments: Vec<Value>,
    pub requests: Vec<Request>,
    pub faults: VecDeque<Fault>,
}

pub struct FakeGraph {
    pub server: TestServer,
    pub state: Arc<Mutex<State>>,
}

impl FakeGraph {
    pub async fn start() -> FakeGraph {
        let state = Arc::new(Mutex::new(State::default()));
        let s = state.clone();
        let server = server::start(Arc::new(move |req| handle(&s, req))).await;
        FakeGraph { server, state }
    }

    pub fn url(&self) -> String {
        format!("{}/v21.0", self.server.url())
    }

    pub fn fault(&self, fault: Fault) {
        self.state.lock().unwrap().faults.push_back(fault);
    }

    pub fn posts(&self) -> Vec<Value> {
        self.state.lock().unwrap().posts.clone()
    }

    pub fn comments(&self) -> Vec<Value> {
        self.state.lock().unwrap().comments.clone()
    }

    pub fn requests(&self) -> Vec<Request> {
        self.state.lock().unwrap().requests.clone()
    }
}

fn graph_error(status: u16, message: &str, kind: &str, code: i64) -> Reply {
    Reply::json(
        status,
        json!({"error": {"message": message, "type": kind, "code": code, "fbtrace_id": "AbCdEf123"}}),
    )
}

fn token_of(req: &Request) -> Option<String> {
    req.field("access_token").or_else(|| {
        url::form_urlencoded::parse(req.query.as_bytes())
            .find(|(k, _)| k == "access_token")
            .map(|(_, v)| v.into_owned())
    })
}

fn handle(state: &Mutex<State>, req: Request) -> Reply {
    let mut state = state.lock().unwrap();
    state.requests.push(req.clone());
    let Some(path) = req.path.strip_prefix("/v21.0/") else {
        return graph_error(400, "Unknown path components", "OAuthException", 2500);
    };
    let fault = if req.method == "POST" {
        state.faults.pop_front()
    } else {
        None
    };
    match fault {
        Some(Fault::Throttled { minutes }) => {
            let usage = json!({ PAGE: [{"type": "pages", "call_count": 100, "total_cputime": 12,
                "total_time": 30, "estimated_time_to_regain_access": minutes}] });
            return graph_error(
                400,
                "(#32) Page request limit reached",
                "OAuthException",
                32,
            )
            .with_header("X-Business-Use-Case-Usage", &usage.to_string());
        }
        Some(Fault::ServerError(status)) => {
            return graph_error(
                status,
                "An unexpected error has occurred. Please retry your request later.",
                "OAuthException",
                2,
            );
        }
        _ => {}
    }
    if token_of(&req).as_deref() != Some(TOKEN) {
        return graph_error(
            400,
            "Invalid OAuth access token - Cannot parse access token",
            "OAuthException",
            190,
        );
    }
    let parts: Vec<&str> = path.split('/').collect();
    let reply = match (req.method.as_str(), parts.as_slice()) {
        ("GET", [page]) if *page == PAGE => {
            Reply::json(200, json!({"id": PAGE, "name": "Gemeente Velsen"}))
        }
        ("POST", [page, "feed"]) if *page == PAGE => {
            let message = req.field("message").unwrap_or_default();
            if message.trim().is_empty() && req.field("link").is_none() {
                return graph_error(
                    400,
                    "(#100) Missing message or attachment",
                    "OAuthException",
                    100,
                );
            }
            let id = format!("{PAGE}_{}", 900 + state.posts.len() + 1);
            state
                .posts
                .push(json!({"id": id, "message": message, "link": req.field("link")}));
            Reply::json(200, json!({ "id": id }))
        }
        ("POST", [post, "comments"]) => {
            if !state.posts.iter().any(|p| p["id"] == json!(post)) {
                return graph_error(
                    400,
                    &format!("Unsupported post request. Object with ID '{post}' does not exist"),
                    "GraphMethodException",
                    100,
                );
            }
            let id = format!("{post}_{}", 700 + state.comments.len() + 1);
            state
                .comments
                .push(json!({"id": id, "parent": post, "message": req.field("message")}));
            Reply::json(200, json!({ "id": id }))
        }
        _ => graph_error(400, "Unsupported request", "GraphMethodException", 100),
    };
    match fault {
        Some(Fault::DropAfterAccept) => Reply::Drop,
        _ => reply,
    }
}
