//! Arabic: the core's messages (errors, import summaries, storage), each variant filled into its
//! own Arabic sentence.

// Each variant is its own sentence; quoted values go in «», and what a file
// or the JSON parser says (ids, serde's words) is shown as it is.

use super::Message;
use crate::model::format::annota_json::OFFSET_UNIT;
use crate::model::format::claimreview;
use crate::model::format::error::claim_type_keys;
use crate::model::format::facts::{MAX_FIELD, MAX_ID};
use crate::model::format::placing::{ImportNote, ImportSummary, Rejected};
use crate::model::format::{DownloadError, Field, FileError, IdOf, ImportError, LineProblem, Owner};
use crate::model::labels::{KeyProblem, LabelRepair, LabelRule};
use crate::model::library::{quoted_titles, IndexError, RestoreReport};
use crate::model::persist::{ParkedError, Stopped, StoredError, UnreadableReason, WriteError};
use crate::model::structure::HtmlError;
use crate::model::workspace::{ActorsError, AnnotationError, LabelSetError};

fn owner(o: &Owner) -> String {
    match o {
        Owner::Annotation(id) => format!("التعليق «{id}»"),
        Owner::Orphan(id) => format!("التعليق اليتيم «{id}»"),
    }
}

/// "The id of …", as the start of a sentence.
fn id_of(of: &IdOf) -> String {
    match of {
        IdOf::Actor => "معرّف الفاعل".to_string(),
        IdOf::Annotation => "معرّف التعليق".to_string(),
        IdOf::LinkedActor(o) => format!("{}: معرّف الفاعل", owner(o)),
    }
}

fn field(f: &Field) -> String {
    match f {
        Field::ArticleTitle => "عنوان المقال".to_string(),
        Field::ArticlePublisher => "ناشر المقال".to_string(),
        Field::ArticleAuthor => "كاتب المقال".to_string(),
        Field::ArticleUrl => "رابط المقال".to_string(),
        Field::ArticleDate => "تاريخ المقال".to_string(),
        Field::Organisation => "اسم جهة التحقق".to_string(),
        Field::OrganisationUrl => "رابط جهة التحقق".to_string(),
        Field::VerdictName => "اسم حكم".to_string(),
        Field::ActorName(id) => format!("اسم الفاعل «{id}»"),
        Field::Verdict(o) => format!("{}: الحكم", owner(o)),
        Field::ReviewUrl(o) => format!("{}: رابط المراجعة", owner(o)),
        Field::ReviewDate(o) => format!("{}: تاريخ المراجعة", owner(o)),
        Field::EvidenceUrl(o) => format!("{}: رابط دليل", owner(o)),
        Field::EvidenceTitle(o) => format!("{}: عنوان دليل", owner(o)),
    }
}

fn line_problem(p: LineProblem) -> &'static str {
    match p {
        LineProblem::NoText => "لا \"text\" فيه",
        LineProblem::LabelShape => "يجب أن يكون كل تصنيف [start, end, \"label\"]",
        LineProblem::LabelName => "اسم التصنيف يجب أن يكون نصًا",
        LineProblem::Start => "إزاحة بداية ليست عددًا صحيحًا",
        LineProblem::End => "إزاحة نهاية ليست عددًا صحيحًا",
        LineProblem::EntityLabel => "كيان بلا تصنيف",
        LineProblem::EntityStart => "كيان بلا start_offset",
        LineProblem::EntityEnd => "كيان بلا end_offset",
    }
}

fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("«{n}»")).collect::<Vec<_>>().join("، ")
}

