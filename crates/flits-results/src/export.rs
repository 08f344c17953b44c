//! The columns and cells of an anonymised export (docs/api.md, "Results and exports"):
//! `response_id` (fresh and random, unrelated to anything stored), `submitted_on` (a date),
//! `channel`, `lang`, then one column per question in definition order, a multi-choice question
//! one column per option (`{question}.{option}`, `1` or `0`). An empty cell is "not answered".
//! Profile values suppressed for k-anonymity read `*`; open answers are scrubbed.

use std::borrow::Cow;

use chrono::NaiveDate;
use flits_survey::{PollDefinition, QuestionKind};

use crate::record::AnswerRef;
use crate::scrub::scrub;

/// One column of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    ResponseId,
    SubmittedOn,
    Channel,
    Lang,
    /// The answer to question `question` (an index into the definition's questions).
    Answer {
        question: usize,
    },
    /// Whether option `option` of multi-choice question `question` was chosen.
    Option {
        question: usize,
        option: String,
    },
    /// The row's raking weight, last; filled in by the exporter once the weights are known.
    Weight,
}

/// One column of the codebook: what its cells mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodebookEntry {
    pub column: String,
    pub question: Option<String>,
    /// The question's kind (`single_choice`…).
    pub kind: Option<&'static str>,
    pub profile: bool,
    pub text: Option<String>,
    /// The values the cells hold and what each means: a choice question's option ids, or for a
    /// multi-choice column its one option (`1` chosen, `0` not).
    pub values: Vec<(String, String)>,
}

/// The export's columns for one poll.
#[derive(Debug, Clone)]
pub struct Layout<'a> {
    definition: &'a PollDefinition,
    columns: Vec<Column>,
    /// The indexes of the profile questions, in definition order.
    profile: Vec<usize>,
    /// What the codebook says of the `weight` column, when there is one.
    weight_note: Option<String>,
}

impl<'a> Layout<'a> {
    pub fn new(definition: &'a PollDefinition) -> Layout<'a> {
        let mut columns = vec![
            Column::ResponseId,
            Column::SubmittedOn,
            Column::Channel,
            Column::Lang,
        ];
        for (i, q) in definition.questions.iter().enumerate() {
            if q.kind == QuestionKind::MultiChoice {
                columns.extend(q.options.iter().map(|o| Column::Option {
                    question: i,
                    option: o.id.clone(),
                }));
            } else {
                columns.push(Column::Answer { question: i });
            }
        }
        let profile = definition
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.profile)
            .map(|(i, _)| i)
            .collect();
        Layout {
            definition,
            columns,
            profile,
            weight_note: None,
        }
    }

