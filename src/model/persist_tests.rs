//! The storage schema: round trips, what is kept aside and why, and every version ever written.

use super::*;
use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::labels::LabelId;
use crate::model::testkit::{ann, edited_labels, sample_workspace, ts};
use crate::model::text::Span;

fn workspace() -> Workspace {
    sample_workspace(vec![Annotation { note: "n".into(), created: ts("t1"), modified: ts("t2"), ..ann("x", 3, 9, "actor") }])
}

#[test]
fn stored_workspace_reads_back_exactly() {
    let ws = workspace();
    let d = decode(Some(&encode_article(&ws.article)), Some(&encode_annotations(&ws)));
    assert_eq!(d.workspace, Some(ws));
    assert!(d.unreadable.is_empty());
}

#[test]
fn a_save_reusing_the_last_one_writes_exactly_what_a_fresh_one_does() {
    use crate::model::action::Edit;
    use crate::model::reduce::State;
    let ann = |id: &str, start: usize, label: &str| ann(id, start, start + 4, label);
    let at = || ts("t2");
    let mut cache = RecordCache::default();
    let mut state = Rc::new(State::new(workspace()));
    let steps = [
        Edit::Add(ann("a", 20, "claim")),
        Edit::Add(ann("b", 0, "quote")),
        Edit::Add(ann("c", 40, "claim")),
        Edit::SetNote { id: AnnotationId("a".into()), note: "\"quoted\" ملاحظة".into(), at: at() },
        Edit::Relabel { id: AnnotationId("x".into()), label: LabelId("claim".into()), at: at() },
        Edit::Delete(AnnotationId("b".into())),
        Edit::Undo,
        Edit::Delete(AnnotationId("c".into())),
    ];
    for step in steps {
        state = state.reduce(step);
        assert_eq!(encode_annotations_with(&state.workspace, &mut cache), encode_annotations(&state.workspace));
    }
    assert_eq!(cache.records.len(), state.workspace.annotations.len());
    // Another article's workspace shares nothing and still comes out right.
    let other = workspace();
    assert_eq!(encode_annotations_with(&other, &mut cache), encode_annotations(&other));
}

#[test]
fn facts_are_stored_and_a_link_to_a_missing_actor_is_set_aside() {
    use crate::model::facts::{Actor, ActorId, ArticleMeta, Review, Settings};
    let mut ws = workspace();
    let mut a = (*ws.annotations[0]).clone();
    a.facts.actor = Some(ActorId("p".into()));
    a.facts.review = Some(Rc::new(Review { verdict: Some("False".into()), ..Default::default() }));
    let meta = ArticleMeta { author: "كاتب".into(), ..Default::default() };
    let settings = Settings { organisation: "Lab".into(), ..Default::default() };
    ws = Workspace::new(ws.article.clone(), default_labels(), vec![a]).with_facts(
        vec![Actor { id: ActorId("p".into()), name: "لافروف".into(), kind: Default::default() }],
        meta,
        settings,
    );
    let stored = encode_annotations(&ws);
    assert!(stored.contains("\"schema\":2") && !stored.contains("\"exact\""), "{stored}");
    let d = decode(Some(&encode_article(&ws.article)), Some(&stored));
    assert_eq!(d.workspace, Some(ws.clone()));

    let dangling = stored.replace("\"actor\":\"p\"", "\"actor\":\"q\"");
    let d = decode(Some(&encode_article(&ws.article)), Some(&dangling));
    assert!(d.unreadable[0].reason.to_string().contains("actor \"q\""), "{:?}", d.unreadable);
}

#[test]
fn an_edited_label_set_is_stored_and_read_back() {
    let ws = workspace();
    let ws = Workspace::new(ws.article.clone(), edited_labels(), ws.annotations.iter().map(|a| (**a).clone()).collect());
    let d = decode(Some(&encode_article(&ws.article)), Some(&encode_annotations(&ws)));
    assert_eq!(d.workspace.map(|w| (*w.labels).clone()), Some(edited_labels()));
}

#[test]
fn nothing_stored_means_start_fresh() {
    assert_eq!(decode(None, None), Decoded { workspace: None, unreadable: vec![], label_repairs: vec![] });
}

