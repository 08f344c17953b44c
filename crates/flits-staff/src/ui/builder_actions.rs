//! The builder's buttons that change the form's shape: add a question of a kind, remove one, move
//! it up or down, copy it, or take one from the question library. Each is a submit button named
//! `action` whose value says what to do (`add_scale`, `remove_2`, `up_1`, `duplicate_0`); the
//! server renames the `q{i}_…` fields and renders the page again, so no JavaScript is needed and
//! nothing typed is lost.

use flits_survey::Question;

use crate::ui::builder_form::{COUNT_FIELD, Fields, MAX_SLOTS, put_question, slot_count, slot_of};

/// The kinds a question can be added as, by their definition names.
pub const KINDS: [&str; 4] = ["single_choice", "multi_choice", "scale", "open_text"];

/// What a button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Add(&'static str),
    Remove(usize),
    Up(usize),
    Down(usize),
    Duplicate(usize),
}

impl Change {
    /// The change an `action` value asks for; `None` for preview, save and anything unknown.
    pub fn parse(action: &str) -> Option<Change> {
        if let Some(kind) = action.strip_prefix("add_") {
            return KINDS.iter().find(|k| **k == kind).map(|k| Change::Add(k));
        }
        let (verb, index) = action.rsplit_once('_')?;
        let index: usize = index.parse().ok()?;
        match verb {
            "remove" => Some(Change::Remove(index)),
            "up" => Some(Change::Up(index)),
            "down" => Some(Change::Down(index)),
            "duplicate" => Some(Change::Duplicate(index)),
            _ => None,
        }
    }
}

/// The slot `i`'s fields, without their `q{i}_` prefix.
fn slot_fields(fields: &Fields, i: usize) -> Vec<(String, String)> {
    fields
        .iter()
        .filter_map(|(k, v)| match slot_of(k) {
            Some((j, rest)) if j == i => Some((rest.to_owned(), v.clone())),
            _ => None,
        })
        .collect()
}

/// Lays the slots out again: slot `n` of the result is the old slot `order[n]` (`None`: empty).
fn rearrange(fields: &mut Fields, order: &[Option<usize>]) {
    let old: Vec<Vec<(String, String)>> = (0..slot_count(fields))
        .map(|i| slot_fields(fields, i))
        .collect();
    fields.retain(|k, _| slot_of(k).is_none());
    for (n, from) in order.iter().enumerate() {
        for (rest, v) in from.and_then(|i| old.get(i)).into_iter().flatten() {
            fields.insert(format!("q{n}_{rest}"), v.clone());
        }
    }
    fields.insert(COUNT_FIELD.into(), order.len().max(1).to_string());
}

/// The question ids the form uses.
fn ids(fields: &Fields) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| slot_of(k).is_some_and(|(_, rest)| rest == "id"))
        .map(|(_, v)| v.trim().to_owned())
        .collect()
}

