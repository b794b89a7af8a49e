use super::*;
use crate::model::annotation::{Annotation, AnnotationId, Article, Timestamp, SAMPLE_TEXT};
use crate::model::facts::{Actor, ActorId, Facts};
use crate::model::labels::default_labels;

/// The span of the `nth` (from 0) occurrence of `needle` in `text`, in code points.
pub(crate) fn at(text: &str, needle: &str, nth: usize) -> Span {
    let (byte, _) = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} #{nth} is in the text"));
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

pub(crate) fn ann(id: &str, span: Span, label: &str, actor: Option<&str>) -> Annotation {
    Annotation {
        id: AnnotationId(id.into()),
        span,
        label: LabelId(label.into()),
        note: String::new(),
        created: Timestamp(String::new()),
        modified: Timestamp(String::new()),
        facts: Facts { actor: actor.map(|a| ActorId(a.into())), ..Default::default() },
    }
}

pub(crate) fn workspace(text: &str, annotations: Vec<Annotation>, actors: &[(&str, ActorKind)]) -> Workspace {
    let actors = actors.iter().map(|(id, kind)| Actor { id: ActorId((*id).into()), name: (*id).into(), kind: *kind }).collect();
    Workspace::new(Article::new("t", text), default_labels(), annotations).with_facts(actors, Default::default(), Default::default())
}

fn found(ws: &Workspace) -> Vec<(String, Option<Link>, f32)> {
    suggest(ws).into_iter().map(|s| (ws.article.text.slice(s.span).unwrap().to_string(), s.names, s.score)).collect()
}

fn texts(ws: &Workspace) -> Vec<String> {
    found(ws).into_iter().map(|f| f.0).collect()
}

fn actor(id: &str) -> Option<Link> {
    Some(Link::Actor(ActorId(id.into())))
}

/// The sample with حسين أميرعبد اللهيان and سيرجي لافروف labelled once each, as actors.
fn sample() -> Workspace {
    let t = SAMPLE_TEXT;
    let anns = vec![ann("a1", at(t, "حسين أميرعبد اللهيان", 0), ACTOR, Some("amir")), ann("a2", at(t, "سيرجي لافروف", 0), ACTOR, Some("lavrov"))];
    workspace(t, anns, &[("amir", ActorKind::Person), ("lavrov", ActorKind::Person)])
}

#[test]
fn the_sample_s_other_spellings_are_all_found_and_nothing_else() {
    let t = SAMPLE_TEXT;
    let ws = sample();
    // Each other mention, found by searching the text: (spelling, which occurrence, actor).
    let expected = [
        ("أمير عبد اللهيان", 0, "amir"), // the title's "الأمير عبد اللهيان", without ال
        ("لافروف", 0, "lavrov"),          // the title's "ولافروف", without و
        ("أميرعبداللهيان", 0, "amir"),   // no space at all
        ("سيرغي لافروف", 0, "lavrov"),    // g as غ
        ("أمير عبد اللهيان", 1, "amir"), // two spaces
        ("لافروف", 3, "lavrov"),          // "وشدد لافروف": the surname alone
    ];
    let mut want: Vec<(Span, Option<Link>)> = expected.iter().map(|(s, n, a)| (at(t, s, *n), actor(a))).collect();
    want.sort_by_key(|w| w.0.start);
    let got: Vec<(Span, Option<Link>)> = suggest(&ws).into_iter().map(|s| (s.span, s.names)).collect();
    assert_eq!(got, want);
    // The title's mention starts right after ال, the other after و.
    assert_eq!(ws.article.text.before(want[0].0.start, 2), "ال");
    assert_eq!(ws.article.text.before(want[1].0.start, 1), "و");
    assert!(suggest(&ws).iter().all(|s| s.kind == Kind::ActorMention && s.label.0 == ACTOR && s.said_by.is_none()));
}

#[test]
fn exact_repeats_rank_above_other_spellings_and_the_surname() {
    let t = "Sergei Lavrov met Amir-Abdollahian. Sergei Lavrov said, SERGEI LAVROV said; Amir Abdollahian replied. Lavrov left.";
    let anns = vec![ann("a", at(t, "Sergei Lavrov", 0), ACTOR, None), ann("b", at(t, "Amir-Abdollahian", 0), ACTOR, None)];
    let ws = workspace(t, anns, &[]);
    let mention = |id: &str| Some(Link::Mention(AnnotationId(id.into())));
    assert_eq!(
        found(&ws),
        vec![
            ("Sergei Lavrov".into(), mention("a"), 1.0),
            ("SERGEI LAVROV".into(), mention("a"), 0.9),
            ("Amir Abdollahian".into(), mention("b"), 0.8),
            ("Lavrov".into(), mention("a"), 0.5),
        ]
    );
}

