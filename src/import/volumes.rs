//! Service `volumes:` in short (`data:/var/lib/x:ro`) and long syntax → [`Mount`]s.
//!
//! A source that starts with `/`, `.` or `~` is a bind mount, a plain name is a named volume,
//! no source is an anonymous volume. Mode flags other than `ro`/`rw` (SELinux `z`, `nocopy`,
//! propagation...), long-syntax options, variables and relative targets make the caller keep
//! the key verbatim; mounts that can be read still reach the model.

use super::convert::{key_string, likely_value, scalar, to_json};
use super::units::mebibytes;
use crate::i18n::Message;
use crate::model::{check_service_name, Mount, MountKind};
use serde_yaml::Value;

pub fn volumes(v: &Value, why: &mut Vec<Message>) -> Vec<Mount> {
    let Value::Sequence(items) = v else {
        why.push(Message::plain(VOLUMES_IS_NOT_A_LIST));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let mount = match item {
            Value::Mapping(_) => long(item, why),
            other => match scalar(other) {
                Some(text) => short(&text, why),
                None => {
                    why.push(
                        Message::plain(UNREADABLE_VOLUME_ENTRY)
                            .arg("value", to_json(other).to_string()),
                    );
                    None
                }
            },
        };
        if let Some(m) = mount.and_then(|m| valid(m, why)) {
            // Two mounts on one target: compose refuses to start the container; the model keeps
            // the first (the key itself is then kept as written).
            if out.iter().any(|o: &Mount| o.target == m.target) {
                why.push(Message::plain(MOUNTED_TWICE).arg("target", format!("{:?}", m.target)));
                continue;
            }
            out.push(m);
        }
    }
    out
}

/// Only mounts the model accepts (absolute target, valid volume name) reach it.
fn valid(m: Mount, why: &mut Vec<Message>) -> Option<Mount> {
    if !m.target.starts_with('/') {
        why.push(
            Message::plain(TARGET_IS_NOT_AN_ABSOLUTE).arg("target", format!("{:?}", m.target)),
        );
        return None;
    }
    if m.kind == MountKind::Named && check_service_name(&m.source).is_err() {
        why.push(Message::plain(VOLUME_NAME_IS_NOT_ONE).arg("source", format!("{:?}", m.source)));
        return None;
    }
    // The model needs a bind mount's host path (found by the fuzzer: `{type: bind, target: …}`).
    if m.kind == MountKind::Bind && m.source.is_empty() {
        why.push(Message::plain(BIND_WITHOUT_SOURCE).arg("target", format!("{:?}", m.target)));
        return None;
    }
    Some(m)
}

fn source_kind(source: &str, why: &mut Vec<Message>) -> MountKind {
    let guess = likely_value(source).unwrap_or(source);
    if source.contains('$') {
        why.push(Message::plain(SOURCE_USES_A_VARIABLE).arg("source", format!("{:?}", source)));
    }
    if guess.starts_with(['/', '.', '~']) || guess.contains('/') || source.contains('$') {
        MountKind::Bind
    } else {
        MountKind::Named
    }
}

fn short(text: &str, why: &mut Vec<Message>) -> Option<Mount> {
    // Windows drive letters ("C:\data:/data") are not split at their colon.
    let parts = split_colons(text);
    let (source, target, mode) = match parts.as_slice() {
        [target] => (None, *target, None),
        [source, target] => (Some(*source), *target, None),
        [source, target, mode] => (Some(*source), *target, Some(*mode)),
        _ => {
            why.push(Message::plain(UNREADABLE_VOLUME).arg("text", format!("{:?}", text)));
            return None;
        }
    };
    if target.contains('$') {
        why.push(Message::plain(THE_TARGET_USES_A_VARIABLE).arg("text", format!("{:?}", text)));
        return None;
    }
    let mut read_only = false;
    for flag in mode.unwrap_or("").split(',').filter(|f| !f.is_empty()) {
        match flag {
            "ro" => read_only = true,
            "rw" => {}
            other => why.push(
                Message::plain(MODE_HAS_NO_PLACE_IN)
                    .arg("text", format!("{:?}", text))
                    .arg("other", format!("{:?}", other)),
            ),
        }
    }
    let mount = match source {
        None => Mount {
            kind: MountKind::Anonymous,
            source: String::new(),
            target: target.into(),
            read_only,
            size: None,
        },
        Some(source) => Mount {
            kind: source_kind(source, why),
            source: source.into(),
            target: target.into(),
            read_only,
            size: None,
        },
    };
    Some(mount)
}

