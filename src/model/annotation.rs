//! Annotations, the orphans an import could not place, and the article they belong to (with its
//! id from its text, and the built-in sample); annotations in text order and what an edit changed.

use super::facts::Facts;
use super::labels::LabelId;
use super::quote::Quote;
use super::structure::Heading;
use super::text::{Span, TextIndex};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// An annotation's stable id (a UUID made at the edge, since the reducer is pure).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub String);

impl AnnotationId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An RFC 3339 time in UTC, as `Date.prototype.toISOString` writes it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    pub id: AnnotationId,
    pub span: Span,
    pub label: LabelId,
    pub note: String,
    pub created: Timestamp,
    pub modified: Timestamp,
    /// Who it names or who said it, and a claim's review.
    pub facts: Facts,
}

/// An annotation an import could not place in the text: kept with its quote, never dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    pub id: AnnotationId,
    pub label: LabelId,
    pub quote: Quote,
    pub note: String,
    pub created: Timestamp,
    pub modified: Timestamp,
    /// Why it could not be placed.
    pub reason: String,
    pub facts: Facts,
}

/// The order of the side panel and of exports: by start, longer first, then by id.
pub fn text_order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
    a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)).then_with(|| a.id.cmp(&b.id))
}

/// The annotations only the old list has and only the new one has (records are shared, so an
/// unchanged one is the same pointer); both lists are in text order, so one walk finds them.
pub fn differing(old: &[Rc<Annotation>], new: &[Rc<Annotation>]) -> (Vec<Rc<Annotation>>, Vec<Rc<Annotation>>) {
    let (mut i, mut j) = (0, 0);
    let (mut gone, mut came) = (Vec::new(), Vec::new());
    loop {
        match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) if Rc::ptr_eq(a, b) => {
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) => match text_order(a, b) {
                std::cmp::Ordering::Less => {
                    gone.push(a.clone());
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    came.push(b.clone());
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    gone.push(a.clone());
                    came.push(b.clone());
                    i += 1;
                    j += 1;
                }
            },
            (Some(a), None) => {
                gone.push(a.clone());
                i += 1;
            }
            (None, Some(b)) => {
                came.push(b.clone());
                j += 1;
            }
            (None, None) => return (gone, came),
        }
    }
}

/// The article being annotated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable across sessions: derived from the text unless a file gave one.
    pub id: String,
    pub title: String,
    pub text: Rc<TextIndex>,
    /// Paragraphs that are headings (from HTML or Markdown); empty for plain text.
    pub headings: Rc<Vec<Heading>>,
}

impl Article {
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Self {
        let text = TextIndex::new(text);
        Article { id: article_id_for(text.as_str()), title: title.into(), text: Rc::new(text), headings: Rc::new(Vec::new()) }
    }

    /// The same article with these headings, keeping only those that start a paragraph.
    pub fn with_headings(mut self, headings: Vec<Heading>) -> Self {
        let paragraphs = self.text.paragraphs();
        let starts: std::collections::HashSet<usize> = paragraphs.iter().map(|p| p.span.start.0).collect();
        let mut kept: Vec<Heading> = headings.into_iter().filter(|h| starts.contains(&h.start) && (1..=6).contains(&h.level)).collect();
        kept.sort_by_key(|h| h.start);
        kept.dedup_by_key(|h| h.start);
        self.headings = Rc::new(kept);
        self
    }
}

/// `urn:annota:article:<FNV-1a 64 of the UTF-8 text>`: the same text gets the same id anywhere.
pub fn article_id_for(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("urn:annota:article:{hash:016x}")
}

/// The sample article the app opens with.
pub const SAMPLE_TEXT: &str = include_str!("../../samples/fars-amirabdollahian-lavrov.ar.txt");
pub const SAMPLE_TITLE: &str = "مشاورة هاتفية بين الأمير عبد اللهيان ولافروف حول غزة والعلاقات الثنائية";

pub fn sample_article() -> Article {
    Article::new(SAMPLE_TITLE, SAMPLE_TEXT)
}

#[cfg(test)]
mod tests {
    #[test]
    fn differing_finds_what_an_edit_added_removed_and_replaced() {
        let at = |start: usize, id: &str| Rc::new(crate::model::testkit::ann(id, start, start + 2, "claim"));
        let (a, b, c, d) = (at(0, "a"), at(5, "b"), at(9, "c"), at(12, "d"));
        let b2 = Rc::new(Annotation { note: "edited".into(), ..(*b).clone() });
        let old = vec![a.clone(), b.clone(), c.clone()];
        let new = vec![a.clone(), b2.clone(), d.clone()];
        let (gone, came) = differing(&old, &new);
        let ids = |v: &[Rc<Annotation>]| v.iter().map(|x| x.id.0.clone()).collect::<Vec<_>>();
        assert_eq!((ids(&gone), ids(&came)), (vec!["b".to_string(), "c".into()], vec!["b".to_string(), "d".into()]));
        assert!(Rc::ptr_eq(&came[0], &b2));
        assert_eq!(differing(&old, &old), (vec![], vec![]));
    }

    use super::*;

    #[test]
    fn article_ids_depend_on_the_text_only() {
        assert_eq!(Article::new("a", "نص").id, Article::new("b", "نص").id);
        assert_ne!(Article::new("a", "نص").id, Article::new("a", "نص ").id);
    }
}
