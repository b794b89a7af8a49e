//! Labels and label sets: the `Label` type and the default set; what makes a set valid (one
//! validator, [`LabelSet`], for the editor, imports and storage) and how a file's set is repaired;
//! ids for new labels, the colour a new label gets, and each label's underline pattern (so labels
//! differ by more than colour). The tests check the default colours' contrast.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// A label's stable id, as written in files (`"claim"`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LabelId(pub String);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub id: LabelId,
    /// What people see, and the accessible name of its button.
    pub name: String,
    /// A CSS colour for the highlight.
    pub color: String,
    /// The key that applies it.
    pub hotkey: Option<String>,
}

/// How a label shows: its name and colour. An id missing from the set shows as itself, in grey.
pub fn label_look(labels: &[Label], id: &LabelId) -> (String, String) {
    match labels.iter().find(|l| &l.id == id) {
        Some(l) => (l.name.clone(), l.color.clone()),
        None => (id.0.clone(), "#999999".into()),
    }
}

/// Claim, Quote and Actor on keys 1, 2 and 3, in colours told apart with colour blindness.
pub fn default_labels() -> Vec<Label> {
    let [claim, quote, actor, ..] = PALETTE;
    [("claim", "Claim", claim, "1"), ("quote", "Quote", quote, "2"), ("actor", "Actor", actor, "3")]
        .into_iter()
        .map(|(id, name, color, key)| Label { id: LabelId(id.into()), name: name.into(), color: color.into(), hotkey: Some(key.into()) })
        .collect()
}

/// Keys other features use (link, merge, suggestions, and keys kept for navigation and help): never a label's.
pub const RESERVED_KEYS: &[char] = &['l', 'm', 'n', 'p', 'j', 'k', 's', 'a', 'x', '?'];

/// A label set that keeps every rule of [`check_label_set`]: the editor, imports and storage all
/// make one through [`LabelSet::new`] (or [`LabelSet::repair`], which ends in it), so a set that
/// one of them accepts the others accept too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelSet(Vec<Label>);

/// Why a set cannot be the label set: the first rule it breaks. Labels are named by their place
/// (`n`, from 1) until they have a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelRule {
    NoLabels,
    BadId { n: usize, id: String },
    NoName { n: usize },
    SameName { name: String },
    NotRrggbb { name: String, colour: String },
    KeyLength { name: String, key: String },
    KeyInvisible { name: String },
    KeyReserved { name: String, key: String },
    KeyTaken { name: String, key: String },
}

impl fmt::Display for LabelRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabelRule::NoLabels => write!(f, "There must be at least one label."),
            LabelRule::BadId { n, id } => write!(f, "Label {n} has an empty or repeated id \"{id}\"."),
            LabelRule::NoName { n } => write!(f, "Label {n} needs a name."),
            LabelRule::SameName { name } => write!(f, "Two labels are called \"{name}\"."),
            LabelRule::NotRrggbb { name, colour } => write!(f, "Label \"{name}\": colour \"{colour}\" is not a #rrggbb colour."),
            LabelRule::KeyLength { name, key } => write!(f, "Label \"{name}\": a key is one character (\"{key}\" is not)."),
            LabelRule::KeyInvisible { name } => write!(f, "Label \"{name}\": the key must be a visible character."),
            LabelRule::KeyReserved { name, key } => write!(f, "Label \"{name}\": key \"{key}\" {}.", KeyProblem::Reserved.words()),
            LabelRule::KeyTaken { name, key } => write!(f, "Label \"{name}\": key \"{key}\" {}.", KeyProblem::Taken.words()),
        }
    }
}

/// One repair [`LabelSet::repair`] made, told to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelRepair {
    /// `label` is the label's name, or `None` when it has none yet (then `n`, its place, names it).
    Colour {
        n: usize,
        label: Option<String>,
        from: String,
        to: String,
    },
    Named {
        n: usize,
        name: String,
    },
    Renamed {
        name: String,
        renamed: String,
    },
    KeyDropped {
        label: String,
        key: String,
        why: KeyProblem,
    },
}

impl fmt::Display for LabelRepair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabelRepair::Colour { label: Some(name), from, to, .. } => write!(f, "Label \"{name}\": colour \"{from}\" is now \"{to}\"."),
            LabelRepair::Colour { n, label: None, from, to } => write!(f, "Label {n}: colour \"{from}\" is now \"{to}\"."),
            LabelRepair::Named { n, name } => write!(f, "Label {n} had no name; it is called \"{name}\", as its id."),
            LabelRepair::Renamed { name, renamed } => write!(f, "Two labels were called \"{name}\"; the second is now \"{renamed}\"."),
            LabelRepair::KeyDropped { label, key, why } => write!(f, "Label \"{label}\": key \"{key}\" {}, so it was dropped.", why.words()),
        }
    }
}

