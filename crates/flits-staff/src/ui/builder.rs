//! The poll builder pages: create and edit a draft with every question kind, the languages it is
//! offered in (a field per chosen language for every text), the standard questions about the
//! resident as tick boxes ([`crate::ui::standard_questions`]) and the brief; a preview of the
//! resident's page at phone width in any of the poll's languages, the hints next to the texts they
//! concern, and a preview of how the shared link looks on social media. Works without JavaScript:
//! "Preview" (and the language buttons) re-render the page, the question buttons change the form's
//! shape ([`crate::ui::builder_actions`]), "Save" stores the draft and says what comes next.

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use flits_http::PageError;
use flits_http::survey_texts::issue_message;
use flits_i18n::{Locale, t};
use flits_store::{NewPoll, Poll};
use flits_survey::{
    Neighbourhoods, PollDefinition, PollState, QuestionKind, Report, ValidationOptions,
    estimate_seconds, validate,
};
use futures_util::future::LocalBoxFuture;
use serde::Serialize;
use serde_json::json;

use crate::identity::Caller;
use crate::ui::builder_actions::{self, Change};
use crate::ui::builder_fields::{
    FieldMessage, FormContext, LangField, LanguageChoice, Messages, SlotView, language_choices,
    slots, take,
};
use crate::ui::builder_form::{Fields, chosen_languages, field_of, from_definition, to_definition};
use crate::ui::page::StaffPage;
use crate::ui::standard_questions::{self, StandardChoice};
use crate::ui::tokens::audit;
use crate::ui::{Checked, CsrfField};

/// The builder's form as posted: every field by name, and the chosen audiences (a repeated field,
/// which `web::Form` cannot read).
pub struct BuilderForm {
    pub fields: Fields,
    pub audiences: Vec<String>,
}

impl BuilderForm {
    fn parse(body: &[u8]) -> BuilderForm {
        let mut fields = Fields::new();
        let mut audiences = Vec::new();
        for (k, v) in url::form_urlencoded::parse(body) {
            if k == "audiences" {
                audiences.push(v.into_owned());
            } else {
                fields.insert(k.into_owned(), v.into_owned());
            }
        }
        BuilderForm { fields, audiences }
    }

    /// Whether "Save" was pressed (otherwise "Preview" or a question button).
    fn saving(&self) -> bool {
        self.action() == "save"
    }

    /// The value of the button that was pressed.
    fn action(&self) -> &str {
        self.fields.get("action").map(String::as_str).unwrap_or("")
    }
}

impl CsrfField for BuilderForm {
    fn csrf(&self) -> &str {
        self.fields.get("_csrf").map(String::as_str).unwrap_or("")
    }
}

impl FromRequest for BuilderForm {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<BuilderForm, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move { Ok(BuilderForm::parse(&body.await?)) })
    }
}

/// The phone preview of the resident's page, in one of the poll's languages.
#[derive(Serialize)]
struct PhonePreview {
    lang: &'static str,
    dir: &'static str,
    /// The language's name in the staff member's language, for the preview's heading.
    language: String,
    title: String,
    intro: Option<String>,
    duration: String,
    questions: Vec<PreviewQuestion>,
}

#[derive(Serialize)]
struct PreviewQuestion {
    number: usize,
    text: String,
    /// The reason or hint under the question, as residents read it.
    help: Option<String>,
    required: bool,
    /// "(verplicht)" or "(niet verplicht)", in the preview's language, as the resident reads it.
    required_text: String,
    /// The limit of a question with several answers, as the resident reads it.
    limit: Option<String>,
    choice: bool,
    multi: bool,
    scale: bool,
    open: bool,
    options: Vec<String>,
    steps: Vec<PreviewStep>,
}

/// One point of a scale, with the word at either end.
#[derive(Serialize)]
struct PreviewStep {
    value: i64,
    label: Option<String>,
}

