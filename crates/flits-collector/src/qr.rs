//! QR codes of a poll's channel link, `{public_url}/p/{slug}?c=CHANNEL`, as SVG and PNG, and a
//! printable A4 poster with the code, the title and the short link, for places where residents are
//! not online.

use std::io::Cursor;
use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use flits_http::PageError;
use flits_i18n::t;
use flits_resident_pages::Chrome;
use flits_store::Poll;
use flits_types::ChannelId;
use image::{ImageFormat, Luma};
use qrcode::render::svg;
use qrcode::types::QrError;
use qrcode::{EcLevel, QrCode};
use serde::Serialize;

use crate::availability::{Availability, availability};
use crate::cache::QrFormat;
use crate::channel::link_channel;
use crate::chrome::{ChromeOf, chrome};
use crate::page_failure::{PageFailure, page_error};
use crate::poll_page::{find_poll, page_locale};
use crate::state::CollectorState;

/// Pixels per module of the PNG.
const PNG_MODULE: u32 = 12;

/// The link a QR code of `slug` for `channel` points to.
pub fn channel_link(state: &CollectorState, slug: &str, channel: Option<&str>) -> String {
    match channel {
        Some(c) => state.public_link(&format!("/p/{slug}?c={c}")),
        None => state.public_link(&format!("/p/{slug}")),
    }
}

