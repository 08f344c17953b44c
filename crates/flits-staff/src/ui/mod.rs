//! The staff web UI: server-rendered pages that work without JavaScript.

pub mod audit;
pub mod builder;
pub mod builder_actions;
pub mod builder_fields;
pub mod builder_form;
pub mod calendar;
pub mod csrf;
pub mod dashboard;
pub mod locale;
pub mod login;
pub mod page;
pub mod poll;
pub mod population;
pub mod posts;
pub mod reach;
pub mod results;
pub mod results_preview;
pub mod schedule;
pub mod schedule_form;
pub mod schedule_overview;
pub mod share;
pub mod standard_questions;
pub mod tokens;
pub mod users;
pub mod visible_poll;

pub use csrf::{Checked, CsrfField, csrf_ok, csrf_refused};