#[test]
fn arabic_clitics_stay_outside_the_suggestion() {
    let t = "سيرجي لافروف. ولافروف وبلافروف للافروف فلافروف كلافروف، والأمير";
    let ws = workspace(
        t,
        vec![ann("a", at(t, "سيرجي لافروف", 0), ACTOR, Some("l")), ann("b", at(t, "أمير", 0), ACTOR, Some("m"))],
        &[("l", ActorKind::Person), ("m", ActorKind::Person)],
    );
    assert_eq!(texts(&ws), ["لافروف"; 5]);
    let spans: Vec<Span> = suggest(&ws).into_iter().map(|s| s.span).collect();
    for (clitic, n) in [("و", 1), ("وب", 2), ("ل", 3), ("ف", 4), ("ك", 5)] {
        assert_eq!(spans[n - 1], at(t, "لافروف", n), "after {clitic}");
    }
    // "أمير" has four letters: "والأمير" is و + ال + أمير, but that is the labelled span itself.
    let t2 = "أمير حضر. والأمير غادر";
    let ws = workspace(t2, vec![ann("b", at(t2, "أمير", 0), ACTOR, None)], &[]);
    assert_eq!(suggest(&ws).into_iter().map(|s| s.span).collect::<Vec<_>>(), [at(t2, "أمير", 1)]);
}

#[test]
fn short_names_take_no_clitic_and_no_other_letter() {
    let t = "علي قال. فعلي وعلي غلي";
    let ws = workspace(t, vec![ann("a", at(t, "علي", 0), ACTOR, None)], &[]);
    assert!(suggest(&ws).is_empty(), "فعلي is a word of its own; غلي is not علي");
}

#[test]
fn only_whole_words_match() {
    let t = "Putin spoke. Putinism, Rasputin and Putin's aides; بوتين بوتينية";
    let ws = workspace(t, vec![ann("a", at(t, "Putin", 0), ACTOR, None), ann("b", at(t, "بوتين", 0), ACTOR, None)], &[]);
    assert_eq!(suggest(&ws).into_iter().map(|s| s.span).collect::<Vec<_>>(), [at(t, "Putin", 2)]);
}

#[test]
fn a_capitalised_name_is_not_a_lower_case_word_but_accents_and_case_fold() {
    let t = "Theresa May spoke. It may rain. MAY said. José Gonzalez and Jose González.";
    let anns = vec![ann("a", at(t, "May", 0), ACTOR, None), ann("b", at(t, "José Gonzalez", 0), ACTOR, None)];
    let ws = workspace(t, anns, &[]);
    assert_eq!(texts(&ws), ["MAY", "Jose González"]);
}

#[test]
fn persian_spellings_with_zwnj_and_other_letters_are_one_name() {
    let t = "حسین امیرعبداللهیان گفت. امیر\u{200C}عبداللهیان افزود. حسين اميرعبداللهيان رفت. امیر عبداللهیان";
    let ws = workspace(t, vec![ann("a", at(t, "حسین امیرعبداللهیان", 0), ACTOR, Some("x"))], &[("x", ActorKind::Person)]);
    let got = found(&ws);
    let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(names, ["امیر\u{200C}عبداللهیان", "حسين اميرعبداللهيان", "امیر عبداللهیان"]);
    assert_eq!(got[1].2, 0.9, "the same name in Arabic letters");
    assert_eq!((got[0].2, got[2].2), (0.45, 0.4), "the surname with a ZWNJ, then spaced otherwise");
}

#[test]
fn hebrew_names_match_without_niqqud_and_after_prefixes() {
    let t = "בנימין נתניהו אמר. נְתַנְיָהוּ ענה, ונתניהו ולנתניהו הלכו. נתניהוס";
    let ws = workspace(t, vec![ann("a", at(t, "בנימין נתניהו", 0), ACTOR, None)], &[]);
    assert_eq!(texts(&ws), ["נְתַנְיָהוּ", "נתניהו", "נתניהו"]);
    let spans: Vec<Span> = suggest(&ws).into_iter().map(|s| s.span).collect();
    assert_eq!(spans[1], Span::new(at(t, "ונתניהו", 0).start.0 + 1, at(t, "ונתניהו", 0).end.0));
    assert_eq!(spans[2], Span::new(at(t, "ולנתניהו", 0).start.0 + 2, at(t, "ולנתניהו", 0).end.0));
}

