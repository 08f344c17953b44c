//! `GET /p/{slug}/preview.png`: the link-preview image (Open Graph / Twitter card) of a poll,
//! 1200×630, the poll's title on the organisation's colour; `GET /p/{slug}/results.png` the same
//! for its published results, with the most chosen answer.
//!
//! Text is drawn with `ab_glyph` in DejaVu Sans Bold, which is compiled in from
//! `static/fonts/` (licence beside it): nothing is fetched at run time. Rendered images are kept in
//! a small in-memory cache, keyed by everything that goes into them.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::{Arc, Mutex};

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use flits_i18n::{Locale, t};
use flits_results::Aggregates;
use flits_store::Poll;
use flits_survey::{PollState, QuestionKind};
use image::{ImageFormat, Rgb as Pixel, RgbImage};

use crate::availability::{Availability, availability};
use crate::state::CollectorState;
use crate::theme::{Rgb, theme_for};

/// The size social platforms expect for a large preview.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const FONT: &[u8] = include_bytes!("../../../static/fonts/DejaVuSans-Bold.ttf");
const MARGIN: f32 = 80.0;
const MAX_CACHED: usize = 256;

/// Rendered previews by what went into them.
#[derive(Debug, Default)]
pub struct PreviewCache {
    images: Mutex<HashMap<String, Arc<Vec<u8>>>>,
}

impl PreviewCache {
    fn get(&self, key: &str) -> Option<Arc<Vec<u8>>> {
        self.images
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(key)
            .cloned()
    }

    fn put(&self, key: String, png: Arc<Vec<u8>>) {
        let mut images = self.images.lock().unwrap_or_else(|p| p.into_inner());
        if images.len() >= MAX_CACHED {
            images.clear();
        }
        images.insert(key, png);
    }
}

/// What a preview shows.
#[derive(Debug, Clone)]
pub struct PreviewSpec {
    pub title: String,
    pub organisation: String,
    pub footer: String,
    pub background: Rgb,
    pub foreground: Rgb,
}

/// Breaks `text` into lines no wider than `max_width` at `scale`; at most `max_lines`, the last
/// one ending in an ellipsis when text was left out.
fn wrap(
    font: &FontRef<'_>,
    scale: PxScale,
    text: &str,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    let scaled = font.as_scaled(scale);
    let width = |s: &str| -> f32 {
        let mut w = 0.0;
        let mut prev = None;
        for c in s.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = prev {
                w += scaled.kern(p, id);
            }
            w += scaled.h_advance(id);
            prev = Some(id);
        }
        w
    };
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if width(&candidate) <= max_width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::take(&mut current));
            current = word.to_owned();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && width(&format!("{last}…")) > max_width {
                last.pop();
            }
            last.push('…');
        }
    }
    // A single word wider than the image is cut to fit.
    for line in &mut lines {
        while line.chars().count() > 1 && width(line) > max_width {
            line.pop();
        }
    }
    lines
}

fn draw_line(
    img: &mut RgbImage,
    font: &FontRef<'_>,
    scale: PxScale,
    text: &str,
    (x, baseline): (f32, f32),
    (colour, background): (Rgb, Rgb),
) {
    let scaled = font.as_scaled(scale);
    let mut caret = x;
    let mut prev = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        let glyph = id.with_scale_and_position(scale, point(caret, baseline));
        caret += scaled.h_advance(id);
        prev = Some(id);
        let Some(outlined) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outlined.px_bounds();
        outlined.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i64 + i64::from(gx);
            let py = bounds.min.y as i64 + i64::from(gy);
            if px < 0 || py < 0 || px >= i64::from(WIDTH) || py >= i64::from(HEIGHT) {
                return;
            }
            let blend = |fg: u8, bg: u8| {
                let c = coverage.clamp(0.0, 1.0);
                (f32::from(fg) * c + f32::from(bg) * (1.0 - c)).round() as u8
            };
            img.put_pixel(
                px as u32,
                py as u32,
                Pixel([
                    blend(colour.0, background.0),
                    blend(colour.1, background.1),
                    blend(colour.2, background.2),
                ]),
            );
        });
    }
}

