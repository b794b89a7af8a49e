//! Which command a key press is, decided in one place by one precedence table, without the DOM.
//!
//! The rows are tried in order and the first that matches decides (`command` follows them one by one):
//!
//! | Row | When                                        | Key                                           | Command                           |
//! |-----|---------------------------------------------|-----------------------------------------------|-----------------------------------|
//! | 1   | a control on the page already took the key  | any                                           | none                              |
//! | 2   | focus is inside an open dialog              | any                                           | none (the dialog's own keys)      |
//! | 3   | focus is in a field                         | `Escape`                                      | back to the article               |
//! | 4   | focus is in a field or editable text        | any other                                     | none (typing)                     |
//! | 5   | `Alt` is held                               | any                                           | none                              |
//! | 6   | `Ctrl` or `⌘`                               | `Z`; `Shift+Z` or `Y`                         | undo; redo                        |
//! | 7   | `Ctrl`, the article focused                 | `↓` `↑` (`Shift` extends)                     | next / previous sentence          |
//! | 8   | `Ctrl` or `⌘`                               | any other                                     | none (the browser's)              |
//! | 9   | —                                           | a label's own hotkey (one character)          | label the selection               |
//! | 10  | —                                           | `?`; `n` `j`; `p` `k`; `l` `L`; `m` `M`       | shortcuts; next; previous; link; merge |
//! |     |                                             | `s`; `S`; `a`; `A`; `x`                       | next / previous suggestion; accept it; accept all of its kind (asks first); reject it |
//! | 11  | the article focused                         | `←` `→`, `Home` `End` (`Shift` extends)       | word; paragraph's first/last word |
//! | 12  | the article focused, an annotation selected | `Enter`                                       | edit its note                     |
//! | 13  | an annotation selected                      | `Delete` `Backspace`                          | delete it                         |
//! | 14  | —                                           | `Escape`                                      | deselect                          |
//!
//! `Tab` is in no row: it moves focus out of the article as out of any control, suggestions or not.
//!
//! So a label's hotkey beats every single-character command (row 9 before row 10), whatever a
//! label set or an imported file gives its labels, while `Ctrl`/`⌘` commands and the named keys
//! (`Escape`, `Delete`, `Backspace`, `Enter`, arrows, `Home`, `End`) keep their meaning: a hotkey
//! is one character, and a named key is never one.

use super::labels::{Label, LabelId};

/// A key as the browser names it (`KeyboardEvent.key`), with its modifiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Press<'a> {
    pub key: &'a str,
    pub shift: bool,
    pub ctrl: bool,
    /// `⌘` on a Mac (the Windows key elsewhere).
    pub meta: bool,
    pub alt: bool,
}

impl<'a> Press<'a> {
    pub fn key(key: &'a str) -> Self {
        Press { key, ..Press::default() }
    }
    pub fn shift(self) -> Self {
        Press { shift: true, ..self }
    }
    pub fn ctrl(self) -> Self {
        Press { ctrl: true, ..self }
    }
    pub fn meta(self) -> Self {
        Press { meta: true, ..self }
    }
    pub fn alt(self) -> Self {
        Press { alt: true, ..self }
    }
}

/// Where the keyboard focus is when the key arrives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// Inside an open (modal) dialog.
    Dialog,
    /// An input, a text area or a select.
    Field,
    /// Other editable text (`contenteditable`).
    Editable,
    /// The article itself.
    Article,
    /// Anywhere else: a button, the page.
    #[default]
    Elsewhere,
}

