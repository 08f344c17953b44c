//! Counts per question, overall and per channel and per profile answer, under the small-cell rule.
//!
//! An [`Aggregator`] takes responses one at a time (an export of a million rows never sits in
//! memory), then [`Aggregator::finish`] applies the rule for `k`: counts under `k` become `<k`
//! ([`Count`]), a share or a mean is shown only where its count is, and a poll with fewer than `k`
//! responses shows no numbers at all.

use std::collections::BTreeMap;

use flits_survey::{Answer, PollDefinition, QuestionKind};
use serde::{Deserialize, Serialize};

use crate::cell::Count;
use crate::record::ResponseRecord;

/// The results of a poll as they may be shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Aggregates {
    /// The smallest count shown as a number.
    pub k: u64,
    /// All responses.
    pub responses: Count,
    /// `true` when the poll has fewer than `k` responses: then nothing else is filled in.
    pub withheld: bool,
    /// Responses per channel (`None`: the link had no channel).
    pub channels: Vec<(Option<String>, Count)>,
    /// Every question, in the definition's order.
    pub questions: Vec<QuestionResult>,
}

/// One question's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: String,
    pub kind: QuestionKind,
    /// Responses that answered it.
    pub answered: Count,
    /// Per option (choice questions) or per value (scales), in order.
    pub options: Vec<OptionResult>,
    /// For scales: mean and median, when enough answered.
    pub scale: Option<ScaleSummary>,
    /// The same counts per channel, and per answer of each profile question (not for open text).
    pub breakdowns: Vec<Breakdown>,
}

/// One option's (or scale value's) count, and its share of those who answered the question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptionResult {
    /// The option id, or the scale value.
    pub value: String,
    pub count: Count,
    /// Between 0 and 1; only where the count is shown exactly.
    pub share: Option<f64>,
}

/// Mean and median of a scale question.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScaleSummary {
    pub mean: f64,
    pub median: f64,
}

/// A question's counts split by one attribute of the responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// `channel`, or the id of a profile question.
    pub by: String,
    pub groups: Vec<BreakdownGroup>,
}

/// The counts of one group of a [`Breakdown`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreakdownGroup {
    /// The channel id or the profile option id; `None` for "no channel" / "not answered".
    pub value: Option<String>,
    pub answered: Count,
    pub options: Vec<OptionResult>,
}

/// Raw counts of one question within one group of responses.
#[derive(Debug, Clone, Default)]
struct Tally {
    answered: u64,
    values: BTreeMap<String, u64>,
    /// For scales: how often each value was given.
    scale: BTreeMap<i64, u64>,
}

impl Tally {
    fn add(&mut self, answer: &Answer) {
        self.answered += 1;
        match answer {
            Answer::Choice(id) => *self.values.entry(id.clone()).or_default() += 1,
            Answer::Choices(ids) => {
                for id in ids {
                    *self.values.entry(id.clone()).or_default() += 1;
                }
            }
            Answer::Scale(v) => *self.scale.entry(*v).or_default() += 1,
            Answer::Text(_) => {}
        }
    }
}

/// Collects the raw counts of a poll's responses.
#[derive(Debug, Clone)]
pub struct Aggregator<'a> {
    definition: &'a PollDefinition,
    responses: u64,
    channels: BTreeMap<Option<String>, u64>,
    /// Per question: overall, then per (attribute, group value).
    overall: BTreeMap<String, Tally>,
    split: BTreeMap<(String, String, Option<String>), Tally>,
}

/// The attribute `by` of a response: its channel, or its answer to a profile question.
fn group_of(record: &ResponseRecord, by: &str) -> Option<String> {
    if by == "channel" {
        return record.channel.clone();
    }
    match record.answers.get(by) {
        Some(Answer::Choice(id)) => Some(id.clone()),
        Some(Answer::Scale(v)) => Some(v.to_string()),
        _ => None,
    }
}

