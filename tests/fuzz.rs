//! A mutational fuzzer for every parser of outside data: file imports (every format), the library
//! file, the storage decoder, the tab lease, the suggestions' memory and kinds, and a teammate's team entries and invite links. Each target starts from its corpus in `tests/fuzz-corpus/<target>/`
//! and mutates for `FUZZ_SECONDS` (default 5) seconds; any panic fails the test and the input is
//! saved next to the corpus as `crash-<hash>`. cargo-fuzz needs a nightly toolchain, which this
//! project's machines do not have, hence this stable-Rust loop.
//!
//! Run: `FUZZ_SECONDS=60 cargo test --release --test fuzz -- --ignored --nocapture`
#![cfg(not(target_arch = "wasm32"))]

use annota::model::annotation::{sample_article, Timestamp};
use annota::model::format::{self, ImportTarget};
use annota::model::labels::default_labels;
use annota::model::library;
use annota::model::lock::Lease;
use annota::model::persist;
use annota::model::suggest::stored;
use annota::model::workspace::Workspace;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// xorshift64*: small, fast, reproducible from the printed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens that tend to reach deep into JSON parsers and offset handling.
const DICTIONARY: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "-1",
    "0",
    "1e309",
    "18446744073709551616",
    "4294967296",
    "\"start\":",
    "\"end\":",
    "\"exact\":",
    "\"label\":",
    "\"text\":",
    "\"type\":\"Annotation\"",
    "\"format\":\"annota\"",
    "\"version\":1",
    "\"schema\":1",
    "\"version\":2",
    "\"schema\":2",
    "\"actor\":\"a\",",
    "\"said_by\":\"a\",",
    "\"actors\":[{\"id\":\"a\",\"name\":\"x\"}],",
    "\\u0000",
    "\\ud800",
    "😀",
    "🇮🇷",
    "\u{064E}",
    "\u{202E}",
    "\n",
    "\r\n",
    "[[0,1,\"claim\"]]",
    "\"selector\":{\"type\":\"TextPositionSelector\",\"start\":0,\"end\":99}",
    "\"first\":{\"items\":[",
    "\"result\":[",
];

fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next() as u8),
            2 if !out.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 => {
                let word = DICTIONARY[rng.below(DICTIONARY.len())].as_bytes();
                out.splice(at..at, word.iter().copied());
            }
            4 => out.truncate(at),
            5 if !corpus.is_empty() => {
                // Splice in a piece of another corpus entry.
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(256)).min(other.len());
                out.splice(at..at, other[from..to].iter().copied());
            }
            6 if !out.is_empty() => {
                // Duplicate a chunk: repeats and deep nesting.
                let end = (at + 1 + rng.below(64)).min(out.len());
                let chunk = out[at.min(end)..end].to_vec();
                for _ in 0..=rng.below(8) {
                    out.splice(at..at, chunk.iter().copied());
                }
            }
            _ => {
                let depth = 1 + rng.below(300);
                out.splice(at..at, std::iter::repeat_n(b'[', depth));
            }
        }
    }
    out.truncate(1 << 20);
    out
}

fn corpus_dir(target: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus").join(target)
}

fn load_corpus(target: &str) -> Vec<Vec<u8>> {
    let mut entries: Vec<(String, Vec<u8>)> = std::fs::read_dir(corpus_dir(target))
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap_or_default())).collect())
        .unwrap_or_default();
    entries.sort();
    entries.into_iter().map(|(_, bytes)| bytes).collect()
}

fn fuzz(target: &str, run: impl Fn(&str)) {
    let seconds: u64 = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1);
    let corpus = load_corpus(target);
    assert!(!corpus.is_empty(), "no corpus for {target}");
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut runs = 0u64;
    // Quiet the default hook: a panic is reported once, below, with the input saved.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut crash = None;
    while Instant::now() < deadline {
        let base = &corpus[rng.below(corpus.len())];
        let input = if runs < corpus.len() as u64 { base.clone() } else { mutate(&mut rng, base, &corpus) };
        let text = String::from_utf8_lossy(&input).into_owned();
        runs += 1;
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| run(&text))) {
            let message = panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
            crash = Some((input, message.unwrap_or_default()));
            break;
        }
    }
    std::panic::set_hook(hook);
    println!("fuzz {target}: {runs} inputs in {seconds} s (seed {seed}), {}", if crash.is_some() { "1 crash" } else { "no crash" });
    if let Some((input, message)) = crash {
        let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3));
        let path = corpus_dir(target).join(format!("crash-{hash:016x}"));
        let _ = std::fs::write(&path, &input);
        panic!("{target} panicked on an input saved to {}: {message}", path.display());
    }
}

