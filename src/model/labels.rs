//! Label sets: what makes one valid (one validator, [`LabelSet`], for the editor, imports and
//! storage) and how a file's set is repaired, ids for new labels, each label's underline pattern
//! (so labels differ by more than colour) and colour contrast.

use super::annotation::{Label, LabelId};
use std::collections::HashSet;

/// Keys other features use (link, merge, and keys kept for navigation and help): never a label's.
pub const RESERVED_KEYS: &[char] = &['l', 'm', 'n', 'p', 'j', 'k', '?'];

/// A label set that keeps every rule of [`check_label_set`]: the editor, imports and storage all
/// make one through [`LabelSet::new`] (or [`LabelSet::repair`], which ends in it), so a set that
/// one of them accepts the others accept too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelSet(Vec<Label>);

impl LabelSet {
    /// The set, if it keeps every rule; else why not, in words for the person editing it.
    pub fn new(labels: Vec<Label>) -> Result<Self, String> {
        check_label_set(&labels)?;
        Ok(LabelSet(labels))
    }

    /// A set from a file or from storage, repaired where its meaning is plain: a `#rgb`, `#rgba`
    /// or `#rrggbbaa` colour becomes `#rrggbb`, a missing name becomes the id, a repeated name gets
    /// a number, a key that cannot be used (not one visible character, taken by another feature or
    /// by an earlier label) is dropped. Each repair is told in one sentence. What cannot be
    /// repaired without guessing (no labels, an empty or repeated id, a colour that is not hex)
    /// refuses the whole set, with [`LabelSet::new`]'s reason.
    pub fn repair(mut labels: Vec<Label>) -> Result<(Self, Vec<String>), String> {
        let mut repairs = Vec::new();
        for (i, l) in labels.iter_mut().enumerate() {
            if let Some(colour) = expand_colour(&l.color).filter(|_| !is_rrggbb(&l.color)) {
                let shown = if l.name.trim().is_empty() { format!("Label {}", i + 1) } else { format!("Label \"{}\"", l.name.trim()) };
                repairs.push(format!("{shown}: colour \"{}\" is now \"{colour}\".", l.color.trim()));
                l.color = colour;
            }
            if l.name.trim().is_empty() && !l.id.0.trim().is_empty() {
                l.name = l.id.0.trim().to_string();
                repairs.push(format!("Label {} had no name; it is called \"{}\", as its id.", i + 1, l.name));
            }
        }
        let all_names: HashSet<String> = labels.iter().map(|l| l.name.trim().to_lowercase()).collect();
        let (mut names, mut keys) = (HashSet::new(), HashSet::new());
        for l in labels.iter_mut() {
            let name = l.name.trim().to_string();
            if !name.is_empty() && !names.insert(name.to_lowercase()) {
                let free = (2..).map(|n| format!("{name} {n}")).find(|n| !all_names.contains(&n.to_lowercase()) && !names.contains(&n.to_lowercase()));
                let renamed = free.expect("some number is free");
                repairs.push(format!("Two labels were called \"{name}\"; the second is now \"{renamed}\"."));
                names.insert(renamed.to_lowercase());
                l.name = renamed;
            }
            let Some(key) = l.hotkey.clone() else { continue };
            if key.is_empty() {
                l.hotkey = None;
                continue;
            }
            let why = match key_problem(&key) {
                Some(problem) => Some(problem.words()),
                None if !keys.insert(key_of(&key)) => Some("is already used by another label"),
                None => None,
            };
            if let Some(why) = why {
                repairs.push(format!("Label \"{}\": key \"{key}\" {why}, so it was dropped.", l.name.trim()));
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

/// Why `labels` cannot be the label set, in words for the person editing it. The one validator
/// of label sets: [`LabelSet`] is made only through it.
pub fn check_label_set(labels: &[Label]) -> Result<(), String> {
    if labels.is_empty() {
        return Err("There must be at least one label.".into());
    }
    let (mut ids, mut names, mut keys) = (HashSet::new(), HashSet::new(), HashSet::new());
    for (i, l) in labels.iter().enumerate() {
        let n = i + 1;
        if l.id.0.trim().is_empty() || !ids.insert(l.id.0.as_str()) {
            return Err(format!("Label {n} has an empty or repeated id \"{}\".", l.id.0));
        }
        let name = l.name.trim();
        if name.is_empty() {
            return Err(format!("Label {n} needs a name."));
        }
        // Names are what people tell labels apart by, so "claim" and "Claim" are the same name.
        if !names.insert(name.to_lowercase()) {
            return Err(format!("Two labels are called \"{name}\"."));
        }
        if !is_rrggbb(&l.color) {
            return Err(format!("Label \"{name}\": colour \"{}\" is not a #rrggbb colour.", l.color));
        }
        if let Some(key) = &l.hotkey {
            match key_problem(key) {
                Some(KeyProblem::Length) => return Err(format!("Label \"{name}\": a key is one character (\"{key}\" is not).")),
                Some(KeyProblem::Invisible) => return Err(format!("Label \"{name}\": the key must be a visible character.")),
                Some(KeyProblem::Reserved) => return Err(format!("Label \"{name}\": key \"{key}\" {}.", KeyProblem::Reserved.words())),
                None if !keys.insert(key_of(key)) => return Err(format!("Label \"{name}\": key \"{key}\" is already used by another label.")),
                None => {}
            }
        }
    }
    Ok(())
}

/// Why a key cannot be a label's by itself (a clash with another label aside).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyProblem {
    Length,
    Invisible,
    Reserved,
}

impl KeyProblem {
    fn words(self) -> &'static str {
        match self {
            KeyProblem::Length => "is not one character",
            KeyProblem::Invisible => "is not a visible character",
            KeyProblem::Reserved => "is used by another feature (L, M, N, P, J, K and ? are taken)",
        }
    }
}

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

/// WCAG contrast ratio between two `#rrggbb` colours (1 to 21).
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::default_labels;

    fn with(f: impl FnOnce(&mut Vec<Label>)) -> Result<(), String> {
        let mut labels = default_labels();
        f(&mut labels);
        check_label_set(&labels)
    }

    #[test]
    fn the_default_set_is_valid_and_bad_sets_are_refused_with_a_reason() {
        assert_eq!(check_label_set(&default_labels()), Ok(()));
        assert_eq!(with(|l| l[2].hotkey = None), Ok(()), "a label needs no key");
        let refusals: [(fn(&mut Vec<Label>), &str); 10] = [
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
            let err = with(edit).unwrap_err();
            assert!(err.contains(why), "{err} should say {why}");
        }
        assert!(with(|l| l[0].hotkey = Some(" ".into())).unwrap_err().contains("visible"));
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

/// One label set through the three ways in: the label editor refuses every set that breaks a rule;
/// an Annota JSON import and storage repair it the same way (with a notice) or refuse it the same way.
#[cfg(test)]
mod one_validator {
    use super::*;
    use crate::model::annotation::{default_labels, sample_article, Annotation, AnnotationId, Timestamp};
    use crate::model::format::annota_json;
    use crate::model::persist;
    use crate::model::state::Workspace;
    use crate::model::text::Span;
    use proptest::prelude::*;

    fn workspace() -> Workspace {
        let t = Timestamp("2026-01-01T00:00:00.000Z".into());
        let claim = Annotation { id: AnnotationId("a".into()), span: Span::new(0, 5), label: LabelId("claim".into()), note: String::new(), created: t.clone(), modified: t, facts: Default::default() };
        Workspace::new(sample_article(), default_labels(), vec![claim])
    }

    /// `json` with its `labels` replaced by `labels`.
    fn with_labels(json: &str, labels: &[Label]) -> String {
        let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["labels"] = serde_json::to_value(labels).unwrap();
        v.to_string()
    }

    enum Outcome {
        /// The set after repair (as a change to the broken one), and words the notice says.
        Repaired(fn(&mut Vec<Label>), &'static str),
        /// Words the refusal says.
        Refused(&'static str),
    }
    use Outcome::*;

    fn cases() -> Vec<(&'static str, fn(&mut Vec<Label>), Outcome)> {
        vec![
            ("#rgb colour", |l| l[0].color = "#abc".into(), Repaired(|l| l[0].color = "#aabbcc".into(), "colour \"#abc\" is now \"#aabbcc\"")),
            ("#rgba colour", |l| l[1].color = "#AbCd".into(), Repaired(|l| l[1].color = "#aabbcc".into(), "is now \"#aabbcc\"")),
            ("#rrggbbaa colour", |l| l[2].color = "#009e7380".into(), Repaired(|l| l[2].color = "#009e73".into(), "is now \"#009e73\"")),
            ("repeated name", |l| l[1].name = "CLAIM".into(), Repaired(|l| l[1].name = "CLAIM 2".into(), "the second is now \"CLAIM 2\"")),
            ("no name", |l| l[1].name = " ".into(), Repaired(|l| l[1].name = "quote".into(), "called \"quote\", as its id")),
            ("reserved key", |l| l[0].hotkey = Some("L".into()), Repaired(|l| l[0].hotkey = None, "key \"L\" is used by another feature")),
            ("navigation key", |l| l[0].hotkey = Some("n".into()), Repaired(|l| l[0].hotkey = None, "key \"n\" is used by another feature")),
            ("repeated key", |l| l[1].hotkey = Some("1".into()), Repaired(|l| l[1].hotkey = None, "key \"1\" is already used")),
            ("key repeated in another case", |l| {
                l[1].hotkey = Some("a".into());
                l[2].hotkey = Some("A".into());
            }, Repaired(|l| l[2].hotkey = None, "key \"A\" is already used")),
            ("long key", |l| l[0].hotkey = Some("12".into()), Repaired(|l| l[0].hotkey = None, "not one character")),
            ("blank key", |l| l[0].hotkey = Some(" ".into()), Repaired(|l| l[0].hotkey = None, "not a visible character")),
            ("no labels", |l| l.clear(), Refused("at least one label")),
            ("repeated id", |l| l[1].id = l[0].id.clone(), Refused("repeated id")),
            ("empty id", |l| l[2].id = LabelId(" ".into()), Refused("empty or repeated id")),
            ("named colour", |l| l[0].color = "red".into(), Refused("not a #rrggbb colour")),
            ("five hex digits", |l| l[0].color = "#abcde".into(), Refused("not a #rrggbb colour")),
        ]
    }

    #[test]
    fn the_editor_imports_and_storage_keep_the_same_rules() {
        let ws = workspace();
        let file = annota_json::export(&ws);
        let (article, stored) = (persist::encode_article(&ws.article), persist::encode_annotations(&ws));
        for (rule, breaks, outcome) in cases() {
            let mut broken = default_labels();
            breaks(&mut broken);
            assert!(check_label_set(&broken).is_err(), "{rule}: the editor refuses it");
            assert!(ws.check_new_labels(&broken).is_err(), "{rule}: the reducer refuses it");

            let imported = annota_json::import(&with_labels(&file, &broken));
            let decoded = persist::decode(Some(&article), Some(&with_labels(&stored, &broken)));
            match outcome {
                Repaired(repair, says) => {
                    let mut expected = broken.clone();
                    repair(&mut expected);
                    assert_eq!(check_label_set(&expected), Ok(()), "{rule}: the repaired set keeps the rules");

                    let (ws, summary) = imported.unwrap_or_else(|e| panic!("{rule}: import refused: {}", e.message));
                    assert_eq!(*ws.labels, expected, "{rule}: import");
                    assert!(summary.describe().contains(says), "{rule}: {:?} should say {says:?}", summary.describe());
                    let mut edited = expected.clone();
                    edited[0].name = "Assertion".into();
                    assert_eq!(ws.check_new_labels(&edited), Ok(()), "{rule}: after the import, labels can be edited");

                    assert!(decoded.unreadable.is_empty(), "{rule}: storage: {:?}", decoded.unreadable);
                    let ws = decoded.workspace.unwrap();
                    assert_eq!(*ws.labels, expected, "{rule}: storage");
                    assert_eq!(ws.annotations.len(), 1, "{rule}: storage keeps the annotations");
                    assert!(decoded.notices.iter().any(|n| n.contains(says)), "{rule}: {:?} should say {says:?}", decoded.notices);
                }
                Refused(says) => {
                    let err = imported.err().unwrap_or_else(|| panic!("{rule}: import accepted it"));
                    assert!(err.message.contains(says), "{rule}: {:?} should say {says:?}", err.message);
                    assert!(decoded.unreadable.iter().any(|u| u.reason.contains(says)), "{rule}: storage keeps it aside: {:?}", decoded.unreadable);
                }
            }
        }
    }

    #[test]
    fn an_import_with_short_colours_and_a_repeated_key_is_repaired_at_once() {
        let mut broken = default_labels();
        broken[0].color = "#f50".into();
        broken[1].color = "#07b".into();
        broken[2].hotkey = Some("1".into());
        let (set, repairs) = LabelSet::repair(broken).unwrap();
        let looks: Vec<(&str, Option<&str>)> = set.labels().iter().map(|l| (l.color.as_str(), l.hotkey.as_deref())).collect();
        assert_eq!(looks, [("#ff5500", Some("1")), ("#0077bb", Some("2")), ("#009e73", None)]);
        assert_eq!(repairs.len(), 3, "{repairs:?}");
        assert_eq!(LabelSet::repair(set.labels().to_vec()), Ok((set, vec![])), "a valid set is left as it is");
    }

    fn old_rules_accept(labels: &[Label]) -> bool {
        let hex = |s: &str| s.strip_prefix('#').is_some_and(|h| matches!(h.len(), 3 | 4 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit()));
        let mut ids = HashSet::new();
        !labels.is_empty() && labels.iter().all(|l| !l.id.0.trim().is_empty() && ids.insert(l.id.0.clone()) && hex(&l.color))
    }

    proptest! {
        /// Whatever an older Annota stored (it checked only ids and hex colours) still opens,
        /// repaired, with every label kept in its place.
        #[test]
        fn every_set_older_versions_stored_opens(
            raw in proptest::collection::vec((
                "[a-d]{1,2}",
                prop_oneof![Just(String::new()), Just(" ".to_string()), "[AaBb]{1,2}", Just("Claim 2".to_string())],
                prop_oneof!["#[0-9a-fA-F]{3}", "#[0-9a-fA-F]{4}", "#[0-9a-fA-F]{6}", "#[0-9a-fA-F]{8}"],
                proptest::option::of(prop_oneof![Just(String::new()), Just(" ".to_string()), "[12lLnN?aA]", "[12]{2}"]),
            ), 1..8)
        ) {
            let mut labels = Vec::new();
            for (id, name, color, hotkey) in raw {
                if !labels.iter().any(|l: &Label| l.id.0 == id) {
                    labels.push(Label { id: LabelId(id), name, color, hotkey });
                }
            }
            prop_assume!(old_rules_accept(&labels));
            let (set, _) = LabelSet::repair(labels.clone()).unwrap();
            prop_assert_eq!(check_label_set(set.labels()), Ok(()));
            let ids = |l: &[Label]| l.iter().map(|l| l.id.clone()).collect::<Vec<_>>();
            prop_assert_eq!(ids(set.labels()), ids(&labels));
        }
    }
}
