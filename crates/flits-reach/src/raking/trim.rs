//! Trimming: no weight above the cap times the mean weight.
//!
//! Cutting the largest weights back to `cap × mean` and then scaling all weights to a mean of 1
//! would lift the cut ones above the cap again, because cutting lowers the mean. So the cut level
//! `L` is chosen such that, after the cut, `L` is exactly `cap` times the new mean:
//!
//! `L = cap × (S + L × A) / N`, so `L = cap × S / (N − cap × A)`,
//!
//! with `N` all rows, `A` the rows cut and `S` the weighted total of the others. Going down the
//! weights from the largest finds the first set of cut rows for which `L` lies at or above the
//! largest weight left uncut. After scaling, the cut rows weigh exactly `cap`.

/// Scales `weights` (per pattern, with `rows` rows each) to a mean of 1 and cuts those above
/// `cap`; returns how many rows were cut.
pub(super) fn trim(weights: &mut [f64], rows: &[f64], cap: f64) -> u64 {
    let n: f64 = rows.iter().sum();
    let total: f64 = weights.iter().zip(rows).map(|(w, r)| w * r).sum();
    if n <= 0.0 || total <= 0.0 {
        return 0;
    }
    let mean = total / n;
    for w in weights.iter_mut() {
        *w /= mean;
    }
    // A hair of slack, so that a weight the last round left exactly at the cap is not cut again
    // for a rounding error.
    if weights.iter().all(|&w| w <= cap * (1.0 + 1e-12)) {
        return 0;
    }

    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]));
    let (mut cut_rows, mut cut_total) = (0.0, 0.0);
    let mut level = None;
    for (i, &p) in order.iter().enumerate() {
        cut_rows += rows[p];
        cut_total += rows[p] * weights[p];
        let room = n - cap * cut_rows;
        if room <= 0.0 {
            break;
        }
        let candidate = cap * (n - cut_total) / room;
        let next = order.get(i + 1).map_or(0.0, |&q| weights[q]);
        if candidate >= next {
            level = Some((i + 1, candidate));
            break;
        }
    }
    let Some((cut, level)) = level else {
        // Only when the cap is (about) 1: then every weight must equal the mean.
        let cut: f64 = weights
            .iter()
            .zip(rows)
            .filter(|(w, _)| **w > 1.0)
            .map(|(_, r)| r)
            .sum();
        weights.iter_mut().for_each(|w| *w = 1.0);
        return cut as u64;
    };
    for &p in &order[..cut] {
        weights[p] = level;
    }
    let new_mean = (n - cut_total + level * cut_rows) / n;
    for w in weights.iter_mut() {
        *w /= new_mean;
    }
    cut_rows as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_weights_end_exactly_at_the_cap() {
        // Mean 1: one row at 10, nine at 0.5 -> cut the one.
        let mut w = vec![10.0, 0.5];
        let rows = vec![1.0, 18.0];
        assert_eq!(trim(&mut w, &rows, 5.0), 1);
        let mean = (w[0] * 1.0 + w[1] * 18.0) / 19.0;
        assert!((mean - 1.0).abs() < 1e-12, "{w:?}");
        assert!((w[0] - 5.0).abs() < 1e-12, "{w:?}");
        // The uncut keep their proportions.
        let mut w = vec![8.0, 4.0, 1.0, 0.5];
        let rows = vec![1.0, 1.0, 10.0, 10.0];
        let cut = trim(&mut w, &rows, 2.0);
        assert_eq!(cut, 2);
        assert!((w[2] / w[3] - 2.0).abs() < 1e-12);
        assert!(
            (w[0] - 2.0).abs() < 1e-12 && (w[1] - 2.0).abs() < 1e-12,
            "{w:?}"
        );
    }

    #[test]
    fn weights_within_the_cap_are_only_scaled() {
        let mut w = vec![2.0, 4.0];
        assert_eq!(trim(&mut w, &[1.0, 1.0], 5.0), 0);
        assert_eq!(w, vec![2.0 / 3.0, 4.0 / 3.0]);
        let mut w = vec![9.0, 1.0];
        assert_eq!(trim(&mut w, &[1.0, 1.0], f64::INFINITY), 0);
        let mut w = vec![3.0, 1.0];
        assert_eq!(trim(&mut w, &[1.0, 1.0], 1.0), 1);
        assert_eq!(w, vec![1.0, 1.0]);
    }
}
