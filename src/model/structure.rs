//! An article's structure beyond paragraphs: which paragraphs are headings, and of what level.
//! HTML (through the browser's parser, in the bridge) and Markdown (here) become clean text plus
//! this structure; the text itself is what annotations point into, so it is never rewritten later.

use super::text::shorten;
use serde::{Deserialize, Serialize};

/// A paragraph that is a heading: where it starts (code points) and its level, 1 to 6.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    pub start: usize,
    pub level: u8,
}

/// Text made of blocks, each a paragraph or a heading, joined by blank lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structured {
    pub text: String,
    pub headings: Vec<Heading>,
}

impl Structured {
    /// Adds a block (empty ones are skipped); `level` makes it a heading.
    pub fn push(&mut self, block: &str, level: Option<u8>) {
        let block = block.trim();
        if block.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        if let Some(level) = level {
            self.headings.push(Heading { start: self.text.chars().count(), level: level.clamp(1, 6) });
        }
        self.text.push_str(block);
    }

    /// The title the article gives itself: the text of its first top-level heading (the lowest
    /// level it uses, the first of them), on one line and shortened like any title; `None` when it
    /// has no heading.
    pub fn title(&self) -> Option<String> {
        let top = self.headings.iter().map(|h| h.level).min()?;
        let first = self.headings.iter().find(|h| h.level == top)?;
        let at = self.text.char_indices().nth(first.start)?.0;
        let block = self.text[at..].split("\n\n").next().unwrap_or_default();
        let line = block.split_whitespace().collect::<Vec<_>>().join(" ");
        (!line.is_empty()).then(|| title_from_text(&line))
    }
}

/// Whether a file is Markdown, by its name.
pub fn is_markdown(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// Markdown as clean text: ATX (`# …`) and setext (underlined) headings become headings; list
/// markers, block quote markers, emphasis, code marks and link syntax are dropped (link text
/// kept, images and HTML comments dropped); fenced code keeps its lines. Everything else is kept.
pub fn markdown_to_text(md: &str) -> Structured {
    let mut out = Structured::default();
    let mut paragraph: Vec<String> = Vec::new();
    let mut fenced = false;
    let flush = |paragraph: &mut Vec<String>, out: &mut Structured| {
        out.push(&paragraph.join("\n"), None);
        paragraph.clear();
    };
    let lines: Vec<&str> = md.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut paragraph, &mut out);
            fenced = !fenced;
            i += 1;
            continue;
        }
        if fenced {
            paragraph.push(line.to_string());
            i += 1;
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut out);
        } else if let Some((level, title)) = atx_heading(trimmed) {
            flush(&mut paragraph, &mut out);
            out.push(&inline(title), Some(level));
        } else if let Some(level) = lines.get(i + 1).and_then(|next| setext_level(next)).filter(|_| paragraph.is_empty()) {
            out.push(&inline(trimmed), Some(level));
            i += 1;
        } else if is_rule(trimmed) {
            flush(&mut paragraph, &mut out);
        } else {
            let content = strip_block_markers(trimmed);
            // A list item is a paragraph of its own.
            if content.len() != trimmed.len() && !trimmed.starts_with('>') {
                flush(&mut paragraph, &mut out);
            }
            paragraph.push(inline(content));
        }
        i += 1;
    }
    flush(&mut paragraph, &mut out);
    out
}

fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with(' ') && !rest.starts_with('\t') {
        return None;
    }
    // Closing hashes are decoration.
    let title = rest.trim().trim_end_matches('#').trim_end();
    Some((hashes as u8, title))
}

fn setext_level(line: &str) -> Option<u8> {
    let t = line.trim();
    if t.len() >= 2 && t.chars().all(|c| c == '=') {
        Some(1)
    } else if t.len() >= 2 && t.chars().all(|c| c == '-') {
        Some(2)
    } else {
        None
    }
}

fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3 && (compact.chars().all(|c| c == '-') || compact.chars().all(|c| c == '*') || compact.chars().all(|c| c == '_'))
}

/// Drops `>` quote markers and one list marker (`-`, `*`, `+`, `1.`, `1)`).
fn strip_block_markers(line: &str) -> &str {
    let mut s = line;
    while let Some(rest) = s.strip_prefix('>') {
        s = rest.trim_start();
    }
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = s.strip_prefix(marker) {
            return rest.trim_start();
        }
    }
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits) {
        let rest = &s[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return r.trim_start();
        }
    }
    s
}

