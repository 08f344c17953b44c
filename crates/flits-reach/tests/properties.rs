//! Properties of raking and of the representation indices, over random data (issue 12, "Done
//! when").

#![allow(clippy::unwrap_used)]

use flits_reach::Margin;
use flits_reach::raking::{Raked, Raking, Settings};
use flits_reach::representation::{Index, represent};
use proptest::prelude::*;

/// A pattern: one value per margin, `None` where the row has none.
type Pattern = Vec<Option<usize>>;

/// One to three margins of two to five options, each with residents, and rows over them with
/// some values missing.
fn case() -> impl Strategy<Value = (Vec<Vec<u64>>, Vec<Pattern>)> {
    proptest::collection::vec(2usize..=5, 1..=3).prop_flat_map(|sizes| {
        let population: Vec<_> = sizes
            .iter()
            .map(|&s| proptest::collection::vec(1u64..1000, s))
            .collect();
        let row: Vec<_> = sizes
            .iter()
            .map(|&s| prop_oneof![1 => Just(None), 4 => (0..s).prop_map(Some)])
            .collect();
        (population, proptest::collection::vec(row, 0..80))
    })
}

fn margins(population: &[Vec<u64>]) -> Vec<Margin> {
    population
        .iter()
        .enumerate()
        .map(|(j, counts)| {
            let options = counts
                .iter()
                .enumerate()
                .map(|(o, n)| (format!("o{o}"), *n))
                .collect();
            Margin::new(format!("m{j}"), options).unwrap()
        })
        .collect()
}

/// Every combination of options once, so that every group occurs and the margins can be met.
fn full_cross(population: &[Vec<u64>]) -> Vec<Pattern> {
    let mut patterns: Vec<Pattern> = vec![Vec::new()];
    for counts in population {
        patterns = patterns
            .into_iter()
            .flat_map(|p| {
                (0..counts.len()).map(move |o| {
                    let mut p = p.clone();
                    p.push(Some(o));
                    p
                })
            })
            .collect();
    }
    patterns
}

fn rake(margins: &[Margin], rows: &[Pattern], settings: &Settings) -> Raked {
    let mut raking = Raking::new(margins).unwrap();
    for row in rows {
        raking.add_row(row).unwrap();
    }
    raking.rake(settings).unwrap()
}

/// Per margin, the weighted shares of its options among the rows that have a value for it,
/// computed from the rows themselves.
fn weighted_shares(raked: &Raked, sizes: &[usize], rows: &[Pattern]) -> Vec<Vec<f64>> {
    sizes
        .iter()
        .enumerate()
        .map(|(j, &size)| {
            let mut sums = vec![0.0; size];
            for row in rows {
                if let Some(o) = row[j] {
                    sums[o] += raked.weight(row).unwrap();
                }
            }
            let total: f64 = sums.iter().sum();
            sums.iter().map(|s| s / total).collect()
        })
        .collect()
}

