//! Reading a poll definition from JSON or YAML, with the location of the first problem.

use crate::definition::PollDefinition;

/// The formats a definition can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefinitionFormat {
    Json,
    Yaml,
}

impl DefinitionFormat {
    /// Chooses the format by file name; anything that is not `.json` is read as YAML (a superset).
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("json") => DefinitionFormat::Json,
            _ => DefinitionFormat::Yaml,
        }
    }
}

/// A definition that could not be read into the poll shape at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct ParseError {
    /// Where the problem is, as `questions[2].options[1].id`; empty for the whole document.
    pub location: String,
    pub message: String,
}

impl PollDefinition {
    /// Reads a definition from JSON.
    pub fn from_json_str(s: &str) -> Result<Self, ParseError> {
        let de = &mut serde_json::Deserializer::from_str(s);
        serde_path_to_error::deserialize(de).map_err(|e| ParseError {
            location: clean_path(&e.path().to_string()),
            message: e.inner().to_string(),
        })
    }

    /// Reads a definition from a JSON value (the body of an API request).
    pub fn from_json_value(v: serde_json::Value) -> Result<Self, ParseError> {
        serde_path_to_error::deserialize(v).map_err(|e| ParseError {
            location: clean_path(&e.path().to_string()),
            message: e.to_string(),
        })
    }

    /// Reads a definition from YAML.
    pub fn from_yaml_str(s: &str) -> Result<Self, ParseError> {
        let de = serde_norway::Deserializer::from_str(s);
        serde_path_to_error::deserialize(de).map_err(|e| ParseError {
            location: clean_path(&e.path().to_string()),
            message: e.inner().to_string(),
        })
    }

    /// Reads a definition in the given format.
    pub fn from_str_as(s: &str, format: DefinitionFormat) -> Result<Self, ParseError> {
        match format {
            DefinitionFormat::Json => Self::from_json_str(s),
            DefinitionFormat::Yaml => Self::from_yaml_str(s),
        }
    }

    /// The canonical JSON form, as stored.
    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings and numbers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The YAML form, for staff who prefer to edit it.
    pub fn to_yaml(&self) -> String {
        serde_norway::to_string(self).unwrap_or_default()
    }
}

/// serde_path_to_error writes `.` for the root; a location is empty there.
fn clean_path(p: &str) -> String {
    if p == "." {
        String::new()
    } else {
        p.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::QuestionKind;

    const CONTRACT_EXAMPLE: &str = r#"
slug: fietsparkeren-station
title: {nl: "Fietsparkeren bij het station", en: "Bike parking at the station"}
intro: {nl: "Drie korte vragen. Het kost u 1 minuut."}
brief:
  purpose: "Weten of er meer fietsenrekken nodig zijn bij station Beverwijk"
  audiences: [beverwijk]
  feedback_promise: {nl: "Op 1 maart leest u hier wat we met uw antwoorden doen."}
questions:
  - {id: q1, kind: single_choice, required: true, text: {nl: "Hoe komt u meestal naar het station?"},
     options: [{id: fiets, text: {nl: "Met de fiets"}}, {id: bus, text: {nl: "Met de bus"}}]}
  - {id: q2, kind: multi_choice, max_choices: 2, text: {nl: "Wat mist u?"}, options: [{id: a, text: "A"}, {id: b, text: "B"}]}
  - {id: q3, kind: scale, min: 1, max: 5, text: {nl: "Hoe vindt u het?"}, labels: {min: {nl: "Slecht"}, max: {nl: "Goed"}}}
  - {id: q4, kind: open_text, max_length: 500, text: {nl: "Wat wilt u nog kwijt?"}}
  - {id: leeftijd, kind: single_choice, profile: true, text: {nl: "Wat is uw leeftijd?"}, options: [{id: jong, text: "Jonger dan 40"}, {id: oud, text: "40 of ouder"}]}
"#;

    #[test]
    fn reads_the_contract_example_from_yaml_and_round_trips_through_json() {
        let def = PollDefinition::from_yaml_str(CONTRACT_EXAMPLE).unwrap();
        assert_eq!(def.questions.len(), 5);
        assert_eq!(def.questions[1].kind, QuestionKind::MultiChoice);
        assert!(def.questions[4].profile);
        let again = PollDefinition::from_json_str(&def.to_json()).unwrap();
        assert_eq!(def, again);
        let via_yaml = PollDefinition::from_yaml_str(&def.to_yaml()).unwrap();
        assert_eq!(def, via_yaml);
    }

    #[test]
    fn reports_where_a_definition_breaks() {
        let err = PollDefinition::from_json_str(
            r#"{"slug":"abc","title":"T","questions":[{"id":"q1","kind":"slider","text":"x"}]}"#,
        )
        .unwrap_err();
        assert_eq!(err.location, "questions[0].kind");
        assert!(err.message.contains("slider"), "{}", err.message);
        let err = PollDefinition::from_yaml_str(
            "slug: abc\ntitle: T\nquestions:\n  - {id: q1, kind: scale, text: x, colour: red}\n",
        )
        .unwrap_err();
        assert!(err.location.starts_with("questions[0]"), "{err}");
        assert!(err.message.contains("colour"), "{err}");
    }
}
