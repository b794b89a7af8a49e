//! Checks on the fact-checking data a file brings (actors, links, reviews, details, settings), and
//! bringing a file's actors into a workspace. Checks refuse only what Annota itself never writes,
//! so that every export opens again; ids get the same rules as annotation ids, since they end up
//! in IRIs and brat lines.

use super::{Field, IdOf, ImportError, Owner};
use crate::model::facts::{Actor, ActorId, ArticleMeta, Facts, Review, Settings, CLAIM_TYPES};
use crate::model::text::grapheme_prefix;
use std::collections::{HashMap, HashSet};

/// Longest id, in bytes (as `placing` allows for annotation ids).
pub const MAX_ID: usize = 512;
/// Longest name, verdict, title or URL, in code points: far above real ones, low enough to keep
/// a hostile file from filling the screen.
pub const MAX_FIELD: usize = 4096;

/// An id is non-empty, at most [`MAX_ID`] bytes, with no white space or control characters.
pub fn check_id(of: IdOf, id: &str) -> Result<(), ImportError> {
    if id.is_empty() || id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ImportError::BlankId { of, id: id.escape_debug().to_string() });
    }
    if id.len() > MAX_ID {
        return Err(ImportError::LongId { of, start: grapheme_prefix(id, 16).to_string() });
    }
    Ok(())
}

/// A short field: at most [`MAX_FIELD`] code points; `one_line` ones have no control characters.
fn check_field(field: Field, value: &str, one_line: bool) -> Result<(), ImportError> {
    if value.chars().count() > MAX_FIELD {
        return Err(ImportError::LongField { field });
    }
    if one_line && value.chars().any(char::is_control) {
        return Err(ImportError::ControlCharacter { field, value: value.escape_debug().to_string() });
    }
    Ok(())
}

/// Whether `value` is shaped `YYYY-MM-DD` (what a date input gives).
pub fn is_date(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Empty, or `YYYY-MM-DD`.
fn check_date(field: Field, value: &str) -> Result<(), ImportError> {
    if value.is_empty() || is_date(value) {
        Ok(())
    } else {
        Err(ImportError::NotADate { field, value: value.escape_debug().to_string() })
    }
}

pub fn check_actor(actor: &Actor) -> Result<(), ImportError> {
    check_id(IdOf::Actor, &actor.id.0)?;
    if actor.name.trim().is_empty() {
        return Err(ImportError::NoActorName { id: actor.id.0.clone() });
    }
    check_field(Field::ActorName(actor.id.0.clone()), &actor.name, false)
}

pub fn check_meta(meta: &ArticleMeta) -> Result<(), ImportError> {
    for (field, value) in [(Field::ArticleTitle, &meta.title), (Field::ArticlePublisher, &meta.publisher), (Field::ArticleAuthor, &meta.author)] {
        check_field(field, value, false)?;
    }
    check_field(Field::ArticleUrl, &meta.url, true)?;
    check_date(Field::ArticleDate, &meta.date_published)
}

pub fn check_settings(settings: &Settings) -> Result<(), ImportError> {
    check_field(Field::Organisation, &settings.organisation, false)?;
    check_field(Field::OrganisationUrl, &settings.organisation_url, true)?;
    if settings.verdicts.is_empty() {
        return Err(ImportError::EmptyScale);
    }
    for v in &settings.verdicts {
        if v.name.trim().is_empty() {
            return Err(ImportError::UnnamedVerdict);
        }
        check_field(Field::VerdictName, &v.name, true)?;
    }
    Ok(())
}

pub fn check_review(owner: &Owner, r: &Review) -> Result<(), ImportError> {
    if let Some(v) = &r.verdict {
        if v.trim().is_empty() {
            return Err(ImportError::EmptyVerdict { owner: owner.clone() });
        }
        check_field(Field::Verdict(owner.clone()), v, true)?;
    }
    if let Some(t) = &r.claim_type {
        if !CLAIM_TYPES.iter().any(|(key, _)| key == t) {
            return Err(ImportError::UnknownClaimType { owner: owner.clone(), found: t.escape_debug().to_string() });
        }
    }
    check_field(Field::ReviewUrl(owner.clone()), &r.url, true)?;
    check_date(Field::ReviewDate(owner.clone()), &r.date)?;
    for e in &r.evidence {
        check_field(Field::EvidenceUrl(owner.clone()), &e.url, true)?;
        check_field(Field::EvidenceTitle(owner.clone()), &e.title, false)?;
    }
    Ok(())
}

/// An annotation's links point at actors of the file, and its review is well formed.
pub fn check_facts(owner: &Owner, facts: &Facts, actors: &HashSet<&ActorId>) -> Result<(), ImportError> {
    for id in facts.actor.iter().chain(facts.said_by.iter()) {
        check_id(IdOf::LinkedActor(owner.clone()), &id.0)?;
        if !actors.contains(id) {
            return Err(ImportError::UnknownActor { owner: owner.clone(), actor: id.0.clone() });
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
        assert!(check_id(IdOf::Actor, "a-1").is_ok());
        for bad in ["", "a b", "a\u{0}", &"x".repeat(MAX_ID + 1)] {
            assert!(check_id(IdOf::Actor, bad).is_err(), "{bad:?}");
        }
        let d = || Field::ArticleDate;
        assert!(check_date(d(), "").is_ok() && check_date(d(), "2026-11-29").is_ok());
        assert!(check_date(d(), "29/11/2026").is_err() && check_date(d(), "2026-1-29").is_err());
        let review = |f: fn(&mut Review)| {
            let mut r = Review::default();
            f(&mut r);
            check_review(&Owner::Annotation("c".into()), &r)
        };
        assert!(review(|r| r.claim_type = Some("quantity".into())).is_ok());
        assert!(review(|r| r.claim_type = Some("rumour".into())).unwrap_err().to_string().contains("not one of quantity"));
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
        assert!(check_facts(&Owner::Annotation("q".into()), &linked, &known).is_ok());
        let dangling = Facts { actor: Some(ActorId("zz".into())), ..Default::default() };
        assert!(check_facts(&Owner::Annotation("m".into()), &dangling, &known).unwrap_err().to_string().contains("\"zz\", which is not in the file"));
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
