//! `/staff/polls/{slug}/results`: a poll's response counts per channel (while it is open, so comms
//! staff see where to post again; counts, never answers), and for a closed poll the publish flow:
//! write the "you said, we did" text (with the plain-language hints), pick quotes from the open
//! answers (scrubbed of personal data), check, preview the public page (`results_preview`),
//! publish. Once published, the page shows what was published and takes a later "what we did"
//! update. Works without JavaScript.

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use chrono::Utc;
use flits_http::PageError;
use flits_http::query::url_query_param;
use flits_i18n::t;
use flits_store::{NewPublication, Poll, PublishOutcome};
use flits_survey::{Issue, PollState, QuestionKind, Text};
use futures_util::future::LocalBoxFuture;
use serde::{Deserialize, Serialize};

use crate::identity::Caller;
use crate::publishing::{check, hints, scrubbed_quotes};
use crate::role::Role;
use crate::ui::page::{StaffPage, local};
use crate::ui::visible_poll::{not_found, visible};
use crate::ui::{Checked, CsrfField};

/// Open answers offered as quotes at most.
const CANDIDATES: usize = 200;
/// What separates a quote's question from its text in a checkbox's value.
const SEP: char = '\u{1f}';

#[derive(Debug, Serialize)]
struct PollRef {
    slug: String,
    title: String,
    state: &'static str,
}

#[derive(Debug, Serialize)]
struct ChannelCount {
    /// `None`: links without a channel.
    channel: Option<String>,
    count: u64,
}

/// The results e-mail as a resident will read it (its text part).
#[derive(Debug, Serialize)]
struct MailPreview {
    subject: String,
    text: String,
}

#[derive(Debug, Serialize)]
struct DayCount {
    day: String,
    count: u64,
}

#[derive(Debug, Serialize)]
struct Candidate {
    value: String,
    question: String,
    text: String,
    checked: bool,
}

#[derive(Debug, Serialize)]
struct PublishedView {
    summary: String,
    quotes: Vec<String>,
    updates: Vec<(String, String)>,
    published_at: Option<String>,
}

/// What was typed, to show again.
#[derive(Debug, Default, Serialize)]
struct Values {
    summary_nl: String,
    summary_en: String,
}

#[derive(Debug, Serialize)]
struct ResultsView {
    heading: String,
    poll: PollRef,
    total: u64,
    channels: Vec<ChannelCount>,
    days: Vec<DayCount>,
    /// Who said it was their first poll (the builder's standard question), in words.
    first_time: Option<String>,
    /// While the poll is open: who are we missing (issue 12).
    missing: Option<crate::ui::reach::missing::MissingView>,
    /// Once closed: weighted next to unweighted shares.
    weighted: Option<crate::ui::reach::weighted::WeightedView>,
    /// Analysts and admins download the anonymised export here.
    may_export: bool,
    may_publish: bool,
    may_update: bool,
    published: Option<PublishedView>,
    candidates: Vec<Candidate>,
    values: Values,
    hints: Vec<String>,
    errors: Vec<String>,
    /// The quotes as they would be shown, after "Check".
    preview: Vec<String>,
    /// The e-mail residents who asked will get, after "Check".
    mail: Option<MailPreview>,
    notice: Option<String>,
}

/// The form of the publish flow; quotes repeat, so it is read with `serde_html_form`. The preview
/// of the public page carries the same fields, so the draft goes back and forth unchanged.
#[derive(Debug, Default, Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    pub(crate) summary_nl: String,
    #[serde(default)]
    pub(crate) summary_en: String,
    /// The checked quotes, each the question id and the text joined by `SEP`.
    #[serde(default)]
    pub(crate) quote: Vec<String>,
    /// `check`, `preview` or `publish`.
    #[serde(default)]
    action: String,
    /// The language the preview of the public page is shown in (one the poll offers).
    #[serde(default)]
    pub(crate) preview_lang: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

impl FromRequest for PublishForm {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<PublishForm, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            serde_html_form::from_bytes(&body.await?)
                .map_err(actix_web::error::ErrorUnprocessableEntity)
        })
    }
}

impl CsrfField for PublishForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// The update form.
#[derive(Debug, Deserialize)]
pub struct UpdateForm {
    #[serde(default)]
    text_nl: String,
    #[serde(default)]
    text_en: String,
    #[serde(rename = "_csrf", default)]
    csrf: String,
}

