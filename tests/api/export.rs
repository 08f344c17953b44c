//! `flits export`: the anonymised CSV read by Python's csv module, the SPSS syntax run by GNU PSPP
//! over that CSV, the JSON with its codebook; k-anonymity and scrubbing hold in what is written,
//! and every export is audit-logged.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use chrono::Utc;
use flits_store::{NewPoll, Store};
use flits_survey::{PollDefinition, PollState};

use crate::helpers::*;
use crate::on_both_backends;
use crate::skip;

const DEFINITION: &str = r#"
slug: groen-plein
title: {nl: "Een groener plein", en: "A greener square"}
questions:
  - {id: bomen, kind: single_choice, text: {nl: "Wilt u meer bomen?", en: "More trees?"},
     options: [{id: ja, text: {nl: "Ja, graag"}}, {id: nee, text: {nl: "Nee"}}]}
  - {id: gebruik, kind: multi_choice, text: {nl: "Wat doet u op het plein?"},
     options: [{id: zitten, text: {nl: "Zitten"}}, {id: spelen, text: {nl: "Spelen"}}, {id: markt, text: {nl: "Markt"}}]}
  - {id: idee, kind: open_text, text: {nl: "Heeft u een idee?"}}
  - {id: leeftijd, kind: single_choice, profile: true, text: {nl: "Hoe oud bent u?"},
     options: [{id: jong, text: {nl: "Jonger dan 35"}}, {id: midden, text: {nl: "35 tot 65"}}, {id: oud, text: {nl: "65 of ouder"}}]}
  - {id: wijk, kind: single_choice, profile: true, text: {nl: "In welke wijk woont u?"},
     options: [{id: noord, text: {nl: "Noord"}}, {id: zuid, text: {nl: "Zuid"}}]}
"#;

/// A closed poll with 33 responses: 30 in common groups, and three people who stand out (the only
/// one of 65+ in Zuid, the only one answering in Arabic, and one with an e-mail address in the
/// idea).
async fn seeded(store: &Store) -> uuid::Uuid {
    store.upsert_region("ijmond", "IJmond").await.unwrap();
    store
        .upsert_organisation("velsen", "ijmond", "Gemeente Velsen")
        .await
        .unwrap();
    let poll = store
        .insert_poll(NewPoll {
            organisation_id: "velsen".into(),
            state: PollState::Closed,
            definition: PollDefinition::from_yaml_str(DEFINITION).unwrap(),
            opens_at: Some(Utc::now() - chrono::TimeDelta::days(7)),
            closes_at: Some(Utc::now() - chrono::TimeDelta::days(1)),
            channels: vec![],
        })
        .await
        .unwrap();
    let mut answers = Vec::new();
    for i in 0..30 {
        let age = ["jong", "midden"][i % 2];
        let wijk = ["noord", "zuid"][(i / 2) % 2];
        answers.push((
            serde_json::json!({"bomen": "ja", "gebruik": ["zitten", "markt"], "leeftijd": age, "wijk": wijk}),
            "nl",
        ));
    }
    answers.push((
        serde_json::json!({"bomen": "nee", "leeftijd": "oud", "wijk": "zuid"}),
        "nl",
    ));
    answers.push((
        serde_json::json!({"bomen": "ja", "leeftijd": "jong", "wijk": "noord"}),
        "ar",
    ));
    answers.push((
        serde_json::json!({"bomen": "ja", "idee": "Bankjes! Mail me op piet@example.nl of bel 06-12345678",
                           "leeftijd": "jong", "wijk": "noord"}),
        "nl",
    ));
    for (answers, lang) in answers {
        store_response(store, poll.id, Some("mastodon-velsen"), lang, answers).await;
    }
    poll.id
}

fn export(db: &TestDb, args: &[&str]) -> std::process::Output {
    flits_command()
        .arg("export")
        .args(args)
        .env("FLITS_DATABASE_URL", &db.url)
        .env("FLITS_K_ANONYMITY", "5")
        .output()
        .unwrap()
}

