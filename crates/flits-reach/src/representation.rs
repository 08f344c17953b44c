//! Respondents against the population, per margin: who did a poll reach?
//!
//! For one profile question, [`represent`] sets the respondents' shares next to the population's:
//!
//! - the **representation index** of a group is its respondent share divided by its population
//!   share: 1 when the group answered in proportion, 0.5 when it gave half the answers its size
//!   would lead one to expect;
//! - the **dissimilarity index** of the margin is half the sum of the absolute differences between
//!   the two sets of shares: the part of the respondents that would have to be in another group
//!   for the poll to look like the population, from 0 (alike) to 1 (no overlap at all);
//! - [`overall`] is the mean of the margins' dissimilarity indices: every profile question counts
//!   the same, and the mean (unlike the maximum) moves when any margin improves, which is what a
//!   trend over the quarters should show.
//!
//! Only respondents who answered the profile question count; those who skipped it are left out,
//! and those who chose an option the population file does not have ("anders", "zeg ik liever
//! niet") are counted apart, in [`Representation::other`].
//!
//! **Small cells.** The `k` rule of `flits-results` applies: a group of fewer than `k` respondents
//! shows its count as `<k` ([`Count`]), no share, and an index only as a bound that follows from
//! what is shown anyway (`index < k / (n × population share)`, see [`Index::Below`]). A margin with
//! fewer than `k` respondents shows nothing but that. The dissimilarity index pools the hidden
//! groups into one before it is computed, so it does not depend on how the hidden respondents are
//! spread over them either; pooling can only lower the index, by at most the hidden groups' joint
//! respondent share.

use flits_results::Count;
use serde::Serialize;

use crate::population::Margin;

/// The representation index under which a group counts as under-represented by default: it gave
/// less than 80% of the answers its size would lead one to expect.
pub const UNDER_REPRESENTED: f64 = 0.8;

/// One margin's respondents against its population.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Representation {
    /// The profile question.
    pub question: String,
    /// The smallest count shown as a number.
    pub k: u64,
    /// Respondents who answered with one of the margin's options: the `n` of the shares.
    pub respondents: Count,
    /// Respondents who answered with an option the population file does not have.
    pub other: Count,
    /// `true` when fewer than `k` (or no) respondents answered with one of the margin's options:
    /// then `cells` is empty and there is no dissimilarity index.
    pub withheld: bool,
    /// Every option of the margin, in its order.
    pub cells: Vec<Cell>,
    /// Half the sum of the absolute share differences, between 0 and 1.
    pub dissimilarity: Option<f64>,
}

/// One group: an option of the profile question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The option id.
    pub option: String,
    /// Respondents in the group, under the small-cell rule.
    pub respondents: Count,
    /// The group's share of the respondents, only where its count is shown.
    pub respondent_share: Option<f64>,
    /// The group's share of the population.
    pub population_share: f64,
    /// Respondent share / population share.
    pub index: Index,
}

/// A representation index as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Index {
    /// The index itself.
    Exact { value: f64 },
    /// The group's count is hidden: the index is below `bound`, which is what `k`, the number of
    /// respondents and the population share (all shown) imply, so it reveals nothing more.
    Below { bound: f64 },
    /// The population file gives the group no residents: there is nothing to compare with.
    Undefined,
}

impl Index {
    /// Whether the group certainly answered less than `threshold` times its expected share.
    pub fn is_below(self, threshold: f64) -> bool {
        match self {
            Index::Exact { value } => value < threshold,
            Index::Below { bound } => bound <= threshold,
            Index::Undefined => false,
        }
    }

    /// The value, or the bound, used to put the groups that are missing most first.
    fn order_key(self) -> f64 {
        match self {
            Index::Exact { value } => value,
            Index::Below { bound } => bound,
            Index::Undefined => f64::INFINITY,
        }
    }
}

