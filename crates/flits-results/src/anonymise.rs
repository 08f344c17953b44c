//! k-anonymity for exports: profile values are replaced by [`SUPPRESSED`] where needed, so that
//! every combination of profile values and language that appears in an export (counting
//! [`SUPPRESSED`] as a value of its own) appears in at least `k` rows. Rows whose profile values
//! are all suppressed are exempt: they say nothing about anyone.
//!
//! Suppression is local and greedy. Only rows in a group smaller than `k` are touched; each round
//! suppresses, in all of those rows at once, the one profile column that lets the most of them
//! join a group of at least `k` (on a tie, the one that suppresses fewest values), until no
//! group is too small. A round always suppresses at least one value, so it ends; where one
//! suppressed value is enough, one is all it suppresses.
//!
//! Values are interned per column, so a million rows with a few profile questions take a few
//! megabytes.

use std::collections::HashMap;

/// What a suppressed value is shown as.
pub const SUPPRESSED: &str = "*";

/// The interned id of a suppressed value.
const STAR: u32 = u32::MAX;

/// The quasi-identifiers of an export: per row, its profile values and its language.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Profile columns; the language is one more column after them.
    profile_columns: usize,
    /// Row-major, `profile_columns + 1` ids per row.
    cells: Vec<u32>,
    /// Per column: the value of each id, and the id of each value.
    dictionaries: Vec<(Vec<String>, HashMap<String, u32>)>,
}

impl Table {
    /// An empty table with `profile_columns` profile questions.
    pub fn new(profile_columns: usize) -> Table {
        Table {
            profile_columns,
            cells: Vec::new(),
            dictionaries: vec![Default::default(); profile_columns + 1],
        }
    }

    fn width(&self) -> usize {
        self.profile_columns + 1
    }

    /// Adds a row: its profile values (`""` for "not answered") and its language.
    ///
    /// # Panics
    /// When `profile` does not have one value per profile column: a caller's bug.
    pub fn push(&mut self, profile: &[&str], lang: &str) {
        assert_eq!(
            profile.len(),
            self.profile_columns,
            "one value per profile column"
        );
        for (column, value) in profile.iter().chain(std::iter::once(&lang)).enumerate() {
            let (values, ids) = &mut self.dictionaries[column];
            // Values repeat: look up first, so only a new value is copied.
            let id = match ids.get(*value) {
                Some(&id) => id,
                None => {
                    values.push((*value).to_owned());
                    let id = u32::try_from(values.len() - 1).unwrap_or(STAR - 1);
                    ids.insert((*value).to_owned(), id);
                    id
                }
            };
            self.cells.push(id);
        }
    }

