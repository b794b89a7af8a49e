//! The workspace the documents add up to, the same on every replica; what in them cannot be shown
//! (kept in the documents, reported); and the change set that brings a local workspace there.

use super::doc::TeamDoc;
use super::entry::{valid_id, TeamError};
use super::fields::{self, FieldError, Fields, ACTOR, ANN, LABELS, META, ORPHAN, SETTINGS};
use crate::model::annotation::{article_id_for, Annotation, AnnotationId, Article, Orphan};
use crate::model::change::{Change, ChangeSet};
use crate::model::facts::{Actor, ActorId, Settings};
use crate::model::labels::{check_label_set, default_labels, LabelRule};
use crate::model::workspace::{AnnotationError, Workspace};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// Something in the documents that the workspace leaves out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An entry that does not parse.
    Entry(TeamError),
    /// An object whose fields cannot be read.
    Object { object: String, error: FieldError },
    /// An annotation that cannot be in the workspace (outside the text, unknown label).
    Annotation { id: AnnotationId, error: AnnotationError },
    /// An orphan of a label the set does not have.
    Orphan { id: AnnotationId, label: String },
    /// The label set is not valid: the default set is shown instead.
    Labels(LabelRule),
    /// A link to an actor that was never written: the link is not shown.
    MissingActor { annotation: AnnotationId, actor: ActorId },
}

/// What the documents mean.
#[derive(Clone, Debug, PartialEq)]
pub struct Materialized {
    pub workspace: Workspace,
    pub problems: Vec<Problem>,
    /// Objects marked deleted but kept, because someone edited them concurrently.
    pub deleted_but_edited: Vec<String>,
    /// Objects with a field edited concurrently to different values (see `conflicts`), not
    /// counting the timestamps every edit stamps.
    pub conflicted: Vec<String>,
}

/// The visible objects with a prefix, by id, with their fields.
fn visible<'a>(doc: &'a TeamDoc, prefix: &'a str) -> impl Iterator<Item = (&'a str, &'a String, Fields)> + 'a {
    doc.objects().filter(move |o| o.starts_with(prefix) && !doc.is_deleted(o)).map(move |o| (&o[prefix.len()..], o, doc.values(o)))
}

