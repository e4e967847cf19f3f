//! The envelope around a wire body: `adler32(body)` (4 bytes, big-endian) followed by the raw
//! deflate stream (RFC 1951) of the body. Version 1 — never change.
//!
//! Raw deflate rather than zlib saves the two header bytes; the checksum comes first so that the
//! deflate stream runs to the end of the data, and a cut stream shows up as "truncated" while a
//! changed byte shows up as "corrupted" instead of a silently different design.
//!
//! Invariant: inflating never produces more than [`MAX_INFLATED`] bytes, whatever the input, so a
//! decompression bomb is refused after at most that much work.

use super::ShareError;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

/// Largest body a link may inflate to (1 MiB): hundreds of customised services, and a bound on
/// the memory and time a hostile link can cost.
pub const MAX_INFLATED: usize = 1024 * 1024;

/// Deflate effort (miniz_oxide's 0–10 scale). Bodies are small, so the slowest setting costs
/// microseconds and saves characters. Changing it changes new links' bytes, never their meaning.
const LEVEL: u8 = 10;

/// Adler-32 (RFC 1950 §8.2): cheap, and catches every single changed byte.
pub fn adler32(bytes: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 is the largest run for which the sums cannot overflow a u32 before the modulo.
    for chunk in bytes.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    b << 16 | a
}

pub fn seal(body: &[u8]) -> Vec<u8> {
    let mut out = adler32(body).to_be_bytes().to_vec();
    out.extend(miniz_oxide::deflate::compress_to_vec(body, LEVEL));
    out
}

pub fn open(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    let (sum, stream) = match bytes {
        [a, b, c, d, rest @ ..] if !rest.is_empty() => (u32::from_be_bytes([*a, *b, *c, *d]), rest),
        _ => return Err(ShareError::Truncated),
    };
    let body = decompress_to_vec_with_limit(stream, MAX_INFLATED).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => ShareError::TooLarge {
            max_bytes: MAX_INFLATED,
        },
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
            ShareError::Truncated
        }
        _ => ShareError::Corrupted,
    })?;
    if adler32(&body) != sum {
        return Err(ShareError::Corrupted);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler32_matches_the_reference_value() {
        // The value zlib gives for "Wikipedia" (RFC 1950's running example on Wikipedia).
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        assert_eq!(adler32(b""), 1);
    }

    #[test]
    fn seal_then_open_gives_the_body_back() {
        let body = b"tierboard tierboard tierboard".to_vec();
        assert_eq!(open(&seal(&body)).unwrap(), body);
    }

    #[test]
    fn a_bomb_stops_at_the_cap() {
        let huge = vec![0u8; MAX_INFLATED + 1];
        let sealed = seal(&huge);
        assert!(
            sealed.len() < 2048,
            "zeros compress to almost nothing: {}",
            sealed.len()
        );
        assert_eq!(
            open(&sealed),
            Err(ShareError::TooLarge {
                max_bytes: MAX_INFLATED
            })
        );
    }

    #[test]
    fn a_cut_stream_is_truncated_and_a_changed_byte_is_corrupted() {
        let body: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 251) as u8).collect();
        let sealed = seal(&body);
        assert_eq!(
            open(&sealed[..sealed.len() / 2]),
            Err(ShareError::Truncated)
        );
        let mut changed = sealed.clone();
        changed[1] ^= 0x10;
        assert_eq!(open(&changed), Err(ShareError::Corrupted));
    }
}
