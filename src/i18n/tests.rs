//! The interface's languages: the table, every message of the core in Arabic, and an Arabic entry
//! for every string the view hands the translator (read from its source by `scan.rs`).

use super::*;

#[test]
fn arabic_replaces_english_and_keeps_placeholders() {
    let ar = Tr(Lang::Ar);
    assert_eq!(ar.t("Undo"), "تراجع");
    assert_eq!(ar.t("A string nobody translated"), "A string nobody translated");
    assert_eq!(ar.f("Annotations ({})", &[&7]), "التعليقات (7)");
    assert_eq!(Tr(Lang::En).f("Evidence {} URL", &[&2]), "Evidence 2 URL");
    for (en, ar) in ar::TABLE.iter().chain(super::ar_layers::TABLE) {
        assert_eq!(en.matches("{}").count(), ar.matches("{}").count(), "placeholders of {en:?}");
    }
    let mut keys: Vec<&str> = ar::TABLE.iter().chain(super::ar_layers::TABLE).map(|(k, _)| *k).collect();
    keys.sort_unstable();
    let before = keys.len();
    keys.dedup();
    assert_eq!(before, keys.len(), "each English string once");
}

#[test]
fn the_language_comes_from_a_code() {
    assert_eq!(Lang::from_code("ar-EG"), Some(Lang::Ar));
    assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_code("fr"), None);
}

/// Every message of the core reads differently in Arabic, with its arguments filled in and no
/// placeholder left. `variant` matches without a wildcard, so a new variant does not compile
/// until it is listed there; the samples must then cover it too.
fn assert_all_translated<M: Message>(what: &str, samples: &[M], variant: fn(&M) -> usize, count: usize) {
    let mut seen: Vec<usize> = samples.iter().map(variant).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, (0..count).collect::<Vec<_>>(), "{what}: a sample of every variant");
    for m in samples {
        let (en, ar) = (m.english(), m.arabic());
        assert!(!ar.trim().is_empty(), "{what}: {en:?} has no Arabic");
        assert_ne!(en, ar, "{what}: {en:?} is not translated");
        assert!(ar.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{what}: {ar:?} is not Arabic");
        assert!(!ar.contains("{}") && !ar.contains('{'), "{what}: {ar:?} keeps a placeholder");
        assert_eq!(Tr(Lang::Ar).msg(m), ar);
        assert_eq!(Tr(Lang::En).msg(m), m.to_string());
    }
}

