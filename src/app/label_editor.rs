//! The label editor: rename, recolour, rekey, reorder, add and delete labels. Saved as one undoable
//! step; deleting a label in use asks first and happens at once (with its annotations, one step).

use super::i18n::{use_tr, Tr};
use super::pattern::chip_style;
use crate::bridge::clock;
use crate::model::action::{Action, Edit};
use crate::model::annotation::{Annotation, Orphan};
use crate::model::labels::{new_label_id, next_colour, Label, LabelId, LabelSet, Pattern};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LabelEditorProps {
    pub labels: Rc<Vec<Label>>,
    /// To count what a deleted label takes with it.
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub orphans: Rc<Vec<Orphan>>,
    pub on_action: Callback<Action>,
    pub on_close: Callback<()>,
}

/// One label being edited. `key` is stable while rows move, for Yew; a new label has no id yet.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: usize,
    label: Label,
    is_new: bool,
}

fn rows_of(labels: &[Label]) -> Vec<Row> {
    labels.iter().enumerate().map(|(key, l)| Row { key, label: l.clone(), is_new: false }).collect()
}

/// The set the rows describe: names and keys trimmed, ids made for new labels.
fn labels_of(rows: &[Row]) -> Vec<Label> {
    let mut taken: Vec<Label> = rows.iter().filter(|r| !r.is_new).map(|r| r.label.clone()).collect();
    let mut out = Vec::new();
    for r in rows {
        let mut l = r.label.clone();
        l.name = l.name.trim().to_string();
        l.hotkey = l.hotkey.map(|k| k.trim().to_string()).filter(|k| !k.is_empty());
        if r.is_new {
            l.id = new_label_id(&l.name, &taken);
            taken.push(l.clone());
        }
        out.push(l);
    }
    out
}

/// A digit no label uses yet, for a new label's key.
fn free_key(rows: &[Row]) -> Option<String> {
    ('1'..='9').map(String::from).find(|k| !rows.iter().any(|r| r.label.hotkey.as_deref() == Some(k.as_str())))
}