/// Builds the workspace of `article` from its document and the library's configuration.
pub fn materialize(article: &Article, doc: &TeamDoc, config: &TeamDoc) -> Materialized {
    let mut problems: Vec<Problem> = doc.bad_entries().chain(config.bad_entries()).map(|(_, e)| Problem::Entry(e.clone())).collect();
    let mut object = |object: &str, error: FieldError| problems.push(Problem::Object { object: object.into(), error });

    let mut labels = default_labels();
    if config.objects().any(|o| o == LABELS) {
        match fields::labels_from(&config.values(LABELS)) {
            Ok(set) => labels = set,
            Err(e) => object(LABELS, e),
        }
    }
    let mut settings = Settings::default();
    if config.objects().any(|o| o == SETTINGS) {
        match fields::settings_from(&config.values(SETTINGS)) {
            Ok(s) => settings = s,
            Err(e) => object(SETTINGS, e),
        }
    }
    let meta = match fields::meta_from(&doc.values(META)) {
        Ok(m) => m,
        Err(e) => {
            object(META, e);
            Default::default()
        }
    };
    let mut actors: BTreeMap<String, Actor> = BTreeMap::new();
    for (id, o, f) in visible(doc, ACTOR) {
        match fields::actor_from(id, &f) {
            Ok(a) => drop(actors.insert(id.to_string(), a)),
            Err(e) => object(o, e),
        }
    }
    let mut annotations: Vec<Annotation> = Vec::new();
    for (id, o, f) in visible(doc, ANN) {
        match fields::annotation_from(id, &f) {
            Ok(a) => annotations.push(a),
            Err(e) => object(o, e),
        }
    }
    let mut orphans: Vec<Orphan> = Vec::new();
    for (id, o, f) in visible(doc, ORPHAN) {
        match fields::orphan_from(id, &f) {
            Ok(a) => orphans.push(a),
            Err(e) => object(o, e),
        }
    }
    if let Err(rule) = check_label_set(&labels) {
        problems.push(Problem::Labels(rule));
        labels = default_labels();
    }
    // A link to an actor deleted concurrently brings the actor back (its fields are still there).
    let link = |actors: &mut BTreeMap<String, Actor>, annotation: &AnnotationId, slot: &mut Option<ActorId>, problems: &mut Vec<Problem>| {
        let Some(actor) = slot.clone() else { return };
        if actors.contains_key(&actor.0) {
            return;
        }
        match fields::actor_from(&actor.0, &doc.values(&format!("{ACTOR}{}", actor.0))) {
            Ok(a) => drop(actors.insert(actor.0.clone(), a)),
            Err(_) => {
                problems.push(Problem::MissingActor { annotation: annotation.clone(), actor });
                *slot = None;
            }
        }
    };
    for a in annotations.iter_mut() {
        link(&mut actors, &a.id, &mut a.facts.actor, &mut problems);
        link(&mut actors, &a.id, &mut a.facts.said_by, &mut problems);
    }
    for o in orphans.iter_mut() {
        link(&mut actors, &o.id, &mut o.facts.actor, &mut problems);
        link(&mut actors, &o.id, &mut o.facts.said_by, &mut problems);
    }
    let mut ws = Workspace::new(article.clone(), labels, Vec::new()).with_facts(actors.into_values().collect(), meta, settings);
    let mut shown = Vec::new();
    for a in annotations {
        match ws.check(&a) {
            Ok(()) => shown.push(Rc::new(a)),
            Err(error) => problems.push(Problem::Annotation { id: a.id.clone(), error }),
        }
    }
    let (kept, unknown): (Vec<Orphan>, Vec<Orphan>) = orphans.into_iter().partition(|o| ws.label(&o.label).is_some());
    problems.extend(unknown.into_iter().map(|o| Problem::Orphan { id: o.id, label: o.label.0 }));
    shown.sort_by(|a, b| crate::model::annotation::text_order(a, b));
    ws.annotations = Rc::new(shown);
    ws.orphans = Rc::new(kept);
    let flagged = |d: &TeamDoc| d.objects().filter(|o| d.deleted_but_edited(o)).cloned().collect::<Vec<_>>();
    let conflicted = |d: &TeamDoc| d.objects().filter(|o| !d.is_deleted(o) && super::conflict::edited_apart(d, o)).cloned().collect::<Vec<_>>();
    Materialized { workspace: ws, problems, deleted_but_edited: flagged(doc), conflicted: conflicted(doc).into_iter().chain(conflicted(config)).collect() }
}

/// The changes that turn `before` into `after`, one per object that differs: what a remote
/// update does to the local workspace (applied without entering the local history).
pub fn diff(before: &Workspace, after: &Workspace) -> ChangeSet {
    if before.article != after.article {
        return ChangeSet::one(Change::Workspace { before: Rc::new(before.clone()), after: Rc::new(after.clone()) });
    }
    let mut out = Vec::new();
    if before.labels != after.labels {
        out.push(Change::Labels { before: before.labels.clone(), after: after.labels.clone() });
    }
    if before.settings != after.settings {
        out.push(Change::Settings { before: before.settings.clone(), after: after.settings.clone() });
    }
    if before.meta != after.meta {
        out.push(Change::Meta { before: before.meta.clone(), after: after.meta.clone() });
    }
    for (b, a) in pairs(&before.actors, &after.actors, |x| x.id.0.clone()) {
        out.push(Change::Actor { before: b, after: a });
    }
    let (old, new): (Vec<&Annotation>, Vec<&Annotation>) =
        (before.annotations.iter().map(|a| &**a).collect(), after.annotations.iter().map(|a| &**a).collect());
    for (b, a) in pairs(&old, &new, |x| x.id.0.clone()) {
        out.push(Change::Annotation { before: b.cloned(), after: a.cloned() });
    }
    for (b, a) in pairs(&before.orphans, &after.orphans, |x| x.id.0.clone()) {
        out.push(Change::Orphan { before: b, after: a });
    }
    ChangeSet(out)
}