/// The preview of the shared link.
#[derive(Serialize)]
struct LinkPreview {
    lang: &'static str,
    dir: &'static str,
    host: String,
    title: String,
    description: String,
}

#[derive(Serialize)]
struct AudienceChoice {
    id: String,
    name: String,
    checked: bool,
}

/// The builder page's view.
#[derive(Serialize)]
struct BuilderView {
    heading: String,
    editing: bool,
    action: String,
    slug: String,
    purpose: String,
    languages: Vec<LanguageChoice>,
    title: Vec<LangField>,
    intro: Vec<LangField>,
    promise: Vec<LangField>,
    /// The day "what we did" is promised, as the date input holds it.
    follow_up_on: String,
    m_follow_up_on: Vec<FieldMessage>,
    audiences: Vec<AudienceChoice>,
    slots: Vec<SlotView>,
    /// The standard questions about the resident, a tick box each.
    standard: Vec<StandardChoice>,
    m_slug: Vec<FieldMessage>,
    m_languages: Vec<FieldMessage>,
    m_purpose: Vec<FieldMessage>,
    m_audiences: Vec<FieldMessage>,
    /// Messages about the whole poll, and any about a field the form does not show.
    m_general: Vec<FieldMessage>,
    checked: bool,
    valid: Option<bool>,
    error_count: usize,
    hint_count: usize,
    /// Every error and hint, each a link to its field: the status line's list.
    issues: Vec<IssueLink>,
    /// The number of question slots, posted back so the server knows the form's shape.
    count: usize,
    /// The kinds a question can be added as, each a button.
    add_kinds: Vec<KindButton>,
    /// The library's topics and the region's earlier questions to start from.
    library: Vec<LibraryGroup>,
    /// The organisation the poll belongs to: a choice for an admin creating a poll.
    organisations: Vec<OrganisationChoice>,
    organisation_fixed: Option<String>,
    /// The confirmation after saving, with the next step.
    saved: Option<SavedNote>,
    /// The resident's page in every language of the poll.
    previews: Vec<PhonePreview>,
    link: LinkPreview,
}

/// An error or hint in the status line, linked to the field it is about (none: the whole poll).
#[derive(Serialize)]
struct IssueLink {
    kind: &'static str,
    message: String,
    anchor: Option<String>,
}

#[derive(Serialize)]
struct KindButton {
    value: String,
    name: String,
}

/// One group of the template list: a library topic or the region's earlier polls.
#[derive(Serialize)]
struct LibraryGroup {
    name: String,
    questions: Vec<LibraryChoice>,
}

#[derive(Serialize)]
struct LibraryChoice {
    value: String,
    text: String,
}

#[derive(Serialize)]
struct OrganisationChoice {
    id: String,
    name: String,
    selected: bool,
}

#[derive(Serialize)]
struct SavedNote {
    schedule: String,
}

/// The language the link preview is shown in: the one asked for (`preview_lang`) when the poll offers
/// it, else the staff member's own when offered, else Dutch.
fn preview_locale(fields: &Fields, offered: &[Locale], staff: Locale) -> Locale {
    fields
        .get("preview_lang")
        .and_then(|code| Locale::parse(code))
        .into_iter()
        .chain([staff])
        .find(|l| offered.contains(l))
        .unwrap_or(Locale::Nl)
}