#[component]
pub fn LabelEditor(props: &LabelEditorProps) -> Html {
    let tr = use_tr();
    let rows = use_state(|| rows_of(&props.labels));
    let next_key = use_mut_ref(|| props.labels.len());
    // The row whose deletion waits for a yes, with how many annotations go with it.
    let confirming = use_state(|| None::<(usize, usize)>);
    let error = use_state(|| None::<String>);
    // The question may open below the fold of a long list (on a phone): bring it into view and focus.
    let question = use_node_ref();
    {
        let question = question.clone();
        use_effect_with(*confirming, move |c| {
            if c.is_some() {
                if let Some(el) = question.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    let uses = |id: &LabelId| props.annotations.iter().filter(|a| &a.label == id).count() + props.orphans.iter().filter(|o| &o.label == id).count();
    let edit = |key: usize, set: fn(&mut Label, String)| {
        let rows = rows.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*rows).clone();
            if let Some(r) = next.iter_mut().find(|r| r.key == key) {
                set(&mut r.label, value);
            }
            rows.set(next);
        })
    };
    let shift = |from: usize, to: usize| {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            if to < next.len() {
                next.swap(from, to);
                rows.set(next);
            }
        })
    };
    let remove = |key: usize| {
        let rows = rows.clone();
        move || rows.set(rows.iter().filter(|r| r.key != key).cloned().collect())
    };
    let add = {
        let (rows, next_key) = (rows.clone(), next_key.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            let taken: Vec<Label> = next.iter().map(|r| r.label.clone()).collect();
            let key = *next_key.borrow();
            *next_key.borrow_mut() += 1;
            let label = Label { id: LabelId(String::new()), name: String::new(), color: next_colour(&taken).into(), hotkey: free_key(&next) };
            next.push(Row { key, label, is_new: true });
            rows.set(next);
        })
    };
    let onsubmit = {
        let (rows, error, labels) = (rows.clone(), error.clone(), props.labels.clone());
        let (on_action, on_close) = (props.on_action.clone(), props.on_close.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let next = match LabelSet::new(labels_of(&rows)) {
                Ok(set) => set.into_vec(),
                Err(why) => return error.set(Some(tr.msg(&why))),
            };
            if next != *labels {
                on_action.emit(Action::Edit(Edit::SetLabels(next)));
            }
            on_close.emit(());
        })
    };
    let count = rows.len();
    html! {
        <div class="dialog-backdrop">
            <super::dialog_focus::FocusTrap on_close={props.on_close.clone()}>
            <div class="dialog label-editor" role="dialog" aria-modal="true" aria-labelledby="labels-title"><form class="dialog-form" {onsubmit}>
                <h2 id="labels-title">{ tr.t("Edit labels") }</h2>
                <p class="hint">{ tr.t("Names are what you see; annotations keep their label when you rename it. Each position has its own underline, so labels differ without colour.") }</p>
                <ol class="label-rows" role="list">
                    { for rows.iter().enumerate().map(|(i, r)| {
                        let n = i + 1;
                        let l = &r.label;
                        let in_use = if r.is_new { 0 } else { uses(&l.id) };
                        let delete = {
                            let (confirming, remove, error) = (confirming.clone(), remove(r.key), error.clone());
                            let key = r.key;
                            Callback::from(move |_: MouseEvent| {
                                error.set(None);
                                if in_use == 0 { remove() } else { confirming.set(Some((key, in_use))) }
                            })
                        };
                        let name = if l.name.trim().is_empty() { tr.f("label {}", &[&n]) } else { l.name.clone() };
                        html! {
                            <li key={r.key}><div class="label-row" role="group" aria-label={tr.f("Label {}", &[&n])}>
                                <span class="chip" aria-hidden="true" style={chip_style("chip", Pattern::at(i), &l.color)}>{ n }</span>
                                <input class="label-name" aria-label={tr.f("Name of label {}", &[&n])} value={l.name.clone()} dir="auto"
                                    placeholder={tr.t("Name")} oninput={edit(r.key, |l, v| l.name = v)} />
                                <input type="color" aria-label={tr.f("Colour of label {}", &[&n])} value={l.color.clone()}
                                    oninput={edit(r.key, |l, v| l.color = v)} />
                                <input class="label-key" aria-label={tr.f("Key of label {}", &[&n])} value={l.hotkey.clone().unwrap_or_default()}
                                    maxlength="1" size="2" placeholder={tr.t("key")} oninput={edit(r.key, |l, v| l.hotkey = Some(v))} />
                                <span class="row-actions">
                                    <button type="button" onclick={shift(i, i.wrapping_sub(1))} disabled={i == 0} title={tr.f("Move {} up", &[&name])}>{ tr.t("Move up") }</button>
                                    <button type="button" onclick={shift(i, i + 1)} disabled={i + 1 == count} title={tr.f("Move {} down", &[&name])}>{ tr.t("Move down") }</button>
                                    <button type="button" class="danger" onclick={delete} disabled={count == 1}
                                        title={if in_use > 0 { tr.f("Delete {} and its {} annotations", &[&name, &in_use]) } else { tr.f("Delete {}", &[&name]) }}>{ tr.t("Delete") }</button>
                                </span>
                            </div></li>
                        }
                    }) }
                </ol>
                if let Some((key, n)) = *confirming {
                    <div ref={question} tabindex="-1" class="question">{ confirmation(tr, props, &rows, key, n, &confirming, remove(key)) }</div>
                }
                if let Some(e) = &*error {
                    <p class="form-error" role="alert">{ e.clone() }</p>
                }
                <div class="dialog-actions">
                    <button type="button" class="add-label" onclick={add}>{ tr.t("Add label") }</button>
                    <span class="spacer"></span>
                    <button type="button" onclick={props.on_close.reform(|_| ())}>{ tr.t("Cancel") }</button>
                    <button type="submit" class="primary">{ tr.t("Save labels") }</button>
                </div>
            </form></div>
            </super::dialog_focus::FocusTrap>
        </div>
    }
}

/// The in-page question before a label in use goes, naming what goes with it.
fn confirmation(
    tr: Tr,
    props: &LabelEditorProps,
    rows: &[Row],
    key: usize,
    n: usize,
    confirming: &UseStateHandle<Option<(usize, usize)>>,
    remove: impl Fn() + 'static,
) -> Html {
    let Some(row) = rows.iter().find(|r| r.key == key) else { return Html::default() };
    let (id, name) = (row.label.id.clone(), props.labels.iter().find(|l| l.id == row.label.id).map_or(row.label.name.clone(), |l| l.name.clone()));
    let what = tr.plural(n, "{} annotation", "{} annotations", &[&n]);
    let last = props.labels.len() == 1;
    let yes = {
        let (on_action, confirming) = (props.on_action.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Edit(Edit::DeleteLabel { id: id.clone(), at: clock::now() }));
            remove();
            confirming.set(None);
        })
    };
    let no = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(None))
    };
    html! {
        <div class="label-confirm" role="alertdialog" aria-labelledby="label-confirm-text">
            if last {
                <p id="label-confirm-text">{ tr.f("\u{201c}{}\u{201d} is the only saved label: save the new labels first, then delete it.", &[&name]) }</p>
                <button type="button" onclick={no}>{ tr.t("OK") }</button>
            } else {
                <p id="label-confirm-text">{ tr.f("Delete the label \u{201c}{}\u{201d} and its {}? This happens at once; Undo brings them back.", &[&name, &what]) }</p>
                <button type="button" class="danger" onclick={yes}>{ tr.f("Delete label and {}", &[&what]) }</button>
                <button type="button" onclick={no}>{ tr.t("Keep it") }</button>
            }
        </div>
    }
}
