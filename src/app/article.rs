//! The article: paragraphs in chunks of 16, each chunk one HTML string parsed by the browser when
//! it first shows; after that an edit patches only the paragraphs whose markup changed, and
//! selecting or flashing restyles marks in place (through `bridge::article_dom`).

use super::i18n::Tr;
use super::proposed::{self, Proposed};
use crate::bridge::article_dom;
use crate::model::annotation::{differing, text_order, Annotation, AnnotationId};
use crate::model::facts::{Actor, ActorId};
use crate::model::labels::Pattern;
use crate::model::labels::{label_look, Label, LabelId};
use crate::model::render::contract;
use crate::model::render::markup;
use crate::model::structure::Heading;
use crate::model::suggest::Suggestion;
use crate::model::text::{Span, TextIndex};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// What a paragraph needs to know about one annotation that touches it. Every field is shared
/// (`Rc`), so building these for 10,000 annotations copies pointers, and comparing them is cheap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Touching {
    pub annotation: Rc<Annotation>,
    pub label_name: AttrValue,
    pub color: AttrValue,
    /// Its label's underline, so labels differ without colour.
    pub pattern: Pattern,
    /// Who said this quote or made this claim, shown as a chip at its end.
    pub said_by: Option<AttrValue>,
    /// The id of the hidden element naming its label, for `aria-describedby`.
    pub described_by: AttrValue,
    /// The class drawing its label alone (see [`label_styles`]).
    pub class: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub text: Rc<TextIndex>,
    pub labels: Rc<Vec<Label>>,
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub actors: Rc<Vec<Actor>>,
    /// Paragraphs that are headings, by start (sorted).
    pub headings: Rc<Vec<Heading>>,
    /// The selected annotation (its record, so its place needs no search).
    pub selected: Option<Rc<Annotation>>,
    pub flash: Option<(AnnotationId, u32)>,
    pub article_ref: NodeRef,
    pub onclick: Callback<MouseEvent>,
    /// The annotating view's article takes keyboard focus (the report's does not).
    #[prop_or_default]
    pub focusable: bool,
    /// Suggestions to draw as dashed outlines (the report draws none).
    #[prop_or_default]
    pub suggestions: Rc<Vec<Suggestion>>,
    /// The current suggestion's span and reference, drawn solid.
    #[prop_or_default]
    pub current_suggestion: Option<(Span, AttrValue)>,
    /// Other annotators' spans, drawn as rings in their layer's colour (see `layers::rings`).
    #[prop_or_default]
    pub rings: Rc<Vec<Proposed>>,
    /// The rule of each layer's ring colour.
    #[prop_or_default]
    pub ring_styles: AttrValue,
}

/// Each label's name, colour, description id and pattern, and each actor's name, made once per
/// render and shared by every annotation that uses them.
struct Looks<'a> {
    labels: &'a [Label],
    looks: Vec<(&'a LabelId, AttrValue, AttrValue, AttrValue, Pattern, AttrValue)>,
    names: HashMap<&'a ActorId, AttrValue>,
}

impl<'a> Looks<'a> {
    fn new(labels: &'a [Label], actors: &'a [Actor]) -> Self {
        let shared = |s: &str| AttrValue::from(Rc::<str>::from(s));
        // A label set is small: a linear search beats hashing.
        let looks = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (&l.id, shared(&l.name), shared(&l.color), AttrValue::from(description_id(i)), Pattern::at(i), AttrValue::from(label_class(i))))
            .collect();
        let names = actors.iter().map(|a| (&a.id, shared(&a.name))).collect();
        Looks { labels, looks, names }
    }

    fn touching(&self, a: &Rc<Annotation>) -> Touching {
        let (label_name, color, described_by, pattern, class) = match self.looks.iter().find(|(id, ..)| **id == a.label) {
            Some((_, name, color, desc, pattern, class)) => (name.clone(), color.clone(), desc.clone(), *pattern, class.clone()),
            None => {
                let (name, color) = label_look(self.labels, &a.label);
                (name.into(), color.into(), AttrValue::from(UNKNOWN_LABEL), Pattern::Solid, AttrValue::from(UNKNOWN_CLASS))
            }
        };
        let said_by = a.facts.said_by.as_ref().and_then(|id| self.names.get(id)).cloned();
        Touching { annotation: a.clone(), label_name, color, pattern, said_by, described_by, class }
    }
}

