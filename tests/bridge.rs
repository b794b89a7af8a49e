//! Browser tests of the bridge in headless Chromium: DOM selection <-> code points on the rendered
//! app, markup that stays text through the HTML parser, the article's paragraphs and marks as the
//! DOM contract says, unreadable storage kept aside, and the save written when Annota stops. Run
//! by `cargo test --target wasm32-unknown-unknown --test bridge` (scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use annota::app::App;
use annota::bridge::article_dom::{self, first_mark, ids_under, paragraph_element, restyle_marks, start_of};
use annota::bridge::selection::{point_to_offset, select_offsets, selected_span, selection_points};
use annota::bridge::storage::Store;
use annota::model::annotation::{Annotation, AnnotationId, Article, Timestamp};
use annota::model::keys::{ANNOTATIONS, ARTICLE, BACKUP_PREFIX};
use annota::model::labels::{default_labels, LabelId};
use annota::model::persist::{self, Stopped, WriteError};
use annota::model::render::contract;
use annota::model::text::{CharOffset, Span, TextIndex};
use annota::model::workspace::Workspace;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

/// Arabic with harakat, an emoji with a skin tone, a flag, a ZWJ family, Latin, and three paragraphs.
const TEXT: &str = "قالَ الوزيرُ 👋🏽 إنّ 🇮🇷 و👨‍👩‍👧 hello\n\nسطرٌ ثانٍ مع 😀 رمز\nthird line";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn ann(id: &str, start: usize, end: usize, label: &str) -> Annotation {
    Annotation {
        id: AnnotationId(id.into()),
        span: Span::new(start, end),
        label: LabelId(label.into()),
        note: String::new(),
        created: Timestamp("2026-01-01T00:00:00.000Z".into()),
        modified: Timestamp("2026-01-01T00:00:00.000Z".into()),
        facts: Default::default(),
    }
}

/// Stores a workspace, mounts the app on a fresh root and returns the rendered article element.
async fn mount(ws: &Workspace) -> Element {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage.set_item(ARTICLE, &persist::encode_article(&ws.article)).unwrap();
    storage.set_item(ANNOTATIONS, &persist::encode_annotations(ws)).unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root.query_selector("article").unwrap().expect("the article is rendered")
}

fn workspace() -> Workspace {
    // Overlapping and nested spans, one across the paragraph break.
    let anns = vec![ann("a", 0, 12, "claim"), ann("b", 5, 20, "quote"), ann("c", 6, 11, "actor"), ann("d", 30, 45, "claim")];
    Workspace::new(Article::new("test", TEXT), default_labels(), anns)
}

