//! Properties of the checklist on arbitrary designs: it never panics, its numbers are
//! consistent, and no fix makes its own rule worse or breaks the design.

use proptest::prelude::*;
use tierboard::catalog::KINDS;
use tierboard::edit::apply;
use tierboard::model::{
    validate, Design, EnvVar, Image, Link, LinkKind, Mount, MountKind, Port, RestartPolicy,
    ServiceId, Tier,
};
use tierboard::rules::{self, Outcome};

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("${X}".to_string()),
        Just("$$lit".to_string()),
        Just("pw".to_string()),
        Just("postgres://u:p@db/x".to_string()),
        "[a-zA-Z0-9_${}:/@.-]{0,12}",
    ]
}

#[derive(Debug, Clone)]
struct Knobs {
    kind: usize,
    tier: u8,
    published: Option<u16>,
    host_ip: Option<String>,
    env_key: String,
    env_value: String,
    secret: bool,
    mount: u8,
    flags: u16,
    tag: String,
}

fn arb_knobs() -> impl Strategy<Value = Knobs> {
    (
        0..KINDS.len() + 1,
        0u8..3,
        proptest::option::of(prop_oneof![Just(80u16), Just(5432), Just(8080), 1u16..]),
        proptest::option::of(prop_oneof![
            Just("0.0.0.0".to_string()),
            Just("127.0.0.1".to_string()),
            Just(String::new())
        ]),
        "[A-Z][A-Z_]{0,10}",
        arb_text(),
        any::<bool>(),
        0u8..5,
        any::<u16>(),
        prop_oneof![
            Just(String::new()),
            Just("latest".to_string()),
            Just("1.2".to_string()),
            "[a-z0-9 ]{0,5}"
        ],
    )
        .prop_map(
            |(kind, tier, published, host_ip, env_key, env_value, secret, mount, flags, tag)| {
                Knobs {
                    kind,
                    tier,
                    published,
                    host_ip,
                    env_key,
                    env_value,
                    secret,
                    mount,
                    flags,
                    tag,
                }
            },
        )
}

fn design(knobs: &[Knobs], links: &[(usize, usize, bool)]) -> Design {
    let mut d = Design::new("p");
    for (n, k) in knobs.iter().enumerate() {
        let id = ServiceId(n as u32 + 1);
        let tier = Tier::ALL[k.tier as usize];
        let mut s = match KINDS.get(k.kind) {
            Some(kind) => tierboard::catalog::service_from_kind(kind, id, &format!("s{n}"), tier),
            None => {
                let mut s = tierboard::model::Service::new(id, format!("s{n}"), "custom", tier);
                s.image = Some(Image::new("busybox", k.tag.clone()));
                s
            }
        };
        if let Some(p) = k.published {
            s.ports.push(Port {
                host_ip: k.host_ip.clone(),
                ..Port::published(8080, p)
            });
        }
        s.environment.push(EnvVar {
            key: k.env_key.clone(),
            value: k.env_value.clone(),
            secret: k.secret,
        });
        let mount = match k.mount {
            0 => Mount {
                kind: MountKind::Anonymous,
                source: String::new(),
                target: "/a".into(),
                read_only: false,
                size: None,
            },
            1 => Mount::bind("/var/run/docker.sock", "/s"),
            2 => Mount::named("shared", "/shared"),
            3 => Mount::bind("/etc", "/h"),
            _ => Mount::tmpfs("/tmp"),
        };
        s.volumes.push(mount);
        let f = |bit: u16| k.flags & (1 << bit) != 0;
        let h = &mut s.hardening;
        h.privileged = f(0);
        h.read_only_root = f(1);
        h.no_new_privileges = f(2);
        h.cap_drop_all = f(3);
        h.seccomp_unconfined = f(4);
        h.network_mode = f(5).then(|| "host".to_string());
        h.pid = f(6).then(|| "host".to_string());
        if f(7) {
            s.healthcheck = None;
        }
        if f(8) {
            s.restart = RestartPolicy::No;
        }
        if f(9) {
            s.resources = Default::default();
        }
        if f(10) {
            s.replicas.dev = 2;
        }
        if f(11) {
            s.profiles = vec!["opt".into()];
        }
        s.backup = f(12);
        d.services.push(s);
    }
    let n = knobs.len();
    for &(a, b, sync) in links {
        if n == 0 {
            break;
        }
        let (from, to) = (ServiceId((a % n) as u32 + 1), ServiceId((b % n) as u32 + 1));
        let kind = if sync {
            LinkKind::Sync
        } else {
            LinkKind::Async
        };
        if from != to && !d.links.iter().any(|l| l.from == from && l.to == to) {
            d.links.push(Link::new(from, to, kind));
        }
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_report_is_consistent_and_fixes_never_hurt_their_rule(
        knobs in proptest::collection::vec(arb_knobs(), 0..8),
        links in proptest::collection::vec((0usize..8, 0usize..8, any::<bool>()), 0..12),
    ) {
        let d = design(&knobs, &links);
        let report = rules::check(&d);
        prop_assert!(report.score <= 100);
        prop_assert_eq!(report.score == 100, report.findings().count() == 0);
        for r in &report.results {
            prop_assert_eq!(r.outcome == Outcome::Fail, r.failed > 0);
            prop_assert_eq!(r.outcome == Outcome::NotApplicable, r.subjects == 0);
            prop_assert!(r.failed <= r.subjects);
        }
        let valid = validate(&d).is_empty();
        for r in report.findings() {
            let Some(command) = rules::fix(&d, r.rule) else {
                prop_assert!(!r.fixable, "{} says fixable but offers nothing", r.rule);
                continue;
            };
            prop_assert!(r.fixable, "{} offers a fix it did not announce", r.rule);
            if !valid {
                continue;
            }
            let after = apply(&d, command);
            prop_assert!(after.is_ok(), "{}: {:?}", r.rule, after.err());
            let after = rules::check(&after.unwrap());
            let now = after.result(r.rule).unwrap();
            prop_assert!(now.failed <= r.failed, "{} fails more after its fix", r.rule);
        }
        if valid {
            if let Some(command) = rules::fix_all(&d) {
                let after = apply(&d, command);
                prop_assert!(after.is_ok(), "Fix all: {:?}", after.err());
            }
        }
    }
}