/// What else decides a key's meaning.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    pub focus: Focus,
    /// A control on the page already acted on the key (it prevented the browser's default).
    pub taken: bool,
    /// An annotation is selected (clicked, or reached with n / p).
    pub annotation_selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    BackToArticle,
    Undo,
    Redo,
    /// Label the text selection, else relabel the selected annotation.
    Label(LabelId),
    ShowShortcuts,
    /// Select the next or previous annotation in text order.
    StepAnnotation {
        forwards: bool,
    },
    /// `→` or `←`, on screen: which way reads forwards depends on the paragraph.
    Word {
        rightwards: bool,
        extend: bool,
    },
    Sentence {
        forwards: bool,
        extend: bool,
    },
    /// `Home` or `End`.
    ParagraphEdge {
        end: bool,
        extend: bool,
    },
    EditNote,
    /// Link the selected quote or claim to who said it.
    Link,
    /// Say which actor the selected actor span names too.
    Merge,
    /// Go to the next or previous suggestion in text order.
    StepSuggestion {
        forwards: bool,
    },
    /// Accept the current suggestion: it becomes an annotation.
    AcceptSuggestion,
    /// Accept every suggestion of the current one's kind, after a confirmation.
    AcceptAllSuggestions,
    /// Reject the current suggestion: it is not proposed again.
    RejectSuggestion,
    Delete,
    Deselect,
}

