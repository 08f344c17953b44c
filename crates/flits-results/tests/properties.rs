//! Properties of the export's privacy rules, over random data.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use flits_results::anonymise::Table;
use flits_results::scrub::{is_bsn, scrub};
use proptest::prelude::*;

/// Rows of profile values (`columns` per row) and a language, from small alphabets so that groups
/// of every size occur.
fn rows() -> impl Strategy<Value = (usize, Vec<(Vec<String>, String)>)> {
    (1usize..=3).prop_flat_map(|columns| {
        let row = (
            proptest::collection::vec(prop_oneof!["a", "b", "c", ""], columns),
            prop_oneof!["nl", "en", "ar"],
        );
        (Just(columns), proptest::collection::vec(row, 0..120))
    })
}

fn table(columns: usize, rows: &[(Vec<String>, String)]) -> Table {
    let mut t = Table::new(columns);
    for (profile, lang) in rows {
        let values: Vec<&str> = profile.iter().map(String::as_str).collect();
        t.push(&values, lang);
    }
    t
}

/// The rows as they read now: values with `*` where suppressed, and the language.
fn read(t: &Table, columns: usize, rows: &[(Vec<String>, String)]) -> Vec<(Vec<String>, String)> {
    (0..t.len())
        .map(|r| {
            let values = (0..columns).map(|c| t.value(r, c).to_owned()).collect();
            (values, rows[r].1.clone())
        })
        .collect()
}

/// Whether every combination among rows with at least one unsuppressed value appears `k` times.
fn k_anonymous(t: &Table, columns: usize, read: &[(Vec<String>, String)], k: usize) -> bool {
    let mut sizes: HashMap<&(Vec<String>, String), usize> = HashMap::new();
    let counted: Vec<usize> = (0..read.len())
        .filter(|&r| (0..columns).any(|c| !t.is_suppressed(r, c)))
        .collect();
    for &r in &counted {
        *sizes.entry(&read[r]).or_default() += 1;
    }
    counted.iter().all(|&r| sizes[&read[r]] >= k)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_export_is_k_anonymous((columns, rows) in rows(), k in 1usize..6) {
        let mut t = table(columns, &rows);
        t.suppress(k);
        let now = read(&t, columns, &rows);
        prop_assert!(k_anonymous(&t, columns, &now, k));
    }

    #[test]
    fn rows_in_groups_large_enough_are_never_touched((columns, rows) in rows(), k in 1usize..6) {
        let mut sizes: HashMap<&(Vec<String>, String), usize> = HashMap::new();
        for row in &rows {
            *sizes.entry(row).or_default() += 1;
        }
        let mut t = table(columns, &rows);
        t.suppress(k);
        for (r, row) in rows.iter().enumerate() {
            if sizes[row] >= k {
                for c in 0..columns {
                    prop_assert!(!t.is_suppressed(r, c), "row {r} was in a group of {}", sizes[row]);
                }
            }
        }
    }

    #[test]
    fn where_one_suppression_would_do_only_one_is_made((columns, rows) in rows(), k in 2usize..6) {
        let original = table(columns, &rows);
        let already = k_anonymous(&original, columns, &read(&original, columns, &rows), k);
        // Is there a single value whose suppression makes the table k-anonymous?
        let single = !already && (0..rows.len()).any(|r| {
            (0..columns).any(|c| {
                let mut with_star = read(&original, columns, &rows);
                with_star[r].0[c] = "*".into();
                // k-anonymity of that reading, with rows whose values are all `*` exempt.
                let mut sizes: HashMap<&(Vec<String>, String), usize> = HashMap::new();
                let counted: Vec<usize> = (0..with_star.len())
                    .filter(|&i| with_star[i].0.iter().any(|v| v != "*"))
                    .collect();
                for &i in &counted {
                    *sizes.entry(&with_star[i]).or_default() += 1;
                }
                counted.iter().all(|&i| sizes[&with_star[i]] >= k)
            })
        });
        let mut t = table(columns, &rows);
        let suppressed = t.suppress(k);
        if already {
            prop_assert_eq!(suppressed, 0);
        }
        if single {
            prop_assert_eq!(suppressed, 1);
        }
    }
}

/// Eight digits and the ninth that makes them pass the 11-proef, if there is one.
fn valid_bsn(first: [u8; 8]) -> Option<String> {
    let sum: u32 = first
        .iter()
        .zip((2..=9u32).rev())
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    let last = sum % 11;
    (last <= 9 && sum != last).then(|| {
        first
            .iter()
            .map(|d| char::from(b'0' + d))
            .chain(std::iter::once(char::from(b'0' + last as u8)))
            .collect()
    })
}

fn words() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "wij", "willen", "meer", "groen", "in", "de", "straat", "graag", "fietsen"
        ],
        0..6,
    )
    .prop_map(|w| w.join(" "))
}

fn planted() -> impl Strategy<Value = (String, &'static str)> {
    prop_oneof![
        ("[a-z]{1,8}", "[a-z]{1,8}", prop_oneof!["nl", "com", "org"])
            .prop_map(|(user, host, tld)| (format!("{user}@{host}.{tld}"), "[email]")),
        proptest::array::uniform8(0u32..10).prop_map(|d| (
            format!("06-{}", d.iter().map(|x| x.to_string()).collect::<String>()),
            "[phone]"
        )),
        (1000u32..10000, "[A-Z]{2}", 1u32..300)
            .prop_map(|(pc, letters, nr)| (format!("{pc} {letters} {nr}"), "[address]")),
        proptest::array::uniform8(0u8..10)
            .prop_filter_map("no check digit", valid_bsn)
            .prop_map(|bsn| (bsn, "[bsn]")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn every_planted_item_is_found((before, after) in (words(), words()), (item, tag) in planted()) {
        let text = format!("{before} {item} {after}");
        let scrubbed = scrub(&text);
        prop_assert!(!scrubbed.text.contains(&item), "{} still in {}", item, scrubbed.text);
        prop_assert!(scrubbed.text.contains(tag), "{} not tagged in {}", tag, scrubbed.text);
    }

    #[test]
    fn nine_digits_that_fail_the_11_proef_stay(digits in proptest::array::uniform9(0u8..10)) {
        let number: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        prop_assume!(!is_bsn(&number) && !number.starts_with('0'));
        let text = format!("ordernummer {number} graag");
        let scrubbed = scrub(&text);
        prop_assert_eq!(scrubbed.text.as_ref(), text.as_str());
    }
}
