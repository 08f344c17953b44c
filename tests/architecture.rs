//! The architecture of ARCHITECTURE.md, checked: the crates as layers, what each may depend on, and
//! that the code's comments cite the repository's own documents.
//!
//! The dependency rules are read from `cargo metadata` (the resolved graph for this machine's
//! platform, without network), following normal dependencies transitively: a domain crate that
//! pulls in tokio through a helper crate breaks the rule just as one that names it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The layers of the workspace, from the ground up, with the layers each may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    /// `flits-types`: parsed input values (slugs, ids, e-mail addresses, passwords).
    Values,
    /// `flits-i18n`: the message catalogue and the one `Locale` type; `flits-templates`: handlebars
    /// with the catalogue's `{{t}}` helper.
    Catalogue,
    /// Pure rules without I/O.
    Domain,
    /// `flits-migration`: the schema.
    Schema,
    /// `flits-store`: the only crate that talks to the database.
    Storage,
    /// The outside world: channels, e-mail.
    Adapter,
    /// Use cases over domain and storage, shared by the web services and the command line.
    Application,
    /// `flits-http` and `flits-resident-pages`: what the web services share.
    WebPlumbing,
    /// The web services; they never use each other.
    Service,
    /// The `flits` binary: wiring.
    Binary,
}

impl Layer {
    /// The layers a crate of this layer may depend on (normal dependencies on workspace crates).
    fn may_use(self) -> &'static [Layer] {
        use Layer::*;
        match self {
            Values | Schema => &[],
            Catalogue => &[Values, Catalogue],
            Domain => &[Values, Catalogue, Domain],
            Storage => &[Values, Catalogue, Domain, Schema],
            Adapter => &[Values, Catalogue, Domain, Storage],
            Application => &[Values, Catalogue, Domain, Storage, Adapter, Application],
            WebPlumbing => &[Values, Catalogue, Domain, Storage],
            Service => &[
                Values,
                Catalogue,
                Domain,
                Storage,
                Adapter,
                Application,
                WebPlumbing,
            ],
            Binary => &[
                Values,
                Catalogue,
                Domain,
                Schema,
                Storage,
                Adapter,
                Application,
                WebPlumbing,
                Service,
            ],
        }
    }
}

/// Every workspace crate, present or announced, with its layer. A new crate must be added here
/// (and to ARCHITECTURE.md) before the test passes.
const CRATES: &[(&str, Layer)] = &[
    ("flits-types", Layer::Values),
    ("flits-i18n", Layer::Catalogue),
    ("flits-templates", Layer::Catalogue),
    ("flits-survey", Layer::Domain),
    ("flits-schedule", Layer::Domain),
    ("flits-results", Layer::Domain),
    ("flits-reach", Layer::Domain),
    ("flits-migration", Layer::Schema),
    ("flits-store", Layer::Storage),
    ("flits-bridge", Layer::Adapter),
    ("flits-mail", Layer::Adapter),
    ("flits-scheduling", Layer::Application),
    ("flits-runner", Layer::Application),
    ("flits-export", Layer::Application),
    ("flits-http", Layer::WebPlumbing),
    ("flits-resident-pages", Layer::WebPlumbing),
    ("flits-collector", Layer::Service),
    ("flits-staff", Layer::Service),
    ("flits", Layer::Binary),
];

/// What no domain crate, nor the values and the catalogue beneath them, may reach: storage, web,
/// HTTP clients, mail, the async runtime.
const NOT_PURE: &[&str] = &["sea-orm", "sqlx", "actix-web", "reqwest", "lettre", "tokio"];

/// Whether `name` is a web crate (servers, routing, templates, HTTP clients, OpenAPI), which the
/// storage layer may not reach.
fn is_web_crate(name: &str) -> bool {
    name.starts_with("actix")
        || [
            "handlebars",
            "utoipa",
            "hyper",
            "axum",
            "warp",
            "tower-http",
            "reqwest",
            "lettre",
        ]
        .contains(&name)
}

