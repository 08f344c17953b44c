//! The bridge's local stand-ins for the platforms (a Mastodon server), shared
//! with the bridge crate's own adapter tests so that both test against the same faithful fakes.

#![allow(dead_code)]

#[path = "../../crates/flits-bridge/tests/support/server.rs"]
pub mod server;

#[path = "../../crates/flits-bridge/tests/support/mastodon.rs"]
pub mod mastodon;
