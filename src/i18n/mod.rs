//! The interface in English and Arabic. Strings are written in English where they are used and
//! looked up in the Arabic table (`ar.rs`; the core's messages in `ar_messages.rs`) when the interface is Arabic; a string missing from the
//! table shows in English rather than not at all. The core's messages (errors, import summaries,
//! storage) are values: English is their `Display`, and each language gives every variant its own
//! sentence ([`Message`]), since a sentence with arguments is ordered differently in each. The
//! whole layout mirrors with `dir="rtl"`.

use std::collections::HashMap;

mod ar;
mod ar_layers;
mod ar_messages;

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

/// A message from the core, said in every language of the interface: English is its `Display`.
pub trait Message: std::fmt::Display {
    fn english(&self) -> String {
        self.to_string()
    }
    fn arabic(&self) -> String;
}

/// Translates for one language. Cheap to copy; get it with `use_tr` in the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub Lang);

thread_local! {
    static ARABIC: HashMap<&'static str, &'static str> = ar::TABLE.iter().chain(ar_layers::TABLE).copied().collect();
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

    /// A message from the core (an error, an import summary) in the interface's language.
    pub fn msg(self, message: &(impl Message + ?Sized)) -> String {
        match self.0 {
            Lang::En => message.english(),
            Lang::Ar => message.arabic(),
        }
    }

    /// What was repaired in a stored label set, as one notice (`None` when nothing was).
    pub fn label_repairs(self, repairs: &[crate::model::labels::LabelRepair]) -> Option<String> {
        if repairs.is_empty() {
            return None;
        }
        let said = repairs.iter().map(|r| self.msg(r)).collect::<Vec<_>>().join(" ");
        Some(format!("{} {said}", self.t("The stored labels were repaired to follow the rules of Edit labels.")))
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

#[cfg(test)]
mod scan;
#[cfg(test)]
#[path = "tests.rs"]
mod tests;
