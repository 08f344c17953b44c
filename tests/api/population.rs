//! Population margins (README.md, "Population margins"): `flits population import` and `list`, the store's
//! replace-in-one-transaction, the region rule, the demo's files, and the staff page and API
//! that show where the figures come from.

use std::process::Output;

use chrono::{NaiveDate, Utc};
use flits_reach::{Margin, Margins, Provenance};
use flits_store::{ImportedVia, PopulationImport, Store, StoreError};
use serde_json::Value;

use crate::helpers::*;
use crate::on_both_backends;
use crate::staff_access::{PASSWORD, login, staff_fixture};

const VELSEN: &str = "\
# Bevolking van Velsen
# source: CBS StatLine 03759ned
# reference_date: 2025-01-01
question,option,count
leeftijd,tot15,100
leeftijd,65plus,300
wijk,ijmuiden,250
wijk,driehuis,150
";

const VELSEN_ILLUSTRATIVE: &str = "\
# source: Geschat door de gemeente
# reference_date: 2024-01-01
# illustrative: true
question,option,count
leeftijd,tot15,7
leeftijd,65plus,3
";

/// The IJmond with its three municipalities, a target group in Velsen and a region-wide one.
async fn region(store: &Store) {
    store.upsert_region("ijmond", "IJmond").await.unwrap();
    store
        .upsert_audience("ijmond", "IJmond", None, None)
        .await
        .unwrap();
    for (id, name) in [
        ("beverwijk", "Beverwijk"),
        ("heemskerk", "Heemskerk"),
        ("velsen", "Velsen"),
    ] {
        store
            .upsert_organisation(id, "ijmond", &format!("Gemeente {name}"))
            .await
            .unwrap();
        store
            .upsert_audience(id, name, Some("ijmond"), Some(id))
            .await
            .unwrap();
    }
    store
        .upsert_audience(
            "jongeren-velsen",
            "Jongeren in Velsen",
            Some("velsen"),
            Some("velsen"),
        )
        .await
        .unwrap();
    store
        .upsert_audience(
            "jongeren-ijmond",
            "Jongeren in de IJmond",
            Some("ijmond"),
            None,
        )
        .await
        .unwrap();
}