    /// Makes room for `rows` more rows at once, so a table that will hold a million rows is not
    /// copied each time it doubles.
    pub fn reserve(&mut self, rows: usize) {
        self.cells.reserve(rows.saturating_mul(self.width()));
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.cells.len() / self.width()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    fn row(&self, row: usize) -> &[u32] {
        let w = self.width();
        &self.cells[row * w..(row + 1) * w]
    }

    /// The profile value of `row` in `column`, or [`SUPPRESSED`].
    pub fn value(&self, row: usize, column: usize) -> &str {
        match self.row(row)[column] {
            STAR => SUPPRESSED,
            id => &self.dictionaries[column].0[id as usize],
        }
    }

    /// Whether the profile value of `row` in `column` is suppressed.
    pub fn is_suppressed(&self, row: usize, column: usize) -> bool {
        self.row(row)[column] == STAR
    }

    /// Whether `row` is exempt: all its profile values are suppressed (or it has none).
    fn exempt(&self, row: &[u32]) -> bool {
        row[..self.profile_columns].iter().all(|&id| id == STAR)
    }

    /// How many rows share each combination, exempt rows left out.
    fn group_sizes(&self) -> HashMap<&[u32], usize> {
        let mut sizes: HashMap<&[u32], usize> = HashMap::new();
        for row in self.cells.chunks_exact(self.width()) {
            if !self.exempt(row) {
                *sizes.entry(row).or_default() += 1;
            }
        }
        sizes
    }

    /// The rows in a group smaller than `k`.
    fn too_small(&self, k: usize) -> Vec<usize> {
        let sizes = self.group_sizes();
        self.cells
            .chunks_exact(self.width())
            .enumerate()
            .filter(|(_, row)| !self.exempt(row) && sizes.get(row).copied().unwrap_or(0) < k)
            .map(|(i, _)| i)
            .collect()
    }

    /// Suppresses profile values until the table is k-anonymous (see the module documentation).
    /// Returns how many values it suppressed.
    pub fn suppress(&mut self, k: usize) -> usize {
        let w = self.width();
        let mut suppressed = 0;
        loop {
            let violating = self.too_small(k);
            if violating.is_empty() {
                return suppressed;
            }
            // The groups as they stand without the violating rows, which are about to move.
            let mut settled: HashMap<Vec<u32>, usize> = HashMap::new();
            {
                let mut is_violating = vec![false; self.len()];
                for &r in &violating {
                    is_violating[r] = true;
                }
                for (i, row) in self.cells.chunks_exact(w).enumerate() {
                    if !is_violating[i] && !self.exempt(row) {
                        *settled.entry(row.to_vec()).or_default() += 1;
                    }
                }
            }
            let mut best: Option<(usize, usize, usize)> = None; // (column, satisfied, cost)
            for column in 0..self.profile_columns {
                let cost = violating
                    .iter()
                    .filter(|&&r| self.row(r)[column] != STAR)
                    .count();
                if cost == 0 {
                    continue;
                }
                let moved: Vec<Vec<u32>> = violating
                    .iter()
                    .map(|&r| {
                        let mut key = self.row(r).to_vec();
                        key[column] = STAR;
                        key
                    })
                    .collect();
                let mut joined: HashMap<&[u32], usize> = HashMap::new();
                for key in &moved {
                    *joined.entry(key.as_slice()).or_default() += 1;
                }
                let satisfied = moved
                    .iter()
                    .filter(|key| {
                        key[..self.profile_columns].iter().all(|&id| id == STAR)
                            || settled.get(key.as_slice()).copied().unwrap_or(0)
                                + joined[key.as_slice()]
                                >= k
                    })
                    .count();
                let better = match best {
                    None => true,
                    Some((_, s, c)) => satisfied > s || (satisfied == s && cost < c),
                };
                if better {
                    best = Some((column, satisfied, cost));
                }
            }
            let Some((column, _, _)) = best else {
                // Every violating row is exempt already; cannot happen, but never loop forever.
                return suppressed;
            };
            for &r in &violating {
                let cell = &mut self.cells[r * w + column];
                if *cell != STAR {
                    *cell = STAR;
                    suppressed += 1;
                }
            }
        }
    }
}

/// Suppresses `table` for `k` (see [`Table::suppress`]); a convenience for callers that only need
/// the count.
pub fn suppress(table: &mut Table, k: usize) -> usize {
    table.suppress(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[(&[&str], &str)], columns: usize) -> Table {
        let mut t = Table::new(columns);
        for (profile, lang) in rows {
            t.push(profile, lang);
        }
        t
    }

    #[test]
    fn a_table_that_is_already_anonymous_is_left_alone() {
        let mut t = table(
            &[(&["18-34", "velsen"], "nl"), (&["18-34", "velsen"], "nl")],
            2,
        );
        assert_eq!(t.suppress(2), 0);
        assert_eq!(t.value(0, 0), "18-34");
    }

    #[test]
    fn the_column_that_lets_small_groups_merge_is_suppressed() {
        // Two people of 65+, one in Velsen and one in IJmuiden: without the place they are a
        // group of two, without the age each is still alone.
        let mut t = table(
            &[
                (&["18-34", "velsen"], "nl"),
                (&["18-34", "velsen"], "nl"),
                (&["65+", "velsen"], "nl"),
                (&["65+", "ijmuiden"], "nl"),
            ],
            2,
        );
        assert_eq!(t.suppress(2), 2);
        assert_eq!((t.value(2, 0), t.value(2, 1)), ("65+", "*"));
        assert_eq!((t.value(3, 0), t.value(3, 1)), ("65+", "*"));
        assert_eq!((t.value(0, 0), t.value(0, 1)), ("18-34", "velsen"));
    }

    #[test]
    fn a_row_alone_in_its_language_loses_all_its_profile_values() {
        let mut t = table(
            &[(&["18-34"], "nl"), (&["18-34"], "nl"), (&["18-34"], "ar")],
            1,
        );
        assert_eq!(t.suppress(2), 1);
        assert!(t.is_suppressed(2, 0));
        assert!(!t.is_suppressed(0, 0));
    }
}