#[test]
fn unreadable_values_are_kept_with_a_reason() {
    let ws = workspace();
    let article = encode_article(&ws.article);
    let annotations = encode_annotations(&ws);
    let truncated = &annotations[..annotations.len() / 2];
    let d = decode(Some(&article), Some(truncated));
    assert_eq!(d.workspace.as_ref().unwrap().article, ws.article, "the article survives");
    assert_eq!(d.unreadable.len(), 1);
    assert_eq!(d.unreadable[0].raw, truncated);
    assert!(d.unreadable[0].reason.to_string().contains("not valid JSON"));

    let future = annotations.replace("\"schema\":2", "\"schema\":7");
    let d = decode(Some(&article), Some(&future));
    assert!(d.unreadable[0].reason.to_string().contains("newer"), "{}", d.unreadable[0].reason);

    let d = decode(Some("{\"schema\":1,\"id\":5}"), Some(&annotations));
    assert_eq!(d.workspace, None);
    assert_eq!(d.unreadable.len(), 2, "both are kept");

    let other = Workspace::new(crate::model::annotation::Article::new("t", "other text"), default_labels(), vec![]);
    let d = decode(Some(&encode_article(&other.article)), Some(&annotations));
    assert!(d.unreadable[0].reason.to_string().contains("another article"));

    // Ids Annota never writes: not made up (all the same empty one) but kept aside, with the reason.
    let stored = encode_annotations(&Workspace::new(
        ws.article.clone(),
        default_labels(),
        vec![(*ws.annotations[0]).clone(), Annotation { id: AnnotationId("y".into()), span: Span::new(10, 12), ..(*ws.annotations[0]).clone() }],
    ));
    for (bad, why) in [
        (stored.replace("\"id\":\"x\"", "\"id\":\"a b\"").replace("\"id\":\"y\"", "\"id\":\"c d\""), "white space"),
        (stored.replace("\"id\":\"y\"", "\"id\":\"x\""), "appears twice"),
    ] {
        let d = decode(Some(&article), Some(&bad));
        assert_eq!(d.unreadable.len(), 1, "{bad}: {:?}", d.workspace.map(|w| w.annotations.iter().map(|a| a.id.0.clone()).collect::<Vec<_>>()));
        assert!(d.unreadable[0].reason.to_string().contains(why), "{}", d.unreadable[0].reason);
        assert_eq!(d.workspace.map(|w| w.annotations.len()), Some(0), "the article opens without them");
    }
}

/// Every storage schema version ever written has a fixture in `tests/fixtures/storage/v<N>/`;
/// each must still decode, unchanged in meaning, with nothing set aside.
mod fixtures {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn every_schema_version_ever_written_still_reads() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/storage");
        let mut versions = 0;
        for entry in std::fs::read_dir(&root).unwrap() {
            let dir = entry.unwrap().path();
            let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
            let decoded = decode(Some(&read("article.json")), Some(&read("annotations.json")));
            assert!(decoded.unreadable.is_empty(), "{}: {:?}", dir.display(), decoded.unreadable);
            let ws = decoded.workspace.unwrap();
            let expected: serde_json::Value = serde_json::from_str(&read("expected.json")).unwrap();
            let quotes: Vec<String> = ws.annotations.iter().map(|a| format!("{}:{}", a.label.0, ws.article.text.slice(a.span).unwrap())).collect();
            assert_eq!(serde_json::json!(quotes), expected["quotes"], "{}", dir.display());
            check_facts(&ws, &expected, &dir.display().to_string());
            versions += 1;
        }
        assert_eq!(versions, SCHEMA_VERSION as usize, "a fixture for every schema version");
    }

    /// From schema 2 on, `expected.json` also names the fact-checking data; each key is optional.
    fn check_facts(ws: &Workspace, expected: &serde_json::Value, dir: &str) {
        let name = |id: &Option<crate::model::facts::ActorId>| id.as_ref().and_then(|id| ws.actor(id)).map(|a| a.name.clone());
        let quote = |a: &crate::model::annotation::Annotation| ws.article.text.slice(a.span).unwrap().to_string();
        let found = serde_json::json!({
            "title": ws.title(),
            "actors": ws.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
            "mentions": ws.annotations.iter().filter_map(|a| Some((quote(a), name(&a.facts.actor)?))).collect::<Vec<_>>(),
            "said_by": ws.annotations.iter().filter_map(|a| Some((format!("{}:{}", a.label.0, quote(a)), name(&a.facts.said_by)?))).collect::<Vec<_>>(),
            "verdicts": ws.annotations.iter().filter_map(|a| Some((quote(a), a.facts.review.as_ref()?.verdict.clone()?))).collect::<Vec<_>>(),
            "organisation": ws.settings.organisation,
        });
        for key in ["title", "actors", "mentions", "said_by", "verdicts", "organisation"] {
            if let Some(want) = expected.get(key) {
                assert_eq!(&found[key], want, "{dir}: {key}");
            }
        }
    }
}
