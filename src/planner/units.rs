//! Human text for planner figures, and its reading back, shared by the CLI, the UI and the
//! generated docs so that every surface writes and reads "0.5 CPU" and "2 GB" the same way.
//! Exact: integers in, no float rounding; what is typed is what the design stores. The `_in`
//! and `_arg` forms write the same figures in a language's notation (`1,5 CPU`, `2 Go`).

use crate::i18n::{Arg, Lang, Message};

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
    let text = text.trim();
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
        return Err("enter a number such as 2 or 1.5".to_string());
    }
    if frac.len() > 3 {
        return Err("at most three decimals".to_string());
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| "too large".to_string())?
    };
    let frac: u64 = format!("{frac:0<3}").parse().unwrap_or(0);
    let value = whole
        .checked_mul(1000)
        .and_then(|w| w.checked_add(frac))
        .ok_or("too large")?;
    match u32::try_from(value) {
        Ok(0) => Err("must be more than 0".to_string()),
        Ok(v) => Ok(v),
        Err(_) => Err("too large".to_string()),
    }
}

/// CPUs typed → millicores.
pub fn parse_cpus(text: &str) -> Result<u32, String> {
    parse_thousandths(text)
}

/// GB typed → MiB (1 GB = 1024 MiB, as compose's `G`), rounded to the nearest MiB.
pub fn parse_gb_as_mib(text: &str) -> Result<u32, String> {
    let thousandths = u64::from(parse_thousandths(text)?);
    let mib = (thousandths * 1024 + 500) / 1000;
    match u32::try_from(mib) {
        Ok(0) => Err("must be more than 0".to_string()),
        Ok(v) => Ok(v),
        Err(_) => Err("too large".to_string()),
    }
}

/// Whole GB typed (disk).
pub fn parse_whole(text: &str) -> Result<u32, String> {
    let text = text.trim();
    match text.parse::<u32>() {
        Ok(0) => Err("must be more than 0".to_string()),
        Ok(v) => Ok(v),
        Err(_) => Err("enter a whole number".to_string()),
    }
}

/// MiB shown as GB with up to three decimals (`1536` → `"1.5"`).
pub fn mib_as_gb(mib: u32) -> String {
    let thousandths = (u64::from(mib) * 1000 + 512) / 1024;
    cpus(thousandths)
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
}
