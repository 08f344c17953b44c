//! The `weight` column of an export (README.md, "Population margins"): raking weights over the
//! population margins of the poll's audience that the poll asks as profile questions, trimmed at
//! the configured cap and averaging 1.
//!
//! The weights are made from what the export shows, after suppression: a suppressed value (`*`)
//! counts as "not answered" for its margin. Rows that show the same profile values therefore get
//! the same weight, and a weight never gives away a value the export hides.

use flits_reach::Margin;
use flits_reach::raking::{Raked, Raking, Report, Settings};
use flits_results::SUPPRESSED;
use flits_results::anonymise::Table;
use flits_survey::PollDefinition;

/// The margins an export weights by, each with the profile column (of the table) it reads.
pub(crate) struct Weighting {
    margins: Vec<(usize, Margin)>,
    illustrative: bool,
}

impl Weighting {
    /// The margins of `population` that `definition` asks as a profile question, by question id;
    /// `None` when there are none, and then the export has no `weight` column.
    pub(crate) fn new(
        definition: &PollDefinition,
        population: &flits_reach::Margins,
    ) -> Option<Weighting> {
        let profile: Vec<&str> = definition
            .questions
            .iter()
            .filter(|q| q.profile)
            .map(|q| q.id.as_str())
            .collect();
        let margins: Vec<(usize, Margin)> = population
            .margins()
            .iter()
            .filter_map(|m| {
                let column = profile.iter().position(|id| *id == m.question())?;
                Some((column, m.clone()))
            })
            .collect();
        (!margins.is_empty()).then_some(Weighting {
            margins,
            illustrative: population.illustrative(),
        })
    }

    /// The profile question ids weighted by, in order.
    pub(crate) fn questions(&self) -> Vec<&str> {
        self.margins.iter().map(|(_, m)| m.question()).collect()
    }

    /// Whether the population figures are illustrative, not official.
    pub(crate) fn illustrative(&self) -> bool {
        self.illustrative
    }

    /// The pattern of table row `row` as it is exported: per margin, the option's place, or
    /// `None` when the row shows no value for it (not answered, suppressed, or an option the
    /// population does not count).
    pub(crate) fn pattern(&self, table: &Table, row: usize, out: &mut Vec<Option<usize>>) {
        out.clear();
        out.extend(self.margins.iter().map(|(column, margin)| {
            let value = table.value(row, *column);
            if value.is_empty() || value == SUPPRESSED {
                None
            } else {
                margin.position(value)
            }
        }));
    }

    /// Rakes the table's rows (as exported) to the margins, trimmed at `cap`.
    pub(crate) fn rake(
        &self,
        table: &Table,
        cap: f64,
    ) -> Result<Raked, flits_reach::raking::RakeError> {
        let mut raking = Raking::new(self.margins.iter().map(|(_, m)| m))?;
        let mut pattern = Vec::with_capacity(self.margins.len());
        for row in 0..table.len() {
            self.pattern(table, row, &mut pattern);
            raking.add_row(&pattern)?;
        }
        raking.rake(&Settings {
            cap,
            ..Settings::default()
        })
    }
}

/// A weight as its cell shows it: six decimals are finer than any share anyone reads.
pub(crate) fn cell(weight: f64) -> String {
    format!("{weight:.6}")
}

/// What the codebook says of the weights, in Dutch and English (the codebook's languages are the
/// poll's; the method is said in both so an analyst of either reads it).
pub(crate) fn note(weighting: &Weighting, report: Option<&Report>) -> String {
    let questions = weighting.questions().join(", ");
    let (converged, cap, max) = match report {
        Some(r) => (
            r.converged.to_string(),
            format!("{}", r.cap),
            format!("{:.3}", r.max_weight),
        ),
        None => ("false".to_owned(), "-".to_owned(), "-".to_owned()),
    };
    let text = |locale: flits_i18n::Locale| {
        flits_i18n::t!(
            locale,
            "export-weight-note",
            questions = questions.as_str(),
            cap = cap.as_str(),
            converged = converged.as_str(),
            max = max.as_str(),
            illustrative = if weighting.illustrative() {
                "yes"
            } else {
                "no"
            }
        )
    };
    format!(
        "{} / {}",
        text(flits_i18n::Locale::Nl),
        text(flits_i18n::Locale::En)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    const DEFINITION: &str = r#"
slug: wegen
title: Wegen
questions:
  - {id: q, kind: single_choice, text: Q, options: [{id: ja, text: Ja}, {id: nee, text: Nee}]}
  - {id: leeftijd, kind: single_choice, profile: true, text: L, options: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}]}
  - {id: wijk, kind: single_choice, profile: true, text: W, options: [{id: n, text: N}, {id: z, text: Z}]}
"#;

    fn population() -> flits_reach::Margins {
        flits_reach::Margins::parse(
            "# source: test\n# reference_date: 2025-01-01\nquestion,option,count\n\
             leeftijd,a,300\nleeftijd,b,500\nleeftijd,c,200\nwijk,n,600\nwijk,z,400\n",
        )
        .unwrap()
    }

    /// A row: age, neighbourhood (each possibly unanswered) and language.
    fn rows() -> impl Strategy<Value = Vec<(&'static str, &'static str, &'static str)>> {
        prop::collection::vec(
            (
                prop::sample::select(vec!["a", "b", "c", ""]),
                prop::sample::select(vec!["n", "z", ""]),
                prop::sample::select(vec!["nl", "en", "ar"]),
            ),
            1..300,
        )
    }

    proptest! {
        /// A weight depends only on what the export shows: rows that show the same profile
        /// values (after suppression) have the same weight, so no weight tells a hidden value
        /// apart. And the weights average 1.
        #[test]
        fn a_weight_follows_from_the_shown_values_alone(rows in rows(), k in 2usize..12) {
            let definition = PollDefinition::from_yaml_str(DEFINITION).unwrap();
            let weighting = Weighting::new(&definition, &population()).unwrap();
            let mut table = Table::new(2);
            for (age, wijk, lang) in &rows {
                table.push(&[age, wijk], lang);
            }
            table.suppress(k);
            let raked = weighting.rake(&table, flits_reach::raking::DEFAULT_CAP).unwrap();
            let mut by_shown: HashMap<(String, String), f64> = HashMap::new();
            let mut pattern = Vec::new();
            let mut sum = 0.0;
            for row in 0..table.len() {
                weighting.pattern(&table, row, &mut pattern);
                let weight = raked.weight(&pattern).unwrap();
                sum += weight;
                let shown = (table.value(row, 0).to_owned(), table.value(row, 1).to_owned());
                let seen = *by_shown.entry(shown).or_insert(weight);
                prop_assert!((seen - weight).abs() < 1e-12);
            }
            prop_assert!((sum / table.len() as f64 - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn only_margins_the_poll_asks_as_profile_questions_weigh() {
        let definition = PollDefinition::from_yaml_str(DEFINITION).unwrap();
        let weighting = Weighting::new(&definition, &population()).unwrap();
        assert_eq!(weighting.questions(), ["leeftijd", "wijk"]);
        let elsewhere = flits_reach::Margins::parse(
            "# source: test\n# reference_date: 2025-01-01\nquestion,option,count\ninkomen,laag,5\n",
        )
        .unwrap();
        assert!(Weighting::new(&definition, &elsewhere).is_none());
    }
}
