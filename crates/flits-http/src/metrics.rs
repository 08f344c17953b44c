//! `GET /metrics` in the Prometheus text format, for every service of the process.
//!
//! Labels hold only route patterns (`/p/{slug}`, never the slug or the query), methods, status
//! codes and fixed reasons: nothing about a resident.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::CONTENT_TYPE;
use actix_web::middleware::Next;
use actix_web::{Error, HttpRequest, HttpResponse, web};
use flits_store::{Operations, Store};
use prometheus::{
    Encoder, Gauge, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec,
    Opts, Registry, TextEncoder,
};

use crate::client_addr::ClientAddresses;

/// The process's metrics; one per application, shared by its workers.
#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    /// Responses stored.
    pub recorded: IntCounter,
    /// Submits whose submission id was already stored.
    pub duplicates: IntCounter,
    /// Submits turned away by a limit, by reason.
    pub limited: IntCounterVec,
    /// Form submits refused because the browser already took part.
    pub already_answered: IntCounter,
    /// Submits by what became of them: `recorded`, `duplicate`, `invalid`, `limited`,
    /// `not_open` (not open yet, closed, or not public).
    pub submissions: IntCounterVec,
    /// The work queues, read from the database at each scrape.
    outbox: IntGaugeVec,
    results_emails: IntGauge,
    job_lag: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Metrics {
    /// A fresh registry with every metric registered.
    pub fn new() -> Result<Metrics, prometheus::Error> {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "flits_http_requests_total",
                "HTTP requests by method, route pattern and status",
            ),
            &["method", "route", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "flits_http_request_duration_seconds",
                "HTTP request latency by method and route pattern",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            ]),
            &["method", "route"],
        )?;
        let recorded = IntCounter::new(
            "flits_responses_recorded_total",
            "Poll responses stored (form and JSON)",
        )?;
        let duplicates = IntCounter::new(
            "flits_responses_duplicate_total",
            "Submits whose submission id was already stored (retries, double clicks)",
        )?;
        let limited = IntCounterVec::new(
            Opts::new(
                "flits_rate_limited_total",
                "Submits refused with 429, by limit",
            ),
            &["reason"],
        )?;
        let already_answered = IntCounter::new(
            "flits_already_answered_total",
            "Form submits refused because the browser already took part in the poll",
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(recorded.clone()))?;
        registry.register(Box::new(duplicates.clone()))?;
        registry.register(Box::new(limited.clone()))?;
        registry.register(Box::new(already_answered.clone()))?;
        let submissions = IntCounterVec::new(
            Opts::new(
                "flits_submissions_total",
                "Submits (form and JSON) by result: recorded, duplicate, invalid, limited, not_open",
            ),
            &["result"],
        )?;
        let outbox = IntGaugeVec::new(
            Opts::new(
                "flits_outbox_posts",
                "Channel posts by status (pending, sending, posted, failed), from the database",
            ),
            &["status"],
        )?;
        let results_emails = IntGauge::new(
            "flits_results_emails_waiting",
            "Results e-mails to residents not sent yet, from the database",
        )?;
        let job_lag = Gauge::new(
            "flits_job_lag_seconds",
            "How long the oldest due job (open or close a poll, send a post) has waited; 0 when none is due",
        )?;
        registry.register(Box::new(submissions.clone()))?;
        registry.register(Box::new(outbox.clone()))?;
        registry.register(Box::new(results_emails.clone()))?;
        registry.register(Box::new(job_lag.clone()))?;
        for result in ["recorded", "duplicate", "invalid", "limited", "not_open"] {
            submissions.with_label_values(&[result]);
        }
        for status in ["pending", "sending", "posted", "failed"] {
            outbox.with_label_values(&[status]);
        }
        for reason in ["overall_rate", "address_rate", "address_cap"] {
            limited.with_label_values(&[reason]);
        }
        Ok(Metrics {
            registry,
            requests,
            latency,
            recorded,
            duplicates,
            limited,
            already_answered,
            submissions,
            outbox,
            results_emails,
            job_lag,
        })
    }

    /// Counts one submit's result (see [`Metrics::submissions`]).
    pub fn submission(&self, result: &str) {
        self.submissions.with_label_values(&[result]).inc();
    }

    /// Sets the work-queue gauges from a snapshot taken at `now`.
    pub fn set_operations(&self, ops: &Operations, now: chrono::DateTime<chrono::Utc>) {
        for status in ["pending", "sending", "posted", "failed"] {
            let n = ops
                .posts
                .iter()
                .find(|(s, _)| s == status)
                .map_or(0, |(_, n)| *n);
            self.outbox
                .with_label_values(&[status])
                .set(i64::try_from(n).unwrap_or(i64::MAX));
        }
        self.results_emails
            .set(i64::try_from(ops.results_emails_waiting).unwrap_or(i64::MAX));
        let lag = ops
            .oldest_due
            .map_or(0.0, |due| (now - due).as_seconds_f64().max(0.0));
        self.job_lag.set(lag);
    }

    /// Counts a request.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        // A response's code is always valid, and `as_str` needs no allocation.
        let code = actix_web::http::StatusCode::from_u16(status).ok();
        let text;
        let status = match &code {
            Some(code) => code.as_str(),
            None => {
                text = status.to_string();
                text.as_str()
            }
        };
        self.requests
            .with_label_values(&[method, route, status])
            .inc();
        self.latency
            .with_label_values(&[method, route])
            .observe(seconds);
    }

    /// The text exposition.
    pub fn render(&self) -> Result<String, prometheus::Error> {
        let mut buf = Vec::new();
        TextEncoder::new().encode(&self.registry.gather(), &mut buf)?;
        String::from_utf8(buf).map_err(|e| prometheus::Error::Msg(e.to_string()))
    }
}

