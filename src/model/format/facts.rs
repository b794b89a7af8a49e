//! Checks on the fact-checking data a file brings (actors, links, reviews, details, settings), and
//! bringing a file's actors into a workspace. Checks refuse only what Annota itself never writes,
//! so that every export opens again; ids get the same rules as annotation ids, since they end up
//! in IRIs and brat lines.

use super::ImportError;
use crate::model::facts::{Actor, ActorId, ArticleMeta, CLAIM_TYPES, Facts, Review, Settings};
use std::collections::{HashMap, HashSet};

/// Longest id, in bytes (as `placing` allows for annotation ids).
pub const MAX_ID: usize = 512;
/// Longest name, verdict, title or URL, in code points: far above real ones, low enough to keep
/// a hostile file from filling the screen.
pub const MAX_FIELD: usize = 4096;

fn err(message: String) -> ImportError {
    ImportError::new(message)
}

/// An id is non-empty, at most [`MAX_ID`] bytes, with no white space or control characters.
pub fn check_id(what: &str, id: &str) -> Result<(), ImportError> {
    if id.is_empty() || id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(err(format!("{what} id \"{}\" is empty or contains white space", id.escape_debug())));
    }
    if id.len() > MAX_ID {
        return Err(err(format!("{what} id \"{}…\" is longer than {MAX_ID} bytes", id.chars().take(16).collect::<String>())));
    }
    Ok(())
}

/// A short field: at most [`MAX_FIELD`] code points; `one_line` ones have no control characters.
fn check_field(what: &str, value: &str, one_line: bool) -> Result<(), ImportError> {
    if value.chars().count() > MAX_FIELD {
        return Err(err(format!("{what} is longer than {MAX_FIELD} characters")));
    }
    if one_line && value.chars().any(char::is_control) {
        return Err(err(format!("{what} \"{}\" contains a control character", value.escape_debug())));
    }
    Ok(())
}

