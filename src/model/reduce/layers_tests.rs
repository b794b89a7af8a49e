//! Layers through the reducer, files and storage: added, written into, removed, adjudicated and
//! settled, each undoable; saved and read back whole.

use super::*;
use crate::model::action::Settled;
use crate::model::format::{annota_json, import_layers};
use crate::model::layers::{Decision, Layer, LayerId, LayerInfo, LayerKind};
use crate::model::persist;
use crate::model::testkit::{ann, at, id, sample_state};

fn layer(name: &str, annotations: Vec<Annotation>) -> Layer {
    Layer {
        info: LayerInfo { id: LayerId(name.into()), name: name.into(), kind: LayerKind::File, ..Default::default() },
        annotations: Rc::new(annotations.into_iter().map(Rc::new).collect()),
        orphans: Rc::new(Vec::new()),
    }
}

fn with_two_layers() -> Rc<State> {
    let s = sample_state().reduce(Edit::Add(ann("own1", 10, 20, "claim")));
    let s = s.reduce(Edit::AddLayer(Box::new(layer("rana", vec![ann("r1", 10, 20, "claim"), ann("r2", 30, 40, "quote")]))));
    s.reduce(Edit::AddLayer(Box::new(layer("omar", vec![ann("o1", 10, 22, "claim")]))))
}

#[test]
fn a_layer_is_added_written_into_and_removed_each_undoable() {
    let s = with_two_layers();
    assert_eq!(s.workspace.layers.aside.len(), 2);
    assert_eq!(s.workspace.annotations.len(), 1, "adding a layer leaves the written one alone");
    // The same id twice is refused.
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(Edit::AddLayer(Box::new(layer("rana", vec![]))))));

    let w = s.clone().reduce(Edit::WriteInto(LayerId("rana".into())));
    assert_eq!(w.workspace.layers.writing.id.0, "rana");
    assert_eq!(w.workspace.annotations.iter().map(|a| a.id.0.as_str()).collect::<Vec<_>>(), ["r1", "r2"]);
    assert_eq!(w.workspace.layer_annotations(&LayerId::own()).unwrap()[0].id, id("own1"));
    // A new annotation goes into the written layer only.
    let w2 = w.clone().reduce(Edit::Add(ann("r3", 50, 60, "actor")));
    assert_eq!(w2.workspace.annotations.len(), 3);
    assert_eq!(w2.workspace.layer_annotations(&LayerId::own()).unwrap().len(), 1);
    let back = w2.reduce(Edit::Undo).reduce(Edit::Undo);
    assert_eq!(back.workspace, s.workspace);

    let r = s.clone().reduce(Edit::RemoveLayer(LayerId("omar".into())));
    assert_eq!(r.workspace.layers.aside.len(), 1);
    // The written layer cannot be removed.
    assert!(Rc::ptr_eq(&r, &r.clone().reduce(Edit::RemoveLayer(LayerId::own()))));
    assert_eq!(r.reduce(Edit::Undo).workspace, s.workspace);
}

#[test]
fn adjudicating_makes_the_gold_layer_and_each_settlement_is_one_undo_step() {
    let s = with_two_layers();
    let g = s.clone().reduce(Edit::Adjudicate { a: LayerId("rana".into()), b: LayerId("omar".into()) });
    assert_eq!(g.workspace.layers.writing.id, LayerId::gold());
    assert_eq!(g.workspace.layers.writing.kind, LayerKind::Gold);
    assert!(g.workspace.annotations.is_empty());
    let one = Settled { key: "r1|o1".into(), decision: Decision::A, add: vec![ann("g1", 10, 20, "claim")] };
    let g1 = g.clone().reduce(Edit::Settle(vec![one.clone()]));
    assert_eq!(g1.workspace.annotations.len(), 1);
    assert_eq!(g1.workspace.layers.writing.decisions.get("r1|o1"), Some(&Decision::A));
    // Settling the same difference again is refused; neither adds nothing but is recorded.
    assert!(Rc::ptr_eq(&g1, &g1.clone().reduce(Edit::Settle(vec![Settled { add: vec![], ..one }]))));
    let g2 = g1.clone().reduce(Edit::Settle(vec![Settled { key: "r2|".into(), decision: Decision::Neither, add: vec![] }]));
    assert_eq!(g2.workspace.layers.writing.decisions.len(), 2);
    assert_eq!(g2.workspace.annotations.len(), 1);
    let u = g2.reduce(Edit::Undo);
    assert_eq!(u.workspace, g1.workspace);
    let u = u.reduce(Edit::Undo);
    assert_eq!(u.workspace, g.workspace);
    // Settling outside a gold layer is refused.
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(Edit::Settle(vec![Settled { key: "x|".into(), decision: Decision::Neither, add: vec![] }]))));
}

