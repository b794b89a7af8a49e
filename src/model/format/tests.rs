//! Golden files, round trips and offset properties for every format.

use super::*;
use crate::model::annotation::Annotation;
use crate::model::facts::{Actor, ActorId, ActorKind, ArticleMeta, Evidence, Facts, Review, Settings, Status};
use crate::model::labels::default_labels;
use crate::model::testkit::{ann, ann_over, facts, ts};
use crate::model::text::{CharOffset, Span, TextIndex};
use proptest::prelude::*;
use std::path::PathBuf;
use std::rc::Rc;

/// Arabic with harakat, emoji outside the BMP, a flag, a ZWJ family, Latin, overlapping and nested spans.
const TEXT: &str = "قالَ وزير الخارجية الروسي سيرغي لافروف: «يجب وقف إطلاق النار فوراً» 🇷🇺\n\nوردّ الوزير الإيراني 👨‍👩‍👧 بأن \"الحل\" سياسي, not military 😀.\n";

/// An annotation over `needle` in [`TEXT`], made on 29 November at 07:00 and edited at 07:30.
fn ann_in(id: &str, needle: &str, label: &str, note: &str, facts: Facts) -> Annotation {
    let (created, modified) = (ts("2026-11-29T07:00:00.000Z"), ts("2026-11-29T07:30:00.000Z"));
    Annotation { note: note.into(), created, modified, facts, ..ann_over(id, TEXT, needle, label) }
}

const LAVROV: &str = "00000000-0000-4000-8000-00000000000a";
const AMIR: &str = "amir-abdollahian";

/// Lavrov is named twice and said the quote and the reviewed claim; the Iranian minister (an id
/// that is not a UUID) made a claim still under review, with no verdict.
fn workspace() -> Workspace {
    let reviewed = Review {
        verdict: Some("Half true".into()),
        text: "دعا إلى وقف إطلاق النار، لكن ليس \"فوراً\" بلا شروط.".into(),
        evidence: vec![
            Evidence { url: "https://example.org/transcript".into(), title: "نص المكالمة".into() },
            Evidence { url: "https://example.org/un".into(), title: String::new() },
        ],
        claim_type: Some("prediction".into()),
        status: Status::Done,
        url: "https://check.example/reviews/1".into(),
        date: "2026-11-30".into(),
    };
    let pending = Review { text: "ننتظر رد الوزارة".into(), status: Status::InProgress, ..Default::default() };
    let actors = vec![
        Actor { id: ActorId(LAVROV.into()), name: "سيرغي لافروف".into(), kind: ActorKind::Person },
        Actor { id: ActorId(AMIR.into()), name: "حسين أمير عبد اللهيان".into(), kind: ActorKind::Person },
    ];
    let meta = ArticleMeta {
        title: String::new(),
        url: "https://news.example/2026/11/lavrov".into(),
        publisher: "وكالة الأنباء".into(),
        author: "مراسلنا".into(),
        date_published: "2026-11-28".into(),
    };
    let settings = Settings { organisation: "مرصد التحقق".into(), organisation_url: "https://check.example".into(), ..Default::default() };
    Workspace::new(
        Article::new("مكالمة لافروف", TEXT),
        default_labels(),
        vec![
            ann_in("00000000-0000-4000-8000-000000000001", "وزير الخارجية الروسي سيرغي لافروف", "actor", "", facts(Some(LAVROV), None, None)),
            ann_in(
                "00000000-0000-4000-8000-000000000002",
                "سيرغي لافروف: «يجب وقف إطلاق النار فوراً» 🇷🇺",
                "quote",
                "يقول \"فوراً\", \nبلا شروط",
                facts(None, Some(LAVROV), None),
            ),
            ann_in("00000000-0000-4000-8000-000000000003", "وقف إطلاق النار", "claim", "=1+1", facts(None, Some(LAVROV), Some(reviewed))),
            ann_in("00000000-0000-4000-8000-000000000004", "الوزير الإيراني 👨‍👩‍👧", "actor", "", facts(Some(AMIR), None, None)),
            ann_in("00000000-0000-4000-8000-000000000005", "\"الحل\" سياسي, not military 😀", "claim", "", facts(None, Some(AMIR), Some(pending))),
            ann_in("00000000-0000-4000-8000-000000000006", "لافروف", "actor", "", facts(Some(LAVROV), None, None)),
        ],
    )
    .with_facts(actors, meta, settings)
}

