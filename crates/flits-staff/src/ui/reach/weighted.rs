//! Weighted next to unweighted shares on the results page of a closed poll.
//!
//! The weights come from raking the respondents' profile answers to the poll's population
//! margins (`flits_reach::raking`, trimmed at its default cap). One pass over the responses
//! counts the rows per pattern of profile values for raking, and per pattern the answers to each
//! single-choice question; once raked, each count is added to its question's tally with its
//! pattern's weight. Memory grows with the patterns and options, not with the responses.
//!
//! The weighted view is the default only when raking converged within the cap (its `Report`);
//! otherwise the unweighted view is, and the page says why. Either way both are shown, labelled,
//! with the effective sample size, the design effect and the 95% margins of error, under the
//! small-cell rule.

use std::collections::HashMap;

use flits_http::PageError;
use flits_i18n::{Locale, t};
use flits_reach::raking::{Raking, Report, Settings};
use flits_reach::weights::{Shares, Tally};
use flits_resident_pages::figures::{count_text, decimal_text, percent_text};
use flits_store::Poll;
use flits_survey::{Answer, QuestionKind};
use futures_util::TryStreamExt;
use serde::Serialize;

use super::{asked_margins, fraction_text, option_label, question_label};
use crate::ui::page::StaffPage;

/// Which view the page shows first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum View {
    Weighted,
    Unweighted,
}

impl View {
    /// The view `?view=` asks for, if any.
    pub(crate) fn parse(s: &str) -> Option<View> {
        match s {
            "weighted" => Some(View::Weighted),
            "unweighted" => Some(View::Unweighted),
            _ => None,
        }
    }
}

/// The default view for a raking report: weighted only when raking converged within the cap.
pub(crate) fn default_view(report: &Report) -> View {
    if report.converged {
        View::Weighted
    } else {
        View::Unweighted
    }
}

/// The weighting section, ready for the template.
#[derive(Debug, Serialize)]
pub(crate) struct WeightedView {
    /// Why there are no weights, when there are none.
    nothing: Option<String>,
    illustrative: bool,
    weighted_first: bool,
    /// Why this view is the default.
    why: String,
    /// Link text and value of `?view=` for the other view.
    switch_text: String,
    switch_to: &'static str,
    /// Effective sample size and design effect of all respondents.
    overall: Option<String>,
    /// Groups the weights cannot make up for.
    empty: Vec<String>,
    questions: Vec<QuestionView>,
}

#[derive(Debug, Serialize)]
struct QuestionView {
    id: String,
    question: String,
    withheld: Option<String>,
    summary: Option<String>,
    rows: Vec<OptionRow>,
}

#[derive(Debug, Serialize)]
struct OptionRow {
    option: String,
    count: String,
    weighted: String,
    unweighted: String,
}

/// One row's profile values, as raking wants them: per margin the position of the chosen
/// option, `None` when the row has no value (skipped, or an option without residents).
pub(crate) fn pattern_of(
    margins: &[&flits_reach::Margin],
    answer_of: impl Fn(&str) -> Option<String>,
) -> Vec<Option<usize>> {
    margins
        .iter()
        .map(|m| answer_of(m.question()).and_then(|option| m.position(&option)))
        .collect()
}

/// The section for `poll` (closed or published), with `asked` the view `?view=` asks for.
pub(crate) async fn weighted_section(
    page: &StaffPage,
    poll: &Poll,
    asked: Option<View>,
) -> Result<WeightedView, PageError> {
    let locale = page.locale;
    let store = &page.state.store;
    let k = page.state.config.k_anonymity as u64;
    let mut view = WeightedView {
        nothing: None,
        illustrative: false,
        weighted_first: false,
        why: String::new(),
        switch_text: String::new(),
        switch_to: "weighted",
        overall: None,
        empty: Vec::new(),
        questions: Vec::new(),
    };
    let population = store
        .poll_population(poll)
        .await
        .map_err(|e| page.unavailable(&e))?;
    let Some(population) = population else {
        view.nothing = Some(t!(locale, "staff-reach-no-population"));
        return Ok(view);
    };
    view.illustrative = population.margins.illustrative();
    let margins = asked_margins(poll, population.margins.margins());
    if margins.is_empty() {
        view.nothing = Some(t!(locale, "staff-reach-weights-no-profile"));
        return Ok(view);
    }
    let questions: Vec<&flits_survey::Question> = poll
        .definition
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::SingleChoice)
        .collect();

    let mut raking = Raking::new(margins.iter().copied()).map_err(|e| page.unavailable(&e))?;
    // (pattern, question, option) → rows.
    let mut cells: HashMap<(Vec<Option<usize>>, usize, usize), u64> = HashMap::new();
    let mut rows = store
        .scan_responses(poll.id)
        .await
        .map_err(|e| page.unavailable(&e))?;
    while let Some(row) = rows.try_next().await.map_err(|e| page.unavailable(&e))? {
        let answers = flits_results::parse_answers(&poll.definition, &row.answers);
        let choice = |id: &str| match answers.get(id) {
            Some(Answer::Choice(option)) => Some(option.clone()),
            _ => None,
        };
        let pattern = pattern_of(&margins, choice);
        raking.add_row(&pattern).map_err(|e| page.unavailable(&e))?;
        for (qi, question) in questions.iter().enumerate() {
            let Some(option) = choice(&question.id) else {
                continue;
            };
            if let Some(oi) = question.options.iter().position(|o| o.id == option) {
                *cells.entry((pattern.clone(), qi, oi)).or_default() += 1;
            }
        }
    }
    // Trimmed at the configured cap (`weight_cap`), as the export's weights are.
    let raked = raking
        .rake(&Settings {
            cap: page.state.config.weight_cap,
            ..Settings::default()
        })
        .map_err(|e| page.unavailable(&e))?;
    let report = raked.report();

    let mut tallies: Vec<Tally> = questions
        .iter()
        .map(|q| Tally::new(q.options.len()))
        .collect();
    for ((pattern, qi, oi), n) in cells {
        let weight = raked.weight(&pattern).unwrap_or(1.0);
        if let Some(tally) = tallies.get_mut(qi) {
            tally
                .add_many(oi, weight, n)
                .map_err(|e| page.unavailable(&e))?;
        }
    }

    let default = default_view(report);
    let shown = asked.unwrap_or(default);
    view.weighted_first = shown == View::Weighted;
    view.why = why(report, default, locale);
    (view.switch_text, view.switch_to) = match shown {
        View::Weighted => (t!(locale, "staff-reach-show-unweighted"), "unweighted"),
        View::Unweighted => (t!(locale, "staff-reach-show-weighted"), "weighted"),
    };
    let summary = raked.summary();
    if let (true, Some(ess), Some(deff)) = (
        summary.rows >= k.max(1),
        summary.effective_sample_size(),
        summary.design_effect(),
    ) {
        view.overall = Some(t!(
            locale,
            "staff-reach-weights-overall",
            rows = summary.rows,
            ess = decimal_text(ess, locale),
            deff = fraction_text(deff, locale)
        ));
    }
    view.empty = report
        .empty_options
        .iter()
        .map(|e| {
            t!(
                locale,
                "staff-reach-weights-empty",
                group = option_label(poll, &e.question, &e.option, locale),
                question = question_label(poll, &e.question, locale)
            )
        })
        .collect();
    view.questions = questions
        .iter()
        .zip(&tallies)
        .map(|(q, tally)| question_view(poll, q, &tally.shares(k), locale))
        .collect();
    Ok(view)
}

