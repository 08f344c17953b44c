//! `GET /p/{slug}`: the resident's poll page, server-rendered, working without JavaScript.

use std::collections::BTreeMap;
use std::sync::Arc;

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
    notice: Option<String>,
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

/// The organisation's name and the extra `<head>` of a page: the theme's stylesheet and, on the
/// poll page itself, the link-preview tags.
pub struct PageFrame {
    pub org_name: String,
    pub head: Option<String>,
}

/// Escapes text for an HTML attribute or text node.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Builds the frame of a page about `poll` (or of a page about no poll).
pub async fn page_frame(
    state: &CollectorState,
    poll: Option<&Poll>,
    lang: Lang,
    link_preview: bool,
) -> PageFrame {
    let Some(poll) = poll else {
        return PageFrame {
            org_name: String::from("Flits"),
            head: None,
        };
    };
    let org = match state
        .caches
        .organisation(&state.store, &poll.organisation_id)
        .await
    {
        Ok(org) => org,
        Err(e) => {
            tracing::warn!(error = %e, "organisation lookup failed");
            None
        }
    };
    let org_name = org
        .as_ref()
        .map(|o| o.name.clone())
        .unwrap_or_else(|| poll.organisation_id.clone());
    let themed = crate::theme::usable_theme(
        state,
        &poll.organisation_id,
        org.as_ref().and_then(|o| o.theme.as_deref()),
    )
    .is_some();
    let mut head = String::new();
    if themed {
        head.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"/assets/theme/{}.css\">\n",
            escape_html(&poll.organisation_id)
        ));
    }
    if link_preview {
        head.push_str(&link_preview_tags(state, poll, lang, &org_name));
    }
    PageFrame {
        org_name,
        head: (!head.is_empty()).then_some(head),
    }
}

/// Open Graph and Twitter-card tags, with the canonical URL on the public base.
pub fn link_preview_tags(
    state: &CollectorState,
    poll: &Poll,
    lang: Lang,
    org_name: &str,
) -> String {
    let l = lang.code();
    let def = &poll.definition;
    let title = escape_html(def.title.get(l));
    let description = escape_html(
        &def.intro
            .as_ref()
            .map(|t| t.get(l).to_owned())
            .unwrap_or_else(|| duration_text(def, lang)),
    );
    let lang_query = match lang {
        Lang::Nl => String::new(),
        Lang::En => String::from("?lang=en"),
    };
    let canonical = escape_html(&state.public_link(&format!("/p/{}{lang_query}", poll.slug)));
    let image = escape_html(&state.public_link(&format!("/p/{}/preview.png?lang={l}", poll.slug)));
    let site = escape_html(org_name);
    let locale = match lang {
        Lang::Nl => "nl_NL",
        Lang::En => "en_GB",
    };
    format!(
        "<link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <meta property=\"og:type\" content=\"website\">\n\
         <meta property=\"og:site_name\" content=\"{site}\">\n\
         <meta property=\"og:locale\" content=\"{locale}\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:description\" content=\"{description}\">\n\
         <meta property=\"og:url\" content=\"{canonical}\">\n\
         <meta property=\"og:image\" content=\"{image}\">\n\
         <meta property=\"og:image:type\" content=\"image/png\">\n\
         <meta property=\"og:image:width\" content=\"1200\">\n\
         <meta property=\"og:image:height\" content=\"630\">\n\
         <meta property=\"og:image:alt\" content=\"{title}\">\n\
         <meta name=\"twitter:card\" content=\"summary_large_image\">\n\
         <meta name=\"twitter:title\" content=\"{title}\">\n\
         <meta name=\"twitter:description\" content=\"{description}\">\n\
         <meta name=\"twitter:image\" content=\"{image}\">\n\
         <meta name=\"twitter:image:alt\" content=\"{title}\">\n"
    )
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((CONTENT_TYPE, "text/html; charset=utf-8"))
        // Pages carry one-time tokens or depend on the browser's cookie: never from a shared cache.
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
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
    /// A message about the whole form (e.g. that it had expired and must be sent again).
    pub notice: Option<String>,
}

