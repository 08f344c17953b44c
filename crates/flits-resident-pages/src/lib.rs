//! What resident pages are made of, apart from serving them: the frame around every page
//! (`templates/partials/layout.hbs`), the language switch, dates and numbers as residents read
//! them, and the view of the public results page with its bar charts.
//!
//! The collector serves these pages; the staff service shows the results page before it is
//! published. The two services never depend on each other (ARCHITECTURE.md), so what both render
//! lives here, free of requests, caches and handlers: each service builds the frame from what it
//! knows and hands plain values in.

pub mod bar_chart;
pub mod figures;
pub mod frame;
pub mod language;
pub mod local_time;
pub mod results;

pub use frame::{Chrome, FeedLink, Footer, LinkPreview};
pub use language::LanguageLink;
