//! The suggestions the article draws: grouped by the paragraphs they touch, each group shared
//! (`Rc`) and kept while it does not change, so that a new list re-renders only the paragraphs
//! whose suggestions changed; and the rule per label that colours their dashed outlines.

use super::i18n::Tr;
use crate::model::labels::Label;
use crate::model::render::contract;
use crate::model::suggest::{Key, Suggestion};
use crate::model::text::{Span, TextIndex};
use std::rc::Rc;
use yew::AttrValue;

/// What a paragraph needs to draw one suggestion touching it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposed {
    pub span: Span,
    pub reference: AttrValue,
    pub class: AttrValue,
    pub title: AttrValue,
}

/// The reference of a suggestion in the DOM (see [`contract::suggestion_ref`]).
pub fn reference_of(labels: &[Label], span: Span, label: &crate::model::labels::LabelId) -> String {
    contract::suggestion_ref(span.start.0, span.end.0, labels.iter().position(|l| &l.id == label))
}

/// The key of the suggestion a reference names, given the label set it was drawn with.
pub fn key_of_reference(labels: &[Label], reference: &str) -> Option<Key> {
    let (start, end, k) = contract::parse_suggestion_ref(reference)?;
    Some(Key { start, end, label: labels.get(k?)?.id.clone() })
}

/// Suggestion classes are named by the label's position, like highlight classes.
fn class_of(i: Option<usize>) -> String {
    i.map_or_else(|| "sg-u".to_string(), |i| format!("sg-{i}"))
}

/// One rule per label: the colour of its suggestions' outlines.
pub fn outline_styles(labels: &[Label]) -> String {
    labels
        .iter()
        .enumerate()
        .filter(|(_, l)| crate::model::labels::is_rrggbb(&l.color))
        .map(|(i, l)| format!(".article .sug.{}{{outline-color:{}}}\n", class_of(Some(i)), l.color))
        .collect()
}

/// `list` (in text order) grouped by the paragraphs each touches, one shared group per paragraph.
pub fn by_paragraph(list: &[Proposed], text: &TextIndex) -> Vec<Rc<Vec<Proposed>>> {
    let paragraphs = text.paragraphs();
    let mut fresh: Vec<Vec<Proposed>> = vec![Vec::new(); paragraphs.len()];
    for p in list {
        let mut i = text.paragraph_at_or_after(p.span.start);
        while i < paragraphs.len() && paragraphs[i].span.start < p.span.end {
            fresh[i].push(p.clone());
            i += 1;
        }
    }
    fresh.into_iter().map(Rc::new).collect()
}

/// What was grouped last, to tell whether the groups still hold.
pub struct Grouped {
    list: Rc<Vec<Suggestion>>,
    labels: Rc<Vec<Label>>,
    text: Rc<TextIndex>,
    tr: Tr,
    pub groups: Vec<Rc<Vec<Proposed>>>,
}

/// The suggestions of `list` grouped by paragraph (a suggestion across paragraphs is in each),
/// reusing `before`'s group of every paragraph whose suggestions did not change.
pub fn regroup(before: Option<Grouped>, list: &Rc<Vec<Suggestion>>, labels: &Rc<Vec<Label>>, text: &Rc<TextIndex>, tr: Tr) -> Grouped {
    if let Some(b) = &before {
        if Rc::ptr_eq(&b.list, list) && Rc::ptr_eq(&b.labels, labels) && Rc::ptr_eq(&b.text, text) && b.tr == tr {
            return before.expect("checked");
        }
    }
    let paragraphs = text.paragraphs();
    let mut fresh: Vec<Vec<Proposed>> = vec![Vec::new(); paragraphs.len()];
    let names: Vec<AttrValue> = labels.iter().map(|l| AttrValue::from(Rc::<str>::from(l.name.as_str()))).collect();
    for s in list.iter() {
        let k = labels.iter().position(|l| l.id == s.label);
        let name = k.map_or_else(|| AttrValue::from(s.label.0.clone()), |k| names[k].clone());
        let proposed = Proposed {
            span: s.span,
            reference: contract::suggestion_ref(s.span.start.0, s.span.end.0, k).into(),
            class: class_of(k).into(),
            title: tr.f("Suggestion: {} ({}). Click it, then press a to accept or x to reject.", &[&name, &tr.t(s.kind.one_name())]).into(),
        };
        let mut i = text.paragraph_at_or_after(s.span.start);
        while i < paragraphs.len() && paragraphs[i].span.start < s.span.end {
            fresh[i].push(proposed.clone());
            i += 1;
        }
    }
    let old = before.as_ref().map_or(&[][..], |b| b.groups.as_slice());
    let groups = fresh
        .into_iter()
        .enumerate()
        .map(|(i, group)| match old.get(i) {
            Some(o) if **o == group => o.clone(),
            _ => Rc::new(group),
        })
        .collect();
    Grouped { list: list.clone(), labels: labels.clone(), text: text.clone(), tr, groups }
}
