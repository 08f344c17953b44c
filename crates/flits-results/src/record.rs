//! What is stored of one response, read against its poll's definition.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use flits_survey::{Answer, PollDefinition, QuestionKind};
use serde::de::{
    Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::Value;

/// One response as results and exports see it: the channel its link came from, the language it
/// was given in, the date (never the time), and the answers by question id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseRecord {
    pub channel: Option<String>,
    pub lang: String,
    pub submitted_on: NaiveDate,
    pub answers: BTreeMap<String, Answer>,
}

/// The answers of a stored response (the JSON the collector wrote after validating them), typed
/// by the definition's questions. Answers to questions the definition no longer has, or of a
/// shape their question does not take, are left out rather than guessed at.
pub fn read_answers(definition: &PollDefinition, stored: &Value) -> BTreeMap<String, Answer> {
    let Some(map) = stored.as_object() else {
        return BTreeMap::new();
    };
    map.iter()
        .filter_map(|(id, value)| {
            let question = definition.question(id)?;
            let answer = match (question.kind, value) {
                (QuestionKind::SingleChoice, Value::String(s)) => Answer::Choice(s.clone()),
                (QuestionKind::MultiChoice, Value::Array(items)) => Answer::Choices(
                    items
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect(),
                ),
                (QuestionKind::Scale, Value::Number(n)) => Answer::Scale(n.as_i64()?),
                (QuestionKind::OpenText, Value::String(s)) => Answer::Text(s.clone()),
                _ => return None,
            };
            Some((id.clone(), answer))
        })
        .collect()
}

/// A stored answer by its JSON shape, before its question says what it means.
enum Stored {
    Text(String),
    Number(i64),
    List(Vec<String>),
    /// Any other shape: never a valid answer.
    Other,
}

