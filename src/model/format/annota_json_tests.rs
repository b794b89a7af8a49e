//! Annota JSON: round trips, goldens, refusals and re-anchoring.

use super::*;
use crate::model::annotation::sample_article;
use crate::model::labels::default_labels;
use crate::model::testkit::{ann, edited_labels, orphan, sample_workspace, ts};
use crate::model::text::{CharOffset, Span};
use proptest::prelude::*;

/// An annotation with markup and quotes in its note, modified a day after it was made.
fn noted(id: &str, start: usize, end: usize, label: &str) -> Annotation {
    Annotation { note: "ملاحظة <b>\"x\"</b>".into(), modified: ts("2026-01-02T00:00:00.000Z"), ..ann(id, start, end, label) }
}

/// The sample article with three overlapping annotations.
fn noted_workspace() -> Workspace {
    sample_workspace(vec![noted("a", 15, 40, "claim"), noted("b", 20, 30, "quote"), noted("c", 35, 60, "actor")])
}

#[test]
fn export_then_import_gives_the_same_workspace() {
    let orphan = Orphan { quote: Quote { exact: "lost".into(), prefix: "p".into(), suffix: "s".into() }, ..orphan("o", "quote", "lost") };
    let ws = noted_workspace().with_orphans(vec![orphan]);
    let json = export(&ws);
    let (back, summary) = import(&json).unwrap();
    assert_eq!(back, ws);
    assert_eq!((summary.placed_exactly, summary.moved, summary.orphaned), (3, 0, 0));
}

#[test]
fn an_edited_label_set_survives_export_and_import() {
    let labels = edited_labels();
    let ws = noted_workspace();
    let ws = Workspace::new(ws.article.clone(), labels.clone(), ws.annotations.iter().map(|a| (**a).clone()).collect());
    let (back, _) = import(&export(&ws)).unwrap();
    assert_eq!(*back.labels, labels);
    assert_eq!(back, ws);
}

#[test]
fn export_says_its_unit_and_slices_match_in_code_points() {
    let ws = noted_workspace();
    let v: serde_json::Value = serde_json::from_str(&export(&ws)).unwrap();
    assert_eq!(v["offset_unit"], "codepoint");
    assert_eq!(v["format"], "annota");
    assert_eq!(v["version"], 2);
    assert!(v.get("actors").is_none() && v.get("settings").is_none() && v["article"].get("meta").is_none(), "empty facts are left out");
    let text: Vec<char> = v["article"]["text"].as_str().unwrap().chars().collect();
    for a in v["annotations"].as_array().unwrap() {
        let (s, e) = (a["start"].as_u64().unwrap() as usize, a["end"].as_u64().unwrap() as usize);
        let exact: String = text[s..e].iter().collect();
        assert_eq!(a["exact"].as_str().unwrap(), exact);
        let u16s: Vec<u16> = v["article"]["text"].as_str().unwrap().encode_utf16().collect();
        let (us, ue) = (a["utf16_start"].as_u64().unwrap() as usize, a["utf16_end"].as_u64().unwrap() as usize);
        assert_eq!(String::from_utf16(&u16s[us..ue]).unwrap(), exact);
    }
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let good = export(&noted_workspace());
    let cases: Vec<(String, &str)> = vec![
        ("{ not json".into(), "line 1"),
        ("[1,2]".into(), "unknown format"),
        (good.replace("\"version\": 2", "\"version\": 9"), "newer Annota"),
        (good.replace("\"label\": \"claim\"", "\"label\": \"nope\""), "not in the label set"),
        (good.replace("\"codepoint\"", "\"utf16\""), "offset unit"),
        (good.replace("\"id\": \"b\"", "\"id\": \"a\""), "appears twice"),
        (good.replace("\"id\": \"b\"", "\"id\": \"b c\""), "white space"),
        (good.replace("#d55e00", "red;background:url(x)"), "colour"),
        (good.replace("\"start\": 20,", "\"start\": \"20\","), "not a valid Annota JSON file"),
    ];
    assert_refused(&good, cases);
}

