//! The layers of an article as Annota JSON files and storage write them: the written layer's info
//! (its records are the file's own `annotations`) and every other layer with its records.

use super::annota_json::{AnnotationRecord, OrphanRecord};
use super::placing::{place_checked, CheckedItems, ImportSummary, OffsetUnit};
use super::ImportError;
use super::Owner;
use crate::model::annotation::Timestamp;
use crate::model::facts::Actor;
use crate::model::labels::Label;
use crate::model::layers::{Layer, LayerInfo, Layers};
use crate::model::text::TextIndex;
use crate::model::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::rc::Rc;

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct LayersRecord {
    /// Which layer the file's `annotations` are.
    pub writing: LayerInfo,
    #[serde(default)]
    pub aside: Vec<LayerRecord>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LayerRecord {
    pub info: LayerInfo,
    pub annotations: Vec<AnnotationRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphans: Vec<OrphanRecord>,
}

impl LayersRecord {
    /// `None` for an article with only the user's own layer (files and storage stay as they were).
    pub fn of(ws: &Workspace, with_context: bool) -> Option<Self> {
        if ws.layers.is_single() {
            return None;
        }
        let text = &ws.article.text;
        let aside = ws
            .layers
            .aside
            .iter()
            .map(|l| LayerRecord {
                info: l.info.clone(),
                annotations: l.annotations.iter().map(|a| AnnotationRecord::of(text, a, with_context)).collect(),
                orphans: l.orphans.iter().map(OrphanRecord::of).collect(),
            })
            .collect();
        Some(LayersRecord { writing: ws.layers.writing.clone(), aside })
    }

    /// The layers placed on `text`, each annotation found again as any import finds it; `exact`
    /// (storage) refuses any that is not where its offsets say. Ids must be unique in each layer
    /// and layer ids across the article.
    pub fn read(self, text: &TextIndex, labels: &[Label], actors: &[Actor], exact: bool) -> Result<Layers, ImportError> {
        let mut ids = HashSet::new();
        ids.insert(self.writing.id.clone());
        let mut aside = Vec::new();
        for l in self.aside {
            if !ids.insert(l.info.id.clone()) {
                return Err(ImportError::DuplicateLayer { id: l.info.id.0 });
            }
            let items = CheckedItems::check(l.annotations.iter().map(AnnotationRecord::incoming).collect(), l.orphans.iter().map(|o| o.id.as_str()))?;
            // A link to an actor the article does not have would break the actors' bookkeeping.
            let known: HashSet<_> = actors.iter().map(|a| &a.id).collect();
            for r in &l.annotations {
                super::facts::check_facts(&Owner::Annotation(r.id.clone()), &r.facts(), &known)?;
            }
            let mut summary = ImportSummary::new("layer");
            let (annotations, mut orphans) = place_checked(text, labels, &items, Some(OffsetUnit::CodePoint), &Timestamp(String::new()), &mut summary)?;
            if exact && (summary.total_placed() != summary.placed_exactly || !orphans.is_empty()) {
                return Err(ImportError::LayerMoved { layer: l.info.id.0 });
            }
            for o in &l.orphans {
                orphans.push(o.orphan(labels)?);
            }
            let mut annotations: Vec<_> = annotations.into_iter().map(Rc::new).collect();
            annotations.sort_by(|a, b| crate::model::annotation::text_order(a, b));
            aside.push(Layer { info: l.info, annotations: Rc::new(annotations), orphans: Rc::new(orphans) });
        }
        Ok(Layers { writing: self.writing, aside })
    }
}
