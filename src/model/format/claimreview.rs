//! schema.org ClaimReview (JSON-LD), what search engines and fact-check aggregators read: one
//! ClaimReview per claim that has a verdict. What was left out, and why, goes in a note for the
//! user, since a reader of the file cannot tell.

use super::facts::is_date;
use crate::model::annotation::Annotation;
use crate::model::facts::{Actor, Review, Settings, CLAIM};
use crate::model::workspace::Workspace;
use serde_json::{json, Map, Value};

pub const CONTEXT: &str = "https://schema.org";

/// The file's JSON and what to tell the user about it.
pub fn export(ws: &Workspace) -> (String, Note) {
    let claims: Vec<&Annotation> = ws.annotations.iter().filter(|a| a.label.0 == CLAIM).map(|a| &**a).collect();
    let reviewed: Vec<(&Annotation, &Review, &str)> =
        claims.iter().filter_map(|a| a.facts.review.as_deref().and_then(|r| Some((*a, r, r.verdict.as_deref()?)))).collect();
    let graph: Vec<Value> = reviewed.iter().map(|(a, r, verdict)| claim_review(ws, a, r, verdict)).collect();
    let doc = json!({ "@context": CONTEXT, "@graph": graph });
    let json = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    let orphaned = ws.orphans.iter().filter(|o| o.label.0 == CLAIM && o.facts.review.as_ref().is_some_and(|r| r.verdict.is_some())).count();
    let off_scale = reviewed.iter().filter(|(_, _, v)| ws.settings.verdict(v).and_then(|v| v.rating).is_none()).count();
    let no_url = reviewed.iter().filter(|(_, r, _)| r.url.trim().is_empty()).count();
    let note =
        Note { reviewed: reviewed.len(), undecided: claims.len() - reviewed.len(), orphaned, off_scale, no_url, has_author: author(&ws.settings).is_some() };
    (json, note)
}

fn claim_review(ws: &Workspace, a: &Annotation, r: &Review, verdict: &str) -> Value {
    let mut review = Map::new();
    review.insert("@type".into(), json!("ClaimReview"));
    review.insert("claimReviewed".into(), json!(ws.article.text.slice(a.span).unwrap_or_default()));
    review.insert("reviewRating".into(), rating(&ws.settings, verdict));
    review.insert("itemReviewed".into(), claim(ws, a));
    put(&mut review, "reviewBody", &r.text);
    if let Some(org) = author(&ws.settings) {
        review.insert("author".into(), org);
    }
    // The review's own date, else the day of the claim's last edit.
    let date = if r.date.is_empty() { a.modified.0.chars().take(10).collect() } else { r.date.clone() };
    if is_date(&date) {
        review.insert("datePublished".into(), json!(date));
    }
    put(&mut review, "url", &r.url);
    let citations: Vec<Value> = r
        .evidence
        .iter()
        .filter(|e| !e.url.trim().is_empty() || !e.title.trim().is_empty())
        .map(|e| {
            let mut c = Map::new();
            c.insert("@type".into(), json!("CreativeWork"));
            put(&mut c, "url", &e.url);
            put(&mut c, "name", &e.title);
            Value::Object(c)
        })
        .collect();
    if !citations.is_empty() {
        review.insert("citation".into(), json!(citations));
    }
    Value::Object(review)
}

/// The verdict by name; on the numeric scale also its value and the scale's ends. ClaimReview's
/// numbers are "for numeric ratings", so a verdict off the scale (Unverifiable) has its name only.
fn rating(settings: &Settings, verdict: &str) -> Value {
    let mut r = json!({ "@type": "Rating", "alternateName": verdict });
    if let (Some(value), Some((best, worst))) = (settings.verdict(verdict).and_then(|v| v.rating), settings.rating_range()) {
        r["ratingValue"] = json!(value);
        r["bestRating"] = json!(best);
        r["worstRating"] = json!(worst);
    }
    r
}

