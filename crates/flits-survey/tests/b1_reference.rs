//! The B1 checker against reference texts: plain texts must score higher than officialese ones, and
//! hints must point at the right sentences. See `fixtures/b1/README.md` for the texts' sources.

// clippy.toml allows unwrap in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use flits_survey::plain_language::{Formula, HintKind, check, score};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/b1")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn dutch_score(name: &str) -> f64 {
    let s = score(&fixture(name), "nl").unwrap();
    assert_eq!(s.formula, Formula::FleschDouma);
    s.score
}

/// Each inner list is a tier; every text of a tier scores higher than every text of the next tier.
const PLAIN_TIERS: &[&[&str]] = &[
    &["plain-01-afval.txt"],
    &[
        "plain-02-fietsenrekken.txt",
        "plain-03-speeltuin.txt",
        "plain-04-paspoort.txt",
        "plain-05-wateroverlast.txt",
    ],
    &["plain-06-parkeren.txt"],
];

const OFFICIALESE_TIERS: &[&[&str]] = &[
    &[
        "ambtelijk-01-inzameling.txt",
        "ambtelijk-02-vergunning.txt",
        "ambtelijk-04-bezwaar.txt",
    ],
    &[
        "ambtelijk-03-herinrichting.txt",
        "ambtelijk-05-participatie.txt",
    ],
    &["ambtelijk-06-subsidie.txt"],
];

