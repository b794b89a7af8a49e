//! The article: one keyed paragraph component each, so an edit re-renders only the paragraphs it touches.

use crate::model::annotation::{label_look, text_order, Annotation, AnnotationId, Label, LabelId};
use crate::model::factcheck::{Actor, ActorId};
use crate::model::structure::Heading;
use crate::model::labels::Pattern;
use std::collections::HashMap;
use crate::model::segment::segments;
use crate::model::text::{Span, TextIndex};
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
}

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub text: Rc<TextIndex>,
    pub labels: Rc<Vec<Label>>,
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub actors: Rc<Vec<Actor>>,
    /// Paragraphs that are headings, by start (sorted).
    pub headings: Rc<Vec<Heading>>,
    pub selected: Option<AnnotationId>,
    pub flash: Option<(AnnotationId, u32)>,
    pub article_ref: NodeRef,
    pub onclick: Callback<MouseEvent>,
    /// The annotating view's article takes keyboard focus (the report's does not).
    #[prop_or_default]
    pub focusable: bool,
}

/// Each label's name, colour, description id and pattern, and each actor's name, made once per
/// render and shared by every annotation that uses them.
struct Looks<'a> {
    labels: &'a [Label],
    looks: Vec<(&'a LabelId, AttrValue, AttrValue, AttrValue, Pattern)>,
    names: HashMap<&'a ActorId, AttrValue>,
}

impl<'a> Looks<'a> {
    fn new(labels: &'a [Label], actors: &'a [Actor]) -> Self {
        let shared = |s: &str| AttrValue::from(Rc::<str>::from(s));
        // A label set is small: a linear search beats hashing.
        let looks = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (&l.id, shared(&l.name), shared(&l.color), AttrValue::from(description_id(i)), Pattern::at(i)))
            .collect();
        let names = actors.iter().map(|a| (&a.id, shared(&a.name))).collect();
        Looks { labels, looks, names }
    }

    fn touching(&self, a: &Rc<Annotation>) -> Touching {
        let (label_name, color, described_by, pattern) = match self.looks.iter().find(|(id, ..)| **id == a.label) {
            Some((_, name, color, desc, pattern)) => (name.clone(), color.clone(), desc.clone(), *pattern),
            None => {
                let (name, color) = label_look(self.labels, &a.label);
                (name.into(), color.into(), AttrValue::from(UNKNOWN_LABEL), Pattern::Solid)
            }
        };
        let said_by = a.facts.said_by.as_ref().and_then(|id| self.names.get(id)).cloned();
        Touching { annotation: a.clone(), label_name, color, pattern, said_by, described_by }
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

/// The annotations only the old list has and only the new one has (records are shared, so an
/// unchanged one is the same pointer); both lists are in text order, so one walk finds them.
fn differing(old: &[Rc<Annotation>], new: &[Rc<Annotation>]) -> (Vec<Rc<Annotation>>, Vec<Rc<Annotation>>) {
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

/// The groups after an edit of a few annotations: only the paragraphs they touch are rebuilt;
/// `None` when the text, labels or actors changed too (then everything is rebuilt).
fn regroup(before: &Grouped, text: &Rc<TextIndex>, labels: &Rc<Vec<Label>>, actors: &Rc<Vec<Actor>>, annotations: &Rc<Vec<Rc<Annotation>>>) -> Option<Vec<Rc<Vec<Touching>>>> {
    if !Rc::ptr_eq(&before.text, text) || !Rc::ptr_eq(&before.labels, labels) || !Rc::ptr_eq(&before.actors, actors) {
        return None;
    }
    let (gone, came) = differing(&before.annotations, annotations);
    if gone.len() + came.len() > 256 {
        return None;
    }
    let looks = Looks::new(labels, actors);
    let mut groups = before.groups.clone();
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

/// One hidden element per label naming it, outside the article so that its text stays the
/// article's alone; every highlight points at its labels' names with `aria-describedby`.
fn label_descriptions(labels: &[Label]) -> Html {
    html! {
        <div hidden=true>
            { for labels.iter().enumerate().map(|(i, l)| html! { <span id={description_id(i)}>{ l.name.clone() }</span> }) }
            <span id={UNKNOWN_LABEL}>{ "Unknown label" }</span>
        </div>
    }
}

#[component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    let texts: Rc<Vec<AttrValue>> = use_memo(props.text.clone(), |text| {
        text.paragraphs().iter().map(|p| AttrValue::from(text.slice(p.span).unwrap_or("").to_string())).collect::<Vec<_>>()
    });
    let previous = use_mut_ref(|| None::<Grouped>);
    let groups = use_memo((props.text.clone(), props.labels.clone(), props.annotations.clone(), props.actors.clone()), |(t, l, a, x)| {
        let before = previous.borrow_mut().take();
        let groups = before.as_ref().and_then(|b| regroup(b, t, l, x, a)).unwrap_or_else(|| {
            let old = before.as_ref().map_or(&[][..], |b| b.groups.as_slice());
            reuse_unchanged(old, group_by_paragraph(t, l, a, x))
        });
        *previous.borrow_mut() = Some(Grouped { text: t.clone(), labels: l.clone(), actors: x.clone(), annotations: a.clone(), groups: groups.clone() });
        groups
    });
    let paragraphs = props.text.paragraphs();
    let count = paragraphs.len();
    // Where the selected and flashing annotations are, found once, so each chunk checks a span.
    let span_of = |id: &AnnotationId| props.annotations.iter().find(|a| &a.id == id).map(|a| a.span);
    let selected_span = props.selected.as_ref().and_then(span_of);
    let flash_span = props.flash.as_ref().and_then(|(id, _)| span_of(id));
    html! {
        <>
        { label_descriptions(&props.labels) }
        <article class="article" ref={props.article_ref.clone()} onclick={props.onclick.clone()} aria-label="Article"
            id={props.focusable.then_some("article")} tabindex={props.focusable.then_some("0")}
            aria-describedby={props.focusable.then_some("article-keys")}>
            { for (0..count.div_ceil(CHUNK)).map(|c| {
                let range = c * CHUNK..((c + 1) * CHUNK).min(count);
                let groups: Vec<Rc<Vec<Touching>>> = groups[range.clone()].to_vec();
                let chunk = Span { start: paragraphs[range.start].span.start, end: paragraphs[range.end - 1].span.end };
                let within = |span: Option<Span>| span.is_some_and(|s| s.start < chunk.end && chunk.start < s.end);
                let selected = props.selected.clone().filter(|_| within(selected_span));
                let flash = props.flash.clone().filter(|_| within(flash_span));
                html! {
                    <Chunk key={c} first={range.start} texts={texts.clone()} full={props.text.clone()} headings={props.headings.clone()} {groups} {selected} {flash} />
                }
            }) }
        </article>
        if props.focusable {
            <p id="article-keys" hidden=true>{ "Arrow keys select words, Shift extends, 1 2 3 label, n and p move between annotations, question mark lists every shortcut." }</p>
        }
        </>
    }
}

