//! `GET /`: the public overview (README.md, "Public routes"): the polls residents can take part in
//! now and the results published so far, for the whole region or, with `?org=ORG`, for one
//! municipality's residents (`listing.rs` says which polls those are). In the language negotiated
//! as on every resident page, among all five; poll titles fall back as their texts do.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use flits_http::PageError;
use flits_http::query::url_query_param;
use flits_i18n::{Locale, t};
use flits_resident_pages::figures::excerpt;
use flits_resident_pages::local_time::local_moment;
use flits_resident_pages::{Chrome, FeedLink, LanguageLink};
use flits_store::Poll;
use serde::Serialize;

use crate::chrome::{ChromeOf, chrome, html};
use crate::language::{choose, remember};
use crate::listing::Listing;
use crate::notices::{Notice, render_notice};
use crate::page_failure::{PageFailure, page_error};
use crate::state::CollectorState;

/// How much of a "you said, we did" text the overview shows.
const EXCERPT_CHARS: usize = 160;

#[derive(Serialize)]
struct FilterLink {
    href: String,
    name: String,
    current: bool,
}

#[derive(Serialize)]
struct OpenItem {
    href: String,
    title: String,
    /// `lang` of the title when it is not in the page's language (it fell back).
    title_lang: Option<&'static str>,
    by: String,
    audiences: Option<String>,
    until: Option<String>,
}

#[derive(Serialize)]
struct ResultItem {
    href: String,
    title: String,
    title_lang: Option<&'static str>,
    by: String,
    published: String,
    summary: String,
}

#[derive(Serialize)]
struct OverviewView {
    #[serde(flatten)]
    chrome: Chrome,
    heading: String,
    filters: Vec<FilterLink>,
    open: Vec<OpenItem>,
    results: Vec<ResultItem>,
    feed_href: String,
}

/// The `?org=` of a request, when it names something.
pub fn org_param(req: &HttpRequest) -> Option<String> {
    url_query_param(req.query_string(), "org").filter(|o| !o.is_empty())
}

/// The title of the overview (and of its feed): the region's name when there is one region.
pub fn overview_title(listing: &Listing, org: Option<&str>, locale: Locale) -> String {
    match org.and_then(|o| listing.organisation(o)) {
        Some(o) => t!(locale, "overview-title-org", org = o.name.as_str()),
        None => match listing.regions.as_slice() {
            [region] => t!(
                locale,
                "overview-title-region",
                region = region.name.as_str()
            ),
            _ => t!(locale, "overview-title-all"),
        },
    }
}

/// The query of the overview's links: the organisation, then the language.
fn query(org: Option<&str>, lang: Option<&str>) -> String {
    let mut q = url::form_urlencoded::Serializer::new(String::new());
    if let Some(o) = org {
        q.append_pair("org", o);
    }
    if let Some(l) = lang {
        q.append_pair("lang", l);
    }
    let q = q.finish();
    if q.is_empty() { q } else { format!("?{q}") }
}

/// A poll's title in `locale`, and its language when it had to fall back to another.
fn title_of(poll: &Poll, locale: Locale) -> (String, Option<&'static str>) {
    let def = &poll.definition;
    let offered = def.offered_languages();
    let title = def.title.get(locale.code()).to_owned();
    let lang = (!offered.contains(&locale))
        .then(|| offered.first().map(|l| l.code()))
        .flatten();
    (title, lang)
}

/// The link to a poll's page (or results), in the page's language where the poll offers it.
fn poll_href(poll: &Poll, suffix: &str, locale: Locale) -> String {
    let offered = poll.definition.offered_languages().contains(&locale);
    let lang = if offered {
        format!("?lang={}", locale.code())
    } else {
        String::new()
    };
    format!("/p/{}{suffix}{lang}", poll.slug)
}

/// The name of the organisation with `id`.
fn org_name(listing: &Listing, id: &str) -> String {
    listing
        .organisation(id)
        .map_or_else(|| id.to_owned(), |o| o.name.clone())
}

