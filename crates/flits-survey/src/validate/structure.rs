//! Rules about the poll's shape: slug, ids, the number of questions, and what each kind of question
//! may carry.

use std::collections::{BTreeSet, HashSet};

use flits_types::{InvalidId, SHOWN_CHARACTERS, Slug};

use super::{
    Findings, ID_MAX_LEN, MAX_OPEN_TEXT_LENGTH, MAX_OPTIONS, MAX_SCALE_STEPS, MIN_OPTIONS,
    ValidationOptions,
};
use crate::args::Args;
use crate::definition::{PollDefinition, Question, QuestionKind};

/// The characters of `s` outside the allowed set, each once, at most [`SHOWN_CHARACTERS`] (as
/// [`flits_types`] lists them for a slug); the layer that words the issue decides how to show them
/// (quoted, a space by name…).
fn bad_chars(s: &str, allowed: impl Fn(char) -> bool) -> Option<String> {
    let mut bad: Vec<char> = Vec::new();
    for c in s.chars() {
        if !allowed(c) && !bad.contains(&c) {
            bad.push(c);
        }
    }
    (!bad.is_empty()).then(|| bad.into_iter().take(SHOWN_CHARACTERS).collect())
}

/// Whether `c` may appear in a question or option id (`[a-z0-9_-]`).
pub(crate) fn id_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
}

/// The slug rule is [`flits_types::Slug`]'s, the one the store, the routes and the command line
/// parse with; here every problem it finds becomes an issue at `slug`, with the same codes.
pub(super) fn check_slug(def: &PollDefinition, out: &mut Findings) {
    for problem in Slug::problems(&def.slug) {
        let code = problem.code();
        let args = match problem {
            InvalidId::Length {
                length, min, max, ..
            } => Args::new()
                .with("length", length)
                .with("min", min)
                .with("max", max),
            InvalidId::Characters { found, .. } => Args::new().with("characters", found),
        };
        out.error("slug", &code, args);
    }
}

/// What an id belongs to, named in messages by its code.
#[derive(Clone, Copy)]
enum IdScope {
    Question,
    Option,
}

impl IdScope {
    fn code(self) -> &'static str {
        match self {
            IdScope::Question => "question",
            IdScope::Option => "option",
        }
    }
}

fn check_id(id: &str, location: String, scope: IdScope, out: &mut Findings) {
    if id.is_empty() {
        out.error(location, "id_empty", Args::new().with("what", scope.code()));
        return;
    }
    if let Some(bad) = bad_chars(id, id_char) {
        out.error(
            location.clone(),
            "id_characters",
            Args::new().with("id", id).with("characters", bad),
        );
    }
    let len = id.chars().count();
    if len > ID_MAX_LEN {
        out.error(
            location,
            "id_too_long",
            Args::new().with("length", len).with("max", ID_MAX_LEN),
        );
    }
}

/// The questions' count, ids and kind-specific fields. The questions in `unknown_kinds` (whose kind
/// could not be read) are checked for everything but the rules of their kind.
pub(super) fn check_questions(
    def: &PollDefinition,
    opts: &ValidationOptions,
    unknown_kinds: &BTreeSet<usize>,
    out: &mut Findings,
) {
    let topic = def.topic_questions().count();
    if def.questions.is_empty() {
        out.error("questions", "no_questions", Args::new());
    } else if topic == 0 {
        out.error("questions", "only_profile_questions", Args::new());
    } else if topic > opts.max_questions {
        out.error(
            "questions",
            "too_many_questions",
            Args::new()
                .with("count", topic)
                .with("max", opts.max_questions)
                .with("over", topic - opts.max_questions),
        );
    }

    let mut seen = HashSet::new();
    for (qi, q) in def.questions.iter().enumerate() {
        let location = format!("questions[{qi}].id");
        check_id(&q.id, location.clone(), IdScope::Question, out);
        if !q.id.is_empty() && !seen.insert(q.id.as_str()) {
            out.error(
                location,
                "id_duplicate",
                Args::new()
                    .with("id", q.id.as_str())
                    .with("what", IdScope::Question.code()),
            );
        }
        let kind_known = !unknown_kinds.contains(&qi);
        check_options(qi, q, kind_known, out);
        if kind_known {
            check_kind_fields(qi, q, out);
        }
    }
}

