//! `GET /staff/polls/{slug}/share`: the share kit of a poll, everything comms staff need to spread
//! it on their own: the link for each configured channel (with its `?c=`, so responses say where
//! they came from), the QR code of each, the printable poster, and a snippet for the
//! municipality's website (an `<iframe>` of the poll's embed card, with a plain link after it for
//! readers whose browser shows no frames or whose site does not allow it).
//!
//! The links point at the public address (`FLITS_PUBLIC_URL`), as posted links do.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use flits_http::PageError;
use flits_i18n::t;
use flits_survey::PollState;
use serde::Serialize;

use crate::identity::Caller;
use crate::ui::page::StaffPage;
use crate::ui::visible_poll::{not_found, visible};

/// The channel the embed card's link records (one of the collector's built-in channels).
const WEBSITE: &str = "website";

#[derive(Debug, Serialize)]
struct ShareView {
    slug: String,
    title: String,
    state: &'static str,
    /// Whether residents can follow the links now; before opening they see "not yet open".
    open: bool,
    links: Vec<ShareLink>,
    poster: String,
    poster_qr: String,
    embed_snippet: String,
    embed_origins: Vec<String>,
}

#[derive(Debug, Serialize)]
struct ShareLink {
    channel: String,
    /// The configured channel's kind (`mastodon`…), or none for the built-in ones.
    kind: Option<&'static str>,
    url: String,
    qr_svg: String,
    qr_png: String,
}

/// The share kit's snippet for a website: the frame and, after it, the same poll as a plain link.
fn embed_snippet(base: &str, slug: &str, title: &str, fallback: &str) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<iframe src=\"{base}/p/{slug}/embed\" title=\"{title}\" width=\"100%\" height=\"320\" \
         loading=\"lazy\" style=\"border:0;max-width:40rem\"></iframe>\n\
         <p><a href=\"{base}/p/{slug}?c={WEBSITE}\">{fallback}</a></p>",
        title = esc(title),
        fallback = esc(fallback),
    )
}

/// `GET /staff/polls/{slug}/share`.
pub async fn show(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = visible(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let base = page
        .state
        .channels
        .public_url()
        .as_str()
        .trim_end_matches('/')
        .to_owned();
    let slug = poll.slug.clone();
    let link = |channel: &str, kind: Option<&'static str>| ShareLink {
        channel: channel.to_owned(),
        kind,
        url: format!("{base}/p/{slug}?c={channel}"),
        qr_svg: format!("{base}/p/{slug}/qr.svg?c={channel}"),
        qr_png: format!("{base}/p/{slug}/qr.png?c={channel}"),
    };
    let mut links: Vec<ShareLink> = page
        .state
        .channels
        .all()
        .iter()
        .map(|c| link(c.id.as_str(), Some(c.kind.as_str())))
        .collect();
    for built_in in ["email", WEBSITE, "share"] {
        links.push(link(built_in, None));
    }
    // The page's title is in the staff member's language; the snippet's in the poll's first one,
    // which residents on the website read.
    let title = poll.definition.title.get(page.locale.code()).to_owned();
    let resident_locale = poll
        .definition
        .offered_languages()
        .first()
        .copied()
        .unwrap_or(flits_i18n::Locale::Nl);
    let view = ShareView {
        open: poll.state == PollState::Open,
        state: poll.state.as_str(),
        embed_snippet: embed_snippet(
            &base,
            &slug,
            poll.definition.title.get(resident_locale.code()),
            &t!(resident_locale, "resident-embed-cta"),
        ),
        embed_origins: page.state.config.embed_origins.clone(),
        poster: format!("{base}/p/{slug}/poster?c=poster"),
        poster_qr: format!("{base}/p/{slug}/qr.svg?c=poster"),
        links,
        title: title.clone(),
        slug,
    };
    let heading = t!(page.locale, "staff-share-title", title = title.as_str());
    page.render(StatusCode::OK, "staff/share", &heading, &view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_frames_the_card_and_links_the_poll_escaped() {
        let s = embed_snippet("https://p.nl", "groen", "Groen & \"blauw\"", "Doe mee");
        assert!(
            s.starts_with("<iframe src=\"https://p.nl/p/groen/embed\""),
            "{s}"
        );
        assert!(s.contains("title=\"Groen &amp; &quot;blauw&quot;\""), "{s}");
        assert!(
            s.contains("<a href=\"https://p.nl/p/groen?c=website\">Doe mee</a>"),
            "{s}"
        );
    }
}
