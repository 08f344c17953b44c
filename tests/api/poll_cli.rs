//! `flits poll validate` and `flits poll import`, as staff run them.

use crate::helpers::flits_command;

const VALID: &str = r#"
slug: fietsparkeren-station
title: {nl: "Fietsparkeren bij het station", en: "Bike parking at the station"}
intro: {nl: "Drie korte vragen. Het kost u 1 minuut.", en: "Three short questions. It takes 1 minute."}
brief:
  purpose: "Weten of er meer fietsenrekken nodig zijn bij station Beverwijk"
  audiences: [beverwijk]
  feedback_promise: {nl: "Op 1 maart leest u hier wat we met uw antwoorden doen.", en: "On 1 March you can read here what we do with your answers."}
questions:
  - {id: q1, kind: single_choice, required: true, text: {nl: "Hoe komt u meestal naar het station?", en: "How do you usually get to the station?"},
     options: [{id: fiets, text: {nl: "Met de fiets", en: "By bike"}}, {id: bus, text: {nl: "Met de bus", en: "By bus"}}]}
"#;

const BROKEN: &str = r#"
slug: "Fiets Parkeren!"
title: {nl: "Fietsparkeren", en: "Bike parking"}
questions:
  - {id: q1, kind: single_choice, text: {nl: "Hoe?", en: "How?"}, options: [{id: a, text: {nl: "A", en: "A"}}]}
  - {id: q1, kind: scale, min: 5, max: 1, text: {nl: "Inzake de herinrichting?"}}
"#;

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn validate_prints_every_problem_with_its_location_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "broken.yaml", BROKEN);
    let out = flits_command()
        .args(["poll", "validate"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    for location in [
        "slug:",
        "questions[0].options:",
        "questions[1].id:",
        "questions[1]",
        "questions[1].text.en:",
    ] {
        assert!(text.contains(location), "missing {location} in\n{text}");
    }

    let out = flits_command()
        .args(["poll", "validate", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["valid"], false);
    let errors = report["errors"].as_array().unwrap();
    assert!(errors.len() >= 4, "{errors:?}");
    assert!(
        errors.iter().all(|e| e["location"].is_string()
            && e["code"].is_string()
            && e["message"].is_string())
    );
    assert!(report["hints"].is_array() && report["readability"].is_object());
    assert!(report["estimated_seconds"].is_number());
}

#[test]
fn validate_accepts_a_good_file_and_refuses_an_unreadable_one() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(&dir, "good.yaml", VALID);
    let out = flits_command()
        .args(["poll", "validate"])
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let garbage = write(&dir, "garbage.json", "{\"slug\": ");
    let out = flits_command()
        .args(["poll", "validate"])
        .arg(&garbage)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let missing = dir.path().join("missing.yaml");
    let out = flits_command()
        .args(["poll", "validate"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.yaml"));

    // A file that is YAML but not the shape of a poll is invalid (1), with the location.
    let shape = write(
        &dir,
        "shape.yaml",
        "slug: abc\ntitle: T\nquestions:\n  - {id: q1, kind: slider, text: x}\n",
    );
    let out = flits_command()
        .args(["poll", "validate"])
        .arg(&shape)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("questions[0].kind"));
}

#[test]
fn import_stores_a_draft_once_and_prints_its_slug() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("flits.db").display());
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = flits_store::Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        flits::demo::prepare(&store).await.unwrap();
        store.close().await.unwrap();
    });
    let good = write(&dir, "good.yaml", VALID);
    let out = flits_command()
        .args(["poll", "import", "--org", "beverwijk"])
        .arg(&good)
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "fietsparkeren-station"
    );

    let again = flits_command()
        .args(["poll", "import", "--org", "beverwijk"])
        .arg(&good)
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    let broken = write(&dir, "broken.yaml", BROKEN);
    let out = flits_command()
        .args(["poll", "import", "--org", "beverwijk"])
        .arg(&broken)
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));

    rt.block_on(async {
        let store = flits_store::Store::connect(&url).await.unwrap();
        let poll = store
            .poll_by_slug("fietsparkeren-station")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(poll.state, flits_survey::PollState::Draft);
        assert_eq!(poll.organisation_id, "beverwijk");
        assert_eq!(store.count_polls().await.unwrap(), 3);
    });
}

