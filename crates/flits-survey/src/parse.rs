//! Reading a poll definition from JSON or YAML text.
//!
//! Two steps, so that "not a file we can read" and "not a valid poll" stay apart (`flits poll
//! validate` exits 2 on the first, 1 on the second): the syntax ([`parse_document`], a
//! [`SyntaxError`] with line and column), then the poll's shape ([`crate::read`], every problem with
//! its location). The strict `from_*` functions do both and refuse a definition with any problem;
//! the store and the tests use them, the command line and the staff API read leniently and validate.

use serde_json::Value;

use crate::definition::PollDefinition;
use crate::read::read_value;
use crate::validate::Issue;

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

    /// `JSON` or `YAML`, as messages name the format.
    pub fn name(self) -> &'static str {
        match self {
            DefinitionFormat::Json => "JSON",
            DefinitionFormat::Yaml => "YAML",
        }
    }
}

/// Text that is not JSON or YAML at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not valid {} (line {line}, column {column})", format.name())]
pub struct SyntaxError {
    pub format: DefinitionFormat,
    /// 1-based; 0 when the parser could not say where.
    pub line: usize,
    /// 1-based; 0 when the parser could not say where.
    pub column: usize,
}

/// Why a definition could not be read by the strict functions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not JSON or YAML at all.
    #[error(transparent)]
    Syntax(#[from] SyntaxError),
    /// JSON or YAML, but not the shape of a poll: every problem, located (see [`crate::read`]).
    #[error("not a poll definition: {}", summary(.0))]
    Invalid(Vec<Issue>),
}

/// `location: code` of each problem, for logs.
fn summary(problems: &[Issue]) -> String {
    problems
        .iter()
        .map(|p| format!("{}: {}", p.location, p.code))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The document in `text` as a JSON value, if its syntax is right.
pub fn parse_document(text: &str, format: DefinitionFormat) -> Result<Value, SyntaxError> {
    match format {
        DefinitionFormat::Json => serde_json::from_str(text).map_err(|e| SyntaxError {
            format,
            line: e.line(),
            column: e.column(),
        }),
        DefinitionFormat::Yaml => serde_norway::from_str(text).map_err(|e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            SyntaxError {
                format,
                line,
                column,
            }
        }),
    }
}

impl PollDefinition {
    /// Reads a definition from JSON.
    pub fn from_json_str(s: &str) -> Result<Self, ParseError> {
        Self::from_str_as(s, DefinitionFormat::Json)
    }

    /// Reads a definition from a JSON value (the body of an API request).
    pub fn from_json_value(v: Value) -> Result<Self, ParseError> {
        read_value(v).into_definition().map_err(ParseError::Invalid)
    }

    /// Reads a definition from YAML.
    pub fn from_yaml_str(s: &str) -> Result<Self, ParseError> {
        Self::from_str_as(s, DefinitionFormat::Yaml)
    }

    /// Reads a definition in the given format.
    pub fn from_str_as(s: &str, format: DefinitionFormat) -> Result<Self, ParseError> {
        Self::from_json_value(parse_document(s, format)?)
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
        let via_serde: PollDefinition = serde_json::from_str(&def.to_json()).unwrap();
        assert_eq!(def, via_serde);
    }

    #[test]
    fn reports_where_a_definition_breaks() {
        let err = PollDefinition::from_json_str(
            r#"{"slug":"abc","title":"T","questions":[{"id":"q1","kind":"slider","text":"x"}]}"#,
        )
        .unwrap_err();
        let ParseError::Invalid(problems) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(problems[0].location, "questions[0].kind");
        assert_eq!(problems[0].code, "kind_unknown");
        assert_eq!(problems[0].args.text("value"), Some("slider"));
        assert!(err.to_string().contains("questions[0].kind"), "{err}");
        let err = PollDefinition::from_yaml_str(
            "slug: abc\ntitle: T\nquestions:\n  - {id: q1, kind: scale, text: x, colour: red}\n",
        )
        .unwrap_err();
        let ParseError::Invalid(problems) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(problems[0].location, "questions[0].colour");
        assert_eq!(problems[0].args.text("field"), Some("colour"));
        assert!(serde_json::from_str::<PollDefinition>(r#"{"slug": "abc"}"#).is_err());
    }

    #[test]
    fn syntax_errors_say_where() {
        let err = PollDefinition::from_json_str("{\"slug\": ").unwrap_err();
        assert!(
            matches!(err, ParseError::Syntax(SyntaxError { format: DefinitionFormat::Json, line: 1, column }) if column > 0),
            "{err:?}"
        );
        let err =
            parse_document("slug: abc\ntitle: [unclosed\n", DefinitionFormat::Yaml).unwrap_err();
        assert_eq!(err.format, DefinitionFormat::Yaml);
        assert!(err.line >= 2, "{err:?}");
    }
}
