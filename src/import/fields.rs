//! The smaller service keys: `image`, `build`, `command`, `healthcheck`, `deploy`, `restart`,
//! `profiles` and the hardening keys. Each reader returns the model's value and pushes to `why`
//! every reason the value is not exact (the caller then keeps the key verbatim as well).

use super::convert::{key_string, scalar, to_json};
use super::units::{mebibytes, millicores, seconds};
use crate::i18n::Message;
use crate::model::{
    check_service_name, Build, Hardening, Healthcheck, Image, Replicas, Resources, RestartPolicy,
};
use serde_yaml::Value;
use std::collections::BTreeMap;

/// Most replicas the model accepts per environment.
const MAX_REPLICAS: u32 = 100;

fn unknown_keys(m: &serde_yaml::Mapping, known: &[&str], what: &str, why: &mut Vec<Message>) {
    for k in m.keys() {
        let k = key_string(k);
        if !known.contains(&k.as_str()) {
            why.push(
                Message::plain(HAS_NO_PLACE_IN_THE)
                    .arg("what", what.to_string())
                    .arg("k", k.to_string()),
            );
        }
    }
}

/// `image:` split so that `reference()` gives the text back exactly (digests and variables
/// included: `redis:7@sha256:..` keeps `7@sha256:..` as its tag, `${IMG}` stays whole).
pub fn image(v: &Value, why: &mut Vec<Message>) -> Option<Image> {
    let Some(text) = scalar(v).filter(|t| !t.trim().is_empty()) else {
        why.push(Message::plain(IMAGE_IS_NOT_A_STRING));
        return None;
    };
    if text.contains(char::is_whitespace) {
        why.push(Message::plain(IMAGE_CONTAINS_WHITE_SPACE).arg("text", format!("{:?}", text)));
        return None;
    }
    let split = if text.contains('$') {
        Image::new(&text, "")
    } else if let Some((before, digest)) = text.split_once('@') {
        let base = Image::parse(before);
        if base.tag.is_empty() {
            Image::new(&text, "")
        } else {
            Image::new(base.name, format!("{}@{digest}", base.tag))
        }
    } else {
        Image::parse(&text)
    };
    Some(if split.reference() == text {
        split
    } else {
        Image::new(text, "")
    })
}

/// `build: ./dir` or `build: {context, dockerfile, target, args}`.
pub fn build(v: &Value, why: &mut Vec<Message>) -> Build {
    let mut b = Build {
        language: None,
        context: ".".into(),
        dockerfile: None,
        target: None,
        args: BTreeMap::new(),
    };
    match v {
        Value::Mapping(m) => {
            unknown_keys(
                m,
                &["context", "dockerfile", "target", "args"],
                "build",
                why,
            );
            if let Some(c) = m.get("context") {
                match scalar(c) {
                    Some(c) if !c.is_empty() => b.context = c,
                    _ => why.push(Message::plain(BUILD_CONTEXT_IS_NOT_A)),
                }
            }
            b.dockerfile = m.get("dockerfile").and_then(scalar);
            b.target = m.get("target").and_then(scalar);
            match m.get("args") {
                None => {}
                Some(Value::Mapping(args)) => {
                    for (k, v) in args {
                        match scalar(v) {
                            Some(s) => {
                                b.args.insert(key_string(k), s);
                            }
                            None => why.push(
                                Message::plain(BUILD_ARG_HAS_NO_FIXED)
                                    .arg("key", key_string(k).to_string()),
                            ),
                        }
                    }
                }
                Some(Value::Sequence(args)) => {
                    for a in args.iter().filter_map(scalar) {
                        match a.split_once('=') {
                            Some((k, v)) => {
                                b.args.insert(k.to_string(), v.to_string());
                            }
                            None => why.push(
                                Message::plain(BUILD_ARG_IS_TAKEN_FROM).arg("a", a.to_string()),
                            ),
                        }
                    }
                }
                Some(other) => why.push(
                    Message::plain(BUILD_ARGS_IS_UNREADABLE)
                        .arg("value", to_json(other).to_string()),
                ),
            }
        }
        other => match scalar(other) {
            Some(c) if !c.is_empty() => b.context = c,
            _ => why.push(Message::plain(BUILD_IS_UNREADABLE)),
        },
    }
    b
}

