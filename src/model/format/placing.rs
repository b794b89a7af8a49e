//! Placing imported annotations in a text: offsets checked against quotes, UTF-16 offsets
//! detected and converted, quotes found again (exactly, by context, or fuzzily), orphans kept.

use super::{IdOf, ImportError};
use crate::model::annotation::{Annotation, AnnotationId, Orphan, Timestamp};
use crate::model::labels::{Label, LabelRepair, LabelSet};
use crate::model::quote::{anchor, Placement, Quote};
use crate::model::text::{CharOffset, Span, TextIndex, Utf16Offset};
use std::collections::HashSet;
use std::fmt;

/// The unit a file's offsets are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    CodePoint,
    Utf16,
}

/// One annotation as a file describes it, before it is placed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    pub id: Option<String>,
    pub label: String,
    /// Offsets in the file's unit, as the file gave them.
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub exact: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub note: String,
    pub created: Option<String>,
    pub modified: Option<String>,
    pub facts: crate::model::facts::Facts,
}

/// What an import did, to tell the user.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportSummary {
    pub format: &'static str,
    pub placed_exactly: usize,
    pub moved: usize,
    pub fuzzy: usize,
    pub orphaned: usize,
    /// One reason per annotation that was not understood at all.
    pub rejected: Vec<Rejected>,
    /// Anything else worth saying (offsets converted, extra documents ignored).
    pub notes: Vec<ImportNote>,
}

/// Why one annotation of a file was left out (the file itself was read). `n` counts from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejected {
    NoOffsetsNorQuote {
        n: usize,
    },
    /// A Label Studio result of another type (`kind` is its type as JSON).
    NotTextLabel {
        n: usize,
        kind: String,
    },
    NotAnObject {
        n: usize,
    },
    NoLabelBody {
        n: usize,
    },
    NoSelector {
        n: usize,
    },
}

/// Something an import did that the user should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportNote {
    /// The file's label set was repaired to follow the rules of Edit labels.
    LabelRepaired(LabelRepair),
    Utf16Converted,
    TextDiffers,
    /// The file holds `n` documents (doccano) or tasks (Label Studio); the first was opened.
    ExtraDocuments {
        n: usize,
    },
    ExtraTasks {
        n: usize,
    },
    /// The Label Studio task holds `n` annotators' annotations; the first was taken.
    ExtraAnnotators {
        n: usize,
    },
    RelationsSkipped {
        n: usize,
    },
}

/// Why an imported annotation became an orphan; kept as text with the orphan (files and storage
/// hold it), so the interface translates it by the table.
pub const QUOTE_NOT_FOUND: &str = "its quote was not found in the text";

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejected::NoOffsetsNorQuote { n } => write!(f, "annotation {n} has neither offsets nor a quote"),
            Rejected::NotTextLabel { n, kind } => write!(f, "result {n} is not a text label (type {kind})"),
            Rejected::NotAnObject { n } => write!(f, "item {n} is not an object"),
            Rejected::NoLabelBody { n } => write!(f, "annotation {n} has no label (no body with purpose \"tagging\")"),
            Rejected::NoSelector { n } => write!(f, "annotation {n} has no TextQuoteSelector or TextPositionSelector"),
        }
    }
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportNote::LabelRepaired(r) => r.fmt(f),
            ImportNote::Utf16Converted => f.write_str("Its offsets were UTF-16 code units (as JavaScript counts); they were converted to code points."),
            ImportNote::TextDiffers => f.write_str("Its text differs from the open article's, so each annotation was found again by its quote."),
            ImportNote::ExtraDocuments { n } => write!(f, "The file holds {n} documents; the first was opened."),
            ImportNote::ExtraTasks { n } => write!(f, "The file holds {n} tasks; the first was opened."),
            ImportNote::ExtraAnnotators { n } => {
                write!(f, "The task holds the annotations of {n} annotators; the first one's were taken (Import as layer… brings each as a layer).")
            }
            ImportNote::RelationsSkipped { n: 1 } => f.write_str("Its relation was not imported (Annota reads spans, labels and notes from Label Studio)."),
            ImportNote::RelationsSkipped { n } => {
                write!(f, "Its {n} relations were not imported (Annota reads spans, labels and notes from Label Studio).")
            }
        }
    }
}

