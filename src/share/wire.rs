//! Byte-level primitives of the wire body: LEB128 varints, length-prefixed UTF-8 strings,
//! counted lists and option markers.
//!
//! Invariant: the [`Reader`] never trusts a length or a count. Every count is checked against a
//! cap *and* against the bytes left (each element takes at least one byte), so no input can make
//! it allocate more than the body it was given, loop long, or panic.

use super::ShareError;

/// Longest string accepted in a body (bytes). Far above any real value (an env value, a command
/// line), far below what could hurt.
pub const MAX_STRING: usize = 64 * 1024;

/// Most elements accepted in one list other than the service list (ports, env vars, links...),
/// and in all lists together: the model's own caps, so that every valid design has a link.
pub use crate::model::{MAX_ITEMS, MAX_TOTAL_ITEMS};

/// Appends primitives to a body. Writing to a `Vec` cannot fail.
#[derive(Debug, Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    /// Unsigned LEB128: 7 bits per byte, low bits first, high bit = "more follows".
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let low = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    pub fn u32(&mut self, v: u32) {
        self.varint(u64::from(v));
    }

    /// A list length (lists are written as a count, then the elements).
    pub fn count(&mut self, n: usize) {
        self.varint(n as u64);
    }

    pub fn str(&mut self, s: &str) {
        self.count(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn strs(&mut self, items: &[String]) {
        self.count(items.len());
        for s in items {
            self.str(s);
        }
    }

    /// `0` for none; `1` then the value for some.
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }

    /// `0` for none; `v + 1` for some (numbers in the model never reach `u32::MAX`... and if one
    /// does, the `u64` varint still holds `v + 1`).
    pub fn opt_u32(&mut self, v: Option<u32>) {
        self.varint(v.map_or(0, |v| u64::from(v) + 1));
    }
}

/// Reads primitives from a body; every method fails with [`ShareError::Malformed`] instead of
/// reading past the end or accepting an absurd size.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// List elements announced so far, all lists together (at most [`MAX_TOTAL_ITEMS`]).
    items: usize,
}

fn malformed(what: impl Into<String>) -> ShareError {
    ShareError::Malformed(what.into())
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            pos: 0,
            items: 0,
        }
    }

    pub fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    pub fn at_end(&self) -> bool {
        self.remaining() == 0
    }

    pub fn u8(&mut self, what: &str) -> Result<u8, ShareError> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or_else(|| malformed(format!("the data ends inside {what}")))?;
        self.pos += 1;
        Ok(b)
    }

    /// A boolean stored as one byte: only `0` and `1` are accepted, so a corrupted byte is
    /// noticed rather than read as `true`.
    pub fn bool(&mut self, what: &str) -> Result<bool, ShareError> {
        match self.u8(what)? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(malformed(format!("{what} has the invalid flag {b}"))),
        }
    }

    pub fn varint(&mut self, what: &str) -> Result<u64, ShareError> {
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.u8(what)?;
            let bits = u64::from(b & 0x7f);
            // The tenth byte may only carry the top bit of a u64.
            if shift == 63 && bits > 1 {
                break;
            }
            value |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(malformed(format!("{what} is not a valid number")))
    }

    pub fn u32(&mut self, what: &str) -> Result<u32, ShareError> {
        let v = self.varint(what)?;
        u32::try_from(v).map_err(|_| malformed(format!("{what} is out of range ({v})")))
    }

    pub fn u16(&mut self, what: &str) -> Result<u16, ShareError> {
        let v = self.varint(what)?;
        u16::try_from(v).map_err(|_| malformed(format!("{what} is out of range ({v})")))
    }

    pub fn opt_u32(&mut self, what: &str) -> Result<Option<u32>, ShareError> {
        match self.varint(what)? {
            0 => Ok(None),
            v => u32::try_from(v - 1)
                .map(Some)
                .map_err(|_| malformed(format!("{what} is out of range ({v})"))),
        }
    }

    /// A list length, at most `max` and at most the bytes left (each element takes one or more).
    pub fn count(&mut self, what: &str, max: usize) -> Result<usize, ShareError> {
        let n = self.varint(what)?;
        if n > max as u64 {
            return Err(ShareError::TooMany {
                what: what.to_string(),
                count: n,
                max,
            });
        }
        // Lossless: n <= max, a usize.
        let n = n as usize;
        if n > self.remaining() {
            return Err(malformed(format!(
                "{what}: {n} announced but the data ends first"
            )));
        }
        Ok(n)
    }

    /// The length of a list: a [`count`](Self::count) that also counts toward the whole
    /// body's [`MAX_TOTAL_ITEMS`], so that no short body expands into a huge design.
    pub fn items(&mut self, what: &str, max: usize) -> Result<usize, ShareError> {
        let n = self.count(what, max)?;
        self.items += n;
        if self.items > MAX_TOTAL_ITEMS {
            return Err(ShareError::TooMany {
                what: "list entries in all".to_string(),
                count: self.items as u64,
                max: MAX_TOTAL_ITEMS,
            });
        }
        Ok(n)
    }

    pub fn str(&mut self, what: &str) -> Result<String, ShareError> {
        let len = self.count(what, MAX_STRING)?;
        let end = self.pos + len;
        let raw = self
            .bytes
            .get(self.pos..end)
            .ok_or_else(|| malformed(format!("the data ends inside {what}")))?;
        self.pos = end;
        String::from_utf8(raw.to_vec())
            .map_err(|_| malformed(format!("{what} is not valid UTF-8 text")))
    }

    pub fn strs(&mut self, what: &str) -> Result<Vec<String>, ShareError> {
        let n = self.items(what, MAX_ITEMS)?;
        (0..n).map(|_| self.str(what)).collect()
    }

    pub fn opt_str(&mut self, what: &str) -> Result<Option<String>, ShareError> {
        if self.bool(what)? {
            self.str(what).map(Some)
        } else {
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip_varint(v: u64) -> u64 {
        let mut w = Writer::default();
        w.varint(v);
        Reader::new(&w.bytes).varint("n").unwrap()
    }

    #[test]
    fn varints_round_trip_at_the_byte_boundaries() {
        for v in [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            assert_eq!(round_trip_varint(v), v);
        }
    }

    #[test]
    fn overlong_varints_are_refused() {
        let eleven = [0xffu8; 11];
        assert!(matches!(
            Reader::new(&eleven).varint("n"),
            Err(ShareError::Malformed(_))
        ));
    }

    #[test]
    fn counts_cannot_exceed_the_bytes_left() {
        let mut w = Writer::default();
        w.count(5);
        w.u8(b'a');
        let err = Reader::new(&w.bytes).str("name").unwrap_err();
        assert!(err.to_string().contains("ends first"), "{err}");
    }

    #[test]
    fn absurd_counts_name_the_cap() {
        let mut w = Writer::default();
        w.count(1_000_000_000); // absurd, and still a usize on wasm32
        let err = Reader::new(&w.bytes).strs("command").unwrap_err();
        assert!(
            matches!(err, ShareError::TooMany { max: MAX_ITEMS, .. }),
            "{err}"
        );
    }

    #[test]
    fn invalid_utf8_is_refused() {
        let mut w = Writer::default();
        w.count(2);
        w.u8(0xc3);
        w.u8(0x28);
        assert!(Reader::new(&w.bytes).str("name").is_err());
    }
}