/// A question id no slot uses yet: `{base}`, else `{base}-2`, `{base}-3`…
pub fn fresh_id(fields: &Fields, base: &str) -> String {
    let taken = ids(fields);
    if !taken.iter().any(|t| t == base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// Whether slot `i` holds nothing a person typed (no text in any language, no options).
fn untouched(fields: &Fields, i: usize) -> bool {
    slot_fields(fields, i).iter().all(|(rest, v)| {
        v.trim().is_empty()
            || !(rest.starts_with("text_")
                || rest.starts_with("options_")
                || rest.starts_with("help_"))
    })
}

/// A new question of `kind` in slot `i`, with a fresh id `vraag{n}`.
fn blank(fields: &mut Fields, i: usize, kind: &str) {
    let id = fresh_id(fields, &format!("vraag{}", i + 1));
    fields.insert(format!("q{i}_id"), id);
    fields.insert(format!("q{i}_kind"), kind.to_owned());
    if kind == "scale" {
        fields.insert(format!("q{i}_min"), "1".into());
        fields.insert(format!("q{i}_max"), "5".into());
    }
}

/// The form a new poll starts with: one question, to choose one answer.
pub fn new_form() -> Fields {
    let mut fields = Fields::new();
    fields.insert(COUNT_FIELD.into(), "1".into());
    blank(&mut fields, 0, KINDS[0]);
    fields
}

/// Applies `change`; returns the slot to show the person next (the new or moved question).
pub fn apply(fields: &mut Fields, change: &Change) -> Option<usize> {
    let count = slot_count(fields);
    let mut order: Vec<Option<usize>> = (0..count).map(Some).collect();
    let focus = match *change {
        Change::Add(kind) => {
            if count >= MAX_SLOTS {
                return None;
            }
            rearrange(fields, &order);
            fields.insert(COUNT_FIELD.into(), (count + 1).to_string());
            blank(fields, count, kind);
            return Some(count);
        }
        Change::Remove(i) if i < count => {
            order.remove(i);
            if order.is_empty() {
                *fields = {
                    let mut kept = fields.clone();
                    kept.retain(|k, _| slot_of(k).is_none());
                    kept
                };
                blank(fields, 0, KINDS[0]);
                fields.insert(COUNT_FIELD.into(), "1".into());
                return Some(0);
            }
            i.min(order.len() - 1)
        }
        Change::Up(i) if i > 0 && i < count => {
            order.swap(i - 1, i);
            i - 1
        }
        Change::Down(i) if i + 1 < count => {
            order.swap(i, i + 1);
            i + 1
        }
        Change::Duplicate(i) if i < count && count < MAX_SLOTS => {
            order.insert(i + 1, Some(i));
            rearrange(fields, &order);
            let base = fields.get(&format!("q{i}_id")).cloned().unwrap_or_default();
            let id = fresh_id(fields, base.trim());
            fields.insert(format!("q{}_id", i + 1), id);
            return Some(i + 1);
        }
        _ => return None,
    };
    rearrange(fields, &order);
    Some(focus)
}

/// Adds `question` (from the library or an earlier poll) as a new slot, with an id no other slot
/// has; the empty question a new poll starts with is replaced.
pub fn add_question(fields: &mut Fields, question: &Question) -> Option<usize> {
    let count = slot_count(fields);
    let slot = if count == 1 && untouched(fields, 0) {
        fields.retain(|k, _| slot_of(k).is_none());
        0
    } else if count < MAX_SLOTS {
        count
    } else {
        return None;
    };
    let mut q = question.clone();
    q.id = fresh_id(fields, &q.id);
    put_question(fields, slot, &q);
    fields.insert(COUNT_FIELD.into(), (slot + 1).to_string());
    Some(slot)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn texts(fields: &Fields) -> Vec<String> {
        (0..slot_count(fields))
            .map(|i| {
                fields
                    .get(&format!("q{i}_text_nl"))
                    .cloned()
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn actions_parse_and_unknown_ones_do_nothing() {
        assert_eq!(Change::parse("add_scale"), Some(Change::Add("scale")));
        assert_eq!(Change::parse("remove_3"), Some(Change::Remove(3)));
        assert_eq!(Change::parse("duplicate_0"), Some(Change::Duplicate(0)));
        assert_eq!(Change::parse("add_essay"), None);
        assert_eq!(Change::parse("preview"), None);
        assert_eq!(Change::parse("up_x"), None);
    }

    #[test]
    fn a_new_poll_starts_with_one_question_and_adds_by_kind() {
        let mut f = new_form();
        assert_eq!(slot_count(&f), 1);
        assert_eq!(f["q0_kind"], "single_choice");
        assert_eq!(apply(&mut f, &Change::Add("scale")), Some(1));
        assert_eq!(slot_count(&f), 2);
        assert_eq!(f["q1_kind"], "scale");
        assert_eq!((f["q1_min"].as_str(), f["q1_max"].as_str()), ("1", "5"));
        assert_eq!(f["q1_id"], "vraag2");
        assert_eq!(f["q0_kind"], "single_choice", "the first question stays");
    }

    #[test]
    fn a_library_question_fills_the_empty_first_question_and_then_adds() {
        let mut f = new_form();
        let q = flits_survey::library_question("groen-tevreden").unwrap();
        assert_eq!(add_question(&mut f, q), Some(0));
        assert_eq!(slot_count(&f), 1);
        assert_eq!(f["q0_id"], "groen-tevreden");
        assert_eq!(f["q0_label_max_nl"], "Heel tevreden");
        assert_eq!(add_question(&mut f, q), Some(1));
        assert_eq!(f["q1_id"], "groen-tevreden-2", "ids stay unique");
    }

    #[test]
    fn questions_move_copy_and_go_with_all_their_fields() {
        let mut f = form(&[
            ("count", "3"),
            ("q0_id", "a"),
            ("q0_text_nl", "A?"),
            ("q0_required", "on"),
            ("q1_id", "b"),
            ("q1_text_nl", "B?"),
            ("q1_text_en", "B en?"),
            ("q2_id", "c"),
            ("q2_text_nl", "C?"),
            ("title_nl", "Titel"),
        ]);
        assert_eq!(apply(&mut f, &Change::Up(2)), Some(1));
        assert_eq!(texts(&f), ["A?", "C?", "B?"]);
        assert_eq!(
            f["q2_text_en"], "B en?",
            "a translation moves with its question"
        );
        assert!(!f.contains_key("q1_text_en"));
        assert_eq!(apply(&mut f, &Change::Down(0)), Some(1));
        assert_eq!(texts(&f), ["C?", "A?", "B?"]);
        assert_eq!(f["q1_required"], "on");
        assert_eq!(apply(&mut f, &Change::Up(0)), None, "the first stays first");
        assert_eq!(apply(&mut f, &Change::Duplicate(1)), Some(2));
        assert_eq!(texts(&f), ["C?", "A?", "A?", "B?"]);
        assert_eq!(f["q2_id"], "a-2", "a copy gets an id of its own");
        assert_eq!(apply(&mut f, &Change::Remove(0)), Some(0));
        assert_eq!(texts(&f), ["A?", "A?", "B?"]);
        assert_eq!(f["count"], "3");
        assert_eq!(f["title_nl"], "Titel", "other fields stay");
        for i in [0, 0, 0] {
            apply(&mut f, &Change::Remove(i));
        }
        assert_eq!(
            slot_count(&f),
            1,
            "the last removal leaves an empty question"
        );
        assert_eq!(texts(&f), [""]);
    }
}
