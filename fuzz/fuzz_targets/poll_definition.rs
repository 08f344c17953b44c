//! The poll-definition reader (`flits poll validate`, `flits poll import`, the builder's API):
//! any bytes, as JSON and as YAML. Reading and checking never panic, and a definition that passes
//! the checks reads back as itself from the JSON it is stored as.
#![no_main]

use flits_survey::{DefinitionFormat, PollDefinition, ValidationOptions, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for format in [DefinitionFormat::Json, DefinitionFormat::Yaml] {
        let Ok(def) = PollDefinition::from_str_as(text, format) else {
            continue;
        };
        let report = validate(&def, &ValidationOptions::default());
        if report.valid {
            let stored = def.to_json();
            let again = PollDefinition::from_json_str(&stored)
                .unwrap_or_else(|e| panic!("a valid definition does not read back: {e}\n{stored}"));
            assert_eq!(def, again, "{stored}");
        }
    }
});
