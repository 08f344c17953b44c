//! Schemas of the OpenAPI document for what the domain crates define: the poll definition and its
//! validation report. The domain crates stay free of web concerns, so the document describes their
//! JSON shape here (docs/api.md, "Poll definitions"); the staff API reads and writes these shapes
//! through `flits_survey`'s own types. The snapshot test (`docs/openapi.json`) shows any change.

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

/// A text residents read: a string (Dutch) or a map from language code (`nl`, `en`, `tr`, `pl`,
/// `ar`) to string.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[schema(as = Text)]
pub enum TextSchema {
    Dutch(String),
    Translated(BTreeMap<String, String>),
}

/// A poll definition, as `flits poll validate` reads it in JSON or YAML.
#[derive(Serialize, ToSchema)]
#[schema(as = PollDefinition)]
pub struct PollDefinitionSchema {
    /// `[a-z0-9-]`, 3 to 64 characters, unique.
    #[schema(example = "fietsparkeren-station")]
    slug: String,
    title: TextSchema,
    intro: Option<TextSchema>,
    /// The languages the poll offers, the first being its default (default: those of the title).
    languages: Option<Vec<String>>,
    brief: Option<BriefSchema>,
    questions: Vec<QuestionSchema>,
}

/// Why the poll is asked and of whom; required before scheduling.
#[derive(Serialize, ToSchema)]
#[schema(as = Brief)]
pub struct BriefSchema {
    /// For staff only; never shown to residents.
    purpose: Option<String>,
    /// Audience ids.
    audiences: Vec<String>,
    /// What residents will hear back, and when.
    feedback_promise: Option<TextSchema>,
    /// The day the promise names for "what we did" (`YYYY-MM-DD`, Amsterdam); from then on
    /// staff are warned until the results or an update are published.
    #[schema(format = Date)]
    follow_up_on: Option<String>,
}

/// The kinds of question.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = QuestionKind)]
pub enum QuestionKindSchema {
    SingleChoice,
    MultiChoice,
    Scale,
    OpenText,
}

/// One question; the fields after `profile` belong to the kinds that use them.
#[derive(Serialize, ToSchema)]
#[schema(as = Question)]
pub struct QuestionSchema {
    /// `[a-z0-9_-]`, unique in the poll.
    id: String,
    kind: QuestionKindSchema,
    text: TextSchema,
    required: Option<bool>,
    /// A question about the respondent (age group, neighbourhood…).
    profile: Option<bool>,
    help: Option<TextSchema>,
    /// Choice questions.
    options: Option<Vec<OptionSchema>>,
    /// Multi choice.
    max_choices: Option<u32>,
    /// Scale.
    min: Option<i64>,
    /// Scale.
    max: Option<i64>,
    /// Scale: the words at both ends.
    labels: Option<ScaleLabelsSchema>,
    /// Open text.
    max_length: Option<u32>,
}

/// An option of a choice question.
#[derive(Serialize, ToSchema)]
#[schema(as = QuestionOption)]
pub struct OptionSchema {
    id: String,
    text: TextSchema,
}

/// The words at the ends of a scale.
#[derive(Serialize, ToSchema)]
#[schema(as = ScaleLabels)]
pub struct ScaleLabelsSchema {
    min: Option<TextSchema>,
    max: Option<TextSchema>,
}

/// One error or hint, located in the definition.
#[derive(Serialize, ToSchema)]
#[schema(as = Issue)]
pub struct IssueSchema {
    /// A path like `questions[2].options[1].id`; empty for the whole poll.
    #[schema(example = "questions[0].text.nl")]
    location: String,
    /// Stable and snake_case.
    #[schema(example = "long_sentence")]
    code: String,
    /// For people, in the caller's language.
    message: String,
}

/// The readability score of one text.
#[derive(Serialize, ToSchema)]
#[schema(as = Readability)]
pub struct ReadabilitySchema {
    lang: String,
    /// Higher is easier.
    score: f64,
    /// `flesch_douma` or `flesch_reading_ease`.
    formula: String,
}

/// What validation found: errors make a poll invalid, hints do not.
#[derive(Serialize, ToSchema)]
pub struct ValidationReport {
    valid: bool,
    errors: Vec<IssueSchema>,
    hints: Vec<IssueSchema>,
    /// Scores by text location.
    readability: BTreeMap<String, ReadabilitySchema>,
    /// How long residents take to answer, in seconds.
    estimated_seconds: u32,
}