/// One sentence for the user.
impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = vec![format!("{} placed exactly", self.placed_exactly)];
        if self.moved > 0 {
            parts.push(format!("{} moved (found by their quote)", self.moved));
        }
        if self.fuzzy > 0 {
            parts.push(format!("{} found by an approximate match", self.fuzzy));
        }
        if self.orphaned > 0 {
            parts.push(format!("{} orphaned (kept, listed under Orphans)", self.orphaned));
        }
        if !self.rejected.is_empty() {
            let reasons: Vec<String> = self.rejected.iter().take(3).map(Rejected::to_string).collect();
            parts.push(format!("{} rejected ({})", self.rejected.len(), reasons.join("; ")));
        }
        write!(f, "{}: {}.", self.format, parts.join(", "))?;
        for n in &self.notes {
            write!(f, " {n}")?;
        }
        Ok(())
    }
}

impl ImportSummary {
    pub fn new(format: &'static str) -> Self {
        ImportSummary { format, ..Default::default() }
    }

    pub fn total_placed(&self) -> usize {
        self.placed_exactly + self.moved + self.fuzzy
    }
}

/// Finds the label a file means: by id or by name, ignoring case.
pub fn resolve_label<'a>(labels: &'a [Label], name: &str) -> Option<&'a Label> {
    let wanted = name.trim().to_lowercase();
    labels.iter().find(|l| l.id.0.to_lowercase() == wanted || l.name.to_lowercase() == wanted)
}

fn slice_utf16(text: &TextIndex, start: usize, end: usize) -> Option<&str> {
    let s = text.char_of_utf16(Utf16Offset(start))?;
    let e = text.char_of_utf16(Utf16Offset(end))?;
    text.slice(Span { start: s, end: e })
}

/// Decides the unit of offsets that came with quotes: UTF-16 if more quotes match that way.
pub fn detect_unit<'a>(text: &TextIndex, items: impl IntoIterator<Item = &'a Incoming>) -> OffsetUnit {
    let (mut cp, mut u16) = (0usize, 0usize);
    for it in items {
        let (Some(s), Some(e), Some(exact)) = (it.start, it.end, it.exact.as_deref()) else { continue };
        if text.slice(Span::new(s, e)) == Some(exact) {
            cp += 1;
        }
        if slice_utf16(text, s, e) == Some(exact) {
            u16 += 1;
        }
    }
    if u16 > cp {
        OffsetUnit::Utf16
    } else {
        OffsetUnit::CodePoint
    }
}

/// A file's annotations whose ids are all valid and distinct (from one another and from the
/// file's orphans): made only by [`CheckedItems::check`], so placing them never needs a new id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckedItems(Vec<(AnnotationId, Incoming)>);

impl CheckedItems {
    /// Refuses a missing, invalid ([`super::facts::check_id`]) or repeated id, naming it.
    pub fn check<'a>(items: Vec<Incoming>, orphan_ids: impl IntoIterator<Item = &'a str>) -> Result<CheckedItems, ImportError> {
        let mut seen = HashSet::new();
        let mut take = |id: &str| -> Result<(), ImportError> {
            super::facts::check_id(IdOf::Annotation, id)?;
            if !seen.insert(id.to_string()) {
                return Err(ImportError::DuplicateId { id: id.to_string() });
            }
            Ok(())
        };
        let mut checked = Vec::with_capacity(items.len());
        for it in items {
            let Some(id) = it.id.clone() else { return Err(ImportError::BlankId { of: IdOf::Annotation, id: String::new() }) };
            take(&id)?;
            checked.push((AnnotationId(id), it));
        }
        for id in orphan_ids {
            take(id)?;
        }
        Ok(CheckedItems(checked))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items, for placing among other ids (see [`place_all`]).
    pub fn into_items(self) -> Vec<Incoming> {
        self.0.into_iter().map(|(_, it)| it).collect()
    }
}

