//! Other mentions of a labelled actor: the same name elsewhere, another spelling of it, the
//! surname alone; Arabic clitics attached to a name stay outside the suggestion.

use super::Suggestion;
use crate::model::workspace::Workspace;

pub fn suggest(_ws: &Workspace) -> Vec<Suggestion> {
    Vec::new()
}