#[test]
fn every_layer_survives_annota_json_and_storage() {
    let s = with_two_layers().reduce(Edit::Adjudicate { a: LayerId("rana".into()), b: LayerId("omar".into()) });
    let s = s.reduce(Edit::Settle(vec![Settled { key: "r1|o1".into(), decision: Decision::B, add: vec![ann("g1", 10, 22, "claim")] }]));
    let ws = &s.workspace;
    let json = annota_json::export(ws);
    let (back, _) = annota_json::import(&json).expect("our own export reads back");
    assert_eq!(back.layers, ws.layers);
    assert_eq!(back.annotations, ws.annotations);
    // Storage keeps them too.
    let d = persist::decode(Some(&persist::encode_article(&ws.article)), Some(&persist::encode_annotations(ws)));
    assert!(d.unreadable.is_empty(), "{:?}", d.unreadable);
    assert_eq!(d.workspace.unwrap().layers, ws.layers);
    // A workspace with one layer writes files as before: no `layers` key.
    assert!(!annota_json::export(&sample_state().workspace).contains("\"layers\""));
}

#[test]
fn a_colleagues_file_becomes_a_layer_of_the_open_article() {
    let theirs = sample_state().reduce(Edit::Add(ann("t1", 10, 20, "claim"))).reduce(Edit::Add(ann("t2", 30, 35, "quote")));
    let file = annota_json::export(&theirs.workspace);
    let mine = sample_state().reduce(Edit::Add(ann("m1", 12, 20, "claim")));
    let mut n = 0;
    let mut new_id = || {
        n += 1;
        format!("n{n}")
    };
    let mut found = import_layers(&file, &mine.workspace, "rana.annota.json", &at(), &mut new_id).expect("a file of the same article imports");
    assert_eq!(found.len(), 1);
    let (l, summary) = found.remove(0);
    assert_eq!(l.info.name, "rana");
    assert_eq!(l.info.id.0, "rana");
    assert_eq!(summary.placed_exactly, 2);
    assert_eq!(l.annotations.len(), 2);
    let s = mine.reduce(Edit::AddLayer(Box::new(l)));
    assert_eq!(s.workspace.annotations.len(), 1, "the open layer keeps its own");
    // A second file of the same name gets another id.
    assert_eq!(s.workspace.layers.fresh_id("rana").0, "rana-2");
    // Bad input changes nothing and says why.
    assert!(import_layers("{not json", &s.workspace, "x.json", &at(), &mut || "z".into()).is_err());
}

#[test]
fn a_label_studio_task_of_two_annotators_becomes_two_layers() {
    let ws = sample_state().workspace.clone();
    let text: String = ws.article.text.as_str().to_string();
    let result = |id: &str, start: usize, end: usize, label: &str| {
        let t: String = text.chars().skip(start).take(end - start).collect();
        serde_json::json!({ "id": id, "type": "labels", "from_name": "label", "to_name": "text", "value": { "start": start, "end": end, "text": t, "labels": [label] } })
    };
    let file = serde_json::json!([{ "data": { "text": text }, "annotations": [
        { "completed_by": { "id": 1, "email": "rana@example.org" }, "result": [result("x1", 10, 20, "claim")] },
        { "completed_by": 2, "result": [result("y1", 10, 22, "claim"), result("y2", 30, 35, "quote")] },
    ] }])
    .to_string();
    let layers = import_layers(&file, &ws, "task.json", &at(), &mut || "n".into()).expect("a Label Studio export imports");
    let names: Vec<(&str, &str, usize)> = layers.iter().map(|(l, _)| (l.info.id.0.as_str(), l.info.name.as_str(), l.annotations.len())).collect();
    assert_eq!(names, [("task", "task (rana@example.org)", 1), ("task-2", "task (user 2)", 2)]);
    // A plain import of the same file takes the first and says so.
    let mut summary = crate::model::format::placing::ImportSummary::new("x");
    crate::model::format::tabular::label_studio_parse(&serde_json::from_str(&file).unwrap(), &mut summary).unwrap();
    assert!(summary.notes.contains(&crate::model::format::placing::ImportNote::ExtraAnnotators { n: 2 }));
}