/// `command:` as an exec list. A string is split at white space as compose does; strings with
/// quotes or backslashes are split approximately and kept verbatim.
pub fn command(v: &Value, why: &mut Vec<Message>) -> Vec<String> {
    match v {
        // An override's `command: []` resets an inherited command; the model's empty command
        // means "none given", so the reset is kept as written.
        Value::Sequence(items) if items.is_empty() => {
            why.push(Message::plain(AN_EMPTY_COMMAND_A_RESET));
            Vec::new()
        }
        Value::Sequence(items) => items
            .iter()
            .map(|i| {
                scalar(i).unwrap_or_else(|| {
                    why.push(
                        Message::plain(COMMAND_ITEM_IS_NOT_A).arg("value", to_json(i).to_string()),
                    );
                    to_json(i).to_string()
                })
            })
            .collect(),
        other => match scalar(other) {
            Some(s) => {
                if s.contains(['"', '\'', '\\']) {
                    why.push(Message::plain(A_COMMAND_STRING_WITH_QUOTES));
                }
                s.split_whitespace()
                    .map(|w| w.trim_matches(['"', '\'']).to_string())
                    .collect()
            }
            None => {
                why.push(Message::plain(COMMAND_IS_UNREADABLE));
                Vec::new()
            }
        },
    }
}

/// `healthcheck:`; absent timings take compose's defaults (30 s, 30 s, 3 retries, 0 s) so that
/// the generator's explicit values mean the same. `None` when disabled.
pub fn healthcheck(v: &Value, why: &mut Vec<Message>) -> Option<Healthcheck> {
    let Value::Mapping(m) = v else {
        why.push(Message::plain(HEALTHCHECK_IS_NOT_A_MAPPING));
        return None;
    };
    unknown_keys(
        m,
        &[
            "test",
            "interval",
            "timeout",
            "retries",
            "start_period",
            "disable",
        ],
        "healthcheck",
        why,
    );
    if m.get("disable") == Some(&Value::Bool(true)) {
        why.push(Message::plain(THE_IMAGE_S_HEALTHCHECK_IS));
        return None;
    }
    let test: Vec<String> = match m.get("test") {
        Some(Value::Sequence(items)) => items
            .iter()
            .map(|i| scalar(i).unwrap_or_default())
            .collect(),
        Some(other) => match scalar(other) {
            Some(s) => vec!["CMD-SHELL".into(), s],
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    match test.first().map(String::as_str) {
        Some("CMD" | "CMD-SHELL") if test.len() > 1 => {}
        Some("NONE") => {
            why.push(Message::plain(THE_IMAGE_S_HEALTHCHECK_IS_2));
            return None;
        }
        _ => {
            why.push(Message::plain(THE_TEST_IS_NOT_A));
            return None;
        }
    }
    let mut timing = |key: &str, default: u32| match m.get(key) {
        None => default,
        Some(v) => seconds(v).unwrap_or_else(|| {
            why.push(
                Message::plain(IS_NOT_A_WHOLE_NUMBER)
                    .arg("key", key.to_string())
                    .arg("value", to_json(v).to_string()),
            );
            default
        }),
    };
    let interval_s = timing("interval", 30);
    let timeout_s = timing("timeout", 30);
    let start_period_s = timing("start_period", 0);
    let retries = match m.get("retries") {
        None => 3,
        Some(v) => v
            .as_u64()
            .and_then(|r| u32::try_from(r).ok())
            .unwrap_or_else(|| {
                why.push(
                    Message::plain(RETRIES_IS_NOT_A_NUMBER).arg("value", to_json(v).to_string()),
                );
                3
            }),
    };
    Some(Healthcheck {
        test,
        interval_s,
        timeout_s,
        retries,
        start_period_s,
    })
}

/// `deploy:` → replicas (every environment: the file runs them everywhere) and resources.
pub fn deploy(v: &Value, why: &mut Vec<Message>) -> (Option<Replicas>, Resources) {
    let mut resources = Resources::default();
    let Value::Mapping(m) = v else {
        why.push(Message::plain(DEPLOY_IS_NOT_A_MAPPING));
        return (None, resources);
    };
    unknown_keys(m, &["replicas", "resources"], "deploy", why);
    let replicas =
        m.get("replicas")
            .and_then(|r| match r.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) if n <= MAX_REPLICAS => Some(Replicas {
                    dev: n,
                    ci: n,
                    prod: n,
                    staging: None,
                }),
                _ => {
                    why.push(
                        Message::plain(REPLICAS_IS_NOT_A_NUMBER)
                            .arg("value", to_json(r).to_string())
                            .arg("max_replicas", MAX_REPLICAS.to_string()),
                    );
                    None
                }
            });
    if let Some(res) = m.get("resources") {
        let Value::Mapping(res) = res else {
            why.push(Message::plain(DEPLOY_RESOURCES_IS_NOT_A));
            return (replicas, resources);
        };
        unknown_keys(res, &["limits", "reservations"], "deploy.resources", why);
        let mut read = |section: &str, known: &[&str]| -> (Option<u32>, Option<u32>, Option<u32>) {
            let Some(Value::Mapping(s)) = res.get(section) else {
                return (None, None, None);
            };
            unknown_keys(s, known, &format!("deploy.resources.{section}"), why);
            let mut field = |key: &str, read: fn(&Value) -> Option<u32>| {
                s.get(key).and_then(|v| {
                    let r = read(v);
                    if r.is_none() {
                        why.push(
                            Message::plain(IS_NOT_READ_EXACTLY)
                                .arg("section", section.to_string())
                                .arg("key", key.to_string())
                                .arg("value", to_json(v).to_string()),
                        );
                    }
                    r
                })
            };
            (
                field("cpus", millicores),
                field("memory", mebibytes),
                field("pids", |v| v.as_u64().and_then(|n| u32::try_from(n).ok())),
            )
        };
        let (cpu, mem, pids) = read("limits", &["cpus", "memory", "pids"]);
        let (cpu_r, mem_r, _) = read("reservations", &["cpus", "memory"]);
        resources = Resources {
            cpu_limit_m: cpu,
            memory_limit_mb: mem,
            cpu_reservation_m: cpu_r,
            memory_reservation_mb: mem_r,
            pids_limit: pids,
        };
    }
    (replicas, resources)
}

