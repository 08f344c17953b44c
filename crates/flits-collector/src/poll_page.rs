//! `GET /p/{slug}`: the resident's poll page, server-rendered, working without JavaScript.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use flits_http::Lang;
use flits_http::lang::url_query_param;
use flits_store::Poll;
use flits_survey::{DEFAULT_MAX_LENGTH, PollDefinition, Question, QuestionKind};
use serde::Serialize;

use crate::availability::{Availability, availability};
use crate::local_time::format_moment;
use crate::state::CollectorState;
use crate::texts::{UiTexts, ui_texts};

/// What a resident entered, to show again when the form comes back with messages.
pub type Entered = BTreeMap<String, Vec<String>>;

#[derive(Serialize)]
struct LangSwitch {
    href: String,
    code: &'static str,
    label: &'static str,
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
    required: bool,
    error: Option<String>,
    is_choice: bool,
    is_scale: bool,
    is_open_text: bool,
    input_type: &'static str,
    max_choices_text: Option<String>,
    options: Vec<OptionView>,
    steps: Vec<StepView>,
    max_length: u32,
    max_length_text: String,
    value: String,
}

#[derive(Serialize)]
struct ErrorLink {
    anchor: String,
    message: String,
}

#[derive(Serialize)]
struct PageView {
    lang: &'static str,
    page_title: String,
    org_name: String,
    head: Option<String>,
    lang_switch: Option<LangSwitch>,
    t: UiTexts,
    title: String,
    intro: Option<String>,
    duration: String,
    action: String,
    submission_token: String,
    channel: Option<String>,
    errors: Vec<ErrorLink>,
    questions: Vec<QuestionView>,
}

#[derive(Serialize)]
struct Link {
    href: String,
    text: String,
}

#[derive(Serialize)]
struct NoticeView {
    lang: &'static str,
    page_title: String,
    org_name: String,
    head: Option<String>,
    lang_switch: Option<LangSwitch>,
    t: UiTexts,
    heading: String,
    paragraphs: Vec<String>,
    link: Option<Link>,
}

/// The survey builder's estimate of reading and answering time, in whole minutes, for the page's promise.
fn duration_text(def: &PollDefinition, lang: Lang) -> String {
    let seconds = flits_survey::estimate_seconds(def);
    let minutes = seconds.div_ceil(60).max(1);
    match (lang, minutes) {
        (Lang::Nl, 1) => "Het kost u ongeveer 1 minuut.".to_owned(),
        (Lang::Nl, m) => format!("Het kost u ongeveer {m} minuten."),
        (Lang::En, 1) => "It takes about 1 minute.".to_owned(),
        (Lang::En, m) => format!("It takes about {m} minutes."),
    }
}

fn question_view(
    q: &Question,
    index: usize,
    lang: Lang,
    entered: &Entered,
    error: Option<String>,
) -> QuestionView {
    let l = lang.code();
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
    let steps = match (q.kind, q.min, q.max) {
        (QuestionKind::Scale, Some(min), Some(max)) if min <= max && max - min <= 20 => (min..=max)
            .map(|v| StepView {
                value: v,
                input_id: format!("{anchor}-{v}"),
                label: q.labels.as_ref().and_then(|labels| {
                    if v == min {
                        labels.min.as_ref().map(|t| t.get(l).to_owned())
                    } else if v == max {
                        labels.max.as_ref().map(|t| t.get(l).to_owned())
                    } else {
                        None
                    }
                }),
                checked: values.iter().any(|x| x.trim() == v.to_string()),
            })
            .collect(),
        _ => Vec::new(),
    };
    let max_length = q.max_length.unwrap_or(DEFAULT_MAX_LENGTH);
    QuestionView {
        id: q.id.clone(),
        anchor,
        number: index + 1,
        text: q.text.get(l).to_owned(),
        help: q.help.as_ref().map(|t| t.get(l).to_owned()),
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
        max_choices_text: match (q.kind, q.max_choices) {
            (QuestionKind::MultiChoice, Some(n)) => Some(match lang {
                Lang::Nl => format!("Kies er hoogstens {n}."),
                Lang::En => format!("Choose at most {n}."),
            }),
            _ => None,
        },
        options,
        steps,
        max_length,
        max_length_text: match lang {
            Lang::Nl => format!("Hoogstens {max_length} tekens."),
            Lang::En => format!("At most {max_length} characters."),
        },
        value: if q.kind == QuestionKind::OpenText {
            values.join("")
        } else {
            String::new()
        },
    }
}

