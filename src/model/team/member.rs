//! Who this browser is in a team library: the member's role and what it allows, the membership kept
//! in the browser, and where the team's copy stands (what the toolbar says).

use serde::{Deserialize, Serialize};

/// What a member may do; the server enforces it, the interface only follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, and invites and revokes members.
    Owner,
    /// Everything but members.
    Editor,
    /// Annotates; cannot delete articles or change labels.
    Annotator,
    /// Reads and follows live.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Owner, Role::Editor, Role::Annotator, Role::Viewer];

    /// The name in tokens, invite links and the server's API.
    pub fn code(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Editor => "editor",
            Role::Annotator => "annotator",
            Role::Viewer => "viewer",
        }
    }
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
    /// The name shown (English; the view translates it).
    pub fn name(self) -> &'static str {
        match self {
            Role::Owner => "Owner",
            Role::Editor => "Editor",
            Role::Annotator => "Annotator",
            Role::Viewer => "Viewer",
        }
    }
    pub fn annotates(self) -> bool {
        self != Role::Viewer
    }
    /// Labels, settings and the article list (adding and deleting articles).
    pub fn edits_library(self) -> bool {
        matches!(self, Role::Owner | Role::Editor)
    }
    pub fn manages_members(self) -> bool {
        self == Role::Owner
    }
}

/// One membership of this browser: the server, the token that admits it, and what the token says.
/// Kept in local storage under [`super::super::keys::TEAM`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// The sync server's WebSocket address (`ws://…` or `wss://…`).
    pub server: String,
    pub token: String,
    pub library: String,
    pub member: String,
    pub role: Role,
    /// The member's name as the owner gave it in the invite.
    #[serde(default)]
    pub name: String,
    /// The library's name.
    #[serde(default)]
    pub title: String,
    /// The team article open in this browser (its Annota id), if any.
    #[serde(default)]
    pub article: Option<String>,
}

impl Membership {
    /// The documents of this library (docs/team-protocol.md).
    pub fn index_doc(&self) -> String {
        format!("lib/{}/index", self.library)
    }
    pub fn config_doc(&self) -> String {
        format!("lib/{}/config", self.library)
    }
    /// The document of an article, by its document id (see `materialize::article_doc_id`).
    pub fn article_doc(&self, doc_id: &str) -> String {
        format!("lib/{}/article/{doc_id}", self.library)
    }
    /// The server's HTTP address for its API: the same host and port as its WebSocket.
    pub fn http_base(&self) -> String {
        http_base(&self.server)
    }
}

/// `ws://host:port/path` → `http://host:port`, `wss://` → `https://`; anything else as it is.
pub fn http_base(server: &str) -> String {
    let s = server.trim().trim_end_matches('/');
    let s = if let Some(rest) = s.strip_prefix("wss://") {
        format!("https://{rest}")
    } else if let Some(rest) = s.strip_prefix("ws://") {
        format!("http://{rest}")
    } else {
        s.to_string()
    };
    match s.find("://").map(|i| i + 3).and_then(|start| s[start..].find('/').map(|j| start + j)) {
        Some(path) => s[..path].to_string(),
        None => s,
    }
}

/// Where the team's copy stands, as the toolbar says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TeamStatus {
    Connecting,
    /// Connected and every local change is on the server.
    Saved,
    /// Connected, changes on their way.
    Sending(usize),
    /// No connection: changes kept in this browser.
    Offline(usize),
    /// The server refused this browser's token; local changes are kept.
    Refused(String),
}

impl TeamStatus {
    pub fn pending(&self) -> usize {
        match self {
            TeamStatus::Sending(n) | TeamStatus::Offline(n) => *n,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_allow_what_the_issue_says() {
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
        assert_eq!(Role::from_code("admin"), None);
        assert!(!Role::Viewer.annotates() && Role::Annotator.annotates());
        assert!(!Role::Annotator.edits_library() && Role::Editor.edits_library());
        assert!(Role::Owner.manages_members() && !Role::Editor.manages_members());
    }

    #[test]
    fn the_api_lives_on_the_websockets_host() {
        assert_eq!(http_base("ws://127.0.0.1:1234"), "http://127.0.0.1:1234");
        assert_eq!(http_base("wss://sync.example.org/annota/"), "https://sync.example.org");
        assert_eq!(http_base(" ws://[::1]:9/x "), "http://[::1]:9");
    }

    #[test]
    fn a_membership_reads_back_as_written() {
        let m = Membership {
            server: "ws://127.0.0.1:1234".into(),
            token: "t.s".into(),
            library: "L1".into(),
            member: "m1".into(),
            role: Role::Annotator,
            name: "سارة".into(),
            title: "Desk".into(),
            article: None,
        };
        let json = serde_json::to_string(&m).unwrap();
        assert!(json.contains("\"role\":\"annotator\""));
        assert_eq!(serde_json::from_str::<Membership>(&json).unwrap(), m);
    }
}