impl Message for ImportError {
    fn arabic(&self) -> String {
        use ImportError::*;
        match self {
            NotJson { line, column, detail } => format!("ليس JSON صالحًا في السطر {line}، العمود {column}: {detail}"),
            TooDeep { line, column } => format!("ليس JSON صالحًا في السطر {line}، العمود {column}: التداخل أعمق من الحد المسموح به"),
            NotJsonLines { line, detail } => format!("ليس JSON Lines صالحًا: السطر {line} ({detail})"),
            UnknownFormat => "صيغة غير معروفة: ليس Annota JSON ولا W3C Web Annotation ولا doccano JSONL ولا Label Studio JSON".to_string(),
            NotAnnotaFormat => "صيغة غير معروفة: ليس ملف Annota JSON (لا يحتوي على \"format\": \"annota\")".to_string(),
            NoVersion => "ليس ملف Annota JSON صالحًا: لا رقم إصدار فيه".to_string(),
            NewerVersion { version, reads } => {
                format!("هذا الملف بصيغة Annota JSON الإصدار {version}، صنعه Annota أحدث؛ وهذا يقرأ حتى الإصدار {reads}")
            }
            NotAnnota { detail } => format!("ليس ملف Annota JSON صالحًا: {detail}"),
            OffsetUnit { found } => format!("وحدة الإزاحة «{found}» غير مدعومة؛ يستخدم Annota JSON «{OFFSET_UNIT}»"),
            BadHeading => "أحد عناوين المقال لا يبدأ فقرة، أو مستواه ليس من 1 إلى 6".to_string(),
            Labels(rule) => format!("لا يمكن استخدام مجموعة تصنيفاته: {}", rule.arabic().trim_end_matches('.')),
            UnknownLabels { unknown, known } if unknown.len() == 1 => {
                format!("التصنيف {} ليس في مجموعة التصنيفات ({})", quoted(unknown), known.join("، "))
            }
            UnknownLabels { unknown, known } => format!("التصنيفات {} ليست في مجموعة التصنيفات ({})", quoted(unknown), known.join("، ")),
            OrphanLabel { orphan, label } => format!("التعليق اليتيم «{orphan}»: التصنيف «{label}» ليس في مجموعة التصنيفات"),
            OutsideText { n, id, start, end, len } => {
                let id = id.as_ref().map_or_else(|| "بلا معرّف".to_string(), |id| format!("«{id}»"));
                format!("التعليق {n} ({id}): المقطع {start}..{end} خارج النص (طوله {len} محرفًا) ولا اقتباس يُعثر عليه به")
            }
            DuplicateId { id } => format!("معرّف التعليق «{id}» مكرر"),
            DuplicateActor { id } => format!("معرّف الفاعل «{id}» مكرر"),
            DuplicateLayer { id } => format!("معرّف الطبقة «{id}» مكرر"),
            LayerMoved { layer } => format!("تعليقات الطبقة «{layer}» لم تعد تطابق النص"),
            BlankId { of, id } => format!("{} «{id}» فارغ أو فيه مسافة", id_of(of)),
            LongId { of, start } => format!("{} «{start}…» أطول من {MAX_ID} بايت", id_of(of)),
            NoActorName { id } => format!("الفاعل «{id}» بلا اسم"),
            UnknownActor { owner: o, actor } => format!("{} يشير إلى الفاعل «{actor}» وهو غير موجود في الملف", owner(o)),
            InvalidActors(e) => format!("ليس ملف Annota JSON صالحًا: {}", e.arabic()),
            ActorsDoNotAddUp(e) => format!("فاعلو الملف غير متسقين: {}", e.arabic()),
            LongField { field: f } => format!("{} أطول من {MAX_FIELD} حرفًا", field(f)),
            ControlCharacter { field: f, value } => format!("{} «{value}» فيه محرف تحكم", field(f)),
            NotADate { field: f, value } => format!("{} «{value}» ليس تاريخًا بصيغة YYYY-MM-DD", field(f)),
            EmptyScale => "سلّم الأحكام فارغ".to_string(),
            UnnamedVerdict => "أحد أحكام السلّم بلا اسم".to_string(),
            EmptyVerdict { owner: o } => format!("{}: الحكم فارغ (اتركه إن لم يُحسم)", owner(o)),
            UnknownClaimType { owner: o, found } => format!("{}: نوع الادعاء «{found}» ليس واحدًا من {}", owner(o), claim_type_keys()),
            PageNotEmbedded { iri } => {
                format!("مجموعة AnnotationCollection هذه لا تتضمن صفحتها الأولى (بل تربط إلى {iri})؛ صدّرها مع تضمين الصفحة")
            }
            BadLine { line, problem } => format!("السطر {line}: {}", line_problem(*problem)),
            NoDocuments => "لا مستندات في الملف".to_string(),
            NoTasks => "لا مهام في الملف".to_string(),
            NoTaskData => "المهمة بلا \"data\"".to_string(),
            NoTaskText => "بيانات المهمة بلا نص".to_string(),
            NotLibrary => "ليس ملف مكتبة Annota".to_string(),
            LibraryNoVersion => "ليس ملف مكتبة Annota صالحًا: لا رقم إصدار فيه".to_string(),
            NewerLibrary { version } => format!("ملف المكتبة هذا من الإصدار {version}، صنعه Annota أحدث؛ وهذا يقرأ الإصدار 1"),
            LibraryNoArticles => "ليس ملف مكتبة Annota صالحًا: لا قائمة \"articles\" فيه".to_string(),
            LibraryArticle { n, error } => format!("المقال {n} في ملف المكتبة: {}", error.arabic()),
        }
    }
}

