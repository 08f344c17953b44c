//! `POST /staff/polls/{slug}/results/preview`: step 3 of the publish flow. The public results page
//! exactly as residents will read it once published — the drafted "you said, we did" text, the
//! chosen quotes as scrubbed, the figures under the small-cell rule as charts with their tables,
//! the native polls' votes — in any language the poll offers, under a banner that says it is a
//! preview.
//!
//! The page is built by `flits_resident_pages::results`, the same code the collector serves the
//! published page with, and rendered with the same template. Nothing is stored: the draft travels
//! in the form (hidden fields of the banner), so switching the language, going back to the form
//! and publishing all keep it. Works without JavaScript. Like publishing, it is for comms staff
//! and admins, and only for a closed poll (an open poll's figures are not for comms staff).

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use actix_web::{HttpResponse, web};
use chrono::Utc;
use flits_http::{Failure, PageError};
use flits_i18n::{Locale, t};
use flits_resident_pages::Chrome;
use flits_resident_pages::results::{self, ResultsSource, ResultsView, results_view};
use flits_store::{Poll, Publication};
use flits_survey::PollState;
use serde::Serialize;

use crate::identity::Caller;
use crate::publishing::scrubbed_quotes;
use crate::ui::Checked;
use crate::ui::page::StaffPage;
use crate::ui::results::{PublishForm, checked, picked, results_page, text_of};
use crate::ui::visible_poll::{not_found, visible};

/// Search engines are told to leave the preview alone (also in the page's `<meta name=robots>`).
const X_ROBOTS_TAG: &str = "X-Robots-Tag";

/// One language the preview can be shown in.
#[derive(Debug, Serialize)]
struct LanguageChoice {
    code: &'static str,
    /// The language's own name for itself.
    name: &'static str,
    selected: bool,
}

/// The banner above the previewed page (`templates/staff/preview-banner.hbs`), in the staff
/// member's language, with the draft as hidden fields.
#[derive(Debug, Serialize)]
struct Banner {
    /// The staff member's language, for the banner's `lang`.
    lang: &'static str,
    heading: String,
    text: String,
    /// The preview again (another language).
    action: String,
    /// The publish form, with the draft.
    back_action: String,
    publish_action: String,
    csrf: String,
    summary_nl: String,
    summary_en: String,
    /// The checked quotes as the form sent them.
    quotes: Vec<String>,
    /// Empty when the poll offers one language.
    languages: Vec<LanguageChoice>,
    language_label: String,
    show_label: String,
    back_label: String,
    publish_label: String,
}

/// The results page's view with the banner beside it.
#[derive(Serialize)]
struct PreviewView {
    #[serde(flatten)]
    page: ResultsView,
    staff_preview: Banner,
}

/// The language the preview is shown in: the one asked for when the poll offers it, else the
/// poll's first language, which most residents read.
fn preview_locale(asked: &str, offered: &[Locale]) -> Locale {
    Locale::parse(asked)
        .filter(|l| offered.contains(l))
        .or_else(|| offered.first().copied())
        .unwrap_or_default()
}

/// `POST /staff/polls/{slug}/results/preview`.
pub async fn preview(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    form: Checked<PublishForm>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = visible(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let form = form.0;
    let (mut outcome, issues) = checked(&page, &poll, &form);
    if !issues.is_empty() {
        return results_page(
            &page,
            &caller,
            &poll,
            StatusCode::UNPROCESSABLE_ENTITY,
            outcome,
        )
        .await;
    }
    if poll.state != PollState::Closed {
        outcome.errors = vec![t!(
            page.locale,
            "staff-publish-not-closed",
            state = poll.state.as_str()
        )];
        return results_page(&page, &caller, &poll, StatusCode::CONFLICT, outcome).await;
    }
    let body = render(&page, &caller, &poll, &form).await?;
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((CACHE_CONTROL, "no-store"))
        .insert_header((X_ROBOTS_TAG, "noindex"))
        .body(body))
}

