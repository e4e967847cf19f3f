//! `include:`: the included files, each loaded once (`load_once`), merged in order below the
//! including file's own keys, as compose does.

use super::rules::{merge_mapping, Path};
use super::{load_once, Loaded};
use crate::i18n::Message;
use crate::import::convert::key_string;
use crate::import::references::{include_paths, join};
use crate::import::{ImportError, Notice, NoticeKind};
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;

pub(super) fn resolve_includes(
    name: &str,
    doc: &mut Mapping,
    refs: &BTreeMap<String, &str>,
    notices: &mut Vec<Notice>,
    depth: usize,
    loaded: &mut Loaded,
) -> Result<(), ImportError> {
    let Some(include) = doc.get("include") else {
        return Ok(());
    };
    let (paths, has_env_file) = include_paths(include);
    let wanted: Vec<String> = paths.iter().map(|p| join(name, p)).collect();
    if paths.is_empty() || wanted.iter().any(|p| !refs.contains_key(p)) {
        let missing: Vec<&str> = wanted
            .iter()
            .filter(|p| !refs.contains_key(*p))
            .map(String::as_str)
            .collect();
        notices.push(Notice::new(
            NoticeKind::Verbatim,
            None,
            Some("include"),
            Message::plain(NOT_GIVEN).arg("files", missing.join(", ")),
        ));
        return Ok(());
    }
    let mut base = Mapping::new();
    let mut wanted = wanted;
    // Naming a file twice includes it once.
    let mut seen = std::collections::HashSet::new();
    wanted.retain(|p| seen.insert(p.clone()));
    for path in &wanted {
        let text = refs.get(path).copied().unwrap_or_default();
        let included = load_once(path, text, refs, notices, depth + 1, loaded)?;
        let services: Vec<String> = included
            .get("services")
            .and_then(Value::as_mapping)
            .map(|s| s.keys().map(key_string).collect())
            .unwrap_or_default();
        notices.push(Notice::new(
            NoticeKind::Changed,
            None,
            Some("include"),
            Message::plain(INLINED)
                .arg("path", path.as_str())
                .arg("services", services.join(", ")),
        ));
        merge_mapping(&mut base, included, Path::Top);
    }
    if has_env_file {
        notices.push(Notice::new(
            NoticeKind::Ignored,
            None,
            Some("include"),
            ENV_FILE,
        ));
    }
    doc.shift_remove("include");
    let own = std::mem::take(doc);
    merge_mapping(&mut base, own, Path::Top);
    *doc = base;
    Ok(())
}

crate::texts! {
    NOT_GIVEN {
        en: "included file(s) not given ({files}); `include` kept as written",
        de: "eingebundene Datei(en) nicht angegeben ({files}); `include` unverändert übernommen",
        fr: "fichier(s) inclus non fourni(s) ({files}) ; `include` conservé tel quel",
    }
    INLINED {
        en: "inlined {path} (services: {services}); its relative paths are kept as written there",
        de: "{path} eingebettet (Services: {services}); seine relativen Pfade bleiben dort unverändert",
        fr: "{path} intégré (services : {services}) ; ses chemins relatifs y restent tels quels",
    }
    ENV_FILE {
        en: "the `env_file` of an include only feeds interpolation, which the importer does not perform",
        de: "das `env_file` eines include dient nur der Interpolation, die der Import nicht ausführt",
        fr: "l'`env_file` d'un include ne sert qu'à l'interpolation, que l'import n'effectue pas",
    }
}
