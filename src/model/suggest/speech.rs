//! Reported speech: the clause a speech verb reports, with the nearest actor mention as who said it.

use super::Suggestion;
use crate::model::workspace::Workspace;

pub fn suggest(_ws: &Workspace) -> Vec<Suggestion> {
    Vec::new()
}
