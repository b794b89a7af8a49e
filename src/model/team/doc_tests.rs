//! Entries and documents: strict parsing, updates in any order and any number of times, heads,
//! the winner, deletion and the removed keys that stay removed.

use super::doc::{DocKind, TeamDoc};
use super::entry::{Entry, TeamError, WriteId};
use super::materialize::{article_doc_id, article_id_matches};
use serde_json::json;

fn put(id: &str, o: &str, f: &str, v: serde_json::Value, c: u64, sup: &[&str]) -> (String, String) {
    let sup = sup.iter().map(|s| WriteId::parse(s).unwrap()).collect();
    (id.to_string(), Entry { o: o.into(), f: f.into(), v, c, by: "m".into(), sup, seen: vec![] }.to_json())
}

fn del(id: &str, o: &str, c: u64, seen: &[&str]) -> (String, String) {
    let seen = seen.iter().map(|s| WriteId::parse(s).unwrap()).collect();
    (id.to_string(), Entry { o: o.into(), f: "deleted".into(), v: json!(true), c, by: "m".into(), sup: vec![], seen }.to_json())
}

#[test]
fn an_entry_reads_and_writes_the_protocols_json() {
    let json = r#"{"o":"ann:x","f":"note","v":"hi","c":17,"by":"m1","sup":["a.1","b-2.30"]}"#;
    let e = Entry::parse("a.2", json).unwrap();
    assert_eq!((e.o.as_str(), e.f.as_str(), e.c, e.sup[1].clone()), ("ann:x", "note", 17, WriteId::new("b-2", 30)));
    assert_eq!(e.to_json(), json, "the same bytes back: seen is only written on a deletion");
    let d = Entry { f: "deleted".into(), v: json!(true), seen: vec![WriteId::new("a", 1)], ..e };
    assert!(d.to_json().ends_with(r#""seen":["a.1"]}"#));
    assert_eq!(Entry::parse("k.1", &d.to_json()).unwrap(), d);
}

#[test]
fn bad_entries_are_typed_errors_never_defaults() {
    for bad in [
        "not json",
        r#"{"o":"ann:x","f":"note","c":1,"by":"m","sup":[]}"#,
        r#"{"o":"ann:x","f":"note","v":1,"c":-1,"by":"m","sup":[]}"#,
        r#"{"o":"ann:x","f":"note","v":1,"c":1,"by":"m"}"#,
        r#"{"o":"ann:x","f":"note","v":1,"c":1,"by":"m","sup":["nodot"]}"#,
        r#"{"o":"","f":"note","v":1,"c":1,"by":"m","sup":[]}"#,
    ] {
        assert!(matches!(Entry::parse("a.1", bad), Err(TeamError::BadEntry { .. })), "{bad}");
    }
    assert_eq!(Entry::parse("a.1", r#"{"o":"x","f":"y","v":null,"c":0,"by":"m","sup":[]}"#).unwrap().v, json!(null));
    for bad in ["a", "a.", ".1", "a.01", "a.+1", "a b.1", "a.1x"] {
        assert_eq!(WriteId::parse(bad), Err(TeamError::BadWriteId(bad.into())));
    }
    assert_eq!(WriteId::parse("r.a.7").ok(), None, "a replica id has no dot");
}

#[test]
fn updates_converge_whatever_their_order_and_repeats() {
    let updates = vec![
        (vec![put("a.1", "ann:x", "note", json!("one"), 1, &[])], vec![]),
        (vec![put("b.1", "ann:x", "note", json!("two"), 2, &["a.1"])], vec!["a.1".to_string()]),
        (vec![put("a.2", "ann:x", "label", json!("claim"), 3, &[])], vec![]),
    ];
    let mut reference = TeamDoc::new(DocKind::Article);
    for (p, d) in updates.clone() {
        reference.apply(p, d);
    }
    for order in [[0, 1, 2], [2, 1, 0], [1, 0, 2], [1, 2, 0]] {
        let mut doc = TeamDoc::new(DocKind::Article);
        for i in order.iter().chain(order.iter()) {
            doc.apply(updates[*i].0.clone(), updates[*i].1.clone());
        }
        assert_eq!(doc, reference, "order {order:?}");
    }
    assert_eq!(reference.value("ann:x", "note"), Some(&json!("two")));
    assert!(reference.entry(&WriteId::new("a", 1)).is_none(), "a removal that came first still wins");
}

#[test]
fn the_greatest_clock_then_write_id_wins_and_the_others_are_kept() {
    let mut doc = TeamDoc::new(DocKind::Article);
    doc.apply(vec![put("a.1", "ann:x", "note", json!("base"), 1, &[])], vec![]);
    doc.apply(vec![put("a.2", "ann:x", "note", json!("mine"), 2, &["a.1"]), put("b.1", "ann:x", "note", json!("theirs"), 2, &["a.1"])], vec![]);
    assert_eq!(doc.heads("ann:x", "note").len(), 2);
    assert_eq!(doc.value("ann:x", "note"), Some(&json!("theirs")), "at the same clock b.1 > a.2 (replica, then counter)");
    assert_eq!(doc.others("ann:x", "note"), vec![&json!("mine")]);
    doc.apply(vec![put("b.2", "ann:x", "note", json!("same"), 3, &["a.2"]), put("c.1", "ann:x", "note", json!("same"), 3, &["b.1"])], vec![]);
    assert!(doc.others("ann:x", "note").is_empty(), "two heads of one value are no conflict");
}

#[test]
fn a_deletion_hides_only_what_it_saw() {
    let mut doc = TeamDoc::new(DocKind::Article);
    doc.apply(vec![put("a.1", "ann:x", "note", json!("n"), 1, &[]), put("a.2", "ann:x", "label", json!("claim"), 2, &[])], vec![]);
    let mut seen_all = doc.clone();
    seen_all.apply(vec![del("b.1", "ann:x", 3, &["a.1", "a.2"])], vec![]);
    assert!(seen_all.is_deleted("ann:x"));
    let mut edited = seen_all.clone();
    edited.apply(vec![put("c.1", "ann:x", "note", json!("edited apart"), 3, &["a.1"])], vec![]);
    assert!(!edited.is_deleted("ann:x") && edited.deleted_but_edited("ann:x"), "an edit the deletion did not see keeps it");
    let mut restored = seen_all.clone();
    restored.apply(vec![put("c.2", "ann:x", "deleted", json!(false), 4, &["b.1"])], vec![]);
    assert!(!restored.is_deleted("ann:x") && !restored.marked_deleted("ann:x"));
}

#[test]
fn unreadable_entries_are_kept_aside_and_a_late_removal_clears_them() {
    let mut doc = TeamDoc::new(DocKind::Article);
    let applied = doc.apply(vec![("a.1".into(), "{".into()), ("bad key".into(), "{}".into())], vec![]);
    assert_eq!(applied.rejected.len(), 2);
    assert_eq!(doc.bad_entries().count(), 2);
    doc.apply(vec![], vec!["a.1".into()]);
    assert_eq!(doc.bad_entries().count(), 1);
}

#[test]
fn an_article_document_is_refused_unless_its_text_hashes_to_its_hash_and_name() {
    let text = "نص المقال";
    let hash = crate::model::annotation::article_id_for(text);
    let id = article_doc_id(&hash).unwrap();
    assert!(article_id_matches(text, &hash, &id));
    assert!(!article_id_matches("another text", &hash, &id));
    assert!(!article_id_matches(text, &hash, "0123456789abcdef"));
    assert!(!article_id_matches(text, "urn:annota:article:0000000000000000", "0000000000000000"));
    assert_eq!(article_doc_id("has space"), None);
}