/// The annotations without their facts, for formats that carry only spans, labels and notes.
fn bare(annotations: &[Rc<Annotation>]) -> Vec<Rc<Annotation>> {
    annotations.iter().map(|a| Rc::new(Annotation { facts: Facts::default(), ..(**a).clone() })).collect()
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name)
}

/// Compares with the checked-in golden file; `UPDATE_GOLDEN=1` rewrites it (then read it by eye).
fn golden(name: &str, bytes: &[u8]) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    let expected = std::fs::read(&path).unwrap_or_else(|_| panic!("missing golden file {}", path.display()));
    assert!(expected == bytes, "{name} differs from its golden file; run with UPDATE_GOLDEN=1 and review the diff");
}

#[test]
fn every_export_matches_its_golden_file() {
    let ws = workspace();
    for kind in ExportKind::ALL {
        let file = kind.export(&ws);
        golden(&file.name, &file.bytes);
    }
    golden("label-studio-config.xml", tabular::label_studio_config(&ws).as_bytes());
}

fn counter() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("generated-{n}")
    }
}

/// When the imports happen.
fn now() -> Timestamp {
    ts("2026-12-01T00:00:00.000Z")
}

fn spans_and_labels(ws: &Workspace) -> Vec<(Span, String)> {
    ws.annotations.iter().map(|a| (a.span, a.label.0.clone())).collect()
}

#[test]
fn round_trips_give_the_same_annotations() {
    let ws = workspace();
    let empty = Workspace::new(Article::new("other", "something else entirely"), default_labels(), vec![]);
    let on_same_article = Workspace::new(ws.article.clone(), default_labels(), vec![]);
    for kind in [ExportKind::AnnotaJson, ExportKind::W3c, ExportKind::Doccano, ExportKind::LabelStudio] {
        let content = String::from_utf8(kind.export(&ws).bytes).unwrap();
        // Web Annotation carries no text: it goes onto the open article.
        let base = if kind == ExportKind::W3c { &on_same_article } else { &empty };
        let imported = import(&content, base, ImportTarget::OwnText, &now(), &mut counter()).unwrap();
        let back = imported.workspace;
        assert_eq!(back.article.text.as_str(), TEXT, "{kind:?}");
        assert_eq!(spans_and_labels(&back), spans_and_labels(&ws), "{kind:?}");
        assert_eq!(imported.summary.placed_exactly, 6, "{kind:?}: {}", imported.summary);
        assert!(imported.summary.rejected.is_empty(), "{kind:?}: {}", imported.summary);
        match kind {
            ExportKind::AnnotaJson => assert_eq!(back, ws),
            ExportKind::W3c => assert_eq!(*back.annotations, bare(&ws.annotations), "ids, notes and times survive"),
            ExportKind::LabelStudio => {
                let notes: Vec<_> = back.annotations.iter().map(|a| (&a.id, &a.note)).collect();
                let expected: Vec<_> = ws.annotations.iter().map(|a| (&a.id, &a.note)).collect();
                assert_eq!(notes, expected);
            }
            _ => {}
        }
    }
}

#[test]
fn an_edited_text_re_anchors_with_a_summary() {
    let ws = workspace();
    let file = annota_json::export(&ws);
    // The open article is an edited version: text inserted at the start, a word changed, a passage gone.
    let edited = format!("عاجل: {}", TEXT.replace("الوزير الإيراني", "الوزير الإيرانى").replace("\"الحل\" سياسي, not military 😀", "كلام آخر"));
    let open = Workspace::new(Article::new("edited", edited.clone()), default_labels(), vec![]);
    let imported = import(&file, &open, ImportTarget::OpenArticle, &now(), &mut counter()).unwrap();
    let s = &imported.summary;
    assert_eq!((s.placed_exactly, s.moved, s.fuzzy, s.orphaned), (0, 4, 1, 1), "{}", s);
    let text = TextIndex::new(edited);
    let quotes: Vec<&str> = imported.workspace.annotations.iter().map(|a| text.slice(a.span).unwrap()).collect();
    assert!(quotes.contains(&"الوزير الإيرانى 👨‍👩‍👧"), "{quotes:?}");
    assert_eq!(imported.workspace.orphans[0].quote.exact, "\"الحل\" سياسي, not military 😀");
    assert!(s.to_string().contains("1 orphaned"));
    assert!(s.notes.iter().any(|n| n.to_string().contains("differs")));
    // The actors the annotations (and the orphan) name came along; the open article kept its details.
    let back = &imported.workspace;
    assert_eq!(back.actors, ws.actors);
    assert_eq!(back.orphans[0].facts.said_by, Some(ActorId(AMIR.into())));
    assert_eq!(back.check_actors(), Ok(()));
    assert_eq!(*back.meta, ArticleMeta::default());
}