fn all(tiers: &[&[&'static str]]) -> Vec<&'static str> {
    tiers.iter().flat_map(|t| t.iter().copied()).collect()
}

#[test]
fn every_fixture_is_listed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/b1");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = all(PLAIN_TIERS)
        .into_iter()
        .chain(all(OFFICIALESE_TIERS))
        .map(String::from)
        .collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    assert!(all(PLAIN_TIERS).len() >= 5 && all(OFFICIALESE_TIERS).len() >= 5);
    let readme = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/b1/README.md"),
    )
    .unwrap();
    for name in listed {
        assert!(
            readme.contains(&format!("`{name}`")),
            "{name} has no source in the README"
        );
    }
}

#[test]
fn every_plain_text_scores_higher_than_every_officialese_text() {
    let lowest_plain = all(PLAIN_TIERS)
        .into_iter()
        .map(|n| (dutch_score(n), n))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap();
    let highest_officialese = all(OFFICIALESE_TIERS)
        .into_iter()
        .map(|n| (dutch_score(n), n))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap();
    assert!(
        lowest_plain.0 > highest_officialese.0,
        "{lowest_plain:?} vs {highest_officialese:?}"
    );
    // And by a clear margin: the plain texts are what B1 looks like, the others are not.
    assert!(lowest_plain.0 >= 60.0, "{lowest_plain:?}");
    assert!(highest_officialese.0 < 50.0, "{highest_officialese:?}");
}

#[test]
fn texts_rank_by_tier_within_their_group() {
    for tiers in [PLAIN_TIERS, OFFICIALESE_TIERS] {
        for pair in tiers.windows(2) {
            for higher in pair[0] {
                for lower in pair[1] {
                    let (h, l) = (dutch_score(higher), dutch_score(lower));
                    assert!(
                        h > l,
                        "{higher} ({h}) should score higher than {lower} ({l})"
                    );
                }
            }
        }
    }
}

#[test]
fn the_first_five_plain_texts_get_no_hints() {
    for name in &all(PLAIN_TIERS)[..5] {
        let hints = check(&fixture(name));
        assert!(hints.is_empty(), "{name}: {hints:?}");
    }
}

fn located(name: &str) -> Vec<(usize, &'static str)> {
    check(&fixture(name))
        .iter()
        .map(|h| (h.sentence, h.code()))
        .collect()
}

#[test]
fn hints_point_at_the_right_sentences() {
    assert_eq!(
        located("plain-06-parkeren.txt"),
        vec![(1, "long_sentence"), (2, "long_sentence")]
    );

    assert_eq!(
        located("ambtelijk-01-inzameling.txt"),
        vec![
            (1, "long_sentence"),
            (1, "passive_voice"),
            (1, "officialese"),
            (2, "passive_voice"),
            (2, "officialese"),
            // "nadere informatie": more information, plainly.
            (3, "officialese"),
        ]
    );

    let hints = check(&fixture("ambtelijk-02-vergunning.txt"));
    let by_sentence = |n: usize| {
        hints
            .iter()
            .filter(|h| h.sentence == n)
            .map(|h| h.code())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by_sentence(1),
        vec!["officialese", "officialese", "long_word"]
    );
    assert_eq!(
        by_sentence(2),
        vec!["long_sentence", "officialese", "officialese", "officialese"]
    );
    assert_eq!(by_sentence(3), vec!["passive_voice", "officialese"]);
    // What the messages quote: the sentence, the phrase and the alternative.
    let said = |sentence: usize, quote: &str, kind: HintKind| {
        hints
            .iter()
            .any(|h| h.sentence == sentence && h.quote == quote && h.kind == kind)
    };
    assert!(said(
        1,
        "Middels deze brief informeren…",
        HintKind::Officialese {
            phrase: "Middels".into(),
            alternative: "met, door".into()
        }
    ));
    assert!(said(
        2,
        "Teneinde uw aanvraag in…",
        HintKind::Officialese {
            phrase: "Teneinde".into(),
            alternative: "om".into()
        }
    ));
    assert!(hints.iter().any(|h| h.sentence == 3
        && h.quote == "Indien de gevraagde gegevens…"
        && matches!(h.kind, HintKind::PassiveVoice { .. })));

    let hints = check(&fixture("ambtelijk-04-bezwaar.txt"));
    let long: Vec<usize> = hints
        .iter()
        .filter(|h| h.code() == "long_sentence")
        .map(|h| h.sentence)
        .collect();
    assert_eq!(long, vec![1, 2]);
    let passive: Vec<_> = hints
        .iter()
        .filter(|h| h.code() == "passive_voice")
        .collect();
    assert_eq!(passive.len(), 1);
    assert_eq!(passive[0].sentence, 2, "{passive:?}");
    assert_eq!(
        passive[0].args().text("phrase"),
        Some("worden … ondertekend"),
        "{passive:?}"
    );
}

/// The counts and scores of every text as the checker gave them when the fixtures were written:
/// (file, sentences, words, syllables, Flesch-Douma score rounded to one decimal).
const RECORDED: &[(&str, usize, usize, usize, f64)] = &[
    ("plain-01-afval.txt", 7, 38, 44, 112.6),
    ("plain-02-fietsenrekken.txt", 6, 40, 59, 87.1),
    ("plain-03-speeltuin.txt", 6, 43, 61, 90.9),
    ("plain-04-paspoort.txt", 6, 41, 57, 93.4),
    ("plain-05-wateroverlast.txt", 6, 52, 72, 92.2),
    ("plain-06-parkeren.txt", 4, 54, 88, 68.8),
    ("ambtelijk-01-inzameling.txt", 3, 43, 85, 41.3),
    ("ambtelijk-02-vergunning.txt", 3, 48, 95, 39.6),
    ("ambtelijk-03-herinrichting.txt", 2, 40, 95, 5.4),
    ("ambtelijk-04-bezwaar.txt", 2, 72, 119, 46.1),
    ("ambtelijk-05-participatie.txt", 2, 51, 118, 5.0),
    ("ambtelijk-06-subsidie.txt", 1, 68, 140, -14.9),
];

#[test]
fn counts_and_scores_match_the_record() {
    // A change to sentence splitting, word counting or syllables shows here first, text by text;
    // `cargo test -p flits-survey --test b1_reference -- --nocapture` prints the table to record.
    let mut table = Vec::new();
    for (name, _, _, _, _) in RECORDED {
        let s = score(&fixture(name), "nl").unwrap();
        println!(
            "    (\"{name}\", {}, {}, {}, {:.1}),",
            s.sentences, s.words, s.syllables, s.score
        );
        table.push((*name, s.sentences, s.words, s.syllables, s.score));
        // Flesch-Douma, rounded to one decimal: 206.84 - 77 x syllables per word - 0.93 x words
        // per sentence.
        let douma = 206.84
            - 77.0 * s.syllables as f64 / s.words as f64
            - 0.93 * s.words as f64 / s.sentences as f64;
        assert!(
            (s.score - douma).abs() <= 0.05 + 1e-9,
            "{name}: {} vs {douma}",
            s.score
        );
    }
    assert_eq!(
        table.len(),
        all(PLAIN_TIERS).len() + all(OFFICIALESE_TIERS).len()
    );
    for ((name, sentences, words, syllables, score), recorded) in table.iter().zip(RECORDED) {
        assert_eq!(
            (*name, *sentences, *words, *syllables),
            (recorded.0, recorded.1, recorded.2, recorded.3),
            "counts of {name} changed"
        );
        assert!(
            (score - recorded.4).abs() < 0.05,
            "{name}: score {score:.1}, recorded {}",
            recorded.4
        );
    }
}
