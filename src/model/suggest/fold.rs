//! Letter folding for matching names: what differs between spellings of one name and not between
//! names (harakat and niqqud, tatweel, letter variants, the Persian ZWNJ, case and accents),
//! folded away, with a map back to the text's code points.
//!
//! The rules, in order, for each code point:
//! - dropped: Arabic harakat (U+064B–U+065F, U+0670) and Quranic marks, tatweel (U+0640), Hebrew
//!   niqqud and cantillation, combining marks (U+0300–U+036F and the other combining blocks),
//!   ZWNJ, ZWJ, the direction marks and isolates, the soft hyphen, the BOM and the word joiner;
//! - white space: a line break becomes `\n`, any other run of white space one space;
//! - lower case (`to_lowercase`), then Latin letters lose their accents (Latin-1 and Latin
//!   Extended-A, and Romanian and Vietnamese ș ț ơ ư): `é` → `e`, `ł` → `l`;
//! - Arabic letter variants become one: ی ى ئ → ي, ک ڪ → ك, أ إ آ ٱ → ا, ة ۀ ە ھ ہ → ه, ؤ → و; Arabic
//!   and Persian digits become ASCII digits; the Hebrew maqaf becomes `-`.
//!
//! A second, looser key ([`phonetic`]) also merges the letters Arabic script writes a sound it
//! lacks with: g as ج غ ك گ, v as ف ڤ, p as ب پ. Matches through it rank lower.

/// A text folded for matching: its folded code points and, for each, where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    pub chars: Vec<char>,
    /// `to_original[i]` is the code-point offset (in the whole article) of the character that
    /// folded character `i` came from; increasing, never decreasing.
    pub to_original: Vec<usize>,
}

impl Folded {
    /// The folding of `text`, offsets counted from its start.
    pub fn new(text: &str) -> Folded {
        Folded::at(text, 0)
    }

    /// The folding of `text` that starts at code point `base` of the article.
    pub fn at(text: &str, base: usize) -> Folded {
        let mut chars = Vec::with_capacity(text.len() / 2 + 1);
        let mut to_original = Vec::with_capacity(text.len() / 2 + 1);
        for (i, c) in text.chars().enumerate() {
            fold_char(c, |f| {
                if f == ' ' && chars.last() == Some(&' ') {
                    return;
                }
                chars.push(f);
                to_original.push(base + i);
            });
        }
        Folded { chars, to_original }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The folded text as a string (for tests and keys).
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }
}

/// The folding of one string, as a string.
pub fn fold(text: &str) -> String {
    Folded::new(text).text()
}

/// Whether `c` is dropped: a mark, tatweel or an invisible format character.
pub fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        // Hebrew niqqud and cantillation (not the maqaf U+05BE, paseq U+05C0, sof pasuq U+05C3)
        | 0x0591..=0x05BD | 0x05BF | 0x05C1 | 0x05C2 | 0x05C4 | 0x05C5 | 0x05C7
        // Arabic: Quranic marks, harakat, superscript alef, tatweel, small high marks
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x0640 | 0x06D6..=0x06DC | 0x06DF..=0x06E8 | 0x06EA..=0x06ED
        | 0x08D3..=0x08E1 | 0x08E3..=0x08FF
        // soft hyphen, Arabic letter mark, ZWSP ZWNJ ZWJ LRM RLM, embeddings, word joiner, isolates, BOM
        | 0x00AD | 0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060 | 0x2066..=0x2069 | 0xFEFF)
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000B}' | '\u{000C}')
}

/// Bases of U+00E0–U+00FF; `*` keeps the letter.
const LATIN1: &str = "aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
/// Bases of U+0100–U+017F.
const LATIN_EXT_A: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

fn strip_accent(c: char) -> char {
    let base = match c as u32 {
        n @ 0x00E0..=0x00FF => LATIN1.as_bytes()[(n - 0xE0) as usize],
        n @ 0x0100..=0x017F => LATIN_EXT_A.as_bytes()[(n - 0x100) as usize],
        _ => {
            return match c {
                'ș' | 'ş' => 's',
                'ț' | 'ţ' => 't',
                'ơ' => 'o',
                'ư' => 'u',
                _ => c,
            }
        }
    };
    if base == b'*' {
        c
    } else {
        base as char
    }
}

/// One letter variant for all: the rules above for a lower-case letter.
fn variant(c: char) -> char {
    match c {
        'ی' | 'ى' | 'ئ' => 'ي',
        'ک' | 'ڪ' => 'ك',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' | 'ۀ' | 'ە' | 'ھ' | 'ہ' => 'ه',
        'ؤ' => 'و',
        '\u{05BE}' => '-',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => strip_accent(c),
    }
}

/// Calls `out` with what `c` folds to: nothing, one character or (for a few lower-case
/// expansions) more.
pub fn fold_char(c: char, mut out: impl FnMut(char)) {
    if is_ignorable(c) {
        return;
    }
    if c.is_whitespace() {
        out(if is_line_break(c) { '\n' } else { ' ' });
        return;
    }
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
        return;
    }
    if ('\u{0590}'..='\u{06FF}').contains(&c) {
        // Hebrew and Arabic have no case.
        out(variant(c));
        return;
    }
    for l in c.to_lowercase() {
        if !is_ignorable(l) {
            out(variant(l));
        }
    }
}

