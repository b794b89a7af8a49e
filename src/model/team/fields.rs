//! Which objects and fields a workspace is written as, and how each is read back. One field per
//! thing a person edits on its own, so two people editing different fields both keep theirs.
//!
//! | object | document | fields (`v`) |
//! |---|---|---|
//! | `ann:<id>` | article | `span` `[start, end]` (code points), `label`, `note`, `created`, `modified`, `actor`, `said_by` (actor id or `null`), `review` (the review's JSON or `null`) |
//! | `orphan:<id>` | article | `label`, `quote` `{exact, prefix, suffix}`, `note`, `created`, `modified`, `reason`, `actor`, `said_by`, `review` |
//! | `actor:<id>` | article | `name`, `kind` (`person`, `organization`) |
//! | `meta` | article | `title`, `url`, `publisher`, `author`, `date_published` |
//! | `labels` | config | `set`: the whole label list (its rules hold only for the whole set) |
//! | `settings` | config | `organisation`, `organisation_url`, `verdicts` |
//!
//! Any object may also have `deleted` (see `doc`).

use super::doc::DocKind;
use crate::model::annotation::{Annotation, AnnotationId, Orphan, Timestamp};
use crate::model::facts::{Actor, ActorId, ActorKind, ArticleMeta, Facts, Review, Settings};
use crate::model::labels::{Label, LabelId};
use crate::model::quote::Quote;
use crate::model::text::Span;
use crate::model::workspace::Workspace;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::rc::Rc;

/// An object's fields and their values.
pub type Fields = BTreeMap<String, Value>;

pub const ANN: &str = "ann:";
pub const ACTOR: &str = "actor:";
pub const ORPHAN: &str = "orphan:";
pub const META: &str = "meta";
pub const LABELS: &str = "labels";
pub const SETTINGS: &str = "settings";
/// The label set is one value: its rules (unique names and keys) hold only for the whole set.
pub const LABEL_SET: &str = "set";

/// Why a stored object cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub why: String,
}

fn fields(pairs: Vec<(&str, Value)>) -> Fields {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

fn id_or_null(id: &Option<ActorId>) -> Value {
    id.as_ref().map_or(Value::Null, |a| Value::String(a.0.clone()))
}

fn review_value(r: &Option<Rc<Review>>) -> Value {
    r.as_ref().map_or(Value::Null, |r| serde_json::to_value(&**r).expect("a review is plain JSON"))
}

fn facts_fields(f: &Facts) -> Vec<(&'static str, Value)> {
    vec![("actor", id_or_null(&f.actor)), ("said_by", id_or_null(&f.said_by)), ("review", review_value(&f.review))]
}

pub fn annotation_fields(a: &Annotation) -> Fields {
    let mut v = vec![
        ("span", json!([a.span.start.0, a.span.end.0])),
        ("label", json!(a.label.0)),
        ("note", json!(a.note)),
        ("created", json!(a.created.0)),
        ("modified", json!(a.modified.0)),
    ];
    v.extend(facts_fields(&a.facts));
    fields(v)
}

pub fn orphan_fields(o: &Orphan) -> Fields {
    let mut v = vec![
        ("label", json!(o.label.0)),
        ("quote", json!({"exact": o.quote.exact, "prefix": o.quote.prefix, "suffix": o.quote.suffix})),
        ("note", json!(o.note)),
        ("created", json!(o.created.0)),
        ("modified", json!(o.modified.0)),
        ("reason", json!(o.reason)),
    ];
    v.extend(facts_fields(&o.facts));
    fields(v)
}

pub fn actor_fields(a: &Actor) -> Fields {
    fields(vec![("name", json!(a.name)), ("kind", json!(a.kind.key()))])
}

pub fn meta_fields(m: &ArticleMeta) -> Fields {
    fields(vec![
        ("title", json!(m.title)),
        ("url", json!(m.url)),
        ("publisher", json!(m.publisher)),
        ("author", json!(m.author)),
        ("date_published", json!(m.date_published)),
    ])
}

pub fn settings_fields(s: &Settings) -> Fields {
    fields(vec![
        ("organisation", json!(s.organisation)),
        ("organisation_url", json!(s.organisation_url)),
        ("verdicts", serde_json::to_value(&s.verdicts).expect("verdicts are plain JSON")),
    ])
}

pub fn labels_fields(labels: &[Label]) -> Fields {
    fields(vec![(LABEL_SET, serde_json::to_value(labels).expect("labels are plain JSON"))])
}

/// Every object of `ws` that lives in a document of `kind`, with its fields.
pub fn objects_of(ws: &Workspace, kind: DocKind) -> BTreeMap<String, Fields> {
    let mut out = BTreeMap::new();
    match kind {
        DocKind::Article => {
            for a in ws.annotations.iter() {
                out.insert(format!("{ANN}{}", a.id.0), annotation_fields(a));
            }
            for o in ws.orphans.iter() {
                out.insert(format!("{ORPHAN}{}", o.id.0), orphan_fields(o));
            }
            for a in ws.actors.iter() {
                out.insert(format!("{ACTOR}{}", a.id.0), actor_fields(a));
            }
            out.insert(META.to_string(), meta_fields(&ws.meta));
        }
        DocKind::Config => {
            out.insert(LABELS.to_string(), labels_fields(&ws.labels));
            out.insert(SETTINGS.to_string(), settings_fields(&ws.settings));
        }
    }
    out
}

struct Reader<'a>(&'a Fields);

