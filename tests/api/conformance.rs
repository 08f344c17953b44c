//! The project's conformance checks of the submit API (docs/api.md, "Public API"), kept in the
//! `conformance/` folder of the shared workplace beside the clone, against the real application.

use crate::helpers::*;
use crate::on_both_backends;

/// The shared folder beside the repository, where the project's contract and its checks live
/// (`FLITS_TEST_CONFORMANCE_DIR` names another place).
fn conformance_script() -> Option<std::path::PathBuf> {
    let dir = std::env::var("FLITS_TEST_CONFORMANCE_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance")
        });
    let path = dir.join("submit_contract.py");
    if path.is_file() {
        return Some(path);
    }
    // The shared folder is laid beside the clone by the workplace, not by the repository: when it is
    // not there, the check is skipped (and fails where every test must run).
    crate::skip::skipped(
        "the_submit_contract_conformance_script_passes",
        &format!("{} not found", path.display()),
    );
    None
}

on_both_backends!(
    the_submit_contract_conformance_script_passes,
    |backend| async move {
        let Some(script) = conformance_script() else {
            return;
        };
        let app = spawn_app(backend).await;
        flits::demo::prepare(&app.store).await.unwrap();
        let address = app.address.clone();
        let out = tokio::task::spawn_blocking(move || {
            std::process::Command::new("python3")
                .arg(&script)
                .arg(&address)
                .arg("demo")
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains("submit contract ok"), "{stdout}");
    }
);