/// The claim: who made it (when linked) and where it appeared (the article).
fn claim(ws: &Workspace, a: &Annotation) -> Value {
    let meta = &ws.meta;
    let mut article = Map::new();
    article.insert("@type".into(), json!("Article"));
    article.insert("headline".into(), json!(ws.title()));
    put(&mut article, "url", &meta.url);
    put(&mut article, "datePublished", &meta.date_published);
    if !meta.author.trim().is_empty() {
        article.insert("author".into(), json!({ "@type": "Person", "name": meta.author }));
    }
    if !meta.publisher.trim().is_empty() {
        article.insert("publisher".into(), json!({ "@type": "Organization", "name": meta.publisher }));
    }
    let mut claim = Map::new();
    claim.insert("@type".into(), json!("Claim"));
    if let Some(actor) = a.facts.said_by.as_ref().and_then(|id| ws.actor(id)) {
        claim.insert("author".into(), agent(actor));
    }
    claim.insert("appearance".into(), Value::Object(article));
    // The claim was made, as far as the checker knows, when the article was published.
    put(&mut claim, "datePublished", &meta.date_published);
    Value::Object(claim)
}

fn agent(actor: &Actor) -> Value {
    json!({ "@type": actor.kind.type_name(), "name": actor.name })
}

/// The checking organisation, if it has a name.
fn author(settings: &Settings) -> Option<Value> {
    if settings.organisation.trim().is_empty() {
        return None;
    }
    let mut org = Map::new();
    org.insert("@type".into(), json!("Organization"));
    org.insert("name".into(), json!(settings.organisation));
    put(&mut org, "url", &settings.organisation_url);
    Some(Value::Object(org))
}

/// Sets `key` when `value` has more than white space.
fn put(map: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.trim().is_empty() {
        map.insert(key.into(), json!(value));
    }
}

