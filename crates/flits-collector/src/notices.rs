//! Short pages shown instead of the form: unknown, not open yet, closed, already taken part, not
//! saved, over a limit. Every word comes from the catalogue.

use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderValue, RETRY_AFTER};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use flits_i18n::{Locale, t};
use flits_resident_pages::Chrome;
use flits_resident_pages::local_time::local_moment;
use flits_store::Poll;
use serde::Serialize;

use crate::availability::{Availability, availability};
use crate::chrome::{ChromeOf, chrome, html};
use crate::fairness::{LimitReason, Limited};
use crate::page_failure::PageFailure;
use crate::state::CollectorState;

#[derive(Serialize)]
struct Link {
    href: String,
    text: String,
}

#[derive(Serialize)]
struct NoticeView {
    #[serde(flatten)]
    chrome: Chrome,
    heading: String,
    paragraphs: Vec<String>,
    link: Option<Link>,
}

/// A notice: its heading, paragraphs and an optional link (href, text).
pub struct Notice {
    pub status: StatusCode,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub link: Option<(String, String)>,
}

/// Renders a notice page, themed like the poll's organisation when it is about a poll.
pub async fn render_notice(
    state: &CollectorState,
    poll: Option<&Poll>,
    locale: Locale,
    notice: Notice,
) -> Result<HttpResponse, PageFailure> {
    let Notice {
        status,
        heading,
        paragraphs,
        link,
    } = notice;
    let of = ChromeOf {
        poll,
        locale,
        page_title: heading.clone(),
        link_preview: false,
        languages: Vec::new(),
    };
    let view = NoticeView {
        chrome: chrome(state, of).await,
        heading,
        paragraphs,
        link: link.map(|(href, text)| Link { href, text }),
    };
    Ok(html(status, state.templates.render("poll/notice", &view)?))
}

/// What a poll that takes no answers (or does not exist) says, at `now`.
fn unavailable_notice(poll: Option<&Poll>, locale: Locale) -> Notice {
    let av = poll.map_or(Availability::Hidden, |p| availability(p, Utc::now()));
    match av {
        Availability::Hidden | Availability::Open => Notice {
            status: StatusCode::NOT_FOUND,
            heading: t!(locale, "unknown-heading"),
            paragraphs: vec![t!(locale, "unknown-text")],
            link: None,
        },
        Availability::NotOpenYet { opens_at } => Notice {
            status: StatusCode::OK,
            // Named, so a resident who scanned a poster early knows they are in the right place.
            heading: poll.map_or_else(
                || t!(locale, "not-open-heading"),
                |p| {
                    t!(
                        locale,
                        "not-open-heading-named",
                        title = p.definition.title.get(locale.code())
                    )
                },
            ),
            paragraphs: vec![match opens_at.map(|at| local_moment(at, locale)) {
                Some(m) => t!(locale, "opens-at", date = m.date, time = m.time),
                None => t!(locale, "opens-soon"),
            }],
            link: None,
        },
        Availability::Closed {
            closed_at,
            results_published,
        } => {
            let mut paragraphs = vec![match closed_at.map(|at| local_moment(at, locale)) {
                Some(m) => t!(locale, "closed-at", date = m.date, time = m.time),
                None => t!(locale, "closed"),
            }];
            paragraphs.extend(
                poll.and_then(|p| p.definition.brief.as_ref())
                    .and_then(|b| b.feedback_promise.as_ref())
                    .map(|t| t.get(locale.code()).to_owned()),
            );
            let link = poll.filter(|_| results_published).map(|p| {
                (
                    format!("/p/{}/results?lang={}", p.slug, locale.code()),
                    t!(locale, "see-results"),
                )
            });
            Notice {
                status: StatusCode::OK,
                heading: t!(locale, "closed-heading"),
                paragraphs,
                link,
            }
        }
    }
}

/// The page for a poll that does not take answers (or does not exist).
pub async fn unavailable_page(
    state: &CollectorState,
    poll: Option<&Poll>,
    locale: Locale,
) -> Result<HttpResponse, PageFailure> {
    let notice = unavailable_notice(poll, locale);
    // A hidden poll is shown as unknown, without its organisation's look.
    let hidden = notice.status == StatusCode::NOT_FOUND;
    let themed = poll.filter(|_| !hidden);
    render_notice(state, themed, locale, notice).await
}

