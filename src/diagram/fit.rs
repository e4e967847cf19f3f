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
//!
//! **The overview.** Below [`OVERVIEW_BELOW`] zoom a card's kind, source and badges are smaller
//! on screen than anyone reads (12 px at half size is 6 px), so the board shows each card's name
//! alone, larger: up to two lines of [`Font::Overview`], or up to three of
//! [`Font::OverviewSmall`] for a name those would not hold whole ([`overview_name_small`]). A
//! 200-service board fitted to a laptop (about a fifth of full size) then reads as names, and
//! what a drop costs the browser to paint again is a name per card instead of five texts and a
//! badge row.

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
    /// The name in the overview: 28 px bold, up to two lines.
    Overview,
    /// A name in the overview that two lines of [`Font::Overview`] cannot hold: 20 px bold, up
    /// to three lines.
    OverviewSmall,
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
/// The zoom below which the board shows the overview (names only).
pub const OVERVIEW_BELOW: f64 = 0.5;

impl Font {
    fn size(self) -> i32 {
        match self {
            Font::Name => 16,
            Font::Kind => 13,
            Font::Source => 12,
            Font::Badge => 11,
            Font::Overview => 28,
            Font::OverviewSmall => 20,
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
    let bold = matches!(
        font,
        Font::Name | Font::Badge | Font::Overview | Font::OverviewSmall
    );
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

/// Whether the board at `zoom` shows the overview: each card's name alone, larger.
pub fn overview(zoom: f64) -> bool {
    zoom < OVERVIEW_BELOW
}

/// How a text wraps in a width: an upper bound of its lines, and whether a word had to be cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wrap {
    pub lines: usize,
    /// A piece between break opportunities was longer than a line and was cut inside.
    pub cut: bool,
}

/// How `text` wraps in `width` pixels in `font`, as the board wraps a name in the overview
/// (`overflow-wrap: anywhere`): after a hyphen, a slash or a space where the next piece fits the
/// line, and anywhere inside a piece longer than a line. Measured with the widths' upper
/// bounds, a line breaks no later than the browser's would, so the browser needs no more lines.
pub fn wrap(text: &str, font: Font, width: i32) -> Wrap {
    let mut wrap = Wrap {
        lines: 1,
        cut: false,
    };
    let mut used = 0;
    for piece in text.split_inclusive(['-', '/', ' ']) {
        let w = text_width(piece, font);
        if used + w <= width {
            used += w;
            continue;
        }
        if used > 0 && w <= width {
            wrap.lines += 1;
            used = w;
            continue;
        }
        // Longer than a line: cut anywhere, a character at a time.
        wrap.cut = true;
        for c in piece.chars() {
            let cw = text_width(c.encode_utf8(&mut [0; 4]), font);
            if used > 0 && used + cw > width {
                wrap.lines += 1;
                used = 0;
            }
            used += cw;
        }
    }
    wrap
}

/// Whether `name` takes the overview's small font: in two lines of [`Font::Overview`] it may
/// not fit, or a word of it would be cut.
pub fn overview_name_small(name: &str) -> bool {
    let large = wrap(name, Font::Overview, CARD_TEXT_W);
    large.lines > 2 || large.cut
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
    fn the_overview_is_below_half_size() {
        assert!(overview(0.21));
        assert!(overview(0.49));
        assert!(!overview(0.5));
        assert!(!overview(1.0));
    }

    #[test]
    fn a_wrap_breaks_after_hyphens_and_cuts_only_pieces_longer_than_a_line() {
        let at = |text: &str| wrap(text, Font::Overview, CARD_TEXT_W);
        let (one, two) = (
            Wrap {
                lines: 1,
                cut: false,
            },
            Wrap {
                lines: 2,
                cut: false,
            },
        );
        assert_eq!(at(""), one);
        assert_eq!(at("svc-123"), one);
        // "health-monitor" at 28 px is wider than a line: it breaks after the hyphen.
        assert!(text_width("health-monitor", Font::Overview) > CARD_TEXT_W);
        assert_eq!(at("health-monitor"), two);
        // No break opportunity: cut anywhere, as many lines as the width needs.
        let long = "x".repeat(40);
        let w = text_width(&long, Font::Overview);
        let n = at(&long).lines as i32;
        assert!(at(&long).cut);
        assert!(
            n >= (w + CARD_TEXT_W - 1) / CARD_TEXT_W && n <= w / CARD_TEXT_W + 1,
            "{n}"
        );
        // A narrow width takes a character a line, never zero lines or a loop.
        assert_eq!(wrap("abc", Font::Overview, 1).lines, 3);
    }

    #[test]
    fn names_that_two_large_lines_cannot_hold_whole_take_the_small_overview_font() {
        assert!(!overview_name_small("svc-123"));
        assert!(!overview_name_small("health-monitor"));
        // One word wider than a line would be cut at 28 px; at 20 px it fits.
        assert!(overview_name_small("orchestrator"));
        assert_eq!(
            wrap("orchestrator", Font::OverviewSmall, CARD_TEXT_W),
            Wrap {
                lines: 1,
                cut: false
            }
        );
        // Too long for two lines: three small ones hold more.
        let name = "notification-dispatcher-eu";
        assert!(overview_name_small(name));
        assert!(wrap(name, Font::OverviewSmall, CARD_TEXT_W).lines <= 3);
        assert!(overview_name_small(
            "snuba-subscription-consumer-transactions"
        ));
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
