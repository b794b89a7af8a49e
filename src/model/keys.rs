//! Every local-storage key and prefix Annota uses, in one place: the open article, the library,
//! backups, the language, the tab lease, what the user told the suggester, and what the text in
//! the open slot is.

use super::annotation::Article;

/// Every key Annota writes starts with this (what the storage meter counts).
pub const PREFIX: &str = "annota:";
/// The open article's text (written only when the article changes).
pub const ARTICLE: &str = "annota:v1:article";
/// The open article's labels, annotations, actors, details and settings.
pub const ANNOTATIONS: &str = "annota:v1:annotations";
/// The library index.
pub const LIBRARY: &str = "annota:v1:library";
/// Parked articles: `annota:v1:library:<id>:article` and `annota:v1:library:<id>:annotations`.
pub const PARKED_PREFIX: &str = "annota:v1:library:";
/// Values that could not be read are kept under this prefix, never overwritten.
pub const BACKUP_PREFIX: &str = "annota:backup:";
/// The interface language chosen.
pub const LANG: &str = "annota:v1:lang";
/// The editing tab's lease.
pub const LOCK: &str = "annota:v1:lock";
/// Written and removed once at start-up, to see whether storage takes writes at all.
pub const PROBE: &str = "annota:probe";
/// What the user rejected and accepted among one article's suggestions:
/// `annota:v1:suggest:<article id>` (see [`suggest_memory`]).
pub const SUGGEST_PREFIX: &str = "annota:v1:suggest:";
/// This browser's team library membership (`team::member::Membership`), if it joined one.
pub const TEAM: &str = "annota:v1:team";
/// The sync server address last used for sharing.
pub const TEAM_SERVER: &str = "annota:v1:team-server";
/// Which kinds of suggestion are switched off (for every article).
pub const SUGGEST_KINDS: &str = "annota:v1:suggest-kinds";

/// The key of an article's suggestion memory (`suggest::Memory`).
pub fn suggest_memory(article_id: &str) -> String {
    format!("{SUGGEST_PREFIX}{article_id}")
}

pub fn parked_article(id: &str) -> String {
    format!("{PARKED_PREFIX}{id}:article")
}

pub fn parked_annotations(id: &str) -> String {
    format!("{PARKED_PREFIX}{id}:annotations")
}

/// The article id of a parked article's text key, if `key` is one.
pub fn parked_id(key: &str) -> Option<&str> {
    key.strip_prefix(PARKED_PREFIX)?.strip_suffix(":article")
}

/// The key under which an unreadable value is kept: never one Annota writes to otherwise.
pub fn backup(original: &str, stamp: &str) -> String {
    format!("{BACKUP_PREFIX}{stamp}:{original}")
}

/// Which text the open slot ([`ARTICLE`]) holds: the article's id and length, so that the text is
/// written again only when it changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredText {
    pub id: String,
    /// In code points.
    pub len: usize,
}

impl StoredText {
    pub fn of(article: &Article) -> StoredText {
        StoredText { id: article.id.clone(), len: article.text.char_len() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parked_keys_give_back_their_id() {
        assert_eq!(parked_id(&parked_article("urn:annota:article:1")), Some("urn:annota:article:1"));
        assert_eq!(parked_id(&parked_annotations("x")), None);
        assert_eq!(parked_id(ARTICLE), None);
        assert!(backup(ANNOTATIONS, "t").starts_with(BACKUP_PREFIX));
    }

    #[test]
    fn suggestion_keys_are_apart_from_every_other_key() {
        let key = suggest_memory("urn:annota:article:1");
        assert_eq!(key, "annota:v1:suggest:urn:annota:article:1");
        assert!(key.starts_with(PREFIX) && !key.starts_with(PARKED_PREFIX) && parked_id(&key).is_none());
        assert!(!SUGGEST_KINDS.starts_with(SUGGEST_PREFIX));
        for other in [ARTICLE, ANNOTATIONS, LIBRARY, LANG, LOCK, PROBE] {
            assert!(!other.starts_with(SUGGEST_PREFIX) && other != SUGGEST_KINDS);
        }
    }

    #[test]
    fn a_stored_text_is_its_article_id_and_length() {
        let a = Article::new("t", "نص # 😀");
        assert_eq!(StoredText::of(&a), StoredText { id: a.id.clone(), len: 6 });
        assert_ne!(StoredText::of(&a), StoredText::of(&Article::new("t", "نص # 😀!")));
    }
}