#[test]
fn actors_brought_onto_the_open_article_keep_apart_from_its_own() {
    let ws = workspace();
    let file = annota_json::export(&ws);
    // The open article already has an actor under one of the file's ids, but it is someone else.
    let someone = Actor { id: ActorId(AMIR.into()), name: "someone else".into(), kind: ActorKind::Organization };
    let open = Workspace::new(ws.article.clone(), default_labels(), vec![]).with_facts(vec![someone.clone()], ArticleMeta::default(), Settings::default());
    let imported = import(&file, &open, ImportTarget::OpenArticle, &now(), &mut counter()).unwrap().workspace;
    let names: Vec<(&str, &str)> = imported.actors.iter().map(|a| (a.id.0.as_str(), a.name.as_str())).collect();
    assert_eq!(names, [(AMIR, "someone else"), (LAVROV, "سيرغي لافروف"), ("generated-1", "حسين أمير عبد اللهيان")]);
    let claim = imported.annotations.iter().find(|a| a.id.0.ends_with("05")).unwrap();
    assert_eq!(claim.facts.said_by, Some(ActorId("generated-1".into())));
    assert_eq!(imported.check_actors(), Ok(()));
    // The open article had no annotations, so every annotation keeps its id.
    assert_eq!(imported.annotations.len(), 6);
}

#[test]
fn utf16_offsets_from_other_tools_are_converted() {
    // What an older Label Studio or a Hypothesis-style tool writes: JavaScript string offsets.
    let text = "😀 قال لافروف 🇷🇺 نعم";
    let js_start = text.encode_utf16().take_while(|_| true).count(); // whole length, for reference
    assert!(js_start > text.chars().count());
    let u16_of = |needle: &str| {
        let b = text.find(needle).unwrap();
        let s = text[..b].encode_utf16().count();
        (s, s + needle.encode_utf16().count())
    };
    let (s1, e1) = u16_of("لافروف");
    let (s2, e2) = u16_of("🇷🇺 نعم");
    let file = serde_json::json!([{ "data": { "text": text }, "annotations": [{ "result": [
        { "id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": { "start": s1, "end": e1, "text": "لافروف", "labels": ["Actor"] } },
        { "id": "r2", "from_name": "label", "to_name": "text", "type": "labels", "value": { "start": s2, "end": e2, "text": "🇷🇺 نعم", "labels": ["Claim"] } }
    ] }] }]);
    let empty = Workspace::new(Article::new("x", "x"), default_labels(), vec![]);
    let imported = import(&file.to_string(), &empty, ImportTarget::OwnText, &now(), &mut counter()).unwrap();
    let ws = imported.workspace;
    let quotes: Vec<&str> = ws.annotations.iter().map(|a| ws.article.text.slice(a.span).unwrap()).collect();
    assert_eq!(quotes, ["لافروف", "🇷🇺 نعم"]);
    assert_eq!(imported.summary.placed_exactly, 2);
    assert!(imported.summary.notes[0].to_string().contains("UTF-16"));
}

#[test]
fn bad_files_name_their_problem() {
    let open = workspace();
    let cases = [
        ("{\"a\": 1,\n\"b\" 2}", "not valid JSON at line 2"),
        ("{\"hello\": \"world\"}", "unknown format"),
        ("{\"text\": \"abc\", \"label\": [[0, 2, \"PERSON\"]]}", "\"PERSON\" is not in the label set"),
        ("{\"text\": \"abc\", \"label\": [[0, 9, \"claim\"]]}", "outside the text"),
        ("{\"text\": \"abc\", \"label\": [[0, \"x\", \"claim\"]]}", "not a whole number"),
        ("{\"text\": \"a\", \"label\": []}\n{\"text\": \"b\", oops}", "not valid JSON Lines: line 2"),
        ("{\"type\": \"AnnotationCollection\", \"first\": \"https://example.org/page1\"}", "does not embed its first page"),
    ];
    for (content, reason) in cases {
        let err = import(content, &open, ImportTarget::OwnText, &now(), &mut counter()).unwrap_err();
        assert!(err.to_string().contains(reason), "{:?} should mention {reason:?}", err.to_string());
    }
}

