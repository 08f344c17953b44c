//! Checking a resident's answers against the poll, for form posts and JSON submits alike.
//!
//! The collector turns both kinds of request into a map of question id → [`AnswerInput`] and calls
//! [`validate_answers`]; one set of rules then decides what is stored, so a form and an app can never
//! disagree. Every problem is reported (not only the first), per question, with a stable code and the
//! [`Args`] its message needs; the web layer words it for the resident from the catalogue
//! (`answer-{code}` in `locales/*/resident-answers.ftl`, in every language residents are served in).
//! Nothing here panics, whatever the input.
//!
//! Accepted shapes, per kind:
//! - single choice: `"fiets"`; a one-element list `["fiets"]` (a form field sent once); an integer
//!   `1` when an option id is `"1"`;
//! - multi choice: `["bus", "fiets"]` (repeated form fields); a single string `"bus"` (the field sent
//!   once) is a one-element list. Stored in the definition's option order, without duplicates;
//! - scale: `4` or `"4"` (forms send strings), a whole number within `min..=max`; not `3.5`, `"abc"`;
//! - open text: a string; `\r\n` and `\r` become `\n`, surrounding whitespace is trimmed; at most
//!   `max_length` characters ([`DEFAULT_MAX_LENGTH`] when absent); no control characters except
//!   newline and tab.
//!
//! An empty string, an empty list, a list of empty strings and JSON `null` all mean "not answered".
//! Stored answers ([`Answer`], serialised) read back as [`AnswerInput`], so validating them again with
//! the same definition gives the same answers — that is how exports recover the typed values.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::args::Args;
use crate::definition::{PollDefinition, Question, QuestionKind};

/// The longest open-text answer, in characters, when the question sets no `max_length`.
pub const DEFAULT_MAX_LENGTH: u32 = 500;

/// Every code an [`AnswerError`] can carry.
pub const ANSWER_CODES: &[&str] = &[
    "required",
    "unknown_question",
    "wrong_type",
    "unknown_option",
    "duplicate_choice",
    "too_many_choices",
    "not_an_integer",
    "out_of_range",
    "too_long",
    "control_characters",
];

/// How many characters of a resident's own input are echoed in an error message.
const ECHO_CHARS: usize = 40;

/// One answer as it arrived, before it is checked against its question.
///
/// Read from JSON by the hand-written `Deserialize` of `answers/input_de.rs`: it takes each value
/// by its JSON type in one pass, as `#[serde(untagged)]` would, without buffering the value first
/// and without building an error for every variant that does not fit (a third of a JSON submit's
/// parsing time went there).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AnswerInput {
    /// A string: an option id, a number from a form, or an open answer.
    Text(String),
    /// A JSON number: a scale value (or, leniently, a numeric option id).
    Number(f64),
    /// Several strings: the options of a multi-choice question (repeated form fields).
    List(Vec<String>),
    /// JSON `null`: not answered.
    Null,
    /// Any other JSON (`true`, an object, a list of numbers): always `wrong_type`. Kept so that one odd
    /// answer gives a per-question error instead of rejecting the whole body.
    Other(serde_json::Value),
}

impl AnswerInput {
    /// The input for the values a form posted under one field name: none → `None`, one → a string,
    /// several (a multi-choice question) → a list.
    pub fn from_form_values(mut values: Vec<String>) -> Option<AnswerInput> {
        match values.len() {
            0 => None,
            1 => values.pop().map(AnswerInput::Text),
            _ => Some(AnswerInput::List(values)),
        }
    }
}

/// A checked answer, typed by its question's kind. Serialises to the contract's JSON shapes:
/// `"rek"`, `["bus"]`, `4`, `"text"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Answer {
    /// The chosen option id of a single-choice question.
    Choice(String),
    /// The chosen option ids of a multi-choice question, in the definition's order.
    Choices(Vec<String>),
    /// The value of a scale question.
    Scale(i64),
    /// An open answer, normalised and trimmed.
    Text(String),
}

/// The answers of one response that passed [`validate_answers`], by question id. Unanswered optional
/// questions are absent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct ValidAnswers(BTreeMap<String, Answer>);

impl ValidAnswers {
    /// The answer to one question, if given.
    pub fn get(&self, question_id: &str) -> Option<&Answer> {
        self.0.get(question_id)
    }

    /// The answers by question id, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Answer)> {
        self.0.iter()
    }

    /// The number of answered questions.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no question was answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The underlying map.
    pub fn as_map(&self) -> &BTreeMap<String, Answer> {
        &self.0
    }

    /// The underlying map, by value.
    pub fn into_inner(self) -> BTreeMap<String, Answer> {
        self.0
    }
}

