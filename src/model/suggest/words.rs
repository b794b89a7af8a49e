//! Words for the rule-based kinds: tokens with a spelling normalised for look-up (harakat, niqqud,
//! tatweel and the ZWNJ dropped; alef, yeh and kaf variants made one), and the small lexicons the
//! rules read: speech verbs with what introduces their clause, complementisers, the nouns that
//! introduce a name in quotation marks, and speech cues of other languages.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A run of letters, digits and their marks, in code points; ideographs and kana are one each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
    pub norm: String,
}

/// Combining marks: Arabic harakat and Quranic marks, Hebrew points (not maqaf or sof pasuq), Latin accents.
pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}' | '\u{05C5}' | '\u{05C7}')
}

/// Scripts written without spaces between words: each character counts as a word.
pub(super) fn is_unspaced(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// A letter, digit or mark, or a joiner inside a word (ZWNJ, ZWJ).
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c) || matches!(c, '\u{200C}' | '\u{200D}')
}

pub(super) fn is_hebrew_letter(c: char) -> bool {
    matches!(c, '\u{05D0}'..='\u{05EA}')
}

/// The spelling a word is looked up by: lower case, marks and joiners dropped, letter variants made one.
pub(super) fn normalize(word: impl IntoIterator<Item = char>) -> String {
    let word = word.into_iter();
    let mut out = String::with_capacity(word.size_hint().0 * 2);
    for c in word {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push(c),
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' | 'ی' | 'ې' => out.push('ي'),
            'ک' => out.push('ك'),
            '\u{0640}' | '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' => {}
            c if is_mark(c) => {}
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
    out
}

/// The tokens of `chars`, in order.
pub(super) fn tokens(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::with_capacity(chars.len() / 5);
    let mut i = 0;
    while i < chars.len() {
        if is_unspaced(chars[i]) {
            out.push(Token { start: i, end: i + 1, norm: chars[i].to_string() });
            i += 1;
        } else if is_word_char(chars[i]) && !is_mark(chars[i]) {
            let start = i;
            while i < chars.len() && is_word_char(chars[i]) && !is_unspaced(chars[i]) {
                i += 1;
            }
            out.push(Token { start, end: i, norm: normalize(chars[start..i].iter().copied()) });
        } else {
            i += 1;
        }
    }
    out
}

/// The language of a speech verb: its complementisers are that language's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Lang {
    Arabic,
    English,
    Persian,
    Hebrew,
}

/// How a speech verb introduces what it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct How {
    /// By a complementiser: أن، إن، بأن، that, که, כי, ש.
    pub compl: bool,
    /// By a colon or an opening quotation mark.
    pub colon: bool,
    /// By one of these prepositions, written normalised (على is علي): شدد على، أشار إلى، أعرب عن.
    pub preps: &'static [&'static str],
    /// Right after the verb (English "said the vote was rigged").
    pub direct: bool,
    /// After what it reports: «…»، قال; "…," he said.
    pub trailing: bool,
    /// A source: "according to X, …", "…, according to X"; with `direct`, what follows it.
    pub source: bool,
}

const SAY: How = How { compl: true, colon: true, preps: &[], direct: false, trailing: true, source: false };
const THAT: How = How { compl: true, colon: true, preps: &[], direct: false, trailing: false, source: false };
const OPINE: How = How { compl: true, colon: false, preps: &[], direct: false, trailing: false, source: false };
const SOURCE: How = How { compl: false, colon: false, preps: &[], direct: false, trailing: false, source: true };
/// A source with a pronoun attached, which reports what follows it (לדבריו، ולפיהן: according to him, to them).
const SOURCE_BEFORE: How = How { compl: false, colon: false, preps: &[], direct: true, trailing: false, source: true };
const fn prep(preps: &'static [&'static str], compl: bool) -> How {
    How { compl, colon: false, preps, direct: false, trailing: false, source: false }
}
const EN_SAY: How = How { compl: true, colon: true, preps: &[], direct: true, trailing: true, source: false };

