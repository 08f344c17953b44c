//! `GET /p/{slug}/results`: what came of a poll, for everyone (README.md, "Public routes").
//!
//! Live once staff published the results (the poll is `results_published`, or later `archived`
//! with its publication); before that `404`. What the page shows is built by
//! `flits_resident_pages::results`, which the staff service also uses to preview a draft; here it
//! is served, with the figures and the rendered page cached.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_resident_pages::language::language_links;
use flits_resident_pages::results::{self, ResultsSource, results_view};
use flits_store::{Poll, Publication};
use flits_survey::PollState;

use crate::chrome::{ChromeOf, chrome, html};
use crate::language::{offered_locales, remember};
use crate::notices::{Notice, render_notice, unavailable_page};
use crate::page_failure::{PageFailure, page_error};
use crate::poll_page::{find_poll, page_locale};
use crate::state::CollectorState;

/// Whether `poll` may show results at all (its publication is looked up next).
fn published_state(poll: &Poll) -> bool {
    matches!(
        poll.state,
        PollState::ResultsPublished | PollState::Archived
    )
}

/// `GET /p/{slug}/results`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let poll = find_poll(&state, &req, &slug, None).await?;
    let locale = page_locale(&req, poll.as_deref(), None);
    let page = match poll.as_deref() {
        Some(p) if published_state(p) => match state.store.publication(p.id).await {
            Ok(Some(publication)) => results_page(&state, p, &publication, locale).await,
            Ok(None) => not_yet_page(&state, p, locale).await,
            Err(e) => Err(e.into()),
        },
        Some(p) if p.state != PollState::Draft => not_yet_page(&state, p, locale).await,
        _ => unavailable_page(&state, None, locale).await,
    };
    let mut res = page.map_err(|f| page_error(&state, &req, locale, f))?;
    if let Some(cookie) = remember(&req, locale, state.is_https())
        && let Err(e) = res.add_cookie(&cookie)
    {
        tracing::warn!(error = %e, "language cookie not set");
    }
    Ok(res)
}

/// A poll residents can see whose results are not out yet: `404` that says so, with the poll's
/// promise of when they will be. An archived poll that never published is as unknown as on its
/// own page.
async fn not_yet_page(
    state: &CollectorState,
    poll: &Poll,
    locale: Locale,
) -> Result<HttpResponse, PageFailure> {
    if poll.state == PollState::Archived {
        return unavailable_page(state, None, locale).await;
    }
    let mut paragraphs = vec![t!(locale, "results-not-yet-text")];
    paragraphs.extend(
        poll.definition
            .brief
            .as_ref()
            .and_then(|b| b.feedback_promise.as_ref())
            .map(|p| p.get(locale.code()).to_owned()),
    );
    let notice = Notice {
        status: StatusCode::NOT_FOUND,
        heading: t!(locale, "results-not-yet-heading"),
        paragraphs,
        link: Some((
            format!("/p/{}?lang={}", poll.slug, locale.code()),
            t!(locale, "results-to-poll"),
        )),
    };
    render_notice(state, Some(poll), locale, notice).await
}

/// The results page, rendered once per poll and language for the cache's lifetime.
async fn results_page(
    state: &CollectorState,
    poll: &Poll,
    publication: &Publication,
    locale: Locale,
) -> Result<HttpResponse, PageFailure> {
    let key = format!("results|{}|{}", poll.id, locale.code());
    if let Some(page) = state.caches.page(&key) {
        return Ok(html(StatusCode::OK, page.as_ref().clone()));
    }
    let figures = state
        .caches
        .aggregates(&state.store, poll, state.k_anonymity)
        .await?;
    let posts = state.store.outbox_posts(poll.id).await?;
    let offered = offered_locales(&poll.definition);
    let frame = chrome(
        state,
        ChromeOf {
            poll: Some(poll),
            locale,
            page_title: results::page_title(poll, locale),
            link_preview: false,
            languages: language_links(&results::path(&poll.slug), &offered, locale, None),
        },
    )
    .await;
    let source = ResultsSource {
        poll,
        publication,
        figures: &figures,
        posts: &posts,
        channel_kinds: &state.channel_kinds,
        public_base: state.public_url.as_str(),
    };
    let view = results_view(&source, frame, locale);
    let body = std::sync::Arc::new(state.templates.render("poll/results", &view)?);
    state.caches.put_page(key, body.clone());
    Ok(html(StatusCode::OK, body.as_ref().clone()))
}
