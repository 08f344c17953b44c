//! Reading a poll definition leniently: every problem with its location, and as much of the poll as
//! can be read.
//!
//! A definition arrives as a JSON value (a request body, or a JSON or YAML file once its syntax is
//! known to be fine). Instead of stopping at the first field that does not fit, as a derived serde
//! reader would, [`read_value`] walks the whole document and collects each problem as an [`Issue`]:
//!
//! | code | problem | args |
//! |---|---|---|
//! | `field_unknown` | a field the definition does not have (it is ignored) | `field` |
//! | `field_missing` | a required field is absent | `field` |
//! | `field_type` | a value of the wrong type (`expected`: `object`, `list`, `text`, `boolean`, `integer`, `count`) | `expected` |
//! | `kind_unknown` | a question `kind` that is not one of `single_choice`, `multi_choice`, `scale`, `open_text` | `value` (as written) |
//! | `language_unsupported` | an entry of `languages` that is not `nl`, `en`, `tr`, `pl` or `ar` | `language` |
//! | `language_duplicate` | an entry of `languages` listed before | `language` |
//!
//! Whatever could not be read is filled in with an empty placeholder (an empty id, an empty text, an
//! open question for an unknown kind), so that every question and option keeps its index and the
//! validator's locations stay right. [`crate::validate::validate_reading`] then checks the rest and
//! leaves out what the reading problems already explain: a question of unknown kind hides no other
//! error in the file, and the missing title is not reported a second time as empty.
//!
//! Deserialising a [`PollDefinition`] with serde uses this reader too and fails on any problem, so
//! there is one set of rules for what a definition looks like.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use flits_i18n::Locale;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use crate::args::Args;
use crate::definition::{
    Brief, PollDefinition, Question, QuestionKind, QuestionOption, ScaleLabels,
};
use crate::text::Text;
use crate::validate::Issue;

/// A definition read as far as it goes, with every problem reading found.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The definition, with placeholders where a part could not be read.
    pub definition: PollDefinition,
    /// Every reading problem, in document order. Empty: the definition is exactly the document.
    pub problems: Vec<Issue>,
    /// The questions whose kind could not be read; the validator skips the rules of their kind.
    pub(crate) unknown_kinds: BTreeSet<usize>,
}

impl Reading {
    /// The definition when the document had no reading problem, or the problems.
    pub fn into_definition(self) -> Result<PollDefinition, Vec<Issue>> {
        if self.problems.is_empty() {
            Ok(self.definition)
        } else {
            Err(self.problems)
        }
    }
}

/// Reads `value` as a poll definition, leniently (see the module documentation).
pub fn read_value(value: Value) -> Reading {
    let mut reader = Reader::default();
    let definition = reader.definition(value);
    Reading {
        definition,
        problems: reader.problems,
        unknown_kinds: reader.unknown_kinds,
    }
}

impl<'de> Deserialize<'de> for PollDefinition {
    /// Strict: any reading problem fails, naming the first one's location and code.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        read_value(value).into_definition().map_err(|problems| {
            let first = problems
                .first()
                .map(|p| format!("{}: {}", p.location, p.code))
                .unwrap_or_default();
            serde::de::Error::custom(format!(
                "not a poll definition ({} problem(s)), first {first}",
                problems.len()
            ))
        })
    }
}

/// `location.field`, or `field` at the root.
fn field_location(location: &str, field: &str) -> String {
    if location.is_empty() {
        field.to_owned()
    } else {
        format!("{location}.{field}")
    }
}

/// What a value should have been, by the code messages name it with.
#[derive(Clone, Copy)]
enum Expected {
    Object,
    List,
    Text,
    Boolean,
    Integer,
    /// A whole number from 0 up (`max_choices`, `max_length`).
    Count,
    /// A calendar date, `YYYY-MM-DD` (`brief.follow_up_on`).
    Date,
}

impl Expected {
    fn code(self) -> &'static str {
        match self {
            Expected::Object => "object",
            Expected::List => "list",
            Expected::Text => "text",
            Expected::Boolean => "boolean",
            Expected::Integer => "integer",
            Expected::Count => "count",
            Expected::Date => "date",
        }
    }
}

/// The codes `field_type` names in its `expected` argument.
pub const EXPECTED_TYPES: [&str; 7] = [
    "object", "list", "text", "boolean", "integer", "count", "date",
];

/// The fields of one object being read, with its location.
struct Fields {
    map: Map<String, Value>,
    location: String,
}

impl Fields {
    /// The value of `field`, if present and not `null` (an explicit `null` means "absent").
    fn take(&mut self, field: &str) -> Option<(Value, String)> {
        self.map
            .remove(field)
            .filter(|v| !v.is_null())
            .map(|v| (v, field_location(&self.location, field)))
    }
}