impl LabelSet {
    /// The set, if it keeps every rule; else the first rule it breaks.
    pub fn new(labels: Vec<Label>) -> Result<Self, LabelRule> {
        check_label_set(&labels)?;
        Ok(LabelSet(labels))
    }

    /// A set from a file or from storage, repaired where its meaning is plain: a `#rgb`, `#rgba`
    /// or `#rrggbbaa` colour becomes `#rrggbb`, a missing name becomes the id, a repeated name gets
    /// a number, a key that cannot be used (not one visible character, taken by another feature or
    /// by an earlier label) is dropped. Each repair is told. What cannot be repaired without
    /// guessing (no labels, an empty or repeated id, a colour that is not hex) refuses the whole
    /// set, with [`LabelSet::new`]'s reason.
    pub fn repair(mut labels: Vec<Label>) -> Result<(Self, Vec<LabelRepair>), LabelRule> {
        let mut repairs = Vec::new();
        for (i, l) in labels.iter_mut().enumerate() {
            if let Some(colour) = expand_colour(&l.color).filter(|_| !is_rrggbb(&l.color)) {
                let label = Some(l.name.trim().to_string()).filter(|n| !n.is_empty());
                repairs.push(LabelRepair::Colour { n: i + 1, label, from: l.color.trim().to_string(), to: colour.clone() });
                l.color = colour;
            }
            if l.name.trim().is_empty() && !l.id.0.trim().is_empty() {
                l.name = l.id.0.trim().to_string();
                repairs.push(LabelRepair::Named { n: i + 1, name: l.name.clone() });
            }
        }
        let all_names: HashSet<String> = labels.iter().map(|l| l.name.trim().to_lowercase()).collect();
        let (mut names, mut keys) = (HashSet::new(), HashSet::new());
        for l in labels.iter_mut() {
            let name = l.name.trim().to_string();
            if !name.is_empty() && !names.insert(name.to_lowercase()) {
                let free = (2..).map(|n| format!("{name} {n}")).find(|n| !all_names.contains(&n.to_lowercase()) && !names.contains(&n.to_lowercase()));
                let renamed = free.expect("some number is free");
                repairs.push(LabelRepair::Renamed { name: name.clone(), renamed: renamed.clone() });
                names.insert(renamed.to_lowercase());
                l.name = renamed;
            }
            let Some(key) = l.hotkey.clone() else { continue };
            if key.is_empty() {
                l.hotkey = None;
                continue;
            }
            let why = match key_problem(&key) {
                Some(problem) => Some(problem),
                None if !keys.insert(key_of(&key)) => Some(KeyProblem::Taken),
                None => None,
            };
            if let Some(why) = why {
                repairs.push(LabelRepair::KeyDropped { label: l.name.trim().to_string(), key, why });
                l.hotkey = None;
            }
        }
        Ok((LabelSet::new(labels)?, repairs))
    }

    pub fn labels(&self) -> &[Label] {
        &self.0
    }

    pub fn into_vec(self) -> Vec<Label> {
        self.0
    }
}

/// The first rule `labels` breaks, if any. The one validator of label sets: [`LabelSet`] is made
/// only through it.
pub fn check_label_set(labels: &[Label]) -> Result<(), LabelRule> {
    if labels.is_empty() {
        return Err(LabelRule::NoLabels);
    }
    let (mut ids, mut names, mut keys) = (HashSet::new(), HashSet::new(), HashSet::new());
    for (i, l) in labels.iter().enumerate() {
        let n = i + 1;
        if l.id.0.trim().is_empty() || !ids.insert(l.id.0.as_str()) {
            return Err(LabelRule::BadId { n, id: l.id.0.clone() });
        }
        let name = l.name.trim();
        if name.is_empty() {
            return Err(LabelRule::NoName { n });
        }
        // Names are what people tell labels apart by, so "claim" and "Claim" are the same name.
        if !names.insert(name.to_lowercase()) {
            return Err(LabelRule::SameName { name: name.into() });
        }
        if !is_rrggbb(&l.color) {
            return Err(LabelRule::NotRrggbb { name: name.into(), colour: l.color.clone() });
        }
        if let Some(key) = &l.hotkey {
            let (name, key) = (name.to_string(), key.clone());
            match key_problem(&key) {
                Some(KeyProblem::Length) => return Err(LabelRule::KeyLength { name, key }),
                Some(KeyProblem::Invisible) => return Err(LabelRule::KeyInvisible { name }),
                Some(KeyProblem::Reserved) => return Err(LabelRule::KeyReserved { name, key }),
                Some(KeyProblem::Taken) => return Err(LabelRule::KeyTaken { name, key }),
                None if !keys.insert(key_of(&key)) => return Err(LabelRule::KeyTaken { name, key }),
                None => {}
            }
        }
    }
    Ok(())
}

