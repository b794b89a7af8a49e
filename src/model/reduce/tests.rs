//! The reducer: every edit with undo and redo, merges and links, labels, read-only tabs.

use super::*;
use crate::model::actors::ActorPick;
use crate::model::annotation::text_order;
use crate::model::facts::{Actor, ActorId, ArticleMeta, Review, Settings, Status};
use crate::model::filter::VerdictFilter;
use crate::model::labels::default_labels;
use crate::model::labels::{Label, LabelId};
use crate::model::testkit::{ann, at, id, orphan, sample_state, sample_workspace};
use crate::model::text::Span;
use proptest::prelude::*;

#[test]
fn add_relabel_note_delete_and_undo_all_the_way_back() {
    let s0 = sample_state();
    let s1 = s0.clone().reduce(Edit::Add(ann("a", 20, 30, "claim")));
    assert_eq!(s1.workspace.annotations.len(), 1);
    assert_eq!(s1.selected, Some(id("a")));
    let s2 = s1.clone().reduce(Edit::Relabel { id: id("a"), label: LabelId("quote".into()), at: at() });
    assert_eq!(s2.workspace.annotations[0].label.0, "quote");
    assert_eq!(s2.workspace.annotations[0].modified, at());
    let s3 = s2.clone().reduce(Edit::SetNote { id: id("a"), note: "n".into(), at: at() });
    let s4 = s3.clone().reduce(Edit::SetNote { id: id("a"), note: "no".into(), at: at() });
    let s5 = s4.clone().reduce(Edit::Delete(id("a")));
    assert!(s5.workspace.annotations.is_empty());
    assert_eq!(s5.selected, None);

    let u1 = s5.clone().reduce(Edit::Undo);
    assert_eq!(u1.workspace, s4.workspace);
    let u2 = u1.reduce(Edit::Undo);
    assert_eq!(u2.workspace, s2.workspace, "typing a note is one undo step");
    let u3 = u2.reduce(Edit::Undo).reduce(Edit::Undo);
    assert_eq!(u3.workspace, s0.workspace);
    assert!(!u3.history.can_undo());
    let r = u3.reduce(Edit::Redo).reduce(Edit::Redo).reduce(Edit::Redo).reduce(Edit::Redo);
    assert_eq!(r.workspace, s5.workspace);
    assert!(!r.history.can_redo());
}

#[test]
fn invalid_actions_change_nothing_and_keep_the_same_rc() {
    let s = sample_state().reduce(Edit::Add(ann("a", 1, 5, "claim")));
    for action in [
        Edit::Add(ann("b", 5, 5, "claim")),
        Edit::Add(ann("c", 1, 999_999, "claim")),
        Edit::Add(ann("d", 1, 5, "nope")),
        Edit::Add(ann("a", 7, 9, "claim")),
        Edit::Relabel { id: id("a"), label: LabelId("nope".into()), at: at() },
        Edit::Delete(id("zz")),
        Edit::Redo,
    ] {
        let next = s.clone().reduce(action.clone());
        assert!(Rc::ptr_eq(&s, &next), "{action:?} changed the state");
    }
}

#[test]
fn replace_is_undoable_and_keeps_the_old_annotations() {
    let s = sample_state().reduce(Edit::Add(ann("a", 1, 5, "claim")));
    let other = Workspace::new(crate::model::annotation::Article::new("t", "hello"), default_labels(), vec![]);
    let replaced = s.clone().reduce(Edit::Replace(Box::new(other.clone())));
    assert_eq!(replaced.workspace, other);
    let back = replaced.reduce(Edit::Undo);
    assert_eq!(back.workspace, s.workspace);
}

