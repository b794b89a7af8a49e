//! The formats of NLP and spreadsheet tools: doccano / spaCy JSONL, Label Studio tasks, brat
//! standoff and CSV. All offsets are code points (Python's `str` indexes).

use super::placing::{ImportNote, ImportSummary, Incoming, Rejected};
use super::zip;
use super::{ImportError, LineProblem};
use crate::model::facts::{ActorId, ACTOR};
use crate::model::text::Span;
use crate::model::workspace::Workspace;
use serde_json::{json, Value};

/// The article's details that are filled in, as `(key, value)` for formats with free metadata.
fn article_details(ws: &Workspace) -> Vec<(&'static str, String)> {
    let m = &ws.meta;
    [("url", &m.url), ("publisher", &m.publisher), ("author", &m.author), ("date_published", &m.date_published)]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k, v.clone()))
        .collect()
}

/// doccano's sequence-labelling JSONL (one line per article), which spaCy reads with `Doc.char_span`.
pub fn doccano_export(ws: &Workspace) -> String {
    let labels: Vec<Value> = ws.annotations.iter().map(|a| json!([a.span.start.0, a.span.end.0, a.label.0])).collect();
    let mut doc = json!({ "text": ws.article.text.as_str(), "label": labels });
    // doccano keeps any other key as the document's metadata.
    for (key, value) in article_details(ws) {
        doc[key] = json!(value);
    }
    let mut line = serde_json::to_string(&doc).expect("serialises");
    line.push('\n');
    line
}

/// A document with its text, read from a file that carries one.
pub struct Document {
    pub title: Option<String>,
    pub text: String,
    pub items: Vec<Incoming>,
}

/// Whether a JSON object is a doccano line.
pub fn is_doccano_line(v: &Value) -> bool {
    v.get("text").is_some_and(Value::is_string) && (v.get("label").is_some() || v.get("entities").is_some() || v.get("labels").is_some())
}

fn doccano_document(v: &Value, line: usize) -> Result<Document, ImportError> {
    let bad = |problem: LineProblem| ImportError::BadLine { line, problem };
    let text = v.get("text").and_then(Value::as_str).ok_or_else(|| bad(LineProblem::NoText))?;
    let mut items = Vec::new();
    let num = |x: Option<&Value>| x.and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
    for entry in v.get("label").or_else(|| v.get("labels")).and_then(Value::as_array).into_iter().flatten() {
        let parts = entry.as_array().ok_or_else(|| bad(LineProblem::LabelShape))?;
        match parts.as_slice() {
            [s, e, l] => items.push(Incoming {
                label: l.as_str().ok_or_else(|| bad(LineProblem::LabelName))?.to_string(),
                start: Some(num(Some(s)).ok_or_else(|| bad(LineProblem::Start))?),
                end: Some(num(Some(e)).ok_or_else(|| bad(LineProblem::End))?),
                ..Default::default()
            }),
            _ => return Err(bad(LineProblem::LabelShape)),
        }
    }
    for e in v.get("entities").and_then(Value::as_array).into_iter().flatten() {
        items.push(Incoming {
            id: e.get("id").map(|i| i.to_string().trim_matches('"').to_string()),
            label: e.get("label").and_then(Value::as_str).ok_or_else(|| bad(LineProblem::EntityLabel))?.to_string(),
            start: Some(num(e.get("start_offset")).ok_or_else(|| bad(LineProblem::EntityStart))?),
            end: Some(num(e.get("end_offset")).ok_or_else(|| bad(LineProblem::EntityEnd))?),
            ..Default::default()
        });
    }
    Ok(Document { title: None, text: text.to_string(), items })
}

/// Reads doccano JSONL: the first line is the document; the summary says how many others there were.
pub fn doccano_parse(lines: &[Value], summary: &mut ImportSummary) -> Result<Document, ImportError> {
    let first = lines.first().ok_or(ImportError::NoDocuments)?;
    let doc = doccano_document(first, 1)?;
    if lines.len() > 1 {
        summary.notes.push(ImportNote::ExtraDocuments { n: lines.len() });
    }
    Ok(doc)
}

/// The Label Studio relation from a quote or claim to a mention of who said it.
const SAID_BY: &str = "said_by";

