//! Loading: each file parsed, its `include:` (`include`) and `extends:` (`extends`) resolved from
//! the referenced files given, each file loaded once, then the files merged in order with
//! compose's override rules (`rules`).
//!
//! Override rules (as `docker compose -f base -f override` applies them): mappings merge key by
//! key; `command`, `entrypoint` and `healthcheck.test` are replaced; `environment`, `labels`,
//! `build.args`, `depends_on`, `networks`, `extra_hosts`, `sysctls` and `ulimits` merge as maps
//! (a list form is read as a map first); `volumes`, `devices`, `secrets` and `configs` merge by
//! their container target; other lists are appended without duplicates; scalars are replaced.
//! Compose's `!reset` tag removes a key, `!override` replaces it whole.

pub(super) mod extends;
pub(super) mod include;
mod rules;

use super::convert::key_string;
use super::{yaml, ImportError, Notice, NoticeKind, MAX_SERVICES};
use crate::i18n::Message;
use extends::resolve_extends;
use include::resolve_includes;
pub use rules::strip_tags;
use rules::{merge_mapping, Path};
use serde_yaml::{Mapping, Value};
use std::collections::{BTreeMap, HashMap};

/// How deep `include` / `extends` chains may go (compose has no limit; cycles are caught anyway).
pub(super) const MAX_DEPTH: usize = 8;

/// Files already loaded (include and extends resolved), by path; `None` while a file is being
/// loaded, so a file that reaches itself is a cycle. Each file is loaded once however often it
/// is included or extended from: a file naming itself six times took minutes and 850 MB when
/// every mention loaded it again.
pub(super) type Loaded = HashMap<String, Option<Mapping>>;

/// Parse, resolve and merge `files`; returns the merged document and the first file's name.
pub fn load(
    files: &[(String, String)],
    refs: &BTreeMap<String, &str>,
    notices: &mut Vec<Notice>,
) -> Result<(Mapping, String), ImportError> {
    let Some((first, _)) = files.first() else {
        return Err(ImportError::NotCompose {
            file: "(no file)".into(),
            message: "no compose file was given".into(),
        });
    };
    let mut merged: Option<Mapping> = None;
    let mut loaded = Loaded::new();
    for (name, text) in files {
        let doc = load_once(name, text, refs, notices, 0, &mut loaded)?;
        merged = Some(match merged {
            None => doc,
            Some(mut base) => {
                merge_mapping(&mut base, doc, Path::Top);
                base
            }
        });
    }
    let mut merged = Value::Mapping(merged.unwrap_or_default());
    strip_tags(&mut merged);
    let Value::Mapping(merged) = merged else {
        return Err(not_compose(first, "the top level must be a mapping"));
    };
    let count = merged
        .get("services")
        .and_then(Value::as_mapping)
        .map_or(0, Mapping::len);
    if count > MAX_SERVICES {
        return Err(ImportError::TooLarge {
            file: first.clone(),
            message: format!("{count} services is more than the {MAX_SERVICES} an import accepts"),
        });
    }
    Ok((merged, first.clone()))
}

fn not_compose(file: &str, message: impl Into<String>) -> ImportError {
    ImportError::NotCompose {
        file: file.to_string(),
        message: message.into(),
    }
}

/// [`load_file`] once per path; a file that includes itself (directly or not) is refused, as
/// compose refuses it.
pub(super) fn load_once(
    name: &str,
    text: &str,
    refs: &BTreeMap<String, &str>,
    notices: &mut Vec<Notice>,
    depth: usize,
    loaded: &mut Loaded,
) -> Result<Mapping, ImportError> {
    match loaded.get(name) {
        Some(Some(doc)) => return Ok(doc.clone()),
        Some(None) => {
            return Err(not_compose(
                name,
                "`include` leads back to this file (a cycle)",
            ))
        }
        None => {}
    }
    loaded.insert(name.to_string(), None);
    let doc = load_file(name, text, refs, notices, depth, loaded)?;
    loaded.insert(name.to_string(), Some(doc.clone()));
    Ok(doc)
}