/// The looser key of a folded letter: one class for each sound Arabic script writes with several
/// letters (`G` for ج غ ك گ ڭ, `V` for ف ڤ ۋ, `P` for ب پ). Classes are upper-case ASCII, which
/// folded text never holds.
pub fn phonetic(c: char) -> char {
    match c {
        'ج' | 'غ' | 'ك' | 'گ' | 'ڭ' => 'G',
        'ف' | 'ڤ' | 'ۋ' => 'V',
        'ب' | 'پ' => 'P',
        _ => c,
    }
}

/// Whether `c` (folded) belongs to a word: a letter or a digit.
pub fn is_word(c: char) -> bool {
    // Arabic and Hebrew first: the general lookup is slow, and runs for every character.
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x0620..=0x064A | 0x0660..=0x0669 | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 | 0x06EE..=0x06FF => true,
        0x05D0..=0x05EA | 0x05EF..=0x05F2 => true,
        0x0600..=0x061F | 0x064B..=0x065F | 0x066A..=0x066D | 0x0670 | 0x06D4 | 0x06D6..=0x06ED | 0x0590..=0x05CF => false,
        _ => c.is_alphanumeric(),
    }
}

/// Whether `c` (folded) may stand between two parts of one name, or be left out: a space, a hyphen
/// or an apostrophe ("Amir-Abdollahian", "أمير عبد اللهيان" and "أميرعبد اللهيان" are one name).
pub fn is_joiner(c: char) -> bool {
    matches!(c, ' ' | '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harakat_quranic_marks_and_tatweel_are_dropped() {
        assert_eq!(fold("لَافْرُوفُ"), "لافروف");
        assert_eq!(fold("مُحَمَّدٌ"), "محمد");
        assert_eq!(fold("الرَّحْمٰنِ"), "الرحمن", "superscript alef U+0670");
        assert_eq!(fold("لافـــروف"), "لافروف", "tatweel");
        assert_eq!(fold("قُلْ\u{06DA}"), "قل", "a Quranic pause mark");
    }

    #[test]
    fn arabic_letter_variants_become_one() {
        assert_eq!(fold("موسی"), fold("موسى"));
        assert_eq!(fold("موسى"), "موسي");
        assert_eq!(fold("کرملین"), "كرملين");
        assert_eq!(fold("أإآٱا"), "ااااا");
        assert_eq!(fold("غزة"), "غزه");
        assert_eq!(fold("مسؤول"), "مسوول");
        assert_eq!(fold("رئيس"), "رييس");
        assert_eq!(fold("٢٠ ۱۴"), "20 14", "Arabic and Persian digits");
    }

    #[test]
    fn the_persian_zwnj_and_invisible_marks_are_dropped() {
        assert_eq!(fold("امیر\u{200C}عبداللهیان"), "اميرعبداللهيان");
        assert_eq!(fold("\u{200F}Lavrov\u{200E}\u{200D}\u{FEFF}"), "lavrov");
        assert_eq!(fold("co\u{00AD}operate"), "cooperate", "soft hyphen");
    }

    #[test]
    fn hebrew_niqqud_and_cantillation_are_dropped() {
        assert_eq!(fold("נְתַנְיָהוּ"), "נתניהו");
        assert_eq!(fold("בְּרֵאשִׁ֖ית"), "בראשית", "dagesh, shin dot and a cantillation mark");
        assert_eq!(fold("בית־לחם"), "בית-לחם", "the maqaf is a hyphen");
    }

    #[test]
    fn case_and_latin_accents_are_folded() {
        assert_eq!(fold("LAVROV Lavrov"), "lavrov lavrov");
        assert_eq!(fold("González Łukasz Öçalan Ștefan"), "gonzalez lukasz ocalan stefan");
        assert_eq!(fold("Gonza\u{0301}lez"), "gonzalez", "an already decomposed accent");
        assert_eq!(fold("ÆSØP"), "æsop", "letters that are not accented ones are kept");
        assert_eq!(fold("İstanbul"), "istanbul", "a lower case that expands");
    }

    #[test]
    fn white_space_runs_become_one_space_and_line_breaks_stay() {
        assert_eq!(fold("a \u{00A0}\tb\r\nc"), "a b\n\nc");
    }

    #[test]
    fn every_folded_character_maps_back_to_its_original() {
        let f = Folded::at("وَلافـروف  X", 10);
        assert_eq!(f.text(), "ولافروف x");
        assert_eq!(f.to_original, vec![10, 12, 13, 14, 16, 17, 18, 19, 21]);
        assert!(f.to_original.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn the_phonetic_key_merges_the_letters_of_one_foreign_sound() {
        let key = |s: &str| fold(s).chars().map(phonetic).collect::<String>();
        assert_eq!(key("سيرجي"), key("سيرغي"));
        assert_eq!(key("سيرگي"), key("سيركي"));
        assert_eq!(key("لافروف"), key("لاڤروڤ"));
        assert_eq!(key("پوتين"), key("بوتين"));
        assert_ne!(key("سيرجي"), key("سيرزي"));
    }
}