/// Label Studio tasks for a `<Labels name="label" toName="text">` + `<Text name="text">` config;
/// who said a quote or claim is a relation to the first mention of that actor.
pub fn label_studio_export(ws: &Workspace) -> String {
    let text = &ws.article.text;
    let results: Vec<Value> = ws
        .annotations
        .iter()
        .map(|a| {
            let name = ws.label(&a.label).map_or(a.label.0.clone(), |l| l.name.clone());
            let mut r = json!({
                "id": a.id.0,
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "origin": "manual",
                "value": { "start": a.span.start.0, "end": a.span.end.0, "text": text.slice(a.span).unwrap_or(""), "labels": [name] }
            });
            if !a.note.is_empty() {
                r["meta"] = json!({ "text": [a.note] });
            }
            r
        })
        .chain(said_by_links(ws).into_iter().map(|(from, to)| {
            let (from, to) = (&ws.annotations[from].id.0, &ws.annotations[to].id.0);
            json!({ "type": "relation", "from_id": from, "to_id": to, "direction": "right", "labels": [SAID_BY] })
        }))
        .collect();
    let mut data = json!({ "text": text.as_str(), "title": ws.title(), "article_id": ws.article.id });
    for (key, value) in article_details(ws) {
        data[key] = json!(value);
    }
    let task = json!([{
        "data": data,
        "annotations": [{ "result": results, "ground_truth": false }]
    }]);
    serde_json::to_string_pretty(&task).expect("serialises")
}