fn open_workspace() -> Workspace {
    Workspace::new(sample_article(), default_labels(), vec![])
}

#[test]
#[ignore = "long-running: run by scripts/test.sh with a time budget"]
fn fuzz_import_as_article() {
    let open = open_workspace();
    fuzz("import", |s| {
        let mut n = 0;
        let _ = format::import(s, &open, ImportTarget::OwnText, &Timestamp("t".into()), &mut || {
            n += 1;
            format!("id{n}")
        });
    });
}

#[test]
#[ignore = "long-running: run by scripts/test.sh with a time budget"]
fn fuzz_import_onto_open_article() {
    let open = open_workspace();
    fuzz("import", |s| {
        let mut n = 0;
        let _ = format::import(s, &open, ImportTarget::OpenArticle, &Timestamp("t".into()), &mut || {
            n += 1;
            format!("id{n}")
        });
        // The same file as a colleague's layer: refused with a reason or a layer, never a panic.
        let _ = format::import_layers(s, &open, "colleague.annota.json", &Timestamp("t".into()), &mut || {
            n += 1;
            format!("id{n}")
        });
    });
}

#[test]
#[ignore = "long-running: run by scripts/test.sh with a time budget"]
fn fuzz_library_file() {
    // What Restore library reads: every article of the file goes through the Annota JSON reader.
    fuzz("library", |s| {
        let _ = library::import_bundle(s);
    });
}

#[test]
#[ignore = "long-running: run by scripts/test.sh with a time budget"]
fn fuzz_storage_decoder() {
    let article = persist::encode_article(&sample_article());
    fuzz("storage", |s| {
        // The mutated value as either key, and both at once.
        let _ = persist::decode(Some(&article), Some(s));
        let _ = persist::decode(Some(s), None);
        let _ = persist::decode(Some(s), Some(s));
    });
}

#[test]
#[ignore = "long-running: run by scripts/test.sh with a time budget"]
fn fuzz_tab_lease() {
    fuzz("lease", |s| {
        let _ = Lease::decode(Some(s));
    });
}

#[test]
#[ignore = "long-running: run by scripts/test.sh with a time budget"]
fn fuzz_suggestion_memory_and_kinds() {
    fuzz("suggest", |s| {
        let _ = stored::decode_memory(s);
        let _ = stored::decode_kinds(s);
    });
}

/// What a teammate's browser sends: lines `key<TAB>json` (a leading `-` removes the key), taken into a
/// document and read as the sample's workspace (as article and as configuration); and invite links.
fn team_input(s: &str) {
    use annota::model::team::{doc::DocKind, materialize::materialize, TeamDoc};
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    for line in s.lines() {
        match line.split_once('\t') {
            Some((k, v)) => added.push((k.to_string(), v.to_string())),
            None => removed.push(line.trim_start_matches('-').to_string()),
        }
    }
    let mut doc = TeamDoc::new(DocKind::Article);
    let mut config = TeamDoc::new(DocKind::Config);
    doc.apply(added.clone(), removed.clone());
    config.apply(added, removed);
    let article = sample_article();
    let _ = materialize(&article, &doc, &config);
    let _ = materialize(&article, &config, &doc);
    let _ = annota::model::invite::from_fragment(s);
    let _ = annota::model::invite::parse(s);
}

#[test]
#[ignore = "long-running: run by scripts/test.sh with a time budget"]
fn fuzz_team_entries_and_invites() {
    fuzz("team", team_input);
}

/// The corpus itself must always parse without panicking (it runs in every `cargo test`).
#[test]
fn corpus_entries_do_not_panic() {
    let open = open_workspace();
    for target in ["import", "library", "storage", "lease", "suggest", "team"] {
        for input in load_corpus(target) {
            let s = String::from_utf8_lossy(&input);
            let _ = format::import(&s, &open, ImportTarget::OwnText, &Timestamp("t".into()), &mut || "x".into());
            let _ = library::import_bundle(&s);
            let _ = persist::decode(Some(&s), Some(&s));
            let _ = Lease::decode(Some(&s));
            let _ = stored::decode_memory(&s);
            let _ = stored::decode_kinds(&s);
            team_input(&s);
        }
    }
}

/// The library seeds are real library files, so mutating them reaches every article's reader.
#[test]
fn library_seeds_are_library_files() {
    let dir = corpus_dir("library");
    for entry in std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().starts_with("seed-")) {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        assert!(library::import_bundle(&text).is_ok(), "{}: {:?}", entry.path().display(), library::import_bundle(&text).err());
    }
}
