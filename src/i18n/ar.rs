//! Arabic: the interface's strings, keyed by their English, and the core's messages (errors,
//! import summaries, storage), each variant filled into its own Arabic sentence.

/// The Arabic interface. Keys are the English strings exactly as written in the components.
pub(super) const TABLE: &[(&str, &str)] = &[
    // Masthead and menus
    ("Library", "المكتبة"),
    ("Article details", "بيانات المقال"),
    ("Fact-check settings", "إعدادات التحقق"),
    ("Session report", "تقرير الجلسة"),
    ("Fact-checking", "التحقق من الأخبار"),
    ("Workspace", "مساحة العمل"),
    ("Open article", "فتح مقال"),
    ("Paste text", "لصق نص"),
    ("Import", "استيراد"),
    ("Import onto this article", "استيراد إلى هذا المقال"),
    ("Export", "تصدير"),
    ("Download JSON", "تنزيل JSON"),
    ("Paste an article", "لصق مقال"),
    ("Article text", "نص المقال"),
    ("Paste or type the article's text here", "الصق نص المقال أو اكتبه هنا"),
    ("Cancel", "إلغاء"),
    ("Open pasted text", "فتح النص الملصق"),
    ("Interface language", "لغة الواجهة"),
    // Toolbar
    ("Label and edit", "التصنيف والتحرير"),
    ("Annotate", "التعليق"),
    ("Undo", "تراجع"),
    ("Redo", "إعادة"),
    ("Select text and press a label, or click a highlight to edit it.", "حدّد نصًا ثم اختر تصنيفًا، أو انقر على تظليل لتحريره."),
    ("Selected annotation", "التعليق المحدد"),
    ("Note", "ملاحظة"),
    ("Delete annotation", "حذف التعليق"),
    // Annotations panel
    ("Annotations", "التعليقات"),
    ("Annotations ({})", "التعليقات ({})"),
    ("Show ", "عرض "),
    ("Filter by label", "التصفية حسب التصنيف"),
    ("All labels", "كل التصنيفات"),
    ("Claims ", "الادعاءات "),
    ("Filter claims by status", "تصفية الادعاءات حسب الحالة"),
    ("Filter claims by verdict", "تصفية الادعاءات حسب الحكم"),
    ("Any status", "أي حالة"),
    ("Any verdict", "أي حكم"),
    ("No verdict yet", "لا حكم بعد"),
    ("No annotations yet. Select text in the article, then press a label button or its key ({}).", "لا تعليقات بعد. حدّد نصًا في المقال ثم اضغط زر تصنيف أو مفتاحه ({})."),
    ("No annotations match this filter.", "لا تعليقات تطابق هذه التصفية."),
    ("Show more ({} not shown)", "عرض المزيد ({} غير معروضة)"),
    ("Orphans", "تعليقات يتيمة"),
    ("Orphans ({})", "تعليقات يتيمة ({})"),
    ("Imported annotations whose quote is not in this text. Select where one belongs and press Place at selection.", "تعليقات مستوردة لم يوجد اقتباسها في هذا النص. حدّد موضع أحدها ثم اضغط «وضع عند التحديد»."),
    ("Place at selection", "وضع عند التحديد"),
    ("Delete orphan", "حذف اليتيم"),
    // Fact-check panel
    ("Fact-check", "التحقق"),
    ("Actor name", "اسم الفاعل"),
    ("Actor type", "نوع الفاعل"),
    ("Person", "شخص"),
    ("Organisation", "منظمة"),
    ("Same actor as…", "الفاعل نفسه مثل…"),
    ("Separate from this actor", "فصل عن هذا الفاعل"),
    ("This span names an actor of its own. If another actor span names the same person or organisation, merge them:", "يسمّي هذا المقطع فاعلًا مستقلًا. إن كان مقطع آخر يسمّي الشخص أو المنظمة نفسها فادمجهما:"),
    ("Named by {} spans in the article.", "يسمّيه {} مقطع في المقال."),
    ("Said by", "قالها"),
    ("Claimed by", "صاحب الادعاء"),
    ("Link speaker…", "ربط بالقائل…"),
    ("Link claimant…", "ربط بصاحب الادعاء…"),
    ("{}: not linked", "{}: غير مربوط"),
    ("Change…", "تغيير…"),
    ("Remove link", "إزالة الربط"),
    ("Review", "المراجعة"),
    ("Verdict", "الحكم"),
    ("Not decided", "لم يُحسم"),
    ("Status", "الحالة"),
    ("To check", "للتحقق"),
    ("In progress", "قيد العمل"),
    ("Done", "تم"),
    ("Claim type", "نوع الادعاء"),
    ("Not set", "غير محدد"),
    ("Quantity", "كمية"),
    ("Prediction", "تنبؤ"),
    ("Causation", "سببية"),
    ("Law or rule", "قانون أو قاعدة"),
    ("Personal experience", "تجربة شخصية"),
    ("Other", "أخرى"),
    ("Written review", "نص المراجعة"),
    ("Published at (URL)", "منشورة في (رابط)"),
    ("Review URL", "رابط المراجعة"),
    ("Review date", "تاريخ المراجعة"),
    ("Evidence", "الأدلة"),
    ("Evidence {} URL", "رابط الدليل {}"),
    ("Evidence {} title", "عنوان الدليل {}"),
    ("Remove evidence {}", "إزالة الدليل {}"),
    ("Title", "العنوان"),
    ("Add evidence", "إضافة دليل"),
    ("Actors", "الفاعلون"),
    ("Actors ({})", "الفاعلون ({})"),
    ("Label people and organisations as Actor (key 3) to list them here.", "صنّف الأشخاص والمنظمات كفاعلين (المفتاح 3) لتظهر هنا."),
    ("Links", "الروابط"),
    ("Links ({})", "الروابط ({})"),
    ("Select a quote or claim and press L to link it to who said it.", "حدّد اقتباسًا أو ادعاءً واضغط L لربطه بقائله."),
    ("said by", "قالها"),
    ("claimed by", "ادّعاها"),
    ("{} · {} mentions", "{} · {} ذكر"),
    // Actor picker
    ("Who said it?", "من قالها؟"),
    ("Search actors", "البحث في الفاعلين"),
    ("Type a name", "اكتب اسمًا"),
    ("New actor: ", "فاعل جديد: "),
    ("not named in the text", "غير مذكور في النص"),
    ("right here", "هنا تمامًا"),
    ("{} characters away", "على بعد {} حرفًا"),
    ("No actors yet: type a name to make one, or label a name in the article as Actor first.", "لا فاعلين بعد: اكتب اسمًا لإنشاء فاعل، أو صنّف اسمًا في المقال كفاعل أولًا."),
    // Dialogs
    ("Entered once for this article; every export uses them (ClaimReview needs the URL and date).", "تُدخل مرة واحدة لهذا المقال وتستخدمها كل عمليات التصدير (يحتاج ClaimReview الرابط والتاريخ)."),
    ("URL", "الرابط"),
    ("Publisher", "الناشر"),
    ("Author", "الكاتب"),
    ("Date published", "تاريخ النشر"),
    ("Fact-checking organisation", "جهة التحقق"),
    ("Organisation URL", "رابط الجهة"),
    ("Verdict scale, truest first, one per line", "سلّم الأحكام، الأصدق أولًا، حكم في كل سطر"),
    ("Verdict scale", "سلّم الأحكام"),
    ("Verdicts off the scale (no numeric rating), one per line", "أحكام خارج السلّم (بلا تقييم رقمي)، حكم في كل سطر"),
    ("Verdicts off the scale", "أحكام خارج السلّم"),
    ("Save settings", "حفظ الإعدادات"),
    ("The verdict scale needs at least one verdict.", "يحتاج سلّم الأحكام إلى حكم واحد على الأقل."),
    ("Each verdict can appear only once.", "لا يتكرر الحكم الواحد."),
    // Report
    ("Print report", "طباعة التقرير"),
    ("Back to annotating", "العودة إلى التعليق"),
    ("Fact-checking session report", "تقرير جلسة التحقق"),
    ("Claims", "الادعاءات"),
    ("Quotes", "الاقتباسات"),
    ("The article, with its highlights", "المقال مع تظليلاته"),
    ("No claims labelled.", "لا ادعاءات مصنفة."),
    ("No quotes labelled.", "لا اقتباسات مصنفة."),
    ("Not linked", "غير مربوط"),
    ("Published at", "منشورة في"),
    ("Claims: {}, {} with a verdict; quotes: {}; actors: {}.", "الادعاءات: {}، منها {} بحكم؛ الاقتباسات: {}؛ الفاعلون: {}."),
    // Notices and banners
    ("Download it", "تنزيله"),
    ("Dismiss", "إغلاق التنبيه"),
    ("Select some text in the article first, then choose a label.", "حدّد نصًا في المقال أولًا، ثم اختر تصنيفًا."),
    ("Click a highlight first: L links a quote or claim to who said it, M merges actor spans.", "انقر على تظليل أولًا: L يربط اقتباسًا أو ادعاءً بقائله، وM يدمج مقاطع الفاعلين."),
    ("An actor span is who speaks; select a quote or claim to link it (L), or press M to merge this actor with another.", "مقطع الفاعل هو المتكلم؛ حدّد اقتباسًا أو ادعاءً لربطه (L)، أو اضغط M لدمج هذا الفاعل مع آخر."),
    ("M merges actor spans; select an actor span first. To link a quote or claim to its speaker, press L.", "المفتاح M يدمج مقاطع الفاعلين؛ حدّد مقطع فاعل أولًا. لربط اقتباس أو ادعاء بقائله اضغط L."),
    ("This workspace is being edited in another tab. Press Edit here instead to edit here.", "تُحرَّر مساحة العمل هذه في تبويب آخر. اضغط «التحرير هنا» للتحرير في هذا التبويب."),
    ("This workspace is open for editing in another tab. This tab shows its changes as they happen, read-only, so neither tab overwrites the other.", "مساحة العمل هذه مفتوحة للتحرير في تبويب آخر. يعرض هذا التبويب تغييراتها أولًا بأول للقراءة فقط، حتى لا يكتب أحد التبويبين فوق الآخر."),
    ("Edit here instead", "التحرير هنا"),
    ("This browser gives Annota no storage (private mode or blocked): nothing will be kept after you close the tab. Use Download JSON to keep your work.", "لا يمنح هذا المتصفح Annota مساحة تخزين (وضع خاص أو محظور): لن يُحفظ شيء بعد إغلاق التبويب. استخدم «تنزيل JSON» للاحتفاظ بعملك."),
    ("Select the text where this orphan belongs, then press Place at selection.", "حدّد النص الذي ينتمي إليه هذا التعليق اليتيم، ثم اضغط «وضع عند التحديد»."),
    ("The pasted text is empty. Nothing was changed.", "النص الملصق فارغ. لم يتغير شيء."),
    ("Editing moved to another tab. This tab now follows its changes; press Edit here instead to edit here again.", "انتقل التحرير إلى تبويب آخر. يتابع هذا التبويب تغييراته الآن؛ اضغط «التحرير هنا» للتحرير هنا مجددًا."),
    ("The other tab closed: you can edit here now.", "أُغلق التبويب الآخر: يمكنك التحرير هنا الآن."),
    // Keyboard
    ("Shortcuts", "الاختصارات"),
    ("Keyboard shortcuts", "اختصارات لوحة المفاتيح"),
    ("Key", "المفتاح"),
    ("Action", "الإجراء"),
    ("Shortcuts are off while you type in a field.", "تتوقف الاختصارات أثناء الكتابة في حقل."),
    ("Skip to article", "انتقل إلى المقال"),
    ("Move between controls; the article takes focus like a control (Skip to article jumps there)", "التنقل بين عناصر التحكم؛ يأخذ المقال التركيز كأي عنصر («انتقل إلى المقال» يقفز إليه)"),
    ("In the article: select the next or previous word, in the direction the paragraph reads (← is forwards in Arabic)", "في المقال: تحديد الكلمة التالية أو السابقة باتجاه قراءة الفقرة (← إلى الأمام في العربية)"),
    ("Extend the selection by a word", "توسيع التحديد بكلمة"),
    ("Select the next or previous sentence", "تحديد الجملة التالية أو السابقة"),
    ("Extend the selection by a sentence", "توسيع التحديد بجملة"),
    ("Select the paragraph's first or last word; with Shift, extend to its start or end", "تحديد أول كلمة في الفقرة أو آخرها؛ مع Shift التوسيع إلى بدايتها أو نهايتها"),
    ("Label the selection as Claim, Quote, Actor; with no text selected, relabel the selected annotation", "تصنيف التحديد كادعاء أو اقتباس أو فاعل؛ دون نص محدد يُعاد تصنيف التعليق المحدد"),
    ("Select the next or previous annotation in text order (and scroll to it)", "تحديد التعليق التالي أو السابق بترتيب النص (والانتقال إليه)"),
    ("In the article, with an annotation selected: edit its note", "في المقال مع تعليق محدد: تحرير ملاحظته"),
    ("In a field: back to the article; in the article: deselect; in a dialog: close it", "في حقل: العودة إلى المقال؛ في المقال: إلغاء التحديد؛ في نافذة: إغلاقها"),
    ("Delete the selected annotation", "حذف التعليق المحدد"),
    ("Link the selected quote or claim to who said it (opens the actor list)", "ربط الاقتباس أو الادعاء المحدد بقائله (يفتح قائمة الفاعلين)"),
    ("Say which actor the selected actor span names too (merge)", "تحديد الفاعل الذي يسمّيه مقطع الفاعل المحدد أيضًا (دمج)"),
    ("In the actor list: move, pick; typing filters", "في قائمة الفاعلين: التنقل والاختيار؛ الكتابة تصفّي"),
    ("Show this list", "عرض هذه القائمة"),
    // Messages about files and the library
    ("Could not open the article: {}. Nothing was changed.", "تعذّر فتح المقال: {}. لم يتغير شيء."),
    (" The other file is in the Library.", " الملف الآخر في المكتبة."),
    (" The other {} files are in the Library.", " الملفات الأخرى ({}) في المكتبة."),
    ("Opened \"{}\" ({} characters).{} Undo brings back the previous article and its annotations.", "فُتح «{}» ({} حرفًا).{} التراجع يعيد المقال السابق وتعليقاته."),
    (" onto the open article", " إلى المقال المفتوح"),
    ("Imported \"{}\"{}. {} Undo brings back what was open before.", "استُورد «{}»{}. {} التراجع يعيد ما كان مفتوحًا قبله."),
    ("Could not import: {}. Nothing was changed.", "تعذّر الاستيراد: {}. لم يتغير شيء."),
    ("Opened the pasted text ({} characters). Undo brings back the previous article.", "فُتح النص الملصق ({} حرفًا). التراجع يعيد المقال السابق."),
    ("Opened \"{}\" from the library. Undo goes back to the article you had open.", "فُتح «{}» من المكتبة. التراجع يعود إلى المقال الذي كان مفتوحًا."),
    ("Deleted \"{}\" from the library.", "حُذف «{}» من المكتبة."),
    ("Deleted \"{}\". Undo brings it back.", "حُذف «{}». التراجع يعيده."),
    ("Downloaded the library: {} articles.", "نُزّلت المكتبة: {} مقالات."),
    ("Restored {} articles from the library file.{}", "استُعيدت {} مقالات من ملف المكتبة.{}"),
    (" Stored versions it replaced are kept as backups.", " النسخ المخزنة التي استبدلها محفوظة احتياطيًا."),
    ("Could not restore the library: {}. Nothing was changed.", "تعذّرت استعادة المكتبة: {}. لم يتغير شيء."),
    ("its quote was not found in the text", "لم يوجد اقتباسه في النص"),
    ("The library list could not be saved: {}.", "تعذّر حفظ قائمة المكتبة: {}."),
    ("\"{}\" could not be kept in the library: {}.", "تعذّر الاحتفاظ بـ«{}» في المكتبة: {}."),
    ("That article could not be read: {}. It is left as it is.", "تعذّرت قراءة ذلك المقال: {}. تُرك كما هو."),
    ("That article is no longer in this browser's storage.", "لم يعد ذلك المقال في تخزين هذا المتصفح."),
    ("That article could not be renamed: it cannot be read.", "تعذّرت إعادة تسمية ذلك المقال: لا يمكن قراءته."),
    ("The article could not be deleted: {}. Nothing was changed.", "تعذّر حذف المقال: {}. لم يتغير شيء."),
    // Storage
    ("{} It is kept unchanged in this browser under \"{}\"; you can download it.", "{} وهي محفوظة كما هي في هذا المتصفح تحت «{}»؛ يمكنك تنزيلها."),
    ("{} It could not be copied aside, so Annota will not save over it: download it before anything else.", "{} وتعذّر نسخها جانبًا، فلن يحفظ Annota فوقها: نزّلها قبل أي شيء آخر."),
    ("Your last changes are not saved in this browser: {}. They are kept in this tab; use Download JSON to keep a copy. Annota retries on every change.", "آخر تغييراتك غير محفوظة في هذا المتصفح: {}. هي محفوظة في هذا التبويب؛ استخدم «تنزيل JSON» للاحتفاظ بنسخة. يعيد Annota المحاولة مع كل تغيير."),
    ("Saving is paused: stored data could not be read or copied aside ({}). Your work is kept in this tab; use Download JSON to keep a copy.", "الحفظ متوقف: تعذّرت قراءة بيانات مخزنة أو نسخها جانبًا ({}). عملك محفوظ في هذا التبويب؛ استخدم «تنزيل JSON» للاحتفاظ بنسخة."),
    ("Saved again: storage has room now and everything is stored.", "حُفظ من جديد: في التخزين متسع الآن وكل شيء محفوظ."),
    // Library
    ("Library ({})", "المكتبة ({})"),
    ("Articles", "المقالات"),
    ("Search all articles", "البحث في كل المقالات"),
    ("Search results", "نتائج البحث"),
    ("Found in no article.", "لم يوجد في أي مقال."),
    ("Open", "فتح"),
    ("Rename", "إعادة تسمية"),
    ("Delete", "حذف"),
    ("New title", "العنوان الجديد"),
    ("Save title", "حفظ العنوان"),
    ("Delete for good", "حذف نهائي"),
    ("Keep it", "إبقاء"),
    ("Download library", "تنزيل المكتبة"),
    ("Restore library", "استعادة المكتبة"),
    ("Close", "إغلاق"),
    ("Storage used", "المساحة المستخدمة"),
    ("{} characters · {} annotations", "{} حرفًا · {} تعليق"),
    ("{} articles", "{} مقالات"),
    (" · open now", " · مفتوح الآن"),
    ("Annota uses {} of the about 5 MB this browser keeps for it ({} %). ", "يستخدم Annota {} من نحو 5 ميغابايت يخصصها المتصفح له ({}٪). "),
    ("Open {}", "فتح {}"),
    ("Rename {}", "إعادة تسمية {}"),
    ("Delete {}", "حذف {}"),
    ("Delete \"{}\" and its {} annotations from this browser? Download the library first to keep a copy.", "حذف «{}» وتعليقاته ({}) من هذا المتصفح؟ نزّل المكتبة أولًا للاحتفاظ بنسخة."),
    // Labels: the legend and the label editor
    ("Legend", "دليل التصنيفات"),
    ("solid line", "خط متصل"),
    ("dashed line", "خط متقطع"),
    ("dotted line", "خط منقّط"),
    ("double line", "خط مزدوج"),
    ("wavy line", "خط متموّج"),
    ("dash-dot line", "خط شرطة ونقطة"),
    ("key ", "المفتاح "),
    ("Edit labels", "تحرير التصنيفات"),
    ("Rename, recolour, reorder, add or delete labels", "إعادة تسمية التصنيفات وتلوينها وترتيبها وإضافتها وحذفها"),
    ("Names are what you see; annotations keep their label when you rename it. Each position has its own underline, so labels differ without colour.", "الأسماء هي ما تراه؛ وتحتفظ التعليقات بتصنيفها عند إعادة تسميته. لكل موضع خط سفلي خاص به، فتتمايز التصنيفات دون الاعتماد على اللون."),
    ("Label {}", "التصنيف {}"),
    ("label {}", "التصنيف {}"),
    ("Name of label {}", "اسم التصنيف {}"),
    ("Colour of label {}", "لون التصنيف {}"),
    ("Key of label {}", "مفتاح التصنيف {}"),
    ("Name", "الاسم"),
    ("key", "المفتاح"),
    ("Move up", "نقل لأعلى"),
    ("Move down", "نقل لأسفل"),
    ("Move {} up", "نقل {} لأعلى"),
    ("Move {} down", "نقل {} لأسفل"),
    ("Delete {} and its {} annotations", "حذف {} مع تعليقاته ({})"),
    ("Add label", "إضافة تصنيف"),
    ("Save labels", "حفظ التصنيفات"),
    ("{} annotations", "{} تعليق"),
    ("Delete the label “{}” and its {}? This happens at once; Undo brings them back.", "حذف التصنيف «{}» مع {}؟ يحدث ذلك فورًا، والتراجع يعيدها."),
    ("Delete label and {}", "حذف التصنيف و{}"),
    ("“{}” is the only saved label: save the new labels first, then delete it.", "«{}» هو التصنيف المحفوظ الوحيد: احفظ التصنيفات الجديدة أولًا ثم احذفه."),
    ("OK", "حسنًا"),
];