/// The page for an address nothing answers to (the application's default service): the styled
/// notice in the resident's language, `404`.
pub async fn not_found(req: HttpRequest, state: web::Data<CollectorState>) -> HttpResponse {
    let locale = crate::language::choose(&req, &Locale::RESIDENT, None);
    let notice = Notice {
        status: StatusCode::NOT_FOUND,
        heading: t!(locale, "page-unknown-heading"),
        paragraphs: vec![t!(locale, "page-unknown-text")],
        link: Some((
            format!("/?lang={}", locale.code()),
            t!(locale, "page-unknown-link"),
        )),
    };
    match render_notice(&state, None, locale, notice).await {
        Ok(res) => res,
        Err(f) => actix_web::ResponseError::error_response(&crate::page_failure::page_error(
            &state, &req, locale, f,
        )),
    }
}

/// "You already took part": for a browser that sends the poll's cookie.
pub async fn already_answered_page(
    state: &CollectorState,
    poll: &Poll,
    locale: Locale,
    status: StatusCode,
) -> Result<HttpResponse, PageFailure> {
    let notice = Notice {
        status,
        heading: t!(locale, "already-heading"),
        paragraphs: vec![t!(locale, "already-text")],
        link: Some((
            format!("/p/{}/thanks?lang={}", poll.slug, locale.code()),
            t!(locale, "already-link"),
        )),
    };
    render_notice(state, Some(poll), locale, notice).await
}

/// "Your answers were not saved": the database did not take them.
pub async fn not_saved_page(
    state: &CollectorState,
    poll: &Poll,
    locale: Locale,
) -> Result<HttpResponse, PageFailure> {
    let notice = Notice {
        status: StatusCode::SERVICE_UNAVAILABLE,
        heading: t!(locale, "not-saved-heading"),
        paragraphs: vec![t!(locale, "not-saved-text")],
        link: None,
    };
    render_notice(state, Some(poll), locale, notice).await
}

/// How long to wait, as the catalogue's `$when` selector and a number of minutes.
pub(crate) fn wait(seconds: u64) -> (&'static str, u64) {
    match seconds {
        s if s < 90 => ("minute", 1),
        s if s < 3600 => ("minutes", s.div_ceil(60)),
        _ => ("tomorrow", 0),
    }
}

/// The plain-words page for a form submit over a limit (`429`, with `Retry-After`).
pub async fn rate_limited_page(
    state: &CollectorState,
    poll: Option<&Poll>,
    locale: Locale,
    limited: Limited,
) -> Result<HttpResponse, PageFailure> {
    let (when, minutes) = wait(limited.retry_after);
    let (heading, paragraphs) = match limited.reason {
        LimitReason::AddressCap => (
            t!(locale, "limit-cap-heading"),
            vec![
                t!(locale, "limit-cap-text"),
                t!(locale, "limit-cap-retry", when = when, minutes = minutes),
            ],
        ),
        _ => (
            t!(locale, "limit-busy-heading"),
            vec![
                t!(locale, "limit-busy-text"),
                t!(locale, "limit-busy-retry", when = when, minutes = minutes),
            ],
        ),
    };
    let notice = Notice {
        status: StatusCode::TOO_MANY_REQUESTS,
        heading,
        paragraphs,
        link: None,
    };
    let mut res = render_notice(state, poll, locale, notice).await?;
    if let Ok(v) = HeaderValue::from_str(&limited.retry_after.to_string()) {
        res.headers_mut().insert(RETRY_AFTER, v);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_as_a_minute_minutes_or_tomorrow_in_every_language() {
        assert_eq!(wait(30), ("minute", 1));
        assert_eq!(wait(600), ("minutes", 10));
        assert_eq!(wait(7200).0, "tomorrow");
        for locale in Locale::RESIDENT {
            for seconds in [30, 600, 7200] {
                let (when, minutes) = wait(seconds);
                let text = t!(locale, "limit-busy-retry", when = when, minutes = minutes);
                assert!(!text.contains("limit-busy-retry"), "{locale}: {text}");
                if when == "minutes" {
                    assert!(text.contains("10"), "{locale}: {text}");
                }
            }
        }
    }
}