/// A fresh database with the region in it, and a directory for files.
async fn setup(backend: Backend) -> (TestDb, Store, tempfile::TempDir) {
    let db = TestDb::new(backend).await;
    let store = Store::connect(&db.url).await.unwrap();
    store.migrate().await.unwrap();
    region(&store).await;
    (db, store, tempfile::tempdir().unwrap())
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn population(db: &TestDb, args: &[&str]) -> Output {
    flits_command()
        .env("FLITS_DATABASE_URL", &db.url)
        .arg("population")
        .args(args)
        .output()
        .unwrap()
}

fn import(db: &TestDb, file: &std::path::Path, audience: &str, lang: &str) -> Output {
    population(
        db,
        &[
            "import",
            file.to_str().unwrap(),
            "--audience",
            audience,
            "--lang",
            lang,
        ],
    )
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

async fn imports(store: &Store) -> usize {
    store
        .audit_entries(100)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.action == "population.imported")
        .count()
}

fn provenance(source: &str, illustrative: bool) -> Provenance {
    Provenance {
        source: source.into(),
        reference_date: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        illustrative,
    }
}

fn age_margins(source: &str, young: u64, old: u64) -> Margins {
    Margins::new(
        vec![provenance(source, false)],
        vec![
            Margin::new(
                "leeftijd",
                vec![("tot15".into(), young), ("65plus".into(), old)],
            )
            .unwrap(),
        ],
    )
    .unwrap()
}

async fn store_margins(store: &Store, audience: &str, margins: &Margins) {
    store
        .replace_population(PopulationImport {
            audience_id: audience,
            margins,
            actor: None,
            via: ImportedVia::Cli,
            at: Utc::now(),
        })
        .await
        .unwrap();
}

on_both_backends!(
    import_stores_the_margins_and_importing_again_replaces_them,
    |backend| async move {
        let (db, store, dir) = setup(backend).await;
        let file = write(&dir, "velsen.csv", VELSEN);
        let out = import(&db, &file, "velsen", "nl");
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
        assert!(
            stdout.contains("Bevolkingscijfers opgeslagen voor Velsen (velsen)."),
            "{stdout}"
        );
        assert!(stdout.contains("bron: CBS StatLine 03759ned"), "{stdout}");
        assert!(stdout.contains("peildatum: 2025-01-01"), "{stdout}");
        assert!(
            stdout.contains("leeftijd: 2 opties, totaal 400"),
            "{stdout}"
        );
        assert!(stdout.contains("wijk: 2 opties, totaal 400"), "{stdout}");
        assert!(
            !stdout.contains("ILLUSTRATIEF") && !stdout.contains("vervangen"),
            "{stdout}"
        );

        let stored = store.audience_margins("velsen").await.unwrap().unwrap();
        assert_eq!(stored, Margins::parse(VELSEN).unwrap());
        assert_eq!(
            stored.get("wijk").unwrap().options()[1],
            ("driehuis".to_owned(), 150),
            "options keep the file's order"
        );
        assert_eq!(store.audience_margins("beverwijk").await.unwrap(), None);
        let audit = store.audit_entries(10).await.unwrap();
        assert_eq!(audit[0].action, "population.imported");
        assert_eq!(audit[0].actor_email, Some(flits::operator::cli_actor()));
        assert_eq!(audit[0].details["audience"], "velsen");
        assert_eq!(audit[0].details["via"], "cli");
        assert_eq!(audit[0].details["illustrative"], false);

        // Again, with other figures and in English: the old ones are gone, wijk included.
        let other = write(&dir, "velsen-2.csv", VELSEN_ILLUSTRATIVE);
        let out = import(&db, &other, "velsen", "en");
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
        assert!(
            stdout.contains("Population figures stored for Velsen (velsen)."),
            "{stdout}"
        );
        assert!(
            stdout.contains(
                "They replace the figures with reference date 2025-01-01 from \"CBS StatLine 03759ned\"."
            ),
            "{stdout}"
        );
        assert!(
            stdout.contains("ILLUSTRATIVE: not official figures"),
            "{stdout}"
        );
        assert!(stdout.contains("leeftijd: 2 options, total 10"), "{stdout}");
        let stored = store.audience_margins("velsen").await.unwrap().unwrap();
        assert_eq!(stored, Margins::parse(VELSEN_ILLUSTRATIVE).unwrap());
        assert_eq!(stored.get("wijk"), None);
        assert!(stored.illustrative());
        let files = store.population_files().await.unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].imported_via, ImportedVia::Cli);
        assert_eq!(imports(&store).await, 2);

        let out = population(&db, &["list"]);
        let (stdout, _) = text(&out);
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout.contains("velsen (Velsen)"), "{stdout}");
        assert!(
            stdout.contains("bron: Geschat door de gemeente"),
            "{stdout}"
        );
        assert!(stdout.contains("via de opdrachtregel"), "{stdout}");
        assert!(stdout.contains("ILLUSTRATIEF"), "{stdout}");
    }
);

