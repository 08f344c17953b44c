//! Configuration precedence (default < file < environment) and clear errors, through the binary.

use crate::helpers::flits_command;

fn effective(cmd: &mut std::process::Command) -> serde_json::Value {
    let out = cmd.arg("config").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn write_config(dir: &tempfile::TempDir, text: &str) -> std::path::PathBuf {
    let path = dir.path().join("flits.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn defaults_then_file_then_environment() {
    let dir = tempfile::tempdir().unwrap();
    let defaults = effective(&mut flits_command());
    assert_eq!(defaults["bind"], "127.0.0.1:8080");
    assert_eq!(defaults["database_url"], "sqlite:data/flits.db");
    assert_eq!(defaults["spacing"]["min_gap_days"], 21);
    assert_eq!(defaults["rate_limits"], "on");
    assert_eq!(defaults["runner"]["post_lease_seconds"], 300);

    let file = write_config(
        &dir,
        "bind = \"127.0.0.1:9000\"\nmax_questions = 4\n[spacing]\nmin_gap_days = 28\nmax_polls = 6\nwindow_days = 365\n",
    );
    let from_file = effective(flits_command().arg("--config").arg(&file));
    assert_eq!(from_file["bind"], "127.0.0.1:9000");
    assert_eq!(from_file["max_questions"], 4);
    assert_eq!(from_file["spacing"]["min_gap_days"], 28);
    assert_eq!(
        from_file["database_url"], "sqlite:data/flits.db",
        "untouched settings keep their default"
    );

    // FLITS_CONFIG names the file too; the environment beats the file.
    let from_env = effective(
        flits_command()
            .env("FLITS_CONFIG", &file)
            .env("FLITS_BIND", "127.0.0.1:9100")
            .env("FLITS_SPACING__MIN_GAP_DAYS", "35")
            .env("FLITS_RATE_LIMITS", "off")
            // Test-harness variables are not settings and must not stop start-up.
            .env("FLITS_TEST_SOMETHING", "x"),
    );
    assert_eq!(from_env["bind"], "127.0.0.1:9100");
    assert_eq!(from_env["spacing"]["min_gap_days"], 35);
    assert_eq!(
        from_env["max_questions"], 4,
        "the file still applies where the environment is silent"
    );
    assert_eq!(from_env["rate_limits"], "off");
}

#[test]
fn secrets_never_print() {
    let out = flits_command()
        .env("FLITS_SIGNING_KEY", "very-secret-signing-key")
        .arg("config")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("very-secret"));
}

#[test]
fn a_bad_value_names_the_setting_and_its_source() {
    let out = flits_command()
        .env("FLITS_SPACING__MIN_GAP_DAYS", "three weeks")
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("spacing.min_gap_days"), "{err}");
    assert!(err.contains("FLITS_SPACING__MIN_GAP_DAYS"), "{err}");

    let out = flits_command()
        .env("FLITS_BIND", "localhost")
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bind"));

    let out = flits_command()
        .env("FLITS_PUBLIC_URL", "peiling.example.nl")
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("public_url") && err.contains("absolute"),
        "{err}"
    );

    let out = flits_command()
        .env("FLITS_RUNNER__POST_LEASE_SECONDS", "0")
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("runner.post_lease_seconds"), "{err}");
    let out = flits_command()
        .env("FLITS_RUNNER__POST_LEASE_SECONDS", "86401")
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "more than a day");

    let out = flits_command()
        .env("FLITS_DATABASE_URL", "mysql://x")
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("database_url"));
}

#[test]
fn a_typo_in_the_file_and_a_missing_file_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_config(&dir, "bnid = \"127.0.0.1:9000\"\n");
    let out = flits_command()
        .arg("--config")
        .arg(&file)
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bnid"));

    let out = flits_command()
        .arg("--config")
        .arg(dir.path().join("nope.toml"))
        .arg("config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.toml"));
}

#[test]
fn configured_ids_are_parsed_by_the_shared_rules() {
    let dir = tempfile::tempdir().unwrap();
    let ok = write_config(
        &dir,
        "[[organisations]]\nid = \"velsen\"\nname = \"Velsen\"\nregion = \"ijmond\"\n\
         [[audiences]]\nid = \"jongeren_velsen\"\nname = \"Jongeren\"\nparent = \"velsen\"\norganisation = \"velsen\"\n",
    );
    let config = effective(flits_command().arg("--config").arg(&ok));
    assert_eq!(config["audiences"][0]["id"], "jongeren_velsen");
    for bad in [
        "[[audiences]]\nid = \"Velsen\"\nname = \"Velsen\"\n",
        "[[audiences]]\nid = \"velsen\"\nname = \"Velsen\"\nparent = \"IJmond\"\n",
        "[[organisations]]\nid = \"gemeente velsen\"\nname = \"Velsen\"\nregion = \"ijmond\"\n",
    ] {
        let path = write_config(&dir, bad);
        let out = flits_command()
            .arg("--config")
            .arg(&path)
            .arg("config")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("may only contain"), "{bad}: {err}");
    }
}

#[test]
fn an_audiences_neighbourhoods_are_read_by_the_rules_of_a_questions_options() {
    let dir = tempfile::tempdir().unwrap();
    let audience = "[[audiences]]\nid = \"velsen\"\nname = \"Velsen\"\n";
    let ok = write_config(
        &dir,
        &format!(
            "{audience}neighbourhoods = [{{ id = \"ijmuiden\", name = \"IJmuiden\" }}, \
             {{ id = \"velsen-zuid\", name = \"Velsen-Zuid\" }}]\n"
        ),
    );
    let config = effective(flits_command().arg("--config").arg(&ok));
    assert_eq!(
        config["audiences"][0]["neighbourhoods"],
        serde_json::json!([
            {"id": "ijmuiden", "name": "IJmuiden"},
            {"id": "velsen-zuid", "name": "Velsen-Zuid"}
        ])
    );
    let without = write_config(&dir, audience);
    let config = effective(flits_command().arg("--config").arg(&without));
    assert!(
        config["audiences"][0].get("neighbourhoods").is_none(),
        "no list: none shown"
    );
    for (bad, says) in [
        (
            "[{ id = \"Velsen Zuid\", name = \"Velsen-Zuid\" }, { id = \"b\", name = \"B\" }]",
            "a digit, - or _",
        ),
        (
            "[{ id = \"a\", name = \"A\" }, { id = \"a\", name = \"A2\" }]",
            "listed twice",
        ),
        ("[{ id = \"a\", name = \"A\" }]", "found 1"),
        (
            "[{ id = \"a\", name = \"\" }, { id = \"b\", name = \"B\" }]",
            "its name must be",
        ),
    ] {
        let path = write_config(&dir, &format!("{audience}neighbourhoods = {bad}\n"));
        let out = flits_command()
            .arg("--config")
            .arg(&path)
            .arg("config")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{bad}: {err}");
    }
}