#[test]
fn a_remote_change_applies_outside_the_history_and_keeps_the_selection() {
    let s = sample_state().reduce(Edit::Add(ann("a", 1, 5, "claim"))).reduce(Session::SetReadOnly(true));
    let b = ann("b", 7, 9, "quote");
    let edited_a = crate::model::annotation::Annotation { note: "from a teammate".into(), ..ann("a", 1, 5, "claim") };
    let remote = ChangeSet(vec![
        Change::Annotation { before: None, after: Some(b.clone()) },
        Change::Annotation { before: Some(ann("a", 1, 5, "claim")), after: Some(edited_a.clone()) },
    ]);
    let next = s.clone().reduce(Session::Remote(remote));
    assert_eq!(next.workspace.annotation(&id("b")), Some(&b), "applied even while read-only");
    assert_eq!(next.workspace.annotation(&id("a")), Some(&edited_a));
    assert_eq!(next.selected, Some(id("a")), "a teammate's change does not move the selection");
    assert_eq!(next.history, s.history, "nor enter the history");
    assert_eq!(next.revision, s.revision + 1, "but it is saved");
    assert!(Rc::ptr_eq(&next, &next.clone().reduce(Session::Remote(ChangeSet(vec![])))));
    let gone = next.reduce(Session::Remote(ChangeSet::one(Change::Annotation { before: Some(edited_a), after: None })));
    assert_eq!(gone.selected, None, "a selection whose annotation is gone is dropped");
}

#[test]
fn a_read_only_state_refuses_changes_but_follows_restores() {
    let s = sample_state().reduce(Session::SetReadOnly(true));
    let same = s.clone().reduce(Edit::Add(ann("a", 1, 5, "claim")));
    assert!(Rc::ptr_eq(&s, &same));
    let other = sample_workspace(vec![ann("b", 2, 6, "quote")]);
    let followed = s.reduce(Session::Restore(Box::new(other.clone())));
    assert_eq!(followed.workspace, other);
    assert!(followed.read_only, "a restore keeps the tab read-only");
    let editing = followed.reduce(Session::SetReadOnly(false)).reduce(Edit::Delete(id("b")));
    assert!(editing.workspace.annotations.is_empty());
}

#[test]
fn annotations_stay_in_text_order() {
    let s = sample_state().reduce(Edit::Add(ann("x", 10, 12, "claim"))).reduce(Edit::Add(ann("y", 2, 4, "actor"))).reduce(Edit::Add(ann("z", 2, 9, "quote")));
    let ids: Vec<_> = s.workspace.annotations.iter().map(|a| a.id.0.as_str()).collect();
    assert_eq!(ids, ["z", "y", "x"]);
}

fn actor_of(s: &State, ann: &str) -> Option<String> {
    let a = s.workspace.annotation(&id(ann)).unwrap();
    a.facts.actor.as_ref().and_then(|x| s.workspace.actor(x)).map(|x| x.name.clone())
}

fn speaker_of(s: &State, ann: &str) -> Option<String> {
    let a = s.workspace.annotation(&id(ann)).unwrap();
    a.facts.said_by.as_ref().and_then(|x| s.workspace.actor(x)).map(|x| x.name.clone())
}

fn mention(m: &str, new: &str) -> ActorPick {
    ActorPick::Mention { mention: id(m), new_id: ActorId(new.into()) }
}