fn preview(def: &PollDefinition, locale: Locale, staff: Locale) -> PhonePreview {
    let l = locale.code();
    let questions = def
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| PreviewQuestion {
            number: i + 1,
            text: q.text.get(l).to_owned(),
            help: q.help.as_ref().map(|h| h.get(l).to_owned()),
            required: q.required,
            required_text: if q.required {
                t!(locale, "required")
            } else {
                t!(locale, "optional")
            },
            limit: q
                .max_choices
                .filter(|_| q.kind == QuestionKind::MultiChoice)
                .map(|n| t!(locale, "max-choices", count = n)),
            choice: q.kind.has_options(),
            multi: q.kind == QuestionKind::MultiChoice,
            scale: q.kind == QuestionKind::Scale,
            open: q.kind == QuestionKind::OpenText,
            options: q.options.iter().map(|o| o.text.get(l).to_owned()).collect(),
            steps: match (q.min, q.max) {
                (Some(a), Some(b)) if a <= b && b - a <= 20 => (a..=b)
                    .map(|value| PreviewStep {
                        value,
                        label: q
                            .labels
                            .as_ref()
                            .and_then(|lb| match value {
                                v if v == a => lb.min.as_ref(),
                                v if v == b => lb.max.as_ref(),
                                _ => None,
                            })
                            .map(|t| t.get(l).to_owned()),
                    })
                    .collect(),
                _ => Vec::new(),
            },
        })
        .collect();
    let minutes = estimate_seconds(def).div_ceil(60).max(1);
    PhonePreview {
        lang: l,
        dir: locale.dir(),
        language: t!(staff, "staff-builder-language-name", language = l),
        title: def.title.get(l).to_owned(),
        intro: def.intro.as_ref().map(|t| t.get(l).to_owned()),
        // The resident's own words for it, in the preview's language.
        duration: t!(locale, "duration", minutes = minutes),
        questions,
    }
}

/// The report's errors and hints by the form field they concern.
fn messages_of(report: Option<&Report>, locale: Locale) -> Messages {
    let mut messages = Messages::new();
    let Some(r) = report else {
        return messages;
    };
    for (kind, issues) in [("error", &r.errors), ("hint", &r.hints)] {
        for issue in issues {
            messages
                .entry(field_of(&issue.location))
                .or_default()
                .push(FieldMessage {
                    kind,
                    message: issue_message(issue, locale),
                    code: issue.code.clone(),
                });
        }
    }
    messages
}

/// The element a status-line link jumps to for a message about `field`: the field itself when the
/// form has one by that id, the question's box for a question setting without its own field,
/// nothing for a message about the whole poll.
fn anchor_of(field: &str, fields: &Fields) -> Option<String> {
    if let Some((i, rest)) = crate::ui::builder_form::slot_of(field) {
        let own = ["id", "kind", "min", "max", "max_choices", "max_length"].contains(&rest)
            || ["text_", "help_", "options_", "label_min_", "label_max_"]
                .iter()
                .any(|p| rest.starts_with(p));
        let shown = fields.contains_key(field) || rest.starts_with("options_");
        return Some(if own && shown {
            field.to_owned()
        } else {
            format!("q{i}")
        });
    }
    let fixed = [
        "slug",
        "purpose",
        "audiences",
        "languages",
        crate::ui::builder_form::FOLLOW_UP_FIELD,
    ];
    let texts = ["title_", "intro_", "promise_"];
    (fixed.contains(&field) || texts.iter().any(|p| field.starts_with(p))).then(|| field.to_owned())
}

/// The status line's list: every error, then every hint, each linked to its field.
fn issue_links(report: Option<&Report>, fields: &Fields, locale: Locale) -> Vec<IssueLink> {
    let Some(r) = report else {
        return Vec::new();
    };
    [("error", &r.errors), ("hint", &r.hints)]
        .into_iter()
        .flat_map(|(kind, issues)| {
            issues.iter().map(move |issue| IssueLink {
                kind,
                message: issue_message(issue, locale),
                anchor: anchor_of(&field_of(&issue.location), fields),
            })
        })
        .collect()
}

/// What the builder page shows: the form as filled, the report next to its fields, previews.
struct Draft<'a> {
    existing: Option<&'a Poll>,
    fields: &'a Fields,
    audiences: &'a [String],
    report: Option<&'a Report>,
    /// Whether the draft was just saved (the confirmation with the next step).
    saved: bool,
    /// The question a button just added or moved: its text field gets the focus.
    focus: Option<usize>,
}