impl Message for FileError {
    fn arabic(&self) -> String {
        match self {
            FileError::TooLarge { name, mb, limit_mb } => format!("حجم «{name}» {mb:.1} ميغابايت؛ يفتح Annota ملفات حتى {limit_mb} ميغابايت"),
            FileError::Unreadable { name } => format!("تعذّرت قراءة «{name}»"),
            FileError::NotUtf8 { name, position } => format!("«{name}» ليس نصًا بترميز UTF-8 (بايت غير صالح في الموضع {position})"),
        }
    }
}

impl Message for DownloadError {
    fn arabic(&self) -> String {
        match self {
            DownloadError::File => "تعذّر على المتصفح تجهيز الملف للتنزيل",
            DownloadError::NoPage => "لا صفحة يبدأ منها التنزيل",
            DownloadError::Link => "تعذّر على المتصفح إنشاء رابط التنزيل",
        }
        .into()
    }
}

impl Message for HtmlError {
    fn arabic(&self) -> String {
        match self {
            HtmlError::NoParser => "لا يستطيع هذا المتصفح تحليل HTML",
            HtmlError::Unparsable => "تعذّر تحليل HTML",
            HtmlError::NoContent => "لا محتوى في HTML",
        }
        .into()
    }
}

impl Message for Rejected {
    fn arabic(&self) -> String {
        match self {
            Rejected::NoOffsetsNorQuote { n } => format!("التعليق {n} بلا إزاحات ولا اقتباس"),
            Rejected::NotTextLabel { n, kind } => format!("النتيجة {n} ليست تصنيفًا نصيًا (النوع {kind})"),
            Rejected::NotAnObject { n } => format!("العنصر {n} ليس كائنًا"),
            Rejected::NoLabelBody { n } => format!("التعليق {n} بلا تصنيف (لا body بالغرض \"tagging\")"),
            Rejected::NoSelector { n } => format!("التعليق {n} بلا TextQuoteSelector ولا TextPositionSelector"),
        }
    }
}

impl Message for ImportNote {
    fn arabic(&self) -> String {
        const LABEL_STUDIO: &str = "(يقرأ Annota من Label Studio المقاطع والتصنيفات والملاحظات)";
        match self {
            ImportNote::LabelRepaired(r) => r.arabic(),
            ImportNote::Utf16Converted => "كانت إزاحاته بوحدات UTF-16 (كما تعدّ JavaScript)، فحُوّلت إلى نقاط رمزية.".to_string(),
            ImportNote::TextDiffers => "نصه يختلف عن نص المقال المفتوح، فأُعيد العثور على كل تعليق باقتباسه.".to_string(),
            ImportNote::ExtraDocuments { n } => format!("في الملف مستندات عددها {n}؛ فُتح أولها."),
            ImportNote::ExtraTasks { n } => format!("في الملف مهام عددها {n}؛ فُتحت أولاها."),
            ImportNote::ExtraAnnotators { n } => format!("في المهمة تعليقات {n} معلِّقين؛ أُخذت تعليقات أولهم (الاستيراد كطبقة يجلب كلًّا منهم طبقةً)."),
            ImportNote::RelationsSkipped { n: 1 } => format!("لم تُستورد علاقته {LABEL_STUDIO}."),
            ImportNote::RelationsSkipped { n } => format!("لم تُستورد علاقاته ({n}) {LABEL_STUDIO}."),
        }
    }
}

impl Message for ImportSummary {
    fn arabic(&self) -> String {
        let mut parts = vec![format!("في موضعها تمامًا: {}", self.placed_exactly)];
        if self.moved > 0 {
            parts.push(format!("نُقلت (عُثر عليها باقتباسها): {}", self.moved));
        }
        if self.fuzzy > 0 {
            parts.push(format!("بمطابقة تقريبية: {}", self.fuzzy));
        }
        if self.orphaned > 0 {
            parts.push(format!("يتيمة (محفوظة في «تعليقات يتيمة»): {}", self.orphaned));
        }
        if !self.rejected.is_empty() {
            let reasons: Vec<String> = self.rejected.iter().take(3).map(Message::arabic).collect();
            parts.push(format!("مرفوضة: {} ({})", self.rejected.len(), reasons.join("؛ ")));
        }
        let mut s = format!("{}: {}.", self.format, parts.join("، "));
        for n in &self.notes {
            s.push(' ');
            s.push_str(&n.arabic());
        }
        s
    }
}

impl Message for AnnotationError {
    fn arabic(&self) -> String {
        match self {
            AnnotationError::OutsideText { start, end } => format!("المقطع {start}..{end} خارج النص"),
            AnnotationError::UnknownLabel { label } => format!("التصنيف «{label}» ليس في مجموعة التصنيفات"),
            AnnotationError::UnknownActor { actor } => format!("الفاعل «{actor}» ليس في مساحة العمل"),
        }
    }
}