/// How [`place_all`] gives ids: an annotation keeps its own unless it has none, or an invalid one,
/// or one already `taken` (by the open workspace or an earlier annotation); `make` makes the rest.
pub struct NewIds<'a> {
    pub taken: HashSet<String>,
    pub make: &'a mut dyn FnMut() -> String,
}

impl<'a> NewIds<'a> {
    /// No id taken yet.
    pub fn fresh(make: &'a mut dyn FnMut() -> String) -> Self {
        NewIds { taken: HashSet::new(), make }
    }
}

/// Places every incoming annotation in `text`. A label outside `labels`, or a span outside the
/// text with no quote to find it by, refuses the whole file; a quote that cannot be found makes
/// an orphan. `new_ids` says which ids are kept and makes the others.
pub fn place_all(
    text: &TextIndex,
    labels: &[Label],
    items: &[Incoming],
    unit: Option<OffsetUnit>,
    now: &Timestamp,
    new_ids: NewIds<'_>,
    summary: &mut ImportSummary,
) -> Result<(Vec<Annotation>, Vec<Orphan>), ImportError> {
    let NewIds { taken: mut ids, make: new_id } = new_ids;
    let with_ids: Vec<(AnnotationId, &Incoming)> = items
        .iter()
        .map(|it| {
            let id = match it.id.as_deref() {
                Some(id) if super::facts::check_id(IdOf::Annotation, id).is_ok() && !ids.contains(id) => id.to_string(),
                _ => new_id(),
            };
            ids.insert(id.clone());
            (AnnotationId(id), it)
        })
        .collect();
    place(text, labels, &with_ids, unit, now, summary)
}

/// [`place_all`] for items whose ids were checked: each keeps its own.
pub fn place_checked(
    text: &TextIndex,
    labels: &[Label],
    items: &CheckedItems,
    unit: Option<OffsetUnit>,
    now: &Timestamp,
    summary: &mut ImportSummary,
) -> Result<(Vec<Annotation>, Vec<Orphan>), ImportError> {
    let with_ids: Vec<(AnnotationId, &Incoming)> = items.0.iter().map(|(id, it)| (id.clone(), it)).collect();
    place(text, labels, &with_ids, unit, now, summary)
}

