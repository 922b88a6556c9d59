//! The domain stays plain Rust: no UI framework, no browser bindings, no clock. The wasm build
//! could import them (they are dependencies there), so this test is the guard.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/domain exists") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_domain_imports_no_ui_or_browser_crate_and_reads_no_clock() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"),
        &mut files,
    );
    assert!(files.len() > 10, "found the domain's files");
    let forbidden = [
        "leptos",
        "web_sys",
        "gloo_storage",
        "js_sys",
        "wasm_bindgen",
        "Local::now",
        "Utc::now",
        "SystemTime",
    ];
    let mut hits = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for word in forbidden {
                if code.contains(word) {
                    hits.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        hits.is_empty(),
        "the domain must stay plain Rust:\n{}",
        hits.join("\n")
    );
}