fn text_nodes(article: &Element) -> Vec<(Node, usize)> {
    let segments = article.query_selector_all("[data-s]:not(p)").unwrap();
    (0..segments.length())
        .map(|i| {
            let el: Element = segments.item(i).unwrap().dyn_into().unwrap();
            let start: usize = el.get_attribute("data-s").unwrap().parse().unwrap();
            (el.first_child().unwrap(), start)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn every_dom_point_maps_to_the_right_code_point() {
    let ws = workspace();
    let article = mount(&ws).await;
    let index = TextIndex::new(TEXT);
    let mut checked = 0;
    for (node, seg_start) in text_nodes(&article) {
        let content = node.text_content().unwrap();
        let units: Vec<u16> = content.encode_utf16().collect();
        for off in 0..=units.len() {
            let got = point_to_offset(&node, off as u32, &article, &index).unwrap();
            let expected = expected_offset(&units, off, seg_start);
            assert_eq!(got, CharOffset(expected), "segment at {seg_start}, utf16 offset {off}");
            checked += 1;
        }
    }
    assert!(checked > TEXT.chars().count(), "checked {checked} points");
}

#[wasm_bindgen_test]
async fn rendered_text_is_the_article_text_without_line_breaks() {
    let ws = workspace();
    let article = mount(&ws).await;
    let expected: String = TEXT.chars().filter(|c| *c != '\n').collect();
    assert_eq!(article.text_content().unwrap(), expected);
    let marks = article.query_selector_all("mark").unwrap().length();
    assert!(marks >= 6, "overlapping spans are cut into segments: {marks}");
}

#[wasm_bindgen_test]
async fn markup_in_an_article_stays_text_through_the_html_parser() {
    // The view hands the browser HTML strings: whatever the text holds must come out as that text.
    let text = "قال <b>x</b> & \"y\" <script>alert(1)</script> 😀\u{0}z\nسطر <img src=x onerror=alert(2)>";
    let anns = vec![ann("a\"<", 0, 12, "claim"), ann("b", 4, 30, "quote")];
    let ws = Workspace::new(Article::new("hostile", text), default_labels(), anns);
    let article = mount(&ws).await;
    let expected: String = text.chars().filter(|c| *c != '\n').map(|c| if c == '\0' { '\u{FFFD}' } else { c }).collect();
    assert_eq!(article.text_content().unwrap(), expected);
    assert_eq!(article.query_selector_all("b, script, img").unwrap().length(), 0, "no element comes from the text");
    let index = TextIndex::new(text);
    for (node, start) in text_nodes(&article) {
        let units = node.text_content().unwrap().encode_utf16().count() as u32;
        let end = point_to_offset(&node, units, &article, &index).unwrap();
        assert_eq!(index.slice(Span { start: CharOffset(start), end }).unwrap().replace('\0', "\u{FFFD}"), node.text_content().unwrap());
    }
    let mark = article.query_selector("mark").unwrap().unwrap();
    assert_eq!(mark.get_attribute("data-ids").as_deref(), Some("a\"<"), "ids from files stay attribute values");
}

#[wasm_bindgen_test]
async fn a_dom_range_becomes_a_grapheme_snapped_span() {
    let ws = workspace();
    let article = mount(&ws).await;
    let index = TextIndex::new(TEXT);
    let nodes = text_nodes(&article);
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    let select = |a: (&Node, u32), b: (&Node, u32)| {
        let range = document().create_range().unwrap();
        range.set_start(a.0, a.1).unwrap();
        range.set_end(b.0, b.1).unwrap();
        selection.remove_all_ranges().unwrap();
        selection.add_range(&range).unwrap();
    };
    // From inside the skin-toned emoji (between its surrogates) to the middle of the flag.
    let emoji = TEXT.chars().position(|c| c == '👋').unwrap();
    let flag = TEXT.chars().position(|c| c == '🇮').unwrap();
    let locate = |cp: usize| {
        let (node, start) = nodes.iter().rev().find(|(_, s)| *s <= cp).unwrap();
        let units = index.utf16_of(CharOffset(cp)).unwrap().0 - index.utf16_of(CharOffset(*start)).unwrap().0;
        (node.clone(), units as u32)
    };
    let (n1, o1) = locate(emoji);
    let (n2, o2) = locate(flag + 1);
    select((&n1, o1 + 1), (&n2, o2));
    let span = selected_span(&article, &index).unwrap();
    assert_eq!(index.slice(span), Some("👋🏽 إنّ 🇮🇷"));

    // Whole paragraphs by element boundaries, as a triple click makes them.
    let paragraphs = article.query_selector_all("p").unwrap();
    let p2 = paragraphs.item(1).unwrap();
    let p3 = paragraphs.item(2).unwrap();
    select((&p2, 0), (&p3, 0));
    let span = selected_span(&article, &index).unwrap();
    assert_eq!(index.slice(span), Some("سطرٌ ثانٍ مع 😀 رمز"));

    // A selection running past the article's end stops at its last character.
    let after = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&after).unwrap();
    select((&p3, 0), (&after, 0));
    let span = selected_span(&article, &index).unwrap();
    assert_eq!(index.slice(span), Some("third line"));
}

#[wasm_bindgen_test]
async fn a_span_selected_from_code_points_reads_back_as_itself() {
    let ws = workspace();
    let article = mount(&ws).await;
    let index = TextIndex::new(TEXT);
    let n = index.char_len();
    // Every grapheme-aligned span without white space at its edges, across segments, highlights
    // and the paragraph break, survives code points -> DOM selection -> code points.
    let edges: Vec<usize> = (0..=n).filter(|&i| index.grapheme_floor(CharOffset(i)) == CharOffset(i)).collect();
    let mut checked = 0;
    for &a in &edges {
        for &b in edges.iter().filter(|&&b| b > a) {
            let span = Span::new(a, b);
            let Some(expected) = index.span_from_selection(span.start, span.end) else { continue };
            if expected != span {
                continue;
            }
            assert!(select_offsets(&article, &index, span.start, span.end), "select {a}..{b}");
            assert_eq!(selected_span(&article, &index), Some(span), "{a}..{b}: {:?}", index.slice(span));
            checked += 1;
        }
    }
    assert!(checked > 500, "checked {checked} spans");

    // A selection extended backwards keeps its anchor after its focus; a collapsed one is a caret.
    let word = TEXT.find("hello").map(|b| TEXT[..b].chars().count()).unwrap();
    assert!(select_offsets(&article, &index, CharOffset(word + 5), CharOffset(word)));
    assert_eq!(selection_points(&article, &index), Some((CharOffset(word + 5), CharOffset(word))));
    assert_eq!(web_sys::window().unwrap().get_selection().unwrap().unwrap().to_string(), "hello");
    assert!(select_offsets(&article, &index, CharOffset(3), CharOffset(3)));
    assert_eq!(selection_points(&article, &index), Some((CharOffset(3), CharOffset(3))));
    assert_eq!(selected_span(&article, &index), None);
}

#[wasm_bindgen_test]
async fn paragraphs_are_found_where_the_chunk_layout_puts_them() {
    let text: String = (0..40).map(|i| format!("paragraph {i}\n")).collect();
    let ws = Workspace::new(Article::new("long", text.as_str()), default_labels(), vec![ann("x", 30, 40, "claim")]);
    let article = mount(&ws).await;
    let index = TextIndex::new(&text);
    assert_eq!(article.children().length() as usize, contract::chunk_count(index.paragraphs().len()));
    for (i, p) in index.paragraphs().iter().enumerate() {
        let place = contract::place_of(i);
        let direct = article_dom::chunk_element(&article, place.chunk).and_then(|c| article_dom::paragraph_in_chunk(&c, place.child)).unwrap();
        assert_eq!(start_of(&direct), Some(p.span.start), "paragraph {i}");
        assert!(paragraph_element(&article, &index, p.span.start).unwrap().is_same_node(Some(&direct)));
    }
}

#[wasm_bindgen_test]
async fn marks_give_their_ids_and_take_the_classes_the_markup_writes() {
    let ws = workspace();
    let article = mount(&ws).await;
    let index = TextIndex::new(TEXT);
    let id = |s: &str| AnnotationId(s.into());
    // "c" starts inside "a" and "b": its first mark names all three, outermost first.
    let mark = first_mark(&article, &index, ws.annotation(&id("c")).unwrap()).unwrap();
    assert_eq!(start_of(&mark), Some(CharOffset(6)));
    assert_eq!(ids_under(Some(mark.clone().into())), vec![id("b"), id("a"), id("c")]);
    let plain = article.query_selector("span").unwrap().unwrap();
    assert_eq!(ids_under(Some(plain.into())), vec![]);

    let paragraph = paragraph_element(&article, &index, CharOffset(0)).unwrap();
    restyle_marks(&paragraph, Some(&id("a")), Some(&(id("c"), 1)));
    let marks = paragraph.query_selector_all("mark").unwrap();
    assert!(marks.length() >= 4);
    for j in 0..marks.length() {
        let mark: Element = marks.item(j).unwrap().dyn_into().unwrap();
        let ids = contract::parse_ids(&mark.get_attribute(contract::IDS).unwrap());
        let classes = mark.class_list();
        assert_eq!(classes.contains(contract::SELECTED_CLASS), ids.contains(&id("a")));
        assert_eq!(classes.contains("flash-b"), ids.contains(&id("c")));
        assert!(!classes.contains("flash-a"));
    }
    restyle_marks(&paragraph, None, None);
    assert_eq!(paragraph.query_selector_all(".selected, .flash-a, .flash-b").unwrap().length(), 0);
}

/// An article element holding `text` drawn by the markup with these highlights and suggestions
/// (each `(start, end, id)`), as the view writes it, outside the app.
fn drawn(text: &TextIndex, marks: &[(usize, usize, &str)], suggested: &[(usize, usize, &str)], current: Option<&str>) -> Element {
    use annota::model::render::markup::{self, Highlight, Look, Proposal};
    let highlights: Vec<Highlight> = marks
        .iter()
        .map(|&(s, e, id)| Highlight { span: Span::new(s, e), id, label: "Claim", class: "hl-0", described_by: "label-desc-0", said_by: None })
        .collect();
    let proposals: Vec<Proposal> =
        suggested.iter().map(|&(s, e, r)| Proposal { span: Span::new(s, e), reference: r, class: "sg-2", title: "Suggestion" }).collect();
    let paragraphs: Vec<String> = text
        .paragraphs()
        .iter()
        .map(|p| {
            let inside = |span: &Span| span.start < p.span.end && p.span.start < span.end;
            let h: Vec<Highlight> = highlights.iter().filter(|h| inside(&h.span)).copied().collect();
            let q: Vec<Proposal> = proposals.iter().filter(|q| inside(&q.span)).copied().collect();
            let mut out = String::new();
            markup::paragraph(&mut out, text, p.span, &h, &q, Look { current, ..Look::default() }, &|_| String::new());
            out
        })
        .collect();
    let article = document().create_element("article").unwrap();
    article.set_inner_html(&markup::chunk(1, paragraphs.iter().map(String::as_str)));
    document().body().unwrap().append_child(&article).unwrap();
    article
}

#[wasm_bindgen_test]
async fn suggestions_around_segments_leave_every_point_and_span_where_it_was() {
    let index = TextIndex::new(TEXT);
    let n = index.char_len();
    // A suggestion over the Arabic words and the emoji, crossing a highlight's edge, one nested
    // in it, one crossing it, and one across the paragraph break.
    let article = drawn(&index, &[(0, 12, "a"), (6, 11, "c")], &[(4, 14, "4-14-2"), (5, 8, "5-8-2"), (10, 20, "10-20-2"), (30, 45, "30-45-2")], Some("5-8-2"));
    let expected: String = TEXT.chars().filter(|c| *c != '\n').collect();
    assert_eq!(article.text_content().unwrap(), expected, "the text is the article's alone");
    assert!(article.query_selector_all("[data-sug]").unwrap().length() >= 5, "the crossing one is cut in two");
    for (node, seg_start) in text_nodes(&article) {
        let units: Vec<u16> = node.text_content().unwrap().encode_utf16().collect();
        for off in 0..=units.len() {
            let got = point_to_offset(&node, off as u32, &article, &index).unwrap();
            let expected = expected_offset(&units, off, seg_start);
            assert_eq!(got, CharOffset(expected), "segment at {seg_start}, utf16 offset {off}");
        }
    }
    let edges: Vec<usize> = (0..=n).filter(|&i| index.grapheme_floor(CharOffset(i)) == CharOffset(i)).collect();
    for &a in &edges {
        for &b in edges.iter().filter(|&&b| b > a) {
            let span = Span::new(a, b);
            if index.span_from_selection(span.start, span.end) != Some(span) {
                continue;
            }
            assert!(select_offsets(&article, &index, span.start, span.end), "select {a}..{b}");
            assert_eq!(selected_span(&article, &index), Some(span), "{a}..{b}");
        }
    }
    // The current one, found and restyled in place; a click inside names the innermost.
    let first = article_dom::suggestion_element(&article, &index, CharOffset(5), "5-8-2").unwrap();
    assert!(first.class_list().contains(contract::CURRENT_CLASS));
    let inner = first.query_selector("mark").unwrap().unwrap();
    assert_eq!(article_dom::suggestion_under(Some(inner.into())).as_deref(), Some("5-8-2"));
    let paragraph = paragraph_element(&article, &index, CharOffset(0)).unwrap();
    article_dom::restyle_suggestions(&paragraph, Some("4-14-2"));
    assert!(!first.class_list().contains(contract::CURRENT_CLASS));
    assert_eq!(paragraph.query_selector_all(".sug.current").unwrap().length(), 1);
    assert_eq!(paragraph.query_selector(".sug.current").unwrap().unwrap().get_attribute("data-sug").as_deref(), Some("4-14-2"));
    article.remove();
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_kept_aside_not_overwritten() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let ws = workspace();
    storage.set_item(ARTICLE, &persist::encode_article(&ws.article)).unwrap();
    storage.set_item(ANNOTATIONS, "{\"schema\":1,\"annotations\":[tru").unwrap();
    let boot = Store::boot("2026-01-01T00:00:00.000Z");
    assert_eq!(boot.decoded.workspace.as_ref().unwrap().article, ws.article);
    assert_eq!(boot.kept.len(), 1);
    let key = boot.kept[0].1.clone().unwrap();
    assert!(key.starts_with(BACKUP_PREFIX));
    assert_eq!(storage.get_item(&key).unwrap().as_deref(), Some("{\"schema\":1,\"annotations\":[tru"));
}

/// Makes every write to a key starting with `prefix` fail as a full quota does, until `restore_set_item`.
fn refuse_writes_to(prefix: &str) {
    let patch = js_sys::Function::new_with_args(
        "prefix",
        "const real = Storage.prototype.setItem; window.__annotaRealSetItem = real;\
         Storage.prototype.setItem = function (k, v) { if (String(k).startsWith(prefix)) throw new DOMException('full', 'QuotaExceededError'); return real.call(this, k, v); };",
    );
    patch.call1(&wasm_bindgen::JsValue::NULL, &prefix.into()).unwrap();
}

fn restore_set_item() {
    js_sys::Function::new_no_args("Storage.prototype.setItem = window.__annotaRealSetItem;").call0(&wasm_bindgen::JsValue::NULL).unwrap();
}

#[wasm_bindgen_test]
async fn an_unreadable_library_index_is_kept_aside_and_never_written_over() {
    use annota::model::keys::{parked_annotations, parked_article, LIBRARY};
    use annota::model::library::Library;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let parked = workspace();
    for index in ["{ broken", r#"{"schema":9,"current":null,"entries":[]}"#] {
        storage.clear().unwrap();
        storage.set_item(&parked_article(&parked.article.id), &persist::encode_article(&parked.article)).unwrap();
        storage.set_item(&parked_annotations(&parked.article.id), &persist::encode_annotations(&parked)).unwrap();
        storage.set_item(LIBRARY, index).unwrap();
        let boot = Store::boot("2026-01-01T00:00:00.000Z");
        let kept: Vec<_> = boot.kept.iter().filter(|(u, _)| u.key == LIBRARY).collect();
        assert_eq!(kept.len(), 1, "{index}: the index is reported");
        let key = kept[0].1.clone().unwrap();
        assert!(key.starts_with(BACKUP_PREFIX));
        assert_eq!(storage.get_item(&key).unwrap().as_deref(), Some(index), "copied aside unchanged");
        assert!(kept[0].0.reason.to_string().contains("rebuilt"), "{}", kept[0].0.reason);
    }

    // When it cannot even be copied aside, nothing writes over it.
    storage.clear().unwrap();
    storage.set_item(LIBRARY, "{ broken").unwrap();
    refuse_writes_to(BACKUP_PREFIX);
    let boot = Store::boot("2026-01-01T00:00:01.000Z");
    restore_set_item();
    assert!(boot.kept.iter().any(|(u, copied)| u.key == LIBRARY && copied.is_err()));
    assert!(boot.store.save_library(&Library::new()).is_err(), "the index is not written over");
    assert_eq!(storage.get_item(LIBRARY).unwrap().as_deref(), Some("{ broken"));
    assert!(boot.store.save_article(&parked).is_ok(), "other keys are written as ever");
}

/// Runs a line of JavaScript (to hold frames, press keys).
fn js(code: &str) {
    js_sys::Function::new_no_args(code).call0(&wasm_bindgen::JsValue::NULL).unwrap();
}

#[wasm_bindgen_test]
async fn when_annota_stops_the_save_still_waiting_for_its_frame_is_written_first() {
    // Hold every frame, so the save of the next change stays pending as it does until paint.
    js("window.__annotaRealRaf = window.requestAnimationFrame; window.requestAnimationFrame = () => 1;");
    let ws = workspace();
    let article = mount(&ws).await;
    let index = TextIndex::new(TEXT);
    let word = TEXT.find("third").map(|b| TEXT[..b].chars().count()).unwrap();
    assert!(select_offsets(&article, &index, CharOffset(word), CharOffset(word + 5)));
    let marks = || article.query_selector_all("mark").unwrap().length();
    let before = marks();
    js("document.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }))");
    yew::scheduler::flush().await;
    assert!(marks() > before, "the change is shown");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let stored = || {
        let decoded = persist::decode(storage.get_item(ARTICLE).unwrap().as_deref(), storage.get_item(ANNOTATIONS).unwrap().as_deref());
        decoded.workspace.map(|w| w.annotations.iter().map(|a| index.slice(a.span).unwrap().to_string()).collect::<Vec<_>>()).unwrap_or_default()
    };
    assert!(!stored().contains(&"third".to_string()), "the change is shown but not saved yet: {:?}", stored());

    // What the panic hook does after logging the error.
    annota::bridge::crash::stopped();
    js("window.requestAnimationFrame = window.__annotaRealRaf;");
    assert!(stored().contains(&"third".to_string()), "saved before stopping: {:?}", stored());
    let banner = document().query_selector(".banner.crash").unwrap().expect("the banner shows");
    assert_eq!(
        banner.text_content().unwrap(),
        "Annota hit an internal error and stopped. Every change shown before the error is saved in this browser. Reload to continue"
    );
    banner.remove();

    // A save that fails is not called saved; in the Arabic interface the banner is Arabic.
    let failing = annota::bridge::crash::on_stop(|| Stopped::NotSaved(WriteError::Full("QuotaExceededError".into())));
    annota::bridge::crash::stopped();
    let banner = document().query_selector(".banner.crash").unwrap().expect("the banner shows");
    assert_eq!(
        banner.text_content().unwrap(),
        "Annota hit an internal error and stopped. Its latest changes are not saved in this browser: \
         the browser refused to store it (QuotaExceededError: storage is probably full). Reload to continue"
    );
    banner.remove();
    let root = document().document_element().unwrap();
    root.set_attribute("lang", "ar").unwrap();
    annota::bridge::crash::stopped();
    let banner = document().query_selector(".banner.crash").unwrap().expect("the banner shows");
    assert_eq!(
        banner.text_content().unwrap(),
        "توقف Annota بسبب خطأ داخلي. آخر تغييراته غير محفوظة في هذا المتصفح: \
         رفض المتصفح تخزينها (QuotaExceededError: المساحة ممتلئة على الأرجح). أعد التحميل للمتابعة"
    );
    banner.remove();
    root.set_attribute("lang", "en").unwrap();
    drop(failing);
}

/// Independently of the bridge: the code point of UTF-16 offset `off` in a segment's text (its
/// code units `units`, starting at `seg_start`), rounding down when `off` splits a surrogate pair.
fn expected_offset(units: &[u16], off: usize, seg_start: usize) -> usize {
    let mut cut = off;
    while String::from_utf16(&units[..cut]).is_err() {
        cut -= 1;
    }
    seg_start + String::from_utf16(&units[..cut]).unwrap().chars().count()
}

/// An invite in the address bar is read, then taken out of it (the token must not stay in the
/// history); other fragment parameters stay, and a damaged invite is reported and removed too.
#[wasm_bindgen_test]
fn an_invite_is_read_and_taken_out_of_the_address_bar() {
    use annota::bridge::team::take_invite;
    use annota::model::invite::{self, Invite, InviteError};
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let location = window.location();
    let page = format!("{}{}", location.pathname().unwrap(), location.search().unwrap());
    let token = format!("{}.{}", invite::encode(br#"{"v":1,"lib":"L","mem":"M","role":"viewer","name":"V","iat":1}"#), invite::encode(b"sig"));
    let inv = Invite { server: "wss://sync.example.org".into(), token };

    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{page}{}", inv.fragment()))).unwrap();
    assert!(location.hash().unwrap().starts_with("#team="));
    assert_eq!(take_invite(), Some(Ok(inv.clone())));
    assert_eq!(location.hash().unwrap(), "", "the fragment is gone");
    assert!(location.href().unwrap().ends_with(&page), "the rest of the address stays: {}", location.href().unwrap());
    assert_eq!(take_invite(), None, "read once");

    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{page}#a=1&team=%%%"))).unwrap();
    assert_eq!(take_invite(), Some(Err(InviteError::NotBase64)));
    assert_eq!(location.hash().unwrap(), "#a=1");
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page)).unwrap();
}

/// With no bundle where it should be, opening a team library fails with a load error (and nothing
/// else is touched): the dynamic import is really made, and only then.
#[wasm_bindgen_test]
async fn a_missing_sync_client_is_a_load_error() {
    use annota::bridge::team::{open, Callbacks, Options, TeamError};
    let callbacks = Callbacks {
        on_entries: Box::new(|_| panic!("no entries")),
        on_text: Box::new(|_, _, _| panic!("no text")),
        on_status: Box::new(|_| panic!("no status")),
        on_presence: Box::new(|_, _| panic!("no presence")),
    };
    let options = Options { server: "ws://127.0.0.1:9".into(), token: "t".into(), member: "m".into(), docs: vec!["lib/L/index".into()] };
    match open(options, callbacks).await {
        Err(TeamError::Load(why)) => assert!(!why.is_empty()),
        Err(e) => panic!("expected a load error, got {e}"),
        Ok(_) => panic!("there is no team/team.js next to the test page"),
    }
}
