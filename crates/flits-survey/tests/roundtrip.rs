//! Property tests: a definition the validator accepts survives JSON and YAML unchanged (so what staff
//! saved is what residents get, whichever format they edit in), and validates the same afterwards.

use std::collections::BTreeMap;

use flits_i18n::Locale;
use flits_survey::{
    Brief, PollDefinition, Question, QuestionKind, QuestionOption, ScaleLabels, Text,
    ValidationOptions, read_value, validate,
};
use proptest::option;
use proptest::prelude::*;

/// Texts that trip up naive YAML writers and readers.
const AWKWARD: &[&str] = &[
    "yes",
    "No",
    "null",
    "~",
    "true",
    "1.0",
    "0x1F",
    "1e3",
    "2027-03-01",
    "- item",
    "key: value",
    "#geen commentaar",
    " begint met spatie",
    "eindigt met spatie ",
    "twee\nregels",
    "tab\thier",
    "\"aanhalingstekens\"",
    "'enkel'",
    "{accolade}",
    "[blok]",
    "& anker",
    "* alias",
    "! tag",
    "| letterlijk",
    "> gevouwen",
    "% procent",
    "@ apenstaart",
    "`backtick`",
    "één € • ✓",
    "…",
    "Ja: nee",
    "a # b",
];

#[derive(Debug, Clone)]
enum Langs {
    /// Every text a plain (Dutch) string.
    Plain,
    /// Every text a map with exactly these languages.
    Map(Vec<&'static str>),
}

fn langs() -> impl Strategy<Value = Langs> {
    prop_oneof![
        Just(Langs::Plain),
        Just(Langs::Map(vec!["nl"])),
        Just(Langs::Map(vec!["en", "nl"])),
        Just(Langs::Map(vec!["en", "nl", "tr"])),
    ]
}

/// A non-blank text of at most `max` characters. Control characters (the line break and the tab
/// of [`AWKWARD`]) are taken out: one-line texts may not hold them, so a definition that follows
/// the rules has none.
fn content(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z][A-Za-z0-9éëïüöà€ .,:;!?'\"#&*@%{}|>-]{0,40}",
        1 => prop::sample::select(AWKWARD).prop_map(String::from),
    ]
    .prop_map(move |s| s.replace(['\n', '\t'], " ").chars().take(max).collect())
}

fn text(langs: &Langs, max: usize) -> BoxedStrategy<Text> {
    match langs {
        Langs::Plain => content(max).prop_map(Text::Plain).boxed(),
        Langs::Map(codes) => {
            let codes = codes.clone();
            prop::collection::vec(content(max), codes.len())
                .prop_map(move |values| {
                    Text::Translated(
                        codes
                            .iter()
                            .map(|c| c.to_string())
                            .zip(values)
                            .collect::<BTreeMap<_, _>>(),
                    )
                })
                .boxed()
        }
    }
}

fn kind() -> impl Strategy<Value = QuestionKind> {
    prop_oneof![
        Just(QuestionKind::SingleChoice),
        Just(QuestionKind::MultiChoice),
        Just(QuestionKind::Scale),
        Just(QuestionKind::OpenText),
    ]
}

/// A question that follows every rule of its kind (its id is set later).
fn question(langs: &Langs) -> impl Strategy<Value = Question> + use<> {
    let texts = (
        text(langs, 300),
        option::of(text(langs, 300)),
        prop::collection::vec(text(langs, 120), 2..=10),
    );
    let labels = (
        any::<bool>(),
        option::of(text(langs, 60)),
        option::of(text(langs, 60)),
    );
    let numbers = (
        option::of(1u32..=10),
        -5i64..=5,
        2i64..=11,
        option::of(1u32..=2000),
    );
    (kind(), any::<bool>(), texts, labels, numbers).prop_map(
        |(
            kind,
            required,
            (text, help, option_texts),
            (use_labels, label_min, label_max),
            (max_choices, min, steps, max_length),
        )| {
            let mut q = Question {
                id: String::new(),
                kind,
                text,
                required,
                profile: false,
                help,
                options: Vec::new(),
                max_choices: None,
                min: None,
                max: None,
                labels: None,
                max_length: None,
            };
            match kind {
                QuestionKind::SingleChoice | QuestionKind::MultiChoice => {
                    let n = option_texts.len();
                    q.options = option_texts
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| QuestionOption {
                            id: format!("o{i}"),
                            text,
                        })
                        .collect();
                    if kind == QuestionKind::MultiChoice {
                        q.max_choices = max_choices.map(|m| m.min(n as u32));
                    }
                }
                QuestionKind::Scale => {
                    q.min = Some(min);
                    q.max = Some(min + steps - 1);
                    if use_labels {
                        q.labels = Some(ScaleLabels {
                            min: label_min,
                            max: label_max,
                        });
                    }
                }
                QuestionKind::OpenText => q.max_length = max_length,
            }
            q
        },
    )
}

