//! Human text for planner figures, and its reading back, shared by the CLI, the UI and the
//! generated docs so that every surface writes and reads "0.5 CPU" and "2 GB" the same way.
//! Exact: integers in, no float rounding; what is typed is what the design stores.
//!
//! The `_in` variants write and read the same figures in a language's notation (`1,5 CPU`, `2 Go`
//! in German and French) for the interface; the `_arg` forms put them into messages; the plain
//! ones stay English for the CLI and the files.

use crate::i18n::{Arg, Lang, Message, Text};

/// Millicores as CPUs: `500` -> `"0.5"`, `4000` -> `"4"`, `125` -> `"0.125"`.
pub fn cpus(millicores: u64) -> String {
    let (whole, frac) = (millicores / 1000, millicores % 1000);
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:03}");
    format!("{whole}.{}", frac.trim_end_matches('0'))
}

/// MiB as memory text: whole GiB as `"2 GB"`, anything else as `"1536 MB"` (compose writes `M`
/// and `G` for the same binary units).
pub fn memory(mib: u64) -> String {
    if mib >= 1024 && mib.is_multiple_of(1024) {
        format!("{} GB", mib / 1024)
    } else {
        format!("{mib} MB")
    }
}

crate::texts! {
    GB { en: "{n} GB", de: "{n} GB", fr: "{n} Go" }
    MB { en: "{n} MB", de: "{n} MB", fr: "{n} Mo" }
}

/// [`cpus`] in `lang`'s notation: `"1.5"`, `"1,5"`.
pub fn cpus_in(lang: Lang, millicores: u64) -> String {
    let s = cpus(millicores);
    match lang.decimal_separator() {
        '.' => s,
        sep => s.replace('.', &sep.to_string()),
    }
}

/// [`memory`] in `lang`'s units: `"2 GB"`, `"2 Go"`.
pub fn memory_in(lang: Lang, mib: u64) -> String {
    memory_arg(mib).render(lang)
}

/// A CPU figure for a [`Message`](crate::i18n::Message): rendered as [`cpus_in`].
pub fn cpus_arg(millicores: u64) -> Arg {
    Arg::Thousandths(millicores)
}

/// A memory figure for a [`Message`](crate::i18n::Message): rendered as [`memory_in`].
pub fn memory_arg(mib: u64) -> Arg {
    let (text, n) = if mib >= 1024 && mib.is_multiple_of(1024) {
        (GB, mib / 1024)
    } else {
        (MB, mib)
    };
    Message::plain(text).arg("n", n).into()
}

/// `"1.5"` → `1500` (thousandths). Refuses signs, exponents, more than three decimals, zero and
/// anything above `u32`.
pub fn parse_thousandths(text: &str) -> Result<u32, String> {
    parse_thousandths_in(Lang::En, text).map_err(|e| e.to_string())
}

/// Why a typed figure was refused; [`UnitError::text`] says it in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitError {
    NotANumber,
    TooManyDecimals,
    TooLarge,
    NotPositive,
    NotWhole,
}

impl UnitError {
    /// The reason, as a person reads it.
    pub const fn text(self) -> Text {
        match self {
            UnitError::NotANumber => texts::NOT_A_NUMBER,
            UnitError::TooManyDecimals => texts::TOO_MANY_DECIMALS,
            UnitError::TooLarge => texts::TOO_LARGE,
            UnitError::NotPositive => texts::NOT_POSITIVE,
            UnitError::NotWhole => texts::NOT_WHOLE,
        }
    }
}

impl std::fmt::Display for UnitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().en)
    }
}

/// The reasons of [`UnitError`].
pub mod texts {
    crate::texts! {
        NOT_A_NUMBER {
            en: "enter a number such as 2 or 1.5",
            de: "eine Zahl wie 2 oder 1,5 eingeben",
            fr: "saisir un nombre comme 2 ou 1,5",
        }
        TOO_MANY_DECIMALS {
            en: "at most three decimals",
            de: "höchstens drei Nachkommastellen",
            fr: "trois décimales au plus",
        }
        TOO_LARGE { en: "too large", de: "zu groß", fr: "trop grand" }
        NOT_POSITIVE {
            en: "must be more than 0",
            de: "muss größer als 0 sein",
            fr: "doit être supérieur à 0",
        }
        NOT_WHOLE {
            en: "enter a whole number",
            de: "eine ganze Zahl eingeben",
            fr: "saisir un nombre entier",
        }
    }
}