#[test]
fn mentions_merge_into_one_actor_and_links_follow_the_merge() {
    let s0 =
        sample_state().reduce(Edit::Add(ann("m1", 10, 20, "actor"))).reduce(Edit::Add(ann("m2", 40, 50, "actor"))).reduce(Edit::Add(ann("q", 60, 80, "quote")));
    // Linking the quote to the second mention makes an actor for it, named by its text.
    let s1 = s0.clone().reduce(Edit::Attribute { id: id("q"), to: Some(mention("m2", "A2")), at: at() });
    let m2_text = s1.workspace.article.text.slice(Span::new(40, 50)).unwrap().to_string();
    assert_eq!(speaker_of(&s1, "q"), Some(m2_text.clone()));
    assert_eq!(s1.workspace.actors.len(), 1);
    // The first mention is the same actor as the second: a merge keeps one actor.
    let s2 = s1.clone().reduce(Edit::SameActor { mention: id("m1"), as_: mention("m2", "unused"), at: at() });
    assert_eq!(actor_of(&s2, "m1"), Some(m2_text.clone()));
    assert_eq!(s2.workspace.actors.len(), 1);
    let s3 = s2.clone().reduce(Edit::EditActor(Actor { id: ActorId("A2".into()), name: "Amir-Abdollahian".into(), kind: Default::default() }));
    assert_eq!(speaker_of(&s3, "q").as_deref(), Some("Amir-Abdollahian"));
    assert_eq!(actor_of(&s3, "m1").as_deref(), Some("Amir-Abdollahian"));

    // Merging the other way round: m2's actor (with the quote) moves into a new actor of m1's.
    let s4 = s1.clone().reduce(Edit::SameActor {
        mention: id("m1"),
        as_: ActorPick::New(Actor { id: ActorId("P".into()), name: "Lavrov".into(), kind: Default::default() }),
        at: at(),
    });
    let s5 = s4.reduce(Edit::SameActor { mention: id("m2"), as_: mention("m1", "x"), at: at() });
    assert_eq!(s5.workspace.actors.len(), 1, "the emptied actor is gone");
    assert_eq!(speaker_of(&s5, "q").as_deref(), Some("Lavrov"), "the link followed the merge");
    assert!(s5.workspace.check_actors().is_ok());

    // Undo walks back through every step, redo forward again.
    let mut back = s3.clone();
    while back.history.can_undo() {
        back = back.reduce(Edit::Undo);
    }
    assert_eq!(back.workspace, sample_state().workspace);
    let mut forward = back;
    while forward.history.can_redo() {
        forward = forward.reduce(Edit::Redo);
    }
    assert_eq!(forward.workspace, s3.workspace);
}

#[test]
fn an_actor_nobody_names_or_quotes_goes_with_its_last_reference_and_comes_back_on_undo() {
    let s = sample_state().reduce(Edit::Add(ann("m", 10, 20, "actor"))).reduce(Edit::Add(ann("q", 60, 80, "quote"))).reduce(Edit::Attribute {
        id: id("q"),
        to: Some(mention("m", "A")),
        at: at(),
    });
    let deleted = s.clone().reduce(Edit::Delete(id("m")));
    assert_eq!(deleted.workspace.actors.len(), 1, "still quoted, so still there");
    let unlinked = deleted.clone().reduce(Edit::Attribute { id: id("q"), to: None, at: at() });
    assert!(unlinked.workspace.actors.is_empty());
    assert_eq!(unlinked.clone().reduce(Edit::Undo).workspace, deleted.workspace);
    let relabelled = s.clone().reduce(Edit::Relabel { id: id("m"), label: LabelId("claim".into()), at: at() });
    assert_eq!(relabelled.workspace.annotation(&id("m")).unwrap().facts.actor, None, "only actor spans name actors");
    assert_eq!(relabelled.workspace.actors.len(), 1);
    let left = s.clone().reduce(Edit::LeaveActor { mention: id("m"), at: at() });
    assert_eq!(left.workspace.actors.len(), 1);
    assert_eq!(actor_of(&left, "m"), None);
}

#[test]
fn links_that_make_no_sense_are_refused() {
    let s = sample_state().reduce(Edit::Add(ann("m", 10, 20, "actor"))).reduce(Edit::Add(ann("q", 60, 80, "quote")));
    for action in [
        Edit::Attribute { id: id("m"), to: Some(mention("m", "A")), at: at() },
        Edit::Attribute { id: id("q"), to: Some(ActorPick::Actor(ActorId("nobody".into()))), at: at() },
        Edit::Attribute { id: id("q"), to: Some(mention("q", "A")), at: at() },
        Edit::Attribute { id: id("q"), to: None, at: at() },
        Edit::SameActor { mention: id("q"), as_: mention("m", "A"), at: at() },
        Edit::SameActor { mention: id("m"), as_: mention("m", "A"), at: at() },
        Edit::EditActor(Actor { id: ActorId("nobody".into()), name: "x".into(), kind: Default::default() }),
    ] {
        let next = s.clone().reduce(action.clone());
        assert!(Rc::ptr_eq(&s, &next), "{action:?} changed the state");
    }
}