/// The paragraphs (indexes) a span touches.
fn paragraphs_of(text: &TextIndex, span: Span) -> std::ops::Range<usize> {
    let paragraphs = text.paragraphs();
    let first = text.paragraph_at_or_after(span.start);
    let mut last = first;
    while last < paragraphs.len() && paragraphs[last].span.start < span.end {
        last += 1;
    }
    first..last
}

/// Annotations grouped by the paragraphs they touch (a span across paragraphs is in each of them).
fn group_by_paragraph(text: &TextIndex, labels: &[Label], annotations: &[Rc<Annotation>], actors: &[Actor]) -> Vec<Vec<Touching>> {
    let mut groups = vec![Vec::new(); text.paragraphs().len()];
    let looks = Looks::new(labels, actors);
    for a in annotations {
        let touching = looks.touching(a);
        for i in paragraphs_of(text, a.span) {
            groups[i].push(touching.clone());
        }
    }
    groups
}

/// What the groups were last built from, so that an edit rebuilds only the paragraphs it touches.
struct Grouped {
    text: Rc<TextIndex>,
    labels: Rc<Vec<Label>>,
    actors: Rc<Vec<Actor>>,
    annotations: Rc<Vec<Rc<Annotation>>>,
    groups: Vec<Rc<Vec<Touching>>>,
}

/// The groups after an edit of a few annotations: only the paragraphs they touch are rebuilt;
/// `None` when the text, labels or actors changed too (then everything is rebuilt).
fn regroup(
    before: &mut Grouped,
    text: &Rc<TextIndex>,
    labels: &Rc<Vec<Label>>,
    actors: &Rc<Vec<Actor>>,
    annotations: &Rc<Vec<Rc<Annotation>>>,
) -> Option<Vec<Rc<Vec<Touching>>>> {
    if !Rc::ptr_eq(&before.text, text) || !Rc::ptr_eq(&before.labels, labels) || !Rc::ptr_eq(&before.actors, actors) {
        return None;
    }
    let (gone, came) = differing(&before.annotations, annotations);
    if gone.len() + came.len() > 256 {
        return None;
    }
    let looks = Looks::new(labels, actors);
    let mut groups = std::mem::take(&mut before.groups);
    let mut dirty: Vec<usize> = gone.iter().chain(came.iter()).flat_map(|a| paragraphs_of(text, a.span)).collect();
    dirty.sort_unstable();
    dirty.dedup();
    for i in dirty {
        let p = text.paragraphs()[i].span;
        let mut group: Vec<Touching> = groups[i].iter().filter(|t| !gone.iter().any(|g| Rc::ptr_eq(g, &t.annotation))).cloned().collect();
        group.extend(came.iter().filter(|a| a.span.start < p.end && p.start < a.span.end).map(|a| looks.touching(a)));
        group.sort_by(|x, y| text_order(&x.annotation, &y.annotation));
        groups[i] = Rc::new(group);
    }
    Some(groups)
}

/// The new groups, reusing the previous `Rc` of every paragraph whose group did not change, so
/// that chunks and paragraphs compare their props by pointer and only changed ones re-render.
fn reuse_unchanged(previous: &[Rc<Vec<Touching>>], fresh: Vec<Vec<Touching>>) -> Vec<Rc<Vec<Touching>>> {
    fresh
        .into_iter()
        .enumerate()
        .map(|(i, group)| match previous.get(i) {
            Some(old) if **old == group => old.clone(),
            _ => Rc::new(group),
        })
        .collect()
}

/// Label ids come from files and may hold anything, so descriptions are named by position.
fn description_id(i: usize) -> String {
    format!("label-desc-{i}")
}

const UNKNOWN_LABEL: &str = "label-desc-unknown";

/// Label classes are named by position, like their descriptions.
fn label_class(i: usize) -> String {
    format!("hl-{i}")
}

const UNKNOWN_CLASS: &str = "hl-unknown";

/// One rule per label drawing a highlight of that label alone (most highlights), so a `<mark>`
/// carries a class, not a long inline style; overlaps keep an inline style of their stack.
fn label_styles(labels: &[Label]) -> String {
    let rule = |class: &str, pattern: Pattern, color: &str| {
        let color = if crate::model::labels::is_rrggbb(color) { color } else { "#999999" };
        format!(".article mark.{class}{{{}}}\n", super::pattern::highlight_style(std::iter::once((pattern, color))))
    };
    let mut css: String = labels.iter().enumerate().map(|(i, l)| rule(&label_class(i), Pattern::at(i), &l.color)).collect();
    css.push_str(&rule(UNKNOWN_CLASS, Pattern::Solid, "#999999"));
    css
}

