//! The thank-you page (`GET /p/{slug}/thanks`) and its offer "e-mail me the results"
//! (`POST /p/{slug}/results-by-email`), without JavaScript.
//!
//! Who may ask, and how often:
//! - only a browser that took part: it carries the poll's participation cookie
//!   ([`crate::fairness`]). That cookie is `SameSite=Lax`, so a form on another site cannot send
//!   it along; and a request that says it comes from another site is refused before anything
//!   else ([`crate::cross_site`]);
//! - within the collector's rate limits per hashed network address and for the whole process, and
//!   at most `collector.results_emails_per_address_per_poll` addresses per network address, poll
//!   and day, so that nobody can sign up other people's addresses by the hundred.
//!
//! The address is checked by the [`Email`] rule and stored with the poll, the page's language and
//! the date, apart from the answers (`flits_store`'s feedback module); the runner sends the one
//! message once the results are published and deletes it. Asking twice is one subscription, and
//! the reply is the same whether the address was new or not. The offer is made only when the
//! process can send e-mail (README.md, "Feedback by e-mail"). Addresses are never logged.

use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use chrono_tz::Europe::Amsterdam;
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_resident_pages::Chrome;
use flits_store::Poll;
use flits_types::Email;
use serde::Serialize;

use crate::availability::{Availability, availability};
use crate::chrome::{ChromeOf, chrome, html};
use crate::cross_site;
use crate::fairness::{AddressKey, Limited};
use crate::notices::{Notice, render_notice, unavailable_page, wait};
use crate::page_failure::{PageFailure, page_error};
use crate::poll_page::{find_poll, page_locale, took_part};
use crate::state::CollectorState;
use crate::submit::check_rates;

/// The largest body the form may send (an address is at most 254 characters).
pub const MAX_BODY: usize = 4 * 1024;
/// The most of a rejected address that is shown back in the field.
const MAX_ECHO: usize = 320;

/// The offer of the thank-you page, when the process can send e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultsByEmail {
    /// How long an address waits for the results before it is deleted unsent
    /// (`[feedback] keep_days`), which the form tells residents.
    pub keep_days: u32,
}

/// What was typed in the form, and what is wrong with it.
#[derive(Debug, Default)]
struct Entered {
    email: String,
    error: Option<String>,
}

#[derive(Serialize)]
struct Link {
    href: String,
    text: String,
}

#[derive(Serialize)]
struct FormView {
    action: String,
    email: String,
    error: Option<String>,
    keep_days: u32,
}

#[derive(Serialize)]
struct ThanksView {
    #[serde(flatten)]
    chrome: Chrome,
    heading: String,
    paragraphs: Vec<String>,
    results_link: Option<Link>,
    /// Before the results are out: where they will be, to keep.
    results_address: Option<Link>,
    form: Option<FormView>,
    share: ShareView,
    /// The way back to the municipality's (or region's) own website, or the overview.
    back: Link,
}

/// Asking others to take part: each way with its own `?c=`, so the export shows what sharing
/// brought.
#[derive(Serialize)]
struct ShareView {
    /// For the Web Share API (a script, where the browser has it): the link and its text.
    link: String,
    text: String,
    title: String,
    whatsapp: String,
    email: String,
}