#[test]
fn a_review_is_undone_decision_by_decision_and_typing_is_one_step() {
    let s = sample_state().reduce(Edit::Add(ann("c", 10, 20, "claim")));
    let mut review = Review { verdict: Some("False".into()), ..Default::default() };
    let decided = s.clone().reduce(Edit::SetReview { id: id("c"), review: Some(review.clone()), at: at() });
    let mut typed = decided.clone();
    for text in ["T", "Th", "The"] {
        review.text = text.into();
        typed = typed.reduce(Edit::SetReview { id: id("c"), review: Some(review.clone()), at: at() });
    }
    review.status = Status::Done;
    let done = typed.clone().reduce(Edit::SetReview { id: id("c"), review: Some(review.clone()), at: at() });
    let stored = done.workspace.annotation(&id("c")).unwrap().facts.review.clone().unwrap();
    assert_eq!((stored.text.as_str(), stored.status), ("The", Status::Done));
    let u1 = done.reduce(Edit::Undo);
    assert_eq!(u1.workspace, typed.workspace);
    let u2 = u1.reduce(Edit::Undo);
    assert_eq!(u2.workspace, decided.workspace, "typing the review is one step");
    let u3 = u2.reduce(Edit::Undo);
    assert_eq!(u3.workspace, s.workspace);
}

#[test]
fn metadata_typing_is_one_step_and_settings_need_a_scale() {
    let s = sample_state();
    let mut meta = ArticleMeta::default();
    let mut typed = s.clone();
    for url in ["h", "ht", "https://farsnews.ir/x"] {
        meta.url = url.into();
        typed = typed.reduce(Edit::SetMeta(meta.clone()));
    }
    assert_eq!(typed.workspace.meta.url, "https://farsnews.ir/x");
    assert_eq!(typed.clone().reduce(Edit::Undo).workspace, s.workspace);
    meta.title = "عنوان".into();
    assert_eq!(typed.reduce(Edit::SetMeta(meta)).workspace.title(), "عنوان");
    let empty = Settings { verdicts: vec![], ..Settings::default() };
    assert!(Rc::ptr_eq(&s, &s.clone().reduce(Edit::SetSettings(empty))));
}

#[test]
fn claims_filter_by_status_and_verdict() {
    let mut c = ann("c", 1, 5, "claim");
    c.facts.review = Some(Rc::new(Review { verdict: Some("False".into()), status: Status::Done, ..Default::default() }));
    let open = ann("o", 6, 9, "claim");
    let quote = ann("q", 10, 12, "quote");
    let by = |status, verdict| Filter { label: None, status, verdict };
    assert!(by(Some(Status::Done), None).matches(&c));
    assert!(!by(Some(Status::Done), None).matches(&open));
    assert!(by(Some(Status::ToCheck), None).matches(&open), "a claim with no review is still to check");
    assert!(by(None, Some(VerdictFilter::Undecided)).matches(&open));
    assert!(by(None, Some(VerdictFilter::Is("False".into()))).matches(&c));
    assert!(!by(None, Some(VerdictFilter::Is("True".into()))).matches(&c));
    assert!(!by(Some(Status::ToCheck), None).matches(&quote), "status filters show claims only");
    assert!(Filter::default().matches(&quote));
}

fn renamed(labels: &[Label], id: &str, name: &str) -> Vec<Label> {
    labels.iter().map(|l| if l.id.0 == id { Label { name: name.into(), ..l.clone() } } else { l.clone() }).collect()
}