/// The library's topics and, as a last group, the questions of the region's earlier polls that
/// the caller may see (not drafts, not questions about the resident), as choices for the template
/// list. Values: `lib:{id}` or `past:{slug}:{id}`.
async fn library_groups(page: &StaffPage, locale: Locale) -> Result<Vec<LibraryGroup>, PageError> {
    let mut groups: Vec<LibraryGroup> = flits_survey::library()
        .iter()
        .map(|topic| LibraryGroup {
            name: t!(locale, "staff-builder-library-topic", topic = topic.id),
            questions: topic
                .questions()
                .iter()
                .map(|q| LibraryChoice {
                    value: format!("lib:{}", q.id),
                    text: q.text.get(locale.code()).to_owned(),
                })
                .collect(),
        })
        .collect();
    let Some(caller) = page.caller.as_ref() else {
        return Ok(groups);
    };
    let polls = page
        .state
        .store
        .polls()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let mut seen: Vec<String> = Vec::new();
    let mut past = Vec::new();
    for p in polls.iter().filter(|p| {
        p.state != PollState::Draft && caller.may_access_organisation(&p.organisation_id)
    }) {
        for q in p.definition.questions.iter().filter(|q| !q.profile) {
            let text = q.text.get(locale.code()).to_owned();
            if text.is_empty() || seen.contains(&text) || past.len() >= PAST_QUESTIONS {
                continue;
            }
            seen.push(text.clone());
            past.push(LibraryChoice {
                value: format!("past:{}:{}", p.slug, q.id),
                text,
            });
        }
    }
    if !past.is_empty() {
        groups.push(LibraryGroup {
            name: t!(locale, "staff-builder-library-past"),
            questions: past,
        });
    }
    Ok(groups)
}

/// How many earlier questions the template list offers at most, so it stays a list to read.
const PAST_QUESTIONS: usize = 40;

/// The question a template choice names (`lib:{id}`, `past:{slug}:{id}`), if the caller may use it.
async fn chosen_template(
    page: &StaffPage,
    value: &str,
) -> Result<Option<flits_survey::Question>, PageError> {
    if let Some(id) = value.strip_prefix("lib:") {
        return Ok(flits_survey::library_question(id).cloned());
    }
    let Some((slug, id)) = value.strip_prefix("past:").and_then(|r| r.split_once(':')) else {
        return Ok(None);
    };
    let poll = page
        .state
        .store
        .poll_by_slug(slug)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let allowed = |p: &Poll| {
        page.caller
            .as_ref()
            .is_some_and(|c| c.may_access_organisation(&p.organisation_id))
    };
    Ok(poll
        .filter(allowed)
        .and_then(|p| p.definition.question(id).cloned())
        .filter(|q| !q.profile))
}

/// The organisations a new poll can belong to: any for an admin, else only the caller's own.
async fn organisation_choices(
    page: &StaffPage,
    draft: &Draft<'_>,
) -> Result<(Vec<OrganisationChoice>, Option<String>), PageError> {
    let all = page
        .state
        .store
        .organisations()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let name_of = |id: &str| {
        all.iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_owned(), |o| o.name.clone())
    };
    if let Some(p) = draft.existing {
        return Ok((Vec::new(), Some(name_of(&p.organisation_id))));
    }
    let Some(caller) = page.caller.as_ref() else {
        return Ok((Vec::new(), None));
    };
    if caller.role != crate::role::Role::Admin {
        return Ok((Vec::new(), Some(name_of(&caller.user.organisation_id))));
    }
    let chosen = draft
        .fields
        .get(ORGANISATION_FIELD)
        .cloned()
        .unwrap_or_else(|| caller.user.organisation_id.clone());
    Ok((
        all.iter()
            .map(|o| OrganisationChoice {
                id: o.id.clone(),
                name: o.name.clone(),
                selected: o.id == chosen,
            })
            .collect(),
        None,
    ))
}

/// The form field that names the organisation of a new poll (only an admin's form has it).
const ORGANISATION_FIELD: &str = "organisation";