#[test]
fn a_save_reuses_the_other_layers_json_until_they_change() {
    let s = with_two_layers();
    let ws = &s.workspace;
    let mut cache = persist::RecordCache::default();
    let first = persist::encode_annotations_with(ws, &mut cache);
    // An edit of the written layer: the other layers are the same pointer, their JSON the same.
    let s2 = s.clone().reduce(Edit::Add(ann("own2", 50, 60, "quote")));
    let second = persist::encode_annotations_with(&s2.workspace, &mut cache);
    assert_eq!(second, persist::encode_annotations(&s2.workspace));
    assert_ne!(first, second);
    // Writing into another layer changes them: written again, and read back whole.
    let s3 = s2.reduce(Edit::WriteInto(LayerId("omar".into())));
    let third = persist::encode_annotations_with(&s3.workspace, &mut cache);
    assert_eq!(third, persist::encode_annotations(&s3.workspace));
    let d = persist::decode(Some(&persist::encode_article(&s3.workspace.article)), Some(&third));
    assert_eq!(d.workspace.unwrap().layers, s3.workspace.layers);
}

#[test]
fn adjudication_settles_each_difference_with_copies_and_walks_what_is_open() {
    use crate::model::adjudication::{comparison, next_unsettled, progress, settle, settle_agreements};
    let s = with_two_layers().reduce(Edit::Adjudicate { a: LayerId("rana".into()), b: LayerId("omar".into()) });
    let (a, b) = (LayerId("rana".into()), LayerId("omar".into()));
    let items = comparison(&s.workspace, &a, &b).unwrap().differences;
    // rana: r1 10..20 claim, r2 30..40 quote; omar: o1 10..22 claim → a boundary difference and only-in-A.
    assert_eq!(items.len(), 2);
    assert_eq!(progress(&s.workspace, &items), (0, 2));
    let mut n = 0;
    let mut new_id = || {
        n += 1;
        id(&format!("g{n}"))
    };
    assert!(settle_agreements(&s.workspace, (&a, &b), &items, &at(), &mut new_id).is_empty(), "no exact agreement here");
    let first = next_unsettled(&s.workspace, &items, None, true).unwrap();
    let taken = settle(&s.workspace, (&a, &b), &items[first], Decision::B, None, &at(), &mut new_id).unwrap();
    assert_eq!(taken.add[0].span.end.0, 22, "B's version, with a new id");
    assert_eq!(taken.add[0].id, id("g1"));
    // Accept A of a span only A has works; accept B of it does not fit.
    assert!(settle(&s.workspace, (&a, &b), &items[1], Decision::B, None, &at(), &mut new_id).is_none());
    let s = s.reduce(Edit::Settle(vec![taken]));
    assert_eq!(progress(&s.workspace, &items), (1, 2));
    assert_eq!(next_unsettled(&s.workspace, &items, Some(first), true), Some(1));
    let drawn = settle(
        &s.workspace,
        (&a, &b),
        &items[1],
        Decision::Edited,
        Some((crate::model::text::Span::new(31, 39), crate::model::labels::LabelId("quote".into()))),
        &at(),
        &mut new_id,
    )
    .unwrap();
    let s = s.reduce(Edit::Settle(vec![drawn]));
    assert_eq!(progress(&s.workspace, &items), (2, 2));
    assert_eq!(next_unsettled(&s.workspace, &items, None, true), None);
    assert_eq!(s.workspace.annotations.iter().map(|x| (x.span.start.0, x.span.end.0)).collect::<Vec<_>>(), [(10, 22), (31, 39)]);
}

