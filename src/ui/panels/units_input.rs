//! Exact decimal text for the resource fields: "1.5" CPUs ⇄ 1500 millicores, "1.5" GB ⇄ 1536 MiB.
//! Integers only (no float rounding), so what is typed is what the design stores.

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
    crate::planner::cpus(thousandths)
}
