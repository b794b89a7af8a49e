use super::*;
use crate::model::facts::ActorKind;
use crate::model::suggest::mentions::tests::{ann, at, workspace};

fn found(ws: &Workspace, memory: &Memory) -> Vec<(Span, String, f32)> {
    suggest(ws, memory).into_iter().map(|s| (s.span, s.label.0, s.score)).collect()
}

#[test]
fn copies_of_a_labelled_span_get_its_label_whatever_the_harakat_and_case() {
    let t = "الحرب على غزة. غزةُ تعاني، و Gaza, GAZA and Gazan.";
    let anns = vec![ann("a", at(t, "غزة", 0), "claim", None), ann("b", at(t, "Gaza", 0), "quote", None)];
    let ws = workspace(t, anns, &[]);
    let got = found(&ws, &Memory::default());
    assert_eq!(got, vec![(at(t, "غزةُ", 0), "claim".into(), 0.5), (at(t, "GAZA", 0), "quote".into(), 0.5)]);
    assert!(suggest(&ws, &Memory::default()).iter().all(|s| s.kind == Kind::SameLabel && s.names.is_none()));
}

#[test]
fn a_span_at_word_edges_matches_only_whole_words_and_one_inside_a_word_anywhere() {
    let t = "فلسطين والشعب الفلسطيني. فلسطين. ولافروف قال ولافروف";
    let start = at(t, "ولافروف", 0).start.0 + 1;
    let anns = vec![ann("a", at(t, "فلسطين", 0), "claim", None), ann("b", Span::new(start, start + 6), "quote", None)];
    let ws = workspace(t, anns, &[]);
    let spans: Vec<(Span, String)> = suggest(&ws, &Memory::default()).into_iter().map(|s| (s.span, s.label.0)).collect();
    let second = at(t, "ولافروف", 1).start.0 + 1;
    assert_eq!(spans, vec![(at(t, "فلسطين", 2), "claim".into()), (Span::new(second, second + 6), "quote".into())]);
}

#[test]
fn ranked_by_how_often_the_user_accepted_that_label_and_by_its_share_of_the_text() {
    let t = "موسكو وطهران. موسكو وطهران. موسكو وطهران. موسكو وطهران.";
    let pair = |n| at(t, "موسكو وطهران", n);
    let anns = vec![ann("a", pair(0), "claim", None), ann("b", pair(1), "claim", None), ann("c", pair(2), "quote", None)];
    let ws = workspace(t, anns, &[]);
    // Claims have two thirds of this text, quotes one third; nothing accepted yet: half of that.
    let (claim, quote) = (2.0 / 3.0 * 0.5, 1.0 / 3.0 * 0.5);
    let got = found(&ws, &Memory::default());
    let want = |quote: f32| {
        vec![
            (pair(0), "quote".to_string(), quote),
            (pair(1), "quote".into(), quote),
            (pair(2), "claim".into(), claim),
            (pair(3), "claim".into(), claim),
            (pair(3), "quote".into(), quote),
        ]
    };
    assert_eq!(got, want(quote));
    let mut memory = Memory::default();
    memory.accepted.insert(LabelId("quote".into()), 3);
    assert_eq!(found(&ws, &memory), want(1.0 / 3.0 * 0.8), "four fifths once three quotes were accepted");
}

#[test]
fn spans_inside_an_annotation_of_that_label_are_not_proposed() {
    let t = "غزة. قال إن الحرب على غزة ستطول. غزة";
    let anns = vec![ann("a", at(t, "غزة", 0), "claim", None), ann("b", at(t, "الحرب على غزة ستطول", 0), "claim", None)];
    let ws = workspace(t, anns, &[]);
    assert_eq!(found(&ws, &Memory::default()).into_iter().map(|f| f.0).collect::<Vec<_>>(), [at(t, "غزة", 2)]);
}

#[test]
fn copies_of_an_actor_span_link_to_its_actor() {
    let t = "بوتين قال. ثم بوتين";
    let ws = workspace(t, vec![ann("a", at(t, "بوتين", 0), ACTOR, Some("p"))], &[("p", ActorKind::Person)]);
    let got = suggest(&ws, &Memory::default());
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].names, Some(Link::Actor(crate::model::facts::ActorId("p".into()))));
}

