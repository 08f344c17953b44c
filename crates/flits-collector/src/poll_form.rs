//! The poll form: the questions in the resident's language, and after a bad submit what they
//! entered and what was wrong.

use std::collections::BTreeMap;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use flits_i18n::{Locale, t};
use flits_resident_pages::Chrome;
use flits_resident_pages::language::language_links;
use flits_store::Poll;
use flits_survey::{DEFAULT_MAX_LENGTH, PollDefinition, Question, QuestionKind};
use flits_types::ChannelId;
use serde::Serialize;

use crate::chrome::{ChromeOf, chrome, html};
use crate::language::offered_locales;
use crate::page_failure::PageFailure;
use crate::state::CollectorState;

/// What a resident entered, to show again when the form comes back with messages.
pub type Entered = BTreeMap<String, Vec<String>>;

/// A rendered poll page cut in two where the form token goes, so that the page can be kept and
/// served to many residents, each with a token of their own.
///
/// The cut is found with a marker drawn at random for each rendering (128 bits), not a fixed
/// placeholder: a poll text is written before the marker exists, so no text can contain it and
/// move the token into the wrong place.
#[derive(Debug)]
pub struct TokenSlot {
    before: String,
    after: String,
}

impl TokenSlot {
    /// A fresh marker to render the page with in place of the token.
    pub fn marker() -> String {
        let mut raw = [0u8; 16];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut raw);
        let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
        format!("flits-token-{hex}")
    }

    /// Cuts `page`, rendered with `marker`, at the marker; `None` when it does not hold it.
    pub fn cut(page: &str, marker: &str) -> Option<TokenSlot> {
        let (before, after) = page.split_once(marker)?;
        Some(TokenSlot {
            before: before.to_owned(),
            after: after.to_owned(),
        })
    }

    /// The page with `token` in its place.
    pub fn fill(&self, token: &str) -> String {
        let mut page = String::with_capacity(self.before.len() + token.len() + self.after.len());
        page.push_str(&self.before);
        page.push_str(token);
        page.push_str(&self.after);
        page
    }
}

#[derive(Serialize)]
struct OptionView {
    id: String,
    input_id: String,
    text: String,
    checked: bool,
}

#[derive(Serialize)]
struct StepView {
    value: i64,
    input_id: String,
    label: Option<String>,
    checked: bool,
}

#[derive(Serialize)]
struct QuestionView {
    id: String,
    anchor: String,
    number: usize,
    text: String,
    help: Option<String>,
    /// The ids of the texts that describe the question's fields (help, limits, the error), for
    /// `aria-describedby`; empty when there are none.
    described_by: String,
    /// A scale shown as a list, one step under the other (too many steps for one row on a
    /// phone); otherwise one row with the end labels under it.
    scale_list: bool,
    /// The end labels of a scale shown as one row.
    scale_ends: Option<ScaleEnds>,
    required: bool,
    error: Option<String>,
    is_choice: bool,
    is_scale: bool,
    is_open_text: bool,
    input_type: &'static str,
    max_choices: Option<u32>,
    options: Vec<OptionView>,
    steps: Vec<StepView>,
    max_length: u32,
    value: String,
}

/// The words at the two ends of a scale.
#[derive(Serialize)]
struct ScaleEnds {
    min: String,
    max: String,
}

/// The most steps a scale shows in one row: at 360 px each step keeps about 44 px to tap.
const MAX_STEPS_IN_A_ROW: usize = 7;

#[derive(Serialize)]
struct ErrorLink {
    anchor: String,
    message: String,
}

#[derive(Serialize)]
struct FormView {
    #[serde(flatten)]
    chrome: Chrome,
    title: String,
    intro: Option<String>,
    duration: String,
    action: String,
    submission_token: String,
    channel: Option<String>,
    notice: Option<String>,
    errors: Vec<ErrorLink>,
    questions: Vec<QuestionView>,
    /// Until when the poll takes answers.
    closes: Option<String>,
    /// The brief's promise of when and where the results come.
    promise: Option<String>,
    /// The two-line privacy summary, and the full text's address.
    privacy: PrivacySummary,
}

