//! `GET /p/{slug}/embed`: a small card about the poll for a municipality's own website to show in
//! an `<iframe>`, with a link that opens the poll itself (`?c=website`) in the whole window.
//!
//! Why a card and not the form: the form's one-time token is bound to a `SameSite=Strict` cookie
//! ([`crate::form_cookie`]), which a browser never sends from inside another site's frame, so a
//! framed form could not be submitted. The card is the only collector page that other sites may
//! frame, and only the origins of `[collector] embed_origins`: its `Content-Security-Policy` names
//! them in `frame-ancestors`; every other page keeps `frame-ancestors 'none'`.

use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use flits_http::PageError;
use flits_resident_pages::Chrome;
use serde::Serialize;

use crate::availability::{Availability, availability};
use crate::chrome::{ChromeOf, chrome};
use crate::page_failure::{PageFailure, page_error};
use crate::poll_page::{find_poll, page_locale};
use crate::qr::channel_link;
use crate::state::CollectorState;

/// The channel the card's link records.
pub const EMBED_CHANNEL: &str = "website";

#[derive(Serialize)]
struct EmbedView {
    #[serde(flatten)]
    chrome: Chrome,
    title: String,
    intro: Option<String>,
    duration: String,
    link: String,
    open: bool,
}

/// The Content-Security-Policy of the card: the shared policy, with `frame-ancestors` allowing
/// this site and the configured origins.
pub fn embed_csp(origins: &[String]) -> String {
    let mut ancestors = String::from("'self'");
    for origin in origins {
        ancestors.push(' ');
        ancestors.push_str(origin);
    }
    flits_http::headers::CSP.replace(
        "frame-ancestors 'none'",
        &format!("frame-ancestors {ancestors}"),
    )
}

/// `GET /p/{slug}/embed`.
pub async fn card(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let poll = find_poll(&state, &req, &slug, None)
        .await?
        .filter(|p| availability(p, Utc::now()) != Availability::Hidden);
    let locale = page_locale(&req, poll.as_deref(), None);
    let fail = |f: PageFailure| page_error(&state, &req, locale, f);
    let Some(poll) = poll else {
        return crate::notices::unavailable_page(&state, None, locale)
            .await
            .map_err(fail);
    };
    let l = locale.code();
    let def = &poll.definition;
    let title = def.title.get(l).to_owned();
    let of = ChromeOf {
        poll: Some(&poll),
        locale,
        page_title: title.clone(),
        link_preview: false,
        languages: Vec::new(),
    };
    let view = EmbedView {
        chrome: chrome(&state, of).await,
        intro: def.intro.as_ref().map(|t| t.get(l).to_owned()),
        duration: crate::poll_form::duration_text(def, locale),
        link: channel_link(&state, &poll.slug, Some(EMBED_CHANNEL)),
        open: availability(&poll, Utc::now()) == Availability::Open,
        title,
    };
    let body = state
        .templates
        .render("poll/embed", &view)
        .map_err(|e| fail(e.into()))?;
    Ok(HttpResponse::build(StatusCode::OK)
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((
            "Content-Security-Policy",
            embed_csp(&state.config.embed_origins),
        ))
        .body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_configured_origins_may_frame_the_card() {
        let csp = embed_csp(&["https://www.velsen.nl".to_owned()]);
        assert!(
            csp.contains("frame-ancestors 'self' https://www.velsen.nl;"),
            "{csp}"
        );
        assert!(embed_csp(&[]).contains("frame-ancestors 'self';"));
        assert!(flits_http::headers::CSP.contains("frame-ancestors 'none'"));
    }
}