fn check_options(qi: usize, q: &Question, kind_known: bool, out: &mut Findings) {
    let kind = q.kind.code();
    let n = q.options.len();
    let location = format!("questions[{qi}].options");
    if !kind_known {
        // Whether options belong here depends on the kind; their ids are still checked below.
    } else if q.kind.has_options() {
        if n < MIN_OPTIONS {
            out.error(
                location,
                "too_few_options",
                Args::new()
                    .with("kind", kind)
                    .with("count", n)
                    .with("min", MIN_OPTIONS),
            );
        } else if n > MAX_OPTIONS {
            out.error(
                location,
                "too_many_options",
                Args::new()
                    .with("kind", kind)
                    .with("count", n)
                    .with("max", MAX_OPTIONS),
            );
        }
    } else if n > 0 {
        out.error(
            location,
            "options_not_allowed",
            Args::new().with("kind", kind),
        );
    }

    let mut seen = HashSet::new();
    for (oi, o) in q.options.iter().enumerate() {
        let location = format!("questions[{qi}].options[{oi}].id");
        check_id(&o.id, location.clone(), IdScope::Option, out);
        if !o.id.is_empty() && !seen.insert(o.id.as_str()) {
            out.error(
                location,
                "id_duplicate",
                Args::new()
                    .with("id", o.id.as_str())
                    .with("what", IdScope::Option.code()),
            );
        }
    }
}

fn check_kind_fields(qi: usize, q: &Question, out: &mut Findings) {
    let kind = q.kind.code();
    let base = format!("questions[{qi}]");

    if let Some(m) = q.max_choices {
        if q.kind != QuestionKind::MultiChoice {
            out.error(
                format!("{base}.max_choices"),
                "max_choices_not_allowed",
                Args::new().with("kind", kind),
            );
        } else if m < 1 || m as usize > q.options.len() {
            out.error(
                format!("{base}.max_choices"),
                "max_choices_out_of_range",
                Args::new()
                    .with("value", m)
                    .with("options", q.options.len()),
            );
        }
    }

    if q.kind == QuestionKind::Scale {
        check_scale(qi, q, out);
    } else {
        for (field, value) in [("min", q.min), ("max", q.max)] {
            if value.is_some() {
                out.error(
                    format!("{base}.{field}"),
                    "scale_bounds_not_allowed",
                    Args::new().with("field", field).with("kind", kind),
                );
            }
        }
        if q.labels.is_some() {
            out.error(
                format!("{base}.labels"),
                "labels_not_allowed",
                Args::new().with("kind", kind),
            );
        }
    }

    if let Some(len) = q.max_length {
        if q.kind != QuestionKind::OpenText {
            out.error(
                format!("{base}.max_length"),
                "max_length_not_allowed",
                Args::new().with("kind", kind),
            );
        } else if !(1..=MAX_OPEN_TEXT_LENGTH).contains(&len) {
            out.error(
                format!("{base}.max_length"),
                "max_length_out_of_range",
                Args::new()
                    .with("value", len)
                    .with("limit", MAX_OPEN_TEXT_LENGTH),
            );
        }
    }
}

fn check_scale(qi: usize, q: &Question, out: &mut Findings) {
    let base = format!("questions[{qi}]");
    for (field, value) in [("min", q.min), ("max", q.max)] {
        if value.is_none() {
            out.error(
                format!("{base}.{field}"),
                "scale_bound_missing",
                Args::new().with("field", field),
            );
        }
    }
    let (Some(min), Some(max)) = (q.min, q.max) else {
        return;
    };
    if min >= max {
        out.error(
            format!("{base}.min"),
            "scale_bounds_reversed",
            Args::new().with("min", min).with("max", max),
        );
        return;
    }
    let steps = i128::from(max) - i128::from(min) + 1;
    if steps > MAX_SCALE_STEPS {
        out.error(
            format!("{base}.max"),
            "scale_too_many_steps",
            Args::new()
                .with("min", min)
                .with("max", max)
                .with("steps", steps)
                .with("limit", MAX_SCALE_STEPS),
        );
    }
}
