//! A tiny argument reader: positional arguments and `--flag` / `--option VALUE` pairs, and the
//! one reading of `--lang` every command that prints prose shares.

use super::CliError;
use crate::i18n::Lang;

#[derive(Debug, Clone)]
pub struct Args<'a> {
    items: &'a [String],
    used: Vec<bool>,
}

impl<'a> Args<'a> {
    pub fn new(items: &'a [String]) -> Self {
        Args {
            items,
            used: vec![false; items.len()],
        }
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
            None => Err(CliError::input(format!("{name} needs a value"))),
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
            Some(tag) => parse_lang(tag),
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
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| CliError::input(format!("{name}: {v:?} is not a valid number"))),
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
                return Err(CliError::input(format!("unknown option {item}")));
            }
            out.push(item.as_str());
        }
        Ok(out)
    }

    /// Exactly one positional argument, named `what` in the error.
    pub fn one(&self, what: &str) -> Result<&'a str, CliError> {
        match self.positionals()?.as_slice() {
            [one] => Ok(one),
            [] => Err(CliError::input(format!("{what} is missing"))),
            more => Err(CliError::input(format!(
                "expected one {what}, got {}",
                more.len()
            ))),
        }
    }

    /// No positional arguments allowed.
    pub fn none(&self) -> Result<(), CliError> {
        match self.positionals()?.first() {
            Some(extra) => Err(CliError::input(format!("unexpected argument {extra:?}"))),
            None => Ok(()),
        }
    }
}

/// A `--lang` value: exactly one of the language codes (`de`, `FR`, `de-CH` are read; `xx` is
/// an error naming the choices).
pub fn parse_lang(tag: &str) -> Result<Lang, CliError> {
    Lang::parse(tag).ok_or_else(|| {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        CliError::input(format!(
            "--lang: {tag:?} is not a language Tierboard speaks (choose {})",
            codes.join(", ")
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