on_both_backends!(
    a_bad_file_names_each_line_and_keeps_the_margins_stored_before,
    |backend| async move {
        let (db, store, dir) = setup(backend).await;
        let good = write(&dir, "good.csv", VELSEN);
        assert_eq!(import(&db, &good, "velsen", "nl").status.code(), Some(0));
        let before = store.audience_margins("velsen").await.unwrap();

        let meta = "# source: CBS\n# reference_date: 2025-01-01\n";
        let cases: [(&str, String, &[&str]); 3] = [
            (
                "header.csv",
                format!("{meta}vraag,optie,aantal\nleeftijd,tot15,1\n"),
                &["regel 3: de kopregel moet question,option,count zijn"],
            ),
            (
                "negative.csv",
                format!("{meta}question,option,count\nleeftijd,tot15,10\nleeftijd,65plus,-4\n"),
                &["regel 5: \"-4\" is geen aantal inwoners"],
            ),
            (
                "duplicate.csv",
                format!(
                    "{meta}question,option,count\nleeftijd,tot15,10\nleeftijd,65plus,x\nleeftijd,tot15,12\n"
                ),
                &[
                    "regel 5: \"x\" is geen aantal inwoners",
                    "regel 6: leeftijd,tot15 staat al op regel 4.",
                ],
            ),
        ];
        for (name, body, lines) in cases {
            let file = write(&dir, name, &body);
            let out = import(&db, &file, "velsen", "nl");
            let (stdout, stderr) = text(&out);
            assert_eq!(out.status.code(), Some(1), "{name}: {stdout}\n{stderr}");
            for line in lines {
                assert!(
                    stderr.contains(&format!("{name}: {line}")),
                    "{name}: {line} missing in\n{stderr}"
                );
            }
            assert!(
                stderr.contains("is niet opgeslagen")
                    && stderr.contains("De cijfers die er al waren, blijven staan."),
                "{stderr}"
            );
            assert!(stdout.is_empty(), "{stdout}");
        }
        let out = import(
            &db,
            &write(&dir, "en.csv", "question,option\n"),
            "velsen",
            "en",
        );
        let (_, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr.contains("line 1: the header must be"), "{stderr}");
        assert!(stderr.contains("The file names no source"), "{stderr}");
        assert!(stderr.contains("4 errors above"), "{stderr}");

        // Unreadable: missing, or not text.
        let out = import(&db, &dir.path().join("missing.csv"), "velsen", "nl");
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out).1.contains("missing.csv"));
        let binary = dir.path().join("binary.csv");
        std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
        assert_eq!(import(&db, &binary, "velsen", "nl").status.code(), Some(2));

        assert_eq!(store.audience_margins("velsen").await.unwrap(), before);
        assert_eq!(imports(&store).await, 1);
    }
);

on_both_backends!(
    an_unknown_audience_is_named_and_nothing_is_stored,
    |backend| async move {
        let (db, store, dir) = setup(backend).await;
        let file = write(&dir, "velsen.csv", VELSEN);
        let out = import(&db, &file, "velzen", "nl");
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{stdout}\n{stderr}");
        assert!(
            stderr.contains("Doelgroep \"velzen\" bestaat niet; er is niets opgeslagen."),
            "{stderr}"
        );
        assert!(stderr.contains("velsen"), "the known audiences: {stderr}");
        assert!(store.population_files().await.unwrap().is_empty());
        assert_eq!(imports(&store).await, 0);

        // The store refuses it too, on its own.
        let err = store
            .replace_population(PopulationImport {
                audience_id: "velzen",
                margins: &Margins::parse(VELSEN).unwrap(),
                actor: None,
                via: ImportedVia::Cli,
                at: Utc::now(),
            })
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::NotFound(_)), "{err:?}");
        assert!(store.population_files().await.unwrap().is_empty());
    }
);

on_both_backends!(
    a_failure_part_way_through_an_import_rolls_it_back,
    |backend| async move {
        let (_db, store, _dir) = setup(backend).await;
        let first = age_margins("CBS", 10, 20);
        store_margins(&store, "velsen", &first).await;
        // The last count does not fit the column: the old rows were already deleted and the new
        // file row written when it fails.
        let too_large = Margins::new(
            vec![provenance("Te groot", true)],
            vec![
                Margin::new("wijk", vec![("ijmuiden".into(), 5)]).unwrap(),
                Margin::new("leeftijd", vec![("tot15".into(), u64::MAX)]).unwrap(),
            ],
        )
        .unwrap();
        let err = store
            .replace_population(PopulationImport {
                audience_id: "velsen",
                margins: &too_large,
                actor: None,
                via: ImportedVia::Cli,
                at: Utc::now(),
            })
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Unstorable(_)), "{err:?}");
        assert_eq!(
            store.audience_margins("velsen").await.unwrap(),
            Some(first.clone())
        );
        let files = store.population_files().await.unwrap();
        assert_eq!(files[0].provenance.source, "CBS");
        assert_eq!(imports(&store).await, 1);

        // A region's sum is not one file: it cannot be stored as an audience's own.
        let other = age_margins("Gemeente", 1, 1);
        let sum = Margins::sum([&first, &other]).unwrap();
        let err = store
            .replace_population(PopulationImport {
                audience_id: "beverwijk",
                margins: &sum,
                actor: None,
                via: ImportedVia::Cli,
                at: Utc::now(),
            })
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Unstorable(_)), "{err:?}");
        assert_eq!(store.audience_margins("beverwijk").await.unwrap(), None);
    }
);

