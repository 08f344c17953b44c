//! The public collector: what residents see and send. Thin handlers over the survey rules and the
//! store; everything here must answer fast and never fail on what a browser or script sends.

pub mod assets;
pub mod availability;
pub mod local_time;
pub mod poll_page;
pub mod public_api;
pub mod state;
pub mod texts;

pub use state::CollectorState;

use actix_web::web;

/// Mounts every public route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/assets/flits.css", web::get().to(assets::stylesheet))
        .route("/p/{slug}", web::get().to(poll_page::show))
        .route(
            "/api/v1/polls/{slug}",
            web::get().to(public_api::definition),
        );
}