fn lang_switch(
    state: &CollectorState,
    slug: &str,
    lang: Lang,
    channel: Option<&str>,
) -> LangSwitch {
    let other = lang.other();
    let mut href = format!("/p/{slug}?lang={}", other.code());
    if let Some(c) = channel {
        href.push_str("&c=");
        href.push_str(&url_encode(c));
    }
    let _ = state;
    LangSwitch {
        href,
        code: other.code(),
        label: ui_texts(lang).other_lang_label,
    }
}

/// Percent-encodes a query value.
fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A channel id as it may appear in `?c=`: short and plain, or it is ignored.
pub fn clean_channel(raw: Option<String>) -> Option<String> {
    raw.filter(|c| {
        !c.is_empty()
            && c.len() <= 64
            && c.chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
    })
}

async fn organisation_name(state: &CollectorState, poll: &Poll) -> String {
    match state.store.organisation(&poll.organisation_id).await {
        Ok(Some(org)) => org.name,
        _ => poll.organisation_id.clone(),
    }
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        .body(body)
}

/// What a form page shows besides the poll: the visitor's language and channel, and after a bad
/// submit what they entered and what was wrong.
pub struct FormState {
    pub lang: Lang,
    pub channel: Option<String>,
    pub entered: Entered,
    /// Messages by question id.
    pub errors: BTreeMap<String, String>,
    /// The one-time id that makes a resubmit of this form recognisable.
    pub submission_token: String,
}