/// Why one answer was refused: the question, a stable code and what its message needs.
///
/// | code | args |
/// |---|---|
/// | `required`, `unknown_question`, `control_characters` | |
/// | `wrong_type` | `kind` (a [`QuestionKind::code`]); for a scale also `min`, `max` |
/// | `unknown_option`, `duplicate_choice` | `value`: the resident's input, shortened and printable |
/// | `too_many_choices` | `kind`, `max`, `chosen` |
/// | `not_an_integer` | `min`, `max` |
/// | `out_of_range` | `min`, `max`, `value` |
/// | `too_long` | `length`, `max`, `over` |
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{question_id}: {code}")]
pub struct AnswerError {
    /// The question (for `unknown_question`: the id that was sent).
    pub question_id: String,
    /// One of [`ANSWER_CODES`].
    pub code: String,
    /// The values the code's message shows.
    pub args: Args,
}

/// Checks `input` against `def`; all problems are returned at once.
pub fn validate_answers(
    def: &PollDefinition,
    input: &BTreeMap<String, AnswerInput>,
) -> Result<ValidAnswers, Vec<AnswerError>> {
    let mut errors = Vec::new();
    let mut answers = BTreeMap::new();

    for id in input.keys() {
        if def.question(id).is_none() {
            errors.push(AnswerError {
                question_id: id.clone(),
                code: "unknown_question".to_owned(),
                args: Args::new(),
            });
        }
    }

    for q in &def.questions {
        let mut check = QuestionCheck {
            q,
            errors: Vec::new(),
        };
        let answer = input.get(&q.id).and_then(|value| check.answer(value));
        match answer {
            Some(a) if check.errors.is_empty() => {
                answers.insert(q.id.clone(), a);
            }
            None if check.errors.is_empty() && q.required => check.fail("required", Args::new()),
            _ => {}
        }
        errors.append(&mut check.errors);
    }

    if errors.is_empty() {
        Ok(ValidAnswers(answers))
    } else {
        Err(errors)
    }
}

/// A resident's input shown back in a message: shortened, without control characters.
fn echo(value: &str) -> String {
    let mut shown: String = value
        .chars()
        .take(ECHO_CHARS)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if value.chars().count() > ECHO_CHARS {
        shown.push('…');
    }
    shown
}

/// The whole number a JSON number stands for, if it is one.
fn whole_number(x: f64) -> Option<i64> {
    // i64::MAX as f64 is 2^63, just outside the range, hence `<`.
    let in_range = x >= i64::MIN as f64 && x < i64::MAX as f64;
    (x.is_finite() && x.fract() == 0.0 && in_range).then_some(x as i64)
}

/// The non-empty values of a list, trimmed.
fn filled(values: &[String]) -> Vec<&str> {
    values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The checks of one question; errors collect here.
struct QuestionCheck<'a> {
    q: &'a Question,
    errors: Vec<AnswerError>,
}

