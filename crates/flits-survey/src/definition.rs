//! The poll definition (docs/api.md, "Poll definitions"), as it is written by staff and stored.
//!
//! The shape is deliberately flat (every question carries the optional fields of every kind) so that
//! the validator can report *all* problems with their locations instead of stopping at the first field
//! that does not fit. Reading (JSON, YAML, a request body) lives in [`crate::read`], validation in
//! [`crate::validate`]; serialising is plain serde, and reading what was written gives it back
//! unchanged.

use flits_i18n::Locale;
use serde::{Deserialize, Serialize};

use crate::text::Text;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A flash poll: a few questions, a named audience and a stated purpose.
///
/// Deserialising goes through the lenient reader ([`crate::read`]), so serde and the validator agree
/// on what a definition is; a document with any problem is refused with every problem listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PollDefinition {
    /// The poll's address: `/p/{slug}`. `[a-z0-9-]`, 3..64 characters, unique.
    pub slug: String,
    pub title: Text,
    /// The languages the poll offers residents, the first being its default (docs/api.md, "Poll definitions").
    /// Absent: the languages of the title. See [`PollDefinition::offered_languages`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<Locale>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// Why the poll is held, for whom, and what residents will hear back. Required before scheduling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brief: Option<Brief>,
    pub questions: Vec<Question>,
}

/// The focus of a poll: purpose, audiences and the promise of feedback.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_promise: Option<Text>,
    /// The day the feedback promise names for "what we did" (Europe/Amsterdam). From that day on
    /// the dashboard and a reminder to the poll's owner warn until an update is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_on: Option<chrono::NaiveDate>,
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
    /// Every kind, in the order the builder offers them.
    pub const ALL: [QuestionKind; 4] = [
        QuestionKind::SingleChoice,
        QuestionKind::MultiChoice,
        QuestionKind::Scale,
        QuestionKind::OpenText,
    ];

    /// The name written in definitions (`single_choice`…), also the code messages name a kind by.
    pub fn code(self) -> &'static str {
        match self {
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultiChoice => "multi_choice",
            QuestionKind::Scale => "scale",
            QuestionKind::OpenText => "open_text",
        }
    }

    /// The kind written as `code`, if there is one.
    pub fn from_code(code: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether the question offers options to choose from.
    pub fn has_options(self) -> bool {
        matches!(self, QuestionKind::SingleChoice | QuestionKind::MultiChoice)
    }
}

/// One question. Fields that belong to another kind are reported by the validator.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionOption {
    pub id: String,
    pub text: Text,
}

/// The words at the ends of a scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

    /// The languages residents can read the poll in, the default first: `languages` when given
    /// (each once), otherwise the title's languages with Dutch first. Codes Flits has no texts for
    /// are left out (the validator reports them), and a poll with none of its own offers Dutch, so
    /// the list is never empty. The collector chooses a resident's language among these.
    pub fn offered_languages(&self) -> Vec<Locale> {
        let mut offered: Vec<Locale> = Vec::new();
        match &self.languages {
            Some(declared) if !declared.is_empty() => {
                for l in declared {
                    if !offered.contains(l) {
                        offered.push(*l);
                    }
                }
            }
            _ => {
                let title = self.title.langs();
                offered = Locale::RESIDENT
                    .into_iter()
                    .filter(|l| title.contains(&l.code()))
                    .collect();
            }
        }
        if offered.is_empty() {
            offered.push(Locale::Nl);
        }
        offered
    }
}

impl Question {
    /// Looks an option up by id.
    pub fn option(&self, id: &str) -> Option<&QuestionOption> {
        self.options.iter().find(|o| o.id == id)
    }
}
