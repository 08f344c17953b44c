//! Integration tests: the real application on a random port, a fresh database per test, HTTP.
//! Every test runs on SQLite, and on PostgreSQL too when `FLITS_TEST_POSTGRES_URL` is set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;
mod skip;

mod browser;

/// The fake Mastodon and webhook receiver of the bridge's own tests, which behave as the platforms
/// document; shared rather than copied, so both suites test against the same stand-ins.
#[path = "../../crates/flits-bridge/tests/support"]
#[allow(dead_code)]
mod bridge_support {
    pub mod mastodon;
    pub mod server;
    pub mod smtpd;
    pub mod webhook;
}

mod bridge_end_to_end;
mod channels;
mod cli;
mod collector_browser;
mod collector_fairness;
mod collector_fuzz;
mod collector_links;
mod config;
mod conformance;
mod demo;
mod export;
mod health;
mod migrations;
mod openapi;
mod outbox;
mod outbox_followups;
mod overview;
mod poll_cli;
mod poll_page;
mod population;
mod publish;
mod reach;
mod reach_browser;
mod resident_browser;
mod resident_languages;
mod resident_pages;
mod results_browser;
mod results_by_email;
mod results_page;
mod results_preview;
mod retention;
mod scheduler_aliases;
mod scheduler_cli;
mod scheduler_concurrency;
mod scheduler_instances;
mod scheduler_runner;
mod scheduler_service;
mod scheduler_support;
mod security_accounts;
mod security_network;
mod security_resident;
mod security_scheduling;
mod staff_access;
mod staff_browser;
mod staff_builder;
mod staff_calendar;
mod staff_flow_browser;
mod staff_language;
mod staff_ops_browser;
mod staff_ops_pages;
mod staff_polls;
mod staff_posts;
mod staff_stop;
mod submit;
mod webhook_receiver;
