//! Quotations: text between paired quotation marks, nested pairs handled.

use super::Suggestion;
use crate::model::workspace::Workspace;

pub fn suggest(_ws: &Workspace) -> Vec<Suggestion> {
    Vec::new()
}
