//! Why a file was refused, could not be read or could not be downloaded, as values: each variant carries what its sentence names, `Display`
//! says it in English, and `crate::i18n` says it in the interface's language.

use crate::model::facts::CLAIM_TYPES;
use crate::model::labels::LabelRule;
use crate::model::workspace::ActorsError;
use std::fmt;

use super::annota_json::OFFSET_UNIT;
use super::facts::{MAX_FIELD, MAX_ID};

/// Why a file was refused. Nothing in the workspace changes when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// `detail` is the JSON parser's own words.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// Nested deeper than the parser goes (128 levels), so hostile input cannot overflow the stack.
    TooDeep {
        line: usize,
        column: usize,
    },
    NotJsonLines {
        line: usize,
        detail: String,
    },
    UnknownFormat,
    NotAnnotaFormat,
    NoVersion,
    NewerVersion {
        version: u64,
        reads: u32,
    },
    /// The file does not have Annota JSON's shape; `detail` is the parser's own words.
    NotAnnota {
        detail: String,
    },
    OffsetUnit {
        found: String,
    },
    BadHeading,
    /// The label set breaks a rule that cannot be repaired without guessing.
    Labels(LabelRule),
    /// Labels the annotations use that the label set lacks; `known` are the set's ids.
    UnknownLabels {
        unknown: Vec<String>,
        known: Vec<String>,
    },
    OrphanLabel {
        orphan: String,
        label: String,
    },
    /// Annotation `n` (from 1) has offsets outside the text of `len` code points and no quote.
    OutsideText {
        n: usize,
        id: Option<String>,
        start: usize,
        end: usize,
        len: usize,
    },
    DuplicateId {
        id: String,
    },
    DuplicateActor {
        id: String,
    },
    /// Two layers of one article have the same id.
    DuplicateLayer {
        id: String,
    },
    /// A stored layer's annotations are not where their offsets say.
    LayerMoved {
        layer: String,
    },
    /// Empty, or with white space or control characters (`id` as Rust escapes it).
    BlankId {
        of: IdOf,
        id: String,
    },
    /// Longer than [`MAX_ID`] bytes; `start` is its first 16 characters.
    LongId {
        of: IdOf,
        start: String,
    },
    NoActorName {
        id: String,
    },
    UnknownActor {
        owner: Owner,
        actor: String,
    },
    /// The actors of an Annota JSON file, read as its own workspace, do not check out.
    InvalidActors(ActorsError),
    /// The actors of a file opened as a new article do not check out.
    ActorsDoNotAddUp(ActorsError),
    LongField {
        field: Field,
    },
    ControlCharacter {
        field: Field,
        value: String,
    },
    NotADate {
        field: Field,
        value: String,
    },
    EmptyScale,
    UnnamedVerdict,
    EmptyVerdict {
        owner: Owner,
    },
    UnknownClaimType {
        owner: Owner,
        found: String,
    },
    PageNotEmbedded {
        iri: String,
    },
    /// A doccano line (from 1) that is not what doccano writes.
    BadLine {
        line: usize,
        problem: LineProblem,
    },
    NoDocuments,
    NoTasks,
    NoTaskData,
    NoTaskText,
    NotLibrary,
    LibraryNoVersion,
    NewerLibrary {
        version: u64,
    },
    LibraryNoArticles,
    /// Article `n` (from 1) of a library file was refused.
    LibraryArticle {
        n: usize,
        error: Box<ImportError>,
    },
}

/// What a doccano line lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineProblem {
    NoText,
    LabelShape,
    LabelName,
    Start,
    End,
    EntityLabel,
    EntityStart,
    EntityEnd,
}

/// Whose fact-checking data a check is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    Annotation(String),
    Orphan(String),
}

/// Whose id a check is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdOf {
    Actor,
    Annotation,
    /// The actor an annotation or orphan links to.
    LinkedActor(Owner),
}

/// A short field of the fact-checking data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    ArticleTitle,
    ArticlePublisher,
    ArticleAuthor,
    ArticleUrl,
    ArticleDate,
    Organisation,
    OrganisationUrl,
    VerdictName,
    ActorName(String),
    Verdict(Owner),
    ReviewUrl(Owner),
    ReviewDate(Owner),
    EvidenceUrl(Owner),
    EvidenceTitle(Owner),
}