impl Message for ActorsError {
    fn arabic(&self) -> String {
        match self {
            ActorsError::Missing { annotation, actor } => format!("التعليق «{annotation}» يشير إلى الفاعل «{actor}» وهو غير موجود في الملف"),
            ActorsError::Duplicate { id } => format!("معرّف الفاعل «{id}» مكرر"),
        }
    }
}

impl Message for LabelSetError {
    fn arabic(&self) -> String {
        match self {
            LabelSetError::Invalid(rule) => rule.arabic(),
            LabelSetError::InUse { name } => format!("التصنيف «{name}» مستخدم؛ احذفه مع تعليقاته بدلًا من ذلك."),
        }
    }
}

impl Message for UnreadableReason {
    fn arabic(&self) -> String {
        match self {
            UnreadableReason::AnnotationsWithoutArticle => "خُزّنت التعليقات دون مقالها".to_string(),
            UnreadableReason::Article(e) => format!("تعذّرت قراءة المقال المخزن: {}", e.arabic()),
            UnreadableReason::ArticleOfAnnotations => "تعذّرت قراءة مقال التعليقات".to_string(),
            UnreadableReason::Annotations(e) => format!("تعذّرت قراءة التعليقات المخزنة: {}", e.arabic()),
            UnreadableReason::Index(e) => format!("أُعيد بناء قائمة المكتبة من المقالات المخزنة في هذا المتصفح: {}", e.arabic()),
        }
    }
}

impl Message for StoredError {
    fn arabic(&self) -> String {
        match self {
            StoredError::NotJson { detail } => format!("ليس JSON صالحًا ({detail})"),
            StoredError::NoSchema => "لا رقم لإصدار المخطط".to_string(),
            StoredError::NewerSchema { found, reads } => format!("إصدار المخطط {found} أحدث مما يفهمه Annota هذا ({reads})"),
            StoredError::Unexpected { detail } => format!("محتوى غير متوقع ({detail})"),
            StoredError::OtherArticle { id } => format!("تعود إلى مقال آخر ({id})"),
            StoredError::NoLongerMatch { n } => format!("تعليقات لم تعد تطابق النص المخزن: {n}"),
            StoredError::Invalid(e) => e.arabic(),
            StoredError::Actors(e) => e.arabic(),
        }
    }
}

impl Message for WriteError {
    fn arabic(&self) -> String {
        match self {
            WriteError::Full(name) => format!("رفض المتصفح تخزينها ({name}: المساحة ممتلئة على الأرجح)"),
            WriteError::Unavailable => "لا يمنح هذا المتصفح Annota مساحة تخزين".to_string(),
            WriteError::Unreadable => "فيه بيانات مخزنة تعذّرت على Annota قراءتها ونسخها جانبًا، فلا يكتب فوقها أبدًا".to_string(),
        }
    }
}

impl Message for Stopped {
    fn arabic(&self) -> String {
        let why = match self {
            Stopped::Saved => return "توقف Annota بسبب خطأ داخلي. كل تغيير ظهر قبل الخطأ محفوظ في هذا المتصفح.".into(),
            Stopped::WhileSaving => "وقع الخطأ أثناء حفظها".to_string(),
            Stopped::Paused(e) => format!("كان الحفظ متوقفًا ({})", e.arabic()),
            Stopped::NotSaved(e) => e.arabic(),
        };
        format!("توقف Annota بسبب خطأ داخلي. آخر تغييراته غير محفوظة في هذا المتصفح: {why}.")
    }
}

impl Message for ParkedError {
    fn arabic(&self) -> String {
        match self {
            ParkedError::Unreadable(reason) => reason.arabic(),
            ParkedError::Empty => "المقال فارغ".to_string(),
        }
    }
}

impl Message for IndexError {
    fn arabic(&self) -> String {
        match self {
            IndexError::Unreadable { detail } => format!("تعذّرت قراءة فهرس المكتبة ({detail})"),
            IndexError::Newer { schema } => format!("كتب فهرسَ المكتبة Annota أحدث (المخطط {schema})"),
        }
    }
}

