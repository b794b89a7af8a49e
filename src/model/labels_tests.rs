//! One label set through the three ways in: the label editor refuses every set that breaks a rule;
//! an Annota JSON import and storage repair it the same way (with a notice) or refuse it the same way.

use super::*;
use crate::model::format::annota_json;
use crate::model::labels::default_labels;
use crate::model::persist;
use crate::model::testkit::{ann, sample_workspace};
use crate::model::workspace::Workspace;
use proptest::prelude::*;

fn workspace() -> Workspace {
    sample_workspace(vec![ann("a", 0, 5, "claim")])
}

/// `json` with its `labels` replaced by `labels`.
fn with_labels(json: &str, labels: &[Label]) -> String {
    let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["labels"] = serde_json::to_value(labels).unwrap();
    v.to_string()
}

/// A change to the default label set.
type Edit = fn(&mut Vec<Label>);

enum Outcome {
    /// The set after repair (as a change to the broken one), and words the notice says.
    Repaired(Edit, &'static str),
    /// Words the refusal says.
    Refused(&'static str),
}
use Outcome::*;

fn cases() -> Vec<(&'static str, Edit, Outcome)> {
    vec![
        ("#rgb colour", |l| l[0].color = "#abc".into(), Repaired(|l| l[0].color = "#aabbcc".into(), "colour \"#abc\" is now \"#aabbcc\"")),
        ("#rgba colour", |l| l[1].color = "#AbCd".into(), Repaired(|l| l[1].color = "#aabbcc".into(), "is now \"#aabbcc\"")),
        ("#rrggbbaa colour", |l| l[2].color = "#009e7380".into(), Repaired(|l| l[2].color = "#009e73".into(), "is now \"#009e73\"")),
        ("repeated name", |l| l[1].name = "CLAIM".into(), Repaired(|l| l[1].name = "CLAIM 2".into(), "the second is now \"CLAIM 2\"")),
        ("no name", |l| l[1].name = " ".into(), Repaired(|l| l[1].name = "quote".into(), "called \"quote\", as its id")),
        ("reserved key", |l| l[0].hotkey = Some("L".into()), Repaired(|l| l[0].hotkey = None, "key \"L\" is used by another feature")),
        ("a suggestion's key", |l| l[1].hotkey = Some("A".into()), Repaired(|l| l[1].hotkey = None, "key \"A\" is used by another feature")),
        ("navigation key", |l| l[0].hotkey = Some("n".into()), Repaired(|l| l[0].hotkey = None, "key \"n\" is used by another feature")),
        ("repeated key", |l| l[1].hotkey = Some("1".into()), Repaired(|l| l[1].hotkey = None, "key \"1\" is already used")),
        (
            "key repeated in another case",
            |l| {
                l[1].hotkey = Some("b".into());
                l[2].hotkey = Some("B".into());
            },
            Repaired(|l| l[2].hotkey = None, "key \"B\" is already used"),
        ),
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

                let (ws, summary) = imported.unwrap_or_else(|e| panic!("{rule}: import refused: {}", e));
                assert_eq!(*ws.labels, expected, "{rule}: import");
                assert!(summary.to_string().contains(says), "{rule}: {:?} should say {says:?}", summary.to_string());
                let mut edited = expected.clone();
                edited[0].name = "Assertion".into();
                assert_eq!(ws.check_new_labels(&edited), Ok(()), "{rule}: after the import, labels can be edited");

                assert!(decoded.unreadable.is_empty(), "{rule}: storage: {:?}", decoded.unreadable);
                let ws = decoded.workspace.unwrap();
                assert_eq!(*ws.labels, expected, "{rule}: storage");
                assert_eq!(ws.annotations.len(), 1, "{rule}: storage keeps the annotations");
                assert!(decoded.label_repairs.iter().any(|n| n.to_string().contains(says)), "{rule}: {:?} should say {says:?}", decoded.label_repairs);
            }
            Refused(says) => {
                let err = imported.err().unwrap_or_else(|| panic!("{rule}: import accepted it"));
                assert!(err.to_string().contains(says), "{rule}: {:?} should say {says:?}", err);
                assert!(decoded.unreadable.iter().any(|u| u.reason.to_string().contains(says)), "{rule}: storage keeps it aside: {:?}", decoded.unreadable);
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
