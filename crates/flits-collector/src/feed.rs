//! `GET /feed.atom`: the public overview as an Atom feed (RFC 4287), for feed readers, local
//! news sites and the municipalities' own websites: one entry per open poll and one per published
//! result, newest first, `?org=ORG` as on the overview. Written by `atom_syndication`; every link
//! is absolute on the public base (`FLITS_PUBLIC_URL`), since a feed is read far from this site.
//!
//! An entry's id is the address it is about, which never changes: the poll's page for an open
//! poll, its results page for a result. So a reader shows a poll once while it is open and its
//! results once they are out, and a later "what we did" update moves the result up again.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, VARY};
use actix_web::{HttpRequest, HttpResponse, web};
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::{DateTime, Utc};
use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_store::Poll;

use crate::language::choose;
use crate::listing::Listing;
use crate::overview::{org_param, overview_title};
use crate::page_failure::page_error;
use crate::state::CollectorState;

/// How long feed readers and proxies may keep the feed.
const MAX_AGE_SECONDS: u32 = 300;

fn fixed(at: DateTime<Utc>) -> FixedDateTime {
    at.fixed_offset()
}

fn link(href: String, rel: &str, mime_type: Option<&str>) -> Link {
    Link {
        href,
        rel: rel.to_owned(),
        mime_type: mime_type.map(str::to_owned),
        ..Default::default()
    }
}

fn author(name: String) -> Person {
    Person {
        name,
        ..Default::default()
    }
}

/// An absolute link to a poll's page or results, naming the language unless it is the poll's
/// default.
fn poll_link(state: &CollectorState, poll: &Poll, suffix: &str, locale: Locale) -> String {
    let offered = poll.definition.offered_languages();
    let lang = match offered.first() {
        Some(first) if *first != locale && offered.contains(&locale) => {
            format!("?lang={}", locale.code())
        }
        _ => String::new(),
    };
    state.public_link(&format!("/p/{}{suffix}{lang}", poll.slug))
}

/// The feed of `listing` for `org` in `locale`.
pub fn build(
    state: &CollectorState,
    listing: &Listing,
    org: Option<&str>,
    locale: Locale,
    now: DateTime<Utc>,
) -> Feed {
    let l = locale.code();
    let org_name = |id: &str| {
        listing
            .organisation(id)
            .map_or_else(|| id.to_owned(), |o| o.name.clone())
    };
    let mut entries: Vec<Entry> = Vec::new();
    for item in listing.open(org, now) {
        let poll = &item.poll;
        let def = &poll.definition;
        let at = poll.opens_at.unwrap_or(poll.created_at);
        let summary = def
            .intro
            .as_ref()
            .map(|t| t.get(l).to_owned())
            .unwrap_or_else(|| crate::poll_form::duration_text(def, locale));
        entries.push(Entry {
            title: Text::plain(t!(locale, "feed-open-title", title = def.title.get(l))),
            id: state.public_link(&format!("/p/{}", poll.slug)),
            updated: fixed(at),
            published: Some(fixed(at)),
            authors: vec![author(org_name(&poll.organisation_id))],
            links: vec![link(
                poll_link(state, poll, "", locale),
                "alternate",
                Some("text/html"),
            )],
            summary: Some(Text::plain(summary)),
            ..Default::default()
        });
    }
    for item in listing.published(org) {
        let poll = &item.poll;
        entries.push(Entry {
            title: Text::plain(t!(
                locale,
                "feed-results-title",
                title = poll.definition.title.get(l)
            )),
            id: state.public_link(&format!("/p/{}/results", poll.slug)),
            updated: fixed(item.updated_at()),
            published: Some(fixed(item.publication.published_at)),
            authors: vec![author(org_name(&poll.organisation_id))],
            links: vec![link(
                poll_link(state, poll, "/results", locale),
                "alternate",
                Some("text/html"),
            )],
            summary: Some(Text::plain(item.publication.summary.get(l))),
            ..Default::default()
        });
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
    let query = org
        .map(|o| {
            url::form_urlencoded::Serializer::new(String::new())
                .append_pair("org", o)
                .finish()
        })
        .map_or_else(String::new, |q| format!("?{q}"));
    let title = overview_title(listing, org, locale);
    Feed {
        title: Text::plain(title.clone()),
        id: state.public_link(&format!("/feed.atom{query}")),
        updated: entries.first().map_or_else(|| fixed(now), |e| e.updated),
        authors: vec![author(title)],
        links: vec![
            link(
                state.public_link(&format!("/feed.atom{query}")),
                "self",
                Some("application/atom+xml"),
            ),
            link(
                state.public_link(&format!("/{query}")),
                "alternate",
                Some("text/html"),
            ),
        ],
        subtitle: Some(Text::plain(t!(locale, "feed-subtitle"))),
        lang: Some(l.to_owned()),
        entries,
        ..Default::default()
    }
}

/// `GET /feed.atom`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<CollectorState>,
) -> Result<HttpResponse, PageError> {
    let locale = choose(&req, &Locale::RESIDENT, None);
    let listing = state
        .caches
        .listing(&state.store)
        .await
        .map_err(|e| page_error(&state, &req, locale, e.into()))?;
    let org = org_param(&req);
    if let Some(o) = &org
        && listing.organisation(o).is_none()
    {
        return Ok(HttpResponse::NotFound().finish());
    }
    let feed = build(&state, &listing, org.as_deref(), locale, Utc::now());
    let body = feed.to_string();
    Ok(HttpResponse::build(StatusCode::OK)
        .insert_header((CONTENT_TYPE, "application/atom+xml; charset=utf-8"))
        .insert_header((CACHE_CONTROL, format!("public, max-age={MAX_AGE_SECONDS}")))
        .insert_header((VARY, "Accept-Language, Cookie"))
        .body(body))
}