/// `text` for a query string.
fn encoded(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

fn share_view(state: &CollectorState, poll: &Poll, locale: Locale) -> ShareView {
    let l = locale.code();
    let title = poll.definition.title.get(l).to_owned();
    let link_for = |channel: &str| {
        let lang = if crate::language::offered_locales(&poll.definition).first() == Some(&locale) {
            String::new()
        } else {
            format!("&lang={l}")
        };
        state.public_link(&format!("/p/{}?c={channel}{lang}", poll.slug))
    };
    let text_with = |link: &str| t!(locale, "share-text", title = title.as_str(), link = link);
    let whatsapp_text = text_with(&link_for("whatsapp"));
    let email_body = text_with(&link_for("email"));
    let subject = t!(locale, "share-email-subject", title = title.as_str());
    let link = link_for("share");
    ShareView {
        text: t!(locale, "share-text-short", title = title.as_str()),
        whatsapp: format!("https://wa.me/?text={}", encoded(&whatsapp_text)),
        email: format!(
            "mailto:?subject={}&body={}",
            encoded(&subject),
            encoded(&email_body)
        ),
        link,
        title,
    }
}

/// Whether the thank-you page of `poll` offers the e-mail to this browser: the process can send
/// it, the browser took part, and the results are not out yet (then the page links to them).
fn offered(state: &CollectorState, req: &HttpRequest, poll: &Poll) -> Option<ResultsByEmail> {
    let closed_or_open = matches!(
        availability(poll, Utc::now()),
        Availability::Open
            | Availability::Closed {
                results_published: false,
                ..
            }
    );
    state
        .results_by_email
        .filter(|_| closed_or_open && took_part(state, req, poll))
}

/// The thank-you page: thanks, the poll's own feedback promise, and the offer (or the results).
async fn render_thanks(
    state: &CollectorState,
    poll: &Poll,
    locale: Locale,
    offer: Option<ResultsByEmail>,
    entered: Entered,
    status: StatusCode,
) -> Result<HttpResponse, PageFailure> {
    let heading = t!(locale, "thanks-heading");
    let mut paragraphs = vec![t!(locale, "thanks-text")];
    paragraphs.extend(
        poll.definition
            .brief
            .as_ref()
            .and_then(|b| b.feedback_promise.as_ref())
            .map(|promise| promise.get(locale.code()).to_owned()),
    );
    let published = matches!(
        availability(poll, Utc::now()),
        Availability::Closed {
            results_published: true,
            ..
        }
    );
    let results_link = published.then(|| Link {
        href: format!("/p/{}/results?lang={}", poll.slug, locale.code()),
        text: t!(locale, "see-results"),
    });
    // The results page answers 404 until they are published, but its address is already
    // the one to keep.
    let results_address = (!published).then(|| {
        let href = state.public_link(&format!("/p/{}/results?lang={}", poll.slug, locale.code()));
        Link {
            text: href
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .to_owned(),
            href,
        }
    });
    let sender = crate::sender::of_poll(state, poll, locale).await;
    let back = match sender
        .as_ref()
        .and_then(|s| Some((s.name.as_str(), s.contact.website.as_deref()?)))
    {
        Some((name, website)) => Link {
            href: website.to_owned(),
            text: t!(locale, "thanks-back-website", org = name),
        },
        None => Link {
            href: format!("/?lang={}", locale.code()),
            text: t!(locale, "thanks-back-overview"),
        },
    };
    // A page with a mistake says so in its title, for screen readers (WCAG 3.3.1).
    let page_title = if entered.error.is_some() {
        t!(locale, "page-title-error", title = &heading)
    } else {
        heading.clone()
    };
    let of = ChromeOf {
        poll: Some(poll),
        locale,
        page_title,
        link_preview: false,
        languages: Vec::new(),
    };
    let view = ThanksView {
        chrome: chrome(state, of).await,
        heading,
        paragraphs,
        results_link,
        results_address,
        share: share_view(state, poll, locale),
        back,
        form: offer.map(|offer| FormView {
            action: format!("/p/{}/results-by-email", poll.slug),
            email: entered.email,
            error: entered.error,
            keep_days: offer.keep_days,
        }),
    };
    Ok(html(status, state.templates.render("poll/thanks", &view)?))
}

/// `GET /p/{slug}/thanks`: thanks, what will happen with the answers, and the offer.
pub async fn thanks(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    // The browser opens it right after a submit: its moment would be the submit's.
    flits_http::minute_log::count_per_minute(&req);
    let poll = find_poll(&state, &req, &slug, None).await?;
    let locale = page_locale(&req, poll.as_deref(), None);
    let page = match poll {
        // Thanks only where residents could have answered: the poll page's own rule shows a
        // draft as unknown and a poll that is not open yet as such.
        Some(poll)
            if matches!(
                availability(&poll, Utc::now()),
                Availability::Hidden | Availability::NotOpenYet { .. }
            ) =>
        {
            unavailable_page(&state, Some(&poll), locale).await
        }
        Some(poll) => {
            let offer = offered(&state, &req, &poll);
            render_thanks(
                &state,
                &poll,
                locale,
                offer,
                Entered::default(),
                StatusCode::OK,
            )
            .await
        }
        None => unavailable_page(&state, None, locale).await,
    };
    page.map_err(|f| page_error(&state, &req, locale, f))
}

/// The posted form: the address as typed and the page's language (`_lang`); `None` for a body
/// that is not a form.
fn read_form(req: &HttpRequest, body: &[u8]) -> Option<(String, Option<String>)> {
    let is_form = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return None;
    }
    let (mut email, mut lang) = (String::new(), None);
    for (name, value) in url::form_urlencoded::parse(body) {
        match name.as_ref() {
            "email" => email = value.into_owned(),
            "_lang" => lang = Some(value.into_owned()),
            _ => {}
        }
    }
    Some((email, lang))
}

