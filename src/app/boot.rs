//! Start-up: what storage holds (or the built-in sample), whether this browser can save, and the
//! notices about stored data that could not be read or had to be repaired.

use super::i18n::{self, Tr};
use super::notices::{Level, Notice};
use crate::bridge::{
    clock,
    storage::{Store, WriteError},
};
use crate::model::annotation::sample_article;
use crate::model::labels::default_labels;
use crate::model::library::Library;
use crate::model::workspace::Workspace;

/// Whether changes can be written, and if not, why.
#[derive(Clone, Debug, PartialEq)]
pub enum Saving {
    Ok,
    Failed(WriteError),
    /// Storage holds something we could not copy aside (this write failed): writing would destroy it.
    Paused(WriteError),
    Unavailable,
}

#[derive(Clone)]
pub(crate) struct Boot {
    pub store: Store,
    pub workspace: Workspace,
    pub notices: Vec<Notice>,
    pub saving: Saving,
    /// Whether the workspace was read from storage (rather than the built-in sample).
    pub from_storage: bool,
    pub library: Library,
}

pub(crate) fn boot() -> Boot {
    let stamp = clock::now().0;
    let found = Store::boot(&stamp);
    // The notices are made once, in the language the interface starts in.
    let tr = Tr(i18n::initial_lang(&found.store));
    let mut notices = Vec::new();
    let mut saving = if found.store.is_available() { Saving::Ok } else { Saving::Unavailable };
    for (unreadable, kept) in found.kept {
        let download = Some((format!("annota-unreadable-{}.txt", unreadable.key.replace(':', "-")), unreadable.raw.clone()));
        let reason = capitalise(&tr.msg(&unreadable.reason));
        match kept {
            Ok(key) => notices.push(
                Notice::new(Level::Warning, tr.f("{} It is kept unchanged in this browser under \"{}\"; you can download it.", &[&reason, &key]))
                    .with_download(download),
            ),
            Err(e) => {
                saving = Saving::Paused(e);
                notices.push(
                    Notice::new(
                        Level::Error,
                        tr.f("{} It could not be copied aside, so Annota will not save over it: download it before anything else.", &[&reason]),
                    )
                    .with_download(download),
                );
            }
        }
    }
    notices.extend(tr.label_repairs(&found.decoded.label_repairs).map(|n| Notice::new(Level::Info, n)));
    let from_storage = found.decoded.workspace.is_some();
    let workspace = found.decoded.workspace.unwrap_or_else(|| Workspace::new(sample_article(), default_labels(), vec![]));
    Boot { store: found.store, workspace, notices, saving, from_storage, library: found.library }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect::<String>() + ".").unwrap_or_default()
}
