//! Reported speech in Arabic, English, Persian and Hebrew: what each verb reports, its label, who said it.

use super::*;
use crate::model::annotation::{Annotation, AnnotationId, Article, Timestamp};
use crate::model::facts::{Actor, ActorId, ActorKind, ArticleMeta, Facts, Settings};
use crate::model::labels::default_labels;

/// A workspace of `text` with an actor span on each of `actors` (its first occurrence), named by actor `a0`, `a1`… unless `loose`.
fn workspace(text: &str, actors: &[&str], loose: bool) -> Workspace {
    let t = Timestamp(String::new());
    let spans = actors.iter().enumerate().map(|(n, name)| {
        let byte = text.find(name).unwrap_or_else(|| panic!("{name} in the text"));
        let start = text[..byte].chars().count();
        Annotation {
            id: AnnotationId(format!("m{n}")),
            span: Span::new(start, start + name.chars().count()),
            label: LabelId(ACTOR.into()),
            note: String::new(),
            created: t.clone(),
            modified: t.clone(),
            facts: Facts { actor: (!loose).then(|| ActorId(format!("a{n}"))), ..Facts::default() },
        }
    });
    let people = if loose {
        Vec::new()
    } else {
        (0..actors.len()).map(|n| Actor { id: ActorId(format!("a{n}")), name: actors[n].into(), kind: ActorKind::Person }).collect()
    };
    Workspace::new(Article::new("t", text), default_labels(), spans.collect()).with_facts(people, ArticleMeta::default(), Settings::default())
}

/// Each suggestion as (label, text, who said it).
fn reported(text: &str, actors: &[&str]) -> Vec<(String, String, Option<Link>)> {
    let ws = workspace(text, actors, false);
    suggest(&ws).into_iter().map(|s| (s.label.0.clone(), ws.article.text.slice(s.span).unwrap().to_string(), s.said_by)).collect()
}

fn texts(text: &str) -> Vec<(String, String)> {
    reported(text, &[]).into_iter().map(|(l, t, _)| (l, t)).collect()
}

fn claim(s: &str) -> (String, String) {
    ("claim".into(), s.into())
}

fn quote(s: &str) -> (String, String) {
    ("quote".into(), s.into())
}

fn actor(n: usize) -> Option<Link> {
    Some(Link::Actor(ActorId(format!("a{n}"))))
}

#[test]
fn an_arabic_verb_reports_the_clause_after_its_subject_and_complementiser() {
    let text = "قال وزير الخارجية الروسي سيرغي لافروف في مؤتمر صحفي إن الحرب يجب أن تتوقف. وأكدت الوزارة أنها لن تتراجع، مؤكدة أن الحوار مستمر.";
    assert_eq!(
        reported(text, &["سيرغي لافروف"]),
        [
            ("claim".into(), "الحرب يجب أن تتوقف".into(), actor(0)),
            ("claim".into(), "لن تتراجع".into(), actor(0)),
            ("claim".into(), "الحوار مستمر".into(), actor(0)),
        ],
        "the participle after a comma starts a clause of its own; who said it: the same sentence first, else before"
    );
    assert_eq!(texts("وقالوا إنهم لا يجدون مكانا. فقالت: إن الأمر انتهى."), [claim("لا يجدون مكانا"), claim("الأمر انتهى")]);
}

#[test]
fn arabic_prepositions_introduce_a_noun_phrase_that_a_comma_ends() {
    let text = "وشدد لافروف على ضرورة وقف إطلاق النار، في ظل التطورات. أشار الوزير إلى أن الاجتماع كان مثمرا. وعبر عن ارتياحه للتعاون، وشددت الجمهورية الإسلامية.";
    assert_eq!(texts(text), [claim("ضرورة وقف إطلاق النار"), claim("الاجتماع كان مثمرا"), claim("ارتياحه للتعاون")], "شددت with no على reports nothing");
    assert!(texts("تواصلنا عبر الهاتف مع الوزير.").is_empty(), "عبر without عن is no verb of saying");
}