/// Whether `value` is shaped `YYYY-MM-DD` (what a date input gives).
pub fn is_date(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Empty, or `YYYY-MM-DD`.
fn check_date(what: &str, value: &str) -> Result<(), ImportError> {
    if value.is_empty() || is_date(value) {
        Ok(())
    } else {
        Err(err(format!("{what} \"{}\" is not a YYYY-MM-DD date", value.escape_debug())))
    }
}

pub fn check_actor(actor: &Actor) -> Result<(), ImportError> {
    check_id("actor", &actor.id.0)?;
    if actor.name.trim().is_empty() {
        return Err(err(format!("actor \"{}\" has no name", actor.id.0)));
    }
    check_field(&format!("the name of actor \"{}\"", actor.id.0), &actor.name, false)
}

pub fn check_meta(meta: &ArticleMeta) -> Result<(), ImportError> {
    for (what, value) in [("the article's title", &meta.title), ("the article's publisher", &meta.publisher), ("the article's author", &meta.author)] {
        check_field(what, value, false)?;
    }
    check_field("the article's URL", &meta.url, true)?;
    check_date("the article's date", &meta.date_published)
}

pub fn check_settings(settings: &Settings) -> Result<(), ImportError> {
    check_field("the organisation", &settings.organisation, false)?;
    check_field("the organisation's URL", &settings.organisation_url, true)?;
    if settings.verdicts.is_empty() {
        return Err(err("the verdict scale is empty".into()));
    }
    for v in &settings.verdicts {
        if v.name.trim().is_empty() {
            return Err(err("a verdict of the scale has no name".into()));
        }
        check_field("a verdict name", &v.name, true)?;
    }
    Ok(())
}

pub fn check_review(owner: &str, r: &Review) -> Result<(), ImportError> {
    if let Some(v) = &r.verdict {
        if v.trim().is_empty() {
            return Err(err(format!("{owner}: the verdict is empty (leave it out when undecided)")));
        }
        check_field(&format!("{owner}: the verdict"), v, true)?;
    }
    if let Some(t) = &r.claim_type {
        if !CLAIM_TYPES.iter().any(|(key, _)| key == t) {
            let keys: Vec<&str> = CLAIM_TYPES.iter().map(|(k, _)| *k).collect();
            return Err(err(format!("{owner}: claim type \"{}\" is not one of {}", t.escape_debug(), keys.join(", "))));
        }
    }
    check_field(&format!("{owner}: the review URL"), &r.url, true)?;
    check_date(&format!("{owner}: the review date"), &r.date)?;
    for e in &r.evidence {
        check_field(&format!("{owner}: an evidence URL"), &e.url, true)?;
        check_field(&format!("{owner}: an evidence title"), &e.title, false)?;
    }
    Ok(())
}

/// An annotation's links point at actors of the file, and its review is well formed.
pub fn check_facts(owner: &str, facts: &Facts, actors: &HashSet<&ActorId>) -> Result<(), ImportError> {
    for id in facts.actor.iter().chain(facts.said_by.iter()) {
        check_id(&format!("{owner}: actor"), &id.0)?;
        if !actors.contains(id) {
            return Err(err(format!("{owner} refers to actor \"{}\", which is not in the file", id.0)));
        }
    }
    match &facts.review {
        Some(r) => check_review(owner, r),
        None => Ok(()),
    }
}

/// Adds to `actors` the file's actors that `linked` refer to. An id that the workspace already
/// uses for a different actor gets a new id, and the links follow it.
pub fn bring_actors(actors: &mut Vec<Actor>, file: &[Actor], linked: Vec<&mut Facts>, new_id: &mut dyn FnMut() -> String) {
    let used: HashSet<ActorId> = linked.iter().flat_map(|f| f.actor.iter().chain(f.said_by.iter()).cloned()).collect();
    let mut renamed: HashMap<ActorId, ActorId> = HashMap::new();
    for actor in file.iter().filter(|a| used.contains(&a.id)) {
        match actors.iter().find(|a| a.id == actor.id) {
            Some(same) if same == actor => {}
            Some(_) => {
                let id = ActorId(new_id());
                renamed.insert(actor.id.clone(), id.clone());
                actors.push(Actor { id, ..actor.clone() });
            }
            None => actors.push(actor.clone()),
        }
    }
    for f in linked {
        for slot in [&mut f.actor, &mut f.said_by] {
            if let Some(new) = slot.as_ref().and_then(|id| renamed.get(id)) {
                *slot = Some(new.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::facts::{ActorKind, Evidence};

    fn actor(id: &str, name: &str) -> Actor {
        Actor { id: ActorId(id.into()), name: name.into(), kind: ActorKind::Person }
    }

    #[test]
    fn ids_dates_and_claim_types_are_checked() {
        assert!(check_id("actor", "a-1").is_ok());
        for bad in ["", "a b", "a\u{0}", &"x".repeat(MAX_ID + 1)] {
            assert!(check_id("actor", bad).is_err(), "{bad:?}");
        }
        assert!(check_date("d", "").is_ok() && check_date("d", "2026-11-29").is_ok());
        assert!(check_date("d", "29/11/2026").is_err() && check_date("d", "2026-1-29").is_err());
        let review = |f: fn(&mut Review)| {
            let mut r = Review::default();
            f(&mut r);
            check_review("claim \"c\"", &r)
        };
        assert!(review(|r| r.claim_type = Some("quantity".into())).is_ok());
        assert!(review(|r| r.claim_type = Some("rumour".into())).unwrap_err().message.contains("not one of quantity"));
        assert!(review(|r| r.verdict = Some(" ".into())).is_err());
        assert!(review(|r| r.evidence.push(Evidence { url: "a\nb".into(), title: String::new() })).is_err());
        // What the app lets people type stays importable: a blank evidence row, a URL with a space.
        assert!(review(|r| r.evidence.push(Evidence::default())).is_ok());
        assert!(review(|r| r.url = "example.org/a b".into()).is_ok());
    }

    #[test]
    fn links_must_name_actors_of_the_file() {
        let a = actor("a", "Lavrov");
        let known: HashSet<&ActorId> = [&a.id].into_iter().collect();
        let linked = Facts { said_by: Some(ActorId("a".into())), ..Default::default() };
        assert!(check_facts("quote \"q\"", &linked, &known).is_ok());
        let dangling = Facts { actor: Some(ActorId("zz".into())), ..Default::default() };
        assert!(check_facts("actor span \"m\"", &dangling, &known).unwrap_err().message.contains("\"zz\", which is not in the file"));
    }

    #[test]
    fn brought_actors_keep_their_ids_unless_taken_by_someone_else() {
        let mut actors = vec![actor("a", "Lavrov"), actor("b", "Someone")];
        let file = [actor("a", "Lavrov"), actor("b", "Amir-Abdollahian"), actor("c", "Blinken"), actor("unused", "X")];
        let mut f1 = Facts { actor: Some(ActorId("b".into())), ..Default::default() };
        let mut f2 = Facts { said_by: Some(ActorId("a".into())), ..Default::default() };
        let mut f3 = Facts { said_by: Some(ActorId("c".into())), ..Default::default() };
        bring_actors(&mut actors, &file, vec![&mut f1, &mut f2, &mut f3], &mut || "new".to_string());
        let names: Vec<(&str, &str)> = actors.iter().map(|a| (a.id.0.as_str(), a.name.as_str())).collect();
        assert_eq!(names, [("a", "Lavrov"), ("b", "Someone"), ("new", "Amir-Abdollahian"), ("c", "Blinken")]);
        assert_eq!(f1.actor, Some(ActorId("new".into())));
        assert_eq!(f2.said_by, Some(ActorId("a".into())));
    }
}