/// Renders a preview as PNG bytes.
pub fn render(spec: &PreviewSpec) -> Result<Vec<u8>, String> {
    let font = FontRef::try_from_slice(FONT).map_err(|e| e.to_string())?;
    let bg = spec.background;
    let mut img = RgbImage::from_pixel(WIDTH, HEIGHT, Pixel([bg.0, bg.1, bg.2]));
    let max_width = WIDTH as f32 - 2.0 * MARGIN;

    let small = PxScale::from(36.0);
    let org_lines = wrap(&font, small, &spec.organisation, max_width, 1);
    for line in &org_lines {
        draw_line(
            &mut img,
            &font,
            small,
            line,
            (MARGIN, MARGIN + 36.0),
            (spec.foreground, bg),
        );
    }
    // The title as large as fits in four lines.
    let mut size = 76.0;
    let mut lines = wrap(&font, PxScale::from(size), &spec.title, max_width, 4);
    while size > 44.0 && lines.last().is_some_and(|l| l.ends_with('…')) {
        size -= 8.0;
        lines = wrap(&font, PxScale::from(size), &spec.title, max_width, 4);
    }
    let line_height = size * 1.2;
    let block = line_height * lines.len() as f32;
    let top = (HEIGHT as f32 - block) / 2.0 + size;
    for (i, line) in lines.iter().enumerate() {
        draw_line(
            &mut img,
            &font,
            PxScale::from(size),
            line,
            (MARGIN, top + i as f32 * line_height),
            (spec.foreground, bg),
        );
    }
    // A bar and the site's address at the bottom.
    let fg = Pixel([spec.foreground.0, spec.foreground.1, spec.foreground.2]);
    for y in (HEIGHT - 130)..(HEIGHT - 124) {
        for x in (MARGIN as u32)..(MARGIN as u32 + 120) {
            img.put_pixel(x, y, fg);
        }
    }
    let footer_lines = wrap(&font, small, &spec.footer, max_width, 1);
    for line in &footer_lines {
        draw_line(
            &mut img,
            &font,
            small,
            line,
            (MARGIN, HEIGHT as f32 - MARGIN),
            (spec.foreground, bg),
        );
    }
    let mut png = Cursor::new(Vec::new());
    img.write_to(&mut png, ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(png.into_inner())
}

/// `GET /p/{slug}/preview.png`.
pub async fn preview(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> HttpResponse {
    let poll = match state.caches.poll(&state.store, &slug).await {
        Ok(Some(p)) if availability(&p, Utc::now()) != Availability::Hidden => p,
        Ok(_) => return HttpResponse::NotFound().finish(),
        Err(e) => {
            tracing::error!(error = %e, "poll lookup failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let locale = crate::poll_page::page_locale(&req, Some(&poll), None);
    let spec = spec_of(&state, &poll, locale).await;
    png_response(&state, poll.id, spec).await
}

/// `GET /p/{slug}/results.png`: the link preview of the results page, once they are published:
/// "Results" and the organisation above the poll's title, and the most chosen answer of the first
/// choice question below it (unless the small-cell rule withholds the numbers).
pub async fn results_preview(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> HttpResponse {
    let poll = match state.caches.poll(&state.store, &slug).await {
        Ok(Some(p)) if matches!(p.state, PollState::ResultsPublished | PollState::Archived) => p,
        Ok(_) => return HttpResponse::NotFound().finish(),
        Err(e) => {
            tracing::error!(error = %e, "poll lookup failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    match state.store.publication(poll.id).await {
        Ok(Some(_)) => {}
        Ok(None) => return HttpResponse::NotFound().finish(),
        Err(e) => {
            tracing::error!(error = %e, "publication lookup failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    }
    let figures = match state
        .caches
        .aggregates(&state.store, &poll, state.k_anonymity)
        .await
    {
        Ok(f) => f,
        Err(e) => {
            tracing::error!(error = %e, "results could not be counted");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    let locale = crate::poll_page::page_locale(&req, Some(&poll), None);
    let mut spec = spec_of(&state, &poll, locale).await;
    spec.organisation = t!(
        locale,
        "results-preview-kicker",
        org = spec.organisation.as_str()
    );
    if let Some(top) = top_answer(&poll, &figures, locale) {
        spec.footer = top;
    }
    png_response(&state, poll.id, spec).await
}

/// "Most chosen: Yes (91%)" for the first choice question, when its numbers may be shown.
fn top_answer(poll: &Poll, figures: &Aggregates, locale: Locale) -> Option<String> {
    let l = locale.code();
    let question = poll.definition.topic_questions().find(|q| {
        matches!(
            q.kind,
            QuestionKind::SingleChoice | QuestionKind::MultiChoice
        )
    })?;
    let result = figures.questions.iter().find(|r| r.id == question.id)?;
    let best = result
        .options
        .iter()
        .filter_map(|o| Some((o, o.share?)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let label = question.options.iter().find(|o| o.id == best.0.value)?;
    Some(t!(
        locale,
        "results-preview-top",
        answer = label.text.get(l),
        share = flits_resident_pages::figures::percent_text(best.1, locale)
    ))
}

/// The PNG of `spec`, rendered once and then served from the cache.
async fn png_response(
    state: &CollectorState,
    poll_id: uuid::Uuid,
    spec: PreviewSpec,
) -> HttpResponse {
    let key = format!(
        "{}|{}|{}|{}|{}|{}",
        poll_id,
        spec.title,
        spec.organisation,
        spec.footer,
        spec.background.hex(),
        spec.foreground.hex()
    );
    let png = match state.previews.get(&key) {
        Some(png) => png,
        None => match web::block(move || render(&spec)).await {
            Ok(Ok(png)) => {
                let png = Arc::new(png);
                state.previews.put(key, png.clone());
                png
            }
            Ok(Err(e)) => {
                tracing::error!(error = %e, "preview did not render");
                return HttpResponse::InternalServerError().finish();
            }
            Err(e) => {
                tracing::error!(error = %e, "preview rendering was cancelled");
                return HttpResponse::ServiceUnavailable().finish();
            }
        },
    };
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "image/png"))
        .insert_header((CACHE_CONTROL, "public, max-age=3600"))
        .body(png.as_ref().clone())
}

/// What the preview of `poll` shows in `locale`: its title, its organisation and the site, in the
/// organisation's colours.
async fn spec_of(state: &CollectorState, poll: &Poll, locale: Locale) -> PreviewSpec {
    let sender = crate::sender::of_poll(state, poll, locale).await;
    let themed = match &sender {
        Some(s) if s.kind == crate::sender::SenderKind::Organisation => {
            theme_for(state, &s.id).await
        }
        _ => None,
    };
    let (background, foreground) = match &themed {
        Some(t) => (
            t.primary(),
            Rgb::parse(&t.color_primary_text).unwrap_or(Rgb(255, 255, 255)),
        ),
        None => (crate::theme::DEFAULT_PRIMARY, Rgb(255, 255, 255)),
    };
    let organisation = sender.map_or_else(|| poll.organisation_id.clone(), |s| s.name);
    let host = state
        .public_url
        .host_str()
        .map(str::to_owned)
        .unwrap_or_default();
    let minutes = flits_survey::estimate_seconds(&poll.definition)
        .div_ceil(60)
        .max(1);
    PreviewSpec {
        title: poll.definition.title.get(locale.code()).to_owned(),
        organisation,
        // The call to action: what a reader of a shared link should do, and how long it takes.
        footer: t!(
            locale,
            "preview-call",
            minutes = minutes,
            host = host.as_str()
        ),
        background,
        foreground,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_1200_by_630_png_with_the_title_in_the_foreground_colour() {
        let spec = PreviewSpec {
            title: "Fietsparkeren bij het station: wat vindt u ervan? Een heel lange titel die over meerdere regels moet lopen en misschien zelfs afgekapt wordt omdat hij echt veel te lang is voor een afbeelding".into(),
            organisation: "Gemeente Beverwijk".into(),
            footer: "peiling.example.nl".into(),
            background: Rgb(0xc0, 0, 0),
            foreground: Rgb(255, 255, 255),
        };
        let png = render(&spec).unwrap();
        let img = image::load_from_memory_with_format(&png, ImageFormat::Png)
            .unwrap()
            .to_rgb8();
        assert_eq!(img.dimensions(), (WIDTH, HEIGHT));
        assert_eq!(img.get_pixel(5, 5), &Pixel([0xc0, 0, 0]));
        let white = img.pixels().filter(|p| p.0 == [255, 255, 255]).count();
        assert!(white > 5_000, "text was drawn: {white} white pixels");
    }

    #[test]
    fn wraps_and_truncates() {
        let font = FontRef::try_from_slice(FONT).unwrap();
        let lines = wrap(&font, PxScale::from(76.0), &"woord ".repeat(80), 1040.0, 4);
        assert_eq!(lines.len(), 4);
        assert!(lines[3].ends_with('…'));
    }
}