/// Renders the poll form (also used to re-render it with messages after a bad submit).
pub async fn render_form(
    state: &CollectorState,
    poll: &Poll,
    form: FormState,
    status: StatusCode,
) -> HttpResponse {
    match form_html(state, poll, form).await {
        Ok(body) => html(status, body),
        Err(e) => {
            tracing::error!(error = %e, "poll page did not render");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// Stands in for the form token in a cached page; replaced by a fresh token per request.
const TOKEN_PLACEHOLDER: &str = "flits-token-placeholder-7c1e5d";

/// The poll page as HTML.
async fn form_html(
    state: &CollectorState,
    poll: &Poll,
    form: FormState,
) -> Result<String, flits_http::templates::TemplateError> {
    let FormState {
        lang,
        channel,
        entered,
        errors,
        submission_token,
        notice,
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
    let frame = page_frame(state, Some(poll), lang, true).await;
    let view = PageView {
        lang: l,
        page_title: if errors.is_empty() && notice.is_none() {
            title.clone()
        } else {
            match lang {
                Lang::Nl => format!("Fout: {title}"),
                Lang::En => format!("Error: {title}"),
            }
        },
        org_name: frame.org_name,
        head: frame.head,
        lang_switch: Some(lang_switch(state, &poll.slug, lang, channel.as_deref())),
        t: UiTexts {
            privacy: crate::texts::privacy_texts(lang, state.config.participation_cookie_days),
            ..ui_texts(lang)
        },
        title,
        intro: def.intro.as_ref().map(|t| t.get(l).to_owned()),
        duration: duration_text(def, lang),
        action: format!("/p/{}", poll.slug),
        submission_token,
        channel,
        notice,
        errors: error_links,
        questions,
    };
    state.templates.render("poll/page", &view)
}

/// Renders a short notice page (unknown, not open yet, closed, already taken part, limits),
/// themed like the poll's organisation when it is about a poll.
pub async fn render_notice(
    state: &CollectorState,
    poll: Option<&Poll>,
    lang: Lang,
    status: StatusCode,
    heading: String,
    paragraphs: Vec<String>,
    link: Option<(String, String)>,
) -> HttpResponse {
    let frame = page_frame(state, poll, lang, false).await;
    let view = NoticeView {
        lang: lang.code(),
        page_title: heading.clone(),
        org_name: frame.org_name,
        head: frame.head,
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
    let av = match poll {
        Some(p) => availability(p, now),
        None => Availability::Hidden,
    };
    // A hidden poll is shown as unknown, without its organisation's look.
    let themed_poll = poll.filter(|_| av != Availability::Hidden);
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
    render_notice(state, themed_poll, lang, status, heading, paragraphs, link).await
}

/// `GET /p/{slug}`.
pub async fn show(
    req: HttpRequest,
    state: web::Data<CollectorState>,
    slug: web::Path<String>,
) -> HttpResponse {
    let lang = Lang::from_request(&req);
    let channel = clean_channel(url_query_param(req.query_string(), "c"));
    let poll = match state.caches.poll(&state.store, &slug).await {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "poll lookup failed");
            return HttpResponse::ServiceUnavailable().finish();
        }
    };
    match &poll {
        Some(p) if availability(p, Utc::now()) == Availability::Open => {
            if took_part(&state, &req, p) {
                return already_answered_page(&state, p, lang, StatusCode::OK).await;
            }
            // The page is the same for everyone who comes from the same channel in the same
            // language, except for the one-time token: render once, fill in the token each time.
            let key = format!(
                "{}|{}|{}",
                p.id,
                lang.code(),
                channel.as_deref().unwrap_or("")
            );
            let page = match state.caches.page(&key) {
                Some(page) => page,
                None => {
                    let form = FormState {
                        lang,
                        channel,
                        entered: Entered::new(),
                        errors: BTreeMap::new(),
                        submission_token: TOKEN_PLACEHOLDER.to_owned(),
                        notice: None,
                    };
                    match form_html(&state, p, form).await {
                        Ok(body) => {
                            let body = Arc::new(body);
                            state.caches.put_page(key, body.clone());
                            body
                        }
                        Err(e) => {
                            tracing::error!(error = %e, "poll page did not render");
                            return HttpResponse::InternalServerError().finish();
                        }
                    }
                }
            };
            let body = page.replacen(TOKEN_PLACEHOLDER, &state.fairness.issue_token(), 1);
            html(StatusCode::OK, body)
        }
        _ => unavailable_page(&state, poll.as_deref(), lang).await,
    }
}

/// Whether this browser carries the poll's signed "took part" cookie.
pub fn took_part(state: &CollectorState, req: &HttpRequest, poll: &Poll) -> bool {
    let name = crate::fairness::Fairness::cookie_name(poll.id);
    req.cookie(&name)
        .is_some_and(|c| state.fairness.cookie_is_valid(poll.id, c.value()))
}

/// "You already took part": for a browser that sends the poll's cookie.
pub async fn already_answered_page(
    state: &CollectorState,
    poll: &Poll,
    lang: Lang,
    status: StatusCode,
) -> HttpResponse {
    let (heading, text) = match lang {
        Lang::Nl => (
            "U hebt al meegedaan",
            "Met deze browser zijn de antwoorden op deze peiling al verstuurd. Iedereen kan één keer meedoen. Bedankt!",
        ),
        Lang::En => (
            "You have already taken part",
            "Answers to this poll have already been sent from this browser. Everyone can take part once. Thank you!",
        ),
    };
    let link = (
        format!("/p/{}/thanks?lang={}", poll.slug, lang.code()),
        match lang {
            Lang::Nl => "Wat gebeurt er met de antwoorden?".to_owned(),
            Lang::En => "What happens with the answers?".to_owned(),
        },
    );
    render_notice(
        state,
        Some(poll),
        lang,
        status,
        heading.to_owned(),
        vec![text.to_owned()],
        Some(link),
    )
    .await
}

/// The plain-words page for a form submit over a limit (`429`, with `Retry-After`).
pub async fn rate_limited_page(
    state: &CollectorState,
    poll: Option<&Poll>,
    lang: Lang,
    limited: crate::fairness::Limited,
) -> HttpResponse {
    use crate::fairness::LimitReason;
    let wait = wait_words(limited.retry_after, lang);
    let (heading, paragraphs) = match (limited.reason, lang) {
        (LimitReason::AddressCap, Lang::Nl) => (
            "Vandaag kan er niet vaker worden meegedaan vanaf dit netwerk",
            vec![
                "Vanaf uw internetaansluiting zijn vandaag al heel veel antwoorden op deze peiling verstuurd. Om te zorgen dat niemand de peiling overspoelt, stoppen we dan voor vandaag.".to_owned(),
                format!("Uw antwoorden zijn niet opgeslagen. U kunt het {wait} opnieuw proberen, of via een ander netwerk, bijvoorbeeld thuis of met mobiele data."),
            ],
        ),
        (LimitReason::AddressCap, Lang::En) => (
            "No more answers from this network today",
            vec![
                "A great many answers to this poll have already been sent from your internet connection today. To stop anyone from flooding the poll, we stop there for today.".to_owned(),
                format!("Your answers were not saved. You can try again {wait}, or from another network, for example at home or with mobile data."),
            ],
        ),
        (_, Lang::Nl) => (
            "Even te druk",
            vec![
                "Er komen op dit moment te veel antwoorden tegelijk binnen.".to_owned(),
                format!("Uw antwoorden zijn niet opgeslagen. Wacht {wait} en verstuur ze dan opnieuw: ga terug met de terugknop van uw browser, uw antwoorden staan er dan meestal nog."),
            ],
        ),
        (_, Lang::En) => (
            "Too busy for a moment",
            vec![
                "Too many answers are arriving at the same time right now.".to_owned(),
                format!("Your answers were not saved. Wait {wait} and send them again: go back with your browser's back button; your answers are usually still there."),
            ],
        ),
    };
    let mut res = render_notice(
        state,
        poll,
        lang,
        StatusCode::TOO_MANY_REQUESTS,
        heading.to_owned(),
        paragraphs,
        None,
    )
    .await;
    if let Ok(v) = actix_web::http::header::HeaderValue::from_str(&limited.retry_after.to_string())
    {
        res.headers_mut()
            .insert(actix_web::http::header::RETRY_AFTER, v);
    }
    res
}

/// "1 minuut" / "tomorrow" style words for a wait in seconds.
fn wait_words(seconds: u64, lang: Lang) -> String {
    match (lang, seconds) {
        (Lang::Nl, s) if s < 90 => "een minuutje".to_owned(),
        (Lang::Nl, s) if s < 3600 => format!("{} minuten", s.div_ceil(60)),
        (Lang::Nl, _) => "morgen".to_owned(),
        (Lang::En, s) if s < 90 => "a minute".to_owned(),
        (Lang::En, s) if s < 3600 => format!("{} minutes", s.div_ceil(60)),
        (Lang::En, _) => "tomorrow".to_owned(),
    }
}