/// Split at `:` outside `${...}` (a default may contain colons: `${DIR:-./data}:/data`).
fn split_colons(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'{' if i > 0 && bytes[i - 1] == b'$' => depth += 1,
            b'}' if depth > 0 => depth -= 1,
            b':' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

fn long(item: &Value, why: &mut Vec<Message>) -> Option<Mount> {
    let Value::Mapping(m) = item else { return None };
    let shown = to_json(item);
    let kind_text = m
        .get("type")
        .and_then(scalar)
        .unwrap_or_else(|| "volume".into());
    let source = m.get("source").and_then(scalar).unwrap_or_default();
    let Some(target) = m.get("target").and_then(scalar) else {
        why.push(Message::plain(NO_TARGET).arg("shown", shown.to_string()));
        return None;
    };
    if target.contains('$') {
        why.push(Message::plain(THE_TARGET_USES_A_VARIABLE_2).arg("shown", shown.to_string()));
        return None;
    }
    let read_only = match m.get("read_only") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            why.push(Message::plain(READ_ONLY_IS_NOT_A).arg("shown", shown.to_string()));
            false
        }
    };
    let mut size = None;
    for (k, v) in m {
        match key_string(k).as_str() {
            "type" | "source" | "target" | "read_only" => {}
            "tmpfs" if kind_text == "tmpfs" => match v.as_mapping() {
                Some(t) if t.len() == 1 && t.get("size").is_some() => {
                    match t.get("size").and_then(mebibytes) {
                        Some(mib) => size = Some(mib),
                        None => why.push(
                            Message::plain(TMPFS_SIZE_IS_NOT_A).arg("shown", shown.to_string()),
                        ),
                    }
                }
                _ => why.push(
                    Message::plain(TMPFS_OPTIONS_HAVE_NO_PLACE).arg("shown", shown.to_string()),
                ),
            },
            "bind" | "volume" if v.as_mapping().is_some_and(|x| x.is_empty()) => {}
            "bind"
                if kind_text == "bind"
                    && v.as_mapping()
                        .is_some_and(|x| x.len() == 1 && x.contains_key("create_host_path")) => {}
            other => why.push(
                Message::plain(HAS_NO_PLACE_IN_THE)
                    .arg("shown", shown.to_string())
                    .arg("other", other.to_string()),
            ),
        }
    }
    let kind = match kind_text.as_str() {
        "volume" if source.is_empty() => MountKind::Anonymous,
        "volume" => {
            if source.contains('$') {
                why.push(Message::plain(THE_VOLUME_NAME_USES_A).arg("shown", shown.to_string()));
                return None;
            }
            MountKind::Named
        }
        "bind" => {
            if source.contains('$') {
                why.push(
                    Message::plain(THE_SOURCE_USES_A_VARIABLE).arg("shown", shown.to_string()),
                );
            }
            // The short form creates a missing host path; the long form only with
            // `bind: {create_host_path: true}` — a difference the model cannot carry.
            let creates =
                m.get("bind").and_then(|b| b.get("create_host_path")) == Some(&Value::Bool(true));
            if !creates {
                why.push(Message::plain(A_LONG_SYNTAX_BIND_DOES).arg("shown", shown.to_string()));
            }
            MountKind::Bind
        }
        "tmpfs" => MountKind::Tmpfs,
        other => {
            why.push(
                Message::plain(MOUNT_TYPE_HAS_NO_PLACE)
                    .arg("shown", shown.to_string())
                    .arg("other", format!("{:?}", other)),
            );
            return None;
        }
    };
    let source = if kind == MountKind::Tmpfs {
        String::new()
    } else {
        source
    };
    Some(Mount {
        kind,
        source,
        target,
        read_only,
        size,
    })
}