// The core's messages. Each variant is its own sentence; quoted values go in «», and what a file
// or the JSON parser says (ids, serde's words) is shown as it is.

use super::Message;
use crate::model::format::annota_json::OFFSET_UNIT;
use crate::model::format::claimreview;
use crate::model::format::error::claim_type_keys;
use crate::model::format::facts::{MAX_FIELD, MAX_ID};
use crate::model::format::placing::{ImportNote, ImportSummary, Rejected};
use crate::model::format::{Field, FileError, IdOf, ImportError, LineProblem, Owner};
use crate::model::library::IndexError;
use crate::model::persist::{ParkedError, StoredError, UnreadableReason, WriteError};
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
            NoLabels => "لا تصنيفات في الملف".to_string(),
            BadLabelId { id } => format!("معرّف التصنيف «{id}» فارغ أو مكرر"),
            BadColour { label, colour } => format!("التصنيف «{label}»: اللون «{colour}» ليس لونًا بصيغة #rrggbb"),
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
            ImportNote::Utf16Converted => "كانت إزاحاته بوحدات UTF-16 (كما تعدّ JavaScript)، فحُوّلت إلى نقاط رمزية.".to_string(),
            ImportNote::TextDiffers => "نصه يختلف عن نص المقال المفتوح، فأُعيد العثور على كل تعليق باقتباسه.".to_string(),
            ImportNote::ExtraDocuments { n } => format!("في الملف مستندات عددها {n}؛ فُتح أولها."),
            ImportNote::ExtraTasks { n } => format!("في الملف مهام عددها {n}؛ فُتحت أولاها."),
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
            // The label set's own check still says why in English.
            LabelSetError::Invalid(why) => format!("مجموعة التصنيفات غير صالحة: {why}"),
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
            StoredError::SharedId => "تعليقان يتشاركان معرّفًا واحدًا".to_string(),
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
        }
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
