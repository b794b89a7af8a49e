//! The shape of the code, checked: the core's modules import one another in one direction only
//! (no module imports one that imports it back), the core never reaches the DOM, and no source
//! file grows past what one person reads in one sitting.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The longest a file in `src/` may be, in lines.
const MAX_LINES: usize = 500;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a readable source folder") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without its unit tests (a `#[cfg(test)]` module at the end, or a test file).
fn code_of(path: &Path) -> String {
    let text = fs::read_to_string(path).expect("a readable source file");
    if path.file_name().is_some_and(|n| n.to_string_lossy().ends_with("tests.rs") || n == "testkit.rs") {
        return String::new();
    }
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The top-level core module a file belongs to: `src/model/format/w3c.rs` is `format`.
fn model_module(path: &Path, model: &Path) -> String {
    let rel = path.strip_prefix(model).expect("a file under src/model");
    let first = rel.components().next().expect("a path").as_os_str().to_string_lossy().to_string();
    first.trim_end_matches(".rs").to_string()
}

/// Every core module `code` (of a file in module `of`, `nested` when below its folder) names.
fn references(code: &str, of: &str, nested: bool, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    // `super::x` is a sibling in src/model/*.rs, and the folder's own module below it.
    let prefixes: &[&str] = if nested { &["crate::model::", "super::super::"] } else { &["crate::model::", "super::"] };
    for prefix in prefixes {
        for (at, _) in code.match_indices(prefix) {
            let rest = &code[at + prefix.len()..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if modules.contains(&name) && name != of {
                found.insert(name);
            }
        }
        // `use super::{a, b}` groups
        for (at, _) in code.match_indices(&format!("{prefix}{{")) {
            let rest = &code[at + prefix.len() + 1..];
            let group = &rest[..rest.find('}').unwrap_or(0)];
            for part in group.split(',') {
                let name: String = part.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if modules.contains(&name) && name != of {
                    found.insert(name);
                }
            }
        }
    }
    found
}

fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut files = Vec::new();
    rust_files(&model, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| model_module(f, &model)).filter(|m| m != "mod").collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules.iter().map(|m| (m.clone(), BTreeSet::new())).collect();
    for file in &files {
        let of = model_module(file, &model);
        if of == "mod" {
            continue;
        }
        let nested = file.parent() != Some(model.as_path());
        let refs = references(&code_of(file), &of, nested, &modules);
        graph.get_mut(&of).expect("a module").extend(refs);
    }
    graph
}

/// A cycle in `graph`, if it has one, as the modules along it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(node: &str, graph: &BTreeMap<String, BTreeSet<String>>, state: &mut BTreeMap<String, u8>, path: &mut Vec<String>) -> Option<Vec<String>> {
        match state.get(node).copied().unwrap_or(0) {
            1 => {
                let from = path.iter().position(|n| n == node).expect("on the path");
                let mut cycle = path[from..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            2 => return None,
            _ => {}
        }
        state.insert(node.to_string(), 1);
        path.push(node.to_string());
        for next in &graph[node] {
            if let Some(c) = visit(next, graph, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut state, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

#[test]
fn core_modules_import_in_one_direction() {
    let graph = import_graph();
    assert!(graph.len() > 10, "found the core's modules: {graph:?}");
    assert!(graph["reduce"].contains("workspace"), "the reader of imports works: {:?}", graph["reduce"]);
    if let Some(cycle) = find_cycle(&graph) {
        panic!("core modules import each other in a cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn the_leaf_types_import_nothing_above_them() {
    let graph = import_graph();
    // The order of the layers, leaves first; a module may import only modules of earlier layers.
    let layers: &[&[&str]] = &[
        &["text", "lock", "agreement"],
        &["labels", "facts", "quote", "navigate", "structure"],
        &["annotation", "keymap"],
        &["layers"],
        &["actors", "workspace", "filter", "render", "keys"],
        &["change"],
        &["history"],
        &["action", "reduce"],
        &["team", "adjudication"],
    ];
    let layer_of = |m: &str| layers.iter().position(|l| l.contains(&m));
    for (module, imports) in &graph {
        let Some(mine) = layer_of(module) else { continue };
        for import in imports {
            match layer_of(import) {
                Some(theirs) if theirs < mine => {}
                Some(_) if module == "reduce" && import == "action" => {}
                _ => panic!("{module} (layer {mine}) imports {import}, which is not below it"),
            }
        }
    }
}

#[test]
fn the_core_never_reaches_the_browser() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut files = Vec::new();
    rust_files(&model, &mut files);
    for file in files {
        let code = code_of(&file);
        for outside in ["web_sys", "yew::", "gloo", "js_sys", "wasm_bindgen", "crate::bridge", "crate::app"] {
            assert!(!code.contains(outside), "{} uses {outside}", file.display());
        }
    }
}

#[test]
fn no_source_file_is_longer_than_one_sitting() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = fs::read_to_string(f).expect("readable").lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:?}");
}