impl CsrfField for UpdateForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// A text from the form's fields: the languages that were filled in. Browsers send a textarea's
/// line breaks as `\r\n`; they are stored as `\n`, so that the blank line between paragraphs is
/// one the results page recognises.
pub(crate) fn text_of(nl: &str, en: &str) -> Text {
    let mut map = std::collections::BTreeMap::new();
    for (lang, value) in [("nl", nl), ("en", en)] {
        let value = value.replace("\r\n", "\n").replace('\r', "\n");
        if !value.trim().is_empty() {
            map.insert(lang.to_owned(), value.trim().to_owned());
        }
    }
    Text::Translated(map)
}

/// A checked quote's question and text.
pub(crate) fn picked(values: &[String]) -> Vec<(String, String)> {
    values
        .iter()
        .filter_map(|v| v.split_once(SEP))
        .map(|(q, t)| (q.to_owned(), t.to_owned()))
        .collect()
}

/// What the page shows besides the poll: the form again, hints, errors.
#[derive(Default)]
pub(crate) struct Outcome {
    values: Values,
    chosen: Vec<String>,
    hints: Vec<String>,
    /// What stands in the way, shown above the form.
    pub(crate) errors: Vec<String>,
    preview: Vec<String>,
    mail: Option<MailPreview>,
    notice: Option<String>,
}

/// The e-mail of the results, rendered as it will be sent, in the poll's first language, with
/// `summary` as entered. `None` when the templates cannot render it (logged).
fn mail_preview(page: &StaffPage, poll: &Poll, summary: &Text) -> Option<MailPreview> {
    static TEXTS: std::sync::OnceLock<Option<flits_mail::MailTexts>> = std::sync::OnceLock::new();
    let texts = TEXTS
        .get_or_init(|| {
            flits_mail::MailTexts::load()
                .map_err(|e| tracing::error!(error = %e, "mail templates"))
                .ok()
        })
        .as_ref()?;
    let locale = poll
        .definition
        .offered_languages()
        .first()
        .copied()
        .unwrap_or_default();
    let base = page
        .state
        .channels
        .public_url()
        .as_str()
        .trim_end_matches('/')
        .to_owned();
    let message = flits_mail::ResultsMessage {
        // A placeholder: the preview is of the words, not of anyone's message.
        to: flits_types::Email::parse("bewoner@example.nl").ok()?,
        locale,
        title: poll.definition.title.get(locale.code()).to_owned(),
        summary: summary.get(locale.code()).to_owned(),
        link: format!("{base}/p/{}/results", poll.slug),
        key: "preview".to_owned(),
    };
    match texts.render(&message) {
        Ok(rendered) => Some(MailPreview {
            subject: rendered.subject,
            text: rendered.text,
        }),
        Err(e) => {
            tracing::error!(error = %e, "results e-mail preview");
            None
        }
    }
}