/// [`parse_thousandths`] as typed in `lang`: German and French also accept the decimal comma
/// (`"1,5"`), as they write it; the point is accepted everywhere (a pasted `1.5`). English keeps
/// the point only, so an English `1,500` is refused rather than read as 1.5.
pub fn parse_thousandths_in(lang: Lang, text: &str) -> Result<u32, UnitError> {
    let text = text.trim();
    let owned;
    let text = if lang.decimal_separator() == ',' && !text.contains('.') {
        owned = text.replacen(',', ".", 1);
        owned.as_str()
    } else {
        text
    };
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
        return Err(UnitError::NotANumber);
    }
    if frac.len() > 3 {
        return Err(UnitError::TooManyDecimals);
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| UnitError::TooLarge)?
    };
    let frac: u64 = format!("{frac:0<3}").parse().unwrap_or(0);
    let value = whole
        .checked_mul(1000)
        .and_then(|w| w.checked_add(frac))
        .ok_or(UnitError::TooLarge)?;
    match u32::try_from(value) {
        Ok(0) => Err(UnitError::NotPositive),
        Ok(v) => Ok(v),
        Err(_) => Err(UnitError::TooLarge),
    }
}

/// CPUs typed → millicores.
pub fn parse_cpus(text: &str) -> Result<u32, String> {
    parse_thousandths(text)
}

/// CPUs typed in `lang` → millicores (`"1,5"` in German and French).
pub fn parse_cpus_in(lang: Lang, text: &str) -> Result<u32, UnitError> {
    parse_thousandths_in(lang, text)
}

/// GB typed → MiB (1 GB = 1024 MiB, as compose's `G`), rounded to the nearest MiB.
pub fn parse_gb_as_mib(text: &str) -> Result<u32, String> {
    parse_gb_as_mib_in(Lang::En, text).map_err(|e| e.to_string())
}

/// [`parse_gb_as_mib`] as typed in `lang` (see [`parse_thousandths_in`]).
pub fn parse_gb_as_mib_in(lang: Lang, text: &str) -> Result<u32, UnitError> {
    let thousandths = u64::from(parse_thousandths_in(lang, text)?);
    let mib = (thousandths * 1024 + 500) / 1000;
    match u32::try_from(mib) {
        Ok(0) => Err(UnitError::NotPositive),
        Ok(v) => Ok(v),
        Err(_) => Err(UnitError::TooLarge),
    }
}

/// Whole GB typed (disk).
pub fn parse_whole(text: &str) -> Result<u32, String> {
    parse_whole_in(text).map_err(|e| e.to_string())
}

/// [`parse_whole`] with the reason as a [`UnitError`] (whole numbers read the same in every
/// language).
pub fn parse_whole_in(text: &str) -> Result<u32, UnitError> {
    match text.trim().parse::<u32>() {
        Ok(0) => Err(UnitError::NotPositive),
        Ok(v) => Ok(v),
        Err(_) => Err(UnitError::NotWhole),
    }
}

/// MiB shown as GB with up to three decimals (`1536` → `"1.5"`).
pub fn mib_as_gb(mib: u32) -> String {
    let thousandths = (u64::from(mib) * 1000 + 512) / 1024;
    cpus(thousandths)
}

