//! A webhook receiver that checks what the crate documents: `X-Flits-Signature` is `sha256=` and
//! the hex HMAC-SHA256 of the body with the shared secret (`401` otherwise), the body is the
//! documented JSON (`400` otherwise), and a delivery id it has seen is acknowledged again without
//! being recorded twice, as a careful receiver does. A test can queue answers for the next
//! deliveries: a `429` with `Retry-After`, a `5xx`, a `410 Gone`, a dropped connection after the
//! delivery was recorded, or an answer that comes too late.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use super::server::{self, Reply, Request, TestServer};

pub const SECRET: &str = "webhook-secret-9876543210";

#[derive(Debug, Clone)]
pub enum Fault {
    TooManyRequests { retry_after: u64 },
    ServerError(u16),
    Gone,
    DropAfterAccept,
    HangAfterAccept(Duration),
}

#[derive(Debug, Default)]
pub struct State {
    /// Every delivery recorded, once per delivery id.
    pub deliveries: Vec<Value>,
    /// Every request received, in order.
    pub requests: Vec<Request>,
    pub faults: VecDeque<Fault>,
}

pub struct FakeWebhook {
    pub server: TestServer,
    pub state: Arc<Mutex<State>>,
}

impl FakeWebhook {
    pub async fn start() -> FakeWebhook {
        let state = Arc::new(Mutex::new(State::default()));
        let s = state.clone();
        let server = server::start(Arc::new(move |req| handle(&s, req))).await;
        FakeWebhook { server, state }
    }

    pub fn url(&self) -> String {
        format!("{}/hooks/flits", self.server.url())
    }

    pub fn fault(&self, fault: Fault) {
        self.state.lock().unwrap().faults.push_back(fault);
    }

    pub fn deliveries(&self) -> Vec<Value> {
        self.state.lock().unwrap().deliveries.clone()
    }

    pub fn requests(&self) -> Vec<Request> {
        self.state.lock().unwrap().requests.clone()
    }
}

fn verify(secret: &[u8], body: &[u8], header: Option<&str>) -> bool {
    let Some(hex_sig) = header.and_then(|h| h.strip_prefix("sha256=")) else {
        return false;
    };
    let Ok(sig) = hex::decode(hex_sig) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).unwrap();
    mac.update(body);
    mac.verify_slice(&sig).is_ok()
}

fn handle(state: &Mutex<State>, req: Request) -> Reply {
    let mut state = state.lock().unwrap();
    state.requests.push(req.clone());
    if req.method != "POST" || req.path != "/hooks/flits" {
        return Reply::json(404, json!({"error": "no such hook"}));
    }
    let fault = state.faults.pop_front();
    match fault {
        Some(Fault::TooManyRequests { retry_after }) => {
            return Reply::json(429, json!({"error": "slow down"}))
                .with_header("Retry-After", &retry_after.to_string());
        }
        Some(Fault::ServerError(status)) => {
            return Reply::json(status, json!({"error": "receiver is down"}));
        }
        Some(Fault::Gone) => return Reply::json(410, json!({"error": "this hook was removed"})),
        _ => {}
    }
    if req.header("content-type") != Some("application/json") {
        return Reply::json(415, json!({"error": "expected application/json"}));
    }
    if !verify(
        SECRET.as_bytes(),
        &req.body,
        req.header("x-flits-signature"),
    ) {
        return Reply::json(401, json!({"error": "bad signature"}));
    }
    let Ok(body) = serde_json::from_slice::<Value>(&req.body) else {
        return Reply::json(400, json!({"error": "not JSON"}));
    };
    let delivery = body["delivery_id"].as_str().unwrap_or_default().to_owned();
    let documented = [
        "event",
        "delivery_id",
        "channel",
        "poll",
        "text",
        "in_reply_to",
    ]
    .iter()
    .all(|k| body.get(k).is_some())
        && req.header("x-flits-delivery") == Some(delivery.as_str())
        && req.header("x-flits-event") == body["event"].as_str();
    if !documented || delivery.is_empty() {
        return Reply::json(400, json!({"error": "not the documented payload"}));
    }
    if !state
        .deliveries
        .iter()
        .any(|d| d["delivery_id"] == json!(delivery))
    {
        state.deliveries.push(body);
    }
    let id = format!("msg-{delivery}");
    match fault {
        Some(Fault::DropAfterAccept) => Reply::Drop,
        Some(Fault::HangAfterAccept(d)) => Reply::Hang(d),
        _ => Reply::json(200, json!({ "id": id })),
    }
}
