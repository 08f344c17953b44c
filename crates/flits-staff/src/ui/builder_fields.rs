//! The builder form as template data: one field per chosen language for every resident-facing
//! text, each with its `lang` and `dir`, and the validator's messages next to the field they concern.
//!
//! Messages are taken out of [`Messages`] as the fields are built, so whatever is left (a field the
//! form does not show) can still be shown at the top of the page instead of being lost.

use std::collections::BTreeMap;

use flits_i18n::{Locale, t};
use serde::Serialize;

use crate::ui::builder_actions::KINDS;
use crate::ui::builder_form::{Fields, chosen_languages, language_field, slot_count};

/// A validation message shown by the field it concerns.
#[derive(Debug, Clone, Serialize)]
pub struct FieldMessage {
    /// `error` or `hint` (the CSS class `msg-…`).
    pub kind: &'static str,
    pub message: String,
    pub code: String,
}

/// Messages by form field name ([`crate::ui::builder_form::field_of`]).
pub type Messages = BTreeMap<String, Vec<FieldMessage>>;

/// Takes the messages of `name` out of `messages`.
pub fn take(messages: &mut Messages, name: &str) -> Vec<FieldMessage> {
    messages.remove(name).unwrap_or_default()
}

/// One language's field of a text: `title_tr`, `q0_options_ar`…
#[derive(Debug, Serialize)]
pub struct LangField {
    /// The field's name and id.
    pub name: String,
    /// The language code, for the `lang` attribute.
    pub code: &'static str,
    /// `rtl` for Arabic, `ltr` otherwise.
    pub dir: &'static str,
    /// The language's name in the staff member's language, for the label.
    pub language: String,
    pub value: String,
    pub messages: Vec<FieldMessage>,
}

/// The fields of one text, `{base}_{code}`, in the chosen languages.
pub fn lang_fields(
    base: &str,
    ctx: &mut FormContext<'_>,
    value: impl Fn(Locale, &str) -> String,
) -> Vec<LangField> {
    ctx.languages
        .clone()
        .into_iter()
        .map(|l| {
            let name = format!("{base}_{}", l.code());
            LangField {
                value: value(l, &name),
                messages: take(ctx.messages, &name),
                code: l.code(),
                dir: l.dir(),
                language: t!(
                    ctx.locale,
                    "staff-builder-language-name",
                    language = l.code()
                ),
                name,
            }
        })
        .collect()
}

/// What every field of the form is built from.
pub struct FormContext<'a> {
    pub fields: &'a Fields,
    pub messages: &'a mut Messages,
    /// The poll's chosen languages, Dutch first.
    pub languages: Vec<Locale>,
    /// The staff member's language.
    pub locale: Locale,
}

impl FormContext<'_> {
    /// The posted value of `name`, or empty.
    pub fn get(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    /// The fields of the text `base` in every chosen language.
    pub fn text(&mut self, base: &str) -> Vec<LangField> {
        let fields = self.fields;
        lang_fields(base, self, |_, name| {
            fields.get(name).cloned().unwrap_or_default()
        })
    }
}

/// One language the poll can offer, as a checkbox.
#[derive(Debug, Serialize)]
pub struct LanguageChoice {
    pub field: String,
    pub code: &'static str,
    pub dir: &'static str,
    /// In the staff member's language.
    pub name: String,
    /// In the language itself.
    pub native: &'static str,
    pub checked: bool,
    /// Dutch: always offered, so its box cannot be unticked.
    pub fixed: bool,
}

/// The language checkboxes, every language Flits has resident texts in.
pub fn language_choices(fields: &Fields, locale: Locale) -> Vec<LanguageChoice> {
    let chosen = chosen_languages(fields);
    Locale::RESIDENT
        .into_iter()
        .map(|l| LanguageChoice {
            field: language_field(l),
            code: l.code(),
            dir: l.dir(),
            name: t!(locale, "staff-builder-language-name", language = l.code()),
            native: l.native_name(),
            checked: chosen.contains(&l),
            fixed: l == Locale::Nl,
        })
        .collect()
}

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
    /// The kind's plain name ("Eén antwoord kiezen"), for the heading and the move buttons.
    pub kind_name: String,
    /// Which fields the kind needs: options for both choice kinds, the limit of choices for
    /// "several answers", the scale's ends and words, the length of an open answer. A slot
    /// without a kind shows them all.
    pub needs_options: bool,
    pub needs_max_choices: bool,
    pub needs_scale: bool,
    pub needs_max_length: bool,
    /// Whether it is the first or the last slot (no "up" or "down" button).
    pub first: bool,
    pub last: bool,
    /// Whether a button just added or moved this question (its first field gets the focus).
    pub focus: bool,
    pub required: bool,
    pub profile: bool,
    pub text: Vec<LangField>,
    pub help: Vec<LangField>,
    pub options: Vec<LangField>,
    pub min: String,
    pub max: String,
    pub max_choices: String,
    pub max_length: String,
    pub label_min: Vec<LangField>,
    pub label_max: Vec<LangField>,
    pub m_id: Vec<FieldMessage>,
    pub m_kind: Vec<FieldMessage>,
    pub m_scale: Vec<FieldMessage>,
    pub m_max_choices: Vec<FieldMessage>,
    pub m_max_length: Vec<FieldMessage>,
}