/// Paragraphs are rendered in chunks, so that an edit compares a few dozen chunks, not every paragraph.
const CHUNK: usize = 64;

#[derive(Properties, PartialEq)]
struct ChunkProps {
    first: usize,
    texts: Rc<Vec<AttrValue>>,
    full: Rc<TextIndex>,
    headings: Rc<Vec<Heading>>,
    groups: Vec<Rc<Vec<Touching>>>,
    selected: Option<AnnotationId>,
    flash: Option<(AnnotationId, u32)>,
}

#[component]
fn Chunk(props: &ChunkProps) -> Html {
    let paragraphs = props.full.paragraphs();
    html! {
        <>
            { for props.groups.iter().enumerate().map(|(k, touching)| {
                let i = props.first + k;
                let has = |id: &AnnotationId| touching.iter().any(|t| &t.annotation.id == id);
                let selected = props.selected.clone().filter(|id| has(id));
                let flash = props.flash.clone().filter(|(id, _)| has(id));
                let start = paragraphs[i].span.start.0;
                let level = props.headings.binary_search_by_key(&start, |h| h.start).ok().map(|k| props.headings[k].level);
                html! {
                    <Paragraph key={i} span={paragraphs[i].span} text={props.texts[i].clone()} full={props.full.clone()}
                        touching={touching.clone()} {level} {selected} {flash} />
                }
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    pub span: Span,
    pub text: AttrValue,
    /// The whole text, for cutting segments; compared by pointer, so it costs nothing.
    pub full: Rc<TextIndex>,
    pub touching: Rc<Vec<Touching>>,
    /// A heading's level (1–6); the article's headings start at `h2`, under the page's `h1`.
    pub level: Option<u8>,
    pub selected: Option<AnnotationId>,
    pub flash: Option<(AnnotationId, u32)>,
}

#[component]
pub fn Paragraph(props: &ParagraphProps) -> Html {
    let spans: Vec<Span> = props.touching.iter().map(|t| t.annotation.span).collect();
    let pieces = segments(props.span, &spans);
    let text = &props.full;
    let tag = match props.level {
        Some(level) => format!("h{}", (level + 1).min(6)),
        None => "p".to_string(),
    };
    html! {
        <@{tag} dir="auto" data-s={props.span.start.0.to_string()} data-e={props.span.end.0.to_string()}>
            { for pieces.into_iter().map(|seg| {
                let content = text.slice(seg.span).unwrap_or("").to_string();
                let (s, e) = (seg.span.start.0.to_string(), seg.span.end.0.to_string());
                if seg.covering.is_empty() {
                    return html! { <span data-s={s} data-e={e}>{ content }</span> };
                }
                let covering: Vec<&Touching> = seg.covering.iter().map(|&i| &props.touching[i]).collect();
                let ids = covering.iter().map(|t| t.annotation.id.as_str()).collect::<Vec<_>>().join(" ");
                let names = covering.iter().map(|t| t.label_name.as_str()).collect::<Vec<_>>();
                let mut described: Vec<&str> = covering.iter().map(|t| t.described_by.as_str()).collect();
                described.sort_unstable();
                described.dedup();
                let style = super::pattern::highlight_style(covering.iter().map(|t| (t.pattern, t.color.as_str())));
                let is_selected = props.selected.as_ref().is_some_and(|sel| covering.iter().any(|t| &t.annotation.id == sel));
                let flash = props.flash.as_ref().filter(|(id, _)| covering.iter().any(|t| &t.annotation.id == id))
                    .map(|(_, n)| if n % 2 == 0 { "flash-a" } else { "flash-b" });
                // The speaker's name after a linked quote or claim: CSS draws it from the attribute,
                // so it is neither text of the article nor selectable.
                let said_by = covering.iter().filter(|t| t.annotation.span.end == seg.span.end).filter_map(|t| t.said_by.as_ref().map(|n| n.as_str())).collect::<Vec<_>>();
                let said_by = (!said_by.is_empty()).then(|| said_by.join(" · "));
                html! {
                    <mark data-s={s} data-e={e} data-ids={ids} data-labels={names.join(" ")} data-said-by={said_by} aria-describedby={described.join(" ")}
                        title={names.join(" + ")} {style}
                        class={classes!(is_selected.then_some("selected"), flash)}>{ content }</mark>
                }
            }) }
        </@>
    }
}
