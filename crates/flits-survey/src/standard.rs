//! The standard profile questions: questions about the resident that staff add to a poll with one
//! click (age group, neighbourhood, first time taking part, how they heard of the poll).
//!
//! Every municipality asks them the same way, so their answers can be compared across polls and
//! weighted against population figures (`flits population import`): the ids of the questions and of
//! their options are fixed here, and the population files use the same ids. Each is a profile
//! question (`profile: true`: it does not count towards the question limit, and exports suppress its
//! answers under the k-anonymity rule), optional (`required: false`), and carries a one-line reason
//! as its `help`, which the poll page shows under the question.
//!
//! The texts are not sentences this crate writes for a reader but content of the poll: they come
//! from the catalogue (`locales/*/resident-standard.ftl`) in every language the poll offers, and are
//! stored in the definition like texts staff write. The neighbourhood question's options are the
//! neighbourhoods configured for the poll's audience ([`Neighbourhoods`]); their names are proper
//! names, the same in every language.

mod neighbourhoods;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use flits_i18n::Locale;

use crate::definition::{Question, QuestionKind, QuestionOption};
use crate::text::Text;

pub use neighbourhoods::{InvalidNeighbourhood, Neighbourhood, Neighbourhoods};

/// One of the standard questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StandardQuestion {
    /// "How old are you?", in the age bands of Statistics Netherlands (CBS).
    AgeGroup,
    /// "Which neighbourhood do you live in?", from the audience's configured list.
    Neighbourhood,
    /// "Is this the first time you take part?": whether a poll reached beyond the usual respondents.
    FirstTime,
    /// "How did you hear about this poll?": for residents who came by word of mouth, whom the
    /// channel of a link (`?c=`) cannot show.
    HeardVia,
}

/// What the catalogue holds for one standard question: its question text, its reason and, for the
/// questions with fixed options, each option's id with its text.
struct Messages {
    question: &'static str,
    help: &'static str,
    options: &'static [(&'static str, &'static str)],
}

impl StandardQuestion {
    /// Every standard question, in the order the builder offers them and a poll asks them.
    pub const ALL: [StandardQuestion; 4] = [
        StandardQuestion::AgeGroup,
        StandardQuestion::Neighbourhood,
        StandardQuestion::FirstTime,
        StandardQuestion::HeardVia,
    ];

    /// The question's id in a definition, also its column in exports and the `question` of
    /// population files.
    pub fn id(self) -> &'static str {
        match self {
            StandardQuestion::AgeGroup => "leeftijd",
            StandardQuestion::Neighbourhood => "wijk",
            StandardQuestion::FirstTime => "first_time",
            StandardQuestion::HeardVia => "heard_via",
        }
    }

    /// The standard question with this id.
    pub fn from_id(id: &str) -> Option<StandardQuestion> {
        StandardQuestion::ALL.into_iter().find(|s| s.id() == id)
    }

    fn messages(self) -> Messages {
        match self {
            StandardQuestion::AgeGroup => Messages {
                question: "standard-age-question",
                help: "standard-age-help",
                options: &[
                    ("tot15", "standard-age-tot15"),
                    ("15-24", "standard-age-15-24"),
                    ("25-44", "standard-age-25-44"),
                    ("45-64", "standard-age-45-64"),
                    ("65plus", "standard-age-65plus"),
                ],
            },
            StandardQuestion::Neighbourhood => Messages {
                question: "standard-neighbourhood-question",
                help: "standard-neighbourhood-help",
                options: &[],
            },
            StandardQuestion::FirstTime => Messages {
                question: "standard-first-time-question",
                help: "standard-first-time-help",
                options: &[
                    ("yes", "standard-first-time-yes"),
                    ("no", "standard-first-time-no"),
                ],
            },
            StandardQuestion::HeardVia => Messages {
                question: "standard-heard-via-question",
                help: "standard-heard-via-help",
                options: &[
                    ("social", "standard-heard-via-social"),
                    ("poster", "standard-heard-via-poster"),
                    ("website", "standard-heard-via-website"),
                    ("krant", "standard-heard-via-krant"),
                    ("mond", "standard-heard-via-mond"),
                    ("anders", "standard-heard-via-anders"),
                ],
            },
        }
    }

    /// Whether its options come from the audience's configuration rather than from here.
    pub fn needs_neighbourhoods(self) -> bool {
        self == StandardQuestion::Neighbourhood
    }

    /// The ids of its options: fixed ones, or those of `neighbourhoods` for the neighbourhood
    /// question.
    pub fn option_ids(self, neighbourhoods: &Neighbourhoods) -> Vec<String> {
        if self.needs_neighbourhoods() {
            return neighbourhoods.iter().map(|n| n.id().to_owned()).collect();
        }
        self.messages()
            .options
            .iter()
            .map(|(id, _)| (*id).to_owned())
            .collect()
    }

    /// Every catalogue message it uses (question, reason, option texts), for the tests that keep
    /// the catalogue complete.
    pub fn message_ids(self) -> Vec<&'static str> {
        let m = self.messages();
        [m.question, m.help]
            .into_iter()
            .chain(m.options.iter().map(|(_, message)| *message))
            .collect()
    }

    /// The question in the languages `langs`, or `None` for the neighbourhood question when the
    /// audience has no list of neighbourhoods.
    pub fn question(self, langs: &[Locale], neighbourhoods: &Neighbourhoods) -> Option<Question> {
        let m = self.messages();
        let options: Vec<QuestionOption> = if self.needs_neighbourhoods() {
            neighbourhoods
                .iter()
                .map(|n| QuestionOption {
                    id: n.id().to_owned(),
                    text: same_in(langs, n.name()),
                })
                .collect()
        } else {
            m.options
                .iter()
                .map(|(id, message)| QuestionOption {
                    id: (*id).to_owned(),
                    text: from_catalogue(langs, message),
                })
                .collect()
        };
        if options.is_empty() {
            return None;
        }
        Some(Question {
            id: self.id().to_owned(),
            kind: QuestionKind::SingleChoice,
            text: from_catalogue(langs, m.question),
            required: false,
            profile: true,
            help: Some(from_catalogue(langs, m.help)),
            options,
            max_choices: None,
            min: None,
            max: None,
            labels: None,
            max_length: None,
        })
    }

    /// Whether `q` is this standard question as [`StandardQuestion::question`] makes it, up to its
    /// texts: its id, a single choice about the resident, with the same options. Texts may differ
    /// (the catalogue may have been reworded since, or the poll's languages changed); a question
    /// that only shares the id (a poll's own `leeftijd` with other bands) is not the standard one.
    pub fn is(self, q: &Question, neighbourhoods: &Neighbourhoods) -> bool {
        q.id == self.id()
            && q.kind == QuestionKind::SingleChoice
            && q.profile
            && q.options
                .iter()
                .map(|o| o.id.as_str())
                .eq(self.option_ids(neighbourhoods).iter().map(String::as_str))
            && !q.options.is_empty()
    }
}

/// The catalogue message `id` in each of `langs`, as a text with one entry per language.
fn from_catalogue(langs: &[Locale], id: &str) -> Text {
    let catalogue = flits_i18n::catalogue();
    Text::Translated(
        langs
            .iter()
            .map(|l| (l.code().to_owned(), catalogue.format(*l, id, &[])))
            .collect(),
    )
}

/// A name that is the same in every language of `langs` (a neighbourhood's).
fn same_in(langs: &[Locale], name: &str) -> Text {
    Text::Translated(
        langs
            .iter()
            .map(|l| (l.code().to_owned(), name.to_owned()))
            .collect::<BTreeMap<_, _>>(),
    )
}
