//! Why a link or a design file could not be opened. Each variant is one thing a person can act
//! on; `Display` is the one-line message the banner (and the CLI) shows.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// No `d=` parameter: not a Tierboard link at all.
    NotALink,
    /// `d=<n>.` with a version this build does not know (a newer Tierboard made it).
    UnknownVersion(String),
    /// A character outside base64url; `position` counts bytes in the payload.
    NotBase64 { position: usize, found: char },
    /// The link was cut short (copied partially, wrapped by a chat client).
    Truncated,
    /// The compressed data is damaged or its checksum does not match.
    Corrupted,
    /// The data would inflate past the cap (a decompression bomb, or a design too big to share).
    TooLarge { max_bytes: usize },
    /// A count above the cap (services, list lengths, string lengths).
    TooMany {
        what: String,
        count: u64,
        max: usize,
    },
    /// The data decompressed but does not follow the wire format.
    Malformed(String),
    /// The data decoded to a design that breaks a structural rule (`model::validate`).
    Invalid { problem: String, more: usize },
    /// A design file that is not a design (JSON syntax, unknown key...).
    BadFile(String),
    /// An SVG without the design element Tierboard's exports carry (drawn elsewhere, or its
    /// `<metadata>` removed by an editor).
    NoDesignInSvg,
    /// A design file written by a newer Tierboard (its `format` is above ours).
    NewerFormat { found: u32, supported: u32 },
    /// The link is too long to fit in a QR code.
    TooLongForQr { len: usize, max: usize },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotALink => {
                f.write_str("not a Tierboard link: expected a link or fragment containing #d=1.…")
            }
            ShareError::UnknownVersion(v) => {
                write!(f, "this link uses format version {v:?}, which this Tierboard does not know; open it in a newer Tierboard")
            }
            ShareError::NotBase64 { position, found } => {
                write!(f, "the link is damaged: unexpected character {found:?} at position {position} of its data")
            }
            ShareError::Truncated => f.write_str("the link is incomplete: it was probably cut off when copied"),
            ShareError::Corrupted => f.write_str("the link is damaged: its data does not check out (a character was changed?)"),
            ShareError::TooLarge { max_bytes } => {
                write!(f, "the link's design is larger than the {} KiB a link may carry", max_bytes / 1024)
            }
            ShareError::TooMany { what, count, max } => write!(f, "the link holds {count} {what}, more than the {max} allowed"),
            ShareError::Malformed(what) => write!(f, "the link is damaged: {what}"),
            ShareError::Invalid { problem, more: 0 } => write!(f, "the design is not valid: {problem}"),
            ShareError::Invalid { problem, more } => write!(f, "the design is not valid: {problem} (and {more} more problem(s))"),
            ShareError::BadFile(message) => write!(f, "not a Tierboard design file: {message}"),
            ShareError::NoDesignInSvg => f.write_str("this SVG holds no Tierboard design: only SVGs exported by Tierboard (with their metadata) can be opened"),
            ShareError::NewerFormat { found, supported } => write!(
                f,
                "the design file has format {found}, this Tierboard reads up to {supported}; open it in a newer Tierboard"
            ),
            ShareError::TooLongForQr { len, max } => {
                write!(f, "the link has {len} characters, more than a QR code holds ({max}); share the link or a file instead")
            }
        }
    }
}

impl std::error::Error for ShareError {}