// Why a value is kept as written: one text per reason.
crate::texts! {
    BIND_WITHOUT_SOURCE {
        en: "the bind mount to {target} names no host path",
        de: "der Bind-Mount nach {target} nennt keinen Host-Pfad",
        fr: "le montage bind vers {target} n'indique aucun chemin hôte",
    }
    MOUNTED_TWICE {
        en: "{target} is mounted twice",
        de: "{target} ist zweimal eingehängt",
        fr: "{target} est monté deux fois",
    }
    VOLUMES_IS_NOT_A_LIST {
        en: "`volumes` is not a list",
        de: "`volumes` ist keine Liste",
        fr: "`volumes` n'est pas une liste",
    }
    UNREADABLE_VOLUME_ENTRY {
        en: "unreadable volume entry {value}",
        de: "unlesbarer Volume-Eintrag {value}",
        fr: "entrée de volume illisible {value}",
    }
    TARGET_IS_NOT_AN_ABSOLUTE {
        en: "target {target} is not an absolute path",
        de: "das Ziel {target} ist kein absoluter Pfad",
        fr: "la cible {target} n'est pas un chemin absolu",
    }
    VOLUME_NAME_IS_NOT_ONE {
        en: "volume name {source} is not one the model accepts",
        de: "der Volume-Name {source} wird vom Modell nicht akzeptiert",
        fr: "le nom de volume {source} n'est pas accepté par le modèle",
    }
    SOURCE_USES_A_VARIABLE {
        en: "source {source} uses a variable",
        de: "die Quelle {source} nutzt eine Variable",
        fr: "la source {source} utilise une variable",
    }
    UNREADABLE_VOLUME {
        en: "{text}: unreadable volume",
        de: "{text}: unlesbares Volume",
        fr: "{text} : volume illisible",
    }
    THE_TARGET_USES_A_VARIABLE {
        en: "{text}: the target uses a variable",
        de: "{text}: das Ziel nutzt eine Variable",
        fr: "{text} : la cible utilise une variable",
    }
    MODE_HAS_NO_PLACE_IN {
        en: "{text}: mode {other} has no place in the model",
        de: "{text}: der Modus {other} hat keinen Platz im Modell",
        fr: "{text} : le mode {other} n'a pas de place dans le modèle",
    }
    NO_TARGET {
        en: "{shown}: no target",
        de: "{shown}: kein Ziel",
        fr: "{shown} : pas de cible",
    }
    THE_TARGET_USES_A_VARIABLE_2 {
        en: "{shown}: the target uses a variable",
        de: "{shown}: das Ziel nutzt eine Variable",
        fr: "{shown} : la cible utilise une variable",
    }
    READ_ONLY_IS_NOT_A {
        en: "{shown}: read_only is not a boolean",
        de: "{shown}: read_only ist kein Boolean",
        fr: "{shown} : read_only n'est pas un booléen",
    }
    TMPFS_SIZE_IS_NOT_A {
        en: "{shown}: tmpfs size is not a whole MiB",
        de: "{shown}: die tmpfs-Größe ist keine ganze Zahl von MiB",
        fr: "{shown} : la taille du tmpfs n'est pas un nombre entier de Mio",
    }
    TMPFS_OPTIONS_HAVE_NO_PLACE {
        en: "{shown}: tmpfs options have no place in the model",
        de: "{shown}: tmpfs-Optionen haben keinen Platz im Modell",
        fr: "{shown} : les options tmpfs n'ont pas de place dans le modèle",
    }
    HAS_NO_PLACE_IN_THE {
        en: "{shown}: `{other}` has no place in the model",
        de: "{shown}: `{other}` hat keinen Platz im Modell",
        fr: "{shown} : `{other}` n'a pas de place dans le modèle",
    }
    THE_VOLUME_NAME_USES_A {
        en: "{shown}: the volume name uses a variable",
        de: "{shown}: der Volume-Name nutzt eine Variable",
        fr: "{shown} : le nom du volume utilise une variable",
    }
    THE_SOURCE_USES_A_VARIABLE {
        en: "{shown}: the source uses a variable",
        de: "{shown}: die Quelle nutzt eine Variable",
        fr: "{shown} : la source utilise une variable",
    }
    A_LONG_SYNTAX_BIND_DOES {
        en: "{shown}: a long-syntax bind does not create a missing host path",
        de: "{shown}: ein Bind in Langform legt einen fehlenden Host-Pfad nicht an",
        fr: "{shown} : un bind en syntaxe longue ne crée pas un chemin de l'hôte manquant",
    }
    MOUNT_TYPE_HAS_NO_PLACE {
        en: "{shown}: mount type {other} has no place in the model",
        de: "{shown}: der Mount-Typ {other} hat keinen Platz im Modell",
        fr: "{shown} : le type de montage {other} n'a pas de place dans le modèle",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bind_mount_without_a_host_path_stays_out_of_the_model() {
        let v: Value = serde_yaml::from_str("[{type: bind, target: /etc/conf}]").unwrap();
        let mut why = Vec::new();
        assert!(volumes(&v, &mut why).is_empty());
        let why: Vec<String> = why
            .iter()
            .map(|m| m.render(crate::i18n::Lang::En))
            .collect();
        assert!(
            why.iter().any(|w| w.contains("names no host path")),
            "{why:?}"
        );
    }

    #[test]
    fn a_target_mounted_twice_is_kept_once_with_a_reason() {
        let v: Value =
            serde_yaml::from_str("[{type: tmpfs, target: /tmp}, /tmp, 'data:/tmp']").unwrap();
        let mut why = Vec::new();
        let mounts = volumes(&v, &mut why);
        assert_eq!(mounts.len(), 1);
        let why: Vec<String> = why
            .iter()
            .map(|m| m.render(crate::i18n::Lang::En))
            .collect();
        assert_eq!(
            why,
            ["\"/tmp\" is mounted twice", "\"/tmp\" is mounted twice"]
        );
    }

    fn read(yaml: &str) -> (Vec<Mount>, Vec<String>) {
        let v: Value = serde_yaml::from_str(yaml).unwrap();
        let mut why = Vec::new();
        let read = volumes(&v, &mut why);
        // The reasons as English text, as the tests compare them.
        (
            read,
            why.iter()
                .map(|m| m.render(crate::i18n::Lang::En))
                .collect(),
        )
    }

    #[test]
    fn short_syntax_tells_named_bind_and_anonymous_apart() {
        let (m, why) = read(
            r#"["db_data:/var/lib/postgresql/data", "./conf:/etc/app:ro", "/var/run/docker.sock:/var/run/docker.sock", "/scratch", "~/x:/x"]"#,
        );
        assert!(why.is_empty(), "{why:?}");
        assert_eq!(m[0], Mount::named("db_data", "/var/lib/postgresql/data"));
        assert_eq!(
            m[1],
            Mount {
                read_only: true,
                ..Mount::bind("./conf", "/etc/app")
            }
        );
        assert_eq!(m[2].kind, MountKind::Bind);
        assert_eq!(m[3].kind, MountKind::Anonymous);
        assert_eq!(m[4].kind, MountKind::Bind);
    }

    #[test]
    fn long_syntax_reads_types_and_tmpfs_size() {
        let (m, why) = read("- {type: volume, source: data, target: /data, read_only: true}\n- {type: bind, source: ./a, target: /a, bind: {create_host_path: true}}\n- {type: tmpfs, target: /tmp, tmpfs: {size: 64m}}\n");
        assert!(why.is_empty(), "{why:?}");
        assert_eq!(
            m[0],
            Mount {
                read_only: true,
                ..Mount::named("data", "/data")
            }
        );
        assert_eq!(
            m[2],
            Mount {
                size: Some(64),
                ..Mount::tmpfs("/tmp")
            }
        );
    }

    #[test]
    fn what_a_mount_cannot_say_is_flagged() {
        let (m, why) = read("- data:/data:z\n- ${DATA_DIR:-./data}:/srv\n- {type: volume, source: v, target: /v, volume: {nocopy: true}}\n- rel:target\n- {type: bind, source: ./b, target: /b}\n");
        assert_eq!(m.len(), 4, "{m:?}");
        assert_eq!(m[1].kind, MountKind::Bind);
        assert_eq!(m[3], Mount::bind("./b", "/b"), "approximated, and flagged");
        assert_eq!(why.len(), 5, "{why:?}");
    }
}
