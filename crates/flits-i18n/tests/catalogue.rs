//! The catalogue is complete: every message exists in every language it must, every message a
//! program or template asks for exists, and every argument a translation uses is passed.
//!
//! `resident*.ftl` files are read by residents and must exist in all of [`Locale::RESIDENT`]; every
//! other file is for staff and must exist in [`Locale::STAFF`]. Uses are found in the source: the
//! `t!(locale, "id", name = …)` macro in Rust and `{{t "id" name=…}}` in templates. Messages picked by
//! a computed id (a validation code, a conflict rule) are checked by the tests of the code that
//! computes them, with `Catalogue::try_format`.

#![allow(clippy::unwrap_used)] // helpers of a test: a panic is the failure report

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use flits_i18n::Locale;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// id → the variables its value and attributes use, per file, per locale.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn read_catalogue() -> BTreeMap<Locale, BTreeMap<String, Messages>> {
    let mut out = BTreeMap::new();
    for locale in Locale::RESIDENT {
        let dir = root().join("locales").join(locale.code());
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str())
                .unwrap_or_else(|(_, errs)| panic!("{} does not parse: {errs:?}", path.display()));
            let mut messages = Messages::new();
            for entry in resource.body {
                if let Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &m.value {
                        collect_vars(value, &mut vars);
                    }
                    for attr in &m.attributes {
                        collect_vars(&attr.value, &mut vars);
                    }
                    assert!(
                        messages.insert(m.id.name.to_owned(), vars).is_none(),
                        "{} defines {} twice",
                        path.display(),
                        m.id.name
                    );
                }
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.insert(name, messages);
        }
        out.insert(locale, files);
    }
    out
}

fn collect_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(expression, vars);
        }
    }
}

fn collect_expression(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => collect_inline(inline, vars),
        Expression::Select { selector, variants } => {
            collect_inline(selector, vars);
            for v in variants {
                collect_vars(&v.value, vars);
            }
        }
    }
}

fn collect_inline(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_inline(a, vars);
            }
        }
        InlineExpression::Placeable { expression } => collect_expression(expression, vars),
        _ => {}
    }
}

fn required_locales(file: &str) -> &'static [Locale] {
    if file.starts_with("resident") {
        &Locale::RESIDENT
    } else {
        &Locale::STAFF
    }
}