impl Reader<'_> {
    fn get(&self, field: &str) -> Result<&Value, FieldError> {
        self.0.get(field).ok_or_else(|| FieldError { field: field.into(), why: "missing".into() })
    }
    fn parse<T: serde::de::DeserializeOwned>(&self, field: &str) -> Result<T, FieldError> {
        serde_json::from_value(self.get(field)?.clone()).map_err(|e| FieldError { field: field.into(), why: e.to_string() })
    }
    /// A field added after the object was first written may be absent: then it has its empty value.
    fn or_default<T: serde::de::DeserializeOwned + Default>(&self, field: &str) -> Result<T, FieldError> {
        match self.0.get(field) {
            None => Ok(T::default()),
            Some(_) => self.parse(field),
        }
    }
    fn facts(&self) -> Result<Facts, FieldError> {
        let actor: Option<String> = self.or_default("actor")?;
        let said_by: Option<String> = self.or_default("said_by")?;
        let review: Option<Review> = self.or_default("review")?;
        Ok(Facts { actor: actor.map(ActorId), said_by: said_by.map(ActorId), review: review.map(Rc::new) })
    }
}

pub fn annotation_from(id: &str, f: &Fields) -> Result<Annotation, FieldError> {
    let r = Reader(f);
    let [start, end]: [usize; 2] = r.parse("span")?;
    if start > end {
        return Err(FieldError { field: "span".into(), why: format!("starts at {start}, after its end {end}") });
    }
    Ok(Annotation {
        id: AnnotationId(id.into()),
        span: Span::new(start, end),
        label: LabelId(r.parse("label")?),
        note: r.or_default("note")?,
        created: Timestamp(r.parse("created")?),
        modified: Timestamp(r.parse("modified")?),
        facts: r.facts()?,
    })
}

pub fn orphan_from(id: &str, f: &Fields) -> Result<Orphan, FieldError> {
    let r = Reader(f);
    #[derive(serde::Deserialize)]
    struct Q {
        exact: String,
        #[serde(default)]
        prefix: String,
        #[serde(default)]
        suffix: String,
    }
    let q: Q = r.parse("quote")?;
    Ok(Orphan {
        id: AnnotationId(id.into()),
        label: LabelId(r.parse("label")?),
        quote: Quote { exact: q.exact, prefix: q.prefix, suffix: q.suffix },
        note: r.or_default("note")?,
        created: Timestamp(r.parse("created")?),
        modified: Timestamp(r.parse("modified")?),
        reason: r.or_default("reason")?,
        facts: r.facts()?,
    })
}

pub fn actor_from(id: &str, f: &Fields) -> Result<Actor, FieldError> {
    let r = Reader(f);
    let key: String = r.parse("kind")?;
    let kind = ActorKind::from_key(&key).ok_or_else(|| FieldError { field: "kind".into(), why: format!("\"{key}\" is not a kind of actor") })?;
    Ok(Actor { id: ActorId(id.into()), name: r.parse("name")?, kind })
}

pub fn meta_from(f: &Fields) -> Result<ArticleMeta, FieldError> {
    let r = Reader(f);
    Ok(ArticleMeta {
        title: r.or_default("title")?,
        url: r.or_default("url")?,
        publisher: r.or_default("publisher")?,
        author: r.or_default("author")?,
        date_published: r.or_default("date_published")?,
    })
}

pub fn settings_from(f: &Fields) -> Result<Settings, FieldError> {
    let r = Reader(f);
    let d = Settings::default();
    Ok(Settings {
        organisation: r.or_default("organisation")?,
        organisation_url: r.or_default("organisation_url")?,
        verdicts: if f.contains_key("verdicts") { r.parse("verdicts")? } else { d.verdicts },
    })
}

pub fn labels_from(f: &Fields) -> Result<Vec<Label>, FieldError> {
    Reader(f).parse(LABEL_SET)
}
