//! Every text of a poll that residents read, with where it sits in the definition.
//!
//! The validator (lengths, translations, plain language), the time estimate and anything else that
//! walks all texts share this one list, so no text is forgotten by one of them.
//!
//! **Locations.** A text's *base* location is the path of its field (`questions[0].text`). One
//! language of it is located at `{base}.{lang}` when the text is a map (`questions[0].text.nl`) and at
//! the base itself when it is a plain (Dutch) string (`questions[0].text`), so a location always
//! points at something the author wrote. A translation that is missing is located at `{base}.{lang}`,
//! where it would have to be added.

use crate::definition::PollDefinition;
use crate::text::Text;

/// What a text is for; decides its length limit and whether it is read before answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextRole {
    Title,
    Intro,
    /// The brief's feedback promise, shown on the thank-you page.
    FeedbackPromise,
    QuestionText,
    Help,
    OptionText,
    /// A word at one end of a scale.
    ScaleLabel,
}

impl TextRole {
    /// Every role, in the order the texts appear in a definition.
    pub const ALL: [TextRole; 7] = [
        TextRole::Title,
        TextRole::Intro,
        TextRole::FeedbackPromise,
        TextRole::QuestionText,
        TextRole::Help,
        TextRole::OptionText,
        TextRole::ScaleLabel,
    ];

    /// The code messages name the role by (`question_text`…).
    pub fn code(self) -> &'static str {
        match self {
            TextRole::Title => "title",
            TextRole::Intro => "intro",
            TextRole::FeedbackPromise => "feedback_promise",
            TextRole::QuestionText => "question_text",
            TextRole::Help => "help",
            TextRole::OptionText => "option_text",
            TextRole::ScaleLabel => "scale_label",
        }
    }

    /// The most characters (not bytes) a text in this role may have, so it fits on a phone screen
    /// and in a social-media post.
    pub fn max_chars(self) -> usize {
        match self {
            TextRole::Title => 120,
            TextRole::Intro => 500,
            TextRole::FeedbackPromise => 500,
            TextRole::QuestionText => 300,
            TextRole::Help => 300,
            TextRole::OptionText => 120,
            TextRole::ScaleLabel => 60,
        }
    }

    /// Whether the text may run over several lines (an intro, a help text, the feedback promise);
    /// a title, a question, an option and a scale label are one line each.
    pub fn may_have_lines(self) -> bool {
        matches!(
            self,
            TextRole::Intro | TextRole::FeedbackPromise | TextRole::Help
        )
    }

    /// Whether residents read it while filling in the poll (the feedback promise comes after).
    pub fn read_while_answering(self) -> bool {
        self != TextRole::FeedbackPromise
    }
}

/// One resident-facing text and its place in the definition.
#[derive(Debug, Clone, Copy)]
pub struct ResidentText<'a> {
    /// The path of the field, e.g. `questions[1].options[0].text`.
    pub base: &'a str,
    pub role: TextRole,
    pub text: &'a Text,
}

/// Owns the locations that [`ResidentText`] borrows.
#[derive(Debug, Clone)]
pub struct ResidentTexts<'a> {
    items: Vec<(String, TextRole, &'a Text)>,
}

impl<'a> ResidentTexts<'a> {
    /// Collects the texts of `def` in document order.
    pub fn of(def: &'a PollDefinition) -> Self {
        let mut items = vec![("title".to_owned(), TextRole::Title, &def.title)];
        if let Some(intro) = &def.intro {
            items.push(("intro".to_owned(), TextRole::Intro, intro));
        }
        if let Some(promise) = def.brief.as_ref().and_then(|b| b.feedback_promise.as_ref()) {
            items.push((
                "brief.feedback_promise".to_owned(),
                TextRole::FeedbackPromise,
                promise,
            ));
        }
        for (qi, q) in def.questions.iter().enumerate() {
            items.push((
                format!("questions[{qi}].text"),
                TextRole::QuestionText,
                &q.text,
            ));
            if let Some(help) = &q.help {
                items.push((format!("questions[{qi}].help"), TextRole::Help, help));
            }
            for (oi, o) in q.options.iter().enumerate() {
                items.push((
                    format!("questions[{qi}].options[{oi}].text"),
                    TextRole::OptionText,
                    &o.text,
                ));
            }
            if let Some(labels) = &q.labels {
                if let Some(min) = &labels.min {
                    items.push((
                        format!("questions[{qi}].labels.min"),
                        TextRole::ScaleLabel,
                        min,
                    ));
                }
                if let Some(max) = &labels.max {
                    items.push((
                        format!("questions[{qi}].labels.max"),
                        TextRole::ScaleLabel,
                        max,
                    ));
                }
            }
        }
        ResidentTexts { items }
    }

    /// The texts, in document order.
    pub fn iter(&self) -> impl Iterator<Item = ResidentText<'_>> {
        self.items.iter().map(|(base, role, text)| ResidentText {
            base,
            role: *role,
            text,
        })
    }
}

impl ResidentText<'_> {
    /// The location of this text in `lang`: `{base}.{lang}` for a map, the base for a plain string.
    pub fn location(&self, lang: &str) -> String {
        lang_location(self.base, self.text, lang)
    }
}

/// The location of `text` (at `base`) in `lang`, see the module documentation.
pub fn lang_location(base: &str, text: &Text, lang: &str) -> String {
    match text {
        Text::Plain(_) if lang == crate::text::DEFAULT_LANG => base.to_owned(),
        _ => format!("{base}.{lang}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_texts_with_locations() {
        let def = PollDefinition::from_yaml_str(
            "slug: abc\ntitle: {nl: T, en: T}\nbrief: {feedback_promise: Later}\nquestions:\n  - {id: q1, kind: scale, min: 1, max: 5, text: Vraag, labels: {max: Goed}}\n  - {id: q2, kind: single_choice, text: V, help: H, options: [{id: a, text: A}]}\n",
        )
        .unwrap();
        let texts = ResidentTexts::of(&def);
        let bases: Vec<&str> = texts.iter().map(|t| t.base).collect();
        assert_eq!(
            bases,
            vec![
                "title",
                "brief.feedback_promise",
                "questions[0].text",
                "questions[0].labels.max",
                "questions[1].text",
                "questions[1].help",
                "questions[1].options[0].text"
            ]
        );
        let first = texts.iter().next().unwrap();
        assert_eq!(first.location("en"), "title.en");
        assert_eq!(
            texts.iter().nth(2).unwrap().location("nl"),
            "questions[0].text"
        );
        assert_eq!(
            texts.iter().nth(2).unwrap().location("en"),
            "questions[0].text.en"
        );
    }
}