/// Why a key cannot be a label's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    Length,
    Invisible,
    Reserved,
    /// Another label has it.
    Taken,
}

impl KeyProblem {
    fn words(self) -> &'static str {
        match self {
            KeyProblem::Length => "is not one character",
            KeyProblem::Invisible => "is not a visible character",
            KeyProblem::Reserved => "is used by another feature (L, M, N, P, J, K, S, A, X and ? are taken)",
            KeyProblem::Taken => "is already used by another label",
        }
    }
}

/// What is wrong with a key by itself (a clash with another label aside).
fn key_problem(key: &str) -> Option<KeyProblem> {
    let mut chars = key.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return Some(KeyProblem::Length) };
    if c.is_whitespace() || c.is_control() {
        Some(KeyProblem::Invisible)
    } else if RESERVED_KEYS.contains(&key_of(key)) {
        Some(KeyProblem::Reserved)
    } else {
        None
    }
}

/// A key as labels clash by: `A` and `a` are one key.
fn key_of(key: &str) -> char {
    let c = key.chars().next().unwrap_or_default();
    c.to_lowercase().next().unwrap_or(c)
}

/// `#rgb`, `#rgba`, `#rrggbb` and `#rrggbbaa` (any case, spaces around) as `#rrggbb`: labels are
/// never see-through, so an alpha channel is dropped. `None` when it is not a hex colour.
pub fn expand_colour(colour: &str) -> Option<String> {
    let hex = colour.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let rgb: String = match hex.len() {
        3 | 4 => hex.chars().take(3).flat_map(|c| [c, c]).collect(),
        6 | 8 => hex[..6].to_string(),
        _ => return None,
    };
    Some(format!("#{}", rgb.to_ascii_lowercase()))
}

/// Colours for labels, Okabe–Ito-like (told apart with common colour blindness), each at least 3:1
/// against the paper of both themes (white and #1a1f27; scripts/contrast.js checks the same); the
/// first three are the defaults, the rest go to new labels.
pub const PALETTE: [&str; 6] = ["#d55e00", "#0072b2", "#009e73", "#b8407f", "#997700", "#777777"];

/// A colour for a new label: the first of the palette no label uses yet.
pub fn next_colour(labels: &[Label]) -> &'static str {
    PALETTE.iter().find(|c| !labels.iter().any(|l| l.color.eq_ignore_ascii_case(c))).copied().unwrap_or(PALETTE[5])
}

/// Exactly `#rrggbb`, as `<input type="color">` gives it.
pub fn is_rrggbb(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// An id for a new label, made from its name (`"Number of dead"` -> `number-of-dead`) and unlike
/// every id in `taken`. Letters of any script are kept, so an Arabic name gets an Arabic id.
pub fn new_label_id(name: &str, taken: &[Label]) -> LabelId {
    let mut slug = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = if slug.is_empty() { "label" } else { slug };
    let free = |id: &str| !taken.iter().any(|l| l.id.0 == id);
    if free(base) {
        return LabelId(base.to_string());
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| free(id)).map(LabelId).expect("some suffix is free")
}

/// How a label's highlights are underlined, so that labels differ without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pattern {
    Solid,
    Dashed,
    Dotted,
    Double,
    Wavy,
    DashDot,
}

impl Pattern {
    pub const ALL: [Pattern; 6] = [Pattern::Solid, Pattern::Dashed, Pattern::Dotted, Pattern::Double, Pattern::Wavy, Pattern::DashDot];

    /// The pattern of the label at `position` in the set (they repeat after six labels).
    pub fn at(position: usize) -> Pattern {
        Self::ALL[position % Self::ALL.len()]
    }