/// `POST /p/{slug}/results-by-email`: the confirmation (`200`), the form again with a message
/// (`422`), or why not: not taken part (`403`), over a limit (`429`), no such offer (`404`).
pub async fn subscribe(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    flits_http::minute_log::count_per_minute(&req);
    let form = read_form(&req, &body);
    let choice = form.as_ref().and_then(|(_, lang)| lang.as_deref());
    if cross_site::check(&state, &req).is_err() {
        let locale = page_locale(&req, None, choice);
        return cross_site::refused_page(&state, &slug, locale)
            .await
            .map_err(|f| page_error(&state, &req, locale, f));
    }
    let poll = find_poll(&state, &req, &slug, choice).await?;
    let locale = page_locale(&req, poll.as_deref(), choice);
    let page = match (poll, form) {
        (None, _) => unavailable_page(&state, None, locale).await,
        (Some(_), None) => {
            return Ok(HttpResponse::UnsupportedMediaType()
                .body("Send the form as application/x-www-form-urlencoded."));
        }
        (Some(poll), Some((email, _))) => match offered(&state, &req, &poll) {
            Some(offer) => match check_rates(&state, &req) {
                Ok(address) => accept(&state, &poll, locale, offer, email, address).await,
                Err(limited) => limited_page(&state, &poll, locale, limited).await,
            },
            None => refused(&state, &req, &poll, locale).await,
        },
    };
    page.map_err(|f| page_error(&state, &req, locale, f))
}

/// Why a browser cannot ask: the poll takes no subscriptions (unknown to residents, or not offered
/// here), or the browser did not take part.
async fn refused(
    state: &CollectorState,
    req: &HttpRequest,
    poll: &Poll,
    locale: Locale,
) -> Result<HttpResponse, PageFailure> {
    let takes_part = matches!(
        availability(poll, Utc::now()),
        Availability::Open | Availability::Closed { .. }
    );
    if state.results_by_email.is_none() || !takes_part {
        return unavailable_page(state, None, locale).await;
    }
    let published = matches!(
        availability(poll, Utc::now()),
        Availability::Closed {
            results_published: true,
            ..
        }
    );
    let notice = if published {
        // The results are out: they are on the website, and no e-mail is needed.
        Notice {
            status: StatusCode::CONFLICT,
            heading: t!(locale, "feedback-published-heading"),
            paragraphs: vec![],
            link: Some((
                format!("/p/{}/results?lang={}", poll.slug, locale.code()),
                t!(locale, "see-results"),
            )),
        }
    } else if !took_part(state, req, poll) {
        Notice {
            status: StatusCode::FORBIDDEN,
            heading: t!(locale, "feedback-not-taken-part-heading"),
            paragraphs: vec![t!(locale, "feedback-not-taken-part-text")],
            link: None,
        }
    } else {
        return unavailable_page(state, None, locale).await;
    };
    render_notice(state, Some(poll), locale, notice).await
}

/// Stores a valid address, or shows the form again with what is wrong.
async fn accept(
    state: &CollectorState,
    poll: &Poll,
    locale: Locale,
    offer: ResultsByEmail,
    typed: String,
    address: Option<AddressKey>,
) -> Result<HttpResponse, PageFailure> {
    let Ok(email) = Email::parse(&typed) else {
        let entered = Entered {
            email: typed.chars().take(MAX_ECHO).collect(),
            error: Some(t!(locale, "feedback-invalid")),
        };
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render_thanks(state, poll, locale, Some(offer), entered, status).await;
    };
    if let Some(key) = address
        && let Err(limited) = state.fairness.reserve_results_email(poll.id, key)
    {
        return limited_page(state, poll, locale, limited).await;
    }
    // The date in Amsterdam, and nothing finer, as for the answers.
    let today = Utc::now().with_timezone(&Amsterdam).date_naive();
    if let Err(e) = state
        .store
        .subscribe_feedback(poll.id, &email, locale, today)
        .await
    {
        if let Some(key) = address {
            state.fairness.release_results_email(poll.id, key);
        }
        return Err(e.into());
    }
    let notice = Notice {
        status: StatusCode::OK,
        heading: t!(locale, "feedback-done-heading"),
        paragraphs: vec![t!(locale, "feedback-done-text", days = offer.keep_days)],
        link: None,
    };
    render_notice(state, Some(poll), locale, notice).await
}

/// Over a rate limit or the daily cap (`429`, with `Retry-After`).
async fn limited_page(
    state: &CollectorState,
    poll: &Poll,
    locale: Locale,
    limited: Limited,
) -> Result<HttpResponse, PageFailure> {
    let (when, minutes) = wait(limited.retry_after);
    let notice = Notice {
        status: StatusCode::TOO_MANY_REQUESTS,
        heading: t!(locale, "feedback-limit-heading"),
        paragraphs: vec![t!(
            locale,
            "feedback-limit-text",
            when = when,
            minutes = minutes
        )],
        link: None,
    };
    let mut res = render_notice(state, Some(poll), locale, notice).await?;
    if let Ok(v) = HeaderValue::from_str(&limited.retry_after.to_string()) {
        res.headers_mut().insert(RETRY_AFTER, v);
    }
    Ok(res)
}
