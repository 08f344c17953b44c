//! The population file: what it reads, and every way it can be wrong, each
//! with the line to look at.

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use flits_reach::{Margins, PopulationError};

const META: &str = "# source: CBS StatLine 03759ned\n# reference_date: 2025-01-01\n";

fn with_meta(body: &str) -> String {
    format!("{META}{body}")
}

fn error(text: &str) -> PopulationError {
    Margins::parse(text).unwrap_err()
}

#[test]
fn reads_margins_in_file_order_with_their_provenance() {
    let text = "\u{feff}# Bevolking van Beverwijk per 1 januari\n\
                # source: CBS StatLine 03759ned\n\
                # reference_date: 2025-01-01\n\
                # illustrative: true\n\
                question,option,count\n\
                leeftijd,tot30,10234\n\
                leeftijd, 30-44 ,8120\n\
                \n\
                wijk,centrum,4410\n\
                # Let op: afgerond op tientallen\n\
                leeftijd,45plus,0\n\
                wijk,\"noord, oost\",90\n";
    let margins = Margins::parse(text).unwrap();
    let p = &margins.provenance()[0];
    assert_eq!(p.source, "CBS StatLine 03759ned");
    assert_eq!(
        p.reference_date,
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
    );
    assert!(p.illustrative);
    assert!(margins.illustrative());
    let questions: Vec<&str> = margins.margins().iter().map(|m| m.question()).collect();
    assert_eq!(questions, ["leeftijd", "wijk"]);
    assert_eq!(
        margins.get("leeftijd").unwrap().options(),
        &[
            ("tot30".to_owned(), 10234),
            ("30-44".to_owned(), 8120),
            ("45plus".to_owned(), 0)
        ]
    );
    assert_eq!(
        margins.get("wijk").unwrap().options(),
        &[("centrum".to_owned(), 4410), ("noord, oost".to_owned(), 90)]
    );
}

#[test]
fn figures_are_official_unless_the_file_says_otherwise() {
    let margins = Margins::parse(&with_meta("question,option,count\nleeftijd,tot30,1\n")).unwrap();
    assert!(!margins.illustrative());
    let margins = Margins::parse(&with_meta(
        "# illustrative: false\nquestion,option,count\nleeftijd,tot30,1\n",
    ))
    .unwrap();
    assert!(!margins.illustrative());
}

#[test]
fn reads_from_a_reader_too() {
    let text = with_meta("question,option,count\nleeftijd,tot30,7\n");
    let margins = Margins::read(text.as_bytes()).unwrap();
    assert_eq!(margins.get("leeftijd").unwrap().total(), 7);
    let not_utf8: &[u8] = b"question,option,count\nleeftijd,\xff,7\n";
    let err = Margins::read(not_utf8).unwrap_err();
    assert!(matches!(err, PopulationError::Read(_)), "{err:?}");
    assert_eq!(err.code(), "population_unreadable");
}

#[test]
fn an_empty_file_has_no_counts() {
    for text in ["", "\n\n", META, &with_meta("question,option,count\n")] {
        let err = error(text);
        assert!(matches!(err, PopulationError::Empty), "{text:?}: {err:?}");
        assert_eq!(err.code(), "population_empty");
        assert_eq!(err.line(), None);
    }
}

#[test]
fn the_header_must_come_first_and_be_exact() {
    let err = error(&with_meta("leeftijd,tot30,10\n"));
    match err {
        PopulationError::Header { line, ref found } => {
            assert_eq!(line, 3, "after the two metadata lines");
            assert_eq!(found, "leeftijd,tot30,10");
        }
        other => panic!("{other:?}"),
    }
    let err = error(&with_meta("question;option;count\nleeftijd;tot30;10\n"));
    assert!(
        matches!(err, PopulationError::Header { line: 3, .. }),
        "{err:?}"
    );
    assert!(matches!(
        error(&with_meta("question,option,aantal\n")),
        PopulationError::Header { .. }
    ));
    assert_eq!(error("question,option\n").code(), "population_header");
}

#[test]
fn a_count_is_a_whole_number_of_zero_or_more() {
    for (count, line) in [("-3", 5), ("12.5", 5), ("10.234", 5), ("", 5), ("veel", 5)] {
        let text = with_meta(&format!(
            "question,option,count\nleeftijd,tot30,1\nleeftijd,30-44,{count}\n"
        ));
        match error(&text) {
            PopulationError::Count { line: l, value } => {
                assert_eq!((l, value.as_str()), (line, count));
            }
            other => panic!("{count:?}: {other:?}"),
        }
    }
}

