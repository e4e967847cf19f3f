//! The order dclint expects for service names, `depends_on` entries and "other" service keys:
//! JavaScript's `a.localeCompare(b)` (ICU root collation), not byte order. For the characters a
//! compose name may contain that means: `_` < `-` < `.` < digits < letters, letters compared
//! without case first, then lower case before upper case (`a` < `A` < `ab` < `aB` < `b`).
//!
//! [`ComposeKey`] wraps a string with that order so that a `BTreeMap<ComposeKey, _>` serialises
//! its entries exactly as dclint wants them. The order is total (ties fall back to bytes), so
//! different strings never compare equal and nothing is lost in a map.

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

/// A map sorted the way dclint sorts (see the module docs).
pub type KeyMap<V> = BTreeMap<ComposeKey, V>;

/// A string ordered like JavaScript's `localeCompare` for compose names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ComposeKey(pub String);

impl From<&str> for ComposeKey {
    fn from(s: &str) -> Self {
        ComposeKey(s.to_string())
    }
}

impl From<String> for ComposeKey {
    fn from(s: String) -> Self {
        ComposeKey(s)
    }
}

impl fmt::Display for ComposeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ComposeKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl Ord for ComposeKey {
    fn cmp(&self, other: &Self) -> Ordering {
        locale_cmp(&self.0, &other.0)
    }
}

impl PartialOrd for ComposeKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Primary weight of a character: punctuation, digits, letters (case-folded), then anything else
/// by code point (names outside the compose alphabet are refused elsewhere; they only need *an*
/// order here).
fn primary(c: char) -> u32 {
    match c {
        '_' => 1,
        '-' => 2,
        '.' => 3,
        '0'..='9' => 10 + (c as u32 - '0' as u32),
        'a'..='z' => 100 + (c as u32 - 'a' as u32),
        'A'..='Z' => 100 + (c as u32 - 'A' as u32),
        other => 1000 + other as u32,
    }
}

/// `localeCompare` for compose names: primary weights first (a shorter prefix sorts first), then
/// case from left to right (lower before upper), then bytes as a final tie-break.
pub fn locale_cmp(a: &str, b: &str) -> Ordering {
    a.chars()
        .map(primary)
        .cmp(b.chars().map(primary))
        .then_with(|| {
            a.chars()
                .map(|c| c.is_ascii_uppercase())
                .cmp(b.chars().map(|c| c.is_ascii_uppercase()))
        })
        .then_with(|| a.cmp(b))
}

/// `localeCompare(b, "en", { numeric: true })`, which dclint uses to order a service's ports:
/// runs of digits compare as numbers (`PORT_443` < `PORT_8080`), the rest as [`locale_cmp`].
pub fn natural_locale_cmp(a: &str, b: &str) -> Ordering {
    fn chunks(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = s.as_bytes();
        while start < s.len() {
            let digit = bytes[start].is_ascii_digit();
            let len = s[start..]
                .find(|c: char| c.is_ascii_digit() != digit)
                .unwrap_or(s.len() - start);
            out.push((digit, &s[start..start + len]));
            start += len;
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for ((da, xa), (db, xb)) in ca.iter().zip(&cb) {
        let ord = match (da, db) {
            (true, true) => {
                let (ta, tb) = (xa.trim_start_matches('0'), xb.trim_start_matches('0'));
                ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb))
            }
            _ => locale_cmp(xa, xb),
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| locale_cmp(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expected order was produced by `node -e "names.sort((a, b) => a.localeCompare(b))"`,
    /// the comparison dclint's ordering rules use.
    #[test]
    fn names_sort_like_javascript_locale_compare() {
        let mut names = vec![
            "b", "app2", "app-2", "app_2", "App", "Ab", "aB", "ab", "a1", "a.b", "a-b", "a_b", "A",
            "a", "0a", "-a", "_a",
        ];
        crate::sorting::sort_by(&mut names, |a, b| locale_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "_a", "-a", "0a", "a", "A", "a_b", "a-b", "a.b", "a1", "ab", "aB", "Ab", "App",
                "app_2", "app-2", "app2", "b"
            ]
        );
    }

    /// Expected order from `node -e "names.sort((a, b) => a.localeCompare(b, 'en', {numeric: true}))"`.
    #[test]
    fn port_variables_sort_with_numbers_compared_as_numbers() {
        let mut names = vec![
            "X_PORT_8080",
            "X_PORT_443",
            "X_PORT",
            "X_PORT_9000_2",
            "W_PORT",
        ];
        crate::sorting::sort_by(&mut names, |a, b| natural_locale_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "W_PORT",
                "X_PORT",
                "X_PORT_443",
                "X_PORT_8080",
                "X_PORT_9000_2"
            ]
        );
    }

    #[test]
    fn the_order_is_total_so_maps_keep_every_name() {
        let mut map = KeyMap::new();
        for name in ["a", "A", "a", "ä", "a-"] {
            map.insert(ComposeKey::from(name), ());
        }
        assert_eq!(map.len(), 4);
    }
}
