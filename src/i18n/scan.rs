//! Reading Rust source for the strings it hands the translator, for the test that each has its
//! Arabic: string literals (escapes resolved, comments skipped) and the arguments of calls such
//! as `tr.t(…)`, found by brackets outside literals and comments.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A string literal: where it is in the source (quotes included) and its value.
pub struct Literal {
    pub at: Range<usize>,
    pub value: String,
}

/// A source file read for its literals and calls.
pub struct Scan<'a> {
    src: &'a str,
    /// The source with every literal and comment blanked out (same byte offsets), so that brackets
    /// and names are found only in code.
    code: String,
    pub literals: Vec<Literal>,
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The value of the escape at `s[i..]` (just past its backslash), and where it ends.
fn escape(s: &str, i: usize) -> (Option<char>, usize) {
    let rest = &s[i..];
    let c = rest.chars().next().unwrap_or('\\');
    match c {
        'n' => (Some('\n'), i + 1),
        't' => (Some('\t'), i + 1),
        'r' => (Some('\r'), i + 1),
        '0' => (Some('\0'), i + 1),
        'x' => (rest.get(1..3).and_then(|h| u8::from_str_radix(h, 16).ok()).map(char::from), i + 3),
        'u' => {
            let close = rest.find('}').unwrap_or(rest.len() - 1);
            (rest.get(2..close).and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32), i + close + 1)
        }
        // A line continuation: the line break and the next line's leading white space vanish.
        '\n' => (None, i + 1 + rest[1..].len() - rest[1..].trim_start().len()),
        c => (Some(c), i + c.len_utf8()),
    }
}

impl<'a> Scan<'a> {
    pub fn new(src: &'a str) -> Self {
        let b = src.as_bytes();
        let mut literals = Vec::new();
        let mut blanks: Vec<Range<usize>> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let next = b.get(i + 1).copied();
            match b[i] {
                b'/' if next == Some(b'/') => {
                    let end = src[i..].find('\n').map_or(b.len(), |n| i + n);
                    blanks.push(i..end);
                    i = end;
                }
                b'/' if next == Some(b'*') => {
                    let end = src[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
                    blanks.push(i..end);
                    i = end;
                }
                b'r' if (i == 0 || !is_ident(b[i - 1])) && matches!(next, Some(b'"' | b'#')) => {
                    let hashes = src[i + 1..].bytes().take_while(|&c| c == b'#').count();
                    let open = i + 1 + hashes;
                    if b.get(open) != Some(&b'"') {
                        i += 1; // a raw identifier
                        continue;
                    }
                    let closing = format!("\"{}", "#".repeat(hashes));
                    let close = src[open + 1..].find(&closing).map_or(b.len(), |n| open + 1 + n);
                    let end = (close + closing.len()).min(b.len());
                    literals.push(Literal { at: i..end, value: src[open + 1..close].to_string() });
                    i = end;
                }
                b'"' => {
                    let mut value = String::new();
                    let mut j = i + 1;
                    while j < b.len() && b[j] != b'"' {
                        if b[j] == b'\\' {
                            let (c, after) = escape(src, j + 1);
                            value.extend(c);
                            j = after;
                        } else {
                            let c = src[j..].chars().next().expect("a char");
                            value.push(c);
                            j += c.len_utf8();
                        }
                    }
                    let end = (j + 1).min(b.len());
                    literals.push(Literal { at: i..end, value });
                    i = end;
                }
                b'\'' => {
                    // A char literal ('x', '\n', '"'), or else a lifetime ('static).
                    let rest = &src[i + 1..];
                    let len = if rest.starts_with('\\') {
                        rest.get(2..).and_then(|r| r.find('\'')).map(|k| k + 2)
                    } else {
                        rest.chars().next().map(char::len_utf8).filter(|&n| rest[n..].starts_with('\''))
                    };
                    match len {
                        Some(n) => {
                            blanks.push(i..i + 1 + n + 1);
                            i += 1 + n + 1;
                        }
                        None => i += 1,
                    }
                }
                _ => i += 1,
            }
        }
        let mut code = src.as_bytes().to_vec();
        for r in blanks.iter().chain(literals.iter().map(|l| &l.at)) {
            for c in &mut code[r.clone()] {
                *c = b' ';
            }
        }
        let code = String::from_utf8(code).expect("whole characters were blanked");
        Scan { src, code, literals }
    }