#[test]
fn other_letters_for_g_v_and_p_rank_below_the_same_letters() {
    let t = "سيرجي لافروف وبوتين. سيرگي لاڤروف، سيركي لافروف، پوتين";
    let anns = vec![ann("a", at(t, "سيرجي لافروف", 0), ACTOR, None), ann("b", at(t, "بوتين", 0), ACTOR, None)];
    let ws = workspace(t, anns, &[]);
    let got = found(&ws);
    assert_eq!(got.iter().map(|g| (g.0.as_str(), g.2)).collect::<Vec<_>>(), [("سيرگي لاڤروف", 0.6), ("سيركي لافروف", 0.6), ("پوتين", 0.6)]);
}

#[test]
fn spans_already_labelled_as_actors_are_not_proposed_and_harakat_stay_inside() {
    let t = "لافروف قال. وزير الخارجية لافروف ردّ. لافروفُ";
    let anns = vec![
        ann("a", at(t, "لافروف", 0), ACTOR, Some("l")),
        ann("b", at(t, "وزير الخارجية لافروف", 0), ACTOR, Some("l")),
        ann("c", at(t, "لافروف قال", 0), "quote", None),
    ];
    let ws = workspace(t, anns, &[("l", ActorKind::Person)]);
    let got = suggest(&ws);
    assert_eq!(got.iter().map(|s| s.span).collect::<Vec<_>>(), [at(t, "لافروفُ", 0)], "the damma belongs to the last letter");
    assert_eq!(got[0].names, actor("l"));
}

#[test]
fn the_longer_name_wins_and_each_span_is_proposed_once() {
    let t = "محمد بن سلمان وسلمان. محمد بن سلمان. سلمان";
    let anns = vec![ann("a", at(t, "محمد بن سلمان", 0), ACTOR, Some("mbs")), ann("b", at(t, "سلمان", 1), ACTOR, Some("king"))];
    let ws = workspace(t, anns, &[("mbs", ActorKind::Person), ("king", ActorKind::Person)]);
    let got = found(&ws);
    assert_eq!(got.iter().map(|g| (g.0.as_str(), g.1.clone())).collect::<Vec<_>>(), [("محمد بن سلمان", actor("mbs")), ("سلمان", actor("king"))]);
}

#[test]
fn organisations_titles_and_descriptions_give_no_surname() {
    let t = "وكالة أنباء فارس نشرت. فارس. وزير الخارجية الروسي قال. الجانب الروسي. the Russian foreign minister. a minister";
    let anns = vec![
        ann("a", at(t, "وكالة أنباء فارس", 0), ACTOR, Some("fars")),
        ann("b", at(t, "وزير الخارجية الروسي", 0), ACTOR, None),
        ann("c", at(t, "the Russian foreign minister", 0), ACTOR, None),
    ];
    let ws = workspace(t, anns, &[("fars", ActorKind::Organization)]);
    assert!(texts(&ws).is_empty(), "{:?}", texts(&ws));
    // A word with the Arabic article is a surname only of a person, after a given name.
    let t = "وزير الخارجية قال. الخارجية. مجلس الأمن. الأمن. بشار الأسد. الأسد. the United Nations. Nations";
    let anns = vec![
        ann("a", at(t, "وزير الخارجية", 0), ACTOR, Some("p")),
        ann("b", at(t, "مجلس الأمن", 0), ACTOR, None),
        ann("c", at(t, "بشار الأسد", 0), ACTOR, Some("p")),
        ann("d", at(t, "United Nations", 0), ACTOR, None),
    ];
    let ws = workspace(t, anns, &[("p", ActorKind::Person)]);
    assert_eq!(suggest(&ws).into_iter().map(|s| s.span).collect::<Vec<_>>(), [at(t, "الأسد", 1)]);
    // A title is no name: "President Putin" gives "Putin", never "President".
    let t = "President Putin spoke. Putin and the President.";
    let ws = workspace(t, vec![ann("a", at(t, "President Putin", 0), ACTOR, None)], &[]);
    assert_eq!(texts(&ws), ["Putin"]);
}

