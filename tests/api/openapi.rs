//! The OpenAPI document against its checked-in snapshot, `docs/openapi.json`: a change to the JSON
//! API shows up in review as a change to that file.

use std::path::PathBuf;

/// The environment variable that rewrites the snapshots instead of comparing (`FLITS_TEST_*`, so
/// the settings loader leaves it alone).
const UPDATE: &str = "FLITS_TEST_UPDATE_SNAPSHOTS";

fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/openapi.json")
}

/// The document as served, pretty-printed so that a change reads well as a diff.
fn generated() -> String {
    let doc: serde_json::Value =
        serde_json::from_str(flits::startup::api_document().json()).unwrap();
    format!("{}\n", serde_json::to_string_pretty(&doc).unwrap())
}

#[test]
fn the_openapi_document_matches_its_snapshot() {
    let now = generated();
    let path = snapshot_path();
    if std::env::var(UPDATE).is_ok_and(|v| v == "1") {
        std::fs::write(&path, &now).unwrap();
        eprintln!("{UPDATE}=1: wrote {}", path.display());
        return;
    }
    let recorded = std::fs::read_to_string(&path).unwrap_or_default();
    if recorded != now {
        let first_difference = recorded
            .lines()
            .zip(now.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| recorded.lines().count().min(now.lines().count()));
        panic!(
            "the OpenAPI document differs from {} (first at line {}).\n\
             If the change to the API is intended, update the snapshot and commit it:\n    \
             {UPDATE}=1 cargo test --test api openapi\n\
             and describe the change in docs/api.md.",
            path.display(),
            first_difference + 1
        );
    }
}

#[test]
fn the_staff_api_has_typed_request_and_response_schemas() {
    let doc: serde_json::Value = serde_json::from_str(&generated()).unwrap();
    let paths = doc["paths"].as_object().unwrap();
    let staff: Vec<(&String, &serde_json::Value)> = paths
        .iter()
        .filter(|(p, _)| p.starts_with("/api/v1/admin/"))
        .collect();
    assert!(staff.len() >= 4, "{staff:?}");
    for (method, path) in [
        ("post", "/api/v1/admin/polls"),
        ("put", "/api/v1/admin/polls/{slug}"),
        ("post", "/api/v1/admin/polls/{slug}/schedule"),
    ] {
        assert!(
            paths[path][method]["requestBody"].is_object(),
            "{method} {path} documents no request body"
        );
    }
    for (path, item) in staff {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            let success = responses
                .iter()
                .find(|(status, _)| status.starts_with('2'))
                .unwrap_or_else(|| panic!("{method} {path} documents no success"));
            if success.0 != "204" {
                // JSON, or (for a download) each media type it comes in, typed.
                let typed = success.1["content"]
                    .as_object()
                    .is_some_and(|c| !c.is_empty() && c.values().all(|m| m["schema"].is_object()));
                assert!(typed, "{method} {path}: {} has no schema", success.0);
            }
            for (status, response) in responses.iter().filter(|(s, _)| !s.starts_with('2')) {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorBody",
                    "{method} {path}: {status}"
                );
            }
            if let Some(body) = op.get("requestBody") {
                assert!(
                    body["content"]["application/json"]["schema"]["$ref"].is_string(),
                    "{method} {path}: the request body has no named schema"
                );
            }
        }
    }
}