/// What the export did, counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note {
    pub reviewed: usize,
    pub undecided: usize,
    pub orphaned: usize,
    pub off_scale: usize,
    pub no_url: usize,
    pub has_author: bool,
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One sentence for the user.
impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = vec![match (self.reviewed, self.undecided) {
            (0, 0) => "no claim is labelled, so no review was exported".to_string(),
            (0, n) => format!("no claim has a verdict yet ({} left out), so no review was exported", count(n, "claim", "claims")),
            (n, _) => format!("{} exported", count(n, "reviewed claim", "reviewed claims")),
        }];
        if self.reviewed > 0 && self.undecided > 0 {
            parts.push(format!("{} without a verdict left out", count(self.undecided, "claim", "claims")));
        }
        if self.orphaned > 0 {
            parts.push(format!(
                "{} left out (place {} in the text first)",
                count(self.orphaned, "orphaned claim", "orphaned claims"),
                if self.orphaned == 1 { "it" } else { "them" }
            ));
        }
        let mut s = format!("ClaimReview: {}.", parts.join("; "));
        if self.reviewed > 0 && !self.has_author {
            s.push_str(" No fact-checking organisation is set (Settings), so the reviews have no author.");
        }
        if self.off_scale > 0 {
            s.push_str(&format!(
                " {} off the numeric scale, so {} only a name.",
                count(self.off_scale, "verdict is", "verdicts are"),
                if self.off_scale == 1 { "it has" } else { "they have" }
            ));
        }
        if self.no_url > 0 {
            s.push_str(&format!(
                " {} no URL where {} published.",
                count(self.no_url, "review has", "reviews have"),
                if self.no_url == 1 { "it is" } else { "they are" }
            ));
        }
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::{Article, Orphan};
    use crate::model::facts::{ActorId, ActorKind, ArticleMeta, Evidence, Status};
    use crate::model::labels::default_labels;
    use crate::model::testkit::{ann_over, facts, orphan, ts, workspace_on};

    const TEXT: &str = "قال الوزير إن الأسعار انخفضت 50٪ هذا العام وإن المطر قادم غداً.";

    /// A claim over `needle`, made on 29 November and last edited on 3 December.
    fn claim_at(id: &str, needle: &str, said_by: Option<&str>, review: Option<Review>) -> Annotation {
        let at = (ts("2026-11-29T07:00:00.000Z"), ts("2026-12-03T10:00:00.000Z"));
        Annotation { created: at.0, modified: at.1, facts: facts(None, said_by, review), ..ann_over(id, TEXT, needle, CLAIM) }
    }

    fn workspace(organisation: &str) -> Workspace {
        let rated = Review {
            verdict: Some("Mostly false".into()),
            text: "انخفضت الأسعار 5٪ فقط.".into(),
            evidence: vec![
                Evidence { url: "https://example.org/cpi".into(), title: "مؤشر الأسعار".into() },
                Evidence { url: "https://example.org/raw".into(), title: String::new() },
                Evidence::default(),
            ],
            claim_type: Some("quantity".into()),
            status: Status::Done,
            url: "https://check.example/r/1".into(),
            date: "2026-12-01".into(),
        };
        let unrated = Review { verdict: Some("Unverifiable".into()), ..Default::default() };
        let undecided = Review { text: "جارٍ".into(), ..Default::default() };
        let orphan = Orphan { facts: facts(None, None, Some(unrated.clone())), ..orphan("o", CLAIM, "x") };
        let meta = ArticleMeta {
            title: String::new(),
            url: "https://news.example/a".into(),
            publisher: "وكالة".into(),
            author: "كاتب".into(),
            date_published: "2026-11-28".into(),
        };
        let settings = Settings { organisation: organisation.into(), organisation_url: "https://check.example".into(), ..Default::default() };
        let minister = Actor { id: ActorId("m".into()), name: "الوزير".into(), kind: ActorKind::Person };
        Workspace::new(
            Article::new("مقال", TEXT),
            default_labels(),
            vec![
                claim_at("a", "الأسعار انخفضت 50٪ هذا العام", Some("m"), Some(rated)),
                claim_at("b", "المطر قادم غداً", None, Some(unrated)),
                claim_at("c", "قال الوزير", None, Some(undecided)),
            ],
        )
        .with_orphans(vec![orphan])
        .with_facts(vec![minister], meta, settings)
    }

    #[test]
    fn every_field_of_a_rated_review() {
        let (json, _) = export(&workspace("مرصد التحقق"));
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["@context"], "https://schema.org");
        let graph = v["@graph"].as_array().unwrap();
        assert_eq!(graph.len(), 2, "the undecided claim is left out");
        assert_eq!(
            graph[0],
            json!({
                "@type": "ClaimReview",
                "claimReviewed": "الأسعار انخفضت 50٪ هذا العام",
                "reviewRating": { "@type": "Rating", "alternateName": "Mostly false", "ratingValue": 2, "bestRating": 5, "worstRating": 1 },
                "reviewBody": "انخفضت الأسعار 5٪ فقط.",
                "itemReviewed": {
                    "@type": "Claim",
                    "author": { "@type": "Person", "name": "الوزير" },
                    "appearance": {
                        "@type": "Article", "headline": "مقال", "url": "https://news.example/a", "datePublished": "2026-11-28",
                        "author": { "@type": "Person", "name": "كاتب" }, "publisher": { "@type": "Organization", "name": "وكالة" }
                    },
                    "datePublished": "2026-11-28"
                },
                "author": { "@type": "Organization", "name": "مرصد التحقق", "url": "https://check.example" },
                "datePublished": "2026-12-01",
                "url": "https://check.example/r/1",
                "citation": [
                    { "@type": "CreativeWork", "url": "https://example.org/cpi", "name": "مؤشر الأسعار" },
                    { "@type": "CreativeWork", "url": "https://example.org/raw" }
                ]
            })
        );
    }

    #[test]
    fn an_unrated_verdict_has_its_name_only_and_the_last_edit_dates_it() {
        let (json, _) = export(&workspace("Lab"));
        let v: Value = serde_json::from_str(&json).unwrap();
        let unrated = &v["@graph"][1];
        assert_eq!(unrated["reviewRating"], json!({ "@type": "Rating", "alternateName": "Unverifiable" }));
        assert_eq!(unrated["datePublished"], "2026-12-03");
        assert_eq!(unrated["itemReviewed"].get("author"), None, "not linked to anyone");
        for key in ["reviewBody", "url", "citation"] {
            assert_eq!(unrated.get(key), None, "{key} is left out when empty");
        }
    }

    #[test]
    fn the_note_counts_what_was_left_out_and_why() {
        let (_, note) = export(&workspace("Lab"));
        assert_eq!(
            note.to_string(),
            "ClaimReview: 2 reviewed claims exported; 1 claim without a verdict left out; 1 orphaned claim left out (place it in the text first). \
             1 verdict is off the numeric scale, so it has only a name. 1 review has no URL where it is published."
        );
        let (json, note) = export(&workspace(" "));
        let note = note.to_string();
        assert!(note.contains("No fact-checking organisation is set"), "{note}");
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["@graph"][0].get("author"), None);
        let empty = workspace_on("نص", vec![]);
        assert_eq!(export(&empty).1.to_string(), "ClaimReview: no claim is labelled, so no review was exported.");
        let undecided = workspace_on(TEXT, vec![claim_at("c", "قال الوزير", None, None)]);
        assert_eq!(export(&undecided).1.to_string(), "ClaimReview: no claim has a verdict yet (1 claim left out), so no review was exported.");
    }
}
