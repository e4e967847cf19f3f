//! A tiny argument reader: positional arguments and `--flag` / `--option VALUE` pairs, and the
//! one reading of `--lang` every command that prints prose shares.

use super::CliError;
use crate::i18n::{Lang, Message};

#[derive(Debug, Clone)]
pub struct Args<'a> {
    items: &'a [String],
    used: Vec<bool>,
    /// The language of this reader's own errors: a readable `--lang`, else the locale.
    lang: Lang,
}

crate::texts! {
    NEEDS_VALUE { en: "{name} needs a value", de: "{name} braucht einen Wert", fr: "{name} a besoin d'une valeur" }
    NOT_A_NUMBER {
        en: "{name}: {value} is not a valid number",
        de: "{name}: {value} ist keine gültige Zahl",
        fr: "{name} : {value} n'est pas un nombre valide",
    }
    UNKNOWN_OPTION { en: "unknown option {option}", de: "unbekannte Option {option}", fr: "option inconnue {option}" }
    MISSING { en: "{what} is missing", de: "{what} fehlt", fr: "{what} manquant" }
    EXPECTED_ONE {
        en: "expected one {what}, got {n}",
        de: "genau ein {what} erwartet, {n} erhalten",
        fr: "un seul {what} attendu, {n} reçus",
    }
    UNEXPECTED {
        en: "unexpected argument {argument}",
        de: "unerwartetes Argument {argument}",
        fr: "argument inattendu {argument}",
    }
    BAD_LANG {
        en: "--lang: {tag} is not a language Tierboard speaks (choose {codes})",
        de: "--lang: {tag} ist keine Sprache, die Tierboard spricht (zur Wahl: {codes})",
        fr: "--lang : {tag} n'est pas une langue que Tierboard parle (au choix : {codes})",
    }
}

impl<'a> Args<'a> {
    /// A reader whose errors speak the language of `--lang` (when readable) or of the locale.
    pub fn new(items: &'a [String]) -> Self {
        let env = |name: &str| std::env::var(name).ok();
        let locale = Lang::from_locale_env(
            env("LC_ALL").as_deref(),
            env("LC_MESSAGES").as_deref(),
            env("LANG").as_deref(),
        );
        let flag = items
            .iter()
            .position(|a| a == "--lang")
            .and_then(|i| items.get(i + 1))
            .and_then(|tag| Lang::parse(tag));
        Args {
            items,
            used: vec![false; items.len()],
            lang: flag.unwrap_or(locale),
        }
    }

    /// The language the reader's errors are written in (see [`Args::new`]).
    pub fn error_lang(&self) -> Lang {
        self.lang
    }

    fn error(&self, message: Message) -> CliError {
        CliError::input(message.render(self.lang))
    }

    /// Whether `--name` is present (consumes it).
    pub fn flag(&mut self, name: &str) -> bool {
        match self.items.iter().position(|a| a == name) {
            Some(i) => {
                self.used[i] = true;
                true
            }
            None => false,
        }
    }

