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