/// Inline Markdown as text: `**x**`, `*x*`, `__x__`, `_x_` (at word edges), `` `x` `` lose their
/// marks, `[text](url)` keeps its text, `![alt](src)` and `<!-- … -->` go, `\*` escapes stay literal.
fn inline(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link_end(&chars, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '[' => match link_end(&chars, i) {
                Some((text_end, end)) => {
                    out.push_str(&inline(&chars[i + 1..text_end].iter().collect::<String>()));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '<' if chars[i..].starts_with(&['<', '!', '-', '-']) => {
                let rest: String = chars[i..].iter().collect();
                match rest.find("-->") {
                    Some(end) => i += rest[..end + 3].chars().count(),
                    None => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            '`' => i += 1,
            '*' => i += 1,
            '_' => {
                // Only at a word's edge: snake_case stays as it is.
                let before = i.checked_sub(1).and_then(|j| chars.get(j)).is_some_and(|p| p.is_alphanumeric());
                let after = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                if before && after {
                    out.push(c);
                }
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// For `[text](url)` starting at `open`: where the text ends and where the whole link ends.
fn link_end(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = (open + 1..chars.len()).find(|&j| chars[j] == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = (close + 2..chars.len()).find(|&j| chars[j] == ')')?;
    Some((close, end + 1))
}

/// Why an HTML article gave no text: what the browser's parser could not do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HtmlError {
    /// The browser has no HTML parser to give it to.
    NoParser,
    /// The parser refused it.
    Unparsable,
    /// The parsed page has neither a body nor a root element.
    NoContent,
}

impl std::fmt::Display for HtmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            HtmlError::NoParser => "this browser cannot parse HTML",
            HtmlError::Unparsable => "the HTML could not be parsed",
            HtmlError::NoContent => "the HTML has no content",
        })
    }
}

/// A title for a text with none: its first line, shortened.
pub fn title_from_text(text: &str) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("Untitled");
    shorten(first, 80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_the_first_non_blank_line() {
        assert_eq!(title_from_text("\n  Hello \nworld"), "Hello");
        assert_eq!(title_from_text(""), "Untitled");
        assert_eq!(title_from_text(&"ب".repeat(100)).chars().count(), 81);
    }

    fn heading_texts(s: &Structured) -> Vec<(u8, String)> {
        s.headings.iter().map(|h| (h.level, s.text.chars().skip(h.start).take_while(|c| *c != '\n').collect())).collect()
    }

    #[test]
    fn markdown_headings_and_paragraphs_become_structure() {
        let md = "# عنوان رئيسي\n\nفقرة **أولى** مع [رابط](https://x.org) و`رمز`.\nسطر ثانٍ.\n\n## Second *level* ##\n\n- item one\n- item two\n\n> quoted\n> still\n\nTitle\n-----\n\n![img](a.png)\n\n```\ncode  **kept**\n```\n\nsnake_case and _em_ <!-- hidden -->";
        let s = markdown_to_text(md);
        assert_eq!(heading_texts(&s), [(1, "عنوان رئيسي".to_string()), (2, "Second level".to_string()), (2, "Title".to_string())]);
        let paragraphs: Vec<&str> = s.text.split("\n\n").collect();
        assert_eq!(
            paragraphs,
            [
                "عنوان رئيسي",
                "فقرة أولى مع رابط و رمز.\nسطر ثانٍ.".replace("و رمز", "ورمز").as_str(),
                "Second level",
                "item one",
                "item two",
                "quoted\nstill",
                "Title",
                "code  **kept**",
                "snake_case and em",
            ]
        );
    }

    #[test]
    fn headings_point_at_their_paragraph_in_code_points() {
        let mut s = Structured::default();
        s.push("😀 first", None);
        s.push("  title  ", Some(3));
        s.push("", Some(1));
        assert_eq!(s.text, "😀 first\n\ntitle");
        assert_eq!(s.headings, [Heading { start: 9, level: 3 }]);
        let start: String = s.text.chars().skip(9).collect();
        assert_eq!(start, "title");
    }

    #[test]
    fn the_first_top_level_heading_is_the_title() {
        let title = |md: &str| markdown_to_text(md).title();
        assert_eq!(title("intro\n\n## Second\n\n# First top\n\ntext\n\n# Later top"), Some("First top".into()));
        assert_eq!(title("### Only *level* three\n\ntext"), Some("Only level three".into()));
        assert_eq!(title("Setext title\n============\n\n# ATX"), Some("Setext title".into()));
        assert_eq!(title("just text\n\n- a list"), None, "no heading: the caller keeps its own title");
        let long = format!("# {}", "ب".repeat(100));
        assert_eq!(title(&long).unwrap().chars().count(), 81, "shortened like any title");
        let mut html = Structured::default();
        html.push("menu", None);
        html.push("عنوان\nعلى سطرين", Some(2));
        assert_eq!(html.title(), Some("عنوان على سطرين".into()), "a heading with a line break is one line");
    }

    #[test]
    fn markdown_files_are_known_by_name() {
        assert!(is_markdown("notes.MD"));
        assert!(!is_markdown("notes.txt"));
    }
}
