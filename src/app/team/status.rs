//! Where the team's copy stands, said in the toolbar: saved to the team, changes waiting, or why
//! the server refused this browser (its changes are kept either way).

use super::super::i18n::use_tr;
use crate::i18n::Tr;
use crate::model::team::member::TeamStatus;
use yew::prelude::*;

/// The sentence for a status.
pub fn say(tr: Tr, status: &TeamStatus) -> String {
    match status {
        TeamStatus::Connecting => tr.t("Reconnecting…").to_string(),
        TeamStatus::Saved => tr.t("All changes saved to the team").to_string(),
        TeamStatus::Sending(1) => tr.t("1 change on its way to the team").to_string(),
        TeamStatus::Sending(n) => tr.f("{} changes on their way to the team", &[n]),
        TeamStatus::Offline(0) => tr.t("Offline — your changes will be kept here").to_string(),
        TeamStatus::Offline(1) => tr.t("1 change waiting — offline").to_string(),
        TeamStatus::Offline(n) => tr.f("{} changes waiting — offline", &[n]),
        TeamStatus::Refused(reason) => tr.f("The sync server refused this browser: {}. Your changes are kept here.", &[reason]),
    }
}

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub status: TeamStatus,
    /// Others with this article open: name, colour and the annotation they have selected.
    pub peers: Vec<(String, String, Option<String>)>,
    /// A viewer's page says that it only follows.
    pub viewer: bool,
}

/// The toolbar's team status and who else is here.
#[component]
pub fn TeamStatusBadge(props: &StatusProps) -> Html {
    let tr = use_tr();
    let class = match props.status {
        TeamStatus::Saved => "saved",
        TeamStatus::Refused(_) => "refused",
        TeamStatus::Offline(_) => "offline",
        _ => "busy",
    };
    // Each teammate's selection, outlined in their colour (ids are checked: they go into a selector).
    let outlines: String = props
        .peers
        .iter()
        .filter_map(|(_, colour, selected)| {
            let id = selected.as_deref().filter(|id| id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))?;
            let colour = Some(colour.as_str()).filter(|c| c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit()))?;
            Some(format!("article mark[data-ids~=\"{id}\"]{{outline:2px solid {colour};outline-offset:1px}}"))
        })
        .collect();
    html! {
        <div class="team-status" role="group" aria-label={tr.t("Team")}>
            <style>{ outlines }</style>
            <span class={classes!("team-state", class)} role="status">{ say(tr, &props.status) }</span>
            if props.viewer {
                <span class="team-role">{ tr.t("You are a viewer of this team library: you can read and follow it, not change it.") }</span>
            }
            if !props.peers.is_empty() {
                <ul class="peers" aria-label={tr.t("Also on this article")}>
                    { for props.peers.iter().map(|(name, colour, _)| html! {
                        <li style={format!("--peer: {colour}")} dir="auto">{ name.clone() }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