/// Why the default view is the default.
fn why(report: &Report, default: View, locale: Locale) -> String {
    // The cap as configured: "5", not "5.0".
    let cap = if report.cap.fract() == 0.0 {
        format!("{:.0}", report.cap)
    } else {
        decimal_text(report.cap, locale)
    };
    match default {
        View::Weighted => t!(locale, "staff-reach-why-weighted", cap = cap),
        View::Unweighted if report.cap_binding => t!(
            locale,
            "staff-reach-why-capped",
            cap = cap,
            deviation = percent_text(report.max_deviation, locale)
        ),
        View::Unweighted => t!(
            locale,
            "staff-reach-why-not-converged",
            rounds = report.iterations
        ),
    }
}

fn estimate_text(e: Option<flits_reach::weights::Estimate>, locale: Locale) -> String {
    match e {
        Some(e) => t!(
            locale,
            "staff-reach-share-moe",
            share = percent_text(e.share, locale),
            moe = decimal_text(e.margin_of_error * 100.0, locale)
        ),
        None => t!(locale, "staff-reach-no-value"),
    }
}

fn question_view(
    poll: &Poll,
    question: &flits_survey::Question,
    shares: &Shares,
    locale: Locale,
) -> QuestionView {
    let withheld = shares
        .withheld
        .then(|| t!(locale, "staff-reach-withheld", k = shares.k));
    let summary = match (shares.effective_sample_size, shares.design_effect) {
        (Some(ess), Some(deff)) if !shares.withheld => Some(t!(
            locale,
            "staff-reach-question-summary",
            answered = count_text(shares.answered, locale),
            ess = decimal_text(ess, locale),
            deff = fraction_text(deff, locale)
        )),
        _ => None,
    };
    QuestionView {
        id: question.id.clone(),
        question: question_label(poll, &question.id, locale),
        withheld,
        summary,
        rows: question
            .options
            .iter()
            .zip(&shares.options)
            .map(|(o, s)| OptionRow {
                option: option_label(poll, &question.id, &o.id, locale),
                count: count_text(s.count, locale),
                weighted: estimate_text(s.weighted, locale),
                unweighted: estimate_text(s.unweighted, locale),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use flits_reach::Margin;

    use super::*;

    #[test]
    fn a_row_becomes_the_positions_of_its_profile_answers() {
        let age = Margin::new("leeftijd", vec![("jong".into(), 4), ("oud".into(), 6)]).unwrap();
        let wijk = Margin::new("wijk", vec![("a".into(), 1), ("b".into(), 1)]).unwrap();
        let answers = |q: &str| match q {
            "leeftijd" => Some("oud".to_owned()),
            "wijk" => Some("elders".to_owned()),
            _ => None,
        };
        assert_eq!(pattern_of(&[&age, &wijk], answers), [Some(1), None]);
        assert_eq!(pattern_of(&[&wijk], |_| None), [None]);
    }

    #[test]
    fn weighted_is_the_default_only_when_raking_converged() {
        let age = Margin::new("leeftijd", vec![("jong".into(), 50), ("oud".into(), 50)]).unwrap();
        let mut raking = Raking::new([&age]).unwrap();
        raking.add_rows(&[Some(0)], 10).unwrap();
        raking.add_rows(&[Some(1)], 90).unwrap();
        let fits = raking.rake(&Settings::default()).unwrap();
        assert_eq!(default_view(fits.report()), View::Weighted);
        // A cap of 2 cannot lift 10% to 50%: not converged within the cap.
        let capped = raking
            .rake(&Settings {
                cap: 2.0,
                ..Settings::default()
            })
            .unwrap();
        assert_eq!(default_view(capped.report()), View::Unweighted);
        assert_eq!(View::parse("weighted"), Some(View::Weighted));
        assert_eq!(View::parse("x"), None);
    }
}
