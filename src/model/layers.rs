//! Layers: the annotations of several annotators on one article (the user's own, a colleague's
//! file, the gold standard settled from two of them), and which one new annotations go into.
//!
//! The layer being written sits in the workspace's `annotations` and `orphans`, so every edit,
//! view and export works on it as before; the others are kept aside here with their records, and
//! swapping which one is written is one workspace change (undoable like any).

use super::annotation::{Annotation, AnnotationId, Orphan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A layer's id: `own` for the user's own, `gold` for the adjudicated one, else made at import.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LayerId(pub String);

pub const OWN: &str = "own";
pub const GOLD: &str = "gold";

impl LayerId {
    pub fn own() -> Self {
        LayerId(OWN.into())
    }
    pub fn gold() -> Self {
        LayerId(GOLD.into())
    }
}

/// Where a layer's annotations came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LayerKind {
    /// Made here, by the user of this browser.
    #[default]
    Own,
    /// Imported from a colleague's file.
    File,
    /// Settled from the differences of two layers.
    Gold,
}

/// How one difference between two layers was settled into the gold layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// A's span (and label) went into gold.
    A,
    B,
    Both,
    Neither,
    /// A span drawn by the adjudicator went in instead.
    Edited,
}

impl Decision {
    pub const ALL: [Decision; 5] = [Decision::A, Decision::B, Decision::Both, Decision::Neither, Decision::Edited];

    /// How the interface says it was settled.
    pub fn name(self) -> &'static str {
        match self {
            Decision::A => "A taken",
            Decision::B => "B taken",
            Decision::Both => "both taken",
            Decision::Neither => "neither taken",
            Decision::Edited => "a drawn span taken",
        }
    }
}

/// A layer's name and kind, and for the gold layer what it settles and how far it got.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LayerInfo {
    pub id: LayerId,
    /// The annotator's name (empty for the user's own layer before it is named).
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: LayerKind,
    /// Gold only: the two layers it adjudicates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compares: Option<(LayerId, LayerId)>,
    /// Gold only: each settled difference (by [`difference_key`]) and how.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub decisions: BTreeMap<String, Decision>,
    /// Gold only: the annotations each settled difference put in, so that it can be reopened.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub made: BTreeMap<String, Vec<AnnotationId>>,
}

impl Default for LayerId {
    fn default() -> Self {
        LayerId::own()
    }
}

/// A layer kept aside: its info and its records.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub info: LayerInfo,
    pub annotations: Rc<Vec<Rc<Annotation>>>,
    pub orphans: Rc<Vec<Orphan>>,
}

/// Every layer of an article: the one written (its records are the workspace's own) and the others.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layers {
    pub writing: LayerInfo,
    /// In the order they were added.
    pub aside: Vec<Layer>,
}

impl Layers {
    /// Whether the article has more than the user's own layer.
    pub fn is_single(&self) -> bool {
        self.aside.is_empty() && self.writing.kind == LayerKind::Own && self.writing.name.is_empty()
    }

    pub fn aside(&self, id: &LayerId) -> Option<&Layer> {
        self.aside.iter().find(|l| &l.info.id == id)
    }

    /// Every layer's info, the written one first.
    pub fn infos(&self) -> impl Iterator<Item = &LayerInfo> {
        std::iter::once(&self.writing).chain(self.aside.iter().map(|l| &l.info))
    }

    pub fn info(&self, id: &LayerId) -> Option<&LayerInfo> {
        self.infos().find(|i| &i.id == id)
    }

    /// An id not yet taken, made from `stem` (a file's name).
    pub fn fresh_id(&self, stem: &str) -> LayerId {
        let base: String = stem.chars().filter(|c| c.is_alphanumeric() || *c == '-').take(40).collect();
        let base = if base.is_empty() || base == OWN || base == GOLD { "layer".to_string() } else { base };
        let mut id = LayerId(base.clone());
        let mut n = 2;
        while self.info(&id).is_some() {
            id = LayerId(format!("{base}-{n}"));
            n += 1;
        }
        id
    }

    /// The name to show for a layer.
    pub fn display_name<'a>(&'a self, info: &'a LayerInfo) -> &'a str {
        if !info.name.is_empty() {
            &info.name
        } else {
            &info.id.0
        }
    }
}

/// Which layers the article draws besides the written one (each as a ring in its colour), and
/// whether only what differs from the written layer is drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LayerView {
    pub shown: Vec<LayerId>,
    pub differences_only: bool,
}

/// The key a difference is settled under: the ids of its two sides (either may be missing).
pub fn difference_key(a: Option<&str>, b: Option<&str>) -> String {
    format!("{}|{}", a.unwrap_or(""), b.unwrap_or(""))
}

/// The colour ring of the `n`th layer (the written one is 0), from a palette that reads on light
/// and dark backgrounds.
pub fn ring_colour(n: usize) -> &'static str {
    const RINGS: [&str; 6] = ["#7c3aed", "#0f766e", "#c2410c", "#be185d", "#1d4ed8", "#4d7c0f"];
    RINGS[n % RINGS.len()]
}
