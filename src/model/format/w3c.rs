//! W3C Web Annotation (JSON-LD): an AnnotationCollection with its first page embedded.
//! TextPositionSelector offsets are code points, as the model requires.

use super::placing::{ImportSummary, Incoming, Rejected};
use super::ImportError;
use crate::model::facts::{ActorId, Facts};
use crate::model::quote::Quote;
use crate::model::workspace::Workspace;
use serde_json::{json, Map, Value};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

fn is_uuid(id: &str) -> bool {
    id.len() == 36 && id.chars().enumerate().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { c == '-' } else { c.is_ascii_hexdigit() })
}

/// Every byte but the unreserved ones (RFC 3986) as `%XX`, so that any id fits in an IRI.
fn percent_encode(id: &str) -> String {
    id.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// An absolute IRI for an annotation id: UUIDs as `urn:uuid:`, anything else percent-encoded.
pub fn annotation_iri(id: &str) -> String {
    if is_uuid(id) {
        return format!("urn:uuid:{id}");
    }
    if id.contains(':') && id.is_ascii() && !id.contains(char::is_whitespace) {
        return id.to_string();
    }
    format!("urn:annota:annotation:{}", percent_encode(id))
}

/// An absolute IRI for an actor id, the same way: `urn:uuid:` or `urn:annota:actor:`.
pub fn actor_iri(id: &str) -> String {
    if is_uuid(id) {
        format!("urn:uuid:{id}")
    } else {
        format!("urn:annota:actor:{}", percent_encode(id))
    }
}

/// The bodies that carry an annotation's facts: the actor an actor span names (identifying),
/// who said a quote or made a claim (linking), the review (assessing) and its evidence (linking).
fn fact_bodies(ws: &Workspace, facts: &Facts) -> Vec<Value> {
    let agent =
        |id: &Option<ActorId>| id.as_ref().and_then(|id| ws.actor(id)).map(|a| json!({ "id": actor_iri(&a.id.0), "type": a.kind.type_name(), "name": a.name }));
    let mut bodies = Vec::new();
    if let Some(source) = agent(&facts.actor) {
        bodies.push(json!({ "type": "SpecificResource", "purpose": "identifying", "source": source }));
    }
    if let Some(source) = agent(&facts.said_by) {
        bodies.push(json!({ "type": "SpecificResource", "purpose": "linking", "source": source }));
    }
    let Some(review) = facts.review.as_deref() else { return bodies };
    let assessment = match (review.verdict.as_deref(), review.text.trim()) {
        (Some(v), "") => v.to_string(),
        (Some(v), _) => format!("{v}: {}", review.text),
        (None, "") => String::new(),
        (None, _) => review.text.clone(),
    };
    if !assessment.is_empty() {
        bodies.push(json!({ "type": "TextualBody", "purpose": "assessing", "value": assessment, "format": "text/plain" }));
    }
    for e in review.evidence.iter().filter(|e| !e.url.trim().is_empty()) {
        // A space is the one thing people type into URLs that an IRI cannot hold.
        let mut source = json!({ "id": e.url.trim().replace(' ', "%20") });
        if !e.title.trim().is_empty() {
            source["label"] = json!(e.title);
        }
        bodies.push(json!({ "type": "SpecificResource", "purpose": "linking", "source": source }));
    }
    bodies
}

/// The id Annota keeps for an annotation IRI: the UUID of a `urn:uuid:`, else the IRI itself.
fn id_from_iri(iri: &str) -> String {
    if let Some(uuid) = iri.strip_prefix("urn:uuid:") {
        return uuid.to_string();
    }
    let Some(encoded) = iri.strip_prefix("urn:annota:annotation:") else { return iri.to_string() };
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%').then(|| encoded.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())).flatten();
        match hex {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| iri.to_string())
}

pub fn export(ws: &Workspace) -> String {
    let text = &ws.article.text;
    // The article's own address when its details give one (what W3C consumers can dereference).
    let url = ws.meta.url.trim();
    let source = if url.contains("://") && !url.contains(char::is_whitespace) { url.to_string() } else { ws.article.id.clone() };
    let base = ws.article.id.replace("urn:annota:article:", "urn:annota:collection:");
    let items: Vec<Value> = ws
        .annotations
        .iter()
        .map(|a| {
            let quote = Quote::of(text, a.span);
            let label_name = ws.label(&a.label).map_or(a.label.0.clone(), |l| l.id.0.clone());
            let mut body = vec![json!({ "type": "TextualBody", "value": label_name, "purpose": "tagging" })];
            if !a.note.is_empty() {
                body.push(json!({ "type": "TextualBody", "value": a.note, "format": "text/plain", "purpose": "commenting" }));
            }
            body.extend(fact_bodies(ws, &a.facts));
            // Each annotation and the page carry the context too: the model requires it of
            // every Annotation and AnnotationPage, embedded or not.
            json!({
                "@context": CONTEXT,
                "id": annotation_iri(&a.id.0),
                "type": "Annotation",
                "created": a.created.0,
                "modified": a.modified.0,
                "body": body,
                "target": {
                    "source": source,
                    "selector": [
                        { "type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix },
                        { "type": "TextPositionSelector", "start": a.span.start.0, "end": a.span.end.0 }
                    ]
                }
            })
        })
        .collect();
    let collection = json!({
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": ws.title(),
        "total": items.len(),
        "first": {
            "@context": CONTEXT,
            "id": format!("{base}:page:1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items
        }
    });
    serde_json::to_string_pretty(&collection).expect("JSON values serialise")
}

fn types_of(v: &Value) -> Vec<&str> {
    match v.get("type").or_else(|| v.get("@type")) {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    types_of(v).iter().any(|x| *x == t || x.ends_with(&format!("#{t}")) || x.ends_with(&format!("/{t}")))
}

/// Whether a JSON value looks like Web Annotation data.
pub fn looks_like(v: &Value) -> bool {
    match v {
        Value::Array(items) => items.first().is_some_and(|i| has_type(i, "Annotation") || i.get("target").is_some()),
        Value::Object(_) => {
            ["Annotation", "AnnotationCollection", "AnnotationPage"].iter().any(|t| has_type(v, t))
                || v.get("@context").and_then(Value::as_str).is_some_and(|c| c.contains("anno.jsonld"))
        }
        _ => false,
    }
}

fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(other) => vec![other],
        None => vec![],
    }
}

/// The annotations of a collection (first page embedded), a page, an array or a single annotation.
fn annotations_in(v: &Value) -> Result<Vec<&Value>, ImportError> {
    if let Value::Array(items) = v {
        return Ok(items.iter().collect());
    }
    if has_type(v, "AnnotationCollection") {
        return match v.get("first") {
            Some(page @ Value::Object(_)) => Ok(as_list(page.get("items"))),
            Some(Value::String(iri)) => Err(ImportError::PageNotEmbedded { iri: iri.clone() }),
            _ => Ok(vec![]),
        };
    }
    if has_type(v, "AnnotationPage") {
        return Ok(as_list(v.get("items")));
    }
    Ok(vec![v])
}

fn text_of(body: &Value) -> Option<String> {
    match body {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("value").or_else(|| o.get("rdf:value")).and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

fn purposes(body: &Value) -> Vec<&str> {
    as_list(body.get("purpose")).into_iter().filter_map(Value::as_str).collect()
}

fn read_one(a: &Value, n: usize) -> Result<Incoming, Rejected> {
    let obj: &Map<String, Value> = a.as_object().ok_or(Rejected::NotAnObject { n })?;
    let bodies = as_list(obj.get("body"));
    let label = bodies
        .iter()
        .find(|b| purposes(b).contains(&"tagging") || purposes(b).contains(&"classifying"))
        .and_then(|b| text_of(b))
        .ok_or(Rejected::NoLabelBody { n })?;
    let note = bodies
        .iter()
        .filter(|b| purposes(b).contains(&"commenting") || (purposes(b).is_empty() && has_type(b, "TextualBody")))
        .filter_map(|b| text_of(b))
        .collect::<Vec<_>>()
        .join("\n");
    let mut incoming = Incoming { label, note, ..Default::default() };
    let target = as_list(obj.get("target")).into_iter().find(|t| t.is_object());
    let selectors = target.map(|t| as_list(t.get("selector"))).unwrap_or_default();
    for s in selectors {
        if has_type(s, "TextQuoteSelector") {
            incoming.exact = s.get("exact").and_then(Value::as_str).map(str::to_string);
            incoming.prefix = s.get("prefix").and_then(Value::as_str).map(str::to_string);
            incoming.suffix = s.get("suffix").and_then(Value::as_str).map(str::to_string);
        } else if has_type(s, "TextPositionSelector") {
            let num = |k: &str| s.get(k).and_then(Value::as_u64).and_then(|x| usize::try_from(x).ok());
            incoming.start = num("start");
            incoming.end = num("end");
        }
    }
    if incoming.exact.is_none() && incoming.start.is_none() {
        return Err(Rejected::NoSelector { n });
    }
    incoming.id = obj.get("id").and_then(Value::as_str).map(id_from_iri);
    incoming.created = obj.get("created").and_then(Value::as_str).map(str::to_string);
    incoming.modified = obj.get("modified").and_then(Value::as_str).map(str::to_string);
    Ok(incoming)
}

/// Reads Web Annotation data. It carries no text: the caller places it on the open article.
pub fn parse(v: &Value, summary: &mut ImportSummary) -> Result<Vec<Incoming>, ImportError> {
    let list = annotations_in(v)?;
    let mut items = Vec::new();
    for (i, a) in list.into_iter().enumerate() {
        match read_one(a, i + 1) {
            Ok(it) => items.push(it),
            Err(reason) => summary.rejected.push(reason),
        }
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_absolute() {
        assert_eq!(actor_iri("5b0e6c1e-8a43-4f0e-9f57-0c7f8b6f1e2a"), "urn:uuid:5b0e6c1e-8a43-4f0e-9f57-0c7f8b6f1e2a");
        assert_eq!(actor_iri("a:b"), "urn:annota:actor:a%3Ab");
        assert_eq!(annotation_iri("5b0e6c1e-8a43-4f0e-9f57-0c7f8b6f1e2a"), "urn:uuid:5b0e6c1e-8a43-4f0e-9f57-0c7f8b6f1e2a");
        assert_eq!(annotation_iri("T1"), "urn:annota:annotation:T1");
        assert_eq!(annotation_iri("https://example.org/a/1"), "https://example.org/a/1");
        assert_eq!(annotation_iri("أ/1"), "urn:annota:annotation:%D8%A3%2F1");
        assert_eq!(id_from_iri("urn:uuid:abc"), "abc");
        for id in ["T1", "أ/1", "a%b"] {
            assert_eq!(id_from_iri(&annotation_iri(id)), id);
        }
    }

    #[test]
    fn facts_become_identifying_linking_and_assessing_bodies_and_import_ignores_them() {
        use crate::model::facts::{Actor, ActorKind, Evidence, Review};
        use crate::model::testkit::{ann_with, facts, workspace_on};
        let (lavrov, ministry) = ("5b0e6c1e-8a43-4f0e-9f57-0c7f8b6f1e2a", "وزارة 1");
        let review = Review {
            verdict: Some("False".into()),
            text: "لا".into(),
            evidence: vec![
                Evidence { url: "https://example.org/a b".into(), title: "مصدر".into() },
                Evidence { url: "https://example.org/c".into(), title: String::new() },
                Evidence::default(),
            ],
            ..Default::default()
        };
        let ws = workspace_on(
            "قال لافروف إن الحل سياسي",
            vec![
                ann_with("m", 4, 10, "actor", facts(Some(lavrov), None, None)),
                ann_with("c", 14, 24, "claim", facts(None, Some(ministry), Some(review))),
                ann_with("q", 0, 24, "quote", facts(None, Some(lavrov), Some(Review { text: "نص فقط".into(), ..Default::default() }))),
            ],
        )
        .with_facts(
            vec![
                Actor { id: ActorId(lavrov.into()), name: "لافروف".into(), kind: ActorKind::Person },
                Actor { id: ActorId(ministry.into()), name: "الوزارة".into(), kind: ActorKind::Organization },
            ],
            Default::default(),
            Default::default(),
        );
        let v: Value = serde_json::from_str(&export(&ws)).unwrap();
        let items = v["first"]["items"].as_array().unwrap();
        let bodies = |i: usize| items[i]["body"].as_array().unwrap()[1..].to_vec();
        let minister = json!({ "id": "urn:uuid:5b0e6c1e-8a43-4f0e-9f57-0c7f8b6f1e2a", "type": "Person", "name": "لافروف" });
        assert_eq!(bodies(1), [json!({ "type": "SpecificResource", "purpose": "identifying", "source": minister })], "the actor span");
        assert_eq!(
            bodies(2),
            [
                json!({ "type": "SpecificResource", "purpose": "linking", "source": { "id": "urn:annota:actor:%D9%88%D8%B2%D8%A7%D8%B1%D8%A9%201", "type": "Organization", "name": "الوزارة" } }),
                json!({ "type": "TextualBody", "purpose": "assessing", "value": "False: لا", "format": "text/plain" }),
                json!({ "type": "SpecificResource", "purpose": "linking", "source": { "id": "https://example.org/a%20b", "label": "مصدر" } }),
                json!({ "type": "SpecificResource", "purpose": "linking", "source": { "id": "https://example.org/c" } }),
            ],
            "the claim"
        );
        assert_eq!(bodies(0)[1]["value"], "نص فقط", "a review with no verdict is its text");
        let mut s = ImportSummary::new("w3c");
        let back = parse(&v, &mut s).unwrap();
        assert!(s.rejected.is_empty());
        assert_eq!(back.iter().map(|i| (i.label.as_str(), i.note.as_str())).collect::<Vec<_>>(), [("quote", ""), ("actor", ""), ("claim", "")]);
    }

    #[test]
    fn reads_collections_pages_arrays_and_single_annotations() {
        let one = json!({
            "id": "urn:uuid:1", "type": "Annotation",
            "body": [{"type": "TextualBody", "value": "claim", "purpose": "tagging"}, {"type": "TextualBody", "value": "n", "purpose": "commenting"}],
            "target": {"source": "x", "selector": {"type": "TextQuoteSelector", "exact": "abc", "prefix": "", "suffix": " d"}}
        });
        let shapes = [
            json!({"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [one.clone()]}}),
            json!({"type": "AnnotationPage", "items": [one.clone()]}),
            json!([one.clone()]),
            one.clone(),
        ];
        for shape in shapes {
            assert!(looks_like(&shape));
            let mut s = ImportSummary::new("w3c");
            let items = parse(&shape, &mut s).unwrap();
            assert_eq!(items.len(), 1);
            assert_eq!(items[0].label, "claim");
            assert_eq!(items[0].note, "n");
            assert_eq!(items[0].exact.as_deref(), Some("abc"));
            assert_eq!(items[0].id.as_deref(), Some("1"));
        }
        let mut s = ImportSummary::new("w3c");
        let no_label = json!([{"type": "Annotation", "body": "just a comment", "target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}}, one]);
        assert_eq!(parse(&no_label, &mut s).unwrap().len(), 1);
        assert!(s.rejected[0].to_string().contains("no label"));
    }
}