/// One file: parsed, shape-checked, includes inlined, extends resolved.
fn load_file(
    name: &str,
    text: &str,
    refs: &BTreeMap<String, &str>,
    notices: &mut Vec<Notice>,
    depth: usize,
    loaded: &mut Loaded,
) -> Result<Mapping, ImportError> {
    let mut doc = match yaml::parse(name, text)? {
        Value::Mapping(m) => m,
        Value::Null => return Err(not_compose(name, "the file is empty")),
        _ => {
            return Err(not_compose(
                name,
                "the top level must be a mapping of compose keys",
            ))
        }
    };
    let has_include = doc.contains_key("include");
    match doc.get_mut("services") {
        None if !has_include => {
            return Err(not_compose(
                name,
                "it has no `services:` (nor an `include:`)",
            ));
        }
        None => {}
        Some(Value::Null) => {
            doc.insert("services".into(), Value::Mapping(Mapping::new()));
        }
        Some(Value::Mapping(services)) => {
            for (k, v) in services.iter_mut() {
                match v {
                    Value::Mapping(_) => {}
                    Value::Null => *v = Value::Mapping(Mapping::new()),
                    _ => {
                        return Err(not_compose(
                            name,
                            format!("service {:?} must be a mapping", key_string(k)),
                        ))
                    }
                }
            }
        }
        Some(_) => {
            return Err(not_compose(
                name,
                "`services:` must be a mapping of service names",
            ))
        }
    }
    if depth < MAX_DEPTH {
        resolve_includes(name, &mut doc, refs, notices, depth, loaded)?;
        resolve_extends(name, &mut doc, refs, notices, depth, loaded)?;
    } else {
        notices.push(Notice::new(
            NoticeKind::Verbatim,
            None,
            Some("include"),
            Message::plain(TOO_DEEP)
                .arg("name", name)
                .arg("max", MAX_DEPTH),
        ));
    }
    Ok(doc)
}

