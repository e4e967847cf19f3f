//! The languages Tierboard speaks (English, German, French) and the one way a text is written in
//! all of them.
//!
//! A [`Text`] is a struct literal with one field per language, so a text missing a language does
//! not compile; a text is named by a `const` (declared with [`texts!`]), so a missing key does not
//! compile either. That is the guarantee of a compile-time-checked i18n library, without pulling
//! leptos (or any runtime catalogue) into the core: the CLI, the generator and the web app read the
//! same constants, and nothing is translated at run time.
//!
//! Placeholders are written `{name}` and filled with [`Text::fill`]; the `texts!` tests check that
//! the three languages of a text use the same placeholders. Numbers are formatted per language with
//! [`Lang::decimal`] (`1.5` in English, `1,5` in German and French).
//!
//! Architecture invariant: identifiers, file names, YAML keys and rule ids never depend on the
//! language; only the words a person reads do.

use serde::{Deserialize, Serialize};

pub mod message;
mod quote;
pub use message::{Arg, Message};
pub use quote::{quote, quote_char};

/// A language of the interface and of the generated documentation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
}

impl Lang {
    /// Every language, in the switcher's order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Fr];

    /// The BCP 47 primary subtag (`lang` attribute, `?lang=`, `--lang`).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name, for the switcher.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
        }
    }

    /// Reads a language tag or locale: `de`, `de-CH`, `fr_FR.UTF-8`, `EN`. `None` for any other
    /// language (and for `C`/`POSIX`).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The first language of `preferences` (most preferred first, as `navigator.languages`) that
    /// Tierboard speaks.
    pub fn first_supported<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        preferences.into_iter().find_map(Lang::parse)
    }

    /// The `lang` parameter of a URL's query string (`?lang=de`, `?x=1&lang=fr`; a leading `?`
    /// is optional). `None` when it is missing or names a language Tierboard does not speak.
    pub fn from_query(query: &str) -> Option<Lang> {
        query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .filter(|(key, _)| *key == "lang")
            .find_map(|(_, value)| Lang::parse(value))
    }

    /// `query` with its `lang` parameter set to `lang` (without the leading `?`), or `None` when
    /// it has no `lang` parameter (then there is nothing to rewrite).
    pub fn set_in_query(query: &str, lang: Lang) -> Option<String> {
        let mut found = false;
        let parts: Vec<String> = query
            .trim_start_matches('?')
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some(("lang", _)) => {
                    found = true;
                    format!("lang={}", lang.code())
                }
                _ => pair.to_string(),
            })
            .collect();
        found.then(|| parts.join("&"))
    }

    /// `url` without its `lang` query parameter (a `?` left empty goes too): the base of a share
    /// link, so that the link carries the design and each reader keeps their own language.
    pub fn strip_from_url(url: &str) -> String {
        let (before_hash, hash) = url.split_at(url.find('#').unwrap_or(url.len()));
        let Some((page, query)) = before_hash.split_once('?') else {
            return url.to_string();
        };
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some("lang"))
            .collect();
        if kept.is_empty() {
            format!("{page}{hash}")
        } else {
            format!("{page}?{}{hash}", kept.join("&"))
        }
    }

    /// The interface language when the app starts: the browser's preferences
    /// (`navigator.languages`), overridden by the choice stored from the switcher, overridden by
    /// `?lang=` in the address. Anything unreadable is skipped; English when nothing names a
    /// language Tierboard speaks.
    pub fn choose<'a>(
        preferences: impl IntoIterator<Item = &'a str>,
        stored: Option<&str>,
        query: &str,
    ) -> Lang {
        Lang::from_query(query)
            .or_else(|| stored.and_then(Lang::parse))
            .or_else(|| Lang::first_supported(preferences))
            .unwrap_or_default()
    }

    /// The CLI's default: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (POSIX order), English when
    /// none names a language Tierboard speaks. An empty variable counts as unset.
    pub fn from_locale_env(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.trim().is_empty())
            .and_then(Lang::parse)
            .unwrap_or_default()
    }

    /// The decimal separator.
    pub const fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            Lang::De | Lang::Fr => ',',
        }
    }

    /// `value` with at most `places` decimals (trailing zeros dropped), in this language's
    /// notation: `1.5` / `1,5`. Not-a-number and infinities print as `–`.
    pub fn decimal(self, value: f64, places: usize) -> String {
        let mut s = self.fixed(value, places);
        if s.contains(self.decimal_separator()) {
            let trimmed = s.trim_end_matches('0').len();
            s.truncate(trimmed);
            if s.ends_with(self.decimal_separator()) {
                s.pop();
            }
        }
        s
    }

    /// `value` with exactly `places` decimals (at most 9), in this language's notation: `4.0` /
    /// `4,0`. Not-a-number and infinities print as `–`; a value that rounds to zero has no sign.
    ///
    /// Integer arithmetic on the value scaled and rounded half to even (as `format!` rounds an
    /// exact tie), not `format!("{:.2}")`: float formatting is several KB of the app's wasm
    /// (issue 18), and numbers shown to people never need more than 9 decimals or 19 digits.
    pub fn fixed(self, value: f64, places: usize) -> String {
        if !value.is_finite() {
            return "–".to_string();
        }
        let places = places.min(9);
        let scale = 10u64.pow(places as u32);
        // Saturates above u64::MAX: no quantity a person reads is that large.
        let n = scaled_rounded(value.abs(), scale as f64) as u64;
        let mut s = String::new();
        if value < 0.0 && n != 0 {
            s.push('-');
        }
        s.push_str(&(n / scale).to_string());
        if places > 0 {
            s.push(self.decimal_separator());
            let frac = (n % scale).to_string();
            s.extend(std::iter::repeat_n('0', places - frac.len()));
            s.push_str(&frac);
        }
        s
    }
}

