//! Clients that submit as the JSON API asks: each submission has its own id, and one that got no
//! `201 recorded` or `200 duplicate` is sent again, with the same id, until it does.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::RwLock;
use tokio::task::JoinHandle;

/// How many clients submit at once.
pub const CLIENTS: usize = 64;

/// One reply (or its absence) as a client saw it.
#[derive(Debug, Clone, Copy)]
pub struct Event {
    /// When the reply came, from the start of the load.
    pub at: Duration,
    /// The HTTP status, or `None` when no reply came (refused, reset, timed out).
    pub status: Option<u16>,
    /// Whether a `503` carried `Retry-After`.
    pub retry_after: bool,
    pub latency: Duration,
}

/// What the clients did, once they have stopped.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every submission id sent at least once.
    pub attempted: HashSet<String>,
    /// The ids answered `201` or `200`.
    pub acknowledged: HashSet<String>,
    /// Ids still without an acknowledgement when the clients gave up.
    pub unacknowledged: Vec<String>,
    pub events: Vec<Event>,
}

impl Outcome {
    /// How many replies had this status.
    pub fn count(&self, status: Option<u16>) -> usize {
        self.events.iter().filter(|e| e.status == status).count()
    }
}

/// Clients submitting to the poll `demo` at a base URL that the test may change.
pub struct Load {
    pub started: Instant,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<Worker>>,
}

#[derive(Default)]
struct Worker {
    attempted: Vec<String>,
    acknowledged: Vec<String>,
    pending: Option<String>,
    events: Vec<Event>,
}

impl Load {
    /// Starts [`CLIENTS`] clients against `base` (e.g. `http://127.0.0.1:8080`).
    pub fn start(base: Arc<RwLock<String>>) -> Load {
        let started = Instant::now();
        let stop = Arc::new(AtomicBool::new(false));
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .pool_max_idle_per_host(CLIENTS)
            .build()
            .unwrap();
        let workers = (0..CLIENTS)
            .map(|_| tokio::spawn(work(client.clone(), base.clone(), stop.clone(), started)))
            .collect();
        Load {
            started,
            stop,
            workers,
        }
    }

    /// Stops starting new submissions, lets each client finish the one it has (retrying for up to
    /// `drain`), and collects what they did.
    pub async fn finish(self, drain: Duration) -> Outcome {
        self.stop.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + drain;
        let mut outcome = Outcome::default();
        for handle in self.workers {
            let worker = tokio::time::timeout_at(deadline.into(), handle)
                .await
                .expect("a client kept retrying past the drain time")
                .unwrap();
            outcome.attempted.extend(worker.attempted);
            outcome.acknowledged.extend(worker.acknowledged);
            outcome.unacknowledged.extend(worker.pending);
            outcome.events.extend(worker.events);
        }
        outcome.events.sort_by_key(|e| e.at);
        outcome
    }
}

/// The answers every client gives: the demo poll's two required questions.
fn body(id: &str) -> serde_json::Value {
    serde_json::json!({
        "submission_id": id,
        "lang": "nl",
        "answers": {"tevreden": 4, "helpen": "ja"}
    })
}

async fn work(
    client: reqwest::Client,
    base: Arc<RwLock<String>>,
    stop: Arc<AtomicBool>,
    started: Instant,
) -> Worker {
    let mut w = Worker::default();
    loop {
        let id = match w.pending.take() {
            Some(id) => id,
            None if stop.load(Ordering::SeqCst) => return w,
            None => {
                let id = uuid::Uuid::new_v4().to_string();
                w.attempted.push(id.clone());
                id
            }
        };
        let url = format!("{}/api/v1/polls/demo/responses", base.read().await);
        let sent = Instant::now();
        let reply = client.post(&url).json(&body(&id)).send().await;
        let latency = sent.elapsed();
        let (status, retry_after) = match &reply {
            Ok(res) => (
                Some(res.status().as_u16()),
                res.headers().contains_key("retry-after"),
            ),
            Err(_) => (None, false),
        };
        w.events.push(Event {
            at: started.elapsed(),
            status,
            retry_after,
            latency,
        });
        match status {
            Some(200 | 201) => w.acknowledged.push(id),
            _ => {
                // Not acknowledged: the same id again, after a pause (shorter than a real
                // client's Retry-After, to keep the test short).
                w.pending = Some(id);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}