    /// The word for it in the legend and the labels' titles (English; the view translates it).
    pub fn name(self) -> &'static str {
        match self {
            Pattern::Solid => "solid line",
            Pattern::Dashed => "dashed line",
            Pattern::Dotted => "dotted line",
            Pattern::Double => "double line",
            Pattern::Wavy => "wavy line",
            Pattern::DashDot => "dash-dot line",
        }
    }
}

/// The pattern of the label `id`; a label missing from the set gets a solid line.
pub fn pattern_of(labels: &[Label], id: &LabelId) -> Pattern {
    labels.iter().position(|l| &l.id == id).map_or(Pattern::Solid, Pattern::at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A change to the default label set.
    type Edit = fn(&mut Vec<Label>);

    /// WCAG contrast ratio between two `#rrggbb` colours (1 to 21).
    fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
        let (la, lb) = (luminance(a)?, luminance(b)?);
        let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
        Some((hi + 0.05) / (lo + 0.05))
    }

    fn luminance(hex: &str) -> Option<f64> {
        if !is_rrggbb(hex) {
            return None;
        }
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).ok()?) / 255.0;
            Some(if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) })
        };
        Some(0.2126 * channel(1)? + 0.7152 * channel(3)? + 0.0722 * channel(5)?)
    }

    fn with(f: impl FnOnce(&mut Vec<Label>)) -> Result<(), LabelRule> {
        let mut labels = default_labels();
        f(&mut labels);
        check_label_set(&labels)
    }

    #[test]
    fn the_default_set_is_valid_and_bad_sets_are_refused_with_a_reason() {
        assert_eq!(check_label_set(&default_labels()), Ok(()));
        assert_eq!(with(|l| l[2].hotkey = None), Ok(()), "a label needs no key");
        let refusals: [(Edit, &str); 10] = [
            (|l| l.clear(), "at least one"),
            (|l| l[1].name = "  ".into(), "needs a name"),
            (|l| l[1].name = "claim".into(), "called"),
            (|l| l[1].id = l[0].id.clone(), "repeated id"),
            (|l| l[0].color = "#fff".into(), "#rrggbb"),
            (|l| l[0].color = "red".into(), "#rrggbb"),
            (|l| l[0].hotkey = Some("12".into()), "one character"),
            (|l| l[0].hotkey = Some("L".into()), "another feature"),
            (|l| l[0].hotkey = Some("?".into()), "another feature"),
            (|l| l[0].hotkey = Some("2".into()), "already used"),
        ];
        for (edit, why) in refusals {
            let err = with(edit).unwrap_err().to_string();
            assert!(err.contains(why), "{err} should say {why}");
        }
        assert!(with(|l| l[0].hotkey = Some(" ".into())).unwrap_err().to_string().contains("visible"));
    }

    #[test]
    fn new_ids_come_from_the_name_and_never_clash() {
        let labels = default_labels();
        assert_eq!(new_label_id("Number of dead", &labels).0, "number-of-dead");
        assert_eq!(new_label_id(" Claim! ", &labels).0, "claim-2");
        assert_eq!(new_label_id("رقم", &labels).0, "رقم");
        assert_eq!(new_label_id("!!", &labels).0, "label");
    }

    #[test]
    fn patterns_follow_the_position_in_the_set() {
        let labels = default_labels();
        let patterns: Vec<Pattern> = labels.iter().map(|l| pattern_of(&labels, &l.id)).collect();
        assert_eq!(patterns, [Pattern::Solid, Pattern::Dashed, Pattern::Dotted]);
        assert_eq!(Pattern::at(6), Pattern::Solid);
        assert_eq!(pattern_of(&labels, &LabelId("gone".into())), Pattern::Solid);
    }

    #[test]
    fn default_colours_are_seen_against_the_paper_and_differ_from_each_other() {
        // Non-text contrast (WCAG 1.4.11) asks 3:1 for the underline against the white article.
        for colour in PALETTE {
            for paper in ["#ffffff", "#1a1f27"] {
                let ratio = contrast_ratio(colour, paper).unwrap();
                assert!(ratio >= 3.0, "{colour} on {paper} has contrast {ratio:.2}");
            }
        }
        let defaults: Vec<String> = default_labels().into_iter().map(|l| l.color).collect();
        assert_eq!(defaults, PALETTE[..3]);
        assert_eq!(next_colour(&default_labels()), "#b8407f");
        assert!((contrast_ratio("#000000", "#ffffff").unwrap() - 21.0).abs() < 1e-9);
        assert_eq!(contrast_ratio("red", "#ffffff"), None);
    }
}

#[cfg(test)]
#[path = "labels_tests.rs"]
mod one_validator;