/// `GET /`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<CollectorState>,
) -> Result<HttpResponse, PageError> {
    let locale = choose(&req, &Locale::RESIDENT, None);
    let org = org_param(&req);
    let page = overview_page(&state, org.as_deref(), locale).await;
    let mut res = page.map_err(|f| page_error(&state, &req, locale, f))?;
    if let Some(cookie) = remember(&req, locale, state.is_https())
        && let Err(e) = res.add_cookie(&cookie)
    {
        tracing::warn!(error = %e, "language cookie not set");
    }
    Ok(res)
}

async fn overview_page(
    state: &CollectorState,
    org: Option<&str>,
    locale: Locale,
) -> Result<HttpResponse, PageFailure> {
    let listing = state.caches.listing(&state.store).await?;
    if let Some(o) = org
        && listing.organisation(o).is_none()
    {
        let notice = Notice {
            status: StatusCode::NOT_FOUND,
            heading: t!(locale, "overview-unknown-org-heading"),
            paragraphs: vec![t!(locale, "overview-unknown-org-text")],
            link: Some((
                format!("/{}", query(None, Some(locale.code()))),
                t!(locale, "overview-filter-all"),
            )),
        };
        return render_notice(state, None, locale, notice).await;
    }
    let l = locale.code();
    let heading = overview_title(&listing, org, locale);
    let mut frame = chrome(
        state,
        ChromeOf {
            poll: None,
            locale,
            page_title: heading.clone(),
            link_preview: false,
            languages: Locale::RESIDENT
                .iter()
                .map(|&other| LanguageLink {
                    href: format!("/{}", query(org, Some(other.code()))),
                    code: other.code(),
                    name: other.native_name(),
                    current: other == locale,
                })
                .collect(),
        },
    )
    .await;
    let feed_href = format!("/feed.atom{}", query(org, Some(l)));
    frame.feed = Some(FeedLink {
        href: feed_href.clone(),
        title: heading.clone(),
    });
    let mut filters = vec![FilterLink {
        href: format!("/{}", query(None, Some(l))),
        name: t!(locale, "overview-filter-all"),
        current: org.is_none(),
    }];
    filters.extend(listing.organisations.iter().map(|o| FilterLink {
        href: format!("/{}", query(Some(&o.id), Some(l))),
        name: o.name.clone(),
        current: org == Some(o.id.as_str()),
    }));
    let open = listing
        .open(org, Utc::now())
        .into_iter()
        .map(|item| {
            let (title, title_lang) = title_of(&item.poll, locale);
            let names = listing.audience_names(&item.audiences);
            OpenItem {
                href: poll_href(&item.poll, "", locale),
                title,
                title_lang,
                by: t!(
                    locale,
                    "overview-by",
                    org = org_name(&listing, &item.poll.organisation_id)
                ),
                audiences: (!names.is_empty())
                    .then(|| t!(locale, "overview-for", audiences = names.join(", "))),
                until: item.poll.closes_at.map(|at| {
                    let m = local_moment(at, locale);
                    t!(locale, "overview-open-until", date = m.date, time = m.time)
                }),
            }
        })
        .collect();
    let results = listing
        .published(org)
        .into_iter()
        .map(|item| {
            let (title, title_lang) = title_of(&item.poll, locale);
            ResultItem {
                href: poll_href(&item.poll, "/results", locale),
                title,
                title_lang,
                by: t!(
                    locale,
                    "overview-by",
                    org = org_name(&listing, &item.poll.organisation_id)
                ),
                published: t!(
                    locale,
                    "overview-published",
                    date = local_moment(item.publication.published_at, locale).date
                ),
                summary: excerpt(item.publication.summary.get(l), EXCERPT_CHARS),
            }
        })
        .collect();
    let view = OverviewView {
        chrome: frame,
        heading,
        filters,
        open,
        results,
        feed_href,
    };
    Ok(html(
        StatusCode::OK,
        state.templates.render("overview/page", &view)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_organisation_and_name_the_language() {
        assert_eq!(query(Some("velsen"), Some("ar")), "?org=velsen&lang=ar");
        assert_eq!(query(None, Some("nl")), "?lang=nl");
        assert_eq!(query(Some("a b"), None), "?org=a+b");
        assert_eq!(query(None, None), "");
    }
}