/// Why a file the user picked could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    TooLarge {
        name: String,
        mb: f64,
        limit_mb: f64,
    },
    Unreadable {
        name: String,
    },
    /// `position` is the byte where the text stops being UTF-8.
    NotUtf8 {
        name: String,
        position: usize,
    },
}

/// Why the browser did not start a download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DownloadError {
    /// The file could not be made into something the browser downloads (a blob and its URL).
    File,
    /// There is no page (document or body) to start the download from.
    NoPage,
    /// The link that starts the download could not be made.
    Link,
}

/// Files above this size are refused before they are read.
pub const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

impl FileError {
    /// A file of `bytes` may be read, or is refused before it is.
    pub fn check_size(name: &str, bytes: f64) -> Result<(), FileError> {
        if bytes > MAX_FILE_BYTES {
            return Err(FileError::TooLarge { name: name.to_string(), mb: bytes / 1_048_576.0, limit_mb: MAX_FILE_BYTES / 1_048_576.0 });
        }
        Ok(())
    }
}

/// The claim types a review may give, as the refusal lists them.
pub fn claim_type_keys() -> String {
    CLAIM_TYPES.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportError::*;
        match self {
            NotJson { line, column, detail } => write!(f, "not valid JSON at line {line}, column {column}: {detail}"),
            TooDeep { line, column } => write!(f, "not valid JSON at line {line}, column {column}: recursion limit exceeded"),
            NotJsonLines { line, detail } => write!(f, "not valid JSON Lines: line {line} ({detail})"),
            UnknownFormat => f.write_str("unknown format: not Annota JSON, W3C Web Annotation, doccano JSONL or Label Studio JSON"),
            NotAnnotaFormat => f.write_str("unknown format: not an Annota JSON file (no \"format\": \"annota\")"),
            NoVersion => f.write_str("not a valid Annota JSON file: it has no version number"),
            NewerVersion { version, reads } => {
                write!(f, "this file is Annota JSON version {version}, made by a newer Annota; this one reads up to version {reads}")
            }
            NotAnnota { detail } => write!(f, "not a valid Annota JSON file: {detail}"),
            OffsetUnit { found } => write!(f, "offset unit \"{found}\" is not supported; Annota JSON uses \"{OFFSET_UNIT}\""),
            BadHeading => f.write_str("a heading of the article does not start a paragraph, or its level is not 1 to 6"),
            Labels(rule) => write!(f, "its label set cannot be used: {}", rule.to_string().trim_end_matches('.')),
            UnknownLabels { unknown, known } => {
                let names: Vec<String> = unknown.iter().map(|l| format!("\"{l}\"")).collect();
                let verb = if unknown.len() > 1 { "are" } else { "is" };
                write!(f, "label {} {verb} not in the label set ({})", names.join(", "), known.join(", "))
            }
            OrphanLabel { orphan, label } => write!(f, "orphan \"{orphan}\": label \"{label}\" is not in the label set"),
            OutsideText { n, id, start, end, len } => write!(
                f,
                "annotation {n} (\"{}\"): span {start}..{end} is outside the text ({len} code points) and has no quote to find it by",
                id.as_deref().unwrap_or("no id")
            ),
            DuplicateId { id } => write!(f, "annotation id \"{id}\" appears twice"),
            DuplicateActor { id } => write!(f, "actor id \"{id}\" appears twice"),
            DuplicateLayer { id } => write!(f, "layer id \"{id}\" appears twice"),
            LayerMoved { layer } => write!(f, "the annotations of layer \"{layer}\" no longer match the text"),
            BlankId { of, id } => write!(f, "{of} id \"{id}\" is empty or contains white space"),
            LongId { of, start } => write!(f, "{of} id \"{start}…\" is longer than {MAX_ID} bytes"),
            NoActorName { id } => write!(f, "actor \"{id}\" has no name"),
            UnknownActor { owner, actor } => write!(f, "{owner} refers to actor \"{actor}\", which is not in the file"),
            InvalidActors(error) => write!(f, "not a valid Annota JSON file: {error}"),
            ActorsDoNotAddUp(error) => write!(f, "the file's actors do not add up: {error}"),
            LongField { field } => write!(f, "{field} is longer than {MAX_FIELD} characters"),
            ControlCharacter { field, value } => write!(f, "{field} \"{value}\" contains a control character"),
            NotADate { field, value } => write!(f, "{field} \"{value}\" is not a YYYY-MM-DD date"),
            EmptyScale => f.write_str("the verdict scale is empty"),
            UnnamedVerdict => f.write_str("a verdict of the scale has no name"),
            EmptyVerdict { owner } => write!(f, "{owner}: the verdict is empty (leave it out when undecided)"),
            UnknownClaimType { owner, found } => write!(f, "{owner}: claim type \"{found}\" is not one of {}", claim_type_keys()),
            PageNotEmbedded { iri } => {
                write!(f, "this AnnotationCollection does not embed its first page (it links to {iri}); export it with the page embedded")
            }
            BadLine { line, problem } => write!(f, "line {line}: {problem}"),
            NoDocuments => f.write_str("the file holds no documents"),
            NoTasks => f.write_str("the file holds no tasks"),
            NoTaskData => f.write_str("the task has no \"data\""),
            NoTaskText => f.write_str("the task's data has no text"),
            NotLibrary => f.write_str("not an Annota library file"),
            LibraryNoVersion => f.write_str("not a valid Annota library file: it has no version number"),
            NewerLibrary { version } => write!(f, "this library file is version {version}, made by a newer Annota; this one reads version 1"),
            LibraryNoArticles => f.write_str("not a valid Annota library file: no \"articles\" list"),
            LibraryArticle { n, error } => write!(f, "article {n} of the library file: {error}"),
        }
    }
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LineProblem::NoText => "no \"text\"",
            LineProblem::LabelShape => "each label must be [start, end, \"label\"]",
            LineProblem::LabelName => "a label name must be a string",
            LineProblem::Start => "a start offset is not a whole number",
            LineProblem::End => "an end offset is not a whole number",
            LineProblem::EntityLabel => "an entity has no label",
            LineProblem::EntityStart => "an entity has no start_offset",
            LineProblem::EntityEnd => "an entity has no end_offset",
        })
    }
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Owner::Annotation(id) => write!(f, "annotation \"{id}\""),
            Owner::Orphan(id) => write!(f, "orphan \"{id}\""),
        }
    }
}

