//! The shared conformance checks (`../shared/conformance/`) against the real application.

use crate::helpers::*;
use crate::on_both_backends;

/// The shared folder beside the repository, where the project's contract and its checks live.
fn conformance_script() -> Option<std::path::PathBuf> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/conformance/submit_contract.py");
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "../shared/conformance is missing in CI"
    );
    eprintln!("../shared/conformance not found: conformance check not run");
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
