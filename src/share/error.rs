//! Why a link or a design file could not be opened. Each variant is one thing a person can act
//! on; `message(lang)` is the one-line message the banner (and the CLI) shows, `Display` its English.

use crate::i18n::{Lang, Text};
use crate::model::Problem;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
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
    Invalid { problem: Problem, more: usize },
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

impl ShareError {
    /// The one-line message in the reader's language (the banner, the CLI's `--lang`).
    pub fn message(&self, lang: Lang) -> String {
        let fill = |text: Text, args: &[(&str, &str)]| text.fill(lang, args);
        match self {
            ShareError::NotALink => texts::NOT_A_LINK.get(lang).into(),
            ShareError::UnknownVersion(v) => fill(
                texts::UNKNOWN_VERSION,
                &[("version", &crate::i18n::quote(v))],
            ),
            ShareError::NotBase64 { position, found } => fill(
                texts::NOT_BASE64,
                &[
                    ("found", &crate::i18n::quote_char(*found)),
                    ("position", &position.to_string()),
                ],
            ),
            ShareError::Truncated => texts::TRUNCATED.get(lang).into(),
            ShareError::Corrupted => texts::CORRUPTED.get(lang).into(),
            ShareError::TooLarge { max_bytes } => fill(
                texts::TOO_LARGE,
                &[("kib", &(max_bytes / 1024).to_string())],
            ),
            ShareError::TooMany { what, count, max } => fill(
                texts::TOO_MANY,
                &[
                    ("count", &count.to_string()),
                    ("what", what),
                    ("max", &max.to_string()),
                ],
            ),
            ShareError::Malformed(what) => fill(texts::MALFORMED, &[("what", what)]),
            ShareError::Invalid { problem, more: 0 } => {
                fill(texts::INVALID, &[("problem", &problem.render(lang))])
            }
            ShareError::Invalid { problem, more } => fill(
                texts::INVALID_MORE,
                &[
                    ("problem", &problem.render(lang)),
                    ("more", &more.to_string()),
                ],
            ),
            ShareError::BadFile(message) => fill(texts::BAD_FILE, &[("why", message)]),
            ShareError::NoDesignInSvg => texts::NO_DESIGN_IN_SVG.get(lang).into(),
            ShareError::NewerFormat { found, supported } => fill(
                texts::NEWER_FORMAT,
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            ShareError::TooLongForQr { len, max } => fill(
                texts::TOO_LONG_FOR_QR,
                &[("len", &len.to_string()), ("max", &max.to_string())],
            ),
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

mod texts {
    crate::texts! {
        NOT_A_LINK {
            en: "not a Tierboard link: expected a link or fragment containing #d=1.…",
            de: "kein Tierboard-Link: erwartet wird ein Link oder Fragment mit #d=1.…",
            fr: "ce n'est pas un lien Tierboard : un lien ou un fragment contenant #d=1.… est attendu",
        }
        UNKNOWN_VERSION {
            en: "this link uses format version {version}, which this Tierboard does not know; open it in a newer Tierboard",
            de: "dieser Link verwendet die Formatversion {version}, die dieses Tierboard nicht kennt; öffnen Sie ihn in einem neueren Tierboard",
            fr: "ce lien utilise la version de format {version}, que ce Tierboard ne connaît pas ; ouvrez-le dans un Tierboard plus récent",
        }
        NOT_BASE64 {
            en: "the link is damaged: unexpected character {found} at position {position} of its data",
            de: "der Link ist beschädigt: unerwartetes Zeichen {found} an Position {position} seiner Daten",
            fr: "le lien est endommagé : caractère inattendu {found} à la position {position} de ses données",
        }
        TRUNCATED {
            en: "the link is incomplete: it was probably cut off when copied",
            de: "der Link ist unvollständig: er wurde beim Kopieren vermutlich abgeschnitten",
            fr: "le lien est incomplet : il a probablement été coupé lors de la copie",
        }
        CORRUPTED {
            en: "the link is damaged: its data does not check out (a character was changed?)",
            de: "der Link ist beschädigt: seine Daten stimmen nicht (wurde ein Zeichen geändert?)",
            fr: "le lien est endommagé : ses données ne concordent pas (un caractère a-t-il été modifié ?)",
        }
        TOO_LARGE {
            en: "the link's design is larger than the {kib} KiB a link may carry",
            de: "der Entwurf des Links ist größer als die {kib} KiB, die ein Link tragen darf",
            fr: "la conception du lien dépasse les {kib} Kio qu'un lien peut transporter",
        }
        TOO_MANY {
            en: "the link holds {count} {what}, more than the {max} allowed",
            de: "der Link enthält {count} {what}, mehr als die erlaubten {max}",
            fr: "le lien contient {count} {what}, plus que les {max} autorisés",
        }
        MALFORMED {
            en: "the link is damaged: {what}",
            de: "der Link ist beschädigt: {what}",
            fr: "le lien est endommagé : {what}",
        }
        INVALID {
            en: "the design is not valid: {problem}",
            de: "der Entwurf ist nicht gültig: {problem}",
            fr: "la conception n'est pas valide : {problem}",
        }
        INVALID_MORE {
            en: "the design is not valid: {problem} (and {more} more problem(s))",
            de: "der Entwurf ist nicht gültig: {problem} (und {more} weitere(s) Problem(e))",
            fr: "la conception n'est pas valide : {problem} (et {more} autre(s) problème(s))",
        }
        BAD_FILE {
            en: "not a Tierboard design file: {why}",
            de: "keine Tierboard-Entwurfsdatei: {why}",
            fr: "ce n'est pas un fichier de conception Tierboard : {why}",
        }
        NO_DESIGN_IN_SVG {
            en: "this SVG holds no Tierboard design: only SVGs exported by Tierboard (with their metadata) can be opened",
            de: "dieses SVG enthält keinen Tierboard-Entwurf: nur von Tierboard exportierte SVGs (mit ihren Metadaten) lassen sich öffnen",
            fr: "ce SVG ne contient aucune conception Tierboard : seuls les SVG exportés par Tierboard (avec leurs métadonnées) peuvent être ouverts",
        }
        NEWER_FORMAT {
            en: "the design file has format {found}, this Tierboard reads up to {supported}; open it in a newer Tierboard",
            de: "die Entwurfsdatei hat das Format {found}, dieses Tierboard liest bis {supported}; öffnen Sie sie in einem neueren Tierboard",
            fr: "le fichier de conception est au format {found}, ce Tierboard lit jusqu'au {supported} ; ouvrez-le dans un Tierboard plus récent",
        }
        TOO_LONG_FOR_QR {
            en: "the link has {len} characters, more than a QR code holds ({max}); share the link or a file instead",
            de: "der Link hat {len} Zeichen, mehr als ein QR-Code fasst ({max}); teilen Sie stattdessen den Link oder eine Datei",
            fr: "le lien compte {len} caractères, plus qu'un QR code n'en contient ({max}) ; partagez plutôt le lien ou un fichier",
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn every_share_error_text_is_well_formed_and_translated() {
            crate::i18n::assert_well_formed(super::ALL);
            crate::i18n::assert_translated(super::ALL, &[]);
        }
    }
}

impl std::error::Error for ShareError {}