fn place(
    text: &TextIndex,
    labels: &[Label],
    items: &[(AnnotationId, &Incoming)],
    unit: Option<OffsetUnit>,
    now: &Timestamp,
    summary: &mut ImportSummary,
) -> Result<(Vec<Annotation>, Vec<Orphan>), ImportError> {
    let unknown: Vec<String> = {
        let mut seen = Vec::new();
        for (_, it) in items {
            if resolve_label(labels, &it.label).is_none() && !seen.contains(&it.label) {
                seen.push(it.label.clone());
            }
        }
        seen
    };
    if !unknown.is_empty() {
        let known = labels.iter().map(|l| l.id.0.clone()).collect();
        return Err(ImportError::UnknownLabels { unknown, known });
    }
    let unit = unit.unwrap_or_else(|| detect_unit(text, items.iter().map(|(_, it)| *it)));
    if unit == OffsetUnit::Utf16 {
        summary.notes.push(ImportNote::Utf16Converted);
    }
    let mut placed = Vec::new();
    let mut orphans = Vec::new();
    for (n, (id, it)) in items.iter().enumerate() {
        let id = id.clone();
        let label = resolve_label(labels, &it.label).expect("checked above").id.clone();
        let to_chars = |o: usize| match unit {
            OffsetUnit::CodePoint => Some(CharOffset(o)),
            OffsetUnit::Utf16 => text.char_of_utf16(Utf16Offset(o)),
        };
        let hint = match (it.start.and_then(to_chars), it.end.and_then(to_chars)) {
            (Some(s), Some(e)) if s < e && e.0 <= text.char_len() => Some(Span { start: s, end: e }),
            _ => None,
        };
        let created = Timestamp(it.created.clone().unwrap_or_else(|| now.0.clone()));
        let modified = Timestamp(it.modified.clone().unwrap_or_else(|| created.0.clone()));
        let exact = it.exact.clone().filter(|e| !e.is_empty());
        let placement = match (&exact, hint) {
            (Some(exact), _) => {
                let quote = Quote { exact: exact.clone(), prefix: it.prefix.clone().unwrap_or_default(), suffix: it.suffix.clone().unwrap_or_default() };
                match anchor(text, &quote, hint) {
                    Some(p) => p,
                    None => {
                        orphans.push(Orphan {
                            id,
                            label,
                            quote,
                            note: it.note.clone(),
                            created,
                            modified,
                            reason: QUOTE_NOT_FOUND.into(),
                            facts: it.facts.clone(),
                        });
                        summary.orphaned += 1;
                        continue;
                    }
                }
            }
            // No quote to check against: the offsets are all there is.
            (None, Some(span)) => Placement::Exact(span),
            (None, None) => match (it.start, it.end) {
                (Some(s), Some(e)) => return Err(ImportError::OutsideText { n: n + 1, id: it.id.clone(), start: s, end: e, len: text.char_len() }),
                _ => {
                    summary.rejected.push(Rejected::NoOffsetsNorQuote { n: n + 1 });
                    continue;
                }
            },
        };
        match placement {
            Placement::Exact(_) => summary.placed_exactly += 1,
            Placement::Moved(_) => summary.moved += 1,
            Placement::Fuzzy { .. } => summary.fuzzy += 1,
        }
        placed.push(Annotation { id, span: placement.span(), label, note: it.note.clone(), created, modified, facts: it.facts.clone() });
    }
    Ok((placed, orphans))
}