#[test]
fn a_quotation_is_reported_as_a_quote_whichever_side_its_verb_is_on() {
    assert_eq!(texts("وقال الأنصاري في مؤتمر صحفي: «نحن على تواصل يومي مع الطرفين»."), [quote("نحن على تواصل يومي مع الطرفين")]);
    assert_eq!(texts("«لن نتراجع عن موقفنا أبدا»، قال الوزير."), [quote("لن نتراجع عن موقفنا أبدا")]);
    assert_eq!(texts("\"We have the guarantees we asked for,\" Keller told reporters."), [quote("We have the guarantees we asked for")]);
    assert_eq!(
        texts("\"The minister told me, ‘we will not sign anything yet,’ and I believe him,\" said Laura Mendes, a mediator."),
        [quote("we will not sign anything yet"), quote("The minister told me, ‘we will not sign anything yet,’ and I believe him")]
    );
    assert_eq!(texts("وأضاف أن «المدنيين يدفعون ثمن الحرب»، مؤكدا أن المنظمة باقية."), [quote("المدنيين يدفعون ثمن الحرب"), claim("المنظمة باقية")]);
    assert_eq!(texts("Sorin said that \"the vote\" was rigged."), [claim("\"the vote\" was rigged")], "a quotation that begins the clause is not all of it");
}

#[test]
fn english_verbs_report_after_that_or_right_after_the_verb() {
    let text = "Keller said on Tuesday that the corridor would reopen. Keller insisted the inspections were \"a technical matter\". The company, Red Hill Resources, said it would appeal. According to Sorin, the guarantees are worthless. The figures are wrong, he said.";
    assert_eq!(
        texts(text),
        [
            claim("the corridor would reopen"),
            claim("the inspections were \"a technical matter\""),
            claim("it would appeal"),
            claim("the guarantees are worthless"),
            claim("The figures are wrong"),
        ]
    );
    assert!(texts("He said in a statement. We've been saying this for years. The so-called deal said nothing.").is_empty());
    assert_eq!(texts("He said the port was closed, but gave no evidence."), [claim("the port was closed")], "what follows \", but\" is the writer's");
}

#[test]
fn persian_verbs_report_after_ke_or_a_colon_and_sources_before_a_comma() {
    let text = "لاوروف نیز اعلام کرد که روسیه از آتش‌بس حمایت می‌کند. به گفته لاوروف، دیدار اخیر «بسیار مهم» بود. وی گفت: «ما موافقیم و تلاش خواهیم کرد.» او تأکید کرد که کمک‌ها باید افزایش یابد.";
    assert_eq!(
        texts(text),
        [claim("روسیه از آتش‌بس حمایت می‌کند"), claim("دیدار اخیر «بسیار مهم» بود"), quote("ما موافقیم و تلاش خواهیم کرد."), claim("کمک‌ها باید افزایش یابد")]
    );
    assert!(texts("این گفت‌وگو در فضایی سازنده برگزار شد.").is_empty(), "گفت inside گفت‌وگو is no verb");
}

#[test]
fn hebrew_verbs_report_after_ki_or_she_written_onto_the_next_word() {
    let text =
        "נתניהו אמר כי ישראל לא תסכים להפסקת אש. בארו אמר שצרפת תמשיך לפעול. לדברי בארו, צה\"ל חייב לאפשר סיוע. \"לא נעצור עד שכולם יחזרו\", אמר נתניהו.";
    assert_eq!(texts(text), [claim("ישראל לא תסכים להפסקת אש"), claim("צרפת תמשיך לפעול"), claim("צה\"ל חייב לאפשר סיוע"), quote("לא נעצור עד שכולם יחזרו")]);
    assert!(texts("אמר שר החוץ בפגישה עם הנשיא.").is_empty(), "שר is the minister, not ש + a clause");
}

#[test]
fn who_said_it_is_the_nearest_actor_span_or_the_span_itself() {
    let text = "التقى الوزير حسين أمير عبد اللهيان بنظيره. وقال إن الاجتماع كان مثمرا.";
    assert_eq!(reported(text, &["حسين أمير عبد اللهيان"])[0].2, actor(0), "none in the sentence: the nearest before");
    let ws = workspace(text, &["حسين أمير عبد اللهيان"], true);
    assert_eq!(suggest(&ws)[0].said_by, Some(Link::Mention(AnnotationId("m0".into()))), "a span naming no actor yet");
    assert_eq!(reported(text, &[])[0].2, None);
    let inside = "قال لافروف إن بوتين سيزور طهران.";
    assert_eq!(reported(inside, &["لافروف", "بوتين"])[0].2, actor(0), "not an actor inside what is reported");
}

#[test]
fn nothing_is_proposed_under_a_label_the_set_does_not_have() {
    let mut ws = workspace("قال الوزير: «لن نتراجع عن موقفنا أبدا». وأكد أن الحوار مستمر.", &[], false);
    ws.labels = std::rc::Rc::new(default_labels().into_iter().filter(|l| l.id.0 != QUOTE).collect());
    let labels: Vec<String> = suggest(&ws).into_iter().map(|s| s.label.0).collect();
    assert_eq!(labels, ["claim"]);
}
