//! Test fixtures and assertions shared by the rule files: a hardened three-tier shop that passes
//! every rule, and helpers stating "this rule passes / fails for these services / its fix yields
//! exactly this design".

use super::{evaluate, fix, Ctx, Outcome, Rule, RuleResult};
use crate::catalog;
use crate::edit::apply;
use crate::model::{
    Design, EnvVar, Hardening, Image, Link, LinkKind, LoggingTarget, Mount, Port, Service,
    ServiceId, Tier,
};

/// A service of a catalog kind with its defaults, or a custom busybox service for other kinds.
pub fn svc(id: u32, name: &str, kind: &str, tier: Tier) -> Service {
    match catalog::kind(kind) {
        Some(k) => catalog::service_from_kind(k, ServiceId(id), name, tier),
        None => {
            let mut s = Service::new(ServiceId(id), name, kind, tier);
            s.image = Some(Image::new("busybox", "1.36"));
            s
        }
    }
}

/// proxy (nginx) → api (python, built) → db (postgres), hardened, with every operational fact set.
pub fn good() -> Design {
    let mut d = Design::new("shop");
    let mut proxy = svc(1, "proxy", "nginx", Tier::Frontend);
    proxy.ports = vec![Port::published(8080, 8080)];
    let mut api = svc(2, "api", "python-api", Tier::Backend);
    api.environment.push(EnvVar::plain(
        "DATABASE_URL",
        "postgresql://app:${POSTGRES_PASSWORD}@db:5432/app",
    ));
    let mut db = svc(3, "db", "postgres", Tier::Data);
    db.hardening = Hardening::full("70:70");
    db.volumes.push(Mount::tmpfs("/tmp"));
    db.volumes.push(Mount::tmpfs("/var/run/postgresql"));
    db.backup = true;
    d.services = vec![proxy, api, db];
    for s in &mut d.services {
        s.resources.pids_limit = Some(512);
    }
    d.links = vec![
        Link::new(ServiceId(1), ServiceId(2), LinkKind::Sync),
        Link::new(ServiceId(2), ServiceId(3), LinkKind::Sync),
    ];
    d.settings.ops.image_scan = true;
    d.settings.ops.logging = LoggingTarget::Central;
    d.settings.ops.rollback_docs = true;
    d.settings.ops.hot_reload = true;
    d
}

/// Edit the service named `name` in place.
pub fn edit(d: &mut Design, name: &str, f: impl FnOnce(&mut Service)) {
    let s = d
        .services
        .iter_mut()
        .find(|s| s.name == name)
        .expect("fixture service exists");
    f(s);
}

/// Add a service and links from/to it by name.
pub fn add(d: &mut Design, s: Service, from: &[&str], to: &[&str]) {
    let id = s.id;
    d.services.push(s);
    let id_of = |d: &Design, n: &str| d.service_by_name(n).expect("fixture service exists").id;
    for f in from {
        let from = id_of(d, f);
        d.links.push(Link::new(from, id, LinkKind::Sync));
    }
    for t in to {
        let to = id_of(d, t);
        d.links.push(Link::new(id, to, LinkKind::Sync));
    }
}

pub fn result(rule: &Rule, d: &Design) -> RuleResult {
    evaluate(rule, &Ctx::new(d))
}

#[track_caller]
pub fn assert_passes(rule: &Rule, d: &Design) {
    let r = result(rule, d);
    assert_eq!(
        r.outcome,
        Outcome::Pass,
        "{} should pass: {}",
        rule.id,
        r.message(crate::i18n::Lang::En)
    );
}

#[track_caller]
pub fn assert_not_applicable(rule: &Rule, d: &Design) {
    let r = result(rule, d);
    assert_eq!(
        r.outcome,
        Outcome::NotApplicable,
        "{} should not apply: {}",
        rule.id,
        r.message(crate::i18n::Lang::En)
    );
}

/// The rule fails and names exactly `services`.
#[track_caller]
pub fn assert_fails(rule: &Rule, d: &Design, services: &[&str]) -> RuleResult {
    let r = result(rule, d);
    assert_eq!(r.outcome, Outcome::Fail, "{} should fail", rule.id);
    let names: Vec<&str> = r.services.iter().map(|s| &*s.name).collect();
    assert_eq!(names, services, "{}: services concerned", rule.id);
    assert!(!r.message(crate::i18n::Lang::En).is_empty());
    r
}

/// The rule's fix, applied through `edit::apply`, turns `d` into exactly `expected`, on which the
/// rule passes.
#[track_caller]
pub fn assert_fix(rule: &Rule, d: &Design, expected: &Design) {
    let command = fix(d, rule.id).unwrap_or_else(|| panic!("{} offers a fix", rule.id));
    let fixed = apply(d, command).unwrap_or_else(|e| panic!("{} fix applies: {e}", rule.id));
    assert_passes(rule, &fixed);
    assert_eq!(
        &fixed, expected,
        "{}: the fix changes only what the rule needs",
        rule.id
    );
}

/// The rule offers no automatic fix here.
#[track_caller]
pub fn assert_no_fix(rule: &Rule, d: &Design) {
    assert!(fix(d, rule.id).is_none(), "{} should offer no fix", rule.id);
}