fn brief(langs: &Langs) -> impl Strategy<Value = Brief> + use<> {
    (
        option::of(content(200)),
        prop::collection::btree_set("[a-z][a-z-]{2,10}", 0..3),
        option::of(text(langs, 500)),
        option::of((2026i32..2030, 1u32..=366)),
    )
        .prop_map(|(purpose, audiences, feedback_promise, day)| Brief {
            purpose,
            audiences: audiences.into_iter().collect(),
            feedback_promise,
            follow_up_on: day.and_then(|(y, d)| chrono::NaiveDate::from_yo_opt(y, d)),
        })
}

/// The `languages` of a poll whose texts are in `langs`: absent, or those languages in some order
/// with Dutch among them.
fn declared(langs: &Langs) -> BoxedStrategy<Option<Vec<Locale>>> {
    let codes: Vec<Locale> = match langs {
        Langs::Plain => vec![Locale::Nl],
        Langs::Map(codes) => codes.iter().filter_map(|c| c.parse().ok()).collect(),
    };
    prop_oneof![Just(None), Just(codes).prop_shuffle().prop_map(Some),].boxed()
}

/// A definition that follows every rule (with a draft's options: the brief may be incomplete).
fn definition() -> impl Strategy<Value = PollDefinition> {
    langs().prop_flat_map(|langs| {
        (
            ("[a-z0-9][a-z0-9-]{2,40}", declared(&langs)),
            text(&langs, 120),
            option::of(text(&langs, 500)),
            option::of(brief(&langs)),
            prop::collection::vec(question(&langs), 1..=5),
            prop::collection::vec(question(&langs), 0..=2),
        )
            .prop_map(|((slug, languages), title, intro, brief, topic, profile)| {
                let mut questions = Vec::new();
                for (i, mut q) in topic.into_iter().enumerate() {
                    q.id = format!("q{i}");
                    questions.push(q);
                }
                for (i, mut q) in profile.into_iter().enumerate() {
                    q.id = format!("profiel_{i}");
                    q.profile = true;
                    questions.push(q);
                }
                PollDefinition {
                    slug,
                    title,
                    languages,
                    intro,
                    brief,
                    questions,
                }
            })
    })
}

/// A definition that may break a rule, so the property is also tried near the edges.
fn maybe_invalid() -> impl Strategy<Value = PollDefinition> {
    (
        definition(),
        any::<String>(),
        0usize..10,
        any::<i64>(),
        any::<u32>(),
    )
        .prop_map(|(mut def, s, which, n, m)| {
            let q = &mut def.questions[0];
            match which {
                0 => def.slug = s,
                1 => def.title = Text::Plain(s),
                2 => q.id = s,
                3 => q.min = Some(n),
                4 => q.max_length = Some(m),
                5 => q.options.clear(),
                6 => def.intro = Some(Text::Translated(BTreeMap::from([(s, "x".to_owned())]))),
                7 => q.text = Text::Plain(s),
                8 => q.max_choices = Some(m),
                _ => {}
            }
            def
        })
}

fn assert_round_trips(def: &PollDefinition) -> Result<(), TestCaseError> {
    let opts = ValidationOptions::default();
    let report = validate(def, &opts);
    if !report.valid {
        return Ok(());
    }
    let json = def.to_json();
    let from_json = PollDefinition::from_json_str(&json)
        .map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
    prop_assert_eq!(&from_json, def, "JSON: {}", json);
    let yaml = def.to_yaml();
    let from_yaml = PollDefinition::from_yaml_str(&yaml)
        .map_err(|e| TestCaseError::fail(format!("{e}\n{yaml}")))?;
    prop_assert_eq!(&from_yaml, def, "YAML: {}", yaml);
    prop_assert_eq!(validate(&from_json, &opts), report.clone());
    prop_assert_eq!(validate(&from_yaml, &opts), report);
    Ok(())
}

/// The lenient reader finds no problem in what was written, and reads it back exactly.
fn assert_reads_back(def: &PollDefinition) -> Result<(), TestCaseError> {
    let value = serde_json::to_value(def).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let reading = read_value(value);
    prop_assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    prop_assert_eq!(&reading.definition, def);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The generator follows every rule, so the validator must accept everything it makes.
    #[test]
    fn definitions_that_follow_the_rules_are_valid(def in definition()) {
        let report = validate(&def, &ValidationOptions::default());
        prop_assert!(report.valid, "{:?}\n{}", report.errors, def.to_yaml());
    }

    #[test]
    fn valid_definitions_round_trip_through_json_and_yaml(def in definition()) {
        assert_round_trips(&def)?;
    }

    #[test]
    fn accepted_edge_cases_round_trip_too(def in maybe_invalid()) {
        assert_round_trips(&def)?;
    }

    /// Valid or not, whatever serialises reads back without a reading problem: the reader and the
    /// writer agree on every field.
    #[test]
    fn everything_written_reads_back(def in maybe_invalid()) {
        assert_reads_back(&def)?;
    }
}