/// The crates a layer may not reach, transitively, with the reason.
fn forbidden(layer: Layer, dep: &str) -> Option<&'static str> {
    match layer {
        Layer::Values | Layer::Catalogue | Layer::Domain if NOT_PURE.contains(&dep) => {
            Some("values, the catalogue and domain crates do no I/O and run no runtime")
        }
        Layer::Storage | Layer::Schema if is_web_crate(dep) => {
            Some("storage knows nothing of the web")
        }
        _ => None,
    }
}

/// The resolved dependency graph: package names by id, and each package's normal dependencies.
struct Graph {
    names: BTreeMap<String, String>,
    normal_deps: BTreeMap<String, Vec<String>>,
    members: Vec<String>,
}

impl Graph {
    fn from_metadata(meta: &Value) -> Graph {
        let names = meta["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .map(|p| {
                (
                    p["id"].as_str().unwrap().to_owned(),
                    p["name"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let normal_deps = meta["resolve"]["nodes"]
            .as_array()
            .expect("resolve.nodes")
            .iter()
            .map(|n| {
                let deps = n["deps"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|d| {
                        d["dep_kinds"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|k| k["kind"].is_null())
                    })
                    .map(|d| d["pkg"].as_str().unwrap().to_owned())
                    .collect();
                (n["id"].as_str().unwrap().to_owned(), deps)
            })
            .collect();
        let members = meta["workspace_members"]
            .as_array()
            .expect("workspace_members")
            .iter()
            .map(|m| m.as_str().unwrap().to_owned())
            .collect();
        Graph {
            names,
            normal_deps,
            members,
        }
    }

    fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).map(String::as_str).unwrap_or(id)
    }

    fn id(&self, name: &str) -> Option<&str> {
        self.names
            .iter()
            .find(|(id, n)| n.as_str() == name && self.members.contains(id))
            .map(|(id, _)| id.as_str())
    }

    fn member_names(&self) -> BTreeSet<&str> {
        self.members.iter().map(|id| self.name(id)).collect()
    }

    /// Every package `id` reaches through normal dependencies, each with the path it takes.
    fn reach(&self, id: &str) -> BTreeMap<String, Vec<String>> {
        let mut paths: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut queue = vec![(id.to_owned(), vec![self.name(id).to_owned()])];
        while let Some((at, path)) = queue.pop() {
            for dep in self.normal_deps.get(&at).into_iter().flatten() {
                if paths.contains_key(dep) {
                    continue;
                }
                let mut p = path.clone();
                p.push(self.name(dep).to_owned());
                paths.insert(dep.clone(), p.clone());
                queue.push((dep.clone(), p));
            }
        }
        paths
    }
}

fn layer_of(name: &str) -> Option<Layer> {
    CRATES.iter().find(|(n, _)| *n == name).map(|(_, l)| *l)
}

/// Every broken rule of the graph, as sentences.
fn violations(graph: &Graph) -> Vec<String> {
    let mut found = Vec::new();
    for member in &graph.members {
        let name = graph.name(member);
        let Some(layer) = layer_of(name) else {
            found.push(format!(
                "{name} has no layer: add it to CRATES in tests/architecture.rs and describe it in ARCHITECTURE.md"
            ));
            continue;
        };
        for dep in graph.normal_deps.get(member).into_iter().flatten() {
            if !graph.members.contains(dep) {
                continue;
            }
            let dep_name = graph.name(dep);
            match layer_of(dep_name) {
                Some(dep_layer) if layer.may_use().contains(&dep_layer) => {}
                Some(dep_layer) => found.push(format!(
                    "{name} ({layer:?}) depends on {dep_name} ({dep_layer:?}), which its layer may not use"
                )),
                None => {}
            }
        }
        for (dep, path) in graph.reach(member) {
            if let Some(why) = forbidden(layer, graph.name(&dep)) {
                found.push(format!("{} ({why})", path.join(" -> ")));
            }
        }
    }
    found
}

/// `cargo metadata` for this workspace, resolved for the host platform only, so it needs no
/// network and no package that this machine would never build.
fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = Command::new(&rustc).arg("-vV").output().expect("rustc -vV");
    let version = String::from_utf8(version.stdout).unwrap();
    let host = version
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("rustc -vV names the host")
        .to_owned();
    let out = Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--filter-platform",
            &host,
        ])
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