/// Speech verbs by language, each form as written (normalised when the lexicon is built). A form
/// of several words is a phrase ("اعلام کرد", "according to"). Arabic forms take و or ف before them.
const VERBS: &[(Lang, &str, How)] = &[
    // Arabic: past (he, she, they two, they), present, and the adverbial participle.
    (Lang::Arabic, "قال|قالت|قالا|قالتا|قالوا|يقول|تقول|يقولون|قائلا|قائلة", SAY),
    (Lang::Arabic, "أكد|أكدت|أكدا|أكدوا|يؤكد|تؤكد|يؤكدون|مؤكدا|مؤكدة", How { compl: true, colon: true, preps: &["علي"], direct: false, trailing: false, source: false }),
    (Lang::Arabic, "صرح|صرحت|صرحوا|يصرح|تصرح|مصرحا", THAT),
    (Lang::Arabic, "أضاف|أضافت|أضافوا|يضيف|تضيف|مضيفا|مضيفة", SAY),
    (Lang::Arabic, "تابع|تابعت|أردف|أردفت|مردفا", THAT),
    (Lang::Arabic, "أوضح|أوضحت|أوضحوا|يوضح|توضح|موضحا|موضحة", THAT),
    (Lang::Arabic, "اعتبر|اعتبرت|اعتبروا|يعتبر|تعتبر|معتبرا|معتبرة|رأى|رأت|رأوا|يرى|ترى|زعم|زعمت|زعموا|يزعم|ادعى|ادعت|ادعوا|يدعي", OPINE),
    (Lang::Arabic, "أعلن|أعلنت|أعلنوا|يعلن|تعلن|معلنا|معلنة", How { compl: true, colon: true, preps: &["عن"], direct: false, trailing: false, source: false }),
    (Lang::Arabic, "ذكر|ذكرت|ذكروا|يذكر|تذكر|أفاد|أفادت|أفادوا|يفيد|تفيد", OPINE),
    (Lang::Arabic, "نقل|نقلت|نقلوا|ينقل|تنقل|كتب|كتبت|كتبوا|يكتب|تكتب", THAT),
    (Lang::Arabic, "أشار|أشارت|أشارا|أشاروا|يشير|تشير|مشيرا|مشيرة|لفت|لفتت|لافتا|لافتة|نوه|نوهت|منوها", prep(&["الي"], false)),
    (Lang::Arabic, "شدد|شددت|شددا|شددوا|يشدد|تشدد|مشددا|مشددة", prep(&["علي"], false)),
    (Lang::Arabic, "أعرب|أعربت|أعربا|أعربوا|يعرب|تعرب|معربا|معربة|عبر|عبرت|عبرا|عبروا|يعبر|تعبر|معبرا", prep(&["عن"], false)),
    (Lang::Arabic, "حذر|حذرت|حذروا|يحذر|تحذر|محذرا|محذرة", prep(&["من"], true)),
    (Lang::Arabic, "وفقا|طبقا|بحسب|حسب|نقلا", SOURCE),
    // English.
    (Lang::English, "said|says|saying|insisted|insists|claimed|claims|argued|argues|warned|warns|added|adds|adding|stated|states|asserted|asserts", EN_SAY),
    (Lang::English, "told|tells|announced|announces|confirmed|confirms|noted|notes|explained|explains|declared|declares|stressed|stresses|wrote|writes|reported|reports", SAY),
    (Lang::English, "ruled|ruling", THAT),
    (Lang::English, "according to", SOURCE),
    // Persian.
    (Lang::Persian, "گفت|گفتند|می‌گوید|می گوید|می‌گویند|افزود|افزودند|نوشت|اعلام کرد|اعلام کردند|تاکید کرد|تأکید کرد|تاکید کردند|تأکید کردند|اظهار داشت|اظهار کرد|خاطرنشان کرد|خاطرنشان ساخت|تصریح کرد|ادامه داد|توصیف کرد", THAT),
    (Lang::Persian, "به گزارش|به گفته|طبق گزارش", SOURCE),
    // Hebrew.
    (Lang::Hebrew, "אמר|אמרה|אמרו|אומר|אומרת|אומרים|הוסיף|הוסיפה|הוסיפו|הודיע|הודיעה|הודיעו|טען|טענה|טענו|הצהיר|הצהירה|ציין|ציינה|ציינו|הדגיש|הדגישה|הדגישו|מסר|מסרה|מסרו|הבהיר|הבהירה|כתב|כתבה|דיווח|דיווחה|דיווחו", SAY),
    (Lang::Hebrew, "לדברי|לפי|על פי", SOURCE),
    (Lang::Hebrew, "לדבריו|לדבריה|לדבריהם|לדבריהן|לפיו|לפיה|לפיהם|לפיהן", SOURCE_BEFORE),
];

/// Complementisers that open a reported clause, by language; Arabic ones with an attached pronoun or بـ too.
const COMPLEMENTISERS: [(Lang, &str); 4] = [
    (Lang::Arabic, "أن|إن|فإن|وأن|أنه|أنها|أنهم|أنهما|أنهن|أنني|أننا|أنك|أنكم|إنه|إنها|إنهم|إنهما|إنني|إننا|بأن|بأنه|بأنها|بأنهم|بأنهما|بأننا"),
    (Lang::English, "that"),
    (Lang::Persian, "که"),
    (Lang::Hebrew, "כי|ש"),
];