#[test]
fn pronouns_and_one_letter_spans_are_no_names() {
    let t = "هو قال إنه هو. He said he would. X and X.";
    let anns = vec![ann("a", at(t, "هو", 0), ACTOR, None), ann("b", at(t, "He", 0), ACTOR, None), ann("c", at(t, "X", 0), ACTOR, None)];
    assert!(suggest(&workspace(t, anns, &[])).is_empty());
}

#[test]
fn text_can_be_read_a_chunk_at_a_time() {
    let ws = sample();
    let m = Mentions::new(&ws);
    let whole = suggest(&ws);
    let mut parts = Vec::new();
    for p in ws.article.text.paragraphs() {
        parts.extend(m.find(&ws, p.span));
    }
    assert_eq!(parts, whole);
    assert!(Mentions::new(&workspace("نص", vec![], &[])).is_empty());
}

/// A 1,000,000-character article with 10,000 annotations (a third of them actors): how long the
/// whole article and its slowest paragraph take. `cargo test --release --lib bench_mentions -- --ignored --nocapture`
#[test]
#[ignore]
fn bench_mentions_on_a_million_characters() {
    use std::time::{Duration, Instant};
    let words = [
        "قال",
        "وزير",
        "الخارجية",
        "الروسي",
        "سيرجي",
        "لافروف",
        "إن",
        "المحادثات",
        "مع",
        "نظيره",
        "حسين",
        "أميرعبد",
        "اللهيان",
        "تناولت",
        "the",
        "minister",
        "Sergei",
        "Lavrov",
        "said",
        "ولافروف",
        "بوتين",
        "Gaza",
    ];
    let mut text = String::new();
    let mut x: u32 = 7;
    let mut n = 0;
    while n < 1_000_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let w = words[(x >> 16) as usize % words.len()];
        text.push_str(w);
        n += w.chars().count() + 1;
        text.push(if (x >> 8).is_multiple_of(60) { '\n' } else { ' ' });
    }
    let chars: Vec<(usize, char)> = text.chars().enumerate().collect();
    let starts: Vec<usize> =
        chars.iter().filter(|(i, c)| *c != ' ' && *c != '\n' && (*i == 0 || matches!(chars[i - 1].1, ' ' | '\n'))).map(|(i, _)| *i).collect();
    let stride = starts.len() / 10_000;
    let anns: Vec<Annotation> = (0..10_000)
        .map(|k| {
            let s = starts[k * stride];
            let e = starts[k * stride + 2] - 1;
            ann(&format!("n{k}"), Span::new(s, e), ["claim", "quote", ACTOR][k % 3], None)
        })
        .collect();
    let ws = workspace(&text, anns, &[]);
    // The best of five runs: the machine is shared.
    let (mut built, mut whole, mut slowest, mut on_sample_time) = (Duration::MAX, Duration::MAX, Duration::MAX, Duration::MAX);
    let (mut all, mut on_sample) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t0 = Instant::now();
        let m = Mentions::new(&ws);
        built = built.min(t0.elapsed());
        all = m.find(&ws, Span::new(0, ws.article.text.char_len()));
        whole = whole.min(t0.elapsed());
        let mut worst = Duration::ZERO;
        for p in ws.article.text.paragraphs() {
            let t = Instant::now();
            m.find(&ws, p.span);
            worst = worst.max(t.elapsed());
        }
        slowest = slowest.min(worst);
        let sample = sample();
        let t1 = Instant::now();
        on_sample = suggest(&sample);
        on_sample_time = on_sample_time.min(t1.elapsed());
    }
    println!(
        "mentions: {} chars, index {built:?}, whole text {whole:?} ({} suggestions), slowest paragraph {slowest:?}; sample {:?} ({})",
        ws.article.text.char_len(),
        all.len(),
        on_sample_time,
        on_sample.len()
    );
}