/// What a resident reads about privacy before answering; the rest is on the privacy page.
#[derive(Serialize)]
struct PrivacySummary {
    anonymous: String,
    use_and_keep: String,
    href: String,
}

/// The promise of how long the poll takes, from the survey builder's estimate, in whole minutes.
pub fn duration_text(def: &PollDefinition, locale: Locale) -> String {
    let minutes = flits_survey::estimate_seconds(def).div_ceil(60).max(1);
    t!(locale, "duration", minutes = minutes)
}

fn question_view(
    q: &Question,
    index: usize,
    locale: Locale,
    entered: &Entered,
    error: Option<String>,
) -> QuestionView {
    let l = locale.code();
    let values = entered.get(&q.id).cloned().unwrap_or_default();
    let anchor = format!("q-{}", q.id);
    let options = q
        .options
        .iter()
        .map(|o| OptionView {
            id: o.id.clone(),
            input_id: format!("{anchor}-{}", o.id),
            text: o.text.get(l).to_owned(),
            checked: values.iter().any(|v| v == &o.id),
        })
        .collect();
    let label = |v: i64, min: i64, max: i64| {
        let labels = q.labels.as_ref()?;
        let text = if v == min {
            labels.min.as_ref()
        } else if v == max {
            labels.max.as_ref()
        } else {
            None
        };
        text.map(|t| t.get(l).to_owned())
    };
    let steps: Vec<StepView> = match (q.kind, q.min, q.max) {
        (QuestionKind::Scale, Some(min), Some(max)) if min <= max && max - min <= 20 => (min..=max)
            .map(|v| StepView {
                value: v,
                input_id: format!("{anchor}-{v}"),
                label: label(v, min, max),
                checked: values.iter().any(|x| x.trim() == v.to_string()),
            })
            .collect(),
        _ => Vec::new(),
    };
    let help = q.help.as_ref().map(|t| t.get(l).to_owned());
    let max_choices = q
        .max_choices
        .filter(|_| q.kind == QuestionKind::MultiChoice);
    let mut described = Vec::new();
    if help.is_some() {
        described.push(format!("{anchor}-help"));
    }
    if max_choices.is_some() {
        described.push(format!("{anchor}-limit"));
    }
    if error.is_some() {
        described.push(format!("{anchor}-error"));
    }
    let scale_list = steps.len() > MAX_STEPS_IN_A_ROW;
    let scale_ends = q
        .labels
        .as_ref()
        .filter(|_| q.kind == QuestionKind::Scale && !scale_list)
        .and_then(|labels| {
            let min = labels.min.as_ref().map(|t| t.get(l).to_owned());
            let max = labels.max.as_ref().map(|t| t.get(l).to_owned());
            (min.is_some() || max.is_some()).then(|| ScaleEnds {
                min: min.unwrap_or_default(),
                max: max.unwrap_or_default(),
            })
        });
    QuestionView {
        id: q.id.clone(),
        described_by: described.join(" "),
        scale_list,
        scale_ends,
        anchor,
        number: index + 1,
        text: q.text.get(l).to_owned(),
        help,
        required: q.required,
        error,
        is_choice: q.kind.has_options(),
        is_scale: q.kind == QuestionKind::Scale,
        is_open_text: q.kind == QuestionKind::OpenText,
        input_type: if q.kind == QuestionKind::MultiChoice {
            "checkbox"
        } else {
            "radio"
        },
        max_choices,
        options,
        steps,
        max_length: q.max_length.unwrap_or(DEFAULT_MAX_LENGTH),
        value: if q.kind == QuestionKind::OpenText {
            values.join("")
        } else {
            String::new()
        },
    }
}

/// What a form page shows besides the poll: the visitor's language and channel, and after a bad
/// submit what they entered and what was wrong.
pub struct FormState {
    pub locale: Locale,
    pub channel: Option<ChannelId>,
    pub entered: Entered,
    /// Messages by question id, already in the page's language.
    pub errors: BTreeMap<String, String>,
    /// The one-time id that makes a resubmit of this form recognisable.
    pub submission_token: String,
    /// A message about the whole form (e.g. that it had expired and must be sent again).
    pub notice: Option<String>,
}