/// The option lines of slot `i` in `lang`; a language without any yet gets the Dutch ids as
/// `id | ` lines to fill in, so the staff member sees which options it needs.
fn option_lines(fields: &Fields, i: usize, lang: Locale, name: &str) -> String {
    let own = fields.get(name).map(|s| s.trim()).unwrap_or("");
    if !own.is_empty() || lang == Locale::Nl {
        return own.to_owned();
    }
    let dutch = fields
        .get(&format!("q{i}_options_nl"))
        .map(String::as_str)
        .unwrap_or("");
    dutch
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("{} | ", l.split('|').next().unwrap_or("").trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn slot(ctx: &mut FormContext<'_>, i: usize, count: usize) -> SlotView {
    let f = |name: &str| format!("q{i}_{name}");
    let kind = ctx.get(&f("kind"));
    let fields = ctx.fields;
    let any = !KINDS.contains(&kind.as_str());
    let is = |k: &str| any || kind == k;
    SlotView {
        index: i,
        number: i + 1,
        kind_name: if any {
            t!(ctx.locale, "staff-builder-kind-none")
        } else {
            t!(ctx.locale, "staff-builder-kind-name", kind = kind.as_str())
        },
        needs_options: is("single_choice") || is("multi_choice"),
        needs_max_choices: is("multi_choice"),
        needs_scale: is("scale"),
        needs_max_length: is("open_text"),
        first: i == 0,
        last: i + 1 == count,
        focus: false,
        id: ctx.get(&f("id")),
        kinds: KINDS
            .iter()
            .map(|k| KindChoice {
                value: k,
                selected: *k == kind,
            })
            .collect(),
        none_selected: kind.is_empty(),
        required: fields.contains_key(&f("required")),
        profile: fields.contains_key(&f("profile")),
        text: ctx.text(&f("text")),
        help: ctx.text(&f("help")),
        options: lang_fields(&f("options"), ctx, |l, name| {
            option_lines(fields, i, l, name)
        }),
        min: ctx.get(&f("min")),
        max: ctx.get(&f("max")),
        max_choices: ctx.get(&f("max_choices")),
        max_length: ctx.get(&f("max_length")),
        label_min: ctx.text(&f("label_min")),
        label_max: ctx.text(&f("label_max")),
        m_id: take(ctx.messages, &f("id")),
        m_kind: take(ctx.messages, &f("kind")),
        m_scale: [
            take(ctx.messages, &f("min")),
            take(ctx.messages, &f("max")),
            take(ctx.messages, &f("labels")),
        ]
        .concat(),
        m_max_choices: take(ctx.messages, &f("max_choices")),
        m_max_length: take(ctx.messages, &f("max_length")),
    }
}

/// The question slots as template data, with their values and messages.
pub fn slots(ctx: &mut FormContext<'_>) -> Vec<SlotView> {
    let count = slot_count(ctx.fields);
    (0..count).map(|i| slot(ctx, i, count)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_fields_run_right_to_left_and_messages_sit_by_their_field() {
        let fields: Fields = [
            ("language_ar", "on"),
            ("q0_options_nl", "fiets | Fiets\nbus | Bus"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let mut messages = Messages::new();
        messages.insert(
            "q0_text_ar".into(),
            vec![FieldMessage {
                kind: "error",
                message: "ontbreekt".into(),
                code: "translation_missing".into(),
            }],
        );
        let mut ctx = FormContext {
            fields: &fields,
            messages: &mut messages,
            languages: chosen_languages(&fields),
            locale: Locale::Nl,
        };
        let slots = slots(&mut ctx);
        let text = &slots[0].text;
        assert_eq!(text.len(), 2);
        assert_eq!((text[1].code, text[1].dir), ("ar", "rtl"));
        assert_eq!((text[0].code, text[0].dir), ("nl", "ltr"));
        assert_eq!(text[1].messages[0].code, "translation_missing");
        assert_eq!(text[1].language, "Arabisch");
        assert_eq!(slots[0].options[1].value, "fiets | \nbus | ");
        assert!(messages.is_empty(), "taken by the field");
    }
}