fn no_trimming() -> Settings {
    Settings {
        cap: f64::INFINITY,
        ..Settings::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn raking_reproduces_every_margin_when_it_converges((population, rows) in case()) {
        let margins = margins(&population);
        let mut rows = rows;
        rows.extend(full_cross(&population));
        let raked = rake(&margins, &rows, &no_trimming());
        let report = raked.report();
        // Every group occurs, so a fit exists and raking must find it.
        prop_assert!(report.converged, "{report:?}");
        prop_assert!(!report.cap_binding);
        prop_assert!(report.empty_options.is_empty());
        let sizes: Vec<usize> = population.iter().map(Vec::len).collect();
        for (margin, shares) in margins.iter().zip(weighted_shares(&raked, &sizes, &rows)) {
            for (got, want) in shares.iter().zip(margin.shares()) {
                prop_assert!((got - want).abs() < 1e-6, "{got} vs {want} in {}", margin.question());
            }
        }
    }

    #[test]
    fn raking_meets_what_it_can_of_each_margin_when_it_converges((population, rows) in case()) {
        // Random rows, where some groups have no respondents: when raking converges, each margin
        // matches the population's shares renormalised over the groups that have respondents, and
        // the report names the others. A cap far above the default leaves the fit untouched.
        let margins = margins(&population);
        let raked = rake(&margins, &rows, &Settings { cap: 1e9, ..Settings::default() });
        prop_assume!(raked.report().converged);
        prop_assert!(!raked.report().cap_binding);
        let sizes: Vec<usize> = population.iter().map(Vec::len).collect();
        for (j, (margin, shares)) in margins.iter().zip(weighted_shares(&raked, &sizes, &rows)).enumerate() {
            if rows.iter().all(|r| r[j].is_none()) {
                prop_assert!(raked.report().unused_margins.contains(&margin.question().to_owned()));
                continue;
            }
            let present: Vec<bool> = (0..sizes[j]).map(|o| rows.iter().any(|r| r[j] == Some(o))).collect();
            let kept: f64 = margin.shares().iter().zip(&present).filter(|(_, p)| **p).map(|(s, _)| s).sum();
            for (o, (got, want)) in shares.iter().zip(margin.shares()).enumerate() {
                let want = if present[o] { want / kept } else { 0.0 };
                prop_assert!((got - want).abs() < 1e-6, "{got} vs {want}");
                let named = raked
                    .report()
                    .empty_options
                    .iter()
                    .any(|e| e.question == margin.question() && e.option == format!("o{o}"));
                prop_assert_eq!(named, !present[o]);
            }
        }
    }

    #[test]
    fn trimmed_weights_respect_the_cap((population, rows) in case(), cap in 1.0f64..6.0) {
        prop_assume!(!rows.is_empty());
        let margins = margins(&population);
        let raked = rake(&margins, &rows, &Settings { cap, ..Settings::default() });
        let n = rows.len() as f64;
        let total: f64 = rows.iter().map(|r| raked.weight(r).unwrap()).sum();
        prop_assert!((total / n - 1.0).abs() < 1e-9, "mean weight {}", total / n);
        let max = rows.iter().map(|r| raked.weight(r).unwrap()).fold(0.0, f64::max);
        prop_assert!(max <= cap * (1.0 + 1e-9), "max {max} over cap {cap}");
        prop_assert!(raked.report().max_weight <= cap * (1.0 + 1e-9));
        prop_assert!(rows.iter().all(|r| raked.weight(r).unwrap() >= 0.0));
    }

    #[test]
    fn rows_with_the_same_pattern_get_the_same_weight_whatever_their_order(
        (population, rows) in case(),
        cap in 1.5f64..6.0,
    ) {
        let margins = margins(&population);
        let settings = Settings { cap, ..Settings::default() };
        let forward = rake(&margins, &rows, &settings);
        let mut backward_rows = rows.clone();
        backward_rows.reverse();
        let backward = rake(&margins, &backward_rows, &settings);
        // Counted in bulk: the same weights as one at a time.
        let mut bulk = Raking::new(&margins).unwrap();
        for p in forward.patterns() {
            bulk.add_rows(&p.pattern, p.rows).unwrap();
        }
        let bulk = bulk.rake(&settings).unwrap();
        for row in &rows {
            let w = forward.weight(row).unwrap();
            prop_assert_eq!(w.to_bits(), backward.weight(row).unwrap().to_bits());
            prop_assert_eq!(w.to_bits(), bulk.weight(row).unwrap().to_bits());
        }
        prop_assert_eq!(forward.report(), backward.report());
        let counted: u64 = forward.patterns().map(|p| p.rows).sum();
        prop_assert_eq!(counted, rows.len() as u64);
    }

    #[test]
    fn dissimilarity_is_zero_for_a_sample_like_the_population(
        counts in proptest::collection::vec(1u64..60, 2..8),
        times in 1u64..5,
        k in 1u64..10,
    ) {
        let margin = margins(std::slice::from_ref(&counts)).remove(0);
        let sample: Vec<(String, u64)> = counts.iter().enumerate().map(|(o, n)| (format!("o{o}"), n * times)).collect();
        let r = represent(&margin, sample, k);
        prop_assume!(!r.withheld);
        prop_assert!(r.dissimilarity.unwrap().abs() < 1e-12, "{:?}", r.dissimilarity);
        for cell in &r.cells {
            if let Index::Exact { value } = cell.index {
                prop_assert!((value - 1.0).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn dissimilarity_is_one_for_a_sample_apart_from_the_population(
        lived in proptest::collection::vec(1u64..1000, 1..5),
        answered in proptest::collection::vec(1u64..60, 1..5),
        k in 1u64..10,
    ) {
        // The population lives in the first options, the respondents chose only the others.
        let mut population = lived.clone();
        population.extend(answered.iter().map(|_| 0));
        let margin = margins(&[population]).remove(0);
        let sample: Vec<(String, u64)> = answered
            .iter()
            .enumerate()
            .map(|(o, n)| (format!("o{}", lived.len() + o), *n))
            .collect();
        let r = represent(&margin, sample, k);
        prop_assume!(!r.withheld);
        prop_assert!((r.dissimilarity.unwrap() - 1.0).abs() < 1e-12, "{:?}", r.dissimilarity);
    }

    #[test]
    fn dissimilarity_lies_between_zero_and_one_and_hides_small_cells(
        // Small populations, so that a hidden group is over-represented as often as under:
        // only then does the spread of the hidden respondents matter to the index.
        (counts, answers) in (2usize..8).prop_flat_map(|options| (
            proptest::collection::vec(0u64..6, options),
            proptest::collection::vec(0u64..12, options),
        )),
        k in 1u64..10,
    ) {
        prop_assume!(counts.iter().any(|&n| n > 0));
        let margin = margins(&[counts]).remove(0);
        let sample: Vec<(String, u64)> =
            answers.iter().enumerate().map(|(o, n)| (format!("o{o}"), *n)).collect();
        let r = represent(&margin, sample.clone(), k);
        prop_assume!(!r.withheld);
        let d = r.dissimilarity.unwrap();
        prop_assert!((0.0..=1.0).contains(&d));
        // Against half the sum of the absolute share differences, computed here from the raw
        // counts: the same when nothing is hidden; with hidden groups pooled, never more, and
        // less by at most their joint respondent share.
        let n: u64 = answers.iter().sum();
        let shares = margin.shares();
        let naive = answers
            .iter()
            .zip(&shares)
            .map(|(&a, p)| (a as f64 / n as f64 - p).abs())
            .sum::<f64>()
            / 2.0;
        let hidden_share: f64 = answers
            .iter()
            .filter(|&&a| a > 0 && a < k)
            .map(|&a| a as f64 / n as f64)
            .sum();
        prop_assert!(d <= naive + 1e-12, "{d} above {naive}");
        prop_assert!(naive - d <= hidden_share + 1e-12, "{d} too far below {naive}");
        if hidden_share == 0.0 {
            prop_assert!((d - naive).abs() < 1e-12, "{d} vs {naive}");
        }
        // Moving respondents between two hidden groups changes nothing that is shown.
        let hidden: Vec<usize> = r
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.respondents.exact().is_none())
            .map(|(i, _)| i)
            .collect();
        if let [a, b, ..] = hidden[..] {
            let mut moved = sample.clone();
            let (na, nb) = (moved[a].1, moved[b].1);
            moved[a].1 = nb;
            moved[b].1 = na;
            let other = represent(&margin, moved, k);
            prop_assert_eq!(other.dissimilarity.unwrap().to_bits(), d.to_bits());
            prop_assert_eq!(&other.cells, &r.cells);
        }
    }
}