async fn builder_page(
    page: &StaffPage,
    status: StatusCode,
    draft: Draft<'_>,
) -> Result<HttpResponse, PageError> {
    let locale = page.locale;
    let known = page
        .state
        .store
        .audiences()
        .await
        .map_err(|e| page.unavailable(&e))?;
    let mut messages = messages_of(draft.report, locale);
    let issues = issue_links(draft.report, draft.fields, locale);
    let library = library_groups(page, locale).await?;
    let (organisations, organisation_fixed) = organisation_choices(page, &draft).await?;
    let found = standard_questions::neighbourhoods_for(
        draft.audiences,
        &known,
        &page.state.config.neighbourhoods,
    );
    let no_list = Neighbourhoods::default();
    let neighbourhoods = found.as_ref().map_or(&no_list, |(l, _)| *l);
    let def = to_definition(draft.fields, draft.audiences, neighbourhoods);
    let offered = chosen_languages(draft.fields);
    let shown = preview_locale(draft.fields, &offered, locale);
    let heading = match draft.existing {
        None => t!(locale, "staff-builder-new-title"),
        Some(p) => t!(locale, "staff-builder-edit-title", slug = p.slug.as_str()),
    };
    let mut ctx = FormContext {
        fields: draft.fields,
        messages: &mut messages,
        languages: offered.clone(),
        locale,
    };
    let title = ctx.text("title");
    let intro = ctx.text("intro");
    let promise = ctx.text("promise");
    let mut slots = slots(&mut ctx);
    if let Some(slot) = draft.focus.and_then(|i| slots.get_mut(i)) {
        slot.focus = true;
    }
    let count = slots.len();
    let (slug, purpose) = (ctx.get("slug"), ctx.get("purpose"));
    let follow_up_on = ctx.get(crate::ui::builder_form::FOLLOW_UP_FIELD);
    let m_slug = take(&mut messages, "slug");
    let m_languages = take(&mut messages, "languages");
    let m_purpose = take(&mut messages, "purpose");
    let m_audiences = take(&mut messages, "audiences");
    let m_follow_up_on = take(&mut messages, crate::ui::builder_form::FOLLOW_UP_FIELD);
    let mut m_general = take(&mut messages, "general");
    m_general.extend(messages.into_values().flatten());
    let view = BuilderView {
        editing: draft.existing.is_some(),
        action: match draft.existing {
            Some(p) => format!("/staff/polls/{}/edit", p.slug),
            None => "/staff/polls/new".to_owned(),
        },
        slug,
        purpose,
        languages: language_choices(draft.fields, locale),
        title,
        intro,
        promise,
        follow_up_on,
        m_follow_up_on,
        audiences: known
            .iter()
            .map(|a| AudienceChoice {
                id: a.id.clone(),
                name: a.name.clone(),
                checked: draft.audiences.contains(&a.id),
            })
            .collect(),
        slots,
        standard: standard_questions::choices(draft.fields, &found, locale),
        m_slug,
        m_languages,
        m_purpose,
        m_audiences,
        m_general,
        checked: draft.report.is_some(),
        valid: draft.report.map(|r| r.valid),
        error_count: draft.report.map_or(0, |r| r.errors.len()),
        hint_count: draft.report.map_or(0, |r| r.hints.len()),
        issues,
        count,
        add_kinds: builder_actions::KINDS
            .iter()
            .map(|k| KindButton {
                value: format!("add_{k}"),
                name: t!(locale, "staff-builder-kind-name", kind = *k),
            })
            .collect(),
        library,
        organisations,
        organisation_fixed,
        saved: match (draft.saved, draft.existing) {
            (true, Some(p)) => Some(SavedNote {
                schedule: format!("/staff/polls/{}/schedule?lang={}", p.slug, locale.code()),
            }),
            _ => None,
        },
        previews: offered.iter().map(|l| preview(&def, *l, locale)).collect(),
        link: LinkPreview {
            lang: shown.code(),
            dir: shown.dir(),
            host: page
                .state
                .channels
                .public_url()
                .host_str()
                .unwrap_or_default()
                .to_owned(),
            title: def.title.get(shown.code()).to_owned(),
            description: def
                .intro
                .as_ref()
                .map_or("", |t| t.get(shown.code()))
                .to_owned(),
        },
        heading,
    };
    page.render(status, "staff/builder", &view.heading, &view)
}