pub fn restart(v: &Value, why: &mut Vec<Message>) -> RestartPolicy {
    match scalar(v).as_deref() {
        Some("no") | Some("false") => RestartPolicy::No,
        Some("always") => RestartPolicy::Always,
        Some("unless-stopped") => RestartPolicy::UnlessStopped,
        Some("on-failure") => RestartPolicy::OnFailure,
        Some(s) if s.starts_with("on-failure:") => {
            why.push(Message::plain(THE_RETRY_COUNT_HAS_NO).arg("s", format!("{:?}", s)));
            RestartPolicy::OnFailure
        }
        _ => {
            why.push(Message::plain(RESTART_IS_NOT_A_POLICY).arg("value", to_json(v).to_string()));
            RestartPolicy::No
        }
    }
}

pub fn profiles(v: &Value, why: &mut Vec<Message>) -> Vec<String> {
    let Value::Sequence(items) = v else {
        why.push(Message::plain(PROFILES_IS_NOT_A_LIST));
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|p| match scalar(p) {
            Some(p) if check_service_name(&p).is_ok() => Some(p),
            _ => {
                why.push(
                    Message::plain(PROFILE_IS_NOT_A_NAME).arg("value", to_json(p).to_string()),
                );
                None
            }
        })
        .collect()
}