on_both_backends!(
    a_region_sums_its_municipalities_only_when_every_one_has_margins,
    |backend| async move {
        let (_db, store, _dir) = setup(backend).await;
        store_margins(&store, "beverwijk", &age_margins("CBS", 10, 20)).await;
        store_margins(&store, "velsen", &age_margins("CBS", 30, 40)).await;
        let ijmond = vec!["ijmond".to_owned()];
        assert_eq!(store.population_for(&ijmond).await.unwrap(), None);
        assert!(store.summed_populations().await.unwrap().is_empty());

        store_margins(
            &store,
            "heemskerk",
            &age_margins("Gemeente Heemskerk", 5, 6),
        )
        .await;
        let region = store.population_for(&ijmond).await.unwrap().unwrap();
        assert_eq!(region.audiences, vec!["beverwijk", "heemskerk", "velsen"]);
        assert_eq!(
            region.margins.get("leeftijd").unwrap().options(),
            &[("tot15".to_owned(), 45), ("65plus".to_owned(), 66)]
        );
        assert_eq!(region.margins.provenance().len(), 2, "two distinct sources");
        let sums = store.summed_populations().await.unwrap();
        assert_eq!(sums.len(), 1);
        assert_eq!(sums[0].audience_id, "ijmond");

        // Several audiences: each counted once; one without a population leaves none.
        let both = vec!["velsen".to_owned(), "ijmond".to_owned()];
        assert_eq!(
            store.population_for(&both).await.unwrap().unwrap().margins,
            region.margins
        );
        let two = vec!["beverwijk".to_owned(), "velsen".to_owned()];
        let total = store.population_for(&two).await.unwrap().unwrap();
        assert_eq!(total.margins.get("leeftijd").unwrap().total(), 100);
        let lacking = vec!["velsen".to_owned(), "jongeren-ijmond".to_owned()];
        assert_eq!(store.population_for(&lacking).await.unwrap(), None);
        // A municipality is not its target groups' sum.
        store
            .upsert_audience("nieuw", "Nieuw", Some("ijmond"), Some("velsen"))
            .await
            .unwrap();
        assert_eq!(
            store.population_for(&ijmond).await.unwrap(),
            None,
            "Nieuw has none"
        );
    }
);

on_both_backends!(
    the_demo_loads_the_three_files_once_and_keeps_an_operators_import,
    |backend| async move {
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let files = app.store.population_files().await.unwrap();
        let ids: Vec<&str> = files.iter().map(|f| f.audience_id.as_str()).collect();
        assert_eq!(ids, ["beverwijk", "heemskerk", "velsen"]);
        for file in &files {
            assert!(file.provenance.illustrative, "{}", file.audience_id);
            assert!(
                file.provenance.source.contains("verzonnen"),
                "{}",
                file.provenance.source
            );
            assert_eq!(file.imported_via, ImportedVia::Demo);
            assert_eq!(file.margins.get("leeftijd").unwrap().options().len(), 5);
        }
        // The demo's open poll is for the whole IJmond: it has the sum of the three.
        let poll = app.store.poll_by_slug("demo").await.unwrap().unwrap();
        let population = app.store.poll_population(&poll).await.unwrap().unwrap();
        assert_eq!(population.audiences, ids);
        assert!(population.margins.illustrative());
        assert_eq!(
            population.margins.get("leeftijd").unwrap().total(),
            files
                .iter()
                .map(|f| f.margins.get("leeftijd").unwrap().total())
                .sum::<u64>()
        );
        assert_eq!(population.margins.get("wijk").unwrap().options().len(), 20);
        assert_eq!(imports(&app.store).await, 3);

        flits::demo::prepare(&app.store).await.unwrap();
        assert_eq!(imports(&app.store).await, 3, "nothing imported twice");
        let own = age_margins("CBS StatLine 03759ned", 1, 2);
        store_margins(&app.store, "velsen", &own).await;
        flits::demo::prepare(&app.store).await.unwrap();
        assert_eq!(
            app.store.audience_margins("velsen").await.unwrap(),
            Some(own)
        );
    }
);

