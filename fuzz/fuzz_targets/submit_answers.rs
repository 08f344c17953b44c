//! The submit decoders: any bytes as the JSON submit's answers and as a form body, checked against
//! the demo poll. Never a panic; what passes the check only answers the poll's own questions.
#![no_main]

use std::collections::BTreeMap;
use std::sync::LazyLock;

use flits_survey::{AnswerInput, PollDefinition, validate_answers};
use libfuzzer_sys::fuzz_target;

static POLL: LazyLock<PollDefinition> = LazyLock::new(|| {
    PollDefinition::from_yaml_str(include_str!("../../src/demo/demo.yaml"))
        .unwrap_or_else(|e| panic!("{e}"))
});

fn check(input: &BTreeMap<String, AnswerInput>) {
    if let Ok(valid) = validate_answers(&POLL, input) {
        for (id, _) in valid.iter() {
            assert!(
                POLL.question(id).is_some(),
                "an answer to no question: {id}"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(answers) = serde_json::from_slice::<BTreeMap<String, AnswerInput>>(data) {
        check(&answers);
    }
    // A form body: each field once, or repeated for a multi-choice question.
    let mut fields: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, value) in url::form_urlencoded::parse(data) {
        fields
            .entry(name.into_owned())
            .or_default()
            .push(value.into_owned());
    }
    let answers = fields
        .into_iter()
        .filter_map(|(name, values)| AnswerInput::from_form_values(values).map(|a| (name, a)))
        .collect();
    check(&answers);
});
