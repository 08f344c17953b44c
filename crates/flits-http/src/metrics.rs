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
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, Opts, Registry, TextEncoder,
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
        })
    }

    /// Counts a request.
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let status = status.to_string();
        self.requests
            .with_label_values(&[method, route, status.as_str()])
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
    let method = req.method().as_str().to_owned();
    let res = next.call(req).await?;
    if let Some(m) = metrics {
        // The pattern is known only after routing; unmatched paths share one label.
        let route = res
            .request()
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_owned());
        m.observe(
            &method,
            &route,
            res.status().as_u16(),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(res)
}

/// `GET /metrics` on the address of its own (`metrics_bind`), which only what may scrape it can
/// reach.
pub async fn export(metrics: web::Data<Metrics>) -> HttpResponse {
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
    addresses: web::Data<ClientAddresses>,
) -> HttpResponse {
    if !addresses.is_local_or_proxy(&req) {
        return HttpResponse::NotFound().finish();
    }
    export(metrics).await
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
}