/// The public results page of `poll` with the draft of `form`, and the banner.
async fn render(
    page: &StaffPage,
    caller: &Caller,
    poll: &Poll,
    form: &PublishForm,
) -> Result<String, PageError> {
    let state = &page.state;
    let store = &state.store;
    let offered = poll.definition.offered_languages();
    let locale = preview_locale(&form.preview_lang, &offered);
    // What publishing would store now.
    let publication = Publication {
        poll_id: poll.id,
        summary: text_of(&form.summary_nl, &form.summary_en),
        quotes: scrubbed_quotes(&picked(&form.quote)),
        updates: Vec::new(),
        published_at: Utc::now(),
        published_by: Some(caller.user.email.clone()),
    };
    let k = state.config.k_anonymity as u64;
    let figures = flits_export::aggregate(store, poll, k)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let posts = store
        .outbox_posts(poll.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let organisation = store
        .organisation(&poll.organisation_id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let channel_kinds: HashMap<String, String> = state
        .channels
        .all()
        .iter()
        .map(|c| (c.id.to_string(), c.kind.as_str().to_owned()))
        .collect();
    // The frame as residents get it, without the language links (they lead to the published
    // page): the banner switches languages with the draft instead. The theme's stylesheet is the
    // collector's, which is empty for an organisation without a usable theme.
    let frame = Chrome {
        org_name: organisation.map_or_else(|| poll.organisation_id.clone(), |o| o.name),
        theme_css: Some(format!("/assets/theme/{}.css", poll.organisation_id)),
        ..Chrome::plain(locale, results::page_title(poll, locale))
    };
    let source = ResultsSource {
        poll,
        publication: &publication,
        figures: &figures,
        posts: &posts,
        channel_kinds: &channel_kinds,
        public_base: state.channels.public_url().as_str(),
    };
    let view = PreviewView {
        page: results_view(&source, frame, locale),
        staff_preview: banner(page, caller, poll, form, &offered, locale),
    };
    state
        .templates
        .render("poll/results", &view)
        .map_err(|e| page.fail(Failure::Internal, &e))
}

/// The banner in the staff member's language, carrying the draft.
fn banner(
    page: &StaffPage,
    caller: &Caller,
    poll: &Poll,
    form: &PublishForm,
    offered: &[Locale],
    shown: Locale,
) -> Banner {
    let staff = page.locale;
    let results = format!("/staff/polls/{}/results", poll.slug);
    let languages = if offered.len() > 1 {
        offered
            .iter()
            .map(|&l| LanguageChoice {
                code: l.code(),
                name: l.native_name(),
                selected: l == shown,
            })
            .collect()
    } else {
        Vec::new()
    };
    Banner {
        lang: staff.code(),
        heading: t!(staff, "staff-results-preview-banner-heading"),
        text: t!(staff, "staff-results-preview-banner-text"),
        action: format!("{results}/preview?lang={}", staff.code()),
        back_action: format!("{results}?lang={}#publish-heading", staff.code()),
        publish_action: format!("{results}?lang={}", staff.code()),
        csrf: caller.csrf_token().to_owned(),
        summary_nl: form.summary_nl.clone(),
        summary_en: form.summary_en.clone(),
        quotes: form.quote.clone(),
        languages,
        language_label: t!(staff, "staff-results-preview-language"),
        show_label: t!(staff, "staff-results-preview-show"),
        back_label: t!(staff, "staff-results-preview-back"),
        publish_label: t!(staff, "staff-results-publish"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_shows_an_offered_language_or_the_polls_first() {
        let offered = [Locale::Nl, Locale::En, Locale::Ar];
        assert_eq!(preview_locale("ar", &offered), Locale::Ar);
        assert_eq!(preview_locale("tr", &offered), Locale::Nl, "not offered");
        assert_eq!(preview_locale("", &offered), Locale::Nl);
        assert_eq!(preview_locale("<script>", &[Locale::En]), Locale::En);
    }
}
