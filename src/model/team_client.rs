//! What the team library's sync client (web/team/team.mjs) reports, typed: its callbacks reach the
//! bridge (`bridge::team`) as JSON strings `[kind, ...arguments]`, read here. Pure, so it is tested
//! natively. Reading goes through `serde_json::Value`, the parser the app already has: typed serde
//! parsers of their own would grow the first load's wasm.

use serde_json::Value;

/// Where the documents stand, over every open one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncState {
    /// Every local change is on the server.
    Synced,
    /// Connected; changes are on their way (or the first sync is not done).
    Pending,
    /// No connection: changes wait in IndexedDB.
    Offline,
    /// Connecting for the first time since the library opened.
    Connecting,
    /// The server refused the token (`reason` says why); local data is kept.
    Refused,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub state: SyncState,
    /// Writes not yet confirmed by the server (kept across reloads).
    pub pending: u32,
    pub reason: Option<String>,
    /// The server opened the documents read-only (a viewer): writes stay pending, never applied.
    pub read_only: bool,
}

/// Who a presence is (the awareness state's `user`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub member: String,
    pub name: String,
    pub color: String,
}

/// This client's presence on a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presence {
    pub user: User,
    /// The annotation id selected, if any.
    pub selected: Option<String>,
}

/// Someone else with the document open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    pub client_id: u64,
    pub user: User,
    pub selected: Option<String>,
}

/// Entries added to and removed from one document's `entries` map, in one transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntriesChange {
    pub doc: String,
    /// Write id and its JSON string.
    pub added: Vec<(String, String)>,
    pub removed: Vec<String>,
    /// Not written by this client's [`Team::write`] (a teammate's, or this profile's own loaded
    /// from IndexedDB): it must not enter the local undo history.
    pub from_remote: bool,
}

/// One report of the client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Report {
    Entries(EntriesChange),
    /// An article document's text and hash, once both are there.
    Text {
        doc: String,
        text: String,
        hash: String,
    },
    Status(Status),
    /// The others who have `doc` open (a peer whose state is not Annota's is left out).
    Presence {
        doc: String,
        peers: Vec<Peer>,
    },
}

/// Reads a report; `None` when it is not one.
pub fn parse_report(report: &str) -> Option<Report> {
    let value: Value = serde_json::from_str(report).ok()?;
    let at = |i: usize| value.get(i)?.as_str().map(str::to_string);
    Some(match value.get(0)?.as_str()? {
        "entries" => {
            let pair = |p: &Value| Some((p.get(0)?.as_str()?.to_string(), p.get(1)?.as_str()?.to_string()));
            let added = value.get(2)?.as_array()?.iter().filter_map(pair).collect();
            let from_remote = value.get(4)?.as_bool()?;
            Report::Entries(EntriesChange { doc: at(1)?, added, removed: strings(value.get(3)?), from_remote })
        }
        "text" => Report::Text { doc: at(1)?, text: at(2)?, hash: at(3)? },
        "status" => Report::Status(status_of(value.get(1)?)?),
        "presence" => Report::Presence { doc: at(1)?, peers: value.get(2)?.as_array()?.iter().filter_map(peer_of).collect() },
        _ => return None,
    })
}

/// The JSON of this client's presence, as `setPresence` takes it.
pub fn presence_json(presence: &Presence) -> String {
    let user = &presence.user;
    serde_json::json!({
        "user": {"member": user.member, "name": user.name, "color": user.color},
        "selected": presence.selected,
    })
    .to_string()
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_string)
}

fn status_of(value: &Value) -> Option<Status> {
    let state = match value.get("state")?.as_str()? {
        "synced" => SyncState::Synced,
        "pending" => SyncState::Pending,
        "offline" => SyncState::Offline,
        "connecting" => SyncState::Connecting,
        "refused" => SyncState::Refused,
        _ => return None,
    };
    let pending = value.get("pending").and_then(Value::as_u64).unwrap_or(0) as u32;
    let read_only = value.get("readOnly").and_then(Value::as_bool).unwrap_or(false);
    Some(Status { state, pending, reason: text(value, "reason"), read_only })
}

fn peer_of(value: &Value) -> Option<Peer> {
    let user = value.get("user")?;
    let user = User { member: text(user, "member")?, name: text(user, "name")?, color: text(user, "color").unwrap_or_default() };
    Some(Peer { client_id: value.get("clientId")?.as_u64()?, user, selected: text(value, "selected") })
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_report_is_read_typed() {
        let entries = r#"["entries","lib/L/index",[["r.1","{\"o\":\"meta\"}"]],["r.0"],true]"#;
        let change =
            EntriesChange { doc: "lib/L/index".into(), added: vec![("r.1".into(), r#"{"o":"meta"}"#.into())], removed: vec!["r.0".into()], from_remote: true };
        assert_eq!(parse_report(entries), Some(Report::Entries(change)));
        assert_eq!(
            parse_report(r#"["text","lib/L/article/A","The text","A"]"#),
            Some(Report::Text { doc: "lib/L/article/A".into(), text: "The text".into(), hash: "A".into() })
        );
        let offline = r#"["status",{"state":"offline","pending":3,"reason":null,"readOnly":false}]"#;
        assert_eq!(parse_report(offline), Some(Report::Status(Status { state: SyncState::Offline, pending: 3, reason: None, read_only: false })));
        let refused = r#"["status",{"state":"refused","pending":0,"reason":"revoked","readOnly":true}]"#;
        assert_eq!(
            parse_report(refused),
            Some(Report::Status(Status { state: SyncState::Refused, pending: 0, reason: Some("revoked".into()), read_only: true }))
        );
        let presence = r##"["presence","lib/L/article/A",[{"clientId":7,"user":{"member":"M","name":"Ana","color":"#a00"},"selected":"x"},{"clientId":8,"user":"other app"}]]"##;
        let ana = Peer { client_id: 7, user: User { member: "M".into(), name: "Ana".into(), color: "#a00".into() }, selected: Some("x".into()) };
        assert_eq!(
            parse_report(presence),
            Some(Report::Presence { doc: "lib/L/article/A".into(), peers: vec![ana] }),
            "a peer that is not Annota's is left out"
        );
    }

    #[test]
    fn an_unreadable_report_is_none() {
        for r in ["", "{}", "[]", r#"["nothing"]"#, r#"["status",{"state":"asleep"}]"#, r#"["entries","d",[],[]]"#, r#"["text","d",1,2]"#] {
            assert_eq!(parse_report(r), None, "{r}");
        }
    }

    #[test]
    fn presence_is_written_as_the_client_takes_it() {
        let user = User { member: "M".into(), name: "Ana \"A\"".into(), color: "#a00".into() };
        let json: Value = serde_json::from_str(&presence_json(&Presence { user, selected: None })).unwrap();
        assert_eq!(json, serde_json::json!({"user": {"member": "M", "name": "Ana \"A\"", "color": "#a00"}, "selected": null}));
    }
}