/// The CSV as Python's csv module reads it: the header and the rows.
fn python_csv(path: &Path) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let script = "import csv, json, sys\nrows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))\nprint(json.dumps(rows))";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut rows: Vec<Vec<String>> = serde_json::from_slice(&out.stdout).unwrap();
    let header = rows.remove(0);
    Some((header, rows))
}

on_both_backends!(
    the_csv_is_anonymous_and_reads_in_python,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let store = Store::connect(&db.url).await.unwrap();
        store.migrate().await.unwrap();
        seeded(&store).await;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("groen-plein.csv");
        let out = export(
            &db,
            &[
                "groen-plein",
                "--format",
                "csv",
                "--out",
                file.to_str().unwrap(),
                "--lang",
                "en",
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(stderr.contains("Exported 33 responses"), "{stderr}");
        assert!(
            !stderr.contains("Provisional"),
            "a closed poll is final: {stderr}"
        );
        let raw = std::fs::read(&file).unwrap();
        assert!(
            raw.windows(2).any(|w| w == b"\r\n"),
            "RFC 4180 rows end in CRLF"
        );

        let Some((header, rows)) = python_csv(&file) else {
            return skip::skipped(
                "the_csv_is_anonymous_and_reads_in_python",
                "python3 is missing",
            );
        };
        assert_eq!(
            header,
            [
                "response_id",
                "submitted_on",
                "channel",
                "lang",
                "bomen",
                "gebruik.zitten",
                "gebruik.spelen",
                "gebruik.markt",
                "idee",
                "leeftijd",
                "wijk"
            ]
        );
        assert_eq!(rows.len(), 33);
        let column = |name: &str| header.iter().position(|h| h == name).unwrap();
        // Every combination of profile values and language appears at least k = 5 times, rows
        // with every profile value suppressed aside.
        let mut groups: HashMap<(String, String, String), usize> = HashMap::new();
        for row in &rows {
            let key = (
                row[column("leeftijd")].clone(),
                row[column("wijk")].clone(),
                row[column("lang")].clone(),
            );
            if key.0 != "*" || key.1 != "*" {
                *groups.entry(key).or_default() += 1;
            }
        }
        assert!(groups.values().all(|&n| n >= 5), "{groups:?}");
        // The three who stood out lost what singled them out, and nobody else lost anything.
        let starred = rows
            .iter()
            .filter(|r| r[column("leeftijd")] == "*" || r[column("wijk")] == "*")
            .count();
        assert!((2..=3).contains(&starred), "{starred} rows suppressed");
        // Open text is scrubbed; dates only; fresh ids.
        let idea = rows.iter().find(|r| !r[column("idee")].is_empty()).unwrap();
        assert_eq!(
            idea[column("idee")],
            "Bankjes! Mail me op [email] of bel [phone]"
        );
        assert!(rows.iter().all(|r| r[column("submitted_on")].len() == 10));
        let ids: std::collections::HashSet<&String> = rows.iter().map(|r| &r[0]).collect();
        assert_eq!(ids.len(), 33);
        let multi = rows
            .iter()
            .find(|r| r[column("gebruik.zitten")] == "1")
            .unwrap();
        assert_eq!(multi[column("gebruik.spelen")], "0");
        let unanswered = rows.iter().find(|r| r[column("bomen")] == "nee").unwrap();
        assert_eq!(
            unanswered[column("gebruik.zitten")],
            "",
            "not answered is empty"
        );

        // A second export orders the rows the same way but gives them new ids.
        let again = dir.path().join("again.csv");
        assert!(
            export(&db, &["groen-plein", "--out", again.to_str().unwrap()])
                .status
                .success()
        );
        let (_, second) = python_csv(&again).unwrap();
        assert!(second.iter().all(|r| !ids.contains(&r[0])));

        let audit = store.audit_entries(10).await.unwrap();
        let exports: Vec<_> = audit
            .iter()
            .filter(|a| a.action == "poll.exported")
            .collect();
        assert_eq!(exports.len(), 2);
        assert_eq!(exports[0].details["rows"], 33);
        assert_eq!(exports[0].details["format"], "csv");
        assert_eq!(exports[0].details["weighted"], false);
    }
);

#[tokio::test]
async fn pspp_reads_the_csv_with_the_syntax_and_its_labels() {
    let Some(pspp) = which("pspp") else {
        return skip::skipped(
            "pspp_reads_the_csv_with_the_syntax_and_its_labels",
            "pspp is not installed",
        );
    };
    let db = TestDb::new(Backend::Sqlite).await;
    let store = Store::connect(&db.url).await.unwrap();
    store.migrate().await.unwrap();
    seeded(&store).await;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("groen-plein.csv");
    let sps = dir.path().join("groen-plein.sps");
    assert!(
        export(&db, &["groen-plein", "--out", csv.to_str().unwrap()])
            .status
            .success()
    );
    let out = export(
        &db,
        &[
            "groen-plein",
            "--format",
            "sps",
            "--out",
            sps.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Read it as an analyst would, then write what PSPP understood back out.
    std::fs::write(
        dir.path().join("check.sps"),
        "INCLUDE FILE='groen-plein.sps'.\nDISPLAY DICTIONARY.\nSAVE TRANSLATE /OUTFILE='read.csv' /TYPE=CSV /FIELDNAMES /REPLACE.\n",
    )
    .unwrap();
    let run = Command::new(pspp)
        .current_dir(dir.path())
        .args(["-o", "report.csv", "check.sps"])
        .output()
        .unwrap();
    let report = std::fs::read_to_string(dir.path().join("report.csv")).unwrap_or_default();
    assert!(
        run.status.success() && !report.contains("Error"),
        "{report}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(report.contains("Wilt u meer bomen?"), "{report}");
    assert!(report.contains("Ja, graag"), "{report}");
    assert!(
        report.contains("Wat doet u op het plein?: Zitten"),
        "{report}"
    );
    let (header, rows) = python_csv(&dir.path().join("read.csv")).unwrap();
    assert_eq!(header.len(), 11, "{header:?}");
    assert_eq!(rows.len(), 33);
}

#[tokio::test]
async fn json_carries_the_codebook_and_bad_requests_exit_2() {
    let db = TestDb::new(Backend::Sqlite).await;
    let store = Store::connect(&db.url).await.unwrap();
    store.migrate().await.unwrap();
    seeded(&store).await;
    let out = export(&db, &["groen-plein", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["poll"], "groen-plein");
    assert_eq!(doc["provisional"], false);
    assert_eq!(doc["codebook"]["questions"][0]["id"], "bomen");
    assert_eq!(doc["responses"].as_array().unwrap().len(), 33);
    assert!(
        doc["responses"][0]["gebruik.zitten"].is_string()
            || doc["responses"][0]["gebruik.zitten"].is_null()
    );

    let unknown = export(&db, &["geen-peiling"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("geen-peiling"));
    let format = export(&db, &["groen-plein", "--format", "pdf"]);
    assert_eq!(format.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&format.stderr).contains("pdf"));
}

#[tokio::test]
async fn openpyxl_reads_the_workbook_with_its_codebook() {
    let db = TestDb::new(Backend::Sqlite).await;
    let store = Store::connect(&db.url).await.unwrap();
    store.migrate().await.unwrap();
    seeded(&store).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("groen-plein.xlsx");
    let out = export(
        &db,
        &[
            "groen-plein",
            "--format",
            "xlsx",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let script = "import json, sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1], read_only=True)\ndata = [list(r) for r in wb['data'].iter_rows(values_only=True)]\ncodebook = [list(r) for r in wb['codebook'].iter_rows(values_only=True)]\nprint(json.dumps({'sheets': wb.sheetnames, 'data': data, 'codebook': codebook}))";
    let read = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .output()
        .unwrap();
    if !read.status.success()
        && String::from_utf8_lossy(&read.stderr).contains("No module named 'openpyxl'")
    {
        return skip::skipped(
            "openpyxl_reads_the_workbook_with_its_codebook",
            "openpyxl is not installed",
        );
    }
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(doc["sheets"], serde_json::json!(["data", "codebook"]));
    let data = doc["data"].as_array().unwrap();
    assert_eq!(data.len(), 34, "a header and 33 rows");
    assert_eq!(data[0][0], "response_id");
    assert_eq!(data[0][5], "gebruik.zitten");
    // Option columns are numbers, not text.
    assert!(data[1..].iter().any(|r| r[5] == serde_json::json!(1)));
    let codebook = doc["codebook"].as_array().unwrap();
    assert!(
        codebook
            .iter()
            .any(|r| r[0] == "bomen" && r[5] == "ja" && r[6] == "Ja, graag")
    );
}

fn which(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(program))
            .find(|p| p.is_file())
    })
}

on_both_backends!(
    analysts_download_the_export_and_results_over_the_api,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = crate::staff_access::staff_fixture(&app).await;
        let analyst = &users[0].2;
        let comms = &users[1].2;
        // The demo's open poll, with a few responses: provisional, and under k no numbers.
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        for _ in 0..3 {
            store_response(&app.store, poll.id, None, "nl", serde_json::json!({})).await;
        }
        let get = |path: String, token: &str| {
            app.client
                .get(format!("{}{path}", app.address))
                .bearer_auth(token)
                .send()
        };
        let res = get("/api/v1/admin/polls/demo/export?format=csv".into(), analyst)
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["x-flits-provisional"], "true");
        assert!(
            res.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("demo.csv")
        );
        let body = res.text().await.unwrap();
        assert_eq!(body.lines().count(), 4, "{body}");
        assert!(body.starts_with("response_id,submitted_on,channel,lang"));

        let res = get("/api/v1/admin/polls/demo/export?format=pdf".into(), analyst)
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let error: serde_json::Value = res.json().await.unwrap();
        assert_eq!(error["error"]["code"], "invalid_format");

        let res = get("/api/v1/admin/polls/demo/results".into(), analyst)
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let results: serde_json::Value = res.json().await.unwrap();
        assert_eq!(results["provisional"], true);
        assert_eq!(results["results"]["withheld"], true);
        assert_eq!(results["results"]["responses"], "<10");
        assert!(
            results["results"]["questions"]
                .as_array()
                .unwrap()
                .is_empty()
        );

        // Comms staff do not download answers.
        let res = get("/api/v1/admin/polls/demo/export".into(), comms)
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        let audit = app.store.audit_entries(20).await.unwrap();
        let export = audit.iter().find(|a| a.action == "poll.exported").unwrap();
        assert_eq!(
            export.actor_email.as_deref(),
            Some("analyst@velsen.example")
        );
    }
);

on_both_backends!(
    an_export_longer_than_a_page_has_every_row_once_in_a_new_order,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let store = Store::connect(&db.url).await.unwrap();
        store.migrate().await.unwrap();
        let poll = seeded(&store).await;
        let seeded_rows = 33;
        // Past one SQLite page of the reader, with a number in each open answer to tell rows
        // apart (a house number, which the scrubbing keeps).
        let extra = flits_store::SQLITE_PAGE as usize + 7;
        for i in 0..extra {
            let answers = serde_json::json!({"bomen": "ja", "idee": format!("Bank {i}"),
                                             "leeftijd": "jong", "wijk": "noord"});
            store_response(&store, poll, None, "nl", answers).await;
        }
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("lang.csv");
        let out = export(
            &db,
            &[
                "groen-plein",
                "--format",
                "csv",
                "--out",
                file.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut reader = csv::Reader::from_path(&file).unwrap();
        let header = reader.headers().unwrap().clone();
        let idee = header.iter().position(|h| h == "idee").unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), seeded_rows + extra);
        let ids: std::collections::HashSet<&str> = rows.iter().map(|r| &r[0]).collect();
        assert_eq!(ids.len(), rows.len(), "every response id is new and once");
        let numbers: Vec<usize> = rows
            .iter()
            .filter_map(|r| r[idee].strip_prefix("Bank ")?.parse().ok())
            .collect();
        let mut sorted = numbers.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            (0..extra).collect::<Vec<_>>(),
            "each stored row once"
        );
        assert_ne!(numbers, sorted, "rows come out in the order they went in");
    }
);

