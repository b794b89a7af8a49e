//! HTML articles become clean text with their structure (`model::structure`): each block a
//! paragraph, `h1`–`h6` headings with their level, everything that runs, embeds or is page chrome
//! dropped. Parsed by the browser's DOMParser, whose documents never run scripts, fire handlers or
//! load anything.

use crate::model::structure::{HtmlError, Structured};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "canvas", "video", "audio", "map",
    "nav", "header", "footer", "aside", "form", "button", "select", "input", "textarea", "head", "title", "meta", "link", "base", "dialog",
];

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "td",
    "th",
    "tr",
    "dd",
    "dt",
    "figcaption",
    "caption",
    "br",
    "hr",
    "table",
    "ul",
    "ol",
    "dl",
    "figure",
    "address",
];

/// Whether a file's content looks like an HTML page.
pub fn looks_like_html(name: &str, text: &str) -> bool {
    let lower = name.to_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return true;
    }
    let head = text.trim_start_matches('\u{FEFF}').trim_start().get(..15).unwrap_or("").to_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The article of an HTML page: its paragraphs separated by blank lines, with `h1`–`h6` as headings.
pub fn html_to_text(html: &str) -> Result<Structured, HtmlError> {
    let parser = web_sys::DomParser::new().map_err(|_| HtmlError::NoParser)?;
    let doc = parser.parse_from_string(html, web_sys::SupportedType::TextHtml).map_err(|_| HtmlError::Unparsable)?;
    let root: Node = match doc.body() {
        Some(body) => body.into(),
        None => doc.document_element().ok_or(HtmlError::NoContent)?.into(),
    };
    let mut out = Structured::default();
    let mut current = String::new();
    walk(&root, false, &mut current, &mut out);
    flush(&mut current, &mut out, None);
    Ok(out)
}

fn flush(current: &mut String, out: &mut Structured, level: Option<u8>) {
    out.push(current, level);
    current.clear();
}

fn heading_level(tag: &str) -> Option<u8> {
    let n = tag.strip_prefix('h')?.parse::<u8>().ok()?;
    (1..=6).contains(&n).then_some(n)
}

fn walk(node: &Node, pre: bool, current: &mut String, out: &mut Structured) {
    if node.node_type() == Node::TEXT_NODE {
        let text = node.text_content().unwrap_or_default();
        if pre {
            current.push_str(&text);
        } else {
            // HTML collapses runs of white space into one space.
            for (i, word) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
                if i > 0 && !current.ends_with(' ') && !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(word);
            }
        }
        return;
    }
    let Some(el) = node.dyn_ref::<Element>() else { return };
    let tag = el.tag_name().to_lowercase();
    if DROPPED.contains(&tag.as_str()) || el.has_attribute("hidden") && tag != "body" {
        return;
    }
    let block = BLOCKS.contains(&tag.as_str());
    if block {
        flush(current, out, None);
    }
    let children = node.child_nodes();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            walk(&child, pre || tag == "pre", current, out);
        }
    }
    if block {
        flush(current, out, heading_level(&tag));
    }
}