#[test]
fn every_message_of_the_core_has_its_own_arabic() {
    use crate::model::format::claimreview;
    use crate::model::format::placing::{ImportNote, ImportSummary, Rejected};
    use crate::model::format::{Field, FileError, IdOf, ImportError as E, LineProblem, Owner};
    use crate::model::labels::{KeyProblem, LabelRepair, LabelRule};
    use crate::model::library::IndexError;
    use crate::model::persist::{ParkedError, Stopped, StoredError, UnreadableReason, WriteError};
    use crate::model::text::CharOffset;
    use crate::model::workspace::{ActorsError, AnnotationError, LabelSetError};

    let s = |t: &str| t.to_string();
    let ann = || Owner::Annotation(s("a1"));
    let orphan = || Owner::Orphan(s("o1"));
    let actors = ActorsError::Missing { annotation: s("a1"), actor: s("p") };
    let fields = [
        Field::ArticleTitle,
        Field::ArticlePublisher,
        Field::ArticleAuthor,
        Field::ArticleUrl,
        Field::ArticleDate,
        Field::Organisation,
        Field::OrganisationUrl,
        Field::VerdictName,
        Field::ActorName(s("p")),
        Field::Verdict(ann()),
        Field::ReviewUrl(orphan()),
        Field::ReviewDate(ann()),
        Field::EvidenceUrl(ann()),
        Field::EvidenceTitle(orphan()),
    ];
    let problems = [
        LineProblem::NoText,
        LineProblem::LabelShape,
        LineProblem::LabelName,
        LineProblem::Start,
        LineProblem::End,
        LineProblem::EntityLabel,
        LineProblem::EntityStart,
        LineProblem::EntityEnd,
    ];
    let mut import = vec![
        E::NotJson { line: 2, column: 3, detail: s("expected value") },
        E::TooDeep { line: 1, column: 129 },
        E::NotJsonLines { line: 2, detail: s("EOF while parsing") },
        E::UnknownFormat,
        E::NotAnnotaFormat,
        E::NoVersion,
        E::NewerVersion { version: 9, reads: 2 },
        E::NotAnnota { detail: s("missing field `labels`") },
        E::OffsetUnit { found: s("utf16") },
        E::BadHeading,
        E::Labels(LabelRule::NoLabels),
        E::UnknownLabels { unknown: vec![s("PERSON")], known: vec![s("claim"), s("quote")] },
        E::UnknownLabels { unknown: vec![s("PERSON"), s("ORG")], known: vec![s("claim")] },
        E::OrphanLabel { orphan: s("o1"), label: s("verdict") },
        E::OutsideText { n: 1, id: Some(s("a1")), start: 5, end: 50, len: 7 },
        E::OutsideText { n: 2, id: None, start: 5, end: 50, len: 7 },
        E::DuplicateId { id: s("a1") },
        E::DuplicateActor { id: s("p") },
        E::DuplicateLayer { id: s("ann") },
        E::LayerMoved { layer: s("ann") },
        E::BlankId { of: IdOf::Actor, id: s("a b") },
        E::BlankId { of: IdOf::Annotation, id: s("") },
        E::LongId { of: IdOf::LinkedActor(ann()), start: s("xxxxxxxxxxxxxxxx") },
        E::NoActorName { id: s("p") },
        E::UnknownActor { owner: orphan(), actor: s("zz") },
        E::InvalidActors(actors.clone()),
        E::ActorsDoNotAddUp(ActorsError::Duplicate { id: s("p") }),
        E::EmptyScale,
        E::UnnamedVerdict,
        E::EmptyVerdict { owner: ann() },
        E::UnknownClaimType { owner: ann(), found: s("rumour") },
        E::PageNotEmbedded { iri: s("https://example.org/page1") },
        E::NoDocuments,
        E::NoTasks,
        E::NoTaskData,
        E::NoTaskText,
        E::NotLibrary,
        E::LibraryNoVersion,
        E::NewerLibrary { version: 3 },
        E::LibraryNoArticles,
        E::LibraryArticle { n: 1, error: Box::new(E::Labels(LabelRule::NoLabels)) },
    ];
    import.extend(fields.iter().map(|f| E::LongField { field: f.clone() }));
    import.extend(fields.iter().map(|f| E::ControlCharacter { field: f.clone(), value: s("a\\nb") }));
    import.extend(fields.iter().map(|f| E::NotADate { field: f.clone(), value: s("29/11/2026") }));
    import.extend(problems.iter().map(|&problem| E::BadLine { line: 3, problem }));
    assert_all_translated(
        "ImportError",
        &import,
        |e| match e {
            E::NotJson { .. } => 0,
            E::TooDeep { .. } => 1,
            E::NotJsonLines { .. } => 2,
            E::UnknownFormat => 3,
            E::NotAnnotaFormat => 4,
            E::NoVersion => 5,
            E::NewerVersion { .. } => 6,
            E::NotAnnota { .. } => 7,
            E::OffsetUnit { .. } => 8,
            E::BadHeading => 9,
            E::Labels(_) => 10,
            E::UnknownLabels { .. } => 11,
            E::OrphanLabel { .. } => 12,
            E::OutsideText { .. } => 13,
            E::DuplicateId { .. } => 14,
            E::DuplicateActor { .. } => 15,
            E::BlankId { .. } => 16,
            E::LongId { .. } => 17,
            E::NoActorName { .. } => 18,
            E::UnknownActor { .. } => 19,
            E::InvalidActors(_) => 20,
            E::ActorsDoNotAddUp(_) => 21,
            E::LongField { .. } => 22,
            E::ControlCharacter { .. } => 23,
            E::NotADate { .. } => 24,
            E::EmptyScale => 25,
            E::UnnamedVerdict => 26,
            E::EmptyVerdict { .. } => 27,
            E::UnknownClaimType { .. } => 28,
            E::PageNotEmbedded { .. } => 29,
            E::BadLine { .. } => 30,
            E::NoDocuments => 31,
            E::NoTasks => 32,
            E::NoTaskData => 33,
            E::NoTaskText => 34,
            E::NotLibrary => 35,
            E::LibraryNoVersion => 36,
            E::NewerLibrary { .. } => 37,
            E::LibraryNoArticles => 38,
            E::LibraryArticle { .. } => 39,
            E::DuplicateLayer { .. } => 40,
            E::LayerMoved { .. } => 41,
        },
        42,
    );
    // The fields and line problems inside a sentence are said in Arabic too.
    for f in &fields {
        let ar = E::LongField { field: f.clone() }.arabic();
        assert!(!ar.contains(&f.to_string()), "{f}: {ar}");
    }
    for &problem in &problems {
        let ar = E::BadLine { line: 3, problem }.arabic();
        assert!(!ar.contains(&problem.to_string()), "{problem}: {ar}");
    }

    let files = [
        FileError::TooLarge { name: s("big.json"), mb: 25.3, limit_mb: 20.0 },
        FileError::Unreadable { name: s("a.txt") },
        FileError::NotUtf8 { name: s("a.txt"), position: 12 },
    ];
    assert_all_translated(
        "FileError",
        &files,
        |e| match e {
            FileError::TooLarge { .. } => 0,
            FileError::Unreadable { .. } => 1,
            FileError::NotUtf8 { .. } => 2,
        },
        3,
    );

    let full = || WriteError::Full(s("QuotaExceededError"));
    let stops = [Stopped::Saved, Stopped::WhileSaving, Stopped::Paused(WriteError::Unreadable), Stopped::NotSaved(full())];
    let stop = |e: &Stopped| match e {
        Stopped::Saved => 0,
        Stopped::WhileSaving => 1,
        Stopped::Paused(_) => 2,
        Stopped::NotSaved(_) => 3,
    };
    assert_all_translated("Stopped", &stops, stop, 4);
    use crate::model::format::DownloadError as D;
    assert_all_translated(
        "DownloadError",
        &[D::File, D::NoPage, D::Link],
        |e| match e {
            D::File => 0,
            D::NoPage => 1,
            D::Link => 2,
        },
        3,
    );
    use crate::model::structure::HtmlError as H;
    assert_all_translated(
        "HtmlError",
        &[H::NoParser, H::Unparsable, H::NoContent],
        |e| match e {
            H::NoParser => 0,
            H::Unparsable => 1,
            H::NoContent => 2,
        },
        3,
    );

    let rejected = [
        Rejected::NoOffsetsNorQuote { n: 1 },
        Rejected::NotTextLabel { n: 2, kind: s("\"choices\"") },
        Rejected::NotAnObject { n: 3 },
        Rejected::NoLabelBody { n: 4 },
        Rejected::NoSelector { n: 5 },
    ];
    assert_all_translated(
        "Rejected",
        &rejected,
        |r| match r {
            Rejected::NoOffsetsNorQuote { .. } => 0,
            Rejected::NotTextLabel { .. } => 1,
            Rejected::NotAnObject { .. } => 2,
            Rejected::NoLabelBody { .. } => 3,
            Rejected::NoSelector { .. } => 4,
        },
        5,
    );
    let notes = [
        ImportNote::LabelRepaired(LabelRepair::Named { n: 2, name: s("quote") }),
        ImportNote::Utf16Converted,
        ImportNote::TextDiffers,
        ImportNote::ExtraDocuments { n: 2 },
        ImportNote::ExtraTasks { n: 3 },
        ImportNote::ExtraAnnotators { n: 2 },
        ImportNote::RelationsSkipped { n: 1 },
        ImportNote::RelationsSkipped { n: 4 },
    ];
    assert_all_translated(
        "ImportNote",
        &notes,
        |n| match n {
            ImportNote::Utf16Converted => 0,
            ImportNote::TextDiffers => 1,
            ImportNote::ExtraDocuments { .. } => 2,
            ImportNote::ExtraTasks { .. } => 3,
            ImportNote::RelationsSkipped { .. } => 4,
            ImportNote::LabelRepaired(_) => 5,
            ImportNote::ExtraAnnotators { .. } => 6,
        },
        7,
    );
    let mut summary = ImportSummary::new("Label Studio");
    let plain = summary.clone();
    (summary.placed_exactly, summary.moved, summary.fuzzy, summary.orphaned) = (3, 2, 1, 1);
    summary.rejected = rejected.to_vec();
    summary.notes = notes.to_vec();
    assert_all_translated("ImportSummary", &[plain, summary], |_| 0, 1);

    let annotation = [
        AnnotationError::OutsideText { start: CharOffset(3), end: CharOffset(90) },
        AnnotationError::UnknownLabel { label: s("verdict") },
        AnnotationError::UnknownActor { actor: s("p") },
    ];
    assert_all_translated(
        "AnnotationError",
        &annotation,
        |e| match e {
            AnnotationError::OutsideText { .. } => 0,
            AnnotationError::UnknownLabel { .. } => 1,
            AnnotationError::UnknownActor { .. } => 2,
        },
        3,
    );
    let actor_errors = [actors.clone(), ActorsError::Duplicate { id: s("p") }];
    assert_all_translated(
        "ActorsError",
        &actor_errors,
        |e| match e {
            ActorsError::Missing { .. } => 0,
            ActorsError::Duplicate { .. } => 1,
        },
        2,
    );
    let label_sets = [LabelSetError::Invalid(LabelRule::NoLabels), LabelSetError::InUse { name: s("Claim") }];
    let rules = [
        LabelRule::NoLabels,
        LabelRule::BadId { n: 2, id: s("") },
        LabelRule::NoName { n: 2 },
        LabelRule::SameName { name: s("Claim") },
        LabelRule::NotRrggbb { name: s("Claim"), colour: s("red") },
        LabelRule::KeyLength { name: s("Claim"), key: s("12") },
        LabelRule::KeyInvisible { name: s("Claim") },
        LabelRule::KeyReserved { name: s("Claim"), key: s("L") },
        LabelRule::KeyTaken { name: s("Claim"), key: s("2") },
    ];
    assert_all_translated(
        "LabelRule",
        &rules,
        |r| match r {
            LabelRule::NoLabels => 0,
            LabelRule::BadId { .. } => 1,
            LabelRule::NoName { .. } => 2,
            LabelRule::SameName { .. } => 3,
            LabelRule::NotRrggbb { .. } => 4,
            LabelRule::KeyLength { .. } => 5,
            LabelRule::KeyInvisible { .. } => 6,
            LabelRule::KeyReserved { .. } => 7,
            LabelRule::KeyTaken { .. } => 8,
        },
        9,
    );
    let repairs = [
        LabelRepair::Colour { n: 1, label: Some(s("Claim")), from: s("#f50"), to: s("#ff5500") },
        LabelRepair::Colour { n: 1, label: None, from: s("#f50"), to: s("#ff5500") },
        LabelRepair::Named { n: 2, name: s("quote") },
        LabelRepair::Renamed { name: s("Claim"), renamed: s("Claim 2") },
        LabelRepair::KeyDropped { label: s("Claim"), key: s("n"), why: KeyProblem::Reserved },
        LabelRepair::KeyDropped { label: s("Claim"), key: s("1"), why: KeyProblem::Taken },
    ];
    assert_all_translated(
        "LabelRepair",
        &repairs,
        |r| match r {
            LabelRepair::Colour { .. } => 0,
            LabelRepair::Named { .. } => 1,
            LabelRepair::Renamed { .. } => 2,
            LabelRepair::KeyDropped { .. } => 3,
        },
        4,
    );
    assert_all_translated(
        "LabelSetError",
        &label_sets,
        |e| match e {
            LabelSetError::Invalid(_) => 0,
            LabelSetError::InUse { .. } => 1,
        },
        2,
    );

    let stored = [
        StoredError::NotJson { detail: s("EOF while parsing a value at line 1 column 30") },
        StoredError::NoSchema,
        StoredError::NewerSchema { found: 7, reads: 2 },
        StoredError::Unexpected { detail: s("missing field `id`") },
        StoredError::OtherArticle { id: s("urn:annota:article:1") },
        StoredError::NoLongerMatch { n: 3 },
        StoredError::Invalid(E::Labels(LabelRule::NoLabels)),
        StoredError::Actors(actors.clone()),
    ];
    assert_all_translated(
        "StoredError",
        &stored,
        |e| match e {
            StoredError::NotJson { .. } => 0,
            StoredError::NoSchema => 1,
            StoredError::NewerSchema { .. } => 2,
            StoredError::Unexpected { .. } => 3,
            StoredError::OtherArticle { .. } => 4,
            StoredError::NoLongerMatch { .. } => 5,
            StoredError::Invalid(_) => 6,
            StoredError::Actors(_) => 7,
        },
        8,
    );
    let unreadable = [
        UnreadableReason::AnnotationsWithoutArticle,
        UnreadableReason::Article(StoredError::NoSchema),
        UnreadableReason::ArticleOfAnnotations,
        UnreadableReason::Annotations(StoredError::NoLongerMatch { n: 2 }),
        UnreadableReason::Index(IndexError::Newer { schema: 9 }),
    ];
    assert_all_translated(
        "UnreadableReason",
        &unreadable,
        |r| match r {
            UnreadableReason::AnnotationsWithoutArticle => 0,
            UnreadableReason::Article(_) => 1,
            UnreadableReason::ArticleOfAnnotations => 2,
            UnreadableReason::Annotations(_) => 3,
            UnreadableReason::Index(_) => 4,
        },
        5,
    );
    let writes = [WriteError::Full(s("QuotaExceededError")), WriteError::Unavailable, WriteError::Unreadable];
    assert_all_translated(
        "WriteError",
        &writes,
        |e| match e {
            WriteError::Full(_) => 0,
            WriteError::Unavailable => 1,
            WriteError::Unreadable => 2,
        },
        3,
    );
    let parked = [ParkedError::Unreadable(UnreadableReason::ArticleOfAnnotations), ParkedError::Empty];
    assert_all_translated(
        "ParkedError",
        &parked,
        |e| match e {
            ParkedError::Unreadable(_) => 0,
            ParkedError::Empty => 1,
        },
        2,
    );
    let note =
        |reviewed, undecided, orphaned, off_scale, no_url, has_author| claimreview::Note { reviewed, undecided, orphaned, off_scale, no_url, has_author };
    let notes = [note(0, 0, 0, 0, 0, false), note(0, 2, 0, 0, 0, false), note(2, 1, 1, 1, 1, false), note(1, 0, 0, 0, 0, true)];
    assert_all_translated("claimreview::Note", &notes, |_| 0, 1);
    let index = [IndexError::Unreadable { detail: s("expected value") }, IndexError::Newer { schema: 4 }];
    assert_all_translated(
        "IndexError",
        &index,
        |e| match e {
            IndexError::Unreadable { .. } => 0,
            IndexError::Newer { .. } => 1,
        },
        2,
    );
    let mut restore = crate::model::library::RestoreReport { restored: 1, backed_up: 1, ..Default::default() };
    restore.left_as_it_was(s("first"), WriteError::Full(s("QuotaExceededError")));
    restore.not_stored(s("second"), WriteError::Unavailable);
    assert_all_translated("RestoreReport", &[restore], |_| 0, 1);
}

