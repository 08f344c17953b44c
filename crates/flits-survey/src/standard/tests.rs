#![allow(clippy::unwrap_used)] // a panic is the failure report

use flits_i18n::Locale;

use super::*;
use crate::definition::PollDefinition;
use crate::validate::{ValidationOptions, validate};

fn velsen() -> Neighbourhoods {
    Neighbourhoods::new(vec![
        Neighbourhood::new("ijmuiden", "IJmuiden").unwrap(),
        Neighbourhood::new("velsen-zuid", "Velsen-Zuid").unwrap(),
        Neighbourhood::new("driehuis", "Driehuis").unwrap(),
    ])
    .unwrap()
}

/// Messages picked from a table are not found by the catalogue test's scan of `t!` uses: this is
/// their check, in exactly each resident language (no fallback to Dutch).
#[test]
fn every_text_exists_in_every_resident_language() {
    let catalogue = flits_i18n::catalogue();
    let mut missing = Vec::new();
    for s in StandardQuestion::ALL {
        for id in s.message_ids() {
            for l in Locale::RESIDENT {
                match catalogue.try_format(l, id, &[]) {
                    Ok(text) if !text.trim().is_empty() => {}
                    other => missing.push(format!("{id} in {}: {other:?}", l.code())),
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_age_bands_are_those_of_cbs_and_of_the_population_files() {
    let ids = StandardQuestion::AgeGroup.option_ids(&Neighbourhoods::default());
    assert_eq!(ids, ["tot15", "15-24", "25-44", "45-64", "65plus"]);
    assert_eq!(StandardQuestion::AgeGroup.id(), "leeftijd");
    assert_eq!(StandardQuestion::Neighbourhood.id(), "wijk");
    assert_eq!(StandardQuestion::FirstTime.id(), "first_time");
    assert_eq!(StandardQuestion::HeardVia.id(), "heard_via");
    for s in StandardQuestion::ALL {
        assert_eq!(StandardQuestion::from_id(s.id()), Some(s));
    }
}

#[test]
fn each_is_an_optional_profile_question_with_its_reason_in_the_polls_languages() {
    let langs = [Locale::Nl, Locale::Tr, Locale::Ar];
    for s in StandardQuestion::ALL {
        let q = s.question(&langs, &velsen()).unwrap();
        assert_eq!(q.id, s.id());
        assert!(q.profile && !q.required, "{}", s.id());
        assert_eq!(q.kind, QuestionKind::SingleChoice);
        let help = q.help.as_ref().unwrap();
        for text in [&q.text, help] {
            assert_eq!(text.langs(), ["ar", "nl", "tr"], "{}", s.id());
        }
        assert_ne!(
            q.text.exact("tr"),
            q.text.exact("nl"),
            "{}: translated",
            s.id()
        );
        assert_ne!(help.exact("ar"), help.exact("nl"), "{}: translated", s.id());
        for o in &q.options {
            assert_eq!(o.text.langs(), ["ar", "nl", "tr"], "{}.{}", s.id(), o.id);
        }
        assert!(s.is(&q, &velsen()));
    }
}

#[test]
fn the_neighbourhood_question_asks_the_configured_list_or_is_not_there() {
    let q = StandardQuestion::Neighbourhood
        .question(&[Locale::Nl, Locale::En], &velsen())
        .unwrap();
    let ids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["ijmuiden", "velsen-zuid", "driehuis"]);
    assert_eq!(q.options[1].text.exact("en"), Some("Velsen-Zuid"));
    assert_eq!(
        StandardQuestion::Neighbourhood.question(&[Locale::Nl], &Neighbourhoods::default()),
        None
    );
    assert!(
        StandardQuestion::AgeGroup
            .question(&[Locale::Nl], &Neighbourhoods::default())
            .is_some(),
        "the other questions need no list"
    );
}

#[test]
fn a_question_is_the_standard_one_by_id_kind_and_options_not_by_its_texts() {
    let none = Neighbourhoods::default();
    let mut q = StandardQuestion::AgeGroup
        .question(&[Locale::Nl], &none)
        .unwrap();
    q.text = Text::Plain("Leeftijd?".into());
    assert!(StandardQuestion::AgeGroup.is(&q, &none), "reworded");
    let mut own_bands = q.clone();
    own_bands.options.truncate(2);
    assert!(!StandardQuestion::AgeGroup.is(&own_bands, &none));
    let mut not_profile = q.clone();
    not_profile.profile = false;
    assert!(!StandardQuestion::AgeGroup.is(&not_profile, &none));
    assert!(!StandardQuestion::FirstTime.is(&q, &none), "another id");
    let wijk = StandardQuestion::Neighbourhood
        .question(&[Locale::Nl], &velsen())
        .unwrap();
    assert!(StandardQuestion::Neighbourhood.is(&wijk, &velsen()));
    assert!(
        !StandardQuestion::Neighbourhood.is(&wijk, &none),
        "another audience's list"
    );
}

/// A poll with one topic question and all four standard questions is valid under a limit of one
/// question (they are profile questions), stays a flash poll, and the standard texts give no
/// plain-language hint.
#[test]
fn the_standard_questions_pass_the_validator_and_the_b1_checker() {
    let mut def = PollDefinition::from_yaml_str(
        r#"
slug: standaard
title: {nl: Bomen, en: Trees, tr: Ağaçlar, pl: Drzewa, ar: "أشجار"}
languages: [nl, en, tr, pl, ar]
questions:
  - id: bomen
    kind: single_choice
    text: {nl: Meer bomen?, en: More trees?, tr: Daha fazla ağaç?, pl: Więcej drzew?, ar: "مزيد من الأشجار؟"}
    options:
      - {id: ja, text: {nl: Ja, en: Yes, tr: Evet, pl: Tak, ar: "نعم"}}
      - {id: nee, text: {nl: Nee, en: No, tr: Hayır, pl: Nie, ar: "لا"}}
"#,
    )
    .unwrap();
    for s in StandardQuestion::ALL {
        def.questions
            .push(s.question(&Locale::RESIDENT, &velsen()).unwrap());
    }
    let report = validate(
        &def,
        &ValidationOptions {
            max_questions: 1,
            ..Default::default()
        },
    );
    assert!(report.valid, "{:?}", report.errors);
    let standard_hints: Vec<_> = report
        .hints
        .iter()
        .filter(|h| h.location.starts_with("questions[") && !h.location.starts_with("questions[0]"))
        .collect();
    assert!(standard_hints.is_empty(), "{standard_hints:?}");
    assert!(
        report.estimated_seconds < 120,
        "{}",
        report.estimated_seconds
    );
}

#[test]
fn a_configured_list_keeps_the_rules_of_options() {
    assert!(matches!(
        Neighbourhood::new("Velsen Zuid", "Velsen-Zuid"),
        Err(InvalidNeighbourhood::Id { .. })
    ));
    assert!(matches!(
        Neighbourhood::new("", "Leeg"),
        Err(InvalidNeighbourhood::Id { .. })
    ));
    assert!(matches!(
        Neighbourhood::new("noord", " "),
        Err(InvalidNeighbourhood::Name { .. })
    ));
    let noord = Neighbourhood::new("noord", "Noord").unwrap();
    assert_eq!(
        Neighbourhoods::new(vec![noord.clone(), noord.clone()]),
        Err(InvalidNeighbourhood::Duplicate { id: "noord".into() })
    );
    assert_eq!(
        Neighbourhoods::new(vec![noord.clone()]),
        Err(InvalidNeighbourhood::Count { count: 1 })
    );
    let eleven: Vec<Neighbourhood> = (0..11)
        .map(|i| Neighbourhood::new(&format!("w{i}"), "W").unwrap())
        .collect();
    assert_eq!(
        Neighbourhoods::new(eleven),
        Err(InvalidNeighbourhood::Count { count: 11 })
    );
    assert!(Neighbourhoods::new(Vec::new()).unwrap().is_empty());

    let read: Neighbourhoods = serde_json::from_str(
        r#"[{"id": "noord", "name": "Noord"}, {"id": "zuid", "name": "Zuid"}]"#,
    )
    .unwrap();
    assert_eq!(read.len(), 2);
    assert_eq!(
        serde_json::to_value(&read).unwrap(),
        serde_json::json!([{"id": "noord", "name": "Noord"}, {"id": "zuid", "name": "Zuid"}])
    );
    for bad in [
        r#"[{"id": "No ord", "name": "Noord"}, {"id": "zuid", "name": "Zuid"}]"#,
        r#"[{"id": "noord", "name": "Noord", "naam": "x"}, {"id": "zuid", "name": "Zuid"}]"#,
        r#"[{"id": "noord", "name": "Noord"}]"#,
    ] {
        assert!(
            serde_json::from_str::<Neighbourhoods>(bad).is_err(),
            "{bad}"
        );
    }
}