/// A file's (or storage's) label set under the label editor's rules: repaired where its meaning
/// is plain, each repair told, or refused whole ([`LabelSet::repair`]).
pub fn check_labels(labels: Vec<Label>) -> Result<(LabelSet, Vec<LabelRepair>), ImportError> {
    LabelSet::repair(labels).map_err(ImportError::Labels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::labels::default_labels;
    use crate::model::testkit::ts;

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("new-{n}")
        }
    }

    fn item(label: &str, start: usize, end: usize, exact: Option<&str>) -> Incoming {
        Incoming { label: label.into(), start: Some(start), end: Some(end), exact: exact.map(Into::into), ..Default::default() }
    }

    #[test]
    fn utf16_offsets_are_detected_by_their_quotes_and_converted() {
        let text = TextIndex::new("😀😀 قال لافروف 👍 نعم");
        // "لافروف" starts at code point 7, UTF-16 unit 9.
        let items = vec![item("actor", 9, 15, Some("لافروف")), item("Claim", 16, 20, Some("👍 ن"))];
        assert_eq!(detect_unit(&text, &items), OffsetUnit::Utf16);
        let mut summary = ImportSummary::new("test");
        let (placed, orphans) = place_all(&text, &default_labels(), &items, None, &ts("t"), NewIds::fresh(&mut counter()), &mut summary).unwrap();
        assert!(orphans.is_empty());
        assert_eq!(text.slice(placed[0].span), Some("لافروف"));
        assert_eq!(text.slice(placed[1].span), Some("👍 ن"));
        assert_eq!(placed[1].label.0, "claim", "labels match by name, ignoring case");
        assert_eq!(summary.placed_exactly, 2);
        assert_eq!(summary.notes, [ImportNote::Utf16Converted]);
    }

    #[test]
    fn unknown_labels_refuse_the_file_and_lost_quotes_become_orphans() {
        let text = TextIndex::new("abc def");
        let labels = default_labels();
        let mut s = ImportSummary::new("t");
        let err = place_all(&text, &labels, &[item("PERSON", 0, 3, None)], None, &ts("t"), NewIds::fresh(&mut counter()), &mut s).unwrap_err();
        assert!(err.to_string().contains("\"PERSON\" is not in the label set (claim, quote, actor)"), "{err}");

        let err = place_all(&text, &labels, &[item("claim", 5, 50, None)], None, &ts("t"), NewIds::fresh(&mut counter()), &mut s).unwrap_err();
        assert!(err.to_string().contains("outside the text"), "{err}");

        let mut s = ImportSummary::new("t");
        let (placed, orphans) = place_all(
            &text,
            &labels,
            &[item("claim", 0, 3, Some("xyz uvw")), item("quote", 4, 7, Some("def"))],
            None,
            &ts("t"),
            NewIds::fresh(&mut counter()),
            &mut s,
        )
        .unwrap();
        assert_eq!(placed.len(), 1);
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].quote.exact, "xyz uvw");
        assert_eq!((s.placed_exactly, s.orphaned), (1, 1));
    }

    #[test]
    fn clashing_or_missing_ids_get_new_ones() {
        let text = TextIndex::new("abc def");
        let mut items = vec![item("claim", 0, 3, Some("abc")), item("claim", 4, 7, Some("def"))];
        items[0].id = Some("x".into());
        items[1].id = Some("x".into());
        let mut s = ImportSummary::new("t");
        let (placed, _) = place_all(&text, &default_labels(), &items, None, &ts("t"), NewIds::fresh(&mut counter()), &mut s).unwrap();
        assert_eq!(placed[0].id.0, "x");
        assert_eq!(placed[1].id.0, "new-1");
    }

    #[test]
    fn checked_items_keep_their_own_ids_and_refuse_any_that_would_need_a_new_one() {
        let text = TextIndex::new("abc def");
        let with_id = |id: &str, start, end, exact| Incoming { id: Some(id.into()), ..item("claim", start, end, Some(exact)) };
        let items = CheckedItems::check(vec![with_id("x", 0, 3, "abc"), with_id("y", 4, 7, "xyz")], ["z"]).unwrap();
        let mut s = ImportSummary::new("t");
        let (placed, orphans) = place_checked(&text, &default_labels(), &items, None, &ts("t"), &mut s).unwrap();
        assert_eq!((placed[0].id.0.as_str(), orphans[0].id.0.as_str()), ("x", "y"));
        let refused = |items: Vec<Incoming>, orphans: &[&str]| CheckedItems::check(items, orphans.iter().copied()).unwrap_err().to_string();
        assert!(refused(vec![item("claim", 0, 3, None)], &[]).contains("annotation id \"\" is empty"));
        assert!(refused(vec![with_id("a b", 0, 3, "abc")], &[]).contains("white space"));
        assert!(refused(vec![with_id(&"x".repeat(513), 0, 3, "abc")], &[]).contains("longer than"));
        assert!(refused(vec![with_id("x", 0, 3, "abc"), with_id("x", 4, 7, "def")], &[]).contains("\"x\" appears twice"));
        assert!(refused(vec![with_id("x", 0, 3, "abc")], &["x"]).contains("\"x\" appears twice"), "an orphan's id too");
        // What place_all gives a new id is exactly what the check refuses: one rule.
        let (placed, _) = place_all(&text, &default_labels(), &[with_id("a b", 0, 3, "abc")], None, &ts("t"), NewIds::fresh(&mut counter()), &mut s).unwrap();
        assert_eq!(placed[0].id.0, "new-1");
    }
}