#[test]
fn renaming_a_label_keeps_its_id_so_annotations_show_the_new_name_and_undo_restores_it() {
    let s = sample_state().reduce(Edit::Add(ann("a", 20, 30, "claim")));
    let labels = renamed(&s.workspace.labels, "claim", "Assertion");
    let r = s.clone().reduce(Edit::SetLabels(labels.clone()));
    assert_eq!(*r.workspace.labels, labels);
    let a = r.workspace.annotation(&id("a")).unwrap();
    assert_eq!(crate::model::labels::label_look(&r.workspace.labels, &a.label).0, "Assertion");
    let u = r.clone().reduce(Edit::Undo);
    assert_eq!(u.workspace, s.workspace);
    assert_eq!(u.reduce(Edit::Redo).workspace, r.workspace);
    assert!(Rc::ptr_eq(&r, &r.clone().reduce(Edit::SetLabels(labels))), "the same set changes nothing");
}

#[test]
fn reordering_and_adding_labels_is_one_step_each() {
    let s = sample_state();
    let mut labels = (*s.workspace.labels).clone();
    labels.swap(0, 2);
    let reordered = s.clone().reduce(Edit::SetLabels(labels.clone()));
    assert_eq!(reordered.workspace.labels.iter().map(|l| l.id.0.as_str()).collect::<Vec<_>>(), ["actor", "quote", "claim"]);
    labels.push(Label { id: crate::model::labels::new_label_id("Number", &labels), name: "Number".into(), color: "#aa3377".into(), hotkey: Some("4".into()) });
    let added = reordered.clone().reduce(Edit::SetLabels(labels));
    let added = added.reduce(Edit::Add(ann("n", 5, 9, "number")));
    assert_eq!(added.workspace.annotations.len(), 1, "the new label can be used");
    let back = added.reduce(Edit::Undo).reduce(Edit::Undo);
    assert_eq!(back.workspace, reordered.workspace);
    assert_eq!(back.reduce(Edit::Undo).workspace, s.workspace);
}

#[test]
fn deleting_a_label_in_use_takes_its_annotations_orphans_and_lonely_actors_in_one_undoable_step() {
    let mut s = Rc::new(State::new(sample_workspace(vec![]).with_orphans(vec![orphan("o", "actor", "x")])));
    s = s.reduce(Edit::Add(ann("m", 10, 20, "actor"))).reduce(Edit::Add(ann("q", 60, 80, "quote"))).reduce(Edit::Add(ann("c", 90, 99, "claim")));
    s = s.reduce(Edit::SameActor { mention: id("m"), as_: ActorPick::Mention { mention: id("m"), new_id: ActorId("A".into()) }, at: at() });
    s = s.reduce(View::Filter(Filter { label: Some(LabelId("actor".into())), ..Filter::default() })).reduce(View::Select(Some(id("m"))));
    assert_eq!(s.workspace.label_uses(&LabelId("actor".into())), 2);
    let d = s.clone().reduce(Edit::DeleteLabel { id: LabelId("actor".into()), at: at() });
    assert_eq!(d.workspace.labels.len(), 2);
    assert_eq!(d.workspace.annotations.iter().map(|a| a.id.0.as_str()).collect::<Vec<_>>(), ["q", "c"]);
    assert!(d.workspace.orphans.is_empty() && d.workspace.actors.is_empty());
    assert_eq!((d.selected.clone(), d.filter.label.clone()), (None, None));
    let u = d.clone().reduce(Edit::Undo);
    assert_eq!(u.workspace, s.workspace, "one undo brings the label, its annotations, orphan and actor back");
    assert_eq!(u.reduce(Edit::Redo).workspace, d.workspace);
}