impl<'de> Deserialize<'de> for Stored {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Stored, D::Error> {
        struct Shape;
        impl<'de> Visitor<'de> for Shape {
            type Value = Stored;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an answer")
            }
            fn visit_str<E>(self, v: &str) -> Result<Stored, E> {
                Ok(Stored::Text(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Stored, E> {
                Ok(Stored::Text(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Stored, E> {
                Ok(Stored::Number(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Stored, E> {
                Ok(i64::try_from(v).map_or(Stored::Other, Stored::Number))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Stored, E> {
                Ok(Stored::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Stored, E> {
                Ok(Stored::Other)
            }
            fn visit_unit<E>(self) -> Result<Stored, E> {
                Ok(Stored::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Stored, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Stored::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Stored, A::Error> {
                // As `read_answers`: the texts of a list count, anything else in it is dropped.
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Stored>()? {
                    if let Stored::Text(s) = item {
                        items.push(s);
                    }
                }
                Ok(Stored::List(items))
            }
        }
        deserializer.deserialize_any(Shape)
    }
}

/// [`read_answers`] straight from the stored JSON text, without building a `serde_json::Value`
/// first: an export reads a million of these. Text that is not a JSON object has no answers.
pub fn parse_answers(definition: &PollDefinition, stored: &str) -> BTreeMap<String, Answer> {
    let Ok(map) = serde_json::from_str::<BTreeMap<String, Stored>>(stored) else {
        return BTreeMap::new();
    };
    map.into_iter()
        .filter_map(|(id, value)| {
            let question = definition.question(&id)?;
            let answer = match (question.kind, value) {
                (QuestionKind::SingleChoice, Stored::Text(s)) => Answer::Choice(s),
                (QuestionKind::MultiChoice, Stored::List(items)) => Answer::Choices(items),
                (QuestionKind::Scale, Stored::Number(n)) => Answer::Scale(n),
                (QuestionKind::OpenText, Stored::Text(s)) => Answer::Text(s),
                _ => return None,
            };
            Some((id, answer))
        })
        .collect()
}

/// An answer as the export reads it: [`Answer`], borrowed from the stored JSON text where the
/// text has no escapes (nearly always), so a million rows are read without copying each answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerRef<'a> {
    Choice(Cow<'a, str>),
    Choices(Vec<Cow<'a, str>>),
    Scale(i64),
    Text(Cow<'a, str>),
}

impl AnswerRef<'_> {
    /// The owned answer, as [`parse_answers`] gives it.
    pub fn to_answer(&self) -> Answer {
        match self {
            AnswerRef::Choice(c) => Answer::Choice(c.clone().into_owned()),
            AnswerRef::Choices(cs) => {
                Answer::Choices(cs.iter().map(|c| c.clone().into_owned()).collect())
            }
            AnswerRef::Scale(v) => Answer::Scale(*v),
            AnswerRef::Text(t) => Answer::Text(t.clone().into_owned()),
        }
    }
}

/// [`Stored`], borrowing its texts from the JSON text.
enum StoredRef<'a> {
    Text(Cow<'a, str>),
    Number(i64),
    List(Vec<Cow<'a, str>>),
    Other,
}

impl<'de> Deserialize<'de> for StoredRef<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StoredRef<'de>, D::Error> {
        struct Shape;
        impl<'de> Visitor<'de> for Shape {
            type Value = StoredRef<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an answer")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<StoredRef<'de>, E> {
                Ok(StoredRef::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<StoredRef<'de>, E> {
                Ok(StoredRef::Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<StoredRef<'de>, E> {
                Ok(StoredRef::Text(Cow::Owned(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<StoredRef<'de>, E> {
                Ok(StoredRef::Number(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<StoredRef<'de>, E> {
                Ok(i64::try_from(v).map_or(StoredRef::Other, StoredRef::Number))
            }
            fn visit_f64<E>(self, _: f64) -> Result<StoredRef<'de>, E> {
                Ok(StoredRef::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<StoredRef<'de>, E> {
                Ok(StoredRef::Other)
            }
            fn visit_unit<E>(self) -> Result<StoredRef<'de>, E> {
                Ok(StoredRef::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StoredRef<'de>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(StoredRef::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StoredRef<'de>, A::Error> {
                // As `read_answers`: the texts of a list count, anything else in it is dropped.
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<StoredRef<'de>>()? {
                    if let StoredRef::Text(s) = item {
                        items.push(s);
                    }
                }
                Ok(StoredRef::List(items))
            }
        }
        deserializer.deserialize_any(Shape)
    }
}

/// A key of the stored answers: the index of its question in the definition, if it has one.
struct QuestionIndex<'d>(&'d PollDefinition);

impl<'de> DeserializeSeed<'de> for QuestionIndex<'_> {
    type Value = Option<usize>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<usize>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for QuestionIndex<'_> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a question id")
    }
    fn visit_str<E>(self, id: &str) -> Result<Option<usize>, E> {
        Ok(self.0.questions.iter().position(|q| q.id == id))
    }
}

/// The stored answers object, read into one slot per question.
struct BySlot<'d>(&'d PollDefinition);

impl<'de> DeserializeSeed<'de> for BySlot<'_> {
    type Value = Vec<Option<AnswerRef<'de>>>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for BySlot<'_> {
    type Value = Vec<Option<AnswerRef<'de>>>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the answers")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let questions = &self.0.questions;
        let mut slots = vec![None; questions.len()];
        while let Some(key) = map.next_key_seed(QuestionIndex(self.0))? {
            let Some(i) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            // A repeated key counts as its last value, as in `parse_answers`.
            slots[i] = match (questions[i].kind, map.next_value::<StoredRef<'de>>()?) {
                (QuestionKind::SingleChoice, StoredRef::Text(s)) => Some(AnswerRef::Choice(s)),
                (QuestionKind::MultiChoice, StoredRef::List(items)) => {
                    Some(AnswerRef::Choices(items))
                }
                (QuestionKind::Scale, StoredRef::Number(n)) => Some(AnswerRef::Scale(n)),
                (QuestionKind::OpenText, StoredRef::Text(s)) => Some(AnswerRef::Text(s)),
                _ => None,
            };
        }
        Ok(slots)
    }
}

/// [`parse_answers`] into one slot per question of the definition (in its order), borrowing the
/// texts from `stored`: what the export reads each row with, without a map or a copy of every
/// answer. Text that is not a JSON object has no answers.
pub fn parse_answer_slots<'a>(
    definition: &PollDefinition,
    stored: &'a str,
) -> Vec<Option<AnswerRef<'a>>> {
    let mut deserializer = serde_json::Deserializer::from_str(stored);
    match BySlot(definition)
        .deserialize(&mut deserializer)
        .and_then(|slots| deserializer.end().map(|()| slots))
    {
        Ok(slots) => slots,
        Err(_) => vec![None; definition.questions.len()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DEFINITION: &str = r#"
slug: vorm
title: Vorm
questions:
  - {id: een, kind: single_choice, text: Een, options: [{id: a, text: A}, {id: b, text: B}]}
  - {id: veel, kind: multi_choice, text: Veel, options: [{id: a, text: A}, {id: b, text: B}]}
  - {id: cijfer, kind: scale, min: 1, max: 5, text: Cijfer}
  - {id: open, kind: open_text, text: Open}
"#;

    /// Any JSON value a few levels deep.
    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            "[a-z\\\\\"é ]{0,8}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::btree_map("een|veel|cijfer|open|x", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// The fast reader reads every stored JSON text as the `Value` reader does.
        #[test]
        fn parse_answers_reads_as_read_answers(value in json()) {
            let definition = PollDefinition::from_yaml_str(DEFINITION).unwrap();
            let text = value.to_string();
            prop_assert_eq!(
                parse_answers(&definition, &text),
                read_answers(&definition, &value)
            );
        }

        /// The export's reader into slots reads every stored JSON text as `parse_answers` does.
        #[test]
        fn answer_slots_read_as_parse_answers(value in json(), escaped in any::<bool>()) {
            let definition = PollDefinition::from_yaml_str(DEFINITION).unwrap();
            let mut text = value.to_string();
            if escaped {
                // Keys and texts written with escapes are read the same.
                text = text.replace('e', "\\u0065");
            }
            let by_slot: BTreeMap<String, Answer> = parse_answer_slots(&definition, &text)
                .iter()
                .enumerate()
                .filter_map(|(i, a)| {
                    a.as_ref().map(|a| (definition.questions[i].id.clone(), a.to_answer()))
                })
                .collect();
            prop_assert_eq!(by_slot, parse_answers(&definition, &text));
        }
    }

    #[test]
    fn text_that_is_not_an_object_has_no_answers() {
        let definition = PollDefinition::from_yaml_str(DEFINITION).unwrap();
        for text in ["", "[]", "null", "{\"een\": ", "42"] {
            assert!(parse_answers(&definition, text).is_empty(), "{text}");
        }
        assert_eq!(
            parse_answers(
                &definition,
                r#"{"een": "a", "veel": ["a", 1, "b"], "cijfer": 4, "open": "Hoi"}"#
            )
            .len(),
            4
        );
    }
}
