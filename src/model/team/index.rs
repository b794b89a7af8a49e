//! The library's article list (`lib/L/index`): one object `article:<doc id>` per article, with its
//! title and length, written by owners and editors and read by everyone.

use super::conflict::resolve;
use super::doc::TeamDoc;
use super::writes::{Replica, Writes};
use serde_json::Value;

const ARTICLE: &str = "article:";

/// One article of a team library, as its list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamArticle {
    /// The id in its document's name (`lib/L/article/<doc id>`).
    pub doc_id: String,
    pub title: String,
    /// Length in code points.
    pub chars: u64,
}

/// Every article listed and not deleted, in the order of their ids (the same on every replica).
pub fn articles(index: &TeamDoc) -> Vec<TeamArticle> {
    index
        .objects()
        .filter_map(|o| o.strip_prefix(ARTICLE).map(|id| (o, id)))
        .filter(|(o, _)| !index.is_deleted(o))
        .map(|(o, id)| TeamArticle {
            doc_id: id.to_string(),
            title: index.value(o, "title").and_then(Value::as_str).unwrap_or_default().to_string(),
            chars: index.value(o, "chars").and_then(Value::as_u64).unwrap_or(0),
        })
        .collect()
}

/// The writes that list (or retitle) an article.
pub fn list(index: &TeamDoc, replica: &mut Replica, member: &str, article: &TeamArticle) -> Writes {
    let object = format!("{ARTICLE}{}", article.doc_id);
    let mut out = Writes::default();
    for (field, value) in [("title", Value::from(article.title.clone())), ("chars", Value::from(article.chars))] {
        if index.value(&object, field) != Some(&value) {
            let w = resolve(index, &object, field, value, replica, member);
            out.puts.extend(w.puts);
            out.deletes.extend(w.deletes);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::team::doc::DocKind;

    #[test]
    fn an_article_listed_reads_back_and_a_second_listing_writes_nothing() {
        let mut index = TeamDoc::new(DocKind::Config);
        let mut replica = Replica::new("r1");
        let a = TeamArticle { doc_id: "abc".into(), title: "مشاورة هاتفية".into(), chars: 1234 };
        let w = list(&index, &mut replica, "m1", &a);
        assert_eq!(w.puts.len(), 2);
        index.apply(w.puts, w.deletes);
        assert_eq!(articles(&index), vec![a.clone()]);
        assert!(list(&index, &mut replica, "m1", &a).is_empty());
        let retitled = TeamArticle { title: "Call".into(), ..a };
        let w = list(&index, &mut replica, "m1", &retitled);
        assert_eq!(w.puts.len(), 1, "only the title changed");
        index.apply(w.puts, w.deletes);
        assert_eq!(articles(&index)[0].title, "Call");
    }
}
