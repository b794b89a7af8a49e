//! Letter folding for matching names: what differs between spellings of one name and not between
//! names (harakat and niqqud, tatweel, letter variants, the Persian ZWNJ, case and accents),
//! folded away, with a map back to the text's code points.
