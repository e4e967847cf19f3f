//! Compose's units: durations (`1m30s`), byte sizes (`512M`, `1g`, `1073741824`), CPUs (`0.5`).
//! Each parser returns `None` for what it cannot read exactly (variables, sub-second or
//! sub-MiB precision), so the caller keeps the original text.

use super::convert::scalar;
use serde_yaml::Value;

/// Whole seconds of a Go-style duration (`10s`, `1m30s`, `1h`, `90`): `None` when it has a
/// fraction of a second, a variable, or does not fit.
pub fn seconds(v: &Value) -> Option<u32> {
    let text = scalar(v)?;
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(n) = text.parse::<u32>() {
        // A bare number is nanoseconds in compose... except 0, which means "not set".
        return (n == 0).then_some(0);
    }
    let mut total_ms: u64 = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (num, tail) = rest.split_at(digits);
        let unit_len = tail
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(tail.len());
        let (unit, tail) = tail.split_at(unit_len);
        let per_ms: f64 = match unit {
            "h" => 3_600_000.0,
            "m" => 60_000.0,
            "s" => 1_000.0,
            "ms" => 1.0,
            "us" | "µs" => 0.001,
            "ns" => 0.000_001,
            _ => return None,
        };
        let n: f64 = num.parse().ok()?;
        total_ms = total_ms.checked_add((n * per_ms).round() as u64)?;
        rest = tail;
    }
    total_ms
        .is_multiple_of(1000)
        .then(|| u32::try_from(total_ms / 1000).ok())
        .flatten()
}

/// Bytes in MiB (`512M`, `1g`, `2GB`, `536870912`, `512m`): `None` unless a whole MiB.
pub fn mebibytes(v: &Value) -> Option<u32> {
    let text = scalar(v)?.trim().to_ascii_lowercase();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (num, unit) = text.split_at(split);
    let factor: f64 = match unit.trim_end_matches('b').trim_end_matches('i') {
        "" if unit.is_empty() || unit == "b" => 1.0,
        "k" => 1024.0,
        "m" => 1024.0 * 1024.0,
        "g" => 1024.0 * 1024.0 * 1024.0,
        "t" => 1024.0_f64.powi(4),
        _ => return None,
    };
    let bytes = num.parse::<f64>().ok()? * factor;
    let mib = bytes / (1024.0 * 1024.0);
    (mib.fract() == 0.0 && mib >= 0.0 && mib <= f64::from(u32::MAX)).then_some(mib as u32)
}

/// CPUs as millicores (`0.5` → 500, `'2'` → 2000): `None` below a millicore's precision.
pub fn millicores(v: &Value) -> Option<u32> {
    let cpus = match v {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    let m = cpus * 1000.0;
    ((m - m.round()).abs() < 1e-6 && m >= 0.0 && m <= f64::from(u32::MAX))
        .then_some(m.round() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Value {
        Value::from(text)
    }

    #[test]
    fn durations_read_whole_seconds_only() {
        assert_eq!(seconds(&s("10s")), Some(10));
        assert_eq!(seconds(&s("1m30s")), Some(90));
        assert_eq!(seconds(&s("1h")), Some(3600));
        assert_eq!(seconds(&s("1.5s")), None);
        assert_eq!(seconds(&s("500ms")), None);
        assert_eq!(seconds(&s("2000ms")), Some(2));
        assert_eq!(seconds(&s("$HEALTHCHECK_INTERVAL")), None);
        assert_eq!(seconds(&s("10x")), None);
        assert_eq!(seconds(&s("")), None);
    }

    #[test]
    fn sizes_read_whole_mebibytes() {
        assert_eq!(mebibytes(&s("512M")), Some(512));
        assert_eq!(mebibytes(&s("1g")), Some(1024));
        assert_eq!(mebibytes(&s("2GB")), Some(2048));
        assert_eq!(mebibytes(&Value::from(536_870_912)), Some(512));
        assert_eq!(mebibytes(&s("100k")), None);
        assert_eq!(mebibytes(&s("${MEM}")), None);
    }

    #[test]
    fn cpus_read_as_millicores() {
        assert_eq!(millicores(&Value::from(0.5)), Some(500));
        assert_eq!(millicores(&s("2")), Some(2000));
        assert_eq!(millicores(&s("0.0001")), None);
        assert_eq!(millicores(&s("${CPUS}")), None);
    }
}
