//! Human text for planner figures, shared by the CLI, the UI and the generated docs so that
//! every surface writes "0.5 CPU" and "2 GB" the same way. Exact: integers in, no float rounding.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