#[derive(Default)]
struct Reader {
    problems: Vec<Issue>,
    unknown_kinds: BTreeSet<usize>,
}

impl Reader {
    fn problem(&mut self, location: String, code: &str, args: Args) {
        self.problems.push(Issue {
            location,
            code: code.to_owned(),
            args,
        });
    }

    fn wrong_type(&mut self, location: String, expected: Expected) {
        self.problem(
            location,
            "field_type",
            Args::new().with("expected", expected.code()),
        );
    }

    /// The fields of an object, reporting every field not in `allowed` (and dropping it).
    fn object(&mut self, value: Value, location: &str, allowed: &[&str]) -> Option<Fields> {
        let Value::Object(map) = value else {
            self.wrong_type(location.to_owned(), Expected::Object);
            return None;
        };
        let mut fields = Fields {
            map: Map::new(),
            location: location.to_owned(),
        };
        for (key, v) in map {
            if allowed.contains(&key.as_str()) {
                fields.map.insert(key, v);
            } else {
                self.problem(
                    field_location(location, &key),
                    "field_unknown",
                    Args::new().with("field", key.as_str()),
                );
            }
        }
        Some(fields)
    }

    /// A required field, read with `read`; a missing one is reported.
    fn required<T>(
        &mut self,
        fields: &mut Fields,
        field: &str,
        read: impl FnOnce(&mut Self, Value, String) -> Option<T>,
    ) -> Option<T> {
        match fields.take(field) {
            Some((v, location)) => read(self, v, location),
            None => {
                self.problem(
                    field_location(&fields.location, field),
                    "field_missing",
                    Args::new().with("field", field),
                );
                None
            }
        }
    }

    /// An optional field, read with `read`.
    fn optional<T>(
        &mut self,
        fields: &mut Fields,
        field: &str,
        read: impl FnOnce(&mut Self, Value, String) -> Option<T>,
    ) -> Option<T> {
        let (v, location) = fields.take(field)?;
        read(self, v, location)
    }

    fn string(&mut self, value: Value, location: String) -> Option<String> {
        match value {
            Value::String(s) => Some(s),
            _ => {
                self.wrong_type(location, Expected::Text);
                None
            }
        }
    }

    fn date(&mut self, value: Value, location: String) -> Option<NaiveDate> {
        let date = value
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        if date.is_none() {
            self.wrong_type(location, Expected::Date);
        }
        date
    }