/// The labelling config that matches [`label_studio_export`].
pub fn label_studio_config(ws: &Workspace) -> String {
    let mut xml = String::from("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
    for l in ws.labels.iter() {
        xml.push_str(&format!("    <Label value=\"{}\" background=\"{}\"/>\n", xml_escape(&l.name), l.color));
    }
    xml.push_str("  </Labels>\n  <Relations>\n    <Relation value=\"said_by\"/>\n  </Relations>\n");
    xml.push_str("  <Text name=\"text\" value=\"$text\" granularity=\"symbol\"/>\n</View>\n");
    xml
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Whether a JSON value is Label Studio tasks (an array of them, or one).
pub fn is_label_studio(v: &Value) -> bool {
    let task = |t: &Value| {
        t.get("data").is_some_and(Value::is_object) && (t.get("annotations").is_some() || t.get("predictions").is_some() || t.get("data").is_some())
    };
    match v {
        Value::Array(a) => a.first().is_some_and(task),
        other => task(other) && other.get("data").is_some(),
    }
}

/// Who made a Label Studio annotation: its `completed_by` (a user id, or a user with an email).
fn annotator(a: &Value) -> Option<String> {
    let by = a.get("completed_by")?;
    by.as_u64().map(|n| format!("user {n}")).or_else(|| {
        let user = by.as_object()?;
        ["email", "first_name", "username"].iter().find_map(|k| user.get(*k).and_then(Value::as_str)).filter(|s| !s.is_empty()).map(str::to_string)
    })
}

/// A Label Studio file's first task once per annotation it holds (each with only that one), with
/// who made it: the layers of Import as layer…. `None` when it is not Label Studio with several.
pub fn label_studio_annotators(v: &Value) -> Option<Vec<(Option<String>, Value)>> {
    if !is_label_studio(v) {
        return None;
    }
    let task = match v {
        Value::Array(a) => a.first()?,
        other => other,
    };
    let all = task.get("annotations")?.as_array()?;
    if all.len() < 2 {
        return None;
    }
    Some(
        all.iter()
            .map(|a| {
                let mut one = task.clone();
                one["annotations"] = Value::Array(vec![a.clone()]);
                (annotator(a), one)
            })
            .collect(),
    )
}

pub fn label_studio_parse(v: &Value, summary: &mut ImportSummary) -> Result<Document, ImportError> {
    let tasks: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    let task = tasks.first().ok_or(ImportError::NoTasks)?;
    if tasks.len() > 1 {
        summary.notes.push(ImportNote::ExtraTasks { n: tasks.len() });
    }
    let data = task.get("data").and_then(Value::as_object).ok_or(ImportError::NoTaskData)?;
    let text = data.get("text").and_then(Value::as_str).or_else(|| data.values().find_map(Value::as_str)).ok_or(ImportError::NoTaskText)?;
    let completed = task.get("annotations").and_then(Value::as_array).and_then(|a| a.first());
    let annotators = task.get("annotations").and_then(Value::as_array).map_or(0, Vec::len);
    if annotators > 1 {
        summary.notes.push(ImportNote::ExtraAnnotators { n: annotators });
    }
    let predicted = task.get("predictions").and_then(Value::as_array).and_then(|a| a.first());
    let results = completed.or(predicted).and_then(|a| a.get("result")).and_then(Value::as_array).cloned().unwrap_or_default();
    let mut items = Vec::new();
    let mut relations = 0;
    for (i, r) in results.iter().enumerate() {
        if r.get("type").and_then(Value::as_str) == Some("relation") {
            relations += 1;
            continue;
        }
        let value = r.get("value");
        let labels = value.and_then(|v| v.get("labels")).and_then(Value::as_array);
        let (Some(value), Some(label)) = (value, labels.and_then(|l| l.first()).and_then(Value::as_str)) else {
            summary.rejected.push(Rejected::NotTextLabel { n: i + 1, kind: r.get("type").unwrap_or(&Value::Null).to_string() });
            continue;
        };
        let num = |k: &str| value.get(k).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
        let note =
            r.get("meta").and_then(|m| m.get("text")).and_then(Value::as_array).map(|t| t.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"));
        items.push(Incoming {
            id: r.get("id").and_then(Value::as_str).map(str::to_string),
            label: label.to_string(),
            start: num("start"),
            end: num("end"),
            exact: value.get("text").and_then(Value::as_str).map(str::to_string),
            note: note.unwrap_or_default(),
            ..Default::default()
        });
    }
    if relations > 0 {
        summary.notes.push(ImportNote::RelationsSkipped { n: relations });
    }
    Ok(Document { title: data.get("title").and_then(Value::as_str).map(str::to_string), text: text.to_string(), items })
}

/// brat's `.ann`: a text-bound annotation per span, split into fragments at line breaks (brat
/// draws one line at a time), and each note as an AnnotatorNotes line.
pub fn brat_ann(ws: &Workspace) -> String {
    let text = &ws.article.text;
    let mut out = String::new();
    let mut notes = 0;
    for (n, a) in ws.annotations.iter().enumerate() {
        let fragments: Vec<Span> = text
            .paragraphs()
            .iter()
            .filter(|p| p.span.overlaps(&a.span))
            .map(|p| Span { start: p.span.start.max(a.span.start), end: p.span.end.min(a.span.end) })
            .collect();
        let fragments = if fragments.is_empty() { vec![a.span] } else { fragments };
        let offsets: Vec<String> = fragments.iter().map(|f| format!("{} {}", f.start, f.end)).collect();
        let quoted: Vec<&str> = fragments.iter().map(|f| text.slice(*f).unwrap_or("")).collect();
        out.push_str(&format!("T{}\t{} {}\t{}\n", n + 1, brat_type(&a.label.0), offsets.join(";"), quoted.join(" ")));
        if !a.note.is_empty() {
            notes += 1;
            out.push_str(&format!("#{notes}\tAnnotatorNotes T{}\t{}\n", n + 1, one_line(&a.note)));
        }
    }
    for (n, (from, to)) in said_by_links(ws).into_iter().enumerate() {
        out.push_str(&format!("R{}\tSaidBy Arg1:T{} Arg2:T{}\n", n + 1, from + 1, to + 1));
    }
    for (_, found) in mentions(ws).into_iter().filter(|(_, found)| found.len() > 1) {
        let ids: Vec<String> = found.iter().map(|i| format!("T{}", i + 1)).collect();
        out.push_str(&format!("*\tAlias {}\n", ids.join(" ")));
    }
    out
}

/// Each actor with the indexes (into `ws.annotations`, so in text order) of the actor spans naming it.
fn mentions(ws: &Workspace) -> Vec<(&ActorId, Vec<usize>)> {
    ws.actors
        .iter()
        .map(|actor| {
            let found = ws.annotations.iter().enumerate().filter(|(_, a)| a.label.0 == ACTOR && a.facts.actor.as_ref() == Some(&actor.id));
            (&actor.id, found.map(|(i, _)| i).collect())
        })
        .collect()
}

/// (quote or claim, first mention of who said it), as indexes into `ws.annotations`. Formats that
/// link spans to spans can only show who said something when that actor is mentioned.
fn said_by_links(ws: &Workspace) -> Vec<(usize, usize)> {
    let mentions = mentions(ws);
    ws.annotations
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let speaker = a.facts.said_by.as_ref()?;
            let first = mentions.iter().find(|(id, _)| *id == speaker)?.1.first()?;
            Some((i, *first))
        })
        .collect()
}

fn brat_type(label: &str) -> String {
    label.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
}

fn one_line(s: &str) -> String {
    s.split(['\n', '\r', '\t']).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

/// brat's configuration for the labels: entity types and their colours.
fn brat_conf(ws: &Workspace) -> (String, String) {
    let types: Vec<String> = ws.labels.iter().map(|l| brat_type(&l.id.0)).collect();
    // Who said a quote or claim points at a mention of them; the mentions of one actor are aliases.
    let relations = "SaidBy Arg1:<ENTITY>, Arg2:<ENTITY>\nAlias Arg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n";
    let annotation = format!("[entities]\n{}\n\n[relations]\n{relations}\n[events]\n\n[attributes]\n", types.join("\n"));
    let mut visual = String::from("[labels]\n");
    for (l, t) in ws.labels.iter().zip(&types) {
        visual.push_str(&format!("{t} | {}\n", l.name));
    }
    visual.push_str("SaidBy | Said by\nAlias | Same actor\n");
    visual.push_str("\n[drawing]\n");
    for (l, t) in ws.labels.iter().zip(&types) {
        visual.push_str(&format!("{t}\tbgColor:{}\n", l.color));
    }
    (annotation, visual)
}

/// A zip with `<stem>.txt` (the exact text), `<stem>.ann`, `annotation.conf` and `visual.conf`.
pub fn brat_zip(ws: &Workspace, stem: &str) -> Vec<u8> {
    let (annotation, visual) = brat_conf(ws);
    zip::stored(&[
        (format!("{stem}.txt"), ws.article.text.as_str().as_bytes().to_vec()),
        (format!("{stem}.ann"), brat_ann(ws).into_bytes()),
        ("annotation.conf".into(), annotation.into_bytes()),
        ("visual.conf".into(), visual.into_bytes()),
    ])
}

/// One CSV row per annotation, RFC 4180 quoting, CRLF, UTF-8 with a BOM for spreadsheet programs.
/// A cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
/// Actors are written by name (what a reader of the sheet wants), the status only for reviews.
pub fn csv_export(ws: &Workspace) -> String {
    let text = &ws.article.text;
    let name = |id: &Option<ActorId>| id.as_ref().and_then(|id| ws.actor(id)).map_or(String::new(), |a| a.name.clone());
    let mut out = String::from("\u{FEFF}id,label,start,end,exact,note,actor,said_by,verdict,status\r\n");
    for a in ws.annotations.iter() {
        let review = a.facts.review.as_deref();
        let cells = [
            a.id.0.clone(),
            a.label.0.clone(),
            a.span.start.0.to_string(),
            a.span.end.0.to_string(),
            text.slice(a.span).unwrap_or("").to_string(),
            a.note.clone(),
            name(&a.facts.actor),
            name(&a.facts.said_by),
            review.and_then(|r| r.verdict.clone()).unwrap_or_default(),
            review.map_or(String::new(), |r| r.status.name().to_string()),
        ];
        let row: Vec<String> = cells.iter().enumerate().map(|(i, c)| csv_cell(c, i >= 4)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(value: &str, guard: bool) -> String {
    let value = if guard && value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::Annotation;
    use crate::model::labels::default_labels;
    use crate::model::testkit::{ann, id, workspace_on};

    fn ws() -> Workspace {
        let text = "قال لافروف: \"نعم\" 😀\nسطر, ثانٍ";
        let b = Annotation { note: "=SUM(A1)\nsecond line".into(), ..ann("b", 12, 24, "quote") };
        workspace_on(text, vec![ann("a", 4, 10, "actor"), b, ann("c", 18, 19, "claim")])
    }

    /// Lavrov named twice (the second mention nested in the first), the quote his; the claim made
    /// by an actor no span mentions, reviewed.
    fn ws_with_facts() -> Workspace {
        use crate::model::facts::{Actor, ActorKind, Facts, Review, Status};
        let w = ws();
        let (lavrov, ministry) = (ActorId("l".into()), ActorId("m".into()));
        let mut anns: Vec<crate::model::annotation::Annotation> = w.annotations.iter().map(|a| (**a).clone()).collect();
        anns[0].facts.actor = Some(lavrov.clone());
        anns[1].facts.said_by = Some(lavrov.clone());
        anns[2].facts = Facts {
            said_by: Some(ministry.clone()),
            review: Some(std::rc::Rc::new(Review { verdict: Some("False".into()), status: Status::Done, ..Default::default() })),
            ..Default::default()
        };
        let mut nested = anns[0].clone();
        nested.id = id("d");
        nested.span = Span::new(5, 8);
        anns.push(nested);
        let actors = vec![
            Actor { id: lavrov, name: "سيرغي لافروف".into(), kind: ActorKind::Person },
            Actor { id: ministry, name: "=الوزارة".into(), kind: ActorKind::Organization },
        ];
        Workspace::new(w.article.clone(), default_labels(), anns).with_facts(actors, Default::default(), Default::default())
    }

    #[test]
    fn facts_go_into_csv_columns_brat_relations_and_label_studio_relations() {
        let w = ws_with_facts();
        let csv = csv_export(&w);
        let rows: Vec<&str> = csv.split("\r\n").collect();
        assert!(rows[1].ends_with(",,سيرغي لافروف,,,"), "the actor span names him: {}", rows[1]);
        assert!(rows[3].ends_with(",سيرغي لافروف,,"), "the quote is his: {}", rows[3]);
        assert!(rows[4].ends_with(",,'=الوزارة,False,Done"), "the claim, its maker guarded: {}", rows[4]);

        let ann = brat_ann(&w);
        assert!(ann.ends_with("T4\tclaim 18 19\t😀\nR1\tSaidBy Arg1:T3 Arg2:T1\n*\tAlias T1 T2\n"), "{ann}");
        let (conf, visual) = brat_conf(&w);
        assert!(
            conf.contains("[relations]\nSaidBy Arg1:<ENTITY>, Arg2:<ENTITY>\nAlias Arg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n"),
            "{conf}"
        );
        assert!(visual.contains("SaidBy | Said by"));

        let v: Value = serde_json::from_str(&label_studio_export(&w)).unwrap();
        let results = v[0]["annotations"][0]["result"].as_array().unwrap();
        assert_eq!(results.len(), 5);
        assert_eq!(results[4], json!({ "type": "relation", "from_id": "b", "to_id": "a", "direction": "right", "labels": ["said_by"] }));
        assert!(label_studio_config(&w).contains("<Relation value=\"said_by\"/>"));
        let mut summary = ImportSummary::new("ls");
        let doc = label_studio_parse(&v, &mut summary).unwrap();
        assert_eq!(doc.items.len(), 4);
        assert!(summary.rejected.is_empty());
        assert!(summary.notes[0].to_string().contains("Its relation was not imported"), "{:?}", summary.notes);
    }

    #[test]
    fn doccano_line_has_code_point_offsets() {
        let line = doccano_export(&ws());
        assert_eq!(line.lines().count(), 1);
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["label"][0], json!([4, 10, "actor"]));
        let doc = doccano_parse(&[v], &mut ImportSummary::new("d")).unwrap();
        assert_eq!(doc.items[1].start, Some(12));
        assert_eq!(doc.items[1].label, "quote");
    }

    #[test]
    fn brat_splits_spans_at_line_breaks_and_keeps_notes() {
        let ann = brat_ann(&ws());
        assert_eq!(ann, "T1\tactor 4 10\tلافروف\nT2\tquote 12 19;20 24\t\"نعم\" 😀 سطر,\n#1\tAnnotatorNotes T2\t=SUM(A1) second line\nT3\tclaim 18 19\t😀\n");
    }

    #[test]
    fn csv_quotes_and_guards_formulas() {
        let csv = csv_export(&ws());
        assert!(csv.starts_with("\u{FEFF}id,label,start,end,exact,note,actor,said_by,verdict,status\r\n"));
        assert!(csv.contains("b,quote,12,24,\"\"\"نعم\"\" 😀\nسطر,\",\"'=SUM(A1)\nsecond line\",,,,\r\n"), "{csv}");
    }

    #[test]
    fn label_studio_round_trip_of_fields() {
        let w = ws();
        let v: Value = serde_json::from_str(&label_studio_export(&w)).unwrap();
        assert!(is_label_studio(&v));
        let doc = label_studio_parse(&v, &mut ImportSummary::new("ls")).unwrap();
        assert_eq!(doc.text, w.article.text.as_str());
        assert_eq!(doc.items.len(), 3);
        assert_eq!(doc.items[1].exact.as_deref(), Some("\"نعم\" 😀\nسطر,"));
        assert_eq!(doc.items[1].note, "=SUM(A1)\nsecond line");
        assert_eq!(doc.items[0].label, "Actor");
        assert!(label_studio_config(&w).contains("<Label value=\"Claim\" background=\"#d55e00\"/>"));
    }
}