    /// The same columns and a last one, `weight`, whose codebook text is `note` (how the weights
    /// were made). Its cells are empty in [`Layout::row`]: the exporter fills them in.
    pub fn with_weight(mut self, note: String) -> Layout<'a> {
        self.columns.push(Column::Weight);
        self.weight_note = Some(note);
        self
    }

    /// What the codebook says of the `weight` column, when there is one.
    pub fn weight_note(&self) -> Option<&str> {
        self.weight_note.as_deref()
    }

    /// How many columns a row has.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// The index of the `weight` column, when there is one.
    pub fn weight_column(&self) -> Option<usize> {
        self.columns.iter().position(|c| *c == Column::Weight)
    }

    /// The header row.
    pub fn header(&self) -> Vec<String> {
        let q = |i: usize| &self.definition.questions[i];
        self.columns
            .iter()
            .map(|c| match c {
                Column::ResponseId => "response_id".to_owned(),
                Column::SubmittedOn => "submitted_on".to_owned(),
                Column::Channel => "channel".to_owned(),
                Column::Lang => "lang".to_owned(),
                Column::Answer { question } => q(*question).id.clone(),
                Column::Option { question, option } => format!("{}.{option}", q(*question).id),
                Column::Weight => "weight".to_owned(),
            })
            .collect()
    }

    /// Per column, whether its cells are numbers (a multi-choice option's `1`/`0`, a scale's
    /// value), for formats that type their cells.
    pub fn numeric_columns(&self) -> Vec<bool> {
        self.columns
            .iter()
            .map(|c| match c {
                Column::Option { .. } | Column::Weight => true,
                Column::Answer { question } => {
                    self.definition.questions[*question].kind == QuestionKind::Scale
                }
                _ => false,
            })
            .collect()
    }

    /// The codebook: per column, its question's id, kind and text, and for choice questions each
    /// option's id and text, in `lang`.
    pub fn codebook(&self, lang: &str) -> Vec<CodebookEntry> {
        let header = self.header();
        self.columns
            .iter()
            .zip(header)
            .map(|(c, column)| {
                let question = match c {
                    Column::Answer { question } | Column::Option { question, .. } => {
                        Some(&self.definition.questions[*question])
                    }
                    _ => None,
                };
                CodebookEntry {
                    column,
                    question: question.map(|q| q.id.clone()),
                    kind: question.map(|q| q.kind.code()),
                    profile: question.is_some_and(|q| q.profile),
                    text: match c {
                        Column::Weight => self.weight_note.clone(),
                        _ => question.map(|q| q.text.get(lang).to_owned()),
                    },
                    values: match (c, question) {
                        (Column::Option { option, .. }, Some(q)) => vec![(
                            option.clone(),
                            q.option(option)
                                .map(|o| o.text.get(lang).to_owned())
                                .unwrap_or_default(),
                        )],
                        (Column::Answer { .. }, Some(q)) => q
                            .options
                            .iter()
                            .map(|o| (o.id.clone(), o.text.get(lang).to_owned()))
                            .collect(),
                        _ => Vec::new(),
                    },
                }
            })
            .collect()
    }

    /// Per profile question (in definition order), the indexes of its columns: one, or one per
    /// option of a multi-choice question. A suppressed profile value blanks all of them with `*`.
    pub fn profile_columns(&self) -> Vec<Vec<usize>> {
        self.profile
            .iter()
            .map(|&p| {
                self.columns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| {
                        matches!(c, Column::Answer { question } | Column::Option { question, .. } if *question == p)
                    })
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect()
    }

    /// How many profile questions the poll has (the quasi-identifiers, with `lang`).
    pub fn profile_count(&self) -> usize {
        self.profile.len()
    }

    /// The profile values of a response (its answers by [`crate::record::parse_answer_slots`]),
    /// one per profile question in definition order, as the k-anonymity check compares them
    /// (`""` when not answered). Borrowed from the answers where it can be (a single choice,
    /// the usual profile question).
    pub fn profile_values<'r>(&self, answers: &'r [Option<AnswerRef<'r>>]) -> Vec<Cow<'r, str>> {
        self.profile
            .iter()
            .map(|&i| match answers.get(i).and_then(Option::as_ref) {
                None => Cow::Borrowed(""),
                Some(AnswerRef::Choice(c)) => Cow::Borrowed(c.as_ref()),
                Some(AnswerRef::Choices(cs)) => Cow::Owned(cs.join("+")),
                Some(AnswerRef::Scale(v)) => Cow::Owned(v.to_string()),
                Some(AnswerRef::Text(t)) => scrub(t).text,
            })
            .collect()
    }

    /// The cells of one row, each handed to `cell` in column order; the response's answers are
    /// as [`crate::record::parse_answer_slots`] read them. The `response_id` and `weight` cells
    /// are empty and no profile value is suppressed: the exporter fills in and blanks those as
    /// the row goes out, once suppression and weights are known.
    pub fn cells(
        &self,
        channel: Option<&str>,
        lang: &str,
        submitted_on: NaiveDate,
        answers: &[Option<AnswerRef<'_>>],
        mut cell: impl FnMut(&str),
    ) {
        let answer = |question: usize| answers.get(question).and_then(Option::as_ref);
        for column in &self.columns {
            match column {
                Column::ResponseId | Column::Weight => cell(""),
                // `Display` of a date is `YYYY-MM-DD`, and much faster than a format string.
                Column::SubmittedOn => cell(&submitted_on.to_string()),
                Column::Channel => cell(channel.unwrap_or("")),
                Column::Lang => cell(lang),
                Column::Answer { question } => match answer(*question) {
                    None => cell(""),
                    Some(AnswerRef::Choice(c)) => cell(c),
                    Some(AnswerRef::Scale(v)) => cell(&v.to_string()),
                    Some(AnswerRef::Text(t)) => cell(&scrub(t).text),
                    Some(AnswerRef::Choices(cs)) => cell(&cs.join(" ")),
                },
                Column::Option { question, option } => match answer(*question) {
                    Some(AnswerRef::Choices(cs)) => cell(if cs.iter().any(|c| c == option) {
                        "1"
                    } else {
                        "0"
                    }),
                    _ => cell(""),
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::record::parse_answer_slots;

    fn definition() -> PollDefinition {
        PollDefinition::from_yaml_str(
            r#"
slug: fiets
title: {nl: "Fietsen"}
questions:
  - {id: vervoer, kind: multi_choice, text: {nl: "Hoe?"}, options: [{id: fiets, text: {nl: "Fiets"}}, {id: bus, text: {nl: "Bus"}}]}
  - {id: idee, kind: open_text, text: {nl: "Idee?"}}
  - {id: leeftijd, kind: single_choice, profile: true, text: {nl: "Leeftijd?"}, options: [{id: jong, text: {nl: "Jong"}}, {id: oud, text: {nl: "Oud"}}]}
"#,
        )
        .unwrap()
    }

    #[test]
    fn columns_follow_the_definition_and_cells_are_anonymised() {
        let def = definition();
        let layout = Layout::new(&def);
        assert_eq!(
            layout.header(),
            [
                "response_id",
                "submitted_on",
                "channel",
                "lang",
                "vervoer.fiets",
                "vervoer.bus",
                "idee",
                "leeftijd"
            ]
        );
        let stored = r#"{"vervoer": ["bus"], "idee": "Mail mij: a@b.nl", "leeftijd": "oud"}"#;
        let answers = parse_answer_slots(&def, stored);
        assert_eq!(layout.profile_values(&answers), ["oud"]);
        let row = |channel, answers: &[Option<AnswerRef<'_>>]| {
            let mut cells = Vec::new();
            let day = "2026-11-29".parse().unwrap();
            layout.cells(channel, "nl", day, answers, |c| cells.push(c.to_owned()));
            cells
        };
        assert_eq!(
            row(Some("mastodon-velsen"), &answers),
            [
                "",
                "2026-11-29",
                "mastodon-velsen",
                "nl",
                "0",
                "1",
                "Mail mij: [email]",
                "oud"
            ]
        );
        assert_eq!(layout.profile_columns(), [vec![7]]);
        assert_eq!(
            row(None, &parse_answer_slots(&def, "{}")),
            ["", "2026-11-29", "", "nl", "", "", "", ""]
        );
    }
}