/// Why a QR image could not be made.
#[derive(Debug, thiserror::Error)]
pub enum QrImageError {
    /// The link does not fit in a QR code.
    #[error("QR code: {0}")]
    Code(#[from] QrError),
    /// The PNG encoder failed.
    #[error("PNG: {0}")]
    Png(#[from] image::ImageError),
}

fn code_for(link: &str) -> Result<QrCode, QrError> {
    // Level M survives a fold or a smudge on a poster and keeps the code small.
    QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M)
}

/// The code as an SVG document.
pub fn svg_of(link: &str) -> Result<String, QrError> {
    Ok(code_for(link)?
        .render::<svg::Color<'_>>()
        .min_dimensions(256, 256)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

/// The code as PNG bytes: [`PNG_MODULE`] pixels a module, with the standard quiet zone.
pub fn png_of(link: &str) -> Result<Vec<u8>, QrImageError> {
    let img = code_for(link)?
        .render::<Luma<u8>>()
        .module_dimensions(PNG_MODULE, PNG_MODULE)
        .quiet_zone(true)
        .build();
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png)?;
    Ok(out.into_inner())
}

/// The poll of a QR or poster request, if residents may see it.
async fn visible_poll(
    state: &CollectorState,
    slug: &str,
) -> Result<Option<Arc<Poll>>, HttpResponse> {
    match state.caches.poll(&state.store, slug).await {
        Ok(Some(p)) if availability(&p, Utc::now()) != Availability::Hidden => Ok(Some(p)),
        Ok(_) => Ok(None),
        Err(e) => {
            tracing::error!(error = %e, "poll lookup failed");
            Err(HttpResponse::ServiceUnavailable().finish())
        }
    }
}

/// `GET /p/{slug}/qr.svg?c=CHANNEL`.
pub async fn qr_svg(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> HttpResponse {
    qr_image(&req, &state, &slug, QrFormat::Svg, |link| {
        Ok(svg_of(link)?.into_bytes())
    })
    .await
}

/// `GET /p/{slug}/qr.png?c=CHANNEL`.
pub async fn qr_png(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> HttpResponse {
    qr_image(&req, &state, &slug, QrFormat::Png, png_of).await
}

/// The QR code of the poll's channel link in `format`, drawn by `draw` once per link (then kept
/// in [`crate::cache::Caches::qr_code`]); cacheable for a day, as the link never changes.
async fn qr_image(
    req: &HttpRequest,
    state: &CollectorState,
    slug: &str,
    format: QrFormat,
    draw: impl FnOnce(&str) -> Result<Vec<u8>, QrImageError>,
) -> HttpResponse {
    let content_type = match format {
        QrFormat::Svg => "image/svg+xml",
        QrFormat::Png => "image/png",
    };
    let poll = match visible_poll(state, slug).await {
        Ok(Some(p)) => p,
        Ok(None) => return HttpResponse::NotFound().finish(),
        Err(res) => return res,
    };
    let link = channel_link(
        state,
        &poll.slug,
        link_channel(req).as_ref().map(|c| c.as_str()),
    );
    match state.caches.qr_code(format, &link, draw) {
        Ok(image) => HttpResponse::Ok()
            .insert_header((CONTENT_TYPE, content_type))
            .insert_header((CACHE_CONTROL, "public, max-age=86400"))
            .body(image),
        Err(e) => {
            tracing::error!(error = %e, "QR code could not be made");
            HttpResponse::InternalServerError().finish()
        }
    }
}

#[derive(Serialize)]
struct PosterView {
    #[serde(flatten)]
    chrome: Chrome,
    title: String,
    intro: Option<String>,
    /// "2 minuten — doe mee".
    call: String,
    /// Until when residents can take part.
    closes: Option<String>,
    /// When and where the results come (the brief's feedback promise).
    promise: Option<String>,
    qr_src: String,
    short_link: String,
}

/// The channel a poster's code and link carry when its address names none: answers that came
/// through a printed poster count as `poster`.
const POSTER_CHANNEL: &str = "poster";

/// `GET /p/{slug}/poster?c=CHANNEL`: an A4 poster to print.
pub async fn poster(
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
    let channel = link_channel(&req).or_else(|| ChannelId::parse(POSTER_CHANNEL).ok());
    let link = channel_link(&state, &poll.slug, channel.as_ref().map(|c| c.as_str()));
    let short_link = link
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .to_owned();
    let l = locale.code();
    let def = &poll.definition;
    let title = def.title.get(l).to_owned();
    let qr_query = channel
        .as_ref()
        .map(|c| format!("?c={c}"))
        .unwrap_or_default();
    let of = ChromeOf {
        poll: Some(&poll),
        locale,
        page_title: title.clone(),
        link_preview: false,
        languages: Vec::new(),
    };
    let minutes = flits_survey::estimate_seconds(def).div_ceil(60).max(1);
    let view = PosterView {
        chrome: chrome(&state, of).await,
        intro: def.intro.as_ref().map(|t| t.get(l).to_owned()),
        call: t!(locale, "poster-headline-call", minutes = minutes),
        closes: poll.closes_at.map(|at| {
            let m = flits_resident_pages::local_time::local_moment(at, locale);
            t!(locale, "poster-closes", date = m.date, time = m.time)
        }),
        promise: def
            .brief
            .as_ref()
            .and_then(|b| b.feedback_promise.as_ref())
            .map(|p| p.get(l).to_owned()),
        qr_src: format!("/p/{}/qr.svg{qr_query}", poll.slug),
        short_link,
        title,
    };
    let body = state
        .templates
        .render("poll/poster", &view)
        .map_err(|e| fail(e.into()))?;
    Ok(HttpResponse::build(StatusCode::OK)
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        .body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_and_png_are_well_formed() {
        // The quiet zone the renderer adds, in modules (the standard asks for 4).
        const QUIET: u32 = 4;
        let link = "https://peiling.example.nl/p/demo?c=poster";
        let svg = svg_of(link).unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        let png = png_of(link).unwrap();
        let img = image::load_from_memory_with_format(&png, ImageFormat::Png)
            .unwrap()
            .to_luma8();
        let code = code_for(link).unwrap();
        let side = (code.width() as u32 + 2 * QUIET) * PNG_MODULE;
        assert_eq!(img.dimensions(), (side, side));
        // The quiet zone is white; the top-left finder pattern starts dark right after it.
        assert_eq!(img.get_pixel(0, 0), &Luma([255]));
        let start = QUIET * PNG_MODULE;
        assert_eq!(img.get_pixel(start, start), &Luma([0]));
    }
}