    fn boolean(&mut self, value: Value, location: String) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(b),
            _ => {
                self.wrong_type(location, Expected::Boolean);
                None
            }
        }
    }

    fn integer(&mut self, value: Value, location: String) -> Option<i64> {
        let n = value.as_i64();
        if n.is_none() {
            self.wrong_type(location, Expected::Integer);
        }
        n
    }

    fn count(&mut self, value: Value, location: String) -> Option<u32> {
        let n = value.as_u64().and_then(|n| u32::try_from(n).ok());
        if n.is_none() {
            self.wrong_type(location, Expected::Count);
        }
        n
    }

    fn list(&mut self, value: Value, location: &str) -> Option<Vec<Value>> {
        match value {
            Value::Array(items) => Some(items),
            _ => {
                self.wrong_type(location.to_owned(), Expected::List);
                None
            }
        }
    }

    /// A text: a string (Dutch) or a map of language → string. A translation that is not a string is
    /// reported at its own location and left out.
    fn text(&mut self, value: Value, location: String) -> Option<Text> {
        match value {
            Value::String(s) => Some(Text::Plain(s)),
            Value::Object(map) => {
                let mut texts = std::collections::BTreeMap::new();
                for (lang, v) in map {
                    let at = field_location(&location, &lang);
                    if let Some(s) = self.string(v, at) {
                        texts.insert(lang, s);
                    }
                }
                Some(Text::Translated(texts))
            }
            _ => {
                self.wrong_type(location, Expected::Text);
                None
            }
        }
    }

    /// A list of strings; an entry that is not one is reported and kept as an empty placeholder, so
    /// the others keep their index.
    fn strings(&mut self, value: Value, location: String) -> Option<Vec<String>> {
        let items = self.list(value, &location)?;
        Some(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    self.string(v, format!("{location}[{i}]"))
                        .unwrap_or_default()
                })
                .collect(),
        )
    }

    /// The offered languages. An entry Flits has no texts for, or one listed before, is reported
    /// here, where its index is known, and left out; a list left empty that way counts as absent
    /// (its problems say why).
    fn languages(&mut self, value: Value, location: String) -> Option<Vec<Locale>> {
        let items = self.list(value, &location)?;
        let written = items.len();
        let mut languages = Vec::new();
        for (i, v) in items.into_iter().enumerate() {
            let at = format!("{location}[{i}]");
            let Some(code) = self.string(v, at.clone()) else {
                continue;
            };
            match code.parse::<Locale>() {
                Ok(locale) if languages.contains(&locale) => self.problem(
                    at,
                    "language_duplicate",
                    Args::new().with("language", locale.code()),
                ),
                Ok(locale) => languages.push(locale),
                Err(_) => self.problem(
                    at,
                    "language_unsupported",
                    Args::new().with("language", code.as_str()),
                ),
            }
        }
        (written == 0 || !languages.is_empty()).then_some(languages)
    }

    fn definition(&mut self, value: Value) -> PollDefinition {
        const FIELDS: &[&str] = &["slug", "title", "languages", "intro", "brief", "questions"];
        let mut def = PollDefinition {
            slug: String::new(),
            title: Text::Translated(Default::default()),
            languages: None,
            intro: None,
            brief: None,
            questions: Vec::new(),
        };
        let Some(mut f) = self.object(value, "", FIELDS) else {
            return def;
        };
        def.slug = self
            .required(&mut f, "slug", Self::string)
            .unwrap_or_default();
        if let Some(title) = self.required(&mut f, "title", Self::text) {
            def.title = title;
        }
        def.languages = self.optional(&mut f, "languages", Self::languages);
        def.intro = self.optional(&mut f, "intro", Self::text);
        def.brief = self.optional(&mut f, "brief", Self::brief);
        def.questions = self
            .required(&mut f, "questions", |r, v, location| {
                let items = r.list(v, &location)?;
                Some(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| r.question(i, v, format!("{location}[{i}]")))
                        .collect(),
                )
            })
            .unwrap_or_default();
        def
    }

    fn brief(&mut self, value: Value, location: String) -> Option<Brief> {
        const FIELDS: &[&str] = &["purpose", "audiences", "feedback_promise", "follow_up_on"];
        let mut f = self.object(value, &location, FIELDS)?;
        Some(Brief {
            purpose: self.optional(&mut f, "purpose", Self::string),
            audiences: self
                .optional(&mut f, "audiences", Self::strings)
                .unwrap_or_default(),
            feedback_promise: self.optional(&mut f, "feedback_promise", Self::text),
            follow_up_on: self.optional(&mut f, "follow_up_on", Self::date),
        })
    }

    fn question(&mut self, index: usize, value: Value, location: String) -> Question {
        const FIELDS: &[&str] = &[
            "id",
            "kind",
            "text",
            "required",
            "profile",
            "help",
            "options",
            "max_choices",
            "min",
            "max",
            "labels",
            "max_length",
        ];
        let mut q = Question {
            id: String::new(),
            kind: QuestionKind::OpenText,
            text: Text::Translated(Default::default()),
            required: false,
            profile: false,
            help: None,
            options: Vec::new(),
            max_choices: None,
            min: None,
            max: None,
            labels: None,
            max_length: None,
        };
        let Some(mut f) = self.object(value, &location, FIELDS) else {
            self.unknown_kinds.insert(index);
            return q;
        };
        q.id = self
            .required(&mut f, "id", Self::string)
            .unwrap_or_default();
        let kind = self.required(&mut f, "kind", |r, v, at| {
            let given = r.string(v, at.clone())?;
            let kind = QuestionKind::from_code(&given);
            if kind.is_none() {
                r.problem(
                    at,
                    "kind_unknown",
                    Args::new().with("value", given.as_str()),
                );
            }
            kind
        });
        if let Some(text) = self.required(&mut f, "text", Self::text) {
            q.text = text;
        }
        q.required = self
            .optional(&mut f, "required", Self::boolean)
            .unwrap_or(false);
        q.profile = self
            .optional(&mut f, "profile", Self::boolean)
            .unwrap_or(false);
        q.help = self.optional(&mut f, "help", Self::text);
        q.options = self
            .optional(&mut f, "options", |r, v, at| {
                let items = r.list(v, &at)?;
                Some(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, v)| r.option(v, format!("{at}[{i}]")))
                        .collect(),
                )
            })
            .unwrap_or_default();
        q.max_choices = self.optional(&mut f, "max_choices", Self::count);
        q.min = self.optional(&mut f, "min", Self::integer);
        q.max = self.optional(&mut f, "max", Self::integer);
        q.labels = self.optional(&mut f, "labels", |r, v, at| {
            let mut f = r.object(v, &at, &["min", "max"])?;
            Some(ScaleLabels {
                min: r.optional(&mut f, "min", Self::text),
                max: r.optional(&mut f, "max", Self::text),
            })
        });
        q.max_length = self.optional(&mut f, "max_length", Self::count);
        match kind {
            Some(kind) => q.kind = kind,
            None => {
                // A stand-in so the question keeps its place; the rules of its kind are skipped.
                self.unknown_kinds.insert(index);
                if !q.options.is_empty() {
                    q.kind = QuestionKind::SingleChoice;
                }
            }
        }
        q
    }

    fn option(&mut self, value: Value, location: String) -> QuestionOption {
        let mut o = QuestionOption {
            id: String::new(),
            text: Text::Translated(Default::default()),
        };
        let Some(mut f) = self.object(value, &location, &["id", "text"]) else {
            return o;
        };
        o.id = self
            .required(&mut f, "id", Self::string)
            .unwrap_or_default();
        if let Some(text) = self.required(&mut f, "text", Self::text) {
            o.text = text;
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn located(reading: &Reading) -> Vec<(&str, &str)> {
        reading
            .problems
            .iter()
            .map(|p| (p.location.as_str(), p.code.as_str()))
            .collect()
    }

    #[test]
    fn reads_a_clean_document_without_problems() {
        let reading = read_value(json!({
            "slug": "abc", "title": {"nl": "T", "tr": "T"}, "languages": ["tr", "nl"],
            "questions": [{"id": "q1", "kind": "scale", "min": 1, "max": 5, "text": "V",
                           "labels": {"max": "Goed"}}]
        }));
        assert!(reading.problems.is_empty(), "{:?}", reading.problems);
        assert!(reading.unknown_kinds.is_empty());
        let def = reading.into_definition().unwrap();
        assert_eq!(def.languages, Some(vec![Locale::Tr, Locale::Nl]));
        assert_eq!(def.questions[0].kind, QuestionKind::Scale);
    }

    #[test]
    fn reports_every_problem_and_keeps_indexes() {
        let reading = read_value(json!({
            "slug": 5, "colour": "red", "languages": ["nl", "de", 3, "NL"],
            "questions": [
                {"id": "q1", "kind": "slider", "text": "V", "options": [{"id": "a", "text": "A"}]},
                "vraag",
                {"kind": "open_text", "text": {"nl": "V", "en": 4}, "required": "ja", "max_length": -1},
                {"id": "q4", "text": "V"}
            ]
        }));
        assert_eq!(
            located(&reading),
            vec![
                ("colour", "field_unknown"),
                ("slug", "field_type"),
                ("title", "field_missing"),
                ("languages[1]", "language_unsupported"),
                ("languages[2]", "field_type"),
                ("languages[3]", "language_duplicate"),
                ("questions[0].kind", "kind_unknown"),
                ("questions[1]", "field_type"),
                ("questions[2].id", "field_missing"),
                ("questions[2].text.en", "field_type"),
                ("questions[2].required", "field_type"),
                ("questions[2].max_length", "field_type"),
                ("questions[3].kind", "field_missing"),
            ]
        );
        assert_eq!(reading.problems[6].args.text("value"), Some("slider"));
        assert_eq!(reading.problems[1].args.text("expected"), Some("text"));
        assert_eq!(reading.problems[11].args.text("expected"), Some("count"));
        assert_eq!(reading.definition.questions.len(), 4, "indexes are kept");
        assert_eq!(reading.definition.questions[3].id, "q4");
        assert_eq!(
            reading.unknown_kinds,
            BTreeSet::from([0, 1, 3]),
            "unknown, unreadable and missing kinds"
        );
        assert_eq!(
            reading.definition.questions[0].kind,
            QuestionKind::SingleChoice
        );
        assert_eq!(reading.definition.languages, Some(vec![Locale::Nl]));

        let only_unsupported = read_value(json!({"languages": ["de"]}));
        assert_eq!(only_unsupported.definition.languages, None);
        let empty = read_value(json!({"languages": []}));
        assert_eq!(empty.definition.languages, Some(Vec::new()));
        let audiences = read_value(json!({"brief": {"audiences": [1, "velsen"]}}));
        let brief = audiences.definition.brief.unwrap();
        assert_eq!(brief.audiences, vec!["".to_owned(), "velsen".to_owned()]);
    }

    #[test]
    fn a_document_that_is_not_an_object_is_one_problem() {
        let reading = read_value(json!(["slug"]));
        assert_eq!(located(&reading), vec![("", "field_type")]);
        assert_eq!(reading.problems[0].args.text("expected"), Some("object"));
        assert!(read_value(json!(null)).into_definition().is_err());
    }

    #[test]
    fn null_means_absent() {
        let def: PollDefinition = serde_json::from_value(json!({
            "slug": "abc", "title": "T", "intro": null, "brief": null,
            "questions": [{"id": "q1", "kind": "open_text", "text": "V", "required": null}]
        }))
        .unwrap();
        assert_eq!(def.intro, None);
        assert!(!def.questions[0].required);
    }
}