/// Compares the respondents of one profile question with its population margin.
///
/// `respondents` holds, per option id, how many respondents answered with it (an option given
/// twice is added up; respondents who skipped the question are not in it). `k` is the small-cell
/// threshold the results use.
pub fn represent<S: AsRef<str>>(
    margin: &Margin,
    respondents: impl IntoIterator<Item = (S, u64)>,
    k: u64,
) -> Representation {
    let mut counts = vec![0u64; margin.options().len()];
    let mut other = 0u64;
    for (option, n) in respondents {
        match margin.position(option.as_ref()) {
            Some(i) => counts[i] = counts[i].saturating_add(n),
            None => other = other.saturating_add(n),
        }
    }
    let n: u64 = counts.iter().fold(0, |s, c| s.saturating_add(*c));
    let withheld = n == 0 || n < k;
    let mut result = Representation {
        question: margin.question().to_owned(),
        k,
        respondents: Count::of(n, k),
        other: Count::of(other, k),
        withheld,
        cells: Vec::new(),
        dissimilarity: None,
    };
    if withheld {
        return result;
    }

    let total = n as f64;
    let (mut shown_gap, mut hidden_respondents, mut hidden_population) = (0.0, 0.0, 0.0);
    for ((option, _), (count, population_share)) in margin
        .options()
        .iter()
        .zip(counts.iter().copied().zip(margin.shares()))
    {
        let shown = Count::of(count, k);
        let share = count as f64 / total;
        let index = match shown {
            _ if population_share == 0.0 => Index::Undefined,
            Count::Exact { .. } => Index::Exact {
                value: share / population_share,
            },
            Count::Below { k } => Index::Below {
                bound: k as f64 / total / population_share,
            },
        };
        match shown {
            Count::Exact { .. } => shown_gap += (share - population_share).abs(),
            Count::Below { .. } => {
                hidden_respondents += share;
                hidden_population += population_share;
            }
        }
        result.cells.push(Cell {
            option: option.clone(),
            respondents: shown,
            respondent_share: shown.exact().map(|_| share),
            population_share,
            index,
        });
    }
    let gap = shown_gap + (hidden_respondents - hidden_population).abs();
    result.dissimilarity = Some((gap / 2.0).clamp(0.0, 1.0));
    result
}

impl Representation {
    /// The groups whose index is certainly below `threshold` (e.g. [`UNDER_REPRESENTED`]), in the
    /// margin's order.
    pub fn under_represented(&self, threshold: f64) -> impl Iterator<Item = &Cell> {
        self.cells
            .iter()
            .filter(move |c| c.index.is_below(threshold))
    }
}

/// A group a poll is missing, for the "who are we missing" panel.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Missing<'a> {
    /// The profile question.
    pub question: &'a str,
    /// The group.
    pub cell: &'a Cell,
}