crate::texts! {
    TOO_DEEP {
        en: "{name}: include/extends nested deeper than {max} files; kept as written",
        de: "{name}: include/extends tiefer als {max} Dateien verschachtelt; unverändert übernommen",
        fr: "{name} : include/extends imbriqués sur plus de {max} fichiers ; conservés tels quels",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::load`] with the referenced files as the importer's callers give them.
    fn load(
        files: &[(String, String)],
        referenced: &[(String, String)],
        notices: &mut Vec<Notice>,
    ) -> Result<(Mapping, String), ImportError> {
        let refs = crate::sorting::btree_map(
            referenced
                .iter()
                .map(|(n, t)| (crate::import::references::join("", n), t.as_str())),
        );
        super::load(files, &refs, notices)
    }

    fn merged(texts: &[&str]) -> Mapping {
        let files: Vec<(String, String)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("f{i}.yml"), t.to_string()))
            .collect();
        load(&files, &[], &mut Vec::new()).unwrap().0
    }

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn overrides_merge_as_compose_does() {
        let m = merged(&[
            "services:\n  a:\n    image: x:1\n    command: [a, b]\n    environment: [A=1, B=2]\n    ports: ['80:80']\n    volumes: ['d:/data', './c:/conf']\n",
            "services:\n  a:\n    image: x:2\n    command: [c]\n    environment: {B: '3', C: '4'}\n    ports: ['81:81']\n    volumes: ['e:/data']\n  b:\n    image: y\n",
        ]);
        let a = &m["services"]["a"];
        assert_eq!(a["image"], Value::from("x:2"));
        assert_eq!(a["command"], yaml("[c]"), "command is replaced");
        assert_eq!(
            a["environment"],
            yaml("{A: '1', B: '3', C: '4'}"),
            "environment merges as a map"
        );
        assert_eq!(a["ports"], yaml("['80:80', '81:81']"), "ports append");
        assert_eq!(
            a["volumes"],
            yaml("['e:/data', './c:/conf']"),
            "volumes merge by target"
        );
        assert!(m["services"]["b"].is_mapping());
    }

    #[test]
    fn reset_and_override_tags_apply() {
        let m = merged(&[
            "services:\n  a:\n    image: x\n    ports: ['80:80']\n    environment: {P: s}\n",
            "services:\n  a:\n    ports: !override ['81:81']\n    environment:\n      P: !reset null\n",
        ]);
        assert_eq!(m["services"]["a"]["ports"], yaml("['81:81']"));
        assert_eq!(m["services"]["a"]["environment"], yaml("{}"));
        let alone = merged(&[
            "services:\n  a:\n    image: x\n    environment:\n      P: !reset null\n      Q: q\n",
        ]);
        assert_eq!(alone["services"]["a"]["environment"], yaml("{Q: q}"));
    }

    #[test]
    fn extends_resolves_in_the_same_file_and_from_given_files() {
        let files = vec![(
            "app/compose.yaml".to_string(),
            "services:\n  base:\n    image: x\n    environment: {A: '1'}\n  web:\n    extends: base\n    environment: {B: '2'}\n  ext:\n    extends: {file: common.yaml, service: foo}\n"
                .to_string(),
        )];
        let refs = vec![(
            "app/common.yaml".to_string(),
            "services:\n  foo:\n    image: bar\n".to_string(),
        )];
        let mut notices = Vec::new();
        let m = load(&files, &refs, &mut notices).unwrap().0;
        assert_eq!(m["services"]["web"]["image"], Value::from("x"));
        assert_eq!(
            m["services"]["web"]["environment"],
            yaml("{A: '1', B: '2'}")
        );
        assert_eq!(m["services"]["ext"]["image"], Value::from("bar"));
        assert!(m["services"]["ext"].get("extends").is_none());
        let unresolved = load(&files, &[], &mut notices).unwrap().0;
        assert!(
            unresolved["services"]["ext"].get("extends").is_some(),
            "kept when the file is missing"
        );
    }

    #[test]
    fn extends_cycles_are_kept_not_followed_forever() {
        let mut notices = Vec::new();
        let files = vec![(
            "c.yml".to_string(),
            "services:\n  a: {extends: b}\n  b: {extends: a}\n".to_string(),
        )];
        assert!(load(&files, &[], &mut notices).is_ok());
        assert!(
            notices
                .iter()
                .any(|n| n.message(crate::i18n::Lang::En).contains("loops")),
            "{notices:?}"
        );
    }

    #[test]
    fn includes_are_inlined_when_given() {
        let files = vec![(
            "compose.yaml".to_string(),
            "include: [child/compose.yaml]\nservices:\n  a: {image: x}\n".to_string(),
        )];
        let refs = vec![(
            "child/compose.yaml".to_string(),
            "services:\n  b: {image: y}\n".to_string(),
        )];
        let m = load(&files, &refs, &mut Vec::new()).unwrap().0;
        let names: Vec<String> = m["services"]
            .as_mapping()
            .unwrap()
            .keys()
            .map(key_string)
            .collect();
        assert_eq!(names, ["b", "a"]);
        assert!(m.get("include").is_none());
    }

    fn timed<T>(f: impl FnOnce() -> T) -> T {
        let started = std::time::Instant::now();
        let out = f();
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(2), "took {took:?}");
        out
    }

    #[test]
    fn a_file_that_includes_itself_is_refused_at_once() {
        let text = "include: [a.yaml, a.yaml, a.yaml, a.yaml, a.yaml, a.yaml]\nservices:\n  s: {image: x}\n";
        let files = vec![("a.yaml".to_string(), text.to_string())];
        let err = timed(|| load(&files, &files, &mut Vec::new())).unwrap_err();
        assert!(err.to_string().contains("cycle"), "{err}");
    }

    #[test]
    fn a_diamond_of_includes_loads_each_file_once() {
        // Each level names the next one six times; resolved naively this is 6^7 loads.
        let mut refs = Vec::new();
        for level in 0..7 {
            let next = format!("l{}.yaml", level + 1);
            let text = format!(
                "include: [{next}, {next}, {next}, {next}, {next}, {next}]\nservices:\n  s{level}: {{image: x}}\n"
            );
            refs.push((format!("l{level}.yaml"), text));
        }
        refs.push((
            "l7.yaml".to_string(),
            "services:\n  last: {image: y}\n".to_string(),
        ));
        let files = vec![refs[0].clone()];
        let m = timed(|| load(&files, &refs, &mut Vec::new())).unwrap().0;
        assert_eq!(m["services"].as_mapping().unwrap().len(), 8);
    }

    #[test]
    fn many_services_extending_one_file_load_it_once() {
        let mut text = String::from("services:\n  base: {image: x, environment: {A: '1'}}\n");
        for i in 0..7 {
            text.push_str(&format!(
                "  s{i}:\n    extends: {{file: compose.yaml, service: base}}\n"
            ));
        }
        let files = vec![("compose.yaml".to_string(), text)];
        let m = timed(|| load(&files, &files, &mut Vec::new())).unwrap().0;
        let s6 = &m["services"]["s6"];
        assert_eq!(
            s6["image"],
            Value::from("x"),
            "extends within the same file"
        );
        assert!(s6.get("extends").is_none());
    }

    #[test]
    fn extends_chains_across_files_load_each_file_once() {
        // Eight files whose five services each extend the same service of the next file: loaded
        // per mention, 5^8 loads.
        let names = ["a", "b", "c", "d", "e"];
        let mut refs = Vec::new();
        for level in 0..8 {
            let next = format!("e{}.yaml", level + 1);
            let mut text = String::from("services:\n");
            for n in names {
                text.push_str(&format!(
                    "  {n}:\n    extends: {{file: {next}, service: {n}}}\n"
                ));
            }
            refs.push((format!("e{level}.yaml"), text));
        }
        let last: String = names
            .iter()
            .map(|n| format!("  {n}: {{image: {n}}}\n"))
            .collect();
        refs.push(("e8.yaml".to_string(), format!("services:\n{last}")));
        let files = vec![refs[0].clone()];
        let m = timed(|| load(&files, &refs, &mut Vec::new())).unwrap().0;
        assert_eq!(m["services"]["e"]["image"], Value::from("e"));
    }
}
