//! The builder form's fields and how they become a poll definition (and back).
//!
//! A fixed number of question slots keeps the form usable without JavaScript; an empty slot is
//! skipped. Options are written one per line as `id | Nederlands | English`.

use std::collections::BTreeMap;

use flits_survey::{
    Brief, PollDefinition, Question, QuestionKind, QuestionOption, ScaleLabels, Text,
};
use serde::Serialize;

/// How many question slots the form offers (five topic questions and two about the respondent).
pub const SLOTS: usize = 7;

/// The raw form: every field by name, as posted.
pub type Fields = BTreeMap<String, String>;

fn text(fields: &Fields, nl: &str, en: &str) -> Option<Text> {
    let nl = fields.get(nl).map(|s| s.trim()).unwrap_or("");
    let en = fields.get(en).map(|s| s.trim()).unwrap_or("");
    match (nl.is_empty(), en.is_empty()) {
        (true, true) => None,
        (false, true) => Some(Text::Plain(nl.to_owned())),
        _ => {
            let mut map = BTreeMap::new();
            if !nl.is_empty() {
                map.insert("nl".to_owned(), nl.to_owned());
            }
            map.insert("en".to_owned(), en.to_owned());
            Some(Text::Translated(map))
        }
    }
}

fn number<T: std::str::FromStr>(fields: &Fields, name: &str) -> Option<T> {
    fields
        .get(name)
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .and_then(|s| s.parse().ok())
}

fn kind(s: &str) -> Option<QuestionKind> {
    match s {
        "single_choice" => Some(QuestionKind::SingleChoice),
        "multi_choice" => Some(QuestionKind::MultiChoice),
        "scale" => Some(QuestionKind::Scale),
        "open_text" => Some(QuestionKind::OpenText),
        _ => None,
    }
}

fn options(raw: &str) -> Vec<QuestionOption> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            let id = parts.first().copied().unwrap_or("").to_owned();
            let nl = parts.get(1).copied().unwrap_or("");
            let en = parts.get(2).copied().unwrap_or("");
            let text = if en.is_empty() {
                Text::Plain(if nl.is_empty() {
                    id.clone()
                } else {
                    nl.to_owned()
                })
            } else {
                Text::Translated(BTreeMap::from([
                    (
                        "nl".to_owned(),
                        if nl.is_empty() {
                            id.clone()
                        } else {
                            nl.to_owned()
                        },
                    ),
                    ("en".to_owned(), en.to_owned()),
                ]))
            };
            QuestionOption { id, text }
        })
        .collect()
}

/// The definition the form describes. Validation happens afterwards, with locations.
pub fn to_definition(fields: &Fields, audiences: &[String]) -> PollDefinition {
    let mut questions = Vec::new();
    for i in 0..SLOTS {
        let f = |name: &str| format!("q{i}_{name}");
        let id = fields
            .get(&f("id"))
            .map(|s| s.trim().to_owned())
            .unwrap_or_default();
        let question_text = text(fields, &f("text_nl"), &f("text_en"));
        let Some(kind) = fields.get(&f("kind")).and_then(|k| kind(k)) else {
            continue;
        };
        if id.is_empty() && question_text.is_none() {
            continue;
        }
        let is = |k: QuestionKind| kind == k;
        questions.push(Question {
            id,
            kind,
            text: question_text.unwrap_or(Text::Plain(String::new())),
            required: fields.contains_key(&f("required")),
            profile: fields.contains_key(&f("profile")),
            help: None,
            options: if kind.has_options() {
                options(fields.get(&f("options")).map(String::as_str).unwrap_or(""))
            } else {
                Vec::new()
            },
            max_choices: if is(QuestionKind::MultiChoice) {
                number(fields, &f("max_choices"))
            } else {
                None
            },
            min: if is(QuestionKind::Scale) {
                number(fields, &f("min"))
            } else {
                None
            },
            max: if is(QuestionKind::Scale) {
                number(fields, &f("max"))
            } else {
                None
            },
            labels: if is(QuestionKind::Scale) {
                let min = text(fields, &f("label_min_nl"), &f("label_min_en"));
                let max = text(fields, &f("label_max_nl"), &f("label_max_en"));
                (min.is_some() || max.is_some()).then_some(ScaleLabels { min, max })
            } else {
                None
            },
            max_length: if is(QuestionKind::OpenText) {
                number(fields, &f("max_length"))
            } else {
                None
            },
        });
    }
    let purpose = fields
        .get("purpose")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let feedback_promise = text(fields, "promise_nl", "promise_en");
    let brief =
        (purpose.is_some() || !audiences.is_empty() || feedback_promise.is_some()).then(|| Brief {
            purpose,
            audiences: audiences.to_vec(),
            feedback_promise,
        });
    PollDefinition {
        slug: fields
            .get("slug")
            .map(|s| s.trim().to_owned())
            .unwrap_or_default(),
        title: text(fields, "title_nl", "title_en").unwrap_or(Text::Plain(String::new())),
        languages: None,
        intro: text(fields, "intro_nl", "intro_en"),
        brief,
        questions,
    }
}

