//! The library: every article of the workspace, each with its own annotations. The open article
//! lives in the usual keys ([`keys::ARTICLE`], [`keys::ANNOTATIONS`]);
//! the others are parked under their own keys, so each text is stored once. An index lists them
//! all with what the list shows, so the list never has to read every text. No I/O here.

use super::format::annota_json;
use super::format::ImportError;
use super::keys;
use super::persist::{Unreadable, UnreadableReason, WriteError};
use super::text::{shorten, shorten_start};
use super::workspace::Workspace;
use serde::{Deserialize, Serialize};

pub const LIBRARY_SCHEMA: u32 = 1;
/// What a library file says it is.
pub const BUNDLE_FORMAT: &str = "annota-library";

/// One article as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub title: String,
    /// Length in code points.
    pub chars: usize,
    pub annotations: usize,
    /// When it was last changed (RFC 3339).
    pub modified: String,
}

impl Entry {
    pub fn of(ws: &Workspace, modified: &str) -> Entry {
        Entry {
            id: ws.article.id.clone(),
            title: ws.title().to_string(),
            chars: ws.article.text.char_len(),
            annotations: ws.annotations.len(),
            modified: modified.to_string(),
        }
    }

    /// The same entry ignoring when it was changed: whether the index needs writing.
    pub fn same_as(&self, other: &Entry) -> bool {
        (&self.id, &self.title, self.chars, self.annotations) == (&other.id, &other.title, other.chars, other.annotations)
    }
}

/// Why the library index could not be read (kept with the other unreadable values).
pub use super::persist::IndexError;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    pub schema: u32,
    /// The article open in the usual keys.
    pub current: Option<String>,
    pub entries: Vec<Entry>,
}

impl Library {
    pub fn new() -> Self {
        Library { schema: LIBRARY_SCHEMA, current: None, entries: Vec::new() }
    }

    /// Reads the index, or says why it cannot be read (see [`Library::read`] for what then).
    pub fn decode(raw: Option<&str>) -> Result<Library, IndexError> {
        let Some(raw) = raw else { return Ok(Library::new()) };
        let lib: Library = serde_json::from_str(raw).map_err(|e| IndexError::Unreadable { detail: e.to_string() })?;
        if lib.schema > LIBRARY_SCHEMA {
            return Err(IndexError::Newer { schema: lib.schema });
        }
        Ok(lib)
    }

    /// Reads the stored index and lists again every parked article it misses (found among the
    /// storage `keys`, read by `entry_of`), so no stored article is ever out of sight. An index
    /// that cannot be read is never taken for an empty one: it comes back to be kept aside, and
    /// the index is rebuilt from the parked articles.
    pub fn read<'a>(raw: Option<&str>, keys: impl Iterator<Item = &'a str>, entry_of: impl Fn(&str) -> Option<Entry>) -> (Library, Option<Unreadable>) {
        let (mut lib, unreadable) = match Library::decode(raw) {
            Ok(lib) => (lib, None),
            Err(e) => {
                let raw = raw.unwrap_or_default().to_string();
                (Library::new(), Some(Unreadable { key: keys::LIBRARY, raw, reason: UnreadableReason::Index(e) }))
            }
        };
        for id in Library::parked_ids(keys) {
            if lib.entry(&id).is_none() {
                if let Some(entry) = entry_of(&id) {
                    lib.upsert(entry);
                }
            }
        }
        (lib, unreadable)
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a library index always serialises")
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Adds or updates an entry; true when the index changed in what it shows.
    pub fn upsert(&mut self, entry: Entry) -> bool {
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(old) if old.same_as(&entry) => false,
            Some(old) => {
                *old = entry;
                true
            }
            None => {
                self.entries.push(entry);
                true
            }
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.entries.retain(|e| e.id != id);
        if self.current.as_deref() == Some(id) {
            self.current = None;
        }
    }

    /// Most recently changed first, as the list shows them.
    pub fn listed(&self) -> Vec<&Entry> {
        let mut list: Vec<&Entry> = self.entries.iter().collect();
        list.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.title.cmp(&b.title)));
        list
    }

    /// Ids of parked articles found among storage keys: rebuilds an index that was lost.
    pub fn parked_ids<'a>(keys: impl Iterator<Item = &'a str>) -> Vec<String> {
        let mut ids: Vec<String> = keys.filter_map(|k| keys::parked_id(k).map(str::to_string)).collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

/// Copies the values stored under `keys` to backup keys ([`keys::backup`]) before something
/// replaces them: the backup keys written (none when nothing was stored), or the first write's
/// error, after which the values must not be replaced.
pub fn back_up<E>(
    stored: &[String],
    stamp: &str,
    get: impl Fn(&str) -> Option<String>,
    mut set: impl FnMut(&str, &str) -> Result<(), E>,
) -> Result<Vec<String>, E> {
    let mut written = Vec::new();
    for key in stored {
        if let Some(old) = get(key) {
            let backup = keys::backup(key, stamp);
            set(&backup, &old)?;
            written.push(backup);
        }
    }
    Ok(written)
}

/// What a restore did, article by article, to say exactly that (said in Arabic by `crate::i18n`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreReport {
    /// Articles now stored as the file has them (the open one included).
    pub restored: usize,
    /// Of those, how many replaced a stored version that is now kept as a backup.
    pub backed_up: usize,
    /// Left as they were, since their stored version could not be kept as a backup: titles, and
    /// why (one reason: every write fails the same way, storage full usually).
    pub not_backed_up: Vec<String>,
    pub backup_failed: Option<WriteError>,
    /// Could not be stored: titles, and why.
    pub not_stored: Vec<String>,
    pub store_failed: Option<WriteError>,
}