/// One hardening key into `h`.
pub fn hardening(key: &str, v: &Value, h: &mut Hardening, why: &mut Vec<Message>) {
    let text = |why: &mut Vec<Message>| {
        scalar(v).or_else(|| {
            why.push(Message::plain(IS_NOT_A_STRING).arg("key", key.to_string()));
            None
        })
    };
    let flag = |why: &mut Vec<Message>| match v {
        Value::Bool(b) => *b,
        _ => {
            why.push(Message::plain(IS_NOT_TRUE_OR_FALSE).arg("key", key.to_string()));
            false
        }
    };
    let list = |why: &mut Vec<Message>| -> Vec<String> {
        match v {
            Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
            _ => {
                why.push(Message::plain(IS_NOT_A_LIST).arg("key", key.to_string()));
                Vec::new()
            }
        }
    };
    match key {
        "user" => h.user = text(why),
        "read_only" => h.read_only_root = flag(why),
        "privileged" => h.privileged = flag(why),
        "network_mode" => h.network_mode = text(why),
        "pid" => h.pid = text(why),
        "ipc" => h.ipc = text(why),
        "cap_add" => h.cap_add = list(why),
        "cap_drop" => {
            let caps = list(why);
            h.cap_drop_all = caps.iter().any(|c| c.eq_ignore_ascii_case("ALL"));
            if caps.len() != 1 || !h.cap_drop_all {
                why.push(Message::plain(ONLY_CAP_DROP_ALL_HAS));
            }
        }
        "security_opt" => {
            for opt in list(why) {
                match opt.replace('=', ":").as_str() {
                    "no-new-privileges" | "no-new-privileges:true" => h.no_new_privileges = true,
                    "seccomp:unconfined" => h.seccomp_unconfined = true,
                    other => why.push(
                        Message::plain(SECURITY_OPTION_HAS_NO_PLACE)
                            .arg("other", format!("{:?}", other)),
                    ),
                }
            }
        }
        _ => {}
    }
}