/// The staff results page of `poll` for `caller`, with `outcome` (the form as entered, what is
/// wrong, the previews) and `status`.
pub(crate) async fn results_page(
    page: &StaffPage,
    caller: &Caller,
    poll: &Poll,
    status: StatusCode,
    outcome: Outcome,
) -> Result<HttpResponse, PageError> {
    let locale = page.locale;
    let store = &page.state.store;
    let editor = matches!(caller.role, Role::Admin | Role::Comms);
    let counts = store
        .response_counts(poll.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let days = store
        .response_counts_by_day(poll.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let first_time = if poll
        .definition
        .question(flits_survey::StandardQuestion::FirstTime.id())
        .is_some()
    {
        let k = page.state.config.k_anonymity as u64;
        let aggregates = flits_export::aggregate(store, poll, k)
            .await
            .map_err(|e| page.unavailable(&e))?;
        Some(first_time_text(&aggregates, locale))
    } else {
        None
    };
    let missing = if poll.state == PollState::Open {
        Some(crate::ui::reach::missing::missing_panel(page, poll).await?)
    } else {
        None
    };
    let weighted = if matches!(
        poll.state,
        PollState::Closed | PollState::ResultsPublished | PollState::Archived
    ) {
        let asked = url_query_param(page.req.query_string(), "view")
            .and_then(|v| crate::ui::reach::weighted::View::parse(&v));
        Some(crate::ui::reach::weighted::weighted_section(page, poll, asked).await?)
    } else {
        None
    };
    let publication = store
        .publication(poll.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let may_publish = editor && poll.state == PollState::Closed;
    let candidates = if may_publish {
        flits_export::open_answers(store, poll, CANDIDATES)
            .await
            .map_err(|e| page.unavailable(&e))?
            .into_iter()
            .map(|(question, text)| {
                let value = format!("{question}{SEP}{text}");
                let label = poll
                    .definition
                    .question(&question)
                    .filter(|q| q.kind == QuestionKind::OpenText)
                    .map(|q| q.text.get(locale.code()).to_owned())
                    .unwrap_or_else(|| question.clone());
                Candidate {
                    checked: outcome.chosen.contains(&value),
                    value,
                    question: label,
                    text,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let title = poll.definition.title.get(locale.code()).to_owned();
    let heading = t!(locale, "staff-results-title", title = title.as_str());
    let view = ResultsView {
        heading: heading.clone(),
        poll: PollRef {
            slug: poll.slug.clone(),
            title,
            state: poll.state.as_str(),
        },
        total: counts.iter().map(|(_, n)| n).sum(),
        channels: counts
            .into_iter()
            .map(|(channel, count)| ChannelCount { channel, count })
            .collect(),
        days: days
            .into_iter()
            .map(|(day, count)| DayCount {
                day: day.format("%Y-%m-%d").to_string(),
                count,
            })
            .collect(),
        first_time,
        missing,
        weighted,
        may_export: matches!(caller.role, Role::Admin | Role::Analyst),
        may_publish,
        may_update: editor && publication.is_some(),
        published: publication.map(|p| PublishedView {
            summary: p.summary.get(locale.code()).to_owned(),
            quotes: p.quotes.into_iter().map(|q| q.text).collect(),
            updates: p
                .updates
                .into_iter()
                .map(|u| {
                    (
                        local(Some(u.at)).unwrap_or_default(),
                        u.text.get(locale.code()).to_owned(),
                    )
                })
                .collect(),
            published_at: local(Some(p.published_at)),
        }),
        candidates,
        values: outcome.values,
        hints: outcome.hints,
        errors: outcome.errors,
        preview: outcome.preview,
        mail: outcome.mail,
        notice: outcome.notice,
    };
    page.render(status, "staff/results", &heading, &view)
}

/// How many said it was their first poll, under the small-cell rule.
fn first_time_text(aggregates: &flits_results::Aggregates, locale: flits_i18n::Locale) -> String {
    let question = aggregates
        .questions
        .iter()
        .find(|q| q.id == flits_survey::StandardQuestion::FirstTime.id());
    let counts = question.and_then(|q| {
        let yes = q.options.iter().find(|o| o.value == "yes")?.count.exact()?;
        Some((yes, q.answered.exact()?))
    });
    match counts {
        Some((yes, answered)) if !aggregates.withheld => {
            t!(
                locale,
                "staff-results-first-time",
                yes = yes,
                answered = answered
            )
        }
        _ => t!(locale, "staff-results-first-time-withheld"),
    }
}

/// `GET /staff/polls/{slug}/results`.
pub async fn show(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = visible(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let notice = match url_query_param(page.req.query_string(), "done").as_deref() {
        Some("published") => Some(t!(page.locale, "staff-results-published")),
        Some("updated") => Some(t!(page.locale, "staff-results-updated")),
        _ => None,
    };
    let outcome = Outcome {
        notice,
        ..Outcome::default()
    };
    results_page(&page, &caller, &poll, StatusCode::OK, outcome).await
}

/// The download's query.
#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    format: String,
}

/// `GET /staff/polls/{slug}/export?format=…`: the anonymised export as a download, for analysts
/// and admins (the route table says so), audit-logged like the API's.
pub async fn export(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = visible(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let name = if query.format.is_empty() {
        "csv"
    } else {
        query.format.as_str()
    };
    let Some(format) = flits_export::Format::parse(name) else {
        return Ok(page.notice(
            StatusCode::UNPROCESSABLE_ENTITY,
            t!(page.locale, "staff-results-export-heading"),
            t!(
                page.locale,
                "export-cli-unknown-format",
                format = query.format.as_str()
            ),
        ));
    };
    if let Err(flits_export::ExportError::ResponsesDeleted(date)) =
        flits_export::check_responses_kept(&page.state.store, &poll).await
    {
        return Ok(page.notice(
            StatusCode::GONE,
            t!(page.locale, "staff-results-export-heading"),
            t!(
                page.locale,
                "export-responses-deleted",
                slug = poll.slug.as_str(),
                date = date.to_string()
            ),
        ));
    }
    Ok(crate::api::exports::download(
        &page.state,
        poll,
        format,
        caller.user.email.clone(),
    ))
}

/// What "Check" shows of `form`: the text and quotes as entered, the plain-language hints, what
/// stands in the way of publishing (also returned as issues), the quotes and the e-mail as
/// residents will read them.
pub(crate) fn checked(page: &StaffPage, poll: &Poll, form: &PublishForm) -> (Outcome, Vec<Issue>) {
    let locale = page.locale;
    let summary = text_of(&form.summary_nl, &form.summary_en);
    let chosen = picked(&form.quote);
    let issues = check(poll, &summary, &chosen);
    let outcome = Outcome {
        values: Values {
            summary_nl: form.summary_nl.clone(),
            summary_en: form.summary_en.clone(),
        },
        chosen: form.quote.clone(),
        hints: hints(&summary, locale)
            .into_iter()
            .map(|h| h.message)
            .collect(),
        errors: flits_http::survey_texts::render_issues(&issues, locale)
            .into_iter()
            .map(|i| i.message)
            .collect(),
        preview: scrubbed_quotes(&chosen)
            .into_iter()
            .map(|q| q.text)
            .collect(),
        mail: mail_preview(page, poll, &summary),
        notice: None,
    };
    (outcome, issues)
}

/// `POST /staff/polls/{slug}/results`: "Check" shows the hints and the quotes as they would be
/// shown; "Publish" publishes (a closed poll only) and comes back to the page.
pub async fn publish(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    form: Checked<PublishForm>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = visible(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let form = form.0;
    let locale = page.locale;
    let summary = text_of(&form.summary_nl, &form.summary_en);
    let chosen = picked(&form.quote);
    let (mut outcome, issues) = checked(&page, &poll, &form);
    if form.action != "publish" || !issues.is_empty() {
        let status = if issues.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        return results_page(&page, &caller, &poll, status, outcome).await;
    }
    let published = page
        .state
        .store
        .publish_results(
            poll.id,
            NewPublication {
                summary,
                quotes: scrubbed_quotes(&chosen),
                actor: Some(caller.user.email.clone()),
            },
            Utc::now(),
        )
        .await
        .map_err(|e| page.unavailable(&e))?;
    match published {
        PublishOutcome::Published { .. } => Ok(page.see_other(&format!(
            "/staff/polls/{}/results?done=published",
            poll.slug
        ))),
        PublishOutcome::NotClosed(state) => {
            outcome.errors = vec![t!(
                locale,
                "staff-publish-not-closed",
                state = state.as_str()
            )];
            results_page(&page, &caller, &poll, StatusCode::CONFLICT, outcome).await
        }
        PublishOutcome::NotFound => Ok(not_found(&page)),
    }
}

/// `POST /staff/polls/{slug}/results/updates`: a later "what we did".
pub async fn update(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    form: Checked<web::Form<UpdateForm>>,
) -> Result<HttpResponse, PageError> {
    let Some(poll) = visible(&page, &caller, &slug).await? else {
        return Ok(not_found(&page));
    };
    let form = form.0.into_inner();
    let text = text_of(&form.text_nl, &form.text_en);
    let empty = form.text_nl.trim().is_empty() && form.text_en.trim().is_empty();
    if empty {
        let outcome = Outcome {
            errors: vec![t!(page.locale, "survey-summary-empty")],
            ..Outcome::default()
        };
        return results_page(
            &page,
            &caller,
            &poll,
            StatusCode::UNPROCESSABLE_ENTITY,
            outcome,
        )
        .await;
    }
    let added = page
        .state
        .store
        .add_result_update(poll.id, text, Some(caller.user.email.clone()), Utc::now())
        .await
        .map_err(|e| page.unavailable(&e))?;
    if !added {
        let outcome = Outcome {
            errors: vec![t!(page.locale, "staff-publish-not-published")],
            ..Outcome::default()
        };
        return results_page(&page, &caller, &poll, StatusCode::CONFLICT, outcome).await;
    }
    Ok(page.see_other(&format!("/staff/polls/{}/results?done=updated", poll.slug)))
}
