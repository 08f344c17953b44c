//! What is stored of one response, read against its poll's definition.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use flits_survey::{Answer, PollDefinition, QuestionKind};
use serde::de::{Deserialize, Deserializer, IgnoredAny, SeqAccess, Visitor};
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