#[test]
fn a_refusal_reads_in_arabic_with_what_it_names() {
    let e = crate::model::format::ImportError::UnknownLabels { unknown: vec!["PERSON".into()], known: vec!["claim".into(), "quote".into()] };
    assert_eq!(e.to_string(), "label \"PERSON\" is not in the label set (claim, quote)");
    assert_eq!(Tr(Lang::Ar).msg(&e), "التصنيف «PERSON» ليس في مجموعة التصنيفات (claim، quote)");
    let wrapped = Tr(Lang::Ar).f("Could not import: {}. Nothing was changed.", &[&Tr(Lang::Ar).msg(&e)]);
    assert!(wrapped.starts_with("تعذّر الاستيراد: التصنيف «PERSON»"), "{wrapped}");
}

/// Every English string the view (and the bridge) hands the translator (`tr.t("…")`, `tr.f("…", …)`, the plural of
/// `tr.plural(n, one, "…", …)`, a notice's text, the shortcuts' descriptions; see `scan.rs`) and
/// every name the core gives it to translate (statuses, actor kinds, claim types, underline
/// patterns, suggestion kinds, an orphan's reason) has an entry in `ar::TABLE`.
#[test]
fn every_string_the_view_translates_has_arabic() {
    use crate::model::facts::{ActorKind, Status, CLAIM_TYPES};
    use crate::model::labels::Pattern;

    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (mut english, mut unreadable) = super::scan::translated_in(&src.join("app"));
    let (bridge, bridge_unreadable) = super::scan::translated_in(&src.join("bridge"));
    english.extend(bridge);
    unreadable.extend(bridge_unreadable);
    assert!(english.len() > 200, "the reader found the view's strings: {}", english.len());
    assert!(english.contains("Move between controls; the article takes focus like a control (Skip to article jumps there)"), "and the shortcuts");
    assert!(unreadable.is_empty(), "calls this test cannot read (hand tr the English literal):\n{}", unreadable.join("\n"));
    english.extend(Status::ALL.iter().map(|s| s.name().to_string()));
    english.extend(ActorKind::ALL.iter().map(|k| k.name().to_string()));
    english.extend(CLAIM_TYPES.iter().map(|(_, name)| name.to_string()));
    english.extend(Pattern::ALL.iter().map(|p| p.name().to_string()));
    english.extend(crate::model::team::member::Role::ALL.iter().map(|r| r.name().to_string()));
    for kind in crate::model::suggest::Kind::ALL {
        english.extend([kind.name().to_string(), kind.one_name().to_string()]);
    }
    let kinds = crate::model::agreement::ItemKind::ALL.map(|k| k.name()).into_iter().chain(crate::model::layers::Decision::ALL.map(|d| d.name()));
    english.extend(kinds.chain(crate::model::agreement::report::DEFINITIONS.iter().map(|(_, d)| *d)).map(String::from));
    english.insert(crate::model::format::placing::QUOTE_NOT_FOUND.to_string()); // an orphan's reason, shown translated
    let missing: Vec<&String> = english.iter().filter(|e| !ar::TABLE.iter().chain(super::ar_layers::TABLE).any(|(en, _)| en == e)).collect();
    assert!(missing.is_empty(), "{} strings of the view have no Arabic in src/i18n/ar.rs:\n{:#?}", missing.len(), missing);
}
