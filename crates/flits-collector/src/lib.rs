//! The public collector: what residents see and send. Thin handlers over the survey rules and the
//! store; everything here must answer fast and never fail on what a browser or script sends.

pub mod assets;
pub mod availability;
pub mod form_submit;
pub mod json_submit;
pub mod local_time;
pub mod poll_page;
pub mod public_api;
pub mod state;
pub mod submit;
pub mod texts;

pub use state::CollectorState;

use actix_web::web;

/// Mounts every public route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/assets/flits.css", web::get().to(assets::stylesheet))
        .service(
            web::resource("/p/{slug}")
                .app_data(web::PayloadConfig::new(form_submit::MAX_FORM_BODY))
                .route(web::get().to(poll_page::show))
                .route(web::post().to(form_submit::submit)),
        )
        .route("/p/{slug}/thanks", web::get().to(form_submit::thanks))
        .route(
            "/api/v1/polls/{slug}",
            web::get().to(public_api::definition),
        )
        .service(
            web::resource("/api/v1/polls/{slug}/responses")
                .app_data(json_submit::json_config())
                .route(web::post().to(json_submit::submit)),
        );
}