#[test]
fn astral_characters_count_once_whichever_unit_a_colleagues_file_used() {
    use crate::model::adjudication::comparison;
    use crate::model::testkit::workspace_on;
    // Emoji before and inside the spans: Label Studio (JavaScript) counts them in UTF-16 units.
    let text = "👨‍👩‍👧 قال الوزير 😀 إن المحادثات 🇮🇷 مثمرة";
    let ws = workspace_on(text, vec![]);
    let cp = |needle: &str| {
        let at = text.find(needle).unwrap();
        (text[..at].chars().count(), text[..at].chars().count() + needle.chars().count())
    };
    let u16 = |needle: &str| {
        let at = text.find(needle).unwrap();
        (text[..at].encode_utf16().count(), text[..at].encode_utf16().count() + needle.encode_utf16().count())
    };
    let spans = [("قال الوزير 😀", "quote"), ("المحادثات 🇮🇷", "claim")];
    let theirs = |unit: &dyn Fn(&str) -> (usize, usize)| {
        let results: Vec<_> = spans
            .iter()
            .enumerate()
            .map(|(i, (needle, label))| {
                let (start, end) = unit(needle);
                serde_json::json!({ "id": format!("r{i}"), "type": "labels", "from_name": "label", "to_name": "text", "value": { "start": start, "end": end, "text": needle, "labels": [label] } })
            })
            .collect();
        serde_json::json!([{ "data": { "text": text }, "annotations": [{ "result": results }] }]).to_string()
    };
    let mut n = 0;
    let mut new_id = || {
        n += 1;
        format!("n{n}")
    };
    let (a, _) = import_layers(&theirs(&cp), &ws, "cp.json", &at(), &mut new_id).unwrap().remove(0);
    let (b, _) = import_layers(&theirs(&u16), &ws, "utf16.json", &at(), &mut new_id).unwrap().remove(0);
    assert_eq!(a.annotations.iter().map(|x| x.span).collect::<Vec<_>>(), b.annotations.iter().map(|x| x.span).collect::<Vec<_>>());
    assert_eq!((a.annotations[0].span.start.0, a.annotations[0].span.end.0), cp(spans[0].0));
    let s = Rc::new(State::new(ws)).reduce(Edit::AddLayer(Box::new(a))).reduce(Edit::AddLayer(Box::new(b)));
    let c = comparison(&s.workspace, &LayerId("cp".into()), &LayerId("utf16".into())).unwrap();
    assert_eq!(c.all.exact.f1(), Some(1.0));
    assert_eq!(c.all.kappa, Some(1.0));
}

#[test]
fn a_label_deleted_goes_from_every_layer_and_comes_back_with_undo() {
    use crate::model::labels::LabelId;
    let s = with_two_layers();
    // "quote" is used only by rana's layer: the label editor must count it.
    assert_eq!(s.workspace.label_uses(&LabelId("quote".into())), 1);
    let d = s.clone().reduce(Edit::DeleteLabel { id: LabelId("quote".into()), at: at() });
    assert!(d.workspace.layers.aside.iter().all(|l| l.annotations.iter().all(|a| a.label.0 != "quote")));
    assert_eq!(d.workspace.layer_annotations(&LayerId("rana".into())).unwrap().len(), 1);
    // What is stored reads back (no layer keeps a label the set lacks).
    let back = persist::decode(Some(&persist::encode_article(&d.workspace.article)), Some(&persist::encode_annotations(&d.workspace)));
    assert!(back.unreadable.is_empty(), "{:?}", back.unreadable);
    assert_eq!(d.reduce(Edit::Undo).workspace, s.workspace);
}

#[test]
fn a_settled_difference_reopens_with_what_it_put_into_gold() {
    let g = with_two_layers().reduce(Edit::Adjudicate { a: LayerId("rana".into()), b: LayerId("omar".into()) });
    let g1 = g.clone().reduce(Edit::Settle(vec![Settled {
        key: "r1|o1".into(),
        decision: Decision::Both,
        add: vec![ann("g1", 10, 20, "claim"), ann("g2", 10, 22, "claim")],
    }]));
    assert_eq!(g1.workspace.layers.writing.made.get("r1|o1").map(Vec::len), Some(2));
    // One of them deleted by hand first: reopening removes the other and forgets the decision.
    let g2 = g1.clone().reduce(Edit::Delete(id("g2")));
    let r = g2.clone().reduce(Edit::Reopen("r1|o1".into()));
    assert!(r.workspace.annotations.is_empty());
    assert!(r.workspace.layers.writing.decisions.is_empty() && r.workspace.layers.writing.made.is_empty());
    assert_eq!(r.reduce(Edit::Undo).workspace, g2.workspace);
    // Nothing to reopen: refused.
    assert!(Rc::ptr_eq(&g, &g.clone().reduce(Edit::Reopen("r1|o1".into()))));
}