/// Renders the poll form (also used to re-render it with messages after a bad submit).
pub async fn render_form(
    state: &CollectorState,
    poll: &Poll,
    form: FormState,
    status: StatusCode,
) -> HttpResponse {
    let FormState {
        lang,
        channel,
        entered,
        errors,
        submission_token,
    } = form;
    let entered = &entered;
    let l = lang.code();
    let def = &poll.definition;
    let questions: Vec<QuestionView> = def
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| question_view(q, i, lang, entered, errors.get(&q.id).cloned()))
        .collect();
    let error_links = questions
        .iter()
        .filter_map(|q| {
            q.error.as_ref().map(|m| ErrorLink {
                anchor: q.anchor.clone(),
                message: m.clone(),
            })
        })
        .collect();
    let title = def.title.get(l).to_owned();
    let view = PageView {
        lang: l,
        page_title: if errors.is_empty() {
            title.clone()
        } else {
            match lang {
                Lang::Nl => format!("Fout: {title}"),
                Lang::En => format!("Error: {title}"),
            }
        },
        org_name: organisation_name(state, poll).await,
        head: None,
        lang_switch: Some(lang_switch(state, &poll.slug, lang, channel.as_deref())),
        t: ui_texts(lang),
        title,
        intro: def.intro.as_ref().map(|t| t.get(l).to_owned()),
        duration: duration_text(def, lang),
        action: format!("/p/{}", poll.slug),
        submission_token,
        channel,
        errors: error_links,
        questions,
    };
    match state.templates.render("poll/page", &view) {
        Ok(body) => html(status, body),
        Err(e) => {
            tracing::error!(error = %e, "poll page did not render");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// Renders a short notice page (unknown, not open yet, closed).
pub async fn render_notice(
    state: &CollectorState,
    lang: Lang,
    status: StatusCode,
    org_name: String,
    heading: String,
    paragraphs: Vec<String>,
    link: Option<(String, String)>,
) -> HttpResponse {
    let view = NoticeView {
        lang: lang.code(),
        page_title: heading.clone(),
        org_name,
        head: None,
        lang_switch: None,
        t: ui_texts(lang),
        heading,
        paragraphs,
        link: link.map(|(href, text)| Link { href, text }),
    };
    match state.templates.render("poll/notice", &view) {
        Ok(body) => html(status, body),
        Err(e) => {
            tracing::error!(error = %e, "notice page did not render");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// The page for a poll that does not take answers (or does not exist).
pub async fn unavailable_page(
    state: &CollectorState,
    poll: Option<&Poll>,
    lang: Lang,
) -> HttpResponse {
    let now = Utc::now();
    let (org_name, av) = match poll {
        Some(p) => (organisation_name(state, p).await, availability(p, now)),
        None => (String::from("Flits"), Availability::Hidden),
    };
    let (status, heading, paragraphs, link) = match (av, lang) {
        (Availability::Hidden | Availability::Open, Lang::Nl) => (
            StatusCode::NOT_FOUND,
            "Deze peiling bestaat niet".to_owned(),
            vec![
                "Misschien is de link niet helemaal goed overgenomen. Kijk de link nog eens na."
                    .to_owned(),
            ],
            None,
        ),
        (Availability::Hidden | Availability::Open, Lang::En) => (
            StatusCode::NOT_FOUND,
            "This poll does not exist".to_owned(),
            vec!["Perhaps the link was not copied completely. Please check the link.".to_owned()],
            None,
        ),
        (Availability::NotOpenYet { opens_at }, Lang::Nl) => (
            StatusCode::OK,
            "Deze peiling is nog niet open".to_owned(),
            vec![match opens_at {
                Some(t) => format!("U kunt meedoen vanaf {}.", format_moment(t, lang)),
                None => "U kunt binnenkort meedoen.".to_owned(),
            }],
            None,
        ),
        (Availability::NotOpenYet { opens_at }, Lang::En) => (
            StatusCode::OK,
            "This poll is not open yet".to_owned(),
            vec![match opens_at {
                Some(t) => format!("You can take part from {}.", format_moment(t, lang)),
                None => "You can take part soon.".to_owned(),
            }],
            None,
        ),
        (
            Availability::Closed {
                closed_at,
                results_published,
            },
            _,
        ) => {
            let slug = poll.map(|p| p.slug.clone()).unwrap_or_default();
            let promise = poll
                .and_then(|p| p.definition.brief.as_ref())
                .and_then(|b| b.feedback_promise.as_ref())
                .map(|t| t.get(lang.code()).to_owned());
            let mut paragraphs = vec![match (lang, closed_at) {
                (Lang::Nl, Some(t)) => {
                    format!("Deze peiling is gesloten op {}.", format_moment(t, lang))
                }
                (Lang::Nl, None) => "Deze peiling is gesloten.".to_owned(),
                (Lang::En, Some(t)) => format!("This poll closed on {}.", format_moment(t, lang)),
                (Lang::En, None) => "This poll has closed.".to_owned(),
            }];
            paragraphs.extend(promise);
            let link = results_published.then(|| {
                (
                    format!("/p/{slug}/results?lang={}", lang.code()),
                    match lang {
                        Lang::Nl => "Bekijk de uitkomsten".to_owned(),
                        Lang::En => "See the results".to_owned(),
                    },
                )
            });
            let heading = match lang {
                Lang::Nl => "Deze peiling is gesloten".to_owned(),
                Lang::En => "This poll has closed".to_owned(),
            };
            (StatusCode::OK, heading, paragraphs, link)
        }
    };
    render_notice(state, lang, status, org_name, heading, paragraphs, link).await
}

/// `GET /p/{slug}`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> HttpResponse {
    let lang = Lang::from_request(&req);
    let channel = clean_channel(url_query_param(req.query_string(), "c"));
    let poll = match state.store.poll_by_slug(&slug).await {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "poll lookup failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    match &poll {
        Some(p) if availability(p, Utc::now()) == Availability::Open => {
            let form = FormState {
                lang,
                channel,
                entered: Entered::new(),
                errors: BTreeMap::new(),
                submission_token: uuid::Uuid::new_v4().to_string(),
            };
            render_form(&state, p, form, StatusCode::OK).await
        }
        _ => unavailable_page(&state, poll.as_ref(), lang).await,
    }
}
