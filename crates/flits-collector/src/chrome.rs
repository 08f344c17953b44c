//! The frame around every resident page ([`Chrome`], shared with the staff service's preview
//! through `flits-resident-pages`) as the collector fills it in: the organisation's name and
//! theme from its caches and settings, the language switch and, on the poll page, the link preview.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use flits_i18n::Locale;
use flits_resident_pages::language::og_locale;
use flits_resident_pages::{Chrome, Footer, LanguageLink, LinkPreview};
use flits_store::Poll;

use crate::sender::SenderKind;
use crate::state::CollectorState;

/// Options for [`chrome`].
pub struct ChromeOf<'a> {
    pub poll: Option<&'a Poll>,
    pub locale: Locale,
    pub page_title: String,
    /// Whether the page carries link-preview tags (the poll page itself).
    pub link_preview: bool,
    pub languages: Vec<LanguageLink>,
}

/// The frame of a page about `poll` (or about no poll: then plain Flits, unthemed).
pub async fn chrome(state: &CollectorState, of: ChromeOf<'_>) -> Chrome {
    let ChromeOf {
        poll,
        locale,
        page_title,
        link_preview,
        languages,
    } = of;
    let mut frame = Chrome {
        languages,
        ..Chrome::plain(locale, page_title)
    };
    let Some(poll) = poll else {
        return frame;
    };
    match crate::sender::of_poll(state, poll, locale).await {
        Some(sender) => {
            frame.org_name = sender.name.clone();
            frame.logo_url = sender.logo_url.clone();
            frame.footer = Footer::of(Some(&sender.id), locale);
            // A regional poll does not wear the colours of the municipality that made it.
            if sender.kind == SenderKind::Organisation
                && crate::theme::theme_for(state, &sender.id).await.is_some()
            {
                frame.theme_css = Some(format!("/assets/theme/{}.css", sender.id));
            }
        }
        None => frame.org_name = poll.organisation_id.clone(),
    }
    if link_preview {
        frame.preview = Some(link_preview_of(state, poll, locale, &frame.org_name));
    }
    frame
}

/// The link preview of a poll's page in `locale`, with the canonical URL on the public base.
fn link_preview_of(state: &CollectorState, poll: &Poll, locale: Locale, org: &str) -> LinkPreview {
    let l = locale.code();
    let def = &poll.definition;
    let description = def
        .intro
        .as_ref()
        .map(|t| t.get(l).to_owned())
        .unwrap_or_else(|| crate::poll_form::duration_text(def, locale));
    // The poll's default language has the bare link; others name their language.
    let is_default = crate::language::offered_locales(def).first() == Some(&locale);
    let lang_query = if is_default {
        String::new()
    } else {
        format!("?lang={l}")
    };
    LinkPreview {
        canonical: state.public_link(&format!("/p/{}{lang_query}", poll.slug)),
        title: def.title.get(l).to_owned(),
        description,
        site_name: org.to_owned(),
        og_locale: og_locale(locale),
        image: state.public_link(&format!("/p/{}/preview.png?lang={l}", poll.slug)),
    }
}

/// An HTML page that no shared cache may keep: pages carry one-time tokens or depend on the
/// browser's cookies.
pub fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "no-store"))
        .body(body)
}