// Why a value is kept as written: one text per reason.
crate::texts! {
    HAS_NO_PLACE_IN_THE {
        en: "{what}.{k} has no place in the model",
        de: "{what}.{k} hat keinen Platz im Modell",
        fr: "{what}.{k} n'a pas de place dans le modèle",
    }
    IMAGE_IS_NOT_A_STRING {
        en: "`image` is not a string",
        de: "`image` ist kein String",
        fr: "`image` n'est pas une chaîne",
    }
    IMAGE_CONTAINS_WHITE_SPACE {
        en: "image {text} contains white space",
        de: "das Image {text} enthält Leerraum",
        fr: "l'image {text} contient des espaces",
    }
    BUILD_CONTEXT_IS_NOT_A {
        en: "build.context is not a path",
        de: "build.context ist kein Pfad",
        fr: "build.context n'est pas un chemin",
    }
    BUILD_ARG_HAS_NO_FIXED {
        en: "build arg {key} has no fixed value",
        de: "das Build-Argument {key} hat keinen festen Wert",
        fr: "l'argument de build {key} n'a pas de valeur fixe",
    }
    BUILD_ARG_IS_TAKEN_FROM {
        en: "build arg {a} is taken from the host's environment",
        de: "das Build-Argument {a} kommt aus der Umgebung des Hosts",
        fr: "l'argument de build {a} est repris de l'environnement de l'hôte",
    }
    BUILD_ARGS_IS_UNREADABLE {
        en: "build.args {value} is unreadable",
        de: "build.args {value} ist unlesbar",
        fr: "build.args {value} est illisible",
    }
    BUILD_IS_UNREADABLE {
        en: "`build` is unreadable",
        de: "`build` ist unlesbar",
        fr: "`build` est illisible",
    }
    AN_EMPTY_COMMAND_A_RESET {
        en: "an empty `command` (a reset) is not the same as none",
        de: "ein leeres `command` (ein Zurücksetzen) ist nicht dasselbe wie keines",
        fr: "un `command` vide (une réinitialisation) n'est pas la même chose qu'aucun",
    }
    COMMAND_ITEM_IS_NOT_A {
        en: "command item {value} is not a string",
        de: "das command-Element {value} ist kein String",
        fr: "l'élément de command {value} n'est pas une chaîne",
    }
    A_COMMAND_STRING_WITH_QUOTES {
        en: "a command string with quotes is split by compose's shell-word rules",
        de: "ein command-String mit Anführungszeichen wird nach den Shell-Wort-Regeln von Compose zerlegt",
        fr: "une chaîne command avec guillemets est découpée selon les règles shell de Compose",
    }
    COMMAND_IS_UNREADABLE {
        en: "`command` is unreadable",
        de: "`command` ist unlesbar",
        fr: "`command` est illisible",
    }
    HEALTHCHECK_IS_NOT_A_MAPPING {
        en: "`healthcheck` is not a mapping",
        de: "`healthcheck` ist keine Map",
        fr: "`healthcheck` n'est pas une map",
    }
    THE_IMAGE_S_HEALTHCHECK_IS {
        en: "the image's healthcheck is disabled",
        de: "der Healthcheck des Images ist deaktiviert",
        fr: "le healthcheck de l'image est désactivé",
    }
    THE_IMAGE_S_HEALTHCHECK_IS_2 {
        en: "the image's healthcheck is disabled (NONE)",
        de: "der Healthcheck des Images ist deaktiviert (NONE)",
        fr: "le healthcheck de l'image est désactivé (NONE)",
    }
    THE_TEST_IS_NOT_A {
        en: "the test is not a CMD or CMD-SHELL command",
        de: "der Test ist kein CMD- oder CMD-SHELL-Befehl",
        fr: "le test n'est pas une commande CMD ou CMD-SHELL",
    }
    IS_NOT_A_WHOLE_NUMBER {
        en: "{key} {value} is not a whole number of seconds",
        de: "{key} {value} ist keine ganze Zahl von Sekunden",
        fr: "{key} {value} n'est pas un nombre entier de secondes",
    }
    RETRIES_IS_NOT_A_NUMBER {
        en: "retries {value} is not a number",
        de: "retries {value} ist keine Zahl",
        fr: "retries {value} n'est pas un nombre",
    }
    DEPLOY_IS_NOT_A_MAPPING {
        en: "`deploy` is not a mapping",
        de: "`deploy` ist keine Map",
        fr: "`deploy` n'est pas une map",
    }
    REPLICAS_IS_NOT_A_NUMBER {
        en: "replicas {value} is not a number up to {max_replicas}",
        de: "replicas {value} ist keine Zahl bis {max_replicas}",
        fr: "replicas {value} n'est pas un nombre jusqu'à {max_replicas}",
    }
    DEPLOY_RESOURCES_IS_NOT_A {
        en: "deploy.resources is not a mapping",
        de: "deploy.resources ist keine Map",
        fr: "deploy.resources n'est pas une map",
    }
    IS_NOT_READ_EXACTLY {
        en: "{section}.{key} {value} is not read exactly",
        de: "{section}.{key} {value} wird nicht exakt gelesen",
        fr: "{section}.{key} {value} n'est pas lu exactement",
    }
    THE_RETRY_COUNT_HAS_NO {
        en: "{s}: the retry count has no place in the model",
        de: "{s}: die Anzahl der Wiederholungen hat keinen Platz im Modell",
        fr: "{s} : le nombre de tentatives n'a pas de place dans le modèle",
    }
    RESTART_IS_NOT_A_POLICY {
        en: "restart {value} is not a policy the model knows",
        de: "restart {value} ist keine Policy, die das Modell kennt",
        fr: "restart {value} n'est pas une policy que le modèle connaît",
    }
    PROFILES_IS_NOT_A_LIST {
        en: "`profiles` is not a list",
        de: "`profiles` ist keine Liste",
        fr: "`profiles` n'est pas une liste",
    }
    PROFILE_IS_NOT_A_NAME {
        en: "profile {value} is not a name the model accepts",
        de: "das Profil {value} ist kein Name, den das Modell akzeptiert",
        fr: "le profil {value} n'est pas un nom que le modèle accepte",
    }
    IS_NOT_A_STRING {
        en: "`{key}` is not a string",
        de: "`{key}` ist kein String",
        fr: "`{key}` n'est pas une chaîne",
    }
    IS_NOT_TRUE_OR_FALSE {
        en: "`{key}` is not true or false",
        de: "`{key}` ist weder true noch false",
        fr: "`{key}` n'est ni true ni false",
    }
    IS_NOT_A_LIST {
        en: "`{key}` is not a list",
        de: "`{key}` ist keine Liste",
        fr: "`{key}` n'est pas une liste",
    }
    ONLY_CAP_DROP_ALL_HAS {
        en: "only `cap_drop: [ALL]` has a place in the model",
        de: "nur `cap_drop: [ALL]` hat einen Platz im Modell",
        fr: "seul `cap_drop: [ALL]` a une place dans le modèle",
    }
    SECURITY_OPTION_HAS_NO_PLACE {
        en: "security option {other} has no place in the model",
        de: "die Sicherheitsoption {other} hat keinen Platz im Modell",
        fr: "l'option de sécurité {other} n'a pas de place dans le modèle",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn y(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn images_give_their_reference_back() {
        for text in [
            "postgres:16-alpine",
            "redis@sha256:abc",
            "redis:7@sha256:abc",
            "${IMG:-a/b:1}",
            "localhost:5000/app",
            "app",
        ] {
            let img = image(&Value::from(text), &mut Vec::new()).unwrap();
            assert_eq!(img.reference(), text);
        }
        assert_eq!(
            image(&Value::from("redis:7@sha256:abc"), &mut Vec::new())
                .unwrap()
                .name,
            "redis"
        );
    }

    #[test]
    fn an_empty_command_is_kept_as_written() {
        let mut why = Vec::new();
        assert!(command(&y("[]"), &mut why).is_empty());
        assert_eq!(
            why.len(),
            1,
            "a reset is flagged, so the key is kept verbatim"
        );
        let mut why = Vec::new();
        assert_eq!(command(&y("[a, b]"), &mut why), ["a", "b"]);
        assert!(why.is_empty());
    }

    #[test]
    fn build_reads_both_forms() {
        let mut why = Vec::new();
        assert_eq!(build(&Value::from("./app"), &mut why).context, "./app");
        let b = build(
            &y("{context: ., dockerfile: Dockerfile.prod, target: runtime, args: [A=1, B]}"),
            &mut why,
        );
        assert_eq!(
            (b.dockerfile.as_deref(), b.target.as_deref()),
            (Some("Dockerfile.prod"), Some("runtime"))
        );
        assert_eq!(b.args.get("A").map(String::as_str), Some("1"));
        assert_eq!(why.len(), 1, "B without a value is flagged: {why:?}");
        why.clear();
        build(&y("{dockerfile_inline: 'FROM x'}"), &mut why);
        assert_eq!(b.language, None);
        assert!(why[0]
            .render(crate::i18n::Lang::En)
            .contains("dockerfile_inline"));
    }

    #[test]
    fn healthchecks_read_forms_and_durations() {
        let mut why = Vec::new();
        let hc = healthcheck(&y("{test: curl -f localhost, interval: 1m30s}"), &mut why).unwrap();
        assert_eq!(hc.test, ["CMD-SHELL", "curl -f localhost"]);
        assert_eq!(
            (hc.interval_s, hc.timeout_s, hc.retries, hc.start_period_s),
            (90, 30, 3, 0)
        );
        assert!(why.is_empty());
        let hc = healthcheck(
            &y("{test: [CMD, pg_isready], interval: $HEALTHCHECK_INTERVAL, retries: $R}"),
            &mut why,
        )
        .unwrap();
        assert_eq!(hc.test, ["CMD", "pg_isready"]);
        assert_eq!(why.len(), 2, "{why:?}");
        assert!(healthcheck(&y("{disable: true}"), &mut why).is_none());
    }

    #[test]
    fn deploy_reads_replicas_and_resources() {
        let mut why = Vec::new();
        let (r, res) = deploy(&y("{replicas: 3, resources: {limits: {cpus: '0.5', memory: 512M}, reservations: {memory: 128M}}}"), &mut why);
        assert_eq!(
            r,
            Some(Replicas {
                dev: 3,
                ci: 3,
                prod: 3,
                staging: None
            })
        );
        assert_eq!(
            (
                res.cpu_limit_m,
                res.memory_limit_mb,
                res.memory_reservation_mb
            ),
            (Some(500), Some(512), Some(128))
        );
        assert!(why.is_empty());
        deploy(
            &y("{resources: {reservations: {devices: [{capabilities: [gpu]}]}}}"),
            &mut why,
        );
        assert_eq!(why.len(), 1, "GPU reservations are kept verbatim: {why:?}");
    }

    #[test]
    fn hardening_keys_fill_the_block() {
        let mut h = Hardening::default();
        let mut why = Vec::new();
        hardening(
            "security_opt",
            &y("[no-new-privileges:true, 'label:disable']"),
            &mut h,
            &mut why,
        );
        hardening("cap_drop", &y("[ALL]"), &mut h, &mut why);
        hardening("user", &y("1000"), &mut h, &mut why);
        assert!(h.no_new_privileges && h.cap_drop_all);
        assert_eq!(h.user.as_deref(), Some("1000"));
        assert_eq!(why.len(), 1);
    }
}
