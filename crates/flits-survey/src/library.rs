//! The question library: ready questions on what municipalities ask residents most (green, traffic,
//! waste, safety, young people, care), in Dutch and English, so a comms officer can start from a
//! question that already reads at B1 instead of a blank field.
//!
//! Each topic is a poll definition in `data/library/{topic}.yaml`, compiled into the binary. Being a
//! whole definition, a topic goes through the same validator as any poll; the tests require that
//! it has no errors and no hints, so the library never teaches the officialese the checker warns
//! about.

use std::sync::LazyLock;

use crate::{PollDefinition, Question};

/// The topics, in the order staff see them, each with its data file.
const SOURCES: [(&str, &str); 6] = [
    ("groen", include_str!("../data/library/groen.yaml")),
    ("verkeer", include_str!("../data/library/verkeer.yaml")),
    ("afval", include_str!("../data/library/afval.yaml")),
    (
        "veiligheid",
        include_str!("../data/library/veiligheid.yaml"),
    ),
    ("jeugd", include_str!("../data/library/jeugd.yaml")),
    ("zorg", include_str!("../data/library/zorg.yaml")),
];

/// One topic of the library and its questions.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryTopic {
    /// The topic's id (`groen`), also the catalogue's key for its name.
    pub id: &'static str,
    /// The definition the questions come from (title: the topic's name in each language).
    pub definition: PollDefinition,
}

impl LibraryTopic {
    /// The topic's questions.
    pub fn questions(&self) -> &[Question] {
        &self.definition.questions
    }
}

static LIBRARY: LazyLock<Vec<LibraryTopic>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .filter_map(|(id, yaml)| {
            // A file that does not read is caught by the tests; the builder then just lacks it.
            PollDefinition::from_yaml_str(yaml)
                .ok()
                .map(|definition| LibraryTopic { id, definition })
        })
        .collect()
});

/// Every topic of the library.
pub fn library() -> &'static [LibraryTopic] {
    &LIBRARY
}

/// The library question with `id`, in whichever topic holds it.
pub fn library_question(id: &str) -> Option<&'static Question> {
    library()
        .iter()
        .flat_map(|t| t.questions())
        .find(|q| q.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ValidationOptions, validate};

    #[test]
    fn every_topic_reads_and_passes_the_checker_without_hints() {
        assert_eq!(library().len(), SOURCES.len(), "every file reads");
        for topic in library() {
            let report = validate(&topic.definition, &ValidationOptions::default());
            assert!(report.valid, "{}: {:?}", topic.id, report.errors);
            // A topic is no poll, so it has no brief; every hint about a question counts.
            let hints: Vec<_> = report
                .hints
                .iter()
                .filter(|h| h.location.starts_with("questions"))
                .collect();
            assert!(hints.is_empty(), "{} reads at B1: {hints:?}", topic.id);
            assert!(topic.questions().len() >= 3, "{}", topic.id);
        }
    }

    #[test]
    fn question_ids_are_unique_across_topics() {
        let mut ids: Vec<&str> = library()
            .iter()
            .flat_map(|t| t.questions())
            .map(|q| q.id.as_str())
            .collect();
        let all = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all);
        assert!(library_question("verkeer-veilig").is_some());
        assert!(library_question("nope").is_none());
    }
}