/// The items of two lists that differ, matched by key.
fn pairs<T: Clone + PartialEq>(old: &[T], new: &[T], key: impl Fn(&T) -> String) -> Vec<(Option<T>, Option<T>)> {
    let old: BTreeMap<String, &T> = old.iter().map(|x| (key(x), x)).collect();
    let new: BTreeMap<String, &T> = new.iter().map(|x| (key(x), x)).collect();
    let mut out = Vec::new();
    for (k, b) in &old {
        match new.get(k) {
            Some(a) if a == b => {}
            a => out.push((Some((*b).clone()), a.map(|a| (*a).clone()))),
        }
    }
    out.extend(new.iter().filter(|(k, _)| !old.contains_key(*k)).map(|(_, a)| (None, Some((*a).clone()))));
    out
}

/// The changes an update of `objects` makes to `current` (which shows the documents as they
/// were), read from those objects alone, so a teammate's keystroke costs one annotation, not the
/// article. `None` when the update reaches further (actors, links to actors `current` lacks,
/// anything else): then `remote_changes` reads everything.
pub fn remote_changes_of(current: &Workspace, doc: &TeamDoc, objects: &BTreeSet<String>) -> Option<(ChangeSet, Vec<Problem>)> {
    let (mut changes, mut problems) = (Vec::new(), Vec::new());
    let links_known = |f: &crate::model::facts::Facts| f.actor.iter().chain(f.said_by.iter()).all(|a| current.actor(a).is_some());
    let shown = |o: &str| !doc.is_deleted(o) && !doc.field_heads(o).is_empty();
    // An actor shown only because a link brought it back goes when the last link does.
    let revived = |f: &crate::model::facts::Facts| f.actor.iter().chain(f.said_by.iter()).any(|a| !shown(&format!("{ACTOR}{}", a.0)));
    for o in objects {
        if let Some(id) = o.strip_prefix(ANN) {
            let mut new = None;
            if shown(o) {
                match fields::annotation_from(id, &doc.values(o)) {
                    Ok(a) if !links_known(&a.facts) => return None,
                    Ok(a) => match current.check(&a) {
                        Ok(()) => new = Some(a),
                        Err(error) => problems.push(Problem::Annotation { id: a.id, error }),
                    },
                    Err(error) => problems.push(Problem::Object { object: o.clone(), error }),
                }
            }
            let old = current.annotation(&AnnotationId(id.into()));
            if old.is_some_and(|a| revived(&a.facts)) {
                return None;
            }
            if old != new.as_ref() {
                changes.push(Change::Annotation { before: old.cloned(), after: new });
            }
        } else if let Some(id) = o.strip_prefix(ORPHAN) {
            let mut new = None;
            if shown(o) {
                match fields::orphan_from(id, &doc.values(o)) {
                    Ok(x) if !links_known(&x.facts) => return None,
                    Ok(x) if current.label(&x.label).is_none() => problems.push(Problem::Orphan { id: x.id, label: x.label.0 }),
                    Ok(x) => new = Some(x),
                    Err(error) => problems.push(Problem::Object { object: o.clone(), error }),
                }
            }
            let old = current.orphan(&AnnotationId(id.into()));
            if old.is_some_and(|x| revived(&x.facts)) {
                return None;
            }
            if old != new.as_ref() {
                changes.push(Change::Orphan { before: old.cloned(), after: new });
            }
        } else if o == META {
            let meta = fields::meta_from(&doc.values(META)).unwrap_or_default();
            if *current.meta != meta {
                changes.push(Change::Meta { before: current.meta.clone(), after: Rc::new(meta) });
            }
        } else {
            return None;
        }
    }
    Some((ChangeSet(changes), problems))
}

/// What the documents mean for `current`'s article, and the changes that take `current` there.
pub fn remote_changes(current: &Workspace, doc: &TeamDoc, config: &TeamDoc) -> (ChangeSet, Materialized) {
    let m = materialize(&current.article, doc, config);
    (diff(current, &m.workspace), m)
}

/// The document name's article id for an article id: its hash part (names allow only
/// `[A-Za-z0-9_-]`); `None` for an id no document can be named by.
pub fn article_doc_id(article_id: &str) -> Option<String> {
    let short = article_id.strip_prefix("urn:annota:article:").unwrap_or(article_id);
    valid_id(short).then(|| short.to_string())
}

/// Whether an article document's text is the one its `hash` and its name `id` say.
pub fn article_id_matches(text: &str, hash: &str, id: &str) -> bool {
    let actual = article_id_for(text);
    actual == hash && article_doc_id(&actual).as_deref() == Some(id)
}