/// Each case, a changed copy of `good`, is refused with a message that names its problem.
fn assert_refused(good: &str, cases: Vec<(String, &str)>) {
    for (json, reason) in cases {
        assert_ne!(json, good, "the case for {reason:?} changed nothing");
        let err = import(&json).unwrap_err();
        assert!(err.to_string().contains(reason), "{:?} should mention {reason:?}", err.to_string());
    }
}

#[test]
fn a_quote_whose_offsets_moved_is_found_again_and_a_lost_one_is_kept() {
    let ws = noted_workspace();
    let json = export(&ws).replace("\"start\": 20,", "\"start\": 21,");
    let (back, summary) = import(&json).unwrap();
    assert_eq!(back.annotations, ws.annotations);
    assert_eq!(summary.moved, 1);

    let exact_b = ws.article.text.slice(Span::new(20, 30)).unwrap();
    let json = export(&ws).replace(&format!("\"exact\": \"{exact_b}\""), "\"exact\": \"نص غير موجود في المقال أصلا\"");
    let (back, summary) = import(&json).unwrap();
    assert_eq!(back.annotations.len(), 2);
    assert_eq!(back.orphans.len(), 1);
    assert_eq!(back.orphans[0].id.0, "b");
    assert_eq!(summary.orphaned, 1);
}

fn actor(id: &str, name: &str, kind: ActorKind) -> Actor {
    Actor { id: ActorId(id.into()), name: name.into(), kind }
}

/// Two mentions of the minister, a quote he said, a reviewed claim he made, an orphan
/// claim by a ministry, the article's details and custom settings.
fn fact_workspace() -> Workspace {
    let minister = ActorId("a-1".into());
    let ministry = ActorId("a-2".into());
    let mut anns = vec![noted("m1", 15, 20, "actor"), noted("m2", 35, 40, "actor"), noted("q", 45, 60, "quote"), noted("c", 50, 58, "claim")];
    anns[0].facts.actor = Some(minister.clone());
    anns[1].facts.actor = Some(minister.clone());
    anns[2].facts.said_by = Some(minister.clone());
    anns[3].facts.said_by = Some(minister);
    anns[3].facts.review = Some(Rc::new(Review {
        verdict: Some("Mostly false".into()),
        text: "البيان لا يطابق محضر الجلسة".into(),
        evidence: vec![crate::model::facts::Evidence { url: "https://example.org/minutes".into(), title: "محضر".into() }],
        claim_type: Some("quantity".into()),
        status: crate::model::facts::Status::Done,
        url: "https://example.org/review/1".into(),
        date: "2026-12-01".into(),
    }));
    let orphan = Orphan { facts: Facts { said_by: Some(ministry), ..Default::default() }, ..orphan("o", "claim", "lost") };
    let meta = ArticleMeta {
        title: "عنوان آخر".into(),
        url: "https://example.org/a".into(),
        publisher: "Fars".into(),
        author: "".into(),
        date_published: "2026-11-29".into(),
    };
    let settings = Settings { organisation: "Check Lab".into(), organisation_url: "https://example.org".into(), ..Default::default() };
    Workspace::new(sample_article(), default_labels(), anns).with_orphans(vec![orphan]).with_facts(
        vec![actor("a-1", "أمير عبد اللهيان", ActorKind::Person), actor("a-2", "وزارة الخارجية", ActorKind::Organization)],
        meta,
        settings,
    )
}

#[test]
fn facts_survive_a_round_trip() {
    let ws = fact_workspace();
    let json = export(&ws);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["actors"][1], serde_json::json!({"id": "a-2", "name": "وزارة الخارجية", "kind": "organization"}));
    assert_eq!(v["annotations"][0]["actor"], "a-1");
    assert_eq!(v["annotations"][3]["review"]["verdict"], "Mostly false");
    assert_eq!(v["orphans"][0]["said_by"], "a-2");
    assert_eq!(v["article"]["meta"]["publisher"], "Fars");
    assert_eq!(v["settings"]["organisation"], "Check Lab");
    let (back, _) = import(&json).unwrap();
    assert_eq!(back, ws);
}