on_both_backends!(
    staff_see_where_the_figures_come_from_and_which_are_illustrative,
    |backend| async move {
        let app = spawn_app(backend).await;
        let users = staff_fixture(&app).await;
        // Velsen gets official figures; Beverwijk and Heemskerk keep the demo's illustrative ones.
        store_margins(
            &app.store,
            "velsen",
            &age_margins("CBS StatLine 03759ned", 1, 2),
        )
        .await;

        let session = login(&app, "comms@velsen.example", PASSWORD).await;
        let page = |path: &'static str| {
            app.client
                .get(format!("{}{path}", app.address))
                .header("cookie", &session.cookie)
                .send()
        };
        let res = page("/staff/population").await.unwrap();
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        assert!(
            html.contains("href=\"/staff/population?lang=nl\""),
            "in the navigation"
        );
        assert!(
            html.contains("<h2 id=\"population-velsen\">Velsen"),
            "{html}"
        );
        assert!(html.contains("CBS StatLine 03759ned"));
        assert!(html.contains("01-01-2025") && html.contains("01-01-2024"));
        assert!(html.contains("verzonnen ter illustratie"));
        assert!(html.contains("door de demo") && html.contains("via de opdrachtregel"));
        assert_eq!(
            html.matches("<p class=\"illustrative\">").count(),
            2,
            "Beverwijk and Heemskerk, not Velsen: {html}"
        );
        assert!(html.contains("<strong>Illustratieve cijfers.</strong>"));
        assert!(html.contains("tot15 1, 65plus 2"), "{html}");
        // The region uses the sum, illustrative because two of its parts are.
        assert!(
            html.contains("optelsom van Beverwijk, Heemskerk, Velsen"),
            "{html}"
        );
        assert!(html.contains("class=\"illustrative-mark\""));
        let en = page("/staff/population?lang=en")
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            en.contains("<strong>Illustrative figures.</strong>"),
            "{en}"
        );
        assert!(en.contains("sum of Beverwijk, Heemskerk, Velsen"));

        let analyst = &users[0].2;
        let res = app
            .client
            .get(format!("{}/api/v1/admin/population", app.address))
            .bearer_auth(analyst)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let body: Value = res.json().await.unwrap();
        let files = body["files"].as_array().unwrap();
        assert_eq!(files.len(), 3);
        assert_eq!(files[0]["audience"], "beverwijk");
        assert_eq!(files[0]["illustrative"], true);
        assert_eq!(files[0]["imported_via"], "demo");
        assert_eq!(files[0]["reference_date"], "2024-01-01");
        assert_eq!(files[0]["imported_by"], Value::Null);
        assert!(files[0]["imported_at"].is_string());
        assert_eq!(files[0]["margins"][0]["question"], "leeftijd");
        assert_eq!(files[0]["margins"][0]["options"][0]["option"], "tot15");
        let velsen = &files[2];
        assert_eq!(velsen["illustrative"], false);
        assert_eq!(velsen["source"], "CBS StatLine 03759ned");
        assert_eq!(velsen["imported_via"], "cli");
        assert_eq!(velsen["margins"][0]["total"], 3);
        assert_eq!(body["sums"][0]["audience"], "ijmond");
        assert_eq!(
            body["sums"][0]["parts"],
            serde_json::json!(["beverwijk", "heemskerk", "velsen"])
        );
        assert_eq!(body["sums"][0]["illustrative"], true);
        assert_eq!(
            body["sums"][0]["questions"],
            serde_json::json!(["leeftijd"])
        );
    }
);