#[test]
fn doccano_jsonl_with_several_documents_opens_the_first_and_says_so() {
    let content = "{\"text\": \"قال زيد\", \"label\": [[4, 7, \"actor\"]]}\n{\"text\": \"second\", \"label\": []}\n";
    let open = workspace();
    let imported = import(content, &open, ImportTarget::OwnText, &now(), &mut counter()).unwrap();
    assert_eq!(imported.workspace.article.text.as_str(), "قال زيد");
    assert_eq!(imported.workspace.annotations[0].id.0, "generated-1");
    assert!(imported.summary.to_string().contains("2 documents"));
}

fn any_text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec!["ب", "ت", "\u{064E}", "\u{0651}", "😀", "🇮🇷", "👩‍👩‍👦", "\n", " ", "a", "e\u{0301}", "עב", "\"", ",", "\r\n", "="]);
    prop::collection::vec(atoms, 1..70).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn every_export_slices_the_text_to_the_quote(text in any_text(), raw in prop::collection::vec((0usize..90, 0usize..90, 0usize..3), 1..8)) {
        let article = Article::new("t", text.clone());
        let idx = article.text.clone();
        let anns: Vec<Annotation> = raw.iter().enumerate().filter_map(|(i, (a, b, k))| {
            let span = idx.span_from_selection(CharOffset(*a), CharOffset(*b))?;
            Some(ann(&format!("id{i}"), span.start.0, span.end.0, ["claim", "quote", "actor"][*k]))
        }).collect();
        let ws = Workspace::new(article, default_labels(), anns);
        let chars: Vec<char> = text.chars().collect();
        let cut = |s: u64, e: u64| chars[s as usize..e as usize].iter().collect::<String>();
        let exacts: Vec<String> = ws.annotations.iter().map(|a| idx.slice(a.span).unwrap().to_string()).collect();

        let w3c: Value = serde_json::from_slice(&ExportKind::W3c.export(&ws).bytes).unwrap();
        for (item, exact) in w3c["first"]["items"].as_array().unwrap().iter().zip(&exacts) {
            let sel = &item["target"]["selector"];
            prop_assert_eq!(sel[0]["exact"].as_str().unwrap(), exact.as_str());
            prop_assert_eq!(&cut(sel[1]["start"].as_u64().unwrap(), sel[1]["end"].as_u64().unwrap()), exact);
        }
        let doccano: Value = serde_json::from_slice(&ExportKind::Doccano.export(&ws).bytes).unwrap();
        for (l, exact) in doccano["label"].as_array().unwrap().iter().zip(&exacts) {
            prop_assert_eq!(&cut(l[0].as_u64().unwrap(), l[1].as_u64().unwrap()), exact);
        }
        let ls: Value = serde_json::from_slice(&ExportKind::LabelStudio.export(&ws).bytes).unwrap();
        for (r, exact) in ls[0]["annotations"][0]["result"].as_array().unwrap().iter().zip(&exacts) {
            prop_assert_eq!(&cut(r["value"]["start"].as_u64().unwrap(), r["value"]["end"].as_u64().unwrap()), exact);
            prop_assert_eq!(r["value"]["text"].as_str().unwrap(), exact.as_str());
        }
        for (line, exact) in tabular::brat_ann(&ws).lines().filter(|l| l.starts_with('T')).zip(&exacts) {
            let fields: Vec<&str> = line.split('\t').collect();
            let frags: Vec<String> = fields[1].split_once(' ').unwrap().1.split(';').map(|f| {
                let (s, e) = f.split_once(' ').unwrap();
                cut(s.parse().unwrap(), e.parse().unwrap())
            }).collect();
            prop_assert_eq!(frags.join(" "), fields[2]);
            let squashed: String = exact.chars().filter(|c| !matches!(c, '\n' | '\r')).collect();
            prop_assert_eq!(frags.concat(), squashed);
        }
        // Annota JSON import gives the workspace back; Web Annotation onto the same text too.
        let again = import(&String::from_utf8(ExportKind::W3c.export(&ws).bytes).unwrap(), &Workspace::new(ws.article.clone(), default_labels(), vec![]), ImportTarget::OwnText, &now(), &mut counter()).unwrap();
        prop_assert_eq!(&again.workspace.annotations, &ws.annotations);
    }
}