/// The neighbourhoods of a poll for `audiences` (see [`standard_questions::neighbourhoods_for`]),
/// none when it has no list.
async fn neighbourhoods(
    page: &StaffPage,
    audiences: &[String],
) -> Result<Neighbourhoods, PageError> {
    let known = page
        .state
        .store
        .audiences()
        .await
        .map_err(|e| page.unavailable(&e))?;
    Ok(
        standard_questions::neighbourhoods_for(
            audiences,
            &known,
            &page.state.config.neighbourhoods,
        )
        .map(|(list, _)| list.clone())
        .unwrap_or_default(),
    )
}

/// The report on `def` against the audiences that exist. A database that does not answer is the
/// notice page, not a report that calls every audience unknown.
async fn check(page: &StaffPage, def: &PollDefinition) -> Result<Report, PageError> {
    let state = &page.state;
    let audiences = state
        .store
        .audiences()
        .await
        .map_err(|e| page.unavailable(&e))?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let opts = ValidationOptions {
        max_questions: state.config.max_questions,
        known_audiences: Some(audiences),
        require_brief: false,
    };
    Ok(validate(def, &opts))
}

/// `GET /staff/polls/new`.
pub async fn new_form(page: StaffPage) -> Result<HttpResponse, PageError> {
    let draft = Draft {
        existing: None,
        fields: &builder_actions::new_form(),
        audiences: &[],
        report: None,
        saved: false,
        focus: None,
    };
    builder_page(&page, StatusCode::OK, draft).await
}

/// The caller's draft at `slug`, or the notice why it cannot be edited (404, or 409 when it is
/// no longer a draft).
async fn editable_draft(
    page: &StaffPage,
    caller: &Caller,
    slug: &str,
) -> Result<Poll, HttpResponse> {
    let locale = page.locale;
    match page.state.store.poll_by_slug(slug).await {
        Ok(Some(p)) if caller.may_access_organisation(&p.organisation_id) => {
            if p.state == PollState::Draft {
                return Ok(p);
            }
            Err(page.notice(
                StatusCode::CONFLICT,
                t!(locale, "staff-builder-not-editable-heading"),
                t!(locale, "staff-builder-not-editable-text"),
            ))
        }
        Err(e) => Err(actix_web::ResponseError::error_response(
            &page.unavailable(&e),
        )),
        _ => Err(page.notice(
            StatusCode::NOT_FOUND,
            t!(locale, "staff-not-found-heading"),
            t!(locale, "staff-builder-not-found"),
        )),
    }
}

/// `GET /staff/polls/{slug}/edit`.
pub async fn edit_form(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let poll = match editable_draft(&page, &caller, &slug).await {
        Ok(p) => p,
        Err(refusal) => return Ok(refusal),
    };
    let audiences = poll
        .definition
        .brief
        .as_ref()
        .map(|b| b.audiences.clone())
        .unwrap_or_default();
    let report = check(&page, &poll.definition).await?;
    let list = neighbourhoods(&page, &audiences).await?;
    let draft = Draft {
        existing: Some(&poll),
        fields: &from_definition(&poll.definition, &list),
        audiences: &audiences,
        report: Some(&report),
        saved: page
            .req
            .query_string()
            .split('&')
            .any(|pair| pair == "saved=1"),
        focus: None,
    };
    builder_page(&page, StatusCode::OK, draft).await
}

/// Adds the error of a slug that another poll already has.
fn slug_taken(report: &mut Report) {
    report.valid = false;
    report.errors.push(flits_survey::Issue::slug_taken());
}