#[test]
fn long_spans_are_told_apart_past_the_trie_s_depth() {
    let claim = "ارتفع عدد الضحايا في القطاع إلى أكثر من عشرين ألفا";
    let other = "ارتفع عدد الضحايا في القطاع إلى أكثر من ثلاثين ألفا";
    let t = format!("{claim}. {other}. {claim}.");
    let ws = workspace(&t, vec![ann("a", at(&t, claim, 0), "claim", None)], &[]);
    assert_eq!(found(&ws, &Memory::default()).into_iter().map(|f| f.0).collect::<Vec<_>>(), [at(&t, claim, 1)]);
}

#[test]
fn one_letter_spans_and_spans_across_paragraphs_are_not_copied() {
    let t = "أ ب أ\nب أ";
    let anns = vec![ann("a", at(t, "أ", 0), "claim", None), ann("b", Span::new(4, 7), "quote", None)];
    assert!(suggest(&workspace(t, anns, &[]), &Memory::default()).is_empty());
}

#[test]
fn text_can_be_read_a_chunk_at_a_time() {
    let t = crate::model::annotation::SAMPLE_TEXT;
    let anns = vec![ann("a", at(t, "غزة", 0), "claim", None), ann("b", at(t, "وزير الخارجية الروسي", 0), ACTOR, None)];
    let ws = workspace(t, anns, &[]);
    let s = SameLabel::new(&ws, &Memory::default());
    let whole = suggest(&ws, &Memory::default());
    assert!(whole.len() > 5);
    let mut parts = Vec::new();
    for p in ws.article.text.paragraphs() {
        parts.extend(s.find(&ws, p.span));
    }
    assert_eq!(parts, whole);
}

/// `cargo test --release --lib bench_same_label -- --ignored --nocapture`
#[test]
#[ignore]
fn bench_same_label_on_a_million_characters() {
    use std::time::{Duration, Instant};
    let words =
        ["قال", "وزير", "الخارجية", "الروسي", "إن", "المحادثات", "مع", "نظيره", "الإيراني", "تناولت", "the", "minister", "said", "that", "talks", "Gaza"];
    let mut text = String::new();
    let mut x: u32 = 11;
    while text.chars().count() < 1_000_000 {
        for _ in 0..1000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            text.push_str(words[(x >> 16) as usize % words.len()]);
            text.push(if (x >> 8).is_multiple_of(60) { '\n' } else { ' ' });
        }
    }
    let starts: Vec<usize> = {
        let cs: Vec<char> = text.chars().collect();
        (0..cs.len()).filter(|&i| cs[i] != ' ' && cs[i] != '\n' && (i == 0 || matches!(cs[i - 1], ' ' | '\n'))).collect()
    };
    let stride = starts.len() / 10_000;
    let anns = (0..10_000)
        .map(|k| ann(&format!("n{k}"), Span::new(starts[k * stride], starts[k * stride + 1 + k % 3] - 1), ["claim", "quote", ACTOR][k % 3], None))
        .collect();
    let ws = workspace(&text, anns, &[]);
    let (mut built, mut whole, mut slowest, mut n) = (Duration::MAX, Duration::MAX, Duration::MAX, 0);
    for _ in 0..3 {
        let t0 = Instant::now();
        let s = SameLabel::new(&ws, &Memory::default());
        built = built.min(t0.elapsed());
        n = s.find(&ws, Span::new(0, ws.article.text.char_len())).len();
        whole = whole.min(t0.elapsed());
        let mut worst = Duration::ZERO;
        for p in ws.article.text.paragraphs() {
            let t = Instant::now();
            s.find(&ws, p.span);
            worst = worst.max(t.elapsed());
        }
        slowest = slowest.min(worst);
    }
    println!("same label: {} chars, index {built:?}, whole text {whole:?} ({n} suggestions), slowest paragraph {slowest:?}", ws.article.text.char_len());
}
