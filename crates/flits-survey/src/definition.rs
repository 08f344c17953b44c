//! The poll definition (docs/api.md, "Poll definitions"), as it is written by staff and stored.
//!
//! The shape is deliberately flat (every question carries the optional fields of every kind) so that
//! the validator can report *all* problems with their locations, in words a comms officer understands,
//! instead of stopping at the first field serde could not place. Validation lives in its own module.

use serde::{Deserialize, Serialize};

use crate::text::Text;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A flash poll: a few questions, a named audience and a stated purpose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PollDefinition {
    /// The poll's address: `/p/{slug}`. `[a-z0-9-]`, 3..64 characters, unique.
    pub slug: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// Why the poll is held, for whom, and what residents will hear back. Required before scheduling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief: Option<Brief>,
    pub questions: Vec<Question>,
}

/// The focus of a poll: purpose, audiences and the promise of feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_promise: Option<Text>,
}

/// The kinds of question a flash poll can ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    SingleChoice,
    MultiChoice,
    Scale,
    OpenText,
}

impl QuestionKind {
    /// Whether the question offers options to choose from.
    pub fn has_options(self) -> bool {
        matches!(self, QuestionKind::SingleChoice | QuestionKind::MultiChoice)
    }
}

/// One question. Fields that belong to another kind are reported by the validator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: Text,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// A question about the respondent (age group, neighbourhood…): a quasi-identifier that exports
    /// anonymise, and that does not count towards the question limit.
    #[serde(default, skip_serializing_if = "is_false")]
    pub profile: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<QuestionOption>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_choices: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<ScaleLabels>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionOption {
    pub id: String,
    pub text: Text,
}

/// The words at the ends of a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLabels {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Text>,
}

impl PollDefinition {
    /// The questions about the topic, not about the respondent.
    pub fn topic_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| !q.profile)
    }

    /// Looks a question up by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

impl Question {
    /// Looks an option up by id.
    pub fn option(&self, id: &str) -> Option<&QuestionOption> {
        self.options.iter().find(|o| o.id == id)
    }
}