/// One hidden element per label naming it, outside the article so that its text stays the
/// article's alone; every highlight points at its labels' names with `aria-describedby`.
fn label_descriptions(labels: &[Label], tr: Tr) -> Html {
    html! {
        <div hidden=true>
            { for labels.iter().enumerate().map(|(i, l)| html! { <span id={description_id(i)}>{ l.name.clone() }</span> }) }
            <span id={UNKNOWN_LABEL}>{ tr.t("Unknown label") }</span>
        </div>
    }
}

#[component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    let tr = super::i18n::use_tr();
    let styles = use_memo(props.labels.clone(), |labels| label_styles(labels) + &proposed::outline_styles(labels));
    let proposals = use_mut_ref(|| None::<proposed::Grouped>);
    {
        let mut proposals = proposals.borrow_mut();
        let before = proposals.take();
        *proposals = Some(proposed::regroup(before, &props.suggestions, &props.labels, &props.text, tr));
    }
    let proposals = proposals.borrow();
    let proposals = &proposals.as_ref().expect("grouped above").groups;
    // The rings join each paragraph's suggestions; a paragraph with none keeps the suggestions' group as it is.
    // With no rings (most of the time) the suggestions' groups are used as they are: no work per edit.
    let ringed = use_mut_ref(|| None::<(Rc<Vec<Proposed>>, Vec<Rc<Vec<Proposed>>>)>);
    {
        let mut ringed = ringed.borrow_mut();
        if props.rings.is_empty() {
            *ringed = None;
        } else if !ringed.as_ref().is_some_and(|(r, _)| Rc::ptr_eq(r, &props.rings)) {
            *ringed = Some((props.rings.clone(), proposed::by_paragraph(&props.rings, &props.text)));
        }
    }
    let ringed = ringed.borrow();
    let joined = use_mut_ref(Vec::<Option<(Rc<Vec<Proposed>>, Rc<Vec<Proposed>>, Rc<Vec<Proposed>>)>>::new);
    let with_rings: Option<Vec<Rc<Vec<Proposed>>>> = ringed.as_ref().map(|(_, ring_groups)| {
        let mut joined = joined.borrow_mut();
        joined.resize(proposals.len(), None);
        proposals
            .iter()
            .enumerate()
            .map(|(i, sug)| match ring_groups.get(i).filter(|r| !r.is_empty()) {
                None => sug.clone(),
                Some(r) => match &joined[i] {
                    Some((s0, r0, both)) if Rc::ptr_eq(s0, sug) && Rc::ptr_eq(r0, r) => both.clone(),
                    _ => {
                        let both = Rc::new(sug.iter().chain(r.iter()).cloned().collect::<Vec<_>>());
                        joined[i] = Some((sug.clone(), r.clone(), both.clone()));
                        both
                    }
                },
            })
            .collect()
    });
    let proposals: &[Rc<Vec<Proposed>>] = with_rings.as_deref().unwrap_or(proposals);
    // The groups live here only (no memo copy): an edit updates them in place.
    let previous = use_mut_ref(|| None::<Grouped>);
    {
        let (t, l, a, x) = (&props.text, &props.labels, &props.annotations, &props.actors);
        let mut previous = previous.borrow_mut();
        let current =
            previous.as_ref().is_some_and(|b| Rc::ptr_eq(&b.text, t) && Rc::ptr_eq(&b.labels, l) && Rc::ptr_eq(&b.annotations, a) && Rc::ptr_eq(&b.actors, x));
        if !current {
            let mut before = previous.take();
            let groups = before.as_mut().and_then(|b| regroup(b, t, l, x, a)).unwrap_or_else(|| {
                let old = before.as_ref().map_or(&[][..], |b| b.groups.as_slice());
                reuse_unchanged(old, group_by_paragraph(t, l, a, x))
            });
            *previous = Some(Grouped { text: t.clone(), labels: l.clone(), actors: x.clone(), annotations: a.clone(), groups });
        }
    }
    let previous = previous.borrow();
    let groups = &previous.as_ref().expect("grouped above").groups;
    let paragraphs = props.text.paragraphs();
    let count = paragraphs.len();
    // Where the selected and flashing annotations are, found once, so each chunk checks a span.
    let selected_span = props.selected.as_ref().map(|a| a.span);
    let selected_id = props.selected.as_ref().map(|a| a.id.clone());
    let flash_span = props.flash.as_ref().and_then(|(id, _)| props.annotations.iter().find(|a| &a.id == id)).map(|a| a.span);
    html! {
        <>
        { label_descriptions(&props.labels, tr) }
        <style>{ (*styles).clone() }{ props.ring_styles.clone() }</style>
        <article class="article" ref={props.article_ref.clone()} onclick={props.onclick.clone()} aria-label={tr.t("Article")}
            id={props.focusable.then_some("article")} tabindex={props.focusable.then_some("0")}
            aria-describedby={props.focusable.then_some("article-keys")}>
            { for (0..contract::chunk_count(count)).map(|c| {
                let range = contract::chunk_paragraphs(c, count);
                let groups: Vec<Rc<Vec<Touching>>> = groups[range.clone()].to_vec();
                let chunk = Span { start: paragraphs[range.start].span.start, end: paragraphs[range.end - 1].span.end };
                let within = |span: Option<Span>| span.is_some_and(|s| s.start < chunk.end && chunk.start < s.end);
                let selected = selected_id.clone().filter(|_| within(selected_span));
                let flash = props.flash.clone().filter(|_| within(flash_span));
                let proposed: Vec<Rc<Vec<Proposed>>> = proposals[range.clone()].to_vec();
                let current = props.current_suggestion.as_ref().filter(|(span, _)| within(Some(*span))).map(|(_, r)| r.clone());
                html! {
                    <Chunk key={c} index={c} first={range.start} full={props.text.clone()} headings={props.headings.clone()} {groups} {proposed} {current}
                        {selected} {flash} article={props.article_ref.clone()} />
                }
            }) }
        </article>
        if props.focusable {
            <p id="article-keys" hidden=true>{ tr.t("Arrow keys select words, Shift extends, 1 2 3 label, n and p move between annotations, s between suggestions (a accepts, x rejects), question mark lists every shortcut.") }</p>
        }
        </>
    }
}