#[test]
fn no_crate_depends_on_what_its_layer_forbids() {
    let graph = Graph::from_metadata(&metadata());

    // The check sees what it claims to check: the crates whose rules matter exist, and the walk
    // reaches what they are kept from through the layers above them.
    let members = graph.member_names();
    for name in [
        "flits",
        "flits-survey",
        "flits-schedule",
        "flits-i18n",
        "flits-store",
        "flits-http",
    ] {
        assert!(members.contains(name), "{name} is not in the workspace");
    }
    let reached = |from: &str| -> BTreeSet<String> {
        graph
            .reach(graph.id(from).unwrap())
            .keys()
            .map(|id| graph.name(id).to_owned())
            .collect()
    };
    assert!(reached("flits-store").contains("sea-orm"));
    assert!(reached("flits-store").contains("tokio"));
    assert!(reached("flits-http").contains("actix-web"));
    assert!(!reached("flits-survey").is_empty());

    let found = violations(&graph);
    assert!(
        found.is_empty(),
        "forbidden dependencies (see ARCHITECTURE.md):\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn a_forbidden_edge_is_reported_with_its_path() {
    let mut graph = Graph::from_metadata(&metadata());
    let survey = graph.id("flits-survey").unwrap().to_owned();
    let store = graph.id("flits-store").unwrap().to_owned();
    let http = graph.id("flits-http").unwrap().to_owned();
    let collector = graph.id("flits-collector").unwrap().to_owned();
    let staff = graph.id("flits-staff").unwrap().to_owned();
    // A domain crate reaching tokio through the store, storage reaching the web, and one service
    // using another.
    graph
        .normal_deps
        .get_mut(&survey)
        .unwrap()
        .push(store.clone());
    graph.normal_deps.get_mut(&store).unwrap().push(http);
    graph.normal_deps.get_mut(&staff).unwrap().push(collector);
    let found = violations(&graph).join("\n");
    assert!(
        found.contains("flits-survey (Domain) depends on flits-store (Storage)"),
        "{found}"
    );
    assert!(
        found.contains("flits-survey -> flits-store -> ") && found.contains("tokio"),
        "{found}"
    );
    assert!(found.contains("flits-store -> flits-http"), "{found}");
    assert!(
        found.contains("flits-staff (Service) depends on flits-collector (Service)"),
        "{found}"
    );
}

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn architecture_md_names_every_crate_of_the_workspace() {
    let text = std::fs::read_to_string(repository().join("ARCHITECTURE.md")).unwrap();
    let graph = Graph::from_metadata(&metadata());
    let missing: Vec<&str> = graph
        .member_names()
        .into_iter()
        .filter(|name| !text.contains(&format!("`{name}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not describe {missing:?}"
    );
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Comments that send the reader to a document outside the repository.
fn outside_citations(source: &str) -> Vec<(usize, String)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim_start().starts_with("//"))
        .filter(|(_, line)| line.contains("CONTRACT") || line.contains("../shared"))
        .map(|(i, line)| (i + 1, line.trim().to_owned()))
        .collect()
}

#[test]
fn comments_cite_the_repositorys_own_documents() {
    assert_eq!(
        outside_citations("// see CONTRACT section 3\nlet x = 1; // fine\n"),
        vec![(1, "// see CONTRACT section 3".to_owned())]
    );
    let mut files = Vec::new();
    for dir in ["src", "crates", "tests", "migrations"] {
        rust_files(&repository().join(dir), &mut files);
    }
    assert!(files.len() > 50, "only {} Rust files found", files.len());
    let mut found = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (line, text) in outside_citations(&source) {
            let shown = file.strip_prefix(repository()).unwrap_or(&file).display();
            found.push(format!("{shown}:{line}: {text}"));
        }
    }
    assert!(
        found.is_empty(),
        "cite docs/api.md, README.md or ARCHITECTURE.md instead:\n  {}",
        found.join("\n  ")
    );
}