impl RestoreReport {
    pub fn is_complete(&self) -> bool {
        self.not_backed_up.is_empty() && self.not_stored.is_empty()
    }

    pub fn left_as_it_was(&mut self, title: String, why: WriteError) {
        self.not_backed_up.push(title);
        self.backup_failed.get_or_insert(why);
    }

    pub fn not_stored(&mut self, title: String, why: WriteError) {
        self.not_stored.push(title);
        self.store_failed.get_or_insert(why);
    }
}

/// Titles as a sentence lists them: each between `open` and `close`, joined by `comma`.
pub fn quoted_titles(titles: &[String], open: &str, close: &str, comma: &str) -> String {
    titles.iter().map(|t| format!("{open}{t}{close}")).collect::<Vec<_>>().join(comma)
}

impl std::fmt::Display for RestoreReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.restored;
        write!(f, "Restored {n} article{} from the library file.", if n == 1 { "" } else { "s" })?;
        if self.backed_up > 0 {
            f.write_str(" Stored versions it replaced are kept as backups.")?;
        }
        if let (false, Some(why)) = (self.not_backed_up.is_empty(), &self.backup_failed) {
            let titles = quoted_titles(&self.not_backed_up, "\"", "\"", ", ");
            if self.not_backed_up.len() == 1 {
                write!(f, " Not restored: {titles}, because its stored version could not be kept as a backup ({why}); it is left as it was.")?;
            } else {
                write!(f, " Not restored: {titles}, because their stored versions could not be kept as backups ({why}); they are left as they were.")?;
            }
        }
        if let (false, Some(why)) = (self.not_stored.is_empty(), &self.store_failed) {
            write!(f, " Could not be stored: {} ({why}).", quoted_titles(&self.not_stored, "\"", "\"", ", "))?;
        }
        Ok(())
    }
}

/// Where `query` occurs in `text` (ignoring case), with a little context either side; at most `limit`.
pub fn find_in(text: &str, query: &str, limit: usize) -> Vec<String> {
    let q: Vec<char> = query.trim().to_lowercase().chars().collect();
    if q.is_empty() {
        return Vec::new();
    }
    // Lower-casing can change lengths (İ): compare char by char on lower-cased single chars.
    let lower: Vec<char> = text.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect();
    let byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + q.len() <= lower.len() && found.len() < limit {
        if lower[i..i + q.len()] == q[..] {
            // Thirty grapheme clusters either side, on one line.
            let (start, end) = (byte_of[i], byte_of[i + q.len()]);
            let snippet = format!("{}{}{}", shorten_start(&text[..start], 30), &text[start..end], shorten(&text[end..], 30));
            found.push(snippet.replace(char::is_whitespace, " ").trim().to_string());
            i += q.len();
        } else {
            i += 1;
        }
    }
    found
}

/// The whole library as one file: every article as an Annota JSON document.
pub fn export_bundle(workspaces: &[Workspace]) -> String {
    let articles: Vec<serde_json::Value> = workspaces.iter().map(|ws| serde_json::from_str(&annota_json::export(ws)).expect("Annota JSON is JSON")).collect();
    serde_json::to_string_pretty(&serde_json::json!({ "format": BUNDLE_FORMAT, "version": 1, "articles": articles })).expect("a library always serialises")
}

