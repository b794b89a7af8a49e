//! Computing the suggestions after each change, a few paragraphs per task (`model::suggest::pass`):
//! typing never waits for them, and a long article's appear step by step.

use crate::bridge::perf;
use crate::model::suggest::pass::{Pass, BUDGET_MS};
use crate::model::suggest::review::still_holds;
use crate::model::suggest::{Memory, Options, Suggester, Suggestion};
use crate::model::text::TextIndex;
use crate::model::workspace::Workspace;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// The suggestions found so far.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// In text order.
    pub list: Rc<Vec<Suggestion>>,
    /// Whether the whole article has been looked at since the last change.
    pub done: bool,
    /// How far the current pass has got (0 to 1).
    pub progress: f64,
    /// The text they were found in (another article's say nothing about this one).
    pub text: Option<Rc<TextIndex>>,
}

impl PartialEq for Found {
    fn eq(&self, other: &Self) -> bool {
        let same_text = match (&self.text, &other.text) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_text && self.done == other.done && self.progress == other.progress && self.list == other.list
    }
}

impl Found {
    /// Whether these were found in `text`.
    pub fn is_of(&self, text: &Rc<TextIndex>) -> bool {
        self.text.as_ref().is_some_and(|t| Rc::ptr_eq(t, text))
    }
}

/// What a pass is computed from, compared by pointer (records are shared, so any change to the
/// text, labels, annotations or actors, the memory or the kinds is a new pointer).
#[derive(Clone)]
struct Inputs {
    ws: Workspace,
    options: Rc<Options>,
    memory: Rc<Memory>,
}

impl PartialEq for Inputs {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.ws, &other.ws);
        Rc::ptr_eq(&a.article.text, &b.article.text)
            && Rc::ptr_eq(&a.labels, &b.labels)
            && Rc::ptr_eq(&a.annotations, &b.annotations)
            && Rc::ptr_eq(&a.actors, &b.actors)
            && Rc::ptr_eq(&self.options, &other.options)
            && Rc::ptr_eq(&self.memory, &other.memory)
    }
}

/// One pass, run a slice at a time until it is done or a newer one starts.
struct Runner {
    generation: u64,
    latest: Rc<Cell<u64>>,
    inputs: Inputs,
    /// What the previous list had that still holds: shown beyond where this pass has got.
    before: Vec<Suggestion>,
    pass: RefCell<Pass>,
    /// The indexes every step of the pass shares, each built in a task of its own first.
    suggester: RefCell<Option<Suggester>>,
    /// When the list was last shown (ms), so that a long pass shows it a few times a second.
    shown_at: Cell<f64>,
    shown: Rc<RefCell<Rc<Found>>>,
    set: UseStateSetter<Rc<Found>>,
}

/// How often a long pass shows what it has found so far (ms).
const SHOW_EVERY_MS: f64 = 250.0;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

impl Runner {
    fn schedule(self: Rc<Self>) {
        gloo_timers::callback::Timeout::new(0, move || self.slice()).forget();
    }

    /// Computes steps for up to one budget, shows what it found, and goes on in another task.
    fn slice(self: Rc<Self>) {
        if self.latest.get() != self.generation {
            return;
        }
        let Inputs { ws, options, memory } = &self.inputs;
        let began = now();
        {
            let mut slot = self.suggester.borrow_mut();
            let suggester = slot.get_or_insert_with(|| Suggester::empty(ws));
            // Each index (or share of one) in a step of its own, as many as fit in the budget.
            while !suggester.is_built() {
                perf::measure("annota:suggest", || suggester.build(ws, options, memory));
                if now() - began >= BUDGET_MS {
                    drop(slot);
                    return self.schedule();
                }
            }
        }
        let mut pass = self.pass.borrow_mut();
        if let Some(suggester) = self.suggester.borrow().as_ref() {
            while let Some(range) = pass.next_range() {
                let start = now();
                let found = perf::measure("annota:suggest", || suggester.suggest_in(ws, options, memory, range.clone()));
                pass.record(range, found, now() - start);
                if now() - began >= BUDGET_MS {
                    break;
                }
            }
        }
        let done = pass.is_done();
        // A long pass shows what it found a few times a second, not after every step.
        if !done && self.shown_at.get() > 0.0 && now() - self.shown_at.get() < SHOW_EVERY_MS {
            drop(pass);
            return self.schedule();
        }
        self.shown_at.set(now());
        let list = pass.shown(&ws.article.text, &self.before, |_| true);
        let previous = self.shown.borrow().clone();
        // An unchanged list keeps its pointer, so nothing that draws it renders again (the Rc
        // comparison below looks at the pointer first).
        let list = if *previous.list == list { previous.list.clone() } else { Rc::new(list) };
        let found = Rc::new(Found { list, done, progress: pass.progress(), text: Some(ws.article.text.clone()) });
        if *found != *previous {
            *self.shown.borrow_mut() = found.clone();
            self.set.set(found);
        }
        if !done {
            drop(pass);
            self.schedule();
        }
    }
}

/// The suggestions for `ws` with these kinds and this memory: computed again after every change
/// that could change them, in tasks of their own, the previous list shown until replaced (none
/// while another article's are all there is).
#[hook]
pub fn use_found(ws: &Workspace, options: Rc<Options>, memory: Rc<Memory>) -> Rc<Found> {
    let found = use_state(|| Rc::new(Found::default()));
    let shown = use_mut_ref(|| (*found).clone());
    let latest = use_memo((), |_| Rc::new(Cell::new(0u64)));
    let inputs = Inputs { ws: ws.clone(), options, memory };
    {
        let (set, shown, latest) = (found.setter(), shown.clone(), (*latest).clone());
        use_effect_with(inputs, move |inputs| {
            let generation = latest.get() + 1;
            latest.set(generation);
            let before = match shown.borrow().is_of(&inputs.ws.article.text) {
                true => {
                    let holds = still_holds(&inputs.ws, &inputs.options, &inputs.memory);
                    shown.borrow().list.iter().filter(|s| holds(s)).cloned().collect()
                }
                false => Vec::new(),
            };
            // The list shown until this pass shows its own is no longer the whole article's.
            let stale = shown.borrow().clone();
            if stale.done {
                let looking = Rc::new(Found { done: false, progress: 0.0, ..(*stale).clone() });
                *shown.borrow_mut() = looking.clone();
                set.set(looking);
            }
            let pass = RefCell::new(Pass::new(inputs.ws.article.text.paragraphs().len()));
            let runner = Rc::new(Runner {
                generation,
                latest: latest.clone(),
                inputs: inputs.clone(),
                before,
                pass,
                suggester: RefCell::new(None),
                shown_at: Cell::new(0.0),
                shown,
                set,
            });
            runner.schedule();
            // Unmounted or superseded: the runner stops at its next slice.
            move || latest.set(latest.get() + 1)
        });
    }
    // Until the first step for this text: none, one pointer (so nothing draws it again).
    let none = use_mut_ref(|| Rc::new(Found::default()));
    if found.is_of(&ws.article.text) {
        return (*found).clone();
    }
    if !none.borrow().is_of(&ws.article.text) {
        *none.borrow_mut() = Rc::new(Found { text: Some(ws.article.text.clone()), ..Found::default() });
    }
    let none = none.borrow().clone();
    none
}
