//! What is stored of one response, read against its poll's definition.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use flits_survey::{Answer, PollDefinition, QuestionKind};
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
