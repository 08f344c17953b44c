//! Integration tests: the real application on a random port, a fresh database per test, HTTP.
//! Every test runs on SQLite, and on PostgreSQL too when `FLITS_TEST_POSTGRES_URL` is set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod cli;
mod config;
mod demo;
mod health;
mod migrations;
mod poll_cli;
mod poll_page;
mod submit;