/// `value × scale` rounded to an integer as the exact product rounds, half to even (`value` ≥ 0,
/// `scale` a power of ten up to 10⁹). The float product may itself have rounded onto a tie (0.05 ×
/// 10 is 0.5, although 0.05 is a little more than 1/20): its error, exact by Dekker's product,
/// says on which side of the tie the exact product lies.
fn scaled_rounded(value: f64, scale: f64) -> f64 {
    let product = value * scale;
    let floor = product.floor();
    if product - floor != 0.5 {
        return product.round();
    }
    let split = |x: f64| {
        let c = 134_217_729.0 * x; // 2^27 + 1
        let high = c - (c - x);
        (high, x - high)
    };
    let ((vh, vl), (sh, sl)) = (split(value), split(scale));
    let error = ((vh * sh - product) + vh * sl + vl * sh) + vl * sl;
    if error > 0.0 {
        floor + 1.0
    } else if error < 0.0 {
        floor
    } else {
        product.round_ties_even()
    }
}

/// One text in every language. Build it with [`texts!`] so it has a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub de: &'static str,
    pub fr: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::De => self.de,
            Lang::Fr => self.fr,
        }
    }

    /// The text in `lang` with each `{name}` replaced by its value. Unknown placeholders stay as
    /// written (a test catches them), so filling never fails.
    pub fn fill(&self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut out = self.get(lang).to_string();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// The placeholder names of the text in `lang`, sorted (`{n}`, `{name}`).
    pub fn placeholders(&self, lang: Lang) -> Vec<&'static str> {
        let text = self.get(lang);
        let mut names = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            let name = &after[..close];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                names.push(name);
            }
            rest = &after[close + 1..];
        }
        crate::sorting::sort(&mut names);
        names.dedup();
        names
    }

    /// Problems a translator could have made: a language left empty, or placeholders that differ
    /// from the English text's. Empty when the text is well formed.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let en = self.placeholders(Lang::En);
        for lang in Lang::ALL {
            if self.get(lang).trim().is_empty() && !self.en.trim().is_empty() {
                out.push(format!("{} is empty", lang.code()));
            }
            let theirs = self.placeholders(lang);
            if theirs != en {
                out.push(format!(
                    "{} placeholders {theirs:?} differ from en {en:?}",
                    lang.code()
                ));
            }
        }
        out
    }
}

