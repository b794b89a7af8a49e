//! Edits of the article as a whole: open another (or an import), its details, the settings.

use super::Plan;
use crate::model::change::Change;
use crate::model::facts::{ArticleMeta, Settings};
use crate::model::history::{EditKind, Field};
use crate::model::workspace::Workspace;
use std::rc::Rc;

pub(super) fn replace(ws: &Workspace, new: Workspace) -> Option<Plan> {
    Plan::one(Change::Workspace { before: Rc::new(ws.clone()), after: Rc::new(new) }, EditKind::Other)
}

pub(super) fn set_meta(ws: &Workspace, meta: ArticleMeta) -> Option<Plan> {
    if *ws.meta == meta {
        return None;
    }
    Plan::one(Change::Meta { before: ws.meta.clone(), after: Rc::new(meta) }, EditKind::Typing(Field::Meta))
}

pub(super) fn set_settings(ws: &Workspace, settings: Settings) -> Option<Plan> {
    if *ws.settings == settings || settings.verdicts.is_empty() {
        return None;
    }
    Plan::one(Change::Settings { before: ws.settings.clone(), after: Rc::new(settings) }, EditKind::Other)
}