    /// The byte range of the bracketed group opening at `open` (a `(`, `[` or `{`), split at its
    /// top-level commas: each part's range.
    fn parts(&self, open: usize) -> Vec<Range<usize>> {
        let b = self.code.as_bytes();
        let (mut depth, mut start, mut parts) = (0usize, open + 1, Vec::new());
        for (j, &c) in b.iter().enumerate().skip(open) {
            match c {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        parts.push(start..j);
                        break;
                    }
                }
                b',' if depth == 1 => {
                    parts.push(start..j);
                    start = j + 1;
                }
                _ => {}
            }
        }
        parts.retain(|r| !self.src[r.clone()].trim().is_empty());
        parts
    }

    /// Every call of `callee` (`tr.t` also finds `self.tr.t`, not `str.t`): its arguments.
    pub fn calls(&self, callee: &str) -> Vec<Vec<Range<usize>>> {
        let needle = format!("{callee}(");
        self.code
            .match_indices(&needle)
            .filter(|(at, _)| *at == 0 || !is_ident(self.code.as_bytes()[at - 1]))
            .map(|(at, _)| self.parts(at + needle.len() - 1))
            .collect()
    }

    /// The items of the array that `const {name}` is, each split into its parts.
    pub fn const_array(&self, name: &str) -> Option<Vec<Range<usize>>> {
        let at = self.code.find(&format!("const {name}:"))?;
        let open = at + self.code[at..].find("= &[")? + 3;
        Some(self.parts(open))
    }

    /// The source text of `range`.
    pub fn text(&self, range: &Range<usize>) -> &str {
        &self.src[range.clone()]
    }

    /// The values of the literals inside `range`.
    pub fn literals_in(&self, range: &Range<usize>) -> Vec<&str> {
        self.literals.iter().filter(|l| range.start <= l.at.start && l.at.end <= range.end).map(|l| l.value.as_str()).collect()
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Where the view's source hands English to the translator: the first argument of `tr.t` and
/// `tr.f`, the plural of `tr.plural(n, one, many, …)`, the text of a `Notice::new(level, text)`
/// (notices are translated when shown), and the descriptions in `SHORTCUTS`.
const TRANSLATED: &[(&str, usize)] = &[("tr.t", 0), ("tr.f", 0), ("tr.plural", 2), ("Notice::new", 1)];

/// What the view under `dir` translates: every English literal, and the calls whose English this
/// reader cannot see (neither a literal nor a name the core gives, nor a value already translated).
pub fn translated_in(dir: &Path) -> (BTreeSet<String>, Vec<String>) {
    let mut files = Vec::new();
    rust_files(dir, &mut files);
    files.sort();
    let (mut english, mut unreadable) = (BTreeSet::new(), Vec::new());
    for file in &files {
        let src = std::fs::read_to_string(file).expect("a readable source file");
        let scan = Scan::new(&src);
        let place = file.strip_prefix(dir).unwrap_or(file).display().to_string();
        for &(callee, at) in TRANSLATED {
            for args in scan.calls(callee) {
                let Some(arg) = args.get(at) else {
                    unreadable.push(format!("{place}: {callee} with too few arguments"));
                    continue;
                };
                let literals = scan.literals_in(arg);
                let code = scan.text(arg).trim();
                // Names the core gives (tested apart), the shortcuts' descriptions, and a notice's
                // text made by the translator or from a message of the core.
                let seen = code.ends_with(".name()")
                    || code.ends_with(".one_name()")
                    || ["kind", "name", "what", "definition"].contains(&code)
                    || callee == "Notice::new";
                if literals.is_empty() && !seen {
                    unreadable.push(format!("{place}: {callee}({code})"));
                }
                if callee != "Notice::new" || code.starts_with('"') {
                    english.extend(literals.into_iter().map(String::from));
                }
            }
        }
        for row in scan.const_array("SHORTCUTS").unwrap_or_default() {
            english.extend(scan.literals_in(&row).get(1).map(|s| s.to_string()));
        }
    }
    (english, unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_come_with_their_escapes_resolved_and_comments_are_skipped() {
        let src = r##"let a = "x\"y\u{2026}"; // "not this"
            let c = '"'; let e = '\''; let l: &'static str = r#"raw "q""#; /* "nor this" */ f("a\
               b");"##;
        let scan = Scan::new(src);
        let values: Vec<&str> = scan.literals.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(values, ["x\"y…", "raw \"q\"", "ab"]);
    }

    #[test]
    fn calls_give_their_arguments_split_at_top_level_commas() {
        let src = r#"self.tr.f("{} of {}", &[&a, &b(1, 2)]); str.t("no"); tr.t(if x { "A" } else { "B (" })"#;
        let scan = Scan::new(src);
        let f = scan.calls("tr.f");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].iter().map(|r| scan.text(r).trim()).collect::<Vec<_>>(), ["\"{} of {}\"", "&[&a, &b(1, 2)]"]);
        let t = scan.calls("tr.t");
        assert_eq!(t.len(), 1, "str.t is not a translator's call");
        assert_eq!(scan.literals_in(&t[0][0]), ["A", "B ("]);
    }
}