/// A question of unknown kind, an unknown field and a wrong type, beside ordinary rule breaks.
const UNKNOWN_KIND: &str = r#"
slug: "Fiets Parkeren"
title: {nl: "Fietsparkeren", en: "Bike parking"}
colour: red
languages: [nl, en, de]
questions:
  - {id: q1, kind: slider, text: {nl: "Hoe?", en: "How?"}}
  - {id: q1, kind: scale, min: 5, max: 1, required: "ja", text: {nl: "Hoe tevreden?"}}
"#;

#[test]
fn an_unknown_kind_hides_no_other_problem() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "unknown.yaml", UNKNOWN_KIND);
    let out = flits_command()
        .args(["poll", "validate", "--format", "json", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<(String, String, String)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["location"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
                e["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for (location, code) in [
        ("colour", "field_unknown"),
        ("languages[2]", "language_unsupported"),
        ("questions[0].kind", "kind_unknown"),
        ("questions[1].required", "field_type"),
        ("slug", "slug_characters"),
        ("questions[1].id", "id_duplicate"),
        ("questions[1].min", "scale_bounds_reversed"),
        ("questions[1].text.en", "translation_missing"),
    ] {
        assert!(
            errors.iter().any(|(l, c, _)| l == location && c == code),
            "{location} {code} missing in {errors:#?}"
        );
    }
    let kind = errors.iter().find(|(_, c, _)| c == "kind_unknown").unwrap();
    assert!(
        kind.2.starts_with("\"slider\" is not a kind of question."),
        "{}",
        kind.2
    );

    // The text report says the same, in Dutch by default.
    let out = flits_command()
        .args(["poll", "validate"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("questions[0].kind: fout [kind_unknown] \"slider\" is geen soort vraag."),
        "{text}"
    );
    assert!(
        text.contains("questions[1].min: fout [scale_bounds_reversed]"),
        "{text}"
    );
    assert!(text.contains("ongeldig: "), "{text}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is geen geldige peiling"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_unreadable_file_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "broken.yaml",
        "slug: abc\ntitle: [unclosed\nquestions: []\n",
    );
    let out = flits_command()
        .args(["poll", "validate", "--format", "json", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"][0]["code"], "unreadable");
    let message = report["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("This is not valid YAML: look at line"),
        "{message}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("broken.yaml"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let good = write(&dir, "good.yaml", VALID);
    let out = flits_command()
        .args(["poll", "validate", "--lang", "tr"])
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "staff texts are in nl or en");
    assert!(String::from_utf8_lossy(&out.stderr).contains("use nl or en"));
}

/// A configuration that declares the IJmond region, Beverwijk and its audience.
const CONFIGURED: &str = r#"
[[regions]]
id = "ijmond"
name = "IJmond"

[[organisations]]
id = "beverwijk"
name = "Gemeente Beverwijk"
region = "ijmond"

[[audiences]]
id = "ijmond"
name = "IJmond"

[[audiences]]
id = "beverwijk"
name = "Beverwijk"
parent = "ijmond"
organisation = "beverwijk"
"#;

#[test]
fn import_on_a_fresh_database_knows_the_configured_audiences() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("fresh.db").display());
    let config = write(&dir, "flits.toml", CONFIGURED);
    let good = write(&dir, "good.yaml", VALID);

    // Without the configuration the audience is unknown: nothing declares it.
    let out = flits_command()
        .args(["poll", "import"])
        .arg(&good)
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("[audience_unknown]") && stderr.contains("Er zijn nog geen doelgroepen."),
        "{stderr}"
    );

    // With it, the first command on the database writes what the configuration declares.
    let out = flits_command()
        .args(["poll", "import"])
        .arg(&good)
        .arg("--config")
        .arg(&config)
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "fietsparkeren-station"
    );

    // The same for accounts: the configured organisation exists for `user add` on a fresh database.
    let other = format!("sqlite:{}", dir.path().join("other.db").display());
    let out = flits_command()
        .args([
            "user",
            "add",
            "comms@beverwijk.nl",
            "--role",
            "comms",
            "--org",
            "beverwijk",
        ])
        .arg("--config")
        .arg(&config)
        .env("FLITS_DATABASE_URL", &other)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = flits_store::Store::connect(&url).await.unwrap();
        let poll = store
            .poll_by_slug("fietsparkeren-station")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(poll.organisation_id, "beverwijk");
        assert_eq!(
            poll.definition.brief.unwrap().audiences,
            vec!["beverwijk".to_owned()]
        );
    });
}
