//! Start-up: what storage holds (or the built-in sample), whether this browser can save, and the
//! notices about stored data that could not be read.

use super::notices::{Level, Notice};
use crate::bridge::{clock, storage::Store};
use crate::model::annotation::sample_article;
use crate::model::labels::default_labels;
use crate::model::library::Library;
use crate::model::workspace::Workspace;

/// Whether changes can be written, and if not, why.
#[derive(Clone, Debug, PartialEq)]
pub enum Saving {
    Ok,
    Failed(String),
    /// Storage holds something we could not copy aside: writing would destroy it.
    Paused(String),
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
    let mut notices = Vec::new();
    let mut saving = if found.store.is_available() {
        Saving::Ok
    } else {
        Saving::Unavailable
    };
    for (unreadable, kept) in found.kept {
        let download = Some((
            format!("annota-unreadable-{}.txt", unreadable.key.replace(':', "-")),
            unreadable.raw.clone(),
        ));
        match kept {
            Ok(key) => notices.push(
                Notice::new(
                    Level::Warning,
                    format!("{} It is kept unchanged in this browser under \"{key}\"; you can download it.", capitalise(&unreadable.reason)),
                )
                .with_download(download),
            ),
            Err(e) => {
                saving = Saving::Paused(format!("stored data could not be read or copied aside ({})", e.describe()));
                notices.push(
                    Notice::new(
                        Level::Error,
                        format!(
                            "{} It could not be copied aside, so Annota will not save over it: download it before anything else.",
                            capitalise(&unreadable.reason)
                        ),
                    )
                    .with_download(download),
                );
            }
        }
    }
    let from_storage = found.decoded.workspace.is_some();
    let workspace = found
        .decoded
        .workspace
        .unwrap_or_else(|| Workspace::new(sample_article(), default_labels(), vec![]));
    let library = found.store.library();
    Boot {
        store: found.store,
        workspace,
        notices,
        saving,
        from_storage,
        library,
    }
}

/// Identifies the article text that storage holds, to write it only when it changed.
pub(crate) fn article_key(ws: &Workspace) -> String {
    format!("{}#{}", ws.article.id, ws.article.text.char_len())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect::<String>() + ".")
        .unwrap_or_default()
}
