//! The poll builder pages: create and edit a draft with every question kind, both languages and the
//! brief; a preview of the resident's page at phone width, the hints next to the texts they concern,
//! and a preview of how the shared link looks on social media. Works without JavaScript: "Preview"
//! re-renders the page, "Save" stores the draft.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, web};
use flits_http::Lang;
use flits_http::survey_texts::issue_message;
use flits_i18n::Locale;
use flits_store::{NewPoll, Poll};
use flits_survey::{
    PollDefinition, PollState, QuestionKind, Report, ValidationOptions, estimate_seconds, validate,
};
use serde_json::{Value, json};

use crate::identity::Caller;
use crate::state::StaffState;
use crate::ui::builder_form::{Fields, field_of, from_definition, slots, to_definition};
use crate::ui::page::{lang_of, message_page, render};
use crate::ui::tokens::audit;
use crate::ui::{csrf_ok, csrf_refused};

fn parse_form(body: &[u8]) -> (Fields, Vec<String>) {
    let mut fields = Fields::new();
    let mut audiences = Vec::new();
    for (k, v) in url::form_urlencoded::parse(body) {
        if k == "audiences" {
            audiences.push(v.into_owned());
        } else {
            fields.insert(k.into_owned(), v.into_owned());
        }
    }
    (fields, audiences)
}

fn preview(def: &PollDefinition, lang: Lang) -> Value {
    let l = lang.code();
    let questions: Vec<Value> = def
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let steps: Vec<i64> = match (q.min, q.max) {
                (Some(a), Some(b)) if a <= b && b - a <= 20 => (a..=b).collect(),
                _ => Vec::new(),
            };
            json!({
                "number": i + 1,
                "text": q.text.get(l),
                "required": q.required,
                "choice": q.kind.has_options(),
                "multi": q.kind == QuestionKind::MultiChoice,
                "scale": q.kind == QuestionKind::Scale,
                "open": q.kind == QuestionKind::OpenText,
                "options": q.options.iter().map(|o| o.text.get(l)).collect::<Vec<_>>(),
                "steps": steps,
            })
        })
        .collect();
    let minutes = estimate_seconds(def).div_ceil(60).max(1);
    json!({
        "title": def.title.get(l),
        "intro": def.intro.as_ref().map(|t| t.get(l)),
        "duration": match lang { Lang::Nl => format!("Het kost u ongeveer {minutes} minuut/minuten."), Lang::En => format!("It takes about {minutes} minute(s).") },
        "questions": questions,
    })
}

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &StaffState,
    req: &HttpRequest,
    caller: &Caller,
    status: StatusCode,
    existing: Option<&Poll>,
    fields: &Fields,
    chosen_audiences: &[String],
    report: Option<&Report>,
) -> HttpResponse {
    let lang = lang_of(req);
    let locale = Locale::parse(lang.code()).unwrap_or_default();
    let audiences = state.store.audiences().await.unwrap_or_default();
    let mut messages: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    if let Some(r) = report {
        for (kind, issues) in [("error", &r.errors), ("hint", &r.hints)] {
            for issue in issues {
                let message = issue_message(issue, locale);
                messages
                    .entry(field_of(&issue.location))
                    .or_default()
                    .push(json!({"kind": kind, "message": message, "code": issue.code}));
            }
        }
    }
    let m = |name: &str| messages.get(name).cloned().unwrap_or_default();
    let def = to_definition(fields, chosen_audiences);
    // Every field the template shows, empty unless filled (templates are strict about missing ones).
    let mut shown = fields.clone();
    for key in [
        "slug",
        "title_nl",
        "title_en",
        "intro_nl",
        "intro_en",
        "purpose",
        "promise_nl",
        "promise_en",
    ] {
        shown.entry(key.to_owned()).or_default();
    }
    let fields = &shown;
    let host = req.connection_info().host().to_owned();
    let data = json!({
        "editing": existing.is_some(),
        "action": match existing { Some(p) => format!("/staff/polls/{}/edit", p.slug), None => "/staff/polls/new".to_owned() },
        "f": fields,
        "audiences": audiences.iter().map(|a| json!({"id": a.id, "name": a.name, "checked": chosen_audiences.contains(&a.id)})).collect::<Vec<_>>(),
        "slots": slots(fields, &messages),
        "m_slug": m("slug"), "m_title_nl": m("title_nl"), "m_title_en": m("title_en"),
        "m_intro_nl": m("intro_nl"), "m_intro_en": m("intro_en"), "m_purpose": m("purpose"),
        "m_audiences": m("audiences"), "m_promise_nl": m("promise_nl"), "m_promise_en": m("promise_en"),
        "m_general": m("general"),
        "checked": report.is_some(),
        "valid": report.map(|r| r.valid),
        "error_count": report.map(|r| r.errors.len()).unwrap_or(0),
        "hint_count": report.map(|r| r.hints.len()).unwrap_or(0),
        "preview": preview(&def, lang),
        "link": {"host": host, "title": def.title.get(lang.code()), "description": def.intro.as_ref().map(|t| t.get(lang.code())).unwrap_or("")},
    });
    let title = match (lang, existing) {
        (Lang::Nl, None) => "Nieuwe peiling".to_owned(),
        (Lang::En, None) => "New poll".to_owned(),
        (Lang::Nl, Some(p)) => format!("Peiling bewerken: {}", p.slug),
        (Lang::En, Some(p)) => format!("Edit poll: {}", p.slug),
    };
    let mut data = data;
    data["heading"] = json!(title);
    render(
        state,
        req,
        Some(caller),
        status,
        "staff/builder",
        &title,
        data,
    )
}