on_both_backends!(
    with_population_margins_the_export_is_weighted_from_what_it_shows,
    |backend| async move {
        let db = TestDb::new(backend).await;
        let store = Store::connect(&db.url).await.unwrap();
        store.migrate().await.unwrap();
        let poll = seeded(&store).await;
        // The poll is for Velsen, whose population is half young, a quarter each middle and old.
        store
            .upsert_audience("ijmond", "IJmond", None, None)
            .await
            .unwrap();
        store
            .upsert_audience("velsen", "Velsen", Some("ijmond"), Some("velsen"))
            .await
            .unwrap();
        let mut definition = PollDefinition::from_yaml_str(DEFINITION).unwrap();
        definition.brief = Some(flits_survey::Brief {
            purpose: Some("Weten".into()),
            audiences: vec!["velsen".into()],
            feedback_promise: None,
            follow_up_on: None,
        });
        store.replace_definition(poll, &definition).await.unwrap();
        let margins = flits_reach::Margins::parse(
            "# source: test\n# reference_date: 2025-01-01\nquestion,option,count\n\
             leeftijd,jong,5000\nleeftijd,midden,2500\nleeftijd,oud,2500\n",
        )
        .unwrap();
        store
            .replace_population(flits_store::PopulationImport {
                audience_id: "velsen",
                margins: &margins,
                actor: None,
                via: flits_store::ImportedVia::Cli,
                at: Utc::now(),
            })
            .await
            .unwrap();

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("gewogen.csv");
        let out = export(
            &db,
            &[
                "groen-plein",
                "--format",
                "csv",
                "--out",
                file.to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut reader = csv::Reader::from_path(&file).unwrap();
        let header = reader.headers().unwrap().clone();
        assert_eq!(
            header.iter().next_back(),
            Some("weight"),
            "the weight comes last"
        );
        let age = header.iter().position(|h| h == "leeftijd").unwrap();
        let wijk = header.iter().position(|h| h == "wijk").unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let weight = |r: &csv::StringRecord| -> f64 { r[r.len() - 1].parse().unwrap() };
        let mean = rows.iter().map(weight).sum::<f64>() / rows.len() as f64;
        assert!((mean - 1.0).abs() < 1e-5, "weights average 1: {mean}");
        // A weight follows from what the row shows: the same shown age, the same weight,
        // whatever the row hides.
        let mut by_shown: HashMap<String, f64> = HashMap::new();
        for r in &rows {
            let seen = by_shown.entry(r[age].to_owned()).or_insert(weight(r));
            assert!((*seen - weight(r)).abs() < 1e-9, "{r:?}");
        }
        assert!(
            rows.iter().any(|r| &r[age] == "*" || &r[wijk] == "*"),
            "something is hidden"
        );
        // Weighted, the shown ages match the population's shares.
        let shown: Vec<&csv::StringRecord> = rows
            .iter()
            .filter(|r| !r[age].is_empty() && &r[age] != "*")
            .collect();
        let total: f64 = shown.iter().map(|r| weight(r)).sum();
        let young: f64 = shown
            .iter()
            .filter(|r| &r[age] == "jong")
            .map(|r| weight(r))
            .sum();
        // A group nobody in the export belongs to cannot be weighted up: its residents are
        // spread over the groups that are there.
        let population: HashMap<&str, f64> =
            HashMap::from([("jong", 5000.0), ("midden", 2500.0), ("oud", 2500.0)]);
        let present: std::collections::HashSet<&str> = shown.iter().map(|r| &r[age]).collect();
        let expected = 5000.0 / present.iter().map(|o| population[o]).sum::<f64>();
        assert!(
            (young / total - expected).abs() < 1e-4,
            "{} against {expected}",
            young / total
        );

        let audit = store.audit_entries(10).await.unwrap();
        let logged = audit.iter().find(|a| a.action == "poll.exported").unwrap();
        assert_eq!(logged.details["weighted"], true);

        // The JSON export says how the weights were made.
        let out = export(&db, &["groen-plein", "--format", "json", "--lang", "en"]);
        assert!(out.status.success());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let note = json["weight"].as_str().unwrap();
        assert!(
            note.contains("leeftijd") && note.contains("Raking"),
            "{note}"
        );
    }
);
