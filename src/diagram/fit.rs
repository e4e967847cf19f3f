//! Whether a card's texts fit their place, judged from the text alone: an upper bound of its
//! width in the board's fonts, never an underestimate for the common faces (the estimates are
//! DejaVu Sans' widths, one of the widest, rounded up by character class).
//!
//! The board clips a text (and ends it with an ellipsis) only where it may not fit. A clip per
//! text on every card cost a drop on a 200-service board about 5 ms of Chromium's layerizing,
//! for texts that nearly always fit. A badge row never clips: it shows the badges that fit and
//! one "…" badge for the rest.
//!
//! The places are the card's CSS (`style/board.css`, `style/tokens.css`): a card of
//! [`CARD_W`](super::CARD_W) less its borders and padding; kind and source beside the monogram.

use super::CARD_W;

/// A text's font on a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    /// The service name: 16 px bold.
    Name,
    /// The kind: 13 px.
    Kind,
    /// Image or build: 12 px monospace.
    Source,
    /// A badge: 11 px semibold.
    Badge,
}

/// The width for texts across the whole card: 200 px less borders (5 + 1) and padding (9 + 14).
pub const CARD_TEXT_W: i32 = CARD_W - 29;
/// The width beside the monogram (30 px) and the column gap (8 px).
pub const BODY_TEXT_W: i32 = CARD_TEXT_W - 38;
/// A badge's padding and border around its text, and the gap between badges.
const BADGE_EXTRA: i32 = 14;
const BADGE_GAP: i32 = 4;
/// The badge that stands for those that do not fit.
pub const MORE_BADGE: &str = "…";

impl Font {
    fn size(self) -> i32 {
        match self {
            Font::Name => 16,
            Font::Kind => 13,
            Font::Source => 12,
            Font::Badge => 11,
        }
    }
}

/// A character's width in hundredths of an em, rounded up from DejaVu Sans (Bold for the name
/// and badges) and DejaVu Sans Mono.
fn char_em100(c: char, font: Font) -> i32 {
    if font == Font::Source {
        // Monospace: 0.602 em a cell; anything beyond ASCII may take two cells.
        return if c.is_ascii() { 61 } else { 125 };
    }
    let bold = matches!(font, Font::Name | Font::Badge);
    let (regular, bold_width) = match c {
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => (45, 45),
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => (45, 50),
        'm' | 'w' | 'M' | 'W' | '@' | '%' => (100, 125),
        'a'..='z' => (66, 72),
        'A'..='Z' | '0'..='9' => (80, 86),
        c if c.is_ascii() => (90, 90),
        // Accented letters, symbols, emoji, CJK: as wide as an em and a quarter.
        _ => (125, 125),
    };
    if bold {
        bold_width
    } else {
        regular
    }
}

/// An upper bound of `text`'s width in pixels in `font`.
pub fn text_width(text: &str, font: Font) -> i32 {
    let em100: i32 = text.chars().map(|c| char_em100(c, font)).sum();
    (em100 * font.size() + 99) / 100
}

/// Whether `text` surely fits `width` pixels in `font`.
pub fn fits(text: &str, font: Font, width: i32) -> bool {
    text_width(text, font) <= width
}

/// How many of `badges` (in order) a card's badge row shows: all when they fit its width;
/// otherwise as many as fit beside the [`MORE_BADGE`], which stands for the rest.
pub fn badges_shown<S: AsRef<str>>(badges: &[S]) -> usize {
    let width = |s: &str| text_width(s, Font::Badge) + BADGE_EXTRA;
    let widths: Vec<i32> = badges.iter().map(|b| width(b.as_ref())).collect();
    let total = |ws: &[i32]| ws.iter().sum::<i32>() + BADGE_GAP * (ws.len() as i32 - 1).max(0);
    if total(&widths) <= CARD_TEXT_W {
        return badges.len();
    }
    let room = CARD_TEXT_W - width(MORE_BADGE) - BADGE_GAP;
    (0..badges.len())
        .rev()
        .find(|&n| total(&widths[..n]) <= room)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_fit_and_long_ones_may_not() {
        assert!(fits("svc-12", Font::Name, CARD_TEXT_W));
        assert!(fits("PostgreSQL", Font::Kind, BODY_TEXT_W));
        assert!(fits("redis:7-alpine", Font::Source, BODY_TEXT_W));
        assert!(fits("build: python", Font::Source, BODY_TEXT_W));
        assert!(!fits(
            "ghcr.io/getsentry/snuba:24.1.0",
            Font::Source,
            BODY_TEXT_W
        ));
        assert!(!fits("WWWWWWWWWWWWWWWWW", Font::Name, CARD_TEXT_W));
        assert!(!fits("Spring Boot Admin Server", Font::Kind, BODY_TEXT_W));
    }

    #[test]
    fn widths_are_upper_bounds_of_dejavu_sans() {
        // DejaVu Sans Bold 16 px: "svc-12" is 58 px; DejaVu Sans Mono 12 px: 7.2 px a
        // character. The estimate never comes in under them.
        assert!(text_width("svc-12", Font::Name) >= 58);
        assert_eq!(
            text_width("redis:7-alpine", Font::Source),
            (14 * 61 * 12 + 99) / 100
        );
        assert!(text_width("redis:7-alpine", Font::Source) as f64 >= 14.0 * 7.22);
        assert_eq!(text_width("", Font::Kind), 0);
    }

    #[test]
    fn non_ascii_counts_wide() {
        assert!(text_width("数据库", Font::Kind) >= 3 * 13);
        assert!(text_width("é", Font::Kind) > text_width("e", Font::Kind));
        assert!(!fits("🐘🐘🐘🐘🐘🐘🐘🐘🐘🐘", Font::Name, CARD_TEXT_W));
    }

    #[test]
    fn a_badge_row_shows_what_fits_and_a_more_badge_for_the_rest() {
        assert_eq!(badges_shown::<&str>(&[]), 0);
        assert_eq!(badges_shown(&["♥", "+backend"]), 2, "the usual row fits");
        let many = ["×3", "♥", "+frontend", "+backend", "observability", "debug"];
        let n = badges_shown(&many);
        assert!(n >= 2 && n < many.len(), "{n} of {}", many.len());
        // What is shown, the gaps and the "…" badge fit the row.
        let used: i32 = many[..n]
            .iter()
            .chain(&[MORE_BADGE])
            .map(|b| text_width(b, Font::Badge) + BADGE_EXTRA)
            .sum::<i32>()
            + BADGE_GAP * n as i32;
        assert!(used <= CARD_TEXT_W, "{used}");
        // One very long badge: none shown beside the "…".
        assert_eq!(
            badges_shown(&["a-profile-name-far-too-long-for-any-card"]),
            0
        );
    }
}