/// Nouns that introduce a name in quotation marks (صحيفة «هآرتس», operation "X"): no quotation.
const NAMING_NOUNS: &str = "عملية|حركة|حزب|صحيفة|جريدة|مجلة|قناة|وكالة|شركة|موقع|منظمة|جماعة|تنظيم|كتاب|فيلم|برنامج|مبادرة|مشروع|خطة|اتفاق|اتفاقية|مؤتمر|تحالف|جبهة|ائتلاف|مسلسل|رواية|شبكة|إذاعة|منصة|حملة|مناورات|وسم|\
operation|newspaper|magazine|party|movement|group|book|film|movie|programme|program|initiative|plan|campaign|hashtag|channel|network|\
عملیات|روزنامه|جنبش|گروه|فیلم|طرح|برنامه|شبکه|خبرگزاری|کانال|\
מבצע|עיתון|מפלגת|תנועת|ארגון|ספר|סרט|תוכנית|קבוצת|רשת|ערוץ";

/// Words that attribute a short quotation in languages whose clauses are not extracted.
const OTHER_CUES: &str = "déclaré|ajouté|affirmé|dit|selon|estimé|sagte|sagt|erklärte|betonte|laut|meinte|dijo|afirmó|según|述べた|言った";

/// Conjunctions that, before a speech verb, start a new reported clause ("، وقد أكد", "and added").
const CONJUNCTIONS: &str = "و|ف|ثم|كما|وقد|لكن|ولكن|and|also|while|but|اما|ولی|אך|אבל";

/// Conjunctions after a comma that end a reported clause: what follows is the writer's ("…, but gave no evidence").
const CONTRASTS: &str = "لكن|ولكن|لكنه|لكنها|غير|but|however|yet|اما|ولی|אך|אבל|אולם";

/// English auxiliaries before "saying" or "said" that make it no report ("we've been saying this").
const AUXILIARIES: &str = "been|is|are|was|were|am|be|keep|kept|keeps|having|has|have|had";

/// English words after a speech verb that say it reports nothing right after it ("said in", "said nothing").
const DIRECT_STOP: &str = "in|on|at|to|by|for|with|during|after|before|from|of|about|nothing|so|yes|no|goodbye|little|through|via|when|as|hello";

/// English words skipped between a speech verb and its clause ("said on Tuesday the vote…" is caught by "that"; "said Tuesday the…").
const DIRECT_SKIP: &str =
    "today|yesterday|tonight|earlier|later|again|also|recently|publicly|privately|repeatedly|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

/// One form of a speech verb: its words after the first, and how it introduces its clause.
#[derive(Debug)]
pub(super) struct Verb {
    pub rest: Vec<String>,
    pub how: How,
    pub lang: Lang,
}

pub(super) struct Lexicon {
    verbs: HashMap<String, Vec<Verb>>,
    complementisers: HashMap<Lang, HashSet<String>>,
    naming: HashSet<String>,
    cues: HashSet<String>,
    conjunctions: HashSet<String>,
    contrasts: HashSet<String>,
    auxiliaries: HashSet<String>,
    direct_stop: HashSet<String>,
    direct_skip: HashSet<String>,
}

fn set(words: &str) -> HashSet<String> {
    words.split('|').map(|w| normalize(w.chars())).collect()
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut verbs: HashMap<String, Vec<Verb>> = HashMap::new();
        for (lang, forms, how) in VERBS {
            for form in forms.split('|') {
                let mut words = form.split(' ').map(|w| normalize(w.chars()));
                let first = words.next().unwrap_or_default();
                verbs.entry(first).or_default().push(Verb { rest: words.collect(), how: *how, lang: *lang });
            }
        }
        let complementisers = COMPLEMENTISERS.iter().map(|(lang, words)| (*lang, set(words))).collect();
        Lexicon {
            verbs,
            complementisers,
            naming: set(NAMING_NOUNS),
            cues: set(OTHER_CUES),
            conjunctions: set(CONJUNCTIONS),
            contrasts: set(CONTRASTS),
            auxiliaries: set(AUXILIARIES),
            direct_stop: set(DIRECT_STOP),
            direct_skip: set(DIRECT_SKIP),
        }
    })
}

/// A speech verb found at a token: how many tokens it spans, how it introduces its clause, and
/// whether a conjunction is attached to it (وقال، ואמר), which starts a new clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct VerbAt {
    pub len: usize,
    pub how: How,
    pub lang: Lang,
    pub prefixed: bool,
}

/// The Arabic and Hebrew conjunctions written as one word with what follows.
fn conjunction_prefix(word: &str) -> Option<&str> {
    ["و", "ف", "ו"].into_iter().find_map(|p| word.strip_prefix(p)).filter(|rest| rest.chars().count() >= 3)
}