    /// The value after `--name` (consumes both); an error when the value is missing.
    pub fn option(&mut self, name: &str) -> Result<Option<&'a str>, CliError> {
        let Some(i) = self.items.iter().position(|a| a == name) else {
            return Ok(None);
        };
        self.used[i] = true;
        match self.items.get(i + 1) {
            Some(v) => {
                self.used[i + 1] = true;
                Ok(Some(v.as_str()))
            }
            None => Err(self.error(Message::plain(NEEDS_VALUE).arg("name", name))),
        }
    }

    /// The language of the output: `--lang en|de|fr` (consumed), else the locale environment
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them), else English. An unknown
    /// `--lang` is a usage error (exit 2).
    pub fn lang(&mut self) -> Result<Lang, CliError> {
        let env = |name: &str| std::env::var(name).ok();
        self.lang_or(env("LC_ALL"), env("LC_MESSAGES"), env("LANG"))
    }

    /// [`Args::lang`] with the environment given (for tests).
    pub fn lang_or(
        &mut self,
        lc_all: Option<String>,
        lc_messages: Option<String>,
        lang: Option<String>,
    ) -> Result<Lang, CliError> {
        match self.option("--lang")? {
            Some(tag) => parse_lang(tag, self.lang),
            None => Ok(Lang::from_locale_env(
                lc_all.as_deref(),
                lc_messages.as_deref(),
                lang.as_deref(),
            )),
        }
    }

    /// A numeric option.
    pub fn number<T: std::str::FromStr>(&mut self, name: &str) -> Result<Option<T>, CliError> {
        match self.option(name)? {
            Some(v) => v.parse().map(Some).map_err(|_| {
                self.error(
                    Message::plain(NOT_A_NUMBER)
                        .arg("name", name)
                        .arg("value", format!("{v:?}")),
                )
            }),
            None => Ok(None),
        }
    }

    /// The remaining positional arguments; unknown `--options` are an error. Call after flags/options.
    pub fn positionals(&self) -> Result<Vec<&'a str>, CliError> {
        let mut out = Vec::new();
        for (item, used) in self.items.iter().zip(&self.used) {
            if *used {
                continue;
            }
            if item.starts_with("--") {
                return Err(self.error(Message::plain(UNKNOWN_OPTION).arg("option", item.as_str())));
            }
            out.push(item.as_str());
        }
        Ok(out)
    }

    /// Exactly one positional argument, named `what` in the error.
    pub fn one(&self, what: &str) -> Result<&'a str, CliError> {
        match self.positionals()?.as_slice() {
            [one] => Ok(one),
            [] => Err(self.error(Message::plain(MISSING).arg("what", what))),
            more => Err(self.error(
                Message::plain(EXPECTED_ONE)
                    .arg("what", what)
                    .arg("n", more.len()),
            )),
        }
    }

    /// No positional arguments allowed.
    pub fn none(&self) -> Result<(), CliError> {
        match self.positionals()?.first() {
            Some(extra) => {
                Err(self.error(Message::plain(UNEXPECTED).arg("argument", format!("{extra:?}"))))
            }
            None => Ok(()),
        }
    }
}

/// A `--lang` value: one of the language codes (`de`, `FR`, `de-CH` are read); anything else
/// is a usage error (exit 2) naming the choices, written in `error_lang`.
pub fn parse_lang(tag: &str, error_lang: Lang) -> Result<Lang, CliError> {
    Lang::parse(tag).ok_or_else(|| {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        let message = Message::plain(BAD_LANG)
            .arg("tag", format!("{tag:?}"))
            .arg("codes", codes.join(", "));
        CliError::input(message.render(error_lang))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(ALL);
    }

    #[test]
    fn the_readers_errors_follow_a_readable_lang_flag() {
        let items = args(&["--lang", "de", "--frob"]);
        let mut a = Args::new(&items);
        assert_eq!(a.lang(), Ok(Lang::De));
        let e = a.positionals().unwrap_err();
        assert_eq!(e.message, "unbekannte Option --frob");
        let items = args(&["--lang", "fr"]);
        let mut a = Args::new(&items);
        assert_eq!(a.lang(), Ok(Lang::Fr));
        let e = a.one("DESIGN.json").unwrap_err();
        assert_eq!(e.message, "DESIGN.json manquant");
    }

    fn args(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn lang_flag_wins_over_the_environment() {
        let items = args(&["x.json", "--lang", "fr"]);
        let mut a = Args::new(&items);
        let lang = a.lang_or(Some("de_DE.UTF-8".into()), None, None);
        assert_eq!(lang, Ok(Lang::Fr));
        assert_eq!(a.positionals().unwrap(), ["x.json"]);
    }

    #[test]
    fn lang_defaults_to_the_locale_then_english() {
        let items = args(&[]);
        let lang = Args::new(&items).lang_or(None, None, Some("de_AT.UTF-8".into()));
        assert_eq!(lang, Ok(Lang::De));
        let lang = Args::new(&items).lang_or(Some("C".into()), None, Some("fr".into()));
        assert_eq!(lang, Ok(Lang::En));
    }

    #[test]
    fn unknown_or_missing_lang_is_a_usage_error() {
        let items = args(&["--lang", "xx"]);
        let e = Args::new(&items).lang_or(None, None, None).unwrap_err();
        assert_eq!(e.code, 2);
        assert!(e.message.contains("\"xx\"") && e.message.contains("en, de, fr"));
        let items = args(&["--lang"]);
        assert_eq!(
            Args::new(&items)
                .lang_or(None, None, None)
                .unwrap_err()
                .code,
            2
        );
    }
}