/// Renders the poll form again with messages after a bad submit.
pub async fn render_form(
    state: &CollectorState,
    poll: &Poll,
    form: FormState,
    status: StatusCode,
) -> Result<HttpResponse, PageFailure> {
    Ok(html(status, form_html(state, poll, form).await?))
}

/// The poll page as HTML.
pub async fn form_html(
    state: &CollectorState,
    poll: &Poll,
    form: FormState,
) -> Result<String, flits_http::templates::TemplateError> {
    let FormState {
        locale,
        channel,
        entered,
        errors,
        submission_token,
        notice,
    } = form;
    let l = locale.code();
    let def = &poll.definition;
    let questions: Vec<QuestionView> = def
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| question_view(q, i, locale, &entered, errors.get(&q.id).cloned()))
        .collect();
    let error_links = questions
        .iter()
        .filter_map(|q| {
            q.error.as_ref().map(|m| ErrorLink {
                anchor: q.anchor.clone(),
                // The summary names each question, so a list of links reads on its own.
                message: t!(
                    locale,
                    "error-summary-link",
                    number = q.number,
                    message = m.as_str()
                ),
            })
        })
        .collect();
    let title = def.title.get(l).to_owned();
    let page_title = if errors.is_empty() && notice.is_none() {
        title.clone()
    } else {
        t!(locale, "page-title-error", title = &title)
    };
    let path = format!("/p/{}", poll.slug);
    let languages = language_links(
        &path,
        &offered_locales(def),
        locale,
        channel.as_ref().map(ChannelId::as_str),
    );
    let of = ChromeOf {
        poll: Some(poll),
        locale,
        page_title,
        link_preview: true,
        languages,
    };
    let sender = crate::sender::of_poll(state, poll, locale).await;
    let sender_name = sender
        .as_ref()
        .map_or_else(|| poll.organisation_id.clone(), |s| s.name.clone());
    let privacy = PrivacySummary {
        anonymous: t!(locale, "privacy-summary-anonymous"),
        use_and_keep: match state.retention.responses_months {
            0 => t!(locale, "privacy-summary-use", org = sender_name.as_str()),
            months => t!(
                locale,
                "privacy-summary-use-until",
                org = sender_name.as_str(),
                months = months
            ),
        },
        href: format!(
            "/privacy/{}?lang={l}",
            sender
                .as_ref()
                .map_or(poll.organisation_id.as_str(), |s| s.id.as_str())
        ),
    };
    let view = FormView {
        closes: poll.closes_at.map(|at| {
            let m = flits_resident_pages::local_time::local_moment(at, locale);
            t!(locale, "open-until", date = m.date, time = m.time)
        }),
        promise: def
            .brief
            .as_ref()
            .and_then(|b| b.feedback_promise.as_ref())
            .map(|p| p.get(l).to_owned()),
        privacy,
        chrome: chrome(state, of).await,
        title,
        intro: def.intro.as_ref().map(|t| t.get(l).to_owned()),
        duration: duration_text(def, locale),
        action: path,
        submission_token,
        channel: channel.map(ChannelId::into_string),
        notice,
        errors: error_links,
        questions,
    };
    state.templates.render("poll/page", &view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_goes_where_the_marker_was_whatever_the_page_says() {
        let marker = TokenSlot::marker();
        assert_ne!(marker, TokenSlot::marker(), "a new marker every time");
        // A poll text may hold anything written before this marker existed.
        let page = format!(
            "<h1>flits-token-placeholder-7c1e5d flits-token-</h1><input value=\"{marker}\"><p>end</p>"
        );
        let slot = TokenSlot::cut(&page, &marker).unwrap();
        assert_eq!(
            slot.fill("TOKEN"),
            "<h1>flits-token-placeholder-7c1e5d flits-token-</h1><input value=\"TOKEN\"><p>end</p>"
        );
        assert!(TokenSlot::cut("<p>no form</p>", &marker).is_none());
    }
}