impl QuestionCheck<'_> {
    fn fail(&mut self, code: &str, args: Args) {
        self.errors.push(AnswerError {
            question_id: self.q.id.clone(),
            code: code.to_owned(),
            args,
        });
    }

    /// `min` and `max` of the question, for messages about numbers.
    fn bound_args(&self, args: Args) -> Args {
        let (min, max) = self.bounds();
        args.with("min", min).with("max", max)
    }

    fn wrong_type(&mut self) {
        let args = Args::new().with("kind", self.q.kind.code());
        let args = if self.q.kind == QuestionKind::Scale {
            self.bound_args(args)
        } else {
            args
        };
        self.fail("wrong_type", args);
    }

    fn bounds(&self) -> (i64, i64) {
        (
            self.q.min.unwrap_or(i64::MIN),
            self.q.max.unwrap_or(i64::MAX),
        )
    }

    /// The answer, `None` when not answered or refused (then `errors` says why).
    fn answer(&mut self, value: &AnswerInput) -> Option<Answer> {
        match self.q.kind {
            QuestionKind::SingleChoice => self.single_choice(value),
            QuestionKind::MultiChoice => self.multi_choice(value),
            QuestionKind::Scale => self.scale(value),
            QuestionKind::OpenText => self.open_text(value),
        }
    }

    /// The one string a single-valued question got, `Ok(None)` when unanswered, `Err(())` when the
    /// shape is wrong (already reported).
    fn one_value(&mut self, value: &AnswerInput) -> Result<Option<String>, ()> {
        match value {
            AnswerInput::Text(s) => Ok(Some(s.clone())),
            AnswerInput::Null => Ok(None),
            AnswerInput::List(values) => {
                let values = filled(values);
                match values.as_slice() {
                    [] => Ok(None),
                    [one] => Ok(Some((*one).to_owned())),
                    many => {
                        if self.q.kind == QuestionKind::SingleChoice {
                            self.fail(
                                "too_many_choices",
                                Args::new()
                                    .with("kind", self.q.kind.code())
                                    .with("max", 1u32)
                                    .with("chosen", many.len()),
                            );
                        } else {
                            self.wrong_type();
                        }
                        Err(())
                    }
                }
            }
            AnswerInput::Number(x) => match (self.q.kind, whole_number(*x)) {
                (QuestionKind::SingleChoice | QuestionKind::MultiChoice, Some(n)) => {
                    Ok(Some(n.to_string()))
                }
                _ => {
                    self.wrong_type();
                    Err(())
                }
            },
            AnswerInput::Other(_) => {
                self.wrong_type();
                Err(())
            }
        }
    }

    fn unknown_option(&mut self, value: &str) {
        self.fail("unknown_option", Args::new().with("value", echo(value)));
    }

    fn single_choice(&mut self, value: &AnswerInput) -> Option<Answer> {
        let chosen = self.one_value(value).ok()??;
        let chosen = chosen.trim();
        if chosen.is_empty() {
            return None;
        }
        if self.q.option(chosen).is_none() {
            self.unknown_option(chosen);
            return None;
        }
        Some(Answer::Choice(chosen.to_owned()))
    }

    fn multi_choice(&mut self, value: &AnswerInput) -> Option<Answer> {
        let given: Vec<String> = match value {
            AnswerInput::List(values) => filled(values).into_iter().map(str::to_owned).collect(),
            _ => {
                let one = self.one_value(value).ok()??;
                let one = one.trim();
                if one.is_empty() {
                    Vec::new()
                } else {
                    vec![one.to_owned()]
                }
            }
        };
        if given.is_empty() {
            return None;
        }

        let mut distinct: Vec<&str> = Vec::new();
        let mut duplicates: Vec<&str> = Vec::new();
        let mut unknown: Vec<&str> = Vec::new();
        for v in &given {
            if self.q.option(v).is_none() {
                if !unknown.contains(&v.as_str()) {
                    unknown.push(v);
                }
            } else if distinct.contains(&v.as_str()) {
                if !duplicates.contains(&v.as_str()) {
                    duplicates.push(v);
                }
            } else {
                distinct.push(v);
            }
        }
        for v in unknown.iter().take(3) {
            self.unknown_option(v);
        }
        for v in duplicates.iter().take(3) {
            self.fail("duplicate_choice", Args::new().with("value", echo(v)));
        }
        let max = self
            .q
            .max_choices
            .map_or(self.q.options.len(), |m| m as usize);
        let chosen = distinct.len() + unknown.len();
        if chosen > max {
            self.fail(
                "too_many_choices",
                Args::new()
                    .with("kind", self.q.kind.code())
                    .with("max", max)
                    .with("chosen", chosen),
            );
        }
        let ordered = self
            .q
            .options
            .iter()
            .filter(|o| distinct.contains(&o.id.as_str()))
            .map(|o| o.id.clone())
            .collect();
        Some(Answer::Choices(ordered))
    }

    fn scale(&mut self, value: &AnswerInput) -> Option<Answer> {
        let (min, max) = self.bounds();
        let number = match value {
            AnswerInput::Number(x) => whole_number(*x),
            _ => {
                let text = self.one_value(value).ok()??;
                let text = text.trim();
                if text.is_empty() {
                    return None;
                }
                text.parse::<i64>().ok()
            }
        };
        let Some(n) = number else {
            let args = self.bound_args(Args::new());
            self.fail("not_an_integer", args);
            return None;
        };
        if !(min..=max).contains(&n) {
            let args = self.bound_args(Args::new().with("value", n));
            self.fail("out_of_range", args);
            return None;
        }
        Some(Answer::Scale(n))
    }

    fn open_text(&mut self, value: &AnswerInput) -> Option<Answer> {
        let raw = self.one_value(value).ok()??;
        let normalised = raw.replace("\r\n", "\n").replace('\r', "\n");
        let text = normalised.trim();
        if text.is_empty() {
            return None;
        }
        if text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            self.fail("control_characters", Args::new());
        }
        let max = self.q.max_length.unwrap_or(DEFAULT_MAX_LENGTH) as usize;
        let len = text.chars().count();
        if len > max {
            self.fail(
                "too_long",
                Args::new()
                    .with("length", len)
                    .with("max", max)
                    .with("over", len - max),
            );
        }
        Some(Answer::Text(text.to_owned()))
    }
}

mod input_de;
#[cfg(test)]
mod tests;