impl<'a> Aggregator<'a> {
    pub fn new(definition: &'a PollDefinition) -> Aggregator<'a> {
        Aggregator {
            definition,
            responses: 0,
            channels: BTreeMap::new(),
            overall: BTreeMap::new(),
            split: BTreeMap::new(),
        }
    }

    /// The attributes responses are split by: the channel, and each single-choice or scale
    /// profile question.
    fn split_by(&self) -> Vec<String> {
        std::iter::once("channel".to_owned())
            .chain(
                self.definition
                    .questions
                    .iter()
                    .filter(|q| {
                        q.profile
                            && matches!(q.kind, QuestionKind::SingleChoice | QuestionKind::Scale)
                    })
                    .map(|q| q.id.clone()),
            )
            .collect()
    }

    /// Counts one response.
    pub fn add(&mut self, record: &ResponseRecord) {
        self.responses += 1;
        *self.channels.entry(record.channel.clone()).or_default() += 1;
        let split_by = self.split_by();
        for (id, answer) in &record.answers {
            self.overall.entry(id.clone()).or_default().add(answer);
            if matches!(answer, Answer::Text(_)) {
                continue;
            }
            for by in split_by.iter().filter(|by| *by != id) {
                let key = (id.clone(), by.clone(), group_of(record, by));
                self.split.entry(key).or_default().add(answer);
            }
        }
    }

    /// The results under the small-cell rule for `k` (at least 1).
    pub fn finish(self, k: u64) -> Aggregates {
        let k = k.max(1);
        if self.responses < k {
            return Aggregates {
                k,
                responses: Count::of(self.responses, k),
                withheld: true,
                channels: Vec::new(),
                questions: Vec::new(),
            };
        }
        let split_by = self.split_by();
        let questions = self
            .definition
            .questions
            .iter()
            .map(|q| {
                let empty = Tally::default();
                let tally = self.overall.get(&q.id).unwrap_or(&empty);
                let breakdowns = if q.kind == QuestionKind::OpenText {
                    Vec::new()
                } else {
                    split_by
                        .iter()
                        .filter(|by| **by != q.id)
                        .map(|by| Breakdown {
                            by: by.clone(),
                            groups: self
                                .split
                                .iter()
                                .filter(|((id, b, _), _)| *id == q.id && b == by)
                                .map(|((_, _, value), t)| BreakdownGroup {
                                    value: value.clone(),
                                    answered: Count::of(t.answered, k),
                                    options: options(q, t, k),
                                })
                                .collect(),
                        })
                        .collect()
                };
                QuestionResult {
                    id: q.id.clone(),
                    kind: q.kind,
                    answered: Count::of(tally.answered, k),
                    options: options(q, tally, k),
                    scale: scale_summary(tally, k),
                    breakdowns,
                }
            })
            .collect();
        Aggregates {
            k,
            responses: Count::of(self.responses, k),
            withheld: false,
            channels: self
                .channels
                .into_iter()
                .map(|(c, n)| (c, Count::of(n, k)))
                .collect(),
            questions,
        }
    }
}

/// The results of `records` under the rule for `k`.
pub fn aggregate<'r>(
    definition: &PollDefinition,
    records: impl IntoIterator<Item = &'r ResponseRecord>,
    k: u64,
) -> Aggregates {
    let mut aggregator = Aggregator::new(definition);
    for record in records {
        aggregator.add(record);
    }
    aggregator.finish(k)
}

/// Per option (in the definition's order) or per scale value (from min to max) of `q`.
fn options(q: &flits_survey::Question, tally: &Tally, k: u64) -> Vec<OptionResult> {
    let result = |value: String, n: u64| {
        let count = Count::of(n, k);
        OptionResult {
            value,
            share: count
                .exact()
                .filter(|_| tally.answered > 0)
                .map(|n| n as f64 / tally.answered as f64),
            count,
        }
    };
    match q.kind {
        QuestionKind::SingleChoice | QuestionKind::MultiChoice => q
            .options
            .iter()
            .map(|o| result(o.id.clone(), tally.values.get(&o.id).copied().unwrap_or(0)))
            .collect(),
        QuestionKind::Scale => {
            let (min, max) = (q.min.unwrap_or(1), q.max.unwrap_or(5));
            (min..=max)
                .map(|v| result(v.to_string(), tally.scale.get(&v).copied().unwrap_or(0)))
                .collect()
        }
        QuestionKind::OpenText => Vec::new(),
    }
}

/// Mean and median of a scale's values, when at least `k` answered it.
fn scale_summary(tally: &Tally, k: u64) -> Option<ScaleSummary> {
    let n: u64 = tally.scale.values().sum();
    if n == 0 || n < k {
        return None;
    }
    let sum: f64 = tally.scale.iter().map(|(v, c)| *v as f64 * *c as f64).sum();
    // The median of sorted values: the middle one, or the mean of the two middle ones.
    let nth = |i: u64| {
        let mut seen = 0;
        for (v, c) in &tally.scale {
            seen += c;
            if seen > i {
                return *v as f64;
            }
        }
        0.0
    };
    let median = if n % 2 == 1 {
        nth(n / 2)
    } else {
        (nth(n / 2 - 1) + nth(n / 2)) / 2.0
    };
    Some(ScaleSummary {
        mean: sum / n as f64,
        median,
    })
}
