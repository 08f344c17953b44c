use crate::helpers::flits_command;

#[test]
fn user_add_checks_the_organisation_and_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("flits.db").display());
    let out = flits_command()
        .args([
            "user",
            "add",
            "a@velsen.nl",
            "--role",
            "comms",
            "--org",
            "velsen",
        ])
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown organisation"));

    let config = dir.path().join("flits.toml");
    std::fs::write(
        &config,
        "[[regions]]\nid = \"ijmond\"\nname = \"IJmond\"\n[[organisations]]\nid = \"velsen\"\nname = \"Gemeente Velsen\"\nregion = \"ijmond\"\n",
    )
    .unwrap();
    // Organisations from the configuration are written on start (here: on migrate via serve's seed).
    let store_setup = flits_command()
        .args([
            "user",
            "add",
            "a@velsen.nl",
            "--role",
            "boss",
            "--org",
            "velsen",
        ])
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert_eq!(
        store_setup.status.code(),
        Some(2),
        "an unknown role is refused by the argument parser"
    );

    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = flits_store::Store::connect(&url).await.unwrap();
        store.migrate().await.unwrap();
        store.upsert_region("ijmond", "IJmond").await.unwrap();
        store
            .upsert_organisation("velsen", "ijmond", "Gemeente Velsen")
            .await
            .unwrap();
        store.close().await.unwrap();
    });
    let mut child = flits_command()
        .args([
            "user",
            "add",
            "A@Velsen.nl",
            "--role",
            "comms",
            "--org",
            "velsen",
            "--password-stdin",
        ])
        .env("FLITS_DATABASE_URL", &url)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"correct horse battery staple\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("a@velsen.nl (comms, velsen)"));
    rt.block_on(async {
        let store = flits_store::Store::connect(&url).await.unwrap();
        let audit = store.audit_entries(10).await.unwrap();
        assert!(
            audit
                .iter()
                .any(|e| e.action == "user.saved" && e.details["email"] == "a@velsen.nl"),
            "{audit:?}"
        );
    });
}

#[test]
fn user_add_refuses_an_address_or_password_by_the_shared_rules_with_catalogue_words() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("flits.db").display());
    let out = flits_command()
        .args(["user", "add", "anna@", "--role", "comms", "--org", "velsen"])
        .args(["--lang", "en"])
        .env("FLITS_DATABASE_URL", &url)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Enter a valid e-mail address."), "{stderr}");

    let mut child = flits_command()
        .args(["user", "add", "anna@velsen.nl", "--role", "comms"])
        .args(["--org", "velsen", "--password-stdin"])
        .env("FLITS_DATABASE_URL", &url)
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"elf tekens!\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Het wachtwoord moet minstens 12 tekens hebben."),
        "{stderr}"
    );
}