fn split(t: Option<&Text>) -> (String, String) {
    match t {
        None => (String::new(), String::new()),
        Some(t) => (
            t.exact("nl").unwrap_or("").to_owned(),
            t.exact("en").unwrap_or("").to_owned(),
        ),
    }
}

/// The form's values for a definition (to edit a stored poll).
pub fn from_definition(def: &PollDefinition) -> Fields {
    let mut f = Fields::new();
    f.insert("slug".into(), def.slug.clone());
    let (nl, en) = split(Some(&def.title));
    f.insert("title_nl".into(), nl);
    f.insert("title_en".into(), en);
    let (nl, en) = split(def.intro.as_ref());
    f.insert("intro_nl".into(), nl);
    f.insert("intro_en".into(), en);
    if let Some(b) = &def.brief {
        f.insert("purpose".into(), b.purpose.clone().unwrap_or_default());
        let (nl, en) = split(b.feedback_promise.as_ref());
        f.insert("promise_nl".into(), nl);
        f.insert("promise_en".into(), en);
    }
    for (i, q) in def.questions.iter().enumerate().take(SLOTS) {
        let k = |name: &str| format!("q{i}_{name}");
        f.insert(k("id"), q.id.clone());
        f.insert(
            k("kind"),
            serde_json::to_value(q.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        );
        let (nl, en) = split(Some(&q.text));
        f.insert(k("text_nl"), nl);
        f.insert(k("text_en"), en);
        if q.required {
            f.insert(k("required"), "on".into());
        }
        if q.profile {
            f.insert(k("profile"), "on".into());
        }
        let lines: Vec<String> = q
            .options
            .iter()
            .map(|o| {
                let (nl, en) = split(Some(&o.text));
                if en.is_empty() {
                    format!("{} | {nl}", o.id)
                } else {
                    format!("{} | {nl} | {en}", o.id)
                }
            })
            .collect();
        f.insert(k("options"), lines.join("\n"));
        for (name, v) in [("min", q.min), ("max", q.max)] {
            f.insert(k(name), v.map(|n| n.to_string()).unwrap_or_default());
        }
        f.insert(
            k("max_choices"),
            q.max_choices.map(|n| n.to_string()).unwrap_or_default(),
        );
        f.insert(
            k("max_length"),
            q.max_length.map(|n| n.to_string()).unwrap_or_default(),
        );
        let labels = q.labels.as_ref();
        let (nl, en) = split(labels.and_then(|l| l.min.as_ref()));
        f.insert(k("label_min_nl"), nl);
        f.insert(k("label_min_en"), en);
        let (nl, en) = split(labels.and_then(|l| l.max.as_ref()));
        f.insert(k("label_max_nl"), nl);
        f.insert(k("label_max_en"), en);
    }
    f
}

/// The form field a validation location belongs to, so its message shows next to it:
/// `questions[2].text.en` → `q2_text_en`, `questions[1].options[0].id` → `q1_options`, `title.nl` → `title_nl`.
pub fn field_of(location: &str) -> String {
    if let Some(rest) = location.strip_prefix("questions[") {
        let (index, rest) = rest.split_once(']').unwrap_or((rest, ""));
        let rest = rest.trim_start_matches('.');
        let field = if rest.starts_with("options") {
            "options".to_owned()
        } else if rest.starts_with("labels.min") {
            format!(
                "label_min_{}",
                if rest.ends_with(".en") { "en" } else { "nl" }
            )
        } else if rest.starts_with("labels.max") {
            format!(
                "label_max_{}",
                if rest.ends_with(".en") { "en" } else { "nl" }
            )
        } else if rest.starts_with("text") {
            format!("text_{}", if rest.ends_with(".en") { "en" } else { "nl" })
        } else if rest.is_empty() {
            "id".to_owned()
        } else {
            rest.split('.').next().unwrap_or("id").to_owned()
        };
        return format!("q{index}_{field}");
    }
    match location {
        l if l.starts_with("brief.feedback_promise") => {
            format!("promise_{}", if l.ends_with(".en") { "en" } else { "nl" })
        }
        l if l.starts_with("brief.audiences") => "audiences".to_owned(),
        l if l.starts_with("brief.purpose") || l == "brief" => "purpose".to_owned(),
        l if l.starts_with("title") => {
            format!("title_{}", if l.ends_with(".en") { "en" } else { "nl" })
        }
        l if l.starts_with("intro") => {
            format!("intro_{}", if l.ends_with(".en") { "en" } else { "nl" })
        }
        "slug" => "slug".to_owned(),
        _ => "general".to_owned(),
    }
}

/// A validation message shown by the field it concerns.
#[derive(Debug, Clone, Serialize)]
pub struct FieldMessage {
    /// `error` or `hint` (the CSS class `msg-…`).
    pub kind: &'static str,
    pub message: String,
    pub code: String,
}

/// Messages by form field name ([`field_of`]).
pub type Messages = BTreeMap<String, Vec<FieldMessage>>;

/// One kind of question in a slot's list.
#[derive(Debug, Serialize)]
pub struct KindChoice {
    pub value: &'static str,
    pub selected: bool,
}

/// One question slot of the form, with its values and messages.
#[derive(Debug, Serialize)]
pub struct SlotView {
    pub index: usize,
    pub number: usize,
    pub id: String,
    pub kinds: Vec<KindChoice>,
    pub none_selected: bool,
    pub required: bool,
    pub profile: bool,
    pub text_nl: String,
    pub text_en: String,
    pub options: String,
    pub min: String,
    pub max: String,
    pub max_choices: String,
    pub max_length: String,
    pub label_min_nl: String,
    pub label_min_en: String,
    pub label_max_nl: String,
    pub label_max_en: String,
    pub m_id: Vec<FieldMessage>,
    pub m_kind: Vec<FieldMessage>,
    pub m_text_nl: Vec<FieldMessage>,
    pub m_text_en: Vec<FieldMessage>,
    pub m_options: Vec<FieldMessage>,
    pub m_scale: Vec<FieldMessage>,
    pub m_max_choices: Vec<FieldMessage>,
    pub m_max_length: Vec<FieldMessage>,
}

/// The kinds a slot offers, by their definition names.
const KINDS: [&str; 4] = ["single_choice", "multi_choice", "scale", "open_text"];

/// The question slots as template data, with their values and messages.
pub fn slots(fields: &Fields, messages: &Messages) -> Vec<SlotView> {
    (0..SLOTS)
        .map(|i| {
            let get = |name: &str| {
                fields
                    .get(&format!("q{i}_{name}"))
                    .cloned()
                    .unwrap_or_default()
            };
            let msgs = |name: &str| {
                messages
                    .get(&format!("q{i}_{name}"))
                    .cloned()
                    .unwrap_or_default()
            };
            let kind = get("kind");
            SlotView {
                index: i,
                number: i + 1,
                id: get("id"),
                kinds: KINDS
                    .iter()
                    .map(|k| KindChoice {
                        value: k,
                        selected: *k == kind,
                    })
                    .collect(),
                none_selected: kind.is_empty(),
                required: fields.contains_key(&format!("q{i}_required")),
                profile: fields.contains_key(&format!("q{i}_profile")),
                text_nl: get("text_nl"),
                text_en: get("text_en"),
                options: get("options"),
                min: get("min"),
                max: get("max"),
                max_choices: get("max_choices"),
                max_length: get("max_length"),
                label_min_nl: get("label_min_nl"),
                label_min_en: get("label_min_en"),
                label_max_nl: get("label_max_nl"),
                label_max_en: get("label_max_en"),
                m_id: msgs("id"),
                m_kind: msgs("kind"),
                m_text_nl: msgs("text_nl"),
                m_text_en: msgs("text_en"),
                m_options: msgs("options"),
                m_scale: [msgs("min"), msgs("max"), msgs("labels")].concat(),
                m_max_choices: msgs("max_choices"),
                m_max_length: msgs("max_length"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_and_definition_round_trip() {
        let mut f = Fields::new();
        for (k, v) in [
            ("slug", "fiets"),
            ("title_nl", "Fietsen"),
            ("title_en", "Bikes"),
            ("q0_id", "q1"),
            ("q0_kind", "single_choice"),
            ("q0_text_nl", "Hoe?"),
            ("q0_text_en", "How?"),
            ("q0_options", "fiets | Fiets | Bike\nbus | Bus | Bus"),
            ("q0_required", "on"),
            ("q1_id", "q2"),
            ("q1_kind", "scale"),
            ("q1_text_nl", "Cijfer?"),
            ("q1_min", "1"),
            ("q1_max", "5"),
            ("q2_kind", "open_text"),
        ] {
            f.insert(k.into(), v.into());
        }
        let def = to_definition(&f, &["velsen".to_owned()]);
        assert_eq!(def.questions.len(), 2, "an empty slot is skipped");
        assert_eq!(def.questions[0].options.len(), 2);
        assert!(def.questions[0].required);
        assert_eq!(def.questions[1].max, Some(5));
        let again = to_definition(&from_definition(&def), &["velsen".to_owned()]);
        assert_eq!(def, again);
    }

    #[test]
    fn locations_map_to_fields() {
        assert_eq!(field_of("questions[2].text.en"), "q2_text_en");
        assert_eq!(field_of("questions[1].options[0].id"), "q1_options");
        assert_eq!(field_of("questions[0]"), "q0_id");
        assert_eq!(field_of("questions[0].max_choices"), "q0_max_choices");
        assert_eq!(field_of("title.nl"), "title_nl");
        assert_eq!(field_of("brief.audiences[0]"), "audiences");
        assert_eq!(field_of(""), "general");
    }
}