/// Stores the checked definition: a new draft, or the existing draft's new version.
async fn store_draft(
    page: &StaffPage,
    existing: Option<&Poll>,
    organisation: &str,
    def: PollDefinition,
) -> Result<&'static str, flits_store::StoreError> {
    let store = &page.state.store;
    if let Some(p) = existing {
        store.replace_definition(p.id, &def).await?;
        return Ok("poll.updated");
    }
    store
        .insert_poll(NewPoll::draft(organisation.to_owned(), def))
        .await?;
    Ok("poll.created")
}

/// `POST /staff/polls/new` and `POST /staff/polls/{slug}/edit`: preview or save.
async fn submit(
    page: &StaffPage,
    caller: &Caller,
    existing: Option<&Poll>,
    mut form: BuilderForm,
) -> Result<HttpResponse, PageError> {
    if let Some(p) = existing {
        // The address of an existing poll does not change.
        form.fields.insert("slug".into(), p.slug.clone());
    }
    // A question button or a template changes the form's shape; the page comes back at once,
    // with the new or moved question in view.
    let mut focus =
        Change::parse(form.action()).and_then(|c| builder_actions::apply(&mut form.fields, &c));
    if form.action() == "template" {
        let chosen = form.fields.get("template").cloned().unwrap_or_default();
        if let Some(q) = chosen_template(page, &chosen).await? {
            focus = builder_actions::add_question(&mut form.fields, &q);
        }
    }
    let list = neighbourhoods(page, &form.audiences).await?;
    let def = to_definition(&form.fields, &form.audiences, &list);
    let mut report = check(page, &def).await?;
    if crate::ui::builder_form::follow_up_on(&form.fields).is_err() {
        report.valid = false;
        report
            .errors
            .push(flits_survey::Issue::not_a_date("brief.follow_up_on"));
    }
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if form.saving() && report.valid && existing.is_none() {
        let taken = page.state.store.poll_by_slug(&def.slug).await;
        if taken.map_err(|e| page.unavailable(&e))?.is_some() {
            slug_taken(&mut report);
            status = StatusCode::CONFLICT;
        }
    }
    if !form.saving() || !report.valid {
        let status = if form.saving() {
            status
        } else {
            StatusCode::OK
        };
        let draft = Draft {
            existing,
            fields: &form.fields,
            audiences: &form.audiences,
            // After a question button the page shows the new shape, not yet the check of
            // a question that was only just added.
            report: if focus.is_some() { None } else { Some(&report) },
            saved: false,
            focus,
        };
        return builder_page(page, status, draft).await;
    }
    // Only an admin picks the organisation of a new poll, and only one that exists.
    let organisation = match form.fields.get(ORGANISATION_FIELD) {
        Some(o) if caller.role == crate::role::Role::Admin => {
            let found = page.state.store.organisation(o).await;
            match found.map_err(|e| page.unavailable(&e))? {
                Some(org) => org.id,
                None => caller.user.organisation_id.clone(),
            }
        }
        _ => caller.user.organisation_id.clone(),
    };
    let slug = def.slug.clone();
    let action = store_draft(page, existing, &organisation, def)
        .await
        .map_err(|e| page.unavailable(&e))?;
    audit(&page.state, caller, action, json!({"slug": slug})).await;
    Ok(page.see_other(&format!("/staff/polls/{slug}/edit?saved=1")))
}

/// `POST /staff/polls/new`.
pub async fn create(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    form: Checked<BuilderForm>,
) -> Result<HttpResponse, PageError> {
    submit(&page, &caller, None, form.0).await
}

/// `POST /staff/polls/{slug}/edit`.
pub async fn update(
    page: StaffPage,
    caller: web::ReqData<Caller>,
    slug: web::Path<String>,
    form: Checked<BuilderForm>,
) -> Result<HttpResponse, PageError> {
    match editable_draft(&page, &caller, &slug).await {
        Ok(poll) => submit(&page, &caller, Some(&poll), form.0).await,
        Err(refusal) => Ok(refusal),
    }
}