#[test]
fn version_1_files_still_open() {
    let v1 = include_str!("../../../tests/fixtures/annota-json/v1.json");
    assert!(v1.contains("\"version\": 1"));
    let (ws, summary) = import(v1).unwrap();
    assert_eq!(summary.placed_exactly, 5);
    assert!(ws.actors.is_empty() && ws.annotations.iter().all(|a| a.facts.is_empty()));
    assert_eq!((*ws.meta).clone(), ArticleMeta::default());
    assert_eq!((*ws.settings).clone(), Settings::default());
}

#[test]
fn bad_facts_are_refused_with_a_reason() {
    let good = export(&fact_workspace());
    let cases: Vec<(String, &str)> = vec![
        (good.replace("\"said_by\": \"a-2\"", "\"said_by\": \"a-9\""), "orphan \"o\" refers to actor \"a-9\", which is not in the file"),
        (good.replacen("\"actor\": \"a-1\"", "\"actor\": \"nobody\"", 1), "refers to actor \"nobody\""),
        (good.replace("\"id\": \"a-2\"", "\"id\": \"a-1\""), "actor id \"a-1\" appears twice"),
        (good.replace("\"id\": \"a-2\"", "\"id\": \"a 2\""), "actor id \"a 2\" is empty or contains white space"),
        (good.replace("\"said_by\": \"a-2\"", "\"said_by\": \"\""), "actor id \"\" is empty"),
        (good.replace("\"name\": \"وزارة الخارجية\"", "\"name\": \" \""), "has no name"),
        (good.replace("\"quantity\"", "\"gossip\""), "claim type \"gossip\""),
        (good.replace("\"2026-12-01\"", "\"1 Dec\""), "not a YYYY-MM-DD date"),
        (good.replace("\"Mostly false\"", "\"\""), "the verdict is empty"),
        (good.replace("\"kind\": \"organization\"", "\"kind\": \"robot\""), "not a valid Annota JSON file"),
        (good.replace("\"status\": \"done\"", "\"status\": \"done\", \"x\": 1"), "unknown field"),
        (good.replace("\"publisher\": \"Fars\"", "\"publisher\": \"Fars\", \"x\": 1"), "unknown field"),
    ];
    assert_refused(&good, cases);
}

#[test]
fn headings_survive_a_round_trip_and_a_misplaced_one_refuses_the_file() {
    use crate::model::structure::Heading;
    let article = Article::new("t", "العنوان\n\nنص المقال.").with_headings(vec![Heading { start: 0, level: 1 }, Heading { start: 3, level: 2 }]);
    assert_eq!(article.headings.len(), 1, "a heading must start a paragraph");
    let ws = Workspace::new(article, default_labels(), vec![]);
    let json = export(&ws);
    let (back, _) = import(&json).unwrap();
    assert_eq!(back.article.headings, ws.article.headings);
    assert_eq!(*back.article.headings, [Heading { start: 0, level: 1 }]);
    let bad = json.replace("\"start\": 0", "\"start\": 2");
    assert!(import(&bad).unwrap_err().to_string().contains("heading"));
}

proptest! {
    #[test]
    fn round_trip_on_random_texts(chunks in prop::collection::vec(prop::sample::select(vec!["ب", "\u{064E}", "😀", "🇮🇷", "a", " ", "\n", "👩‍👩‍👦"]), 1..80), spans in prop::collection::vec((0usize..80, 0usize..80, 0usize..3), 0..10)) {
        let text = chunks.concat();
        let article = Article::new("t", text);
        let idx = article.text.clone();
        let labels = default_labels();
        let anns: Vec<Annotation> = spans.iter().enumerate().filter_map(|(i, (a, b, k))| {
            let span = idx.span_from_selection(CharOffset(*a), CharOffset(*b))?;
            Some(noted(&format!("id{i}"), span.start.0, span.end.0, ["claim", "quote", "actor"][*k]))
        }).collect();
        let ws = Workspace::new(article, labels, anns);
        let (back, _) = import(&export(&ws)).unwrap();
        prop_assert_eq!(back, ws);
    }
}