#[test]
fn a_question_and_option_come_once() {
    let text =
        with_meta("question,option,count\nleeftijd,tot30,1\nwijk,centrum,2\nleeftijd,tot30,3\n");
    match error(&text) {
        PopulationError::Duplicate {
            line,
            first_line,
            question,
            option,
        } => assert_eq!(
            (line, first_line, question.as_str(), option.as_str()),
            (6, 4, "leeftijd", "tot30")
        ),
        other => panic!("{other:?}"),
    }
    // The same option id under another question is fine.
    Margins::parse(&with_meta(
        "question,option,count\nleeftijd,ja,1\neerste_keer,ja,3\n",
    ))
    .unwrap();
}

#[test]
fn rows_need_three_fields_and_ids() {
    let err = error(&with_meta("question,option,count\nleeftijd,tot30\n"));
    assert!(
        matches!(err, PopulationError::Fields { line: 4, found: 2 }),
        "{err:?}"
    );
    let err = error(&with_meta("question,option,count\nleeftijd,tot30,1,2\n"));
    assert!(
        matches!(err, PopulationError::Fields { line: 4, found: 4 }),
        "{err:?}"
    );
    let err = error(&with_meta("question,option,count\n,tot30,1\n"));
    assert!(
        matches!(err, PopulationError::EmptyId { line: 4 }),
        "{err:?}"
    );
}

#[test]
fn a_question_needs_residents() {
    let err = error(&with_meta(
        "question,option,count\nwijk,centrum,5\nleeftijd,tot30,0\nleeftijd,30-44,0\n",
    ));
    match err {
        PopulationError::ZeroTotal { line, question } => {
            assert_eq!((line, question.as_str()), (5, "leeftijd"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_file_names_its_source_and_reference_date() {
    let body = "question,option,count\nleeftijd,tot30,1\n";
    let err = error(&format!("# reference_date: 2025-01-01\n{body}"));
    assert!(matches!(err, PopulationError::MissingSource), "{err:?}");
    assert_eq!(err.code(), "population_missing_source");
    let err = error(&format!("# source: CBS\n{body}"));
    assert!(
        matches!(err, PopulationError::MissingReferenceDate),
        "{err:?}"
    );
}

#[test]
fn metadata_is_checked_with_its_line() {
    let body = "question,option,count\nleeftijd,tot30,1\n";
    let cases: [(&str, &str); 6] = [
        ("# illustratief: true\n", "population_unknown_key"),
        ("# ilustrative: true\n", "population_unknown_key"),
        ("# illustrative: ja\n", "population_illustrative"),
        ("# reference_date: 1-1-2025\n", "population_reference_date"),
        (
            "# reference_date: 2025-02-30\n",
            "population_reference_date",
        ),
        ("# source:\n", "population_empty_value"),
    ];
    for (extra, code) in cases {
        let err = error(&format!("{META}{extra}{body}"));
        assert_eq!(err.code(), code, "{extra:?}: {err:?}");
        assert_eq!(err.line(), Some(3), "{extra:?}");
    }
    let err = error(&format!("{META}{body}# source: CBS again\n"));
    match err {
        PopulationError::RepeatedKey { line, key } => {
            assert_eq!((line, key.as_str()), (5, "source"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_problem_is_reported_with_its_line() {
    let text = "# source: CBS\n\
                # reference_date: 2025-13-01\n\
                question,option,count\n\
                leeftijd,tot30,10\n\
                leeftijd,30-44,-3\n\
                leeftijd,tot30,4\n\
                wijk,centrum\n\
                wijk,noord,7\n";
    let errors = Margins::parse_all_errors(text).unwrap_err();
    let found: Vec<(&str, Option<u64>)> = errors.iter().map(|e| (e.code(), e.line())).collect();
    assert_eq!(
        found,
        vec![
            ("population_reference_date", Some(2)),
            ("population_count", Some(5)),
            ("population_duplicate", Some(6)),
            ("population_fields", Some(7)),
        ],
        "a wrong date is not reported again as missing"
    );
    assert_eq!(
        error(text).code(),
        "population_reference_date",
        "parse stops at the first"
    );

    // A wrong header does not hide the rows' problems; the whole file's checks come last.
    let errors = Margins::parse_all_errors("question,option,aantal\nleeftijd,a,x\n").unwrap_err();
    let codes: Vec<&str> = errors.iter().map(PopulationError::code).collect();
    assert_eq!(
        codes,
        vec![
            "population_header",
            "population_count",
            "population_missing_source",
            "population_missing_reference_date"
        ]
    );
    let errors =
        Margins::parse_all_errors(&with_meta("question,option,count\nwijk,a,0\n")).unwrap_err();
    assert!(matches!(
        errors.as_slice(),
        [PopulationError::ZeroTotal { line: 4, .. }]
    ));
    // A good file reads the same both ways.
    let good = with_meta("question,option,count\nleeftijd,tot30,1\n");
    assert_eq!(
        Margins::parse_all_errors(&good).unwrap(),
        Margins::parse(&good).unwrap()
    );
}