/// [`mib_as_gb`] in `lang`'s notation (`1536` → `"1,5"` in German and French).
pub fn mib_as_gb_in(lang: Lang, mib: u32) -> String {
    let thousandths = (u64::from(mib) * 1000 + 512) / 1024;
    cpus_in(lang, thousandths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_follow_the_language() {
        crate::i18n::assert_well_formed(ALL);
        assert_eq!(cpus_in(Lang::De, 1500), "1,5");
        assert_eq!(cpus_in(Lang::En, 1500), "1.5");
        assert_eq!(memory_in(Lang::Fr, 2048), "2 Go");
        assert_eq!(memory_in(Lang::De, 1536), "1536 MB");
        for m in [
            0,
            1,
            125,
            500,
            999,
            1000,
            1001,
            11_500,
            4_000_000_007,
            u64::MAX,
        ] {
            for lang in Lang::ALL {
                assert_eq!(cpus_arg(m).render(lang), cpus_in(lang, m), "{m}");
            }
        }
        for mib in [0, 512, 1024, 1536, 8192] {
            assert_eq!(memory_arg(mib).render(Lang::En), memory(mib));
        }
    }

    #[test]
    fn cpus_are_exact_decimals_without_trailing_zeros() {
        assert_eq!(cpus(0), "0");
        assert_eq!(cpus(500), "0.5");
        assert_eq!(cpus(125), "0.125");
        assert_eq!(cpus(11_500), "11.5");
        assert_eq!(cpus(4000), "4");
    }

    #[test]
    fn memory_uses_gb_only_for_whole_gigabytes() {
        assert_eq!(memory(512), "512 MB");
        assert_eq!(memory(2048), "2 GB");
        assert_eq!(memory(1536), "1536 MB");
        assert_eq!(memory(0), "0 MB");
    }

    #[test]
    fn typed_figures_are_read_exactly() {
        assert_eq!(parse_cpus("4"), Ok(4000));
        assert_eq!(parse_cpus("0.5"), Ok(500));
        assert_eq!(parse_cpus(".25"), Ok(250));
        assert_eq!(parse_cpus(" 1.125 "), Ok(1125));
        for bad in ["", ".", "-1", "1.0001", "1e3", "four", "99999999999", "0"] {
            assert!(parse_cpus(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_gb_as_mib("1.5"), Ok(1536));
        assert_eq!(parse_whole("20"), Ok(20));
        assert!(parse_whole("2.5").is_err());
        assert_eq!(mib_as_gb(1536), "1.5");
    }

    #[test]
    fn german_and_french_figures_use_the_decimal_comma() {
        assert_eq!(cpus_in(Lang::De, 1500), "1,5");
        assert_eq!(cpus_in(Lang::Fr, 125), "0,125");
        assert_eq!(cpus_in(Lang::En, 1500), "1.5");
        assert_eq!(cpus_in(Lang::De, 4000), "4");
        assert_eq!(cpus_in(Lang::De, 11_500), "11,5");
        assert_eq!(mib_as_gb_in(Lang::Fr, 1536), "1,5");
        assert_eq!(memory_in(Lang::Fr, 2048), "2 Go");
        assert_eq!(memory_in(Lang::Fr, 512), "512 Mo");
        assert_eq!(memory_in(Lang::De, 2048), "2 GB");
        for m in [0, 1, 125, 999, 1000, 1001, 4_294_967_295] {
            assert_eq!(cpus_in(Lang::En, m), cpus(m), "{m}");
        }
    }

    #[test]
    fn the_decimal_comma_is_read_where_it_is_written() {
        assert_eq!(parse_cpus_in(Lang::De, "1,5"), Ok(1500));
        assert_eq!(parse_cpus_in(Lang::Fr, " 0,25 "), Ok(250));
        assert_eq!(parse_cpus_in(Lang::De, "1.5"), Ok(1500));
        assert_eq!(parse_gb_as_mib_in(Lang::De, "1,5"), Ok(1536));
        // English keeps the point only: "1,5" is refused, not read as 15 or 1.5.
        assert_eq!(parse_cpus_in(Lang::En, "1,5"), Err(UnitError::NotANumber));
        assert_eq!(parse_cpus_in(Lang::De, "1,5,5"), Err(UnitError::NotANumber));
        assert_eq!(
            parse_cpus_in(Lang::De, "1,0001"),
            Err(UnitError::TooManyDecimals)
        );
        assert_eq!(parse_cpus_in(Lang::Fr, "0,0"), Err(UnitError::NotPositive));
        assert_eq!(parse_whole_in("2,5"), Err(UnitError::NotWhole));
        assert_eq!(
            UnitError::NotANumber.text().get(Lang::De),
            "eine Zahl wie 2 oder 1,5 eingeben"
        );
        assert_eq!(
            parse_cpus("x"),
            Err("enter a number such as 2 or 1.5".to_string())
        );
    }

    #[test]
    fn reasons_are_well_formed() {
        crate::i18n::assert_well_formed(texts::ALL);
    }
}