/// `actix_web::middleware::from_fn` middleware: counts every request by route pattern.
pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let method = req.method().clone();
    let res = next.call(req).await?;
    if let Some(m) = metrics {
        // The pattern is known only after routing; unmatched paths share one label.
        let route = crate::route_pattern::of(res.request());
        m.observe(
            method.as_str(),
            &route,
            res.status().as_u16(),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(res)
}

/// `GET /metrics` on the address of its own (`metrics_bind`), which only what may scrape it can
/// reach. The work-queue gauges are read from the database first; when it does not answer they
/// keep their last values (and `/readyz` says why).
pub async fn export(metrics: web::Data<Metrics>, store: Option<web::Data<Store>>) -> HttpResponse {
    if let Some(store) = store {
        let now = chrono::Utc::now();
        match store.operations(now).await {
            Ok(ops) => metrics.set_operations(&ops, now),
            Err(e) => tracing::warn!(error = %e, "metrics: work queues not read"),
        }
    }
    match metrics.render() {
        Ok(text) => HttpResponse::Ok()
            .insert_header((CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"))
            .body(text),
        Err(e) => {
            tracing::error!(error = %e, "metrics did not render");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// `GET /metrics` on the main address, when no `metrics_bind` is configured: only for this
/// machine and the trusted proxies (by the client address of [`crate::client_addr`]); anyone else
/// gets `404`, as if there were nothing. The counts are exact, also below `k_anonymity`, so they
/// are not for the public.
pub async fn export_to_local(
    req: HttpRequest,
    metrics: web::Data<Metrics>,
    store: Option<web::Data<Store>>,
    addresses: web::Data<ClientAddresses>,
) -> HttpResponse {
    if !addresses.is_local_or_proxy(&req) {
        return HttpResponse::NotFound().finish();
    }
    export(metrics, store).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_by_route_pattern() {
        let m = Metrics::new().unwrap();
        m.observe("GET", "/p/{slug}", 200, 0.002);
        m.recorded.inc();
        let text = m.render().unwrap();
        assert!(text.contains(
            "flits_http_requests_total{method=\"GET\",route=\"/p/{slug}\",status=\"200\"} 1"
        ));
        assert!(text.contains("flits_responses_recorded_total 1"));
        assert!(text.contains("flits_rate_limited_total{reason=\"address_cap\"} 0"));
    }

    #[test]
    fn renders_submissions_and_work_queues() {
        let m = Metrics::new().unwrap();
        m.submission("invalid");
        let now = chrono::Utc::now();
        m.set_operations(
            &Operations {
                posts: vec![("failed".into(), 2), ("pending".into(), 5)],
                results_emails_waiting: 7,
                oldest_due: Some(now - chrono::TimeDelta::seconds(90)),
            },
            now,
        );
        let text = m.render().unwrap();
        assert!(text.contains("flits_submissions_total{result=\"invalid\"} 1"));
        assert!(text.contains("flits_submissions_total{result=\"recorded\"} 0"));
        assert!(text.contains("flits_outbox_posts{status=\"failed\"} 2"));
        assert!(text.contains("flits_outbox_posts{status=\"posted\"} 0"));
        assert!(text.contains("flits_results_emails_waiting 7"));
        assert!(text.contains("flits_job_lag_seconds 90"));
    }
}