// Paragraphs are rendered in chunks of `contract::CHUNK`, so that an edit compares a few hundred
// chunks, not every paragraph, and the browser parses one string per chunk when the article opens.
#[derive(Properties, PartialEq)]
struct ChunkProps {
    /// Which chunk: its element is the article's child at this index.
    index: usize,
    first: usize,
    full: Rc<TextIndex>,
    headings: Rc<Vec<Heading>>,
    groups: Vec<Rc<Vec<Touching>>>,
    /// Each paragraph's suggestions.
    proposed: Vec<Rc<Vec<Proposed>>>,
    /// The current suggestion's reference, when it is in this chunk.
    current: Option<AttrValue>,
    selected: Option<AnnotationId>,
    flash: Option<(AnnotationId, u32)>,
    article: NodeRef,
}

/// What one paragraph's markup was made from, so it is rebuilt only when that changes.
struct Made {
    group: Rc<Vec<Touching>>,
    proposed: Rc<Vec<Proposed>>,
    level: Option<u8>,
    selected: Option<AnnotationId>,
    flash: Option<(AnnotationId, u32)>,
    current: Option<AttrValue>,
    html: Rc<str>,
}

/// A chunk's paragraphs as they are in the DOM, and the text they belong to.
#[derive(Default)]
struct Shown {
    text: Option<Rc<TextIndex>>,
    first: usize,
    /// Counts the texts this chunk has shown: its first string is made again when this changes.
    generation: u64,
    paragraphs: Vec<Made>,
    /// Paragraphs whose markup changed since the DOM was last patched.
    stale: Vec<usize>,
    /// Paragraphs where only the selected or flashing highlight or the current suggestion changed: their classes are set in
    /// place, so the nodes under the pointer stay (a double click selects a word in a highlight).
    restyled: Vec<usize>,
}

/// What a paragraph shows besides its text: its highlights and suggestions, and which of them stand out.
struct Shows<'a> {
    group: &'a [Touching],
    proposed: &'a [Proposed],
    level: Option<u8>,
    selected: Option<&'a AnnotationId>,
    flash: Option<&'a (AnnotationId, u32)>,
    current: Option<&'a str>,
}