pub fn is_bundle(value: &serde_json::Value) -> bool {
    value.get("format").and_then(|f| f.as_str()) == Some(BUNDLE_FORMAT)
}

/// Reads a library file: every article or a reason, all or nothing.
pub fn import_bundle(json: &str) -> Result<Vec<Workspace>, ImportError> {
    let value = super::format::parse_json(json)?;
    if !is_bundle(&value) {
        return Err(ImportError::NotLibrary);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(1) => {}
        Some(v) => return Err(ImportError::NewerLibrary { version: v }),
        None => return Err(ImportError::LibraryNoVersion),
    }
    let Some(articles) = value.get("articles").and_then(|a| a.as_array()) else {
        return Err(ImportError::LibraryNoArticles);
    };
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| annota_json::import(&a.to_string()).map(|(ws, _)| ws).map_err(|e| ImportError::LibraryArticle { n: i + 1, error: Box::new(e) }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::Article;
    use crate::model::labels::default_labels;
    use crate::model::testkit::ann;

    /// An article titled `title` with `n` one-letter claims.
    fn ws(title: &str, text: &str, n: usize) -> Workspace {
        let anns = (0..n).map(|i| ann(&format!("{title}-{i}"), i, i + 1, "claim")).collect();
        Workspace::new(Article::new(title, text), default_labels(), anns)
    }

    #[test]
    fn the_index_lists_what_changed_last_first_and_writes_only_real_changes() {
        let mut lib = Library::new();
        assert!(lib.upsert(Entry::of(&ws("a", "نص أول", 1), "2026-01-01")));
        assert!(lib.upsert(Entry::of(&ws("b", "second text", 0), "2026-01-02")));
        assert!(!lib.upsert(Entry::of(&ws("a", "نص أول", 1), "2026-01-03")), "same content: no write");
        assert!(lib.upsert(Entry::of(&ws("a", "نص أول", 2), "2026-01-04")));
        assert_eq!(lib.listed().iter().map(|e| e.title.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        let back = Library::decode(Some(&lib.encode())).unwrap();
        assert_eq!(back, lib);
        assert!(Library::decode(Some("{")).is_err());
        assert!(Library::decode(Some(r#"{"schema":9,"current":null,"entries":[]}"#)).unwrap_err().to_string().contains("newer"));
        lib.current = Some(lib.entries[0].id.clone());
        let id = lib.entries[0].id.clone();
        lib.remove(&id);
        assert_eq!((lib.current.clone(), lib.entries.len()), (None, 1));
    }

    #[test]
    fn an_unreadable_index_comes_back_to_be_kept_aside_and_the_list_is_rebuilt() {
        let stored_keys = [keys::parked_article("a"), keys::parked_annotations("a"), keys::parked_article("b")];
        let entry = |id: &str, annotations| Entry { id: id.into(), title: id.into(), chars: 4, annotations, modified: String::new() };
        let entry_of = |id: &str| Some(entry(id, 1));
        let mut stored = Library::new();
        stored.upsert(entry("a", 2));
        // A readable index keeps its entries; a parked article it misses is listed again.
        let (lib, unreadable) = Library::read(Some(&stored.encode()), stored_keys.iter().map(String::as_str), entry_of);
        assert_eq!(unreadable, None);
        assert_eq!(lib.entries.iter().map(|e| (e.title.as_str(), e.annotations)).collect::<Vec<_>>(), [("a", 2), ("b", 1)]);
        assert_eq!(Library::read(None, stored_keys.iter().map(String::as_str), entry_of).0.entries.len(), 2);
        for raw in ["{ broken", r#"{"schema":9,"current":"a","entries":[]}"#] {
            let (lib, unreadable) = Library::read(Some(raw), stored_keys.iter().map(String::as_str), entry_of);
            let unreadable = unreadable.expect("kept aside, not defaulted");
            assert_eq!((unreadable.key, unreadable.raw.as_str()), (keys::LIBRARY, raw));
            assert!(unreadable.reason.to_string().contains("rebuilt"), "{}", unreadable.reason);
            assert_eq!(lib.entries.iter().map(|e| e.title.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        }
    }

    #[test]
    fn a_backup_that_cannot_be_written_is_an_error_and_nothing_missing_is_copied() {
        let parked = [keys::parked_article("a"), keys::parked_annotations("a")];
        let stored = std::collections::HashMap::from([(parked[0].clone(), "article".to_string()), (parked[1].clone(), "annotations".to_string())]);
        let mut written = Vec::new();
        let kept = back_up(
            &parked,
            "T",
            |k| stored.get(k).cloned(),
            |k, v| {
                written.push((k.to_string(), v.to_string()));
                Ok::<_, ()>(())
            },
        )
        .unwrap();
        assert_eq!(kept, [keys::backup(&parked[0], "T"), keys::backup(&parked[1], "T")]);
        assert_eq!(written[1], (keys::backup(&parked[1], "T"), "annotations".to_string()));
        assert_eq!(back_up(&parked, "T", |k| stored.get(k).cloned(), |_, _| Err("full")), Err("full"));
        assert_eq!(back_up(&parked, "T", |_| None, |_, _| Err("full")), Ok(vec![]), "nothing stored: nothing to keep");
    }

    #[test]
    fn a_restore_says_kept_as_backups_only_for_backups_that_were_written() {
        let all_new = RestoreReport { restored: 2, ..Default::default() };
        assert_eq!(all_new.to_string(), "Restored 2 articles from the library file.");
        let replaced = RestoreReport { restored: 2, backed_up: 1, ..Default::default() };
        assert_eq!(replaced.to_string(), "Restored 2 articles from the library file. Stored versions it replaced are kept as backups.");
        let full = || WriteError::Full("QuotaExceededError".into());
        let mut refused = RestoreReport { restored: 1, ..Default::default() };
        refused.left_as_it_was("first".into(), full());
        assert!(!refused.is_complete());
        assert_eq!(
            refused.to_string(),
            "Restored 1 article from the library file. Not restored: \"first\", because its stored version could not be kept as a backup (the browser refused to store it (QuotaExceededError: storage is probably full)); it is left as it was."
        );
        let mut failed = RestoreReport::default();
        failed.not_stored("a".into(), WriteError::Unavailable);
        failed.not_stored("b".into(), full());
        assert_eq!(failed.to_string(), "Restored 0 articles from the library file. Could not be stored: \"a\", \"b\" (this browser gives Annota no storage).");
    }

    #[test]
    fn parked_articles_are_found_by_their_keys() {
        let stored =
            [keys::parked_article("urn:annota:article:1"), keys::parked_annotations("urn:annota:article:1"), keys::ARTICLE.into(), keys::parked_article("x")];
        assert_eq!(Library::parked_ids(stored.iter().map(String::as_str)), ["urn:annota:article:1", "x"]);
    }

    #[test]
    fn search_finds_every_script_and_ignores_case() {
        let text = "قال لافروف إن الحل سياسي. Lavrov said the SOLUTION is political.";
        assert_eq!(find_in(text, "solution", 5).len(), 1);
        assert!(find_in(text, "لافروف", 5)[0].contains("قال لافروف"));
        assert!(find_in(text, "  ", 5).is_empty());
        assert_eq!(find_in("aaaa", "a", 2).len(), 2);
    }

    #[test]
    fn a_search_hit_shows_whole_letters_of_context_on_one_line() {
        let text = format!("{}\nقال لافروف\n{}", "بَّ".repeat(40), "👨‍👩‍👧".repeat(40));
        let hit = &find_in(&text, "لافروف", 1)[0];
        // Thirty clusters before the match (a line break and "قال " among them) and thirty after.
        assert_eq!(hit, &format!("…{} قال لافروف {}…", "بَّ".repeat(25), "👨‍👩‍👧".repeat(29)));
    }

    #[test]
    fn a_library_file_round_trips_and_a_bad_article_refuses_the_whole_file() {
        let all = vec![ws("a", "نص أول", 2), ws("b", "second", 1)];
        let file = export_bundle(&all);
        let back = import_bundle(&file).unwrap();
        assert_eq!(back, all);
        let broken = file.replacen("\"claim\"", "\"nope\"", 1);
        assert!(import_bundle(&broken).unwrap_err().to_string().contains("article 1"));
        assert!(import_bundle("{\"format\":\"annota-library\",\"version\":3,\"articles\":[]}").unwrap_err().to_string().contains("newer"));
    }

    #[test]
    fn a_library_file_with_an_annotation_id_annota_never_writes_is_refused_naming_the_article() {
        let file = export_bundle(&[ws("a", "نص أول", 1), ws("b", "second", 2)]);
        let spaced = file.replacen("\"b-1\"", "\"b 1\"", 1);
        assert!(import_bundle(&spaced).unwrap_err().to_string().contains("article 2 of the library file: annotation id \"b 1\""));
        let twice = file.replacen("\"b-1\"", "\"b-0\"", 1);
        assert!(import_bundle(&twice).unwrap_err().to_string().contains("\"b-0\" appears twice"));
    }
}