#[test]
fn label_sets_that_would_break_the_work_are_refused() {
    let s = sample_state().reduce(Edit::Add(ann("a", 20, 30, "quote")));
    let labels = (*s.workspace.labels).clone();
    let without_quote: Vec<Label> = labels.iter().filter(|l| l.id.0 != "quote").cloned().collect();
    let without_actor: Vec<Label> = labels.iter().filter(|l| l.id.0 != "actor").cloned().collect();
    let mut reserved = labels.clone();
    reserved[0].hotkey = Some("m".into());
    for action in [
        Edit::SetLabels(vec![]),
        Edit::SetLabels(renamed(&labels, "quote", "Claim")),
        Edit::SetLabels(reserved),
        Edit::SetLabels(without_quote),
        Edit::DeleteLabel { id: LabelId("gone".into()), at: at() },
    ] {
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(action.clone())), "{action:?} changed the state");
    }
    assert_eq!(s.clone().reduce(Edit::SetLabels(without_actor)).workspace.labels.len(), 2, "an unused label can simply go");
    let mut one = sample_state();
    for l in ["quote", "actor"] {
        one = one.reduce(Edit::DeleteLabel { id: LabelId(l.into()), at: at() });
    }
    assert!(Rc::ptr_eq(&one, &one.clone().reduce(Edit::DeleteLabel { id: LabelId("claim".into()), at: at() })), "the last label stays");
    let mut ro = (*s).clone();
    ro.read_only = true;
    let ro = Rc::new(ro);
    assert!(Rc::ptr_eq(&ro, &ro.clone().reduce(Edit::DeleteLabel { id: LabelId("quote".into()), at: at() })));
}

#[derive(Clone, Debug)]
enum Op {
    Add(usize, usize, usize),
    Relabel(usize, usize),
    Note(usize, u8),
    Delete(usize),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..200, 1usize..30, 0usize..3).prop_map(|(s, l, k)| Op::Add(s, l, k)),
        (0usize..8, 0usize..3).prop_map(|(i, k)| Op::Relabel(i, k)),
        (0usize..8, any::<u8>()).prop_map(|(i, n)| Op::Note(i, n)),
        (0usize..8).prop_map(Op::Delete),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

proptest! {
    #[test]
    fn undoing_everything_restores_the_start_and_redoing_restores_the_end(ops in prop::collection::vec(op(), 1..40)) {
        let labels = ["claim", "quote", "actor"];
        let start = sample_state();
        let mut s = start.clone();
        for (n, op) in ops.iter().enumerate() {
            let nth = |s: &State, i: usize| s.workspace.annotations.get(i % s.workspace.annotations.len().max(1)).map(|a| a.id.clone());
            let action = match op {
                Op::Add(st, l, k) => Edit::Add(ann(&format!("id{n}"), *st, st + l, labels[*k])),
                Op::Relabel(i, k) => match nth(&s, *i) { Some(id) => Edit::Relabel { id, label: LabelId(labels[*k].into()), at: at() }, None => continue },
                Op::Note(i, c) => match nth(&s, *i) { Some(id) => Edit::SetNote { id, note: format!("{c}"), at: at() }, None => continue },
                Op::Delete(i) => match nth(&s, *i) { Some(id) => Edit::Delete(id), None => continue },
                Op::Undo => Edit::Undo,
                Op::Redo => Edit::Redo,
            };
            s = s.reduce(action);
            let mut sorted = (*s.workspace.annotations).clone();
            sorted.sort_by(|a, b| text_order(a, b));
            prop_assert_eq!(&sorted, &*s.workspace.annotations);
        }
        let end = s.workspace.clone();
        let mut back = s;
        let mut steps = 0;
        while back.history.can_undo() { back = back.reduce(Edit::Undo); steps += 1; }
        prop_assert_eq!(&back.workspace, &start.workspace);
        for _ in 0..steps { back = back.reduce(Edit::Redo); }
        prop_assert_eq!(back.workspace.clone(), end);
    }
}