/// The command `press` means in `context`, given the labels' hotkeys; `None` leaves the key to the browser.
pub fn command(press: &Press, context: &Context, labels: &[Label]) -> Option<Command> {
    let Press { key, shift, ctrl, meta, alt } = *press;
    // Rows 1 to 4: keys that belong to something else first.
    if context.taken || context.focus == Focus::Dialog {
        return None;
    }
    if matches!(context.focus, Focus::Field | Focus::Editable) {
        return (context.focus == Focus::Field && key == "Escape").then_some(Command::BackToArticle);
    }
    // Rows 5 to 8: modifiers.
    if alt {
        return None;
    }
    if ctrl || meta {
        return match key.to_lowercase().as_str() {
            "z" if shift => Some(Command::Redo),
            "z" => Some(Command::Undo),
            "y" => Some(Command::Redo),
            "arrowdown" | "arrowup" if ctrl && !meta && context.focus == Focus::Article => {
                Some(Command::Sentence { forwards: key == "ArrowDown", extend: shift })
            }
            _ => None,
        };
    }
    // Row 9: a label's own hotkey.
    if key.chars().count() == 1 {
        if let Some(label) = labels.iter().find(|l| l.hotkey.as_deref() == Some(key)) {
            return Some(Command::Label(label.id.clone()));
        }
    }
    // Rows 10 to 14.
    let in_article = context.focus == Focus::Article;
    match key {
        "?" => Some(Command::ShowShortcuts),
        "n" | "j" => Some(Command::StepAnnotation { forwards: true }),
        "p" | "k" => Some(Command::StepAnnotation { forwards: false }),
        "l" | "L" => Some(Command::Link),
        "m" | "M" => Some(Command::Merge),
        "s" => Some(Command::StepSuggestion { forwards: true }),
        "S" => Some(Command::StepSuggestion { forwards: false }),
        "a" => Some(Command::AcceptSuggestion),
        "A" => Some(Command::AcceptAllSuggestions),
        "x" => Some(Command::RejectSuggestion),
        "ArrowLeft" | "ArrowRight" if in_article => Some(Command::Word { rightwards: key == "ArrowRight", extend: shift }),
        "Home" | "End" if in_article => Some(Command::ParagraphEdge { end: key == "End", extend: shift }),
        "Enter" if in_article && context.annotation_selected => Some(Command::EditNote),
        "Delete" | "Backspace" if context.annotation_selected => Some(Command::Delete),
        "Escape" => Some(Command::Deselect),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::labels::default_labels;

    fn label(id: &str, key: &str) -> Label {
        Label { id: LabelId(id.into()), name: id.into(), color: "#d55e00".into(), hotkey: Some(key.into()) }
    }

    const ARTICLE: Context = Context { focus: Focus::Article, taken: false, annotation_selected: false };
    const SELECTED: Context = Context { focus: Focus::Article, taken: false, annotation_selected: true };
    const ELSEWHERE: Context = Context { focus: Focus::Elsewhere, taken: false, annotation_selected: false };

    fn labelled(id: &str) -> Option<Command> {
        Some(Command::Label(LabelId(id.into())))
    }

    #[test]
    fn a_label_hotkey_beats_every_single_letter_command() {
        for key in ["n", "p", "j", "k", "l", "m", "L", "M", "?", "s", "S", "a", "A", "x"] {
            let labels = vec![label("claim", "1"), label("mine", key)];
            for context in [ARTICLE, SELECTED, ELSEWHERE] {
                assert_eq!(command(&Press::key(key), &context, &labels), labelled("mine"), "key {key} in {context:?}");
            }
        }
    }

    #[test]
    fn without_such_a_label_the_letters_are_commands() {
        let labels = default_labels();
        let at = |key| command(&Press::key(key), &SELECTED, &labels);
        assert_eq!(at("l"), Some(Command::Link));
        assert_eq!(command(&Press::key("L").shift(), &SELECTED, &labels), Some(Command::Link));
        assert_eq!(at("m"), Some(Command::Merge));
        assert_eq!(at("n"), Some(Command::StepAnnotation { forwards: true }));
        assert_eq!(at("j"), Some(Command::StepAnnotation { forwards: true }));
        assert_eq!(at("p"), Some(Command::StepAnnotation { forwards: false }));
        assert_eq!(at("k"), Some(Command::StepAnnotation { forwards: false }));
        assert_eq!(at("?"), Some(Command::ShowShortcuts));
        assert_eq!(at("1"), labelled("claim"));
        assert_eq!(at("3"), labelled("actor"));
        // Shift+N is not n.
        assert_eq!(command(&Press::key("N").shift(), &SELECTED, &labels), None);
    }

    #[test]
    fn modified_and_named_keys_keep_their_meaning_whatever_the_labels() {
        // An imported file could give a label any string as its key; only one character is a hotkey.
        let labels: Vec<Label> =
            ["z", "y", "Escape", "Delete", "Backspace", "Enter", "ArrowLeft", "ArrowDown", "Home"].iter().map(|k| label(&format!("on-{k}"), k)).collect();
        let at = |press: Press| command(&press, &SELECTED, &labels);
        assert_eq!(at(Press::key("z").ctrl()), Some(Command::Undo));
        assert_eq!(at(Press::key("z").meta()), Some(Command::Undo));
        assert_eq!(at(Press::key("Z").ctrl().shift()), Some(Command::Redo));
        assert_eq!(at(Press::key("y").ctrl()), Some(Command::Redo));
        assert_eq!(at(Press::key("Escape")), Some(Command::Deselect));
        assert_eq!(at(Press::key("Delete")), Some(Command::Delete));
        assert_eq!(at(Press::key("Backspace")), Some(Command::Delete));
        assert_eq!(at(Press::key("Enter")), Some(Command::EditNote));
        assert_eq!(at(Press::key("ArrowLeft")), Some(Command::Word { rightwards: false, extend: false }));
        assert_eq!(at(Press::key("ArrowDown").ctrl().shift()), Some(Command::Sentence { forwards: true, extend: true }));
        assert_eq!(at(Press::key("Home").shift()), Some(Command::ParagraphEdge { end: false, extend: true }));
        // The single-character labels still work without a modifier.
        assert_eq!(at(Press::key("z")), labelled("on-z"));
        // Ctrl with a label key, or any other Ctrl key, is the browser's.
        assert_eq!(at(Press::key("1").ctrl()), None);
        assert_eq!(at(Press::key("c").ctrl()), None);
    }

    #[test]
    fn typing_and_dialogs_come_first() {
        let labels = default_labels();
        for focus in [Focus::Field, Focus::Editable, Focus::Dialog] {
            let context = Context { focus, taken: false, annotation_selected: true };
            for key in ["1", "n", "l", "?", "Delete", "Enter", "ArrowLeft"] {
                assert_eq!(command(&Press::key(key), &context, &labels), None, "{key} in {focus:?}");
            }
            assert_eq!(command(&Press::key("z").ctrl(), &context, &labels), None);
        }
        let field = Context { focus: Focus::Field, ..SELECTED };
        assert_eq!(command(&Press::key("Escape"), &field, &labels), Some(Command::BackToArticle));
        let editable = Context { focus: Focus::Editable, ..SELECTED };
        assert_eq!(command(&Press::key("Escape"), &editable, &labels), None);
        let dialog = Context { focus: Focus::Dialog, ..SELECTED };
        assert_eq!(command(&Press::key("Escape"), &dialog, &labels), None);
        let taken = Context { taken: true, ..SELECTED };
        assert_eq!(command(&Press::key("Escape"), &taken, &labels), None);
        assert_eq!(command(&Press::key("1"), &taken, &labels), None);
    }

    #[test]
    fn caret_keys_need_the_article_and_delete_a_selection() {
        let labels = default_labels();
        for key in ["ArrowLeft", "ArrowRight", "Home", "End", "Enter"] {
            assert_eq!(command(&Press::key(key), &Context { focus: Focus::Elsewhere, ..SELECTED }, &labels), None, "{key}");
        }
        assert_eq!(command(&Press::key("ArrowDown").ctrl(), &ELSEWHERE, &labels), None);
        // ⌘↓ is the browser's (the end of the page), as before.
        assert_eq!(command(&Press::key("ArrowDown").meta(), &ARTICLE, &labels), None);
        assert_eq!(command(&Press::key("ArrowRight").shift(), &ARTICLE, &labels), Some(Command::Word { rightwards: true, extend: true }));
        assert_eq!(command(&Press::key("Enter"), &ARTICLE, &labels), None);
        assert_eq!(command(&Press::key("Delete"), &ARTICLE, &labels), None);
        assert_eq!(command(&Press::key("Delete"), &Context { focus: Focus::Elsewhere, ..SELECTED }, &labels), Some(Command::Delete));
        assert_eq!(command(&Press::key("Escape"), &ELSEWHERE, &labels), Some(Command::Deselect));
    }

    #[test]
    fn suggestion_keys_step_accept_and_reject_anywhere_but_in_fields_and_dialogs() {
        let labels = default_labels();
        for context in [ARTICLE, SELECTED, ELSEWHERE] {
            let at = |press: Press| command(&press, &context, &labels);
            assert_eq!(at(Press::key("s")), Some(Command::StepSuggestion { forwards: true }));
            assert_eq!(at(Press::key("S").shift()), Some(Command::StepSuggestion { forwards: false }));
            assert_eq!(at(Press::key("a")), Some(Command::AcceptSuggestion));
            assert_eq!(at(Press::key("A").shift()), Some(Command::AcceptAllSuggestions));
            assert_eq!(at(Press::key("x")), Some(Command::RejectSuggestion));
            // Ctrl+A selects all and Ctrl+S saves the page, as ever; Alt is never ours.
            assert_eq!(at(Press::key("a").ctrl()), None);
            assert_eq!(at(Press::key("s").meta()), None);
            assert_eq!(at(Press::key("x").alt()), None);
        }
        for focus in [Focus::Field, Focus::Editable, Focus::Dialog] {
            let context = Context { focus, ..SELECTED };
            for key in ["s", "S", "a", "A", "x"] {
                assert_eq!(command(&Press::key(key), &context, &labels), None, "{key} in {focus:?}");
            }
        }
        // Tab is never a command: it leaves the article as it leaves any control.
        assert_eq!(command(&Press::key("Tab"), &ARTICLE, &labels), None);
        assert_eq!(command(&Press::key("Tab").shift(), &ARTICLE, &labels), None);
    }

    #[test]
    fn alt_is_never_ours() {
        let labels = default_labels();
        for press in [Press::key("1").alt(), Press::key("z").ctrl().alt(), Press::key("l").alt(), Press::key("Escape").alt()] {
            assert_eq!(command(&press, &SELECTED, &labels), None, "{press:?}");
        }
    }
}
