//! A compose file Tierboard generated carries its design (`x-tierboard: {design: d=1.…}`, the
//! share payload with secret values emptied). Importing it gives that design back exactly:
//! board order, tiers, kinds, settings and links, none of them re-guessed.
//!
//! When the files were edited by hand after generation, the carried design is the starting
//! point and the edits are applied on top ([`edits`]): the given files are imported as any
//! compose file would be, the file the carried design generates is imported the same way, and
//! whatever differs between the two (a service's field, an added or removed service, a link,
//! a top-level key) is taken from the given files, each with a notice. Generated overrides
//! given unchanged beside the base add nothing and are left out; edited ones are merged.
//!
//! A payload that cannot be read (cut, or from a newer Tierboard) is reported and the files are
//! imported as plain compose.

pub(super) mod edits;

use super::{Imported, Notice, NoticeKind};
use crate::i18n::Message;
use crate::model::validate;
use serde_yaml::Value;

/// The key; the generator writes it (`generate::compose_files::verbatim::CARRIED_KEY`).
const KEY: &str = "x-tierboard";

/// The carried design's payload in `text`, if the file has one.
fn payload(text: &str) -> Option<String> {
    if !text.contains(KEY) || text.len() > super::MAX_FILE_BYTES {
        return None;
    }
    let doc: Value = serde_yaml::from_str(text).ok()?;
    doc.get(KEY)?.get("design")?.as_str().map(str::to_string)
}

/// The file name without its folders.
fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Line ends and trailing space do not make a file edited.
fn same_text(a: &str, b: &str) -> bool {
    let lines = |t: &str| -> Vec<String> {
        t.lines()
            .map(|l| l.trim_end().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    lines(a) == lines(b)
}

/// The import of `files` when one of them carries a design; `None` when none does.
pub(super) fn restore(
    files: &[(String, String)],
    referenced: &[(String, String)],
) -> Option<Result<Imported, super::ImportError>> {
    let (at, payload) = files
        .iter()
        .enumerate()
        .find_map(|(i, (_, text))| payload(text).map(|p| (i, p)))?;
    let carrier = files[at].0.clone();
    let carried = match crate::share::decode(&payload) {
        Ok(design) => design,
        Err(e) => {
            return Some(super::plain(files, referenced).map(|mut imported| {
                imported.notices.insert(
                    0,
                    Notice::new(
                        NoticeKind::Ignored,
                        None,
                        Some(KEY),
                        Message::plain(UNREADABLE).arg("why", e.to_string()),
                    ),
                );
                imported
            }))
        }
    };
    let generated = crate::generate::compose_files_of(&carried);
    let generated_text = |name: &str| {
        generated
            .iter()
            .find(|g| g.path == base_name(name))
            .map(|g| g.contents.as_str())
    };
    let mut notices = Vec::new();
    let mut kept: Vec<(String, String)> = Vec::new();
    let mut base_unchanged = false;
    for (i, (name, text)) in files.iter().enumerate() {
        let unchanged = generated_text(name).is_some_and(|g| same_text(g, text));
        if i == at {
            base_unchanged = unchanged;
            kept.push((name.clone(), text.clone()));
        } else if unchanged {
            notices.push(Notice::new(
                NoticeKind::Ignored,
                None,
                None,
                Message::plain(GENERATED_SIBLING).arg("file", base_name(name)),
            ));
        } else {
            kept.push((name.clone(), text.clone()));
        }
    }
    notices.insert(
        0,
        Notice::new(
            NoticeKind::Inferred,
            None,
            Some(KEY),
            Message::plain(RESTORED).arg("file", base_name(&carrier)),
        ),
    );
    if base_unchanged && kept.len() == 1 {
        return Some(Ok(Imported {
            design: carried,
            notices,
            carried: true,
        }));
    }
    // Edited: what the given files say, against what the carried design's own file says.
    let given = match super::plain(&kept, referenced) {
        Ok(imported) => imported.design,
        Err(e) => return Some(Err(e)),
    };
    let base = crate::generate::compose_files::BASE;
    let reference = generated_text(base)
        .map(|text| super::plain(&[(carrier.clone(), text.to_string())], referenced));
    let Some(Ok(reference)) = reference else {
        return Some(super::plain(files, referenced));
    };
    let design = edits::apply(&carried, &reference.design, &given, &mut notices);
    if !validate(&design).is_empty() {
        notices.push(Notice::new(
            NoticeKind::Changed,
            None,
            Some(KEY),
            Message::plain(EDITS_INVALID),
        ));
        return Some(Ok(Imported {
            design: given,
            notices,
            carried: false,
        }));
    }
    Some(Ok(Imported {
        design,
        notices,
        carried: true,
    }))
}

crate::texts! {
    RESTORED {
        en: "design restored from the Tierboard design {file} carries (board order, tiers, kinds and settings as they were)",
        de: "Design aus dem Tierboard-Design wiederhergestellt, das {file} mitführt (Reihenfolge, Ebenen, Typen und Einstellungen wie zuvor)",
        fr: "design restauré depuis le design Tierboard que porte {file} (ordre, tiers, types et réglages tels quels)",
    }
    UNREADABLE {
        en: "the carried Tierboard design cannot be read ({why}): imported from the compose keys",
        de: "das mitgeführte Tierboard-Design ist nicht lesbar ({why}): aus den Compose-Keys importiert",
        fr: "le design Tierboard embarqué est illisible ({why}) : importé depuis les clés Compose",
    }
    GENERATED_SIBLING {
        en: "{file} is the file the design generates, unchanged: nothing to apply",
        de: "{file} ist unverändert die Datei, die das Design generiert: nichts anzuwenden",
        fr: "{file} est, inchangé, le fichier que le design génère : rien à appliquer",
    }
    EDITS_INVALID {
        en: "the hand edits do not fit the carried design: imported from the compose keys",
        de: "die Handänderungen passen nicht zum mitgeführten Design: aus den Compose-Keys importiert",
        fr: "les modifications manuelles ne s'accordent pas au design embarqué : importé depuis les clés Compose",
    }
}

#[cfg(test)]
mod tests;
