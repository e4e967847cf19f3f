//! A message the core produces without choosing a language: a [`Text`] and its arguments, rendered
//! in any language when someone reads it.
//!
//! The checklist, the planner and the importer return [`Message`]s instead of strings, so a report
//! is computed once and shown in English, German or French (the UI switches language without
//! re-checking the design). Arguments keep their kind: numbers are formatted per language
//! ([`Lang::decimal`]), lists get the language's "and N more", and an argument may itself be a
//! text or a message (a reason in parentheses, one entry of a list).

use super::{Lang, Text};

/// A value put into a message's `{placeholder}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Verbatim: a service name, a key, a path.
    Str(String),
    /// A number with at most this many decimals, trailing zeros dropped (`1.5`, `1,5`, `2`).
    Num(f64, usize),
    /// A number with exactly this many decimals (`4.0`, `4,0`).
    Fixed(f64, usize),
    /// An exact decimal given in thousandths, trailing zeros dropped (millicores as CPUs:
    /// `1500` is `1.5` / `1,5`); integers only, so no float ever rounds it.
    Thousandths(u64),
    /// A text in the reader's language.
    Text(Text),
    /// A nested message.
    Msg(Box<Message>),
    /// Items joined with ", ", at most ten shown ("… and 4 more" in the reader's language).
    List(Vec<Arg>),
    /// Items joined with the separator ([`COMMA`], [`SEMICOLON`], [`AND`], [`OR`]), all shown.
    Join(Vec<Arg>, Text),
}

impl Arg {
    pub fn str(s: impl Into<String>) -> Arg {
        Arg::Str(s.into())
    }

    /// A list of verbatim items (service names).
    pub fn names<'a>(names: impl IntoIterator<Item = &'a str>) -> Arg {
        Arg::List(names.into_iter().map(Arg::str).collect())
    }

    pub fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Str(s) => s.clone(),
            Arg::Num(v, places) => lang.decimal(*v, *places),
            Arg::Fixed(v, places) => lang.fixed(*v, *places),
            Arg::Thousandths(n) => thousandths(lang, *n),
            Arg::Text(t) => t.get(lang).to_string(),
            Arg::Msg(m) => m.render(lang),
            Arg::List(items) => list(lang, items),
            Arg::Join(items, sep) => items
                .iter()
                .map(|a| a.render(lang))
                .collect::<Vec<_>>()
                .join(sep.get(lang)),
        }
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(t)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Str(n.to_string())
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Str(n.to_string())
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Str(n.to_string())
    }
}

crate::texts! {
    /// The tail of a list cut at ten items.
    AND_MORE { en: "{shown} and {n} more", de: "{shown} und {n} weitere", fr: "{shown} et {n} de plus" }
    COMMA { en: ", ", de: ", ", fr: ", " }
    SEMICOLON { en: "; ", de: "; ", fr: " ; " }
    AND { en: " and ", de: " und ", fr: " et " }
    OR { en: " or ", de: " oder ", fr: " ou " }
}

/// A text with the values of its placeholders.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: Text,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message without placeholders.
    pub fn plain(text: Text) -> Message {
        Message {
            text,
            args: Vec::new(),
        }
    }

    pub fn new(text: Text, args: Vec<(&'static str, Arg)>) -> Message {
        Message { text, args }
    }

    /// Adds one argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `lang`. Placeholders are replaced in one pass, so a value that happens to
    /// contain `{name}` is never expanded again; a placeholder without a value stays as written.
    pub fn render(&self, lang: Lang) -> String {
        let template = self.text.get(lang);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                self.args
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, a)| (a.render(lang), close))
            });
            match value {
                Some((v, close)) => {
                    out.push_str(&v);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

impl From<Text> for Message {
    fn from(text: Text) -> Message {
        Message::plain(text)
    }
}

/// `n / 1000` exactly, without trailing zeros, in `lang`'s notation.
fn thousandths(lang: Lang, n: u64) -> String {
    let (whole, frac) = (n / 1000, n % 1000);
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:03}");
    format!(
        "{whole}{}{}",
        lang.decimal_separator(),
        frac.trim_end_matches('0')
    )
}

/// "a, b, c" with at most ten items ("… and 4 more").
fn list(lang: Lang, items: &[Arg]) -> String {
    let shown = items
        .iter()
        .take(10)
        .map(|a| a.render(lang))
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > 10 {
        AND_MORE.fill(
            lang,
            &[("shown", &shown), ("n", &(items.len() - 10).to_string())],
        )
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::texts! {
        GREETING { en: "{who} has {n} CPU ({why})", de: "{who} hat {n} CPU ({why})", fr: "{who} a {n} CPU ({why})" }
        REASON { en: "too much", de: "zu viel", fr: "trop" }
    }

    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
        crate::i18n::assert_well_formed(ALL);
    }

    #[test]
    fn render_fills_numbers_texts_and_lists_per_language() {
        let m = Message::plain(GREETING)
            .arg("who", Arg::names(["api", "db"]))
            .arg("n", Arg::Num(1.5, 2))
            .arg("why", REASON);
        assert_eq!(m.render(Lang::En), "api, db has 1.5 CPU (too much)");
        assert_eq!(m.render(Lang::De), "api, db hat 1,5 CPU (zu viel)");
        assert_eq!(m.render(Lang::Fr), "api, db a 1,5 CPU (trop)");
    }

    #[test]
    fn long_lists_say_how_many_more_in_each_language() {
        let names: Vec<String> = (0..12).map(|i| format!("s{i}")).collect();
        let arg = Arg::names(names.iter().map(String::as_str));
        assert!(arg.render(Lang::En).ends_with("s9 and 2 more"));
        assert!(arg.render(Lang::De).ends_with("s9 und 2 weitere"));
        assert!(arg.render(Lang::Fr).ends_with("s9 et 2 de plus"));
    }

    #[test]
    fn values_are_not_expanded_twice_and_unknown_placeholders_stay() {
        let m = Message::plain(GREETING).arg("who", "{n}");
        assert_eq!(m.render(Lang::En), "{n} has {n} CPU ({why})");
    }

    #[test]
    fn fixed_keeps_its_decimals() {
        assert_eq!(Arg::Fixed(4.0, 1).render(Lang::En), "4.0");
        assert_eq!(Arg::Fixed(4.0, 1).render(Lang::De), "4,0");
        assert_eq!(Arg::Thousandths(1500).render(Lang::Fr), "1,5");
        assert_eq!(Arg::Thousandths(125).render(Lang::En), "0.125");
        assert_eq!(Arg::Thousandths(4000).render(Lang::De), "4");
    }
}