#[test]
fn spans_never_cut_a_grapheme_cluster() {
    use unicode_segmentation::UnicodeSegmentation;
    let t = "لافروف Lavrov. لافروفُّ «لافروف» Lavrov\u{0301} 👍🏽Lavrov لافروف\u{200D} ولافروفٌ (Lavrov)";
    let anns = vec![ann("a", at(t, "لافروف", 0), ACTOR, None), ann("b", at(t, "Lavrov", 0), ACTOR, None)];
    let ws = workspace(t, anns, &[]);
    let boundaries: Vec<usize> = t.grapheme_indices(true).map(|(b, _)| t[..b].chars().count()).chain([t.chars().count()]).collect();
    let got = suggest(&ws);
    assert_eq!(got.len(), 7);
    for s in got {
        assert!(boundaries.contains(&s.span.start.0) && boundaries.contains(&s.span.end.0), "{:?}", ws.article.text.slice(s.span));
    }
}

/// A workspace whose actors have recorded names: (id, name, kind).
fn named(text: &str, annotations: Vec<Annotation>, actors: &[(&str, &str, ActorKind)]) -> Workspace {
    let actors = actors.iter().map(|(id, name, kind)| Actor { id: ActorId((*id).into()), name: (*name).into(), kind: *kind }).collect();
    Workspace::new(Article::new("t", text), default_labels(), annotations).with_facts(actors, Default::default(), Default::default())
}

#[test]
fn a_person_s_first_word_matches_with_or_without_the_article() {
    let t = "التقى الأمير عبد اللهيان نظيره. وقال أميرعبداللهيان إن الحوار مستمر، وأضاف أمير عبد اللهيان أنه راض.";
    let ws = workspace(t, vec![ann("a", at(t, "الأمير عبد اللهيان", 0), ACTOR, Some("amir"))], &[("amir", ActorKind::Person)]);
    assert_eq!(texts(&ws), ["أميرعبداللهيان", "أمير عبد اللهيان"]);
}

#[test]
fn the_names_before_a_patronymic_are_a_mention() {
    let t = "قال الأمير عبد العزيز بن سلمان إن السوق مستقرة. وأضاف الأمير عبد العزيز أن المملكة ملتزمة.";
    let ws = workspace(t, vec![ann("a", at(t, "الأمير عبد العزيز بن سلمان", 0), ACTOR, Some("abdulaziz"))], &[("abdulaziz", ActorKind::Person)]);
    assert_eq!(texts(&ws), ["الأمير عبد العزيز"]);
}

#[test]
fn a_trailing_plus_is_part_of_the_name() {
    let t = "«أوبك+» تمدد الخفض. وقررت مجموعة «أوبك+» ذلك، وقالت أوبك إنها مستعدة.";
    let ws = workspace(t, vec![ann("a", at(t, "أوبك+", 0), ACTOR, Some("opec"))], &[("opec", ActorKind::Organization)]);
    assert_eq!(texts(&ws), ["أوبك+", "أوبك"]);
}

#[test]
fn a_given_name_before_a_mention_joins_it_with_a_proclitic_outside() {
    let t = "اتصل لافروف بنظيره. وقال وزير الخارجية سيرغي لافروف إن وسيرجي لافروف حاضر، ثم قال لافروف كلمة.";
    let anns = vec![ann("a", at(t, "لافروف", 0), ACTOR, Some("lavrov"))];
    let ws = named(t, anns, &[("lavrov", "Sergey Lavrov", ActorKind::Person)]);
    assert_eq!(texts(&ws), ["سيرغي لافروف", "سيرجي لافروف", "لافروف"]);
    let t = "ראש הממשלה בנימין נתניהו אמר כי נתניהו ייפגש עם השר.";
    let anns = vec![ann("a", at(t, "נתניהו", 1), ACTOR, Some("bibi"))];
    let ws = named(t, anns, &[("bibi", "Benjamin Netanyahu", ActorKind::Person)]);
    assert_eq!(texts(&ws), ["בנימין נתניהו"]);
}

#[test]
fn no_given_name_is_taken_for_an_organisation_or_a_one_word_name() {
    let t = "قالت سيرغي لافروف شيئا. ثم قال سيرغي لافروف.";
    let anns = vec![ann("a", at(t, "لافروف", 0), ACTOR, Some("x"))];
    let ws = named(t, anns, &[("x", "Sergey Lavrov", ActorKind::Organization)]);
    assert_eq!(texts(&ws), ["لافروف"]);
    let ws = named(t, vec![ann("a", at(t, "لافروف", 0), ACTOR, Some("x"))], &[("x", "Lavrov", ActorKind::Person)]);
    assert_eq!(texts(&ws), ["لافروف"]);
}
