//! How long a poll takes to fill in, so staff can keep a flash poll under two minutes.
//!
//! The estimate is reading time plus answering time:
//! - reading: every text read while answering (title, intro, questions, help, options, scale labels;
//!   not the feedback promise, which comes after), in Dutch (or the text's first language when it has
//!   no Dutch), at [`READING_WORDS_PER_MINUTE`] — a comfortable pace for plain Dutch on a phone;
//! - answering, per question, profile questions included: single choice 5 s, multi choice 8 s,
//!   scale 4 s, open text 30 s (typing a sentence or two on a phone).
//!
//! The total is rounded up to whole seconds. It is a planning figure, not a measurement: compare it
//! with real completion times once a poll has run.

use crate::definition::{PollDefinition, QuestionKind};
use crate::plain_language::sentences::split_words;
use crate::resident_texts::ResidentTexts;
use crate::text::DEFAULT_LANG;

/// Reading speed assumed for plain Dutch.
pub const READING_WORDS_PER_MINUTE: u32 = 200;

/// Above this many seconds the validator hints that the poll is too long for a flash poll.
pub const FLASH_POLL_SECONDS: u32 = 120;

/// Seconds to answer one question of `kind`, once it has been read.
pub fn answer_seconds(kind: QuestionKind) -> u32 {
    match kind {
        QuestionKind::SingleChoice => 5,
        QuestionKind::MultiChoice => 8,
        QuestionKind::Scale => 4,
        QuestionKind::OpenText => 30,
    }
}

/// The estimated time, in seconds, a resident needs to fill in `def`.
pub fn estimate_seconds(def: &PollDefinition) -> u32 {
    let texts = ResidentTexts::of(def);
    let words: usize = texts
        .iter()
        .filter(|t| t.role.read_while_answering())
        .map(|t| split_words(t.text.get(DEFAULT_LANG)).len())
        .sum();
    let reading = (words as f64) * 60.0 / f64::from(READING_WORDS_PER_MINUTE);
    let answering: u32 = def
        .questions
        .iter()
        .map(|q| answer_seconds(q.kind))
        .fold(0, u32::saturating_add);
    let total = (reading + f64::from(answering)).ceil();
    if total >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        total as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_reading_and_answering_time() {
        // Title 2 words, question 4 words, 2 options of 1 word: 8 words = 2.4 s; answering 5 s.
        let def = PollDefinition::from_yaml_str(
            "slug: abc\ntitle: Fietsen parkeren\nbrief: {feedback_promise: Dit telt niet mee want het komt na afloop}\nquestions:\n  - {id: q1, kind: single_choice, text: Komt u met fiets?, options: [{id: a, text: Ja}, {id: b, text: Nee}]}\n",
        )
        .unwrap();
        assert_eq!(estimate_seconds(&def), 8);
    }

    #[test]
    fn counts_each_kind() {
        let def = PollDefinition::from_yaml_str(
            "slug: abc\ntitle: T\nquestions:\n  - {id: a, kind: multi_choice, text: V}\n  - {id: b, kind: scale, text: V}\n  - {id: c, kind: open_text, text: V}\n  - {id: d, kind: single_choice, profile: true, text: V}\n",
        )
        .unwrap();
        // 5 words = 1.5 s; 8 + 4 + 30 + 5 = 47 s.
        assert_eq!(estimate_seconds(&def), 49);
    }
}