/// Declares named [`Text`]s, one `const` each, plus `ALL` (every text of the invocation, by name)
/// for tests:
///
/// ```
/// tierboard::texts! {
///     /// The Undo button.
///     UNDO { en: "Undo", de: "Rückgängig", fr: "Annuler" }
///     SERVICES_N { en: "{n} services", de: "{n} Services", fr: "{n} services" }
/// }
/// assert_eq!(UNDO.get(tierboard::i18n::Lang::De), "Rückgängig");
/// assert!(ALL.iter().all(|(_, t)| t.problems().is_empty()));
/// ```
///
/// Leaving out a language, or naming a text that was never declared, is a compile error.
#[macro_export]
macro_rules! texts {
    ($( $(#[$meta:meta])* $name:ident { en: $en:expr, de: $de:expr, fr: $fr:expr $(,)? } )*) => {
        $(
            $(#[$meta])*
            pub const $name: $crate::i18n::Text = $crate::i18n::Text { en: $en, de: $de, fr: $fr };
        )*
        /// Every text declared here, with its name (for the placeholder tests).
        #[allow(dead_code)]
        pub const ALL: &[(&str, $crate::i18n::Text)] = &[$((stringify!($name), $name)),*];
    };
}

/// Asserts that every text of a `texts!` module is well formed (call it from that module's tests).
#[cfg(test)]
pub(crate) fn assert_well_formed<N: AsRef<str>>(all: &[(N, Text)]) {
    let bad: Vec<String> = all
        .iter()
        .flat_map(|(name, t)| {
            t.problems()
                .into_iter()
                .map(move |p| format!("{}: {p}", name.as_ref()))
        })
        .collect();
    assert!(bad.is_empty(), "badly formed texts:\n{}", bad.join("\n"));
}

/// Asserts that no text was left in English in German or French, apart from the words in `same`
/// (product and technical terms the languages write alike).
#[cfg(test)]
pub(crate) fn assert_translated<N: AsRef<str>>(all: &[(N, Text)], same: &[&str]) {
    let forgotten: Vec<String> = all
        .iter()
        .flat_map(|(name, t)| {
            [Lang::De, Lang::Fr]
                .into_iter()
                .filter(move |&l| t.get(l) == t.en && !same.contains(&t.en))
                .map(move |l| format!("{} ({})", name.as_ref(), l.code()))
        })
        .collect();
    assert!(forgotten.is_empty(), "untranslated: {forgotten:?}");
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::texts! {
        HELLO { en: "Hello {name}", de: "Hallo {name}", fr: "Bonjour {name}" }
        BROKEN { en: "{n} services", de: "{count} Services", fr: "" }
    }

    #[test]
    fn parse_reads_tags_and_locales() {
        assert_eq!(Lang::parse("de"), Some(Lang::De));
        assert_eq!(Lang::parse("de-CH"), Some(Lang::De));
        assert_eq!(Lang::parse("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("it-IT"), None);
        assert_eq!(Lang::parse("C"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn preferences_pick_the_first_spoken_language() {
        assert_eq!(Lang::first_supported(["it", "fr-CA", "de"]), Some(Lang::Fr));
        assert_eq!(Lang::first_supported(["it", "es"]), None);
    }

    #[test]
    fn query_string_names_the_language() {
        assert_eq!(Lang::from_query("?lang=de"), Some(Lang::De));
        assert_eq!(Lang::from_query("a=1&lang=fr-CA&b"), Some(Lang::Fr));
        assert_eq!(Lang::from_query("?lang=it"), None);
        assert_eq!(Lang::from_query("?language=de&xlang=fr"), None);
        assert_eq!(Lang::from_query(""), None);
    }

    #[test]
    fn switching_rewrites_the_query_lang() {
        assert_eq!(
            Lang::set_in_query("?lang=de", Lang::Fr).as_deref(),
            Some("lang=fr")
        );
        assert_eq!(
            Lang::set_in_query("a=1&lang=en&b=2", Lang::De).as_deref(),
            Some("a=1&lang=de&b=2")
        );
        assert_eq!(Lang::set_in_query("?a=1", Lang::De), None);
        assert_eq!(Lang::set_in_query("", Lang::De), None);
    }

    #[test]
    fn share_links_leave_the_language_out() {
        let strip = Lang::strip_from_url;
        assert_eq!(strip("http://h/?lang=de"), "http://h/");
        assert_eq!(strip("http://h/?a=1&lang=fr&b=2#x"), "http://h/?a=1&b=2#x");
        assert_eq!(strip("http://h/app?a=1"), "http://h/app?a=1");
        assert_eq!(strip("http://h/"), "http://h/");
        assert_eq!(strip("http://h/?language=de"), "http://h/?language=de");
    }

    #[test]
    fn start_language_query_beats_stored_beats_browser() {
        let browser = ["it-IT", "de-DE", "en"];
        assert_eq!(Lang::choose(browser, None, ""), Lang::De);
        assert_eq!(Lang::choose(browser, Some("fr"), ""), Lang::Fr);
        assert_eq!(Lang::choose(browser, Some("fr"), "?lang=en"), Lang::En);
        assert_eq!(Lang::choose(browser, None, "?lang=fr"), Lang::Fr);
        // Unreadable values fall through to the next source.
        assert_eq!(Lang::choose(browser, Some("klingon"), "?lang=xx"), Lang::De);
        assert_eq!(Lang::choose(["es", "it"], None, ""), Lang::En);
        assert_eq!(Lang::choose([], None, ""), Lang::En);
    }

    #[test]
    fn locale_env_follows_posix_precedence() {
        assert_eq!(
            Lang::from_locale_env(Some("fr_FR.UTF-8"), None, Some("de_DE")),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_locale_env(Some(""), None, Some("de_DE.UTF-8")),
            Lang::De
        );
        assert_eq!(
            Lang::from_locale_env(None, Some("de"), Some("fr")),
            Lang::De
        );
        assert_eq!(
            Lang::from_locale_env(Some("C.UTF-8"), None, Some("de")),
            Lang::En
        );
        assert_eq!(Lang::from_locale_env(None, None, None), Lang::En);
    }

    #[test]
    fn decimals_use_the_languages_separator() {
        assert_eq!(Lang::En.decimal(1.5, 2), "1.5");
        assert_eq!(Lang::De.decimal(1.5, 2), "1,5");
        assert_eq!(Lang::Fr.decimal(0.25, 2), "0,25");
        assert_eq!(Lang::De.decimal(2.0, 2), "2");
        assert_eq!(Lang::De.decimal(-0.0001, 1), "0");
        assert_eq!(Lang::Fr.decimal(f64::NAN, 1), "–");
        assert_eq!(Lang::En.decimal(12.0, 0), "12");
        assert_eq!(Lang::En.decimal(0.05, 1), "0.1");
    }

    #[test]
    fn fixed_decimals_round_like_format() {
        for (value, places) in [
            (0.125, 2),
            (2.675, 2),
            (1.005, 2),
            (4.0, 1),
            (1234.5678, 3),
            (-3.25, 1),
            (0.5, 0),
            (1.5, 0),
            (99.95, 1),
            (1e-7, 9),
            (123_456_789.0, 2),
        ] {
            let expected = format!("{value:.places$}");
            assert_eq!(
                Lang::En.fixed(value, places),
                expected,
                "{value} to {places}"
            );
        }
        // Values a person reads (quantities, fractions of them): every one as `format!` has it.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for i in 0..20_000u32 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let value = match i % 3 {
                0 => f64::from(i) / 1000.0,
                1 => f64::from(i) / 8.0 + 0.005,
                _ => (seed >> 11) as f64 / (1u64 << 53) as f64 * 1e6,
            };
            for places in 0..=4 {
                assert_eq!(
                    Lang::En.fixed(value, places),
                    format!("{value:.places$}"),
                    "{value}"
                );
            }
        }
        assert_eq!(Lang::De.fixed(4.0, 1), "4,0");
        assert_eq!(Lang::Fr.fixed(-0.01, 1), "0,0");
        assert_eq!(Lang::En.fixed(f64::INFINITY, 2), "–");
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(HELLO.fill(Lang::De, &[("name", "Ada")]), "Hallo Ada");
        assert_eq!(HELLO.get(Lang::Fr), "Bonjour {name}");
    }

    #[test]
    fn problems_catch_empty_languages_and_placeholder_drift() {
        assert!(HELLO.problems().is_empty());
        assert_well_formed(&[("HELLO", HELLO)]);
        let p = BROKEN.problems();
        assert!(p.iter().any(|m| m.starts_with("fr is empty")), "{p:?}");
        assert!(p.iter().any(|m| m.starts_with("de placeholders")), "{p:?}");
        assert_eq!(ALL.len(), 2);
    }

    #[test]
    fn lang_serialises_as_its_code() {
        assert_eq!(serde_json::to_string(&Lang::Fr).unwrap(), "\"fr\"");
        assert_eq!(serde_json::from_str::<Lang>("\"de\"").unwrap(), Lang::De);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
    }
}