#[test]
fn every_message_exists_in_every_language_it_must() {
    let catalogue = read_catalogue();
    let dutch = &catalogue[&Locale::Nl];
    assert!(!dutch.is_empty(), "no Dutch catalogue");
    let mut problems = Vec::new();
    for (file, messages) in dutch {
        for &locale in required_locales(file) {
            let Some(theirs) = catalogue[&locale].get(file) else {
                problems.push(format!("locales/{}/{file} is missing", locale.code()));
                continue;
            };
            let ours: BTreeSet<_> = messages.keys().collect();
            let other: BTreeSet<_> = theirs.keys().collect();
            for id in ours.difference(&other) {
                problems.push(format!(
                    "{id} is missing in locales/{}/{file}",
                    locale.code()
                ));
            }
            for id in other.difference(&ours) {
                problems.push(format!(
                    "{id} is in locales/{}/{file} but not in Dutch",
                    locale.code()
                ));
            }
        }
    }
    for (&locale, files) in &catalogue {
        for file in files.keys() {
            if !dutch.contains_key(file) {
                problems.push(format!(
                    "locales/{}/{file} has no Dutch original",
                    locale.code()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every message id with the union of the variables its translations use.
fn variables_by_id() -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for files in read_catalogue().values() {
        for messages in files.values() {
            for (id, vars) in messages {
                out.entry(id.clone())
                    .or_default()
                    .extend(vars.iter().cloned());
            }
        }
    }
    out
}

/// A use of a message found in the source: where, which id, which argument names.
#[derive(Debug)]
struct Use {
    place: String,
    id: String,
    args: BTreeSet<String>,
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "target" && !name.starts_with('.') {
                files_under(&path, ext, out);
            }
        } else if path.extension().and_then(|e| e.to_str()) == Some(ext) {
            out.push(path);
        }
    }
}

/// Splits `s` at top-level commas (outside brackets and string literals).
fn split_top_level(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    let mut current = String::new();
    for c in s.chars() {
        if in_str {
            current.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_str = true;
                current.push(c);
            }
            '(' | '[' | '{' => {
                depth += 1;
                current.push(c);
            }
            ')' | ']' | '}' => {
                depth -= 1;
                current.push(c);
            }
            ',' if depth == 0 => parts.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    if !current.trim().is_empty() {
        parts.push(current);
    }
    parts
}

/// The `t!(…)` uses in one Rust source file.
fn rust_uses(path: &Path, source: &str) -> Vec<Use> {
    let mut uses = Vec::new();
    let bytes = source.as_bytes();
    let mut from = 0;
    while let Some(pos) = source[from..].find("t!(") {
        let start = from + pos;
        from = start + 3;
        let preceded_by_ident = start > 0 && {
            let c = bytes[start - 1] as char;
            c.is_alphanumeric() || c == '_'
        };
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let in_comment = source[line_start..start].trim_start().starts_with("//");
        if preceded_by_ident || in_comment {
            continue;
        }
        // The matching close parenthesis.
        let mut depth = 0i32;
        let mut end = None;
        let mut in_str = false;
        let mut escaped = false;
        for (i, c) in source[start + 2..].char_indices() {
            if in_str {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_str = false;
                }
                continue;
            }
            match c {
                '"' => in_str = true,
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(start + 2 + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else { continue };
        let inner = &source[start + 3..end];
        let parts = split_top_level(inner);
        if parts.len() < 2 {
            continue;
        }
        let id = parts[1].trim();
        let Some(id) = id.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
            continue; // not our macro (another crate's `t!`), or a computed id
        };
        let args = parts[2..]
            .iter()
            .filter_map(|p| p.split_once('=').map(|(name, _)| name.trim().to_owned()))
            .collect();
        let line = source[..start].lines().count();
        uses.push(Use {
            place: format!("{}:{line}", path.display()),
            id: id.to_owned(),
            args,
        });
    }
    uses
}

/// The `{{t "id" name=value}}` uses in one template.
fn template_uses(path: &Path, source: &str) -> Vec<Use> {
    let helper = regex::Regex::new(r#"\{\{~?#?\s*t\s+"([^"]+)"([^}]*)\}\}"#).unwrap();
    let arg = regex::Regex::new(r"([A-Za-z_][A-Za-z0-9_]*)=").unwrap();
    helper
        .captures_iter(source)
        .map(|c| {
            let line = source[..c.get(0).unwrap().start()].lines().count();
            Use {
                place: format!("{}:{line}", path.display()),
                id: c[1].to_owned(),
                args: arg.captures_iter(&c[2]).map(|a| a[1].to_owned()).collect(),
            }
        })
        .collect()
}

fn all_uses() -> Vec<Use> {
    let mut uses = Vec::new();
    let mut rust = Vec::new();
    files_under(&root().join("crates"), "rs", &mut rust);
    files_under(&root().join("src"), "rs", &mut rust);
    for path in rust {
        if path.ends_with("flits-i18n/tests/catalogue.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        uses.extend(rust_uses(&path, &source));
    }
    let mut templates = Vec::new();
    files_under(&root().join("templates"), "hbs", &mut templates);
    for path in templates {
        let source = std::fs::read_to_string(&path).unwrap();
        uses.extend(template_uses(&path, &source));
    }
    uses
}

#[test]
fn every_message_used_exists_and_gets_every_argument_it_uses() {
    let vars = variables_by_id();
    let uses = all_uses();
    assert!(!uses.is_empty(), "found no use of the catalogue at all");
    let mut problems = Vec::new();
    for u in &uses {
        match vars.get(&u.id) {
            None => problems.push(format!("{}: no message {:?} in locales/", u.place, u.id)),
            Some(needed) => {
                for missing in needed.difference(&u.args) {
                    problems.push(format!(
                        "{}: {:?} needs the argument ${missing}, which is not passed",
                        u.place, u.id
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_finds_macro_and_template_uses() {
    let rust = rust_uses(
        Path::new("x.rs"),
        "let a = t!(lang, \"one\");\nlet b = flits_i18n::t!(\n  lang,\n  \"two\",\n  days = f(1, 2),\n  name = \"x,y\",\n);\nprint!(\"no\");",
    );
    assert_eq!(rust.len(), 2);
    assert_eq!(rust[1].id, "two");
    assert_eq!(
        rust[1].args,
        BTreeSet::from(["days".to_owned(), "name".to_owned()])
    );
    let hbs = template_uses(
        Path::new("x.hbs"),
        r#"<p>{{t "three" n=count}}</p>{{t "four"}}"#,
    );
    assert_eq!(hbs.len(), 2);
    assert!(hbs[0].args.contains("n"));
}
