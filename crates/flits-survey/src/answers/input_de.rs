//! Reading an [`AnswerInput`] by the type of the value that arrived.
//!
//! `#[serde(untagged)]` would first copy the value into serde's private buffer, then try `Text`,
//! `Number`, `List`, `Null` and `Other` in turn, building (and formatting) an error for each one
//! that does not fit. This visitor sees the value once and picks the variant from its type, with
//! the same outcome for every JSON value (checked against the untagged form in the tests).

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::AnswerInput;

impl<'de> Deserialize<'de> for AnswerInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<AnswerInput, D::Error> {
        deserializer.deserialize_any(InputVisitor)
    }
}

struct InputVisitor;

impl<'de> Visitor<'de> for InputVisitor {
    type Value = AnswerInput;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer: a string, a number, a list, or null")
    }

    fn visit_str<E>(self, v: &str) -> Result<AnswerInput, E> {
        Ok(AnswerInput::Text(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<AnswerInput, E> {
        Ok(AnswerInput::Text(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<AnswerInput, E> {
        Ok(AnswerInput::Number(v as f64))
    }

    fn visit_u64<E>(self, v: u64) -> Result<AnswerInput, E> {
        Ok(AnswerInput::Number(v as f64))
    }

    fn visit_f64<E>(self, v: f64) -> Result<AnswerInput, E> {
        Ok(AnswerInput::Number(v))
    }

    fn visit_unit<E>(self) -> Result<AnswerInput, E> {
        Ok(AnswerInput::Null)
    }

    fn visit_none<E>(self) -> Result<AnswerInput, E> {
        Ok(AnswerInput::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<AnswerInput, D::Error> {
        AnswerInput::deserialize(deserializer)
    }

    fn visit_bool<E>(self, v: bool) -> Result<AnswerInput, E> {
        Ok(AnswerInput::Other(Value::Bool(v)))
    }

    /// A list of strings is a `List`; a list with anything else in it is `Other`, whole.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnswerInput, A::Error> {
        let mut strings = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(16));
        while let Some(item) = seq.next_element::<Value>()? {
            match item {
                Value::String(s) => strings.push(s),
                other => {
                    let mut items: Vec<Value> = strings.into_iter().map(Value::String).collect();
                    items.push(other);
                    while let Some(rest) = seq.next_element::<Value>()? {
                        items.push(rest);
                    }
                    return Ok(AnswerInput::Other(Value::Array(items)));
                }
            }
        }
        Ok(AnswerInput::List(strings))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<AnswerInput, A::Error> {
        Value::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            .map(AnswerInput::Other)
    }
}
