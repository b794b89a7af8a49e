//! Undo and redo as a stack of invertible changes.

use super::change::ChangeSet;
use std::rc::Rc;

/// What kind of edit a change was, so that typing in a field makes one undo step, not one per key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    Other,
    /// Typing in a text field: consecutive typing in the same field of the same thing merges.
    Typing(Field),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Note,
    Review,
    Actor,
    Meta,
    Settings,
}

#[derive(Clone, Debug, PartialEq)]
struct Entry {
    changes: ChangeSet,
    kind: EditKind,
}

/// A persistent stack: cloning it (as every new state does) costs O(1), not O(steps).
#[derive(Debug)]
struct Stack<T> {
    head: Option<Rc<(T, Stack<T>)>>,
}

impl<T> Clone for Stack<T> {
    fn clone(&self) -> Self {
        Stack { head: self.head.clone() }
    }
}

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Stack { head: None }
    }
}

impl<T: PartialEq> PartialEq for Stack<T> {
    // Iterative: a long history must not overflow the call stack.
    fn eq(&self, other: &Self) -> bool {
        let (mut a, mut b) = (&self.head, &other.head);
        loop {
            match (a, b) {
                (None, None) => return true,
                (Some(x), Some(y)) => {
                    if Rc::ptr_eq(x, y) {
                        return true;
                    }
                    if x.0 != y.0 {
                        return false;
                    }
                    a = &x.1.head;
                    b = &y.1.head;
                }
                _ => return false,
            }
        }
    }
}

impl<T> Drop for Stack<T> {
    // Iterative for the same reason; stops where another state still shares the rest.
    fn drop(&mut self) {
        let mut head = self.head.take();
        while let Some(node) = head {
            head = match Rc::try_unwrap(node) {
                Ok((_, mut rest)) => rest.head.take(),
                Err(_) => None,
            };
        }
    }
}

impl<T: Clone> Stack<T> {
    fn push(&mut self, value: T) {
        let rest = Stack { head: self.head.take() };
        self.head = Some(Rc::new((value, rest)));
    }
    fn pop(&mut self) -> Option<T> {
        let node = self.head.take()?;
        match Rc::try_unwrap(node) {
            Ok((value, mut rest)) => {
                self.head = rest.head.take();
                Some(value)
            }
            Err(shared) => {
                self.head = shared.1.head.clone();
                Some(shared.0.clone())
            }
        }
    }
    fn top_mut(&mut self) -> Option<&mut T> {
        self.head.as_mut().map(|node| &mut Rc::make_mut(node).0)
    }
    fn is_empty(&self) -> bool {
        self.head.is_none()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Stack<Entry>,
    redo: Stack<Entry>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records a change just applied; consecutive typing in one field of one thing merges into one step.
    pub fn record(&mut self, changes: ChangeSet, kind: EditKind) {
        self.redo = Stack::default();
        if matches!(kind, EditKind::Typing(_)) {
            if let Some(last) = self.undo.top_mut() {
                if last.kind == kind {
                    if let Some(merged) = last.changes.then(&changes) {
                        last.changes = merged;
                        return;
                    }
                }
            }
        }
        self.undo.push(Entry { changes, kind });
    }

    /// The change that undoes the last step, moving it to the redo stack.
    pub fn undo(&mut self) -> Option<ChangeSet> {
        let entry = self.undo.pop()?;
        let inverse = entry.changes.inverse();
        self.redo.push(entry);
        Some(inverse)
    }

    /// The change that redoes the last undone step, moving it back to the undo stack.
    pub fn redo(&mut self) -> Option<ChangeSet> {
        let entry = self.redo.pop()?;
        let change = entry.changes.clone();
        // A redone edit must not merge with the next one.
        self.undo.push(Entry { kind: EditKind::Other, ..entry });
        Some(change)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_very_long_history_clones_compares_and_drops_without_deep_recursion() {
        let mut h: Stack<u32> = Stack::default();
        for i in 0..200_000 {
            h.push(i);
        }
        let copy = h.clone();
        assert!(h == copy);
        let mut other: Stack<u32> = Stack::default();
        for i in 0..200_000 {
            other.push(i);
        }
        assert!(h == other);
        assert_eq!(h.pop(), Some(199_999));
        assert_eq!(copy.head.as_ref().map(|n| n.0), Some(199_999), "the clone is untouched");
        drop((h, copy, other));
    }
}
