//! The interface in English and Arabic. Strings are written in English where they are used and
//! looked up in the Arabic table when the interface is Arabic; a string missing from the table
//! shows in English rather than not at all. The whole layout mirrors with `dir="rtl"`.

use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Ar,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_lowercase();
        if code.starts_with("ar") {
            Some(Lang::Ar)
        } else if code.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
    /// The other language, named in itself, for the switch.
    pub fn other(self) -> (Lang, &'static str) {
        match self {
            Lang::En => (Lang::Ar, "العربية"),
            Lang::Ar => (Lang::En, "English"),
        }
    }
}

/// Translates for one language. Cheap to copy; get it with [`use_tr`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub Lang);

thread_local! {
    static ARABIC: HashMap<&'static str, &'static str> = AR.iter().copied().collect();
}

impl Tr {
    /// `english` in the interface's language.
    pub fn t(self, english: &'static str) -> &'static str {
        match self.0 {
            Lang::En => english,
            Lang::Ar => ARABIC.with(|t| t.get(english).copied().unwrap_or(english)),
        }
    }

    /// A message made at run time, translated when it is one of the table's (else as it is).
    pub fn t_str(self, english: &str) -> String {
        match self.0 {
            Lang::En => english.to_string(),
            Lang::Ar => ARABIC.with(|t| t.get(english).copied().unwrap_or(english).to_string()),
        }
    }

    /// `english` with each `{}` replaced, in order, by `args`.
    pub fn f(self, english: &'static str, args: &[&dyn std::fmt::Display]) -> String {
        let mut out = String::new();
        let mut rest = self.t(english);
        for arg in args {
            match rest.split_once("{}") {
                Some((before, after)) => {
                    out.push_str(before);
                    out.push_str(&arg.to_string());
                    rest = after;
                }
                None => break,
            }
        }
        out.push_str(rest);
        out
    }

    /// A counted phrase: English picks `one` or `many` by `n`; the table is keyed by `many`.
    pub fn plural(self, n: usize, one: &'static str, many: &'static str, args: &[&dyn std::fmt::Display]) -> String {
        match self.0 {
            Lang::En if n == 1 => self.f(one, args),
            _ => self.f(many, args),
        }
    }
}

/// The Arabic interface. Keys are the English strings exactly as written in the components.
const AR: &[(&str, &str)] = &[
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
    ("Every article in this browser, with its annotations", "كل المقالات في هذا المتصفح مع تعليقاتها"),
    ("Title, URL, publisher, author and date of the article", "عنوان المقال ورابطه وناشره وكاتبه وتاريخ نشره"),
    ("Your organisation and the verdict scale", "جهتك وسلّم الأحكام"),
    ("Every keyboard shortcut (?)", "كل اختصارات لوحة المفاتيح (?)"),
    ("Open a file with its own text and annotations: Annota JSON, doccano JSONL, Label Studio JSON (W3C Web Annotation goes onto the open article)", "فتح ملف يحمل نصه وتعليقاته: Annota JSON أو doccano JSONL أو Label Studio JSON (ملف W3C Web Annotation يُضاف إلى المقال المفتوح)"),
    ("Find each annotation of a file again in the open article's text, and add them to it", "إيجاد كل تعليق من ملف في نص المقال المفتوح وإضافته إليه"),
    // Toolbar
    ("Label and edit", "التصنيف والتحرير"),
    ("Annotate", "التعليق"),
    ("Undo", "تراجع"),
    ("Redo", "إعادة"),
    ("Select text and press a label, or click a highlight to edit it.", "حدّد نصًا ثم اختر تصنيفًا، أو انقر على تظليل لتحريره."),
    ("Selected annotation", "التعليق المحدد"),
    ("Note", "ملاحظة"),
    ("Delete annotation", "حذف التعليق"),
    ("Label the selection as {} ({}{})", "تصنيف التحديد: {} ({}{})"),
    (", key {}", "، المفتاح {}"),
    ("Undo (Ctrl+Z)", "تراجع (Ctrl+Z)"),
    ("Redo (Ctrl+Shift+Z or Ctrl+Y)", "إعادة (Ctrl+Shift+Z أو Ctrl+Y)"),
    ("Delete this annotation (Delete)", "حذف هذا التعليق (Delete)"),
    ("Article", "المقال"),
    ("Arrow keys select words, Shift extends, 1 2 3 label, n and p move between annotations, question mark lists every shortcut.", "مفاتيح الأسهم تحدد الكلمات، وShift يوسّع التحديد، و1 2 3 تصنّف، وn وp تنتقلان بين التعليقات، وعلامة الاستفهام تعرض كل الاختصارات."),
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
    ("Say which actor this span names too (key M)", "تحديد الفاعل الذي يسمّيه هذا المقطع أيضًا (المفتاح M)"),
    ("This span does not name this actor", "هذا المقطع لا يسمّي هذا الفاعل"),
    ("Show where the article names this actor", "عرض موضع ذكر هذا الفاعل في المقال"),
    ("Link to another actor (key L)", "الربط بفاعل آخر (المفتاح L)"),
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
    ("Your last changes are not saved in this browser: {}. They are kept in this tab; use Download JSON to keep a copy. Annota retries on every change.", "آخر تغييراتك غير محفوظة في هذا المتصفح: {}. إنها باقية في هذا التبويب؛ استخدم «تنزيل JSON» للاحتفاظ بنسخة. يعيد Annota المحاولة مع كل تغيير."),
    ("Saving is paused: {}. Your work is kept in this tab; use Download JSON to keep a copy.", "الحفظ متوقف: {}. عملك باقٍ في هذا التبويب؛ استخدم «تنزيل JSON» للاحتفاظ بنسخة."),
    ("Saved again: storage has room now and everything is stored.", "عاد الحفظ: في التخزين متسع الآن وكل شيء محفوظ."),
    ("A new version of Annota is ready.", "إصدار جديد من Annota جاهز."),
    ("Updating…", "جارٍ التحديث…"),
    ("Reload to update", "أعد التحميل للتحديث"),
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
    ("End of the article", "نهاية المقال"),
    ("Start of the article", "بداية المقال"),
    ("No annotations", "لا تعليقات"),
    ("No more annotations after this one", "لا تعليقات بعد هذا"),
    ("No annotations before this one", "لا تعليقات قبل هذا"),
    ("{} {} of {}: {}", "{} {} من {}: {}"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_replaces_english_and_keeps_placeholders() {
        let ar = Tr(Lang::Ar);
        assert_eq!(ar.t("Undo"), "تراجع");
        assert_eq!(ar.t("A string nobody translated"), "A string nobody translated");
        assert_eq!(ar.f("Annotations ({})", &[&7]), "التعليقات (7)");
        assert_eq!(Tr(Lang::En).f("Evidence {} URL", &[&2]), "Evidence 2 URL");
        for (en, ar) in AR {
            assert_eq!(en.matches("{}").count(), ar.matches("{}").count(), "placeholders of {en:?}");
        }
        let mut keys: Vec<&str> = AR.iter().map(|(k, _)| *k).collect();
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
}