async fn check(state: &StaffState, def: &PollDefinition) -> Report {
    let audiences = state
        .store
        .audiences()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|a| a.id)
        .collect();
    let opts = ValidationOptions {
        max_questions: state.config.max_questions,
        known_audiences: Some(audiences),
        require_brief: false,
    };
    validate(def, &opts)
}

/// `GET /staff/polls/new`.
pub async fn new_form(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
) -> HttpResponse {
    page(
        &state,
        &req,
        &caller,
        StatusCode::OK,
        None,
        &Fields::new(),
        &[],
        None,
    )
    .await
}

async fn editable(state: &StaffState, caller: &Caller, slug: &str) -> Option<Poll> {
    match state.store.poll_by_slug(slug).await {
        Ok(Some(p)) if caller.may_access_organisation(&p.organisation_id) => Some(p),
        _ => None,
    }
}

fn not_editable(state: &StaffState, lang: Lang, found: bool) -> HttpResponse {
    let (status, h, t) = match (found, lang) {
        (false, Lang::Nl) => (
            StatusCode::NOT_FOUND,
            "Niet gevonden",
            "Er is geen peiling met dit adres die u mag bewerken.",
        ),
        (false, Lang::En) => (
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no poll at this address that you may edit.",
        ),
        (true, Lang::Nl) => (
            StatusCode::CONFLICT,
            "Niet meer te bewerken",
            "Deze peiling is al ingepland. Maak een kopie om een nieuwe versie te maken.",
        ),
        (true, Lang::En) => (
            StatusCode::CONFLICT,
            "Can no longer be edited",
            "This poll is already scheduled. Copy it to make a new version.",
        ),
    };
    message_page(Some(state), lang, status, h, t, None)
}

/// `GET /staff/polls/{slug}/edit`.
pub async fn edit_form(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
) -> HttpResponse {
    let lang = lang_of(&req);
    let Some(poll) = editable(&state, &caller, &slug).await else {
        return not_editable(&state, lang, false);
    };
    if poll.state != PollState::Draft {
        return not_editable(&state, lang, true);
    }
    let fields = from_definition(&poll.definition);
    let audiences = poll
        .definition
        .brief
        .as_ref()
        .map(|b| b.audiences.clone())
        .unwrap_or_default();
    let report = check(&state, &poll.definition).await;
    page(
        &state,
        &req,
        &caller,
        StatusCode::OK,
        Some(&poll),
        &fields,
        &audiences,
        Some(&report),
    )
    .await
}

/// `POST /staff/polls/new` and `POST /staff/polls/{slug}/edit`: preview or save.
async fn submit(
    req: HttpRequest,
    state: &StaffState,
    caller: &Caller,
    existing: Option<Poll>,
    body: web::Bytes,
) -> HttpResponse {
    let lang = lang_of(&req);
    let (mut fields, audiences) = parse_form(&body);
    if !csrf_ok(
        caller,
        fields.get("_csrf").map(String::as_str).unwrap_or(""),
    ) {
        return csrf_refused(state, &req);
    }
    if let Some(p) = &existing {
        // The address of an existing poll does not change.
        fields.insert("slug".into(), p.slug.clone());
    }
    let def = to_definition(&fields, &audiences);
    let report = check(state, &def).await;
    let saving = fields.get("action").map(String::as_str) == Some("save");
    if !saving || !report.valid {
        let status = if saving {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        };
        return page(
            state,
            &req,
            caller,
            status,
            existing.as_ref(),
            &fields,
            &audiences,
            Some(&report),
        )
        .await;
    }
    let slug = def.slug.clone();
    let stored = match &existing {
        Some(p) => state
            .store
            .replace_definition(p.id, &def)
            .await
            .map(|_| "poll.updated"),
        None => {
            if matches!(state.store.poll_by_slug(&slug).await, Ok(Some(_))) {
                let mut report = report;
                report.valid = false;
                report.errors.push(flits_survey::Issue::slug_taken());
                return page(
                    state,
                    &req,
                    caller,
                    StatusCode::CONFLICT,
                    None,
                    &fields,
                    &audiences,
                    Some(&report),
                )
                .await;
            }
            state
                .store
                .insert_poll(NewPoll {
                    organisation_id: caller.user.organisation_id.clone(),
                    state: PollState::Draft,
                    definition: def,
                    opens_at: None,
                    closes_at: None,
                    channels: Vec::new(),
                })
                .await
                .map(|_| "poll.created")
        }
    };
    match stored {
        Ok(action) => {
            audit(state, caller, action, json!({"slug": slug})).await;
            HttpResponse::SeeOther()
                .insert_header((
                    LOCATION,
                    format!("/staff/polls/{slug}/edit?lang={}", lang.code()),
                ))
                .finish()
        }
        Err(e) => {
            tracing::error!(error = %e, "saving a poll failed");
            HttpResponse::ServiceUnavailable().finish()
        }
    }
}

/// `POST /staff/polls/new`.
pub async fn create(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    body: web::Bytes,
) -> HttpResponse {
    submit(req, &state, &caller, None, body).await
}

/// `POST /staff/polls/{slug}/edit`.
pub async fn update(
    req: HttpRequest,
    state: web::Data<StaffState>,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let lang = lang_of(&req);
    let Some(poll) = editable(&state, &caller, &slug).await else {
        return not_editable(&state, lang, false);
    };
    if poll.state != PollState::Draft {
        return not_editable(&state, lang, true);
    }
    submit(req, &state, &caller, Some(poll), body).await
}