fn paragraph_markup(text: &TextIndex, span: Span, shows: Shows) -> Rc<str> {
    let Shows { group, proposed, level, selected, flash, current } = shows;
    let highlights: Vec<markup::Highlight> = group
        .iter()
        .map(|t| markup::Highlight {
            span: t.annotation.span,
            id: t.annotation.id.as_str(),
            label: &t.label_name,
            class: &t.class,
            described_by: &t.described_by,
            said_by: t.said_by.as_deref(),
        })
        .collect();
    let proposals: Vec<markup::Proposal> =
        proposed.iter().map(|p| markup::Proposal { span: p.span, reference: &p.reference, class: &p.class, title: &p.title }).collect();
    let look = markup::Look { level, selected: selected.map(|id| id.as_str()), flash: flash.map(|(id, n)| (id.as_str(), *n)), current };
    let overlap = |covering: &[usize]| super::pattern::highlight_style(covering.iter().map(|&i| (group[i].pattern, group[i].color.as_str())));
    let mut out = String::with_capacity(span.len() * 2 + 64);
    markup::paragraph(&mut out, text, span, &highlights, &proposals, look, &overlap);
    out.into()
}

/// A chunk of paragraphs: one `div` parsed from one string when it first shows; after that an
/// edit replaces only the paragraphs whose markup changed (Yew keeps the string it was given, so it
/// never rebuilds the chunk behind the patches).
#[component]
fn Chunk(props: &ChunkProps) -> Html {
    let shown = use_mut_ref(Shown::default);
    let paragraphs = props.full.paragraphs();
    {
        let mut shown = shown.borrow_mut();
        let fresh = !shown.text.as_ref().is_some_and(|t| Rc::ptr_eq(t, &props.full)) || shown.first != props.first;
        if fresh {
            *shown = Shown { text: Some(props.full.clone()), first: props.first, generation: shown.generation + 1, ..Shown::default() };
        }
        for (k, (group, proposed)) in props.groups.iter().zip(&props.proposed).enumerate() {
            let i = props.first + k;
            let has = |id: &AnnotationId| group.iter().any(|t| &t.annotation.id == id);
            let selected = props.selected.clone().filter(|id| has(id));
            let flash = props.flash.clone().filter(|(id, _)| has(id));
            let current = props.current.clone().filter(|r| proposed.iter().any(|p| &p.reference == r));
            let start = paragraphs[i].span.start.0;
            let level = props.headings.binary_search_by_key(&start, |h| h.start).ok().map(|k| props.headings[k].level);
            let (same_content, same_look) = match shown.paragraphs.get(k) {
                Some(m) => (
                    Rc::ptr_eq(&m.group, group) && Rc::ptr_eq(&m.proposed, proposed) && m.level == level,
                    m.selected == selected && m.flash == flash && m.current == current,
                ),
                None => (false, false),
            };
            if same_content && same_look {
                continue;
            }
            let shows = Shows { group, proposed, level, selected: selected.as_ref(), flash: flash.as_ref(), current: current.as_deref() };
            let html = paragraph_markup(&props.full, paragraphs[i].span, shows);
            let made = Made { group: group.clone(), proposed: proposed.clone(), level, selected, flash, current, html };
            if k < shown.paragraphs.len() {
                shown.paragraphs[k] = made;
                if same_content {
                    shown.restyled.push(k)
                } else {
                    shown.stale.push(k)
                }
            } else {
                shown.paragraphs.push(made);
            }
        }
    }
    // The string the chunk was first parsed from: it changes only with the text (then Yew
    // replaces the whole chunk, and nothing is stale).
    let generation = shown.borrow().generation;
    let initial = use_memo(generation, |_| {
        let mut shown = shown.borrow_mut();
        shown.stale.clear();
        shown.restyled.clear();
        // Until the chunk is first shown, its size is a guess (about 70 characters a line).
        let estimate: usize = shown.paragraphs.iter().enumerate().map(|(k, _)| paragraphs[props.first + k].span.len().div_ceil(70) * 2 + 1).sum();
        AttrValue::from(markup::chunk(estimate, shown.paragraphs.iter().map(|m| &*m.html)))
    });
    {
        let (shown, article, index) = (shown.clone(), props.article.clone(), props.index);
        use_effect(move || {
            let mut shown = shown.borrow_mut();
            let stale = std::mem::take(&mut shown.stale);
            let restyled = std::mem::take(&mut shown.restyled);
            if let Some(chunk) = article.cast::<web_sys::Element>().and_then(|a| article_dom::chunk_element(&a, index)) {
                for k in stale {
                    article_dom::patch_paragraph(&chunk, k, &shown.paragraphs[k].html);
                }
                for k in restyled {
                    if let Some(p) = article_dom::paragraph_in_chunk(&chunk, k) {
                        let m = &shown.paragraphs[k];
                        article_dom::restyle_marks(&p, m.selected.as_ref(), m.flash.as_ref());
                        article_dom::restyle_suggestions(&p, m.current.as_deref());
                    }
                }
            }
        });
    }
    Html::from_html_unchecked((*initial).clone())
}