impl fmt::Display for IdOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdOf::Actor => f.write_str("actor"),
            IdOf::Annotation => f.write_str("annotation"),
            IdOf::LinkedActor(owner) => write!(f, "{owner}: actor"),
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::ArticleTitle => f.write_str("the article's title"),
            Field::ArticlePublisher => f.write_str("the article's publisher"),
            Field::ArticleAuthor => f.write_str("the article's author"),
            Field::ArticleUrl => f.write_str("the article's URL"),
            Field::ArticleDate => f.write_str("the article's date"),
            Field::Organisation => f.write_str("the organisation"),
            Field::OrganisationUrl => f.write_str("the organisation's URL"),
            Field::VerdictName => f.write_str("a verdict name"),
            Field::ActorName(id) => write!(f, "the name of actor \"{id}\""),
            Field::Verdict(owner) => write!(f, "{owner}: the verdict"),
            Field::ReviewUrl(owner) => write!(f, "{owner}: the review URL"),
            Field::ReviewDate(owner) => write!(f, "{owner}: the review date"),
            Field::EvidenceUrl(owner) => write!(f, "{owner}: an evidence URL"),
            Field::EvidenceTitle(owner) => write!(f, "{owner}: an evidence title"),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge { name, mb, limit_mb } => write!(f, "\"{name}\" is {mb:.1} MB; Annota opens files up to {limit_mb} MB"),
            FileError::Unreadable { name } => write!(f, "\"{name}\" could not be read"),
            FileError::NotUtf8 { name, position } => write!(f, "\"{name}\" is not UTF-8 text (invalid byte at position {position})"),
        }
    }
}

impl fmt::Display for DownloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DownloadError::File => "the browser could not prepare the file for download",
            DownloadError::NoPage => "there is no page to start the download from",
            DownloadError::Link => "the browser could not make the download link",
        })
    }
}

impl std::error::Error for ImportError {}
impl std::error::Error for FileError {}