impl Lexicon {
    /// The speech verb starting at `tokens[i]`, if one does; phrases need plain spaces between their words.
    pub fn verb_at(&self, chars: &[char], tokens: &[Token], i: usize) -> Option<VerbAt> {
        let word = tokens[i].norm.as_str();
        let (found, prefixed) = match self.verbs.get(word) {
            Some(v) => (v, false),
            None => (self.verbs.get(conjunction_prefix(word)?)?, true),
        };
        // Longer phrases first, so "اعلام کرد" wins over a one-word form.
        let mut best: Option<VerbAt> = None;
        for verb in found {
            let fits = verb.rest.iter().enumerate().all(|(k, w)| {
                let (prev, next) = (tokens.get(i + k), tokens.get(i + k + 1));
                matches!((prev, next), (Some(p), Some(n)) if &n.norm == w && chars[p.end..n.start].iter().all(|c| *c == ' '))
            });
            if fits && best.is_none_or(|b| verb.rest.len() + 1 > b.len) {
                best = Some(VerbAt { len: verb.rest.len() + 1, how: verb.how, lang: verb.lang, prefixed });
            }
        }
        best
    }

    pub fn is_complementiser(&self, lang: Lang, word: &str) -> bool {
        self.complementisers.get(&lang).is_some_and(|set| set.contains(word))
    }

    /// A complementiser of any language.
    pub fn is_any_complementiser(&self, word: &str) -> bool {
        self.complementisers.values().any(|set| set.contains(word))
    }

    pub fn is_conjunction(&self, word: &str) -> bool {
        self.conjunctions.contains(word)
    }

    /// A word that names the quotation after it as a name: with the Arabic article and clitics
    /// (لصحيفة، الحركة) or a Hebrew prefix letter (בעיתון) taken off.
    pub fn is_naming_noun(&self, word: &str) -> bool {
        let mut candidates = vec![word];
        for p in ["وال", "بال", "لل", "ال", "و", "ب", "ل", "ה", "ב", "ל", "ו", "מ"] {
            if let Some(rest) = word.strip_prefix(p) {
                candidates.push(rest);
            }
        }
        candidates.iter().any(|w| self.naming.contains(*w))
    }

    /// Whether `tokens[i]` attributes a quotation: a speech verb starts there, or a cue of another language.
    pub fn is_cue(&self, chars: &[char], tokens: &[Token], i: usize) -> bool {
        self.cues.contains(&tokens[i].norm) || self.verb_at(chars, tokens, i).is_some()
    }

    pub fn is_contrast(&self, word: &str) -> bool {
        self.contrasts.contains(word)
    }

    pub fn is_auxiliary(&self, word: &str) -> bool {
        self.auxiliaries.contains(word)
    }

    pub fn stops_direct(&self, word: &str) -> bool {
        self.direct_stop.contains(word)
    }

    pub fn skipped_before_direct(&self, word: &str) -> bool {
        self.direct_skip.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokens(&s.chars().collect::<Vec<_>>()).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn tokens_keep_harakat_and_joiners_and_split_ideographs() {
        assert_eq!(norms("قالَ «مؤكّدًا» گفت‌وگو don't 日本"), ["قال", "مؤكدا", "گفتوگو", "don", "t", "日", "本"]);
        assert_eq!(norms("أكد إلى آية ی ک"), ["اكد", "الي", "اية", "ي", "ك"]);
    }

    #[test]
    fn verbs_are_found_with_prefixes_and_as_phrases() {
        let lex = lexicon();
        let find = |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            let toks = tokens(&chars);
            lex.verb_at(&chars, &toks, 0).map(|v| (v.len, v.prefixed))
        };
        assert_eq!(find("وقالت الوزيرة"), Some((1, true)));
        assert_eq!(find("مؤكدًا أن"), Some((1, false)));
        assert_eq!(find("اعلام کرد که"), Some((2, false)));
        assert_eq!(find("اعلام، کرد"), None, "a phrase needs plain spaces");
        assert_eq!(find("According to Sorin"), Some((2, false)));
        assert_eq!(find("ואמר כי"), Some((1, true)));
        assert_eq!(find("وزير"), None);
        assert!(lex.is_naming_noun("لصحيفة") && lex.is_naming_noun("newspaper") && !lex.is_naming_noun("الوزير"));
        assert!(lex.is_complementiser(Lang::Arabic, &normalize("بأنّه".chars())));
        assert!(!lex.is_complementiser(Lang::Persian, &normalize("آن".chars())), "Persian آن (that one) is no أن");
    }
}