/// The under-represented groups of all margins, those missing most (lowest index or bound)
/// first; ties keep the margins' order.
pub fn missing(representations: &[Representation], threshold: f64) -> Vec<Missing<'_>> {
    let mut found: Vec<Missing<'_>> = representations
        .iter()
        .flat_map(|r| {
            r.under_represented(threshold).map(|cell| Missing {
                question: &r.question,
                cell,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        a.cell
            .index
            .order_key()
            .total_cmp(&b.cell.index.order_key())
    });
    found
}

/// The overall score: the mean dissimilarity index of the margins that show one, or `None` when
/// none does.
pub fn overall(representations: &[Representation]) -> Option<f64> {
    let shown: Vec<f64> = representations
        .iter()
        .filter_map(|r| r.dissimilarity)
        .collect();
    (!shown.is_empty()).then(|| shown.iter().sum::<f64>() / shown.len() as f64)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn leeftijd() -> Margin {
        Margin::new(
            "leeftijd",
            vec![
                ("jong".into(), 300),
                ("midden".into(), 500),
                ("oud".into(), 200),
            ],
        )
        .unwrap()
    }

    #[test]
    fn shares_index_and_dissimilarity_of_a_shown_margin() {
        let r = represent(
            &leeftijd(),
            [("jong", 10), ("midden", 60), ("oud", 30), ("anders", 4)],
            5,
        );
        assert!(!r.withheld);
        assert_eq!(r.respondents, Count::Exact { value: 100 });
        assert_eq!(r.other, Count::Below { k: 5 });
        let jong = &r.cells[0];
        assert_eq!(jong.respondent_share, Some(0.1));
        assert_eq!(jong.population_share, 0.3);
        let Index::Exact { value } = jong.index else {
            panic!("{:?}", jong.index)
        };
        assert!((value - 1.0 / 3.0).abs() < 1e-12);
        // |0.1-0.3| + |0.6-0.5| + |0.3-0.2| = 0.4
        assert!((r.dissimilarity.unwrap() - 0.2).abs() < 1e-12);
        let under: Vec<&str> = r
            .under_represented(UNDER_REPRESENTED)
            .map(|c| c.option.as_str())
            .collect();
        assert_eq!(under, ["jong"]);
    }

    #[test]
    fn a_small_group_shows_a_bound_and_no_share() {
        let r = represent(&leeftijd(), [("jong", 3), ("midden", 60), ("oud", 37)], 5);
        let jong = &r.cells[0];
        assert_eq!(jong.respondents, Count::Below { k: 5 });
        assert_eq!(jong.respondent_share, None);
        // index < 5 / 100 / 0.3, whatever the hidden count (1 to 4) is.
        let Index::Below { bound } = jong.index else {
            panic!("{:?}", jong.index)
        };
        assert!((bound - 5.0 / 30.0).abs() < 1e-12);
        assert!(jong.index.is_below(UNDER_REPRESENTED));
        // The same bound and the same dissimilarity for any count the cell may hide: only one
        // group is hidden, so pooling leaves the index as it is.
        for hidden in 1..5 {
            let other = represent(
                &leeftijd(),
                [("jong", hidden), ("midden", 60), ("oud", 40 - hidden)],
                5,
            );
            assert_eq!(other.cells[0].index, jong.index);
        }
    }

    #[test]
    fn hidden_groups_are_pooled_in_the_dissimilarity() {
        let margin = Margin::new(
            "wijk",
            vec![("a".into(), 10), ("b".into(), 10), ("c".into(), 80)],
        )
        .unwrap();
        let one = represent(&margin, [("a", 1), ("b", 3), ("c", 96)], 5);
        let two = represent(&margin, [("a", 3), ("b", 1), ("c", 96)], 5);
        assert_eq!(one.dissimilarity, two.dissimilarity);
        // Pooled: |0.04 - 0.2| + |0.96 - 0.8| = 0.32.
        assert!((one.dissimilarity.unwrap() - 0.16).abs() < 1e-12);
    }

    #[test]
    fn too_few_respondents_show_nothing_but_that() {
        let r = represent(&leeftijd(), [("jong", 2), ("oud", 1), ("anders", 9)], 5);
        assert!(r.withheld);
        assert!(r.cells.is_empty());
        assert_eq!(r.dissimilarity, None);
        assert_eq!(r.respondents, Count::Below { k: 5 });
        let none = represent(&leeftijd(), Vec::<(&str, u64)>::new(), 5);
        assert!(none.withheld);
        assert_eq!(overall(&[r, none]), None);
    }

    #[test]
    fn a_group_without_residents_has_no_index() {
        let margin = Margin::new("wijk", vec![("a".into(), 10), ("leeg".into(), 0)]).unwrap();
        let r = represent(&margin, [("a", 10), ("leeg", 10)], 5);
        assert_eq!(r.cells[1].index, Index::Undefined);
        assert!(!r.cells[1].index.is_below(f64::INFINITY));
        assert!((r.dissimilarity.unwrap() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn missing_groups_come_most_missing_first_and_overall_is_the_mean() {
        let wijk = Margin::new("wijk", vec![("a".into(), 50), ("b".into(), 50)]).unwrap();
        let reps = [
            represent(&leeftijd(), [("jong", 20), ("midden", 60), ("oud", 20)], 5),
            represent(&wijk, [("a", 90), ("b", 10)], 5),
        ];
        let found: Vec<(&str, &str)> = missing(&reps, UNDER_REPRESENTED)
            .iter()
            .map(|m| (m.question, m.cell.option.as_str()))
            .collect();
        assert_eq!(found, [("wijk", "b"), ("leeftijd", "jong")]);
        let d0 = reps[0].dissimilarity.unwrap();
        let d1 = reps[1].dissimilarity.unwrap();
        assert!((overall(&reps).unwrap() - (d0 + d1) / 2.0).abs() < 1e-12);
        assert!((d1 - 0.4).abs() < 1e-12);
    }
}
