//! The public collector: what residents see and send. Thin handlers over the survey rules and the
//! store; everything here must answer fast and never fail on what a browser or script sends.

pub mod about;
pub mod assets;
pub mod availability;
pub mod cache;
pub mod channel;
pub mod chrome;
pub mod config;
pub mod cross_site;
pub mod embed;
pub mod fairness;
pub mod feed;
pub mod form_cookie;
pub mod form_submit;
pub mod json_submit;
pub mod language;
pub mod listing;
pub mod notices;
pub mod openapi;
pub mod overview;
pub mod page_failure;
pub mod poll_form;
pub mod poll_page;
pub mod preview;
pub mod public_api;
pub mod qr;
pub mod results_by_email;
pub mod results_page;
pub mod sender;
pub mod state;
pub mod submit;
pub mod theme;

pub use config::CollectorConfig;
pub use results_by_email::ResultsByEmail;
pub use sender::{Contact, Publishers, RegionProfile};
pub use state::{CollectorSetup, CollectorState, Retention};

use actix_web::web;

use crate::openapi::{POLL_DEFINITION, SUBMIT_RESPONSE};

/// Mounts every public route. JSON routes are registered from their [`openapi::ApiRoute`]
/// constants, so the OpenAPI completeness test sees each of them.
pub fn configure(cfg: &mut web::ServiceConfig) {
    // The resident's hot paths first: routes are tried in order, and each pattern with a
    // parameter tried costs a regular-expression match.
    cfg.service(
        web::resource("/p/{slug}")
            .app_data(web::PayloadConfig::new(form_submit::MAX_FORM_BODY))
            .route(web::get().to(poll_page::show))
            .route(web::post().to(form_submit::submit)),
    )
    .service(
        SUBMIT_RESPONSE
            .resource()
            .app_data(json_submit::json_config())
            .route(SUBMIT_RESPONSE.route().to(json_submit::submit))
            .wrap(actix_web::middleware::from_fn(|req, next| {
                flits_http::drain::drain_oversized(json_submit::MAX_JSON_BODY, req, next)
            })),
    )
    .route("/", web::get().to(overview::show))
    .route("/feed.atom", web::get().to(feed::show))
    .route("/assets/flits.css", web::get().to(assets::stylesheet))
    .route("/assets/share.js", web::get().to(assets::share_script))
    .route("/favicon.svg", web::get().to(assets::favicon))
    .route("/favicon.ico", web::get().to(assets::favicon))
    .route("/privacy", web::get().to(about::privacy_index))
    .route("/privacy/{id}", web::get().to(about::privacy))
    .route(
        "/toegankelijkheid",
        web::get().to(about::accessibility_index),
    )
    .route(
        "/toegankelijkheid/{id}",
        web::get().to(about::accessibility),
    )
    .route(
        "/assets/theme/{organisation}.css",
        web::get().to(theme::stylesheet),
    )
    .route("/p/{slug}/thanks", web::get().to(results_by_email::thanks))
    .service(
        web::resource("/p/{slug}/results-by-email")
            .app_data(web::PayloadConfig::new(results_by_email::MAX_BODY))
            .route(web::post().to(results_by_email::subscribe)),
    )
    .route("/p/{slug}/preview.png", web::get().to(preview::preview))
    .route("/p/{slug}/results", web::get().to(results_page::show))
    .route(
        "/p/{slug}/results.png",
        web::get().to(preview::results_preview),
    )
    .route("/p/{slug}/qr.svg", web::get().to(qr::qr_svg))
    .route("/p/{slug}/qr.png", web::get().to(qr::qr_png))
    .route("/p/{slug}/poster", web::get().to(qr::poster))
    .route("/p/{slug}/embed", web::get().to(embed::card))
    .service(
        POLL_DEFINITION
            .resource()
            .route(POLL_DEFINITION.route().to(public_api::definition)),
    );
}