impl Message for RestoreReport {
    fn arabic(&self) -> String {
        let mut s = format!("استُعيدت مقالات من ملف المكتبة: {}.", self.restored);
        if self.backed_up > 0 {
            s.push_str(" النسخ المخزنة التي استبدلها محفوظة احتياطيًا.");
        }
        if let (false, Some(why)) = (self.not_backed_up.is_empty(), &self.backup_failed) {
            let titles = quoted_titles(&self.not_backed_up, "«", "»", "، ");
            s.push_str(&format!(" لم تُستعد: {titles}، لأن نسخها المخزنة تعذّر حفظها احتياطيًا ({})؛ تُركت كما كانت.", why.arabic()));
        }
        if let (false, Some(why)) = (self.not_stored.is_empty(), &self.store_failed) {
            s.push_str(&format!(" تعذّر تخزين: {} ({}).", quoted_titles(&self.not_stored, "«", "»", "، "), why.arabic()));
        }
        s
    }
}

impl Message for claimreview::Note {
    fn arabic(&self) -> String {
        let mut parts = vec![match (self.reviewed, self.undecided) {
            (0, 0) => "لا ادعاء مصنفًا، فلم تُصدَّر أي مراجعة".to_string(),
            (0, n) => format!("لا حكم لأي ادعاء بعد (ادعاءات متروكة: {n})، فلم تُصدَّر أي مراجعة"),
            (n, _) => format!("صُدّرت ادعاءات مراجَعة: {n}"),
        }];
        if self.reviewed > 0 && self.undecided > 0 {
            parts.push(format!("تُركت ادعاءات بلا حكم: {}", self.undecided));
        }
        if self.orphaned > 0 {
            parts.push(format!("تُركت ادعاءات يتيمة: {} (ضعها في النص أولًا)", self.orphaned));
        }
        let mut s = format!("ClaimReview: {}.", parts.join("؛ "));
        if self.reviewed > 0 && !self.has_author {
            s.push_str(" لم تُحدَّد جهة تحقق (الإعدادات)، فالمراجعات بلا كاتب.");
        }
        if self.off_scale > 0 {
            s.push_str(&format!(" أحكام خارج السلّم الرقمي: {}، فليس لها إلا اسم.", self.off_scale));
        }
        if self.no_url > 0 {
            s.push_str(&format!(" مراجعات بلا رابط نشر: {}.", self.no_url));
        }
        s
    }
}

fn key_problem(p: KeyProblem) -> &'static str {
    match p {
        KeyProblem::Length => "ليس حرفًا واحدًا",
        KeyProblem::Invisible => "ليس حرفًا مرئيًا",
        KeyProblem::Reserved => "تستخدمه ميزة أخرى (L وM وN وP وJ وK وS وA وX و? محجوزة)",
        KeyProblem::Taken => "يستخدمه تصنيف آخر",
    }
}

impl Message for LabelRule {
    fn arabic(&self) -> String {
        match self {
            LabelRule::NoLabels => "يجب أن يبقى تصنيف واحد على الأقل.".to_string(),
            LabelRule::BadId { n, id } => format!("معرّف التصنيف {n} «{id}» فارغ أو مكرر."),
            LabelRule::NoName { n } => format!("التصنيف {n} يحتاج إلى اسم."),
            LabelRule::SameName { name } => format!("تصنيفان باسم «{name}»."),
            LabelRule::NotRrggbb { name, colour } => format!("التصنيف «{name}»: اللون «{colour}» ليس لونًا بصيغة #rrggbb."),
            LabelRule::KeyLength { name, key } => format!("التصنيف «{name}»: المفتاح حرف واحد («{key}» ليس كذلك)."),
            LabelRule::KeyInvisible { name } => format!("التصنيف «{name}»: يجب أن يكون المفتاح حرفًا مرئيًا."),
            LabelRule::KeyReserved { name, key } => format!("التصنيف «{name}»: المفتاح «{key}» {}.", key_problem(KeyProblem::Reserved)),
            LabelRule::KeyTaken { name, key } => format!("التصنيف «{name}»: المفتاح «{key}» {}.", key_problem(KeyProblem::Taken)),
        }
    }
}

impl Message for LabelRepair {
    fn arabic(&self) -> String {
        match self {
            LabelRepair::Colour { label: Some(name), from, to, .. } => format!("التصنيف «{name}»: صار اللون «{from}» «{to}»."),
            LabelRepair::Colour { n, label: None, from, to } => format!("التصنيف {n}: صار اللون «{from}» «{to}»."),
            LabelRepair::Named { n, name } => format!("لم يكن للتصنيف {n} اسم؛ صار اسمه «{name}»، كمعرّفه."),
            LabelRepair::Renamed { name, renamed } => format!("تصنيفان باسم «{name}»؛ صار اسم الثاني «{renamed}»."),
            LabelRepair::KeyDropped { label, key, why } => format!("التصنيف «{label}»: المفتاح «{key}» {}، فحُذف.", key_problem(*why)),
        }
    }
}
