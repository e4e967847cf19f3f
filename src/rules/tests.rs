//! Properties of the rule set as a whole: descriptors, scoring, fixes and "Fix all".

use super::fixtures::*;
use super::*;
use crate::catalog;
use crate::model::{EnvVar, Mount, MountKind, Port, RestartPolicy, Service, Tier};

/// The shop with something wrong in every fixable way.
fn bad() -> Design {
    let mut d = good();
    d.settings.ops = Default::default();
    d.extra.insert("servics".into(), serde_json::json!({}));
    edit(&mut d, "proxy", |s| {
        s.ports = vec![Port {
            host_ip: Some("0.0.0.0".into()),
            ..Port::published(8080, 5432)
        }];
        s.hardening.user = Some("root".into());
        s.hardening.privileged = true;
        s.hardening.network_mode = Some("host".into());
    });
    edit(&mut d, "api", |s| {
        s.healthcheck = None;
        s.restart = RestartPolicy::No;
        s.resources = Default::default();
        s.hardening.no_new_privileges = false;
        s.hardening.cap_drop_all = false;
        s.hardening.read_only_root = false;
        s.hardening.seccomp_unconfined = true;
        s.hardening.pid = Some("host".into());
        s.volumes.push(Mount {
            kind: MountKind::Anonymous,
            source: String::new(),
            target: "/cache".into(),
            read_only: false,
            size: None,
        });
        s.volumes.push(Mount::bind("./uploads", "/uploads"));
        s.environment.push(EnvVar::plain("JWT_SECRET", "changeme"));
        s.extra.insert("frobnicate".into(), serde_json::json!(true));
    });
    edit(&mut d, "db", |s| {
        s.tier = Tier::Backend;
        s.ports = vec![Port::published(5432, 15432)];
        s.backup = false;
        s.image.as_mut().unwrap().tag = "latest".into();
        s.volumes.retain(|m| m.kind != MountKind::Named);
        s.environment
            .iter_mut()
            .filter(|e| e.secret)
            .for_each(|e| e.value = "pw".into());
    });
    d
}

fn by_id(d: &Design) -> std::collections::BTreeMap<ServiceId, &Service> {
    d.services.iter().map(|s| (s.id, s)).collect()
}

#[test]
fn the_hardened_shop_passes_every_rule_and_scores_100() {
    let report = check(&good());
    let failing: Vec<(&str, String)> = report
        .findings()
        .map(|r| (r.rule, r.message(crate::i18n::Lang::En)))
        .collect();
    assert_eq!(failing, vec![], "the reference design is clean");
    assert_eq!(report.score, 100);
    assert!(
        report.categories.iter().all(|c| c.score == Some(100)),
        "{:?}",
        report.categories
    );
}

#[test]
fn rule_ids_are_unique_kebab_case_and_every_rule_is_described() {
    let mut seen = std::collections::BTreeSet::new();
    for r in RULES {
        assert!(seen.insert(r.id), "duplicate id {}", r.id);
        assert!(
            r.id.split('-').all(|w| !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
            "{} is not kebab-case",
            r.id
        );
        assert!(!r.source.trim().is_empty(), "{}: empty source", r.id);
        for (field, text) in [("title", r.title), ("why", r.why), ("problem", r.problem)] {
            for lang in crate::i18n::Lang::ALL {
                assert!(
                    !text.get(lang).trim().is_empty(),
                    "{}: empty {field} in {lang:?}",
                    r.id
                );
            }
        }
        assert!(
            !r.safe_fix || r.fix.is_some(),
            "{}: a safe fix needs a fix",
            r.id
        );
        assert_eq!(rule(r.id).map(|x| x.id), Some(r.id));
    }
    for c in Category::ALL {
        assert!(RULES.iter().any(|r| r.category == c), "{c} has rules");
    }
    let pairs: Vec<(Category, usize)> = RULES
        .iter()
        .map(|r| r.category)
        .enumerate()
        .map(|(i, c)| (c, i))
        .collect();
    assert!(
        pairs.windows(2).all(|w| w[0].0 <= w[1].0),
        "RULES is in panel (category) order"
    );
}

#[test]
fn an_empty_board_scores_100_with_nothing_applicable_but_structure() {
    let report = check(&Design::new("x"));
    assert_eq!(report.score, 100);
    assert_eq!(report.findings().count(), 0);
    assert!(
        report
            .results
            .iter()
            .all(|r| r.outcome == Outcome::NotApplicable),
        "{:?}",
        report
            .results
            .iter()
            .filter(|r| r.outcome != Outcome::NotApplicable)
            .map(|r| r.rule)
            .collect::<Vec<_>>()
    );
    assert!(report.categories.iter().all(|c| c.score.is_none()));
}

#[test]
fn the_score_is_weighted_by_severity_and_by_the_share_of_failing_services() {
    // One low rule (rollback docs, weight 1) failing costs less than one high rule (healthchecks).
    let mut low = good();
    low.settings.ops.rollback_docs = false;
    let mut high = good();
    for s in &mut high.services {
        s.healthcheck = None;
    }
    let (low, high) = (check(&low), check(&high));
    assert!(
        low.score < 100 && high.score < low.score,
        "low {} high {}",
        low.score,
        high.score
    );
    // One of three services failing a rule earns two thirds of its weight.
    let mut one = good();
    one.services[1].healthcheck = None;
    let one = check(&one);
    let r = one.result("healthchecks").unwrap();
    assert_eq!((r.subjects, r.failed), (3, 1));
    assert!(one.score > high.score && one.score < 100);
    let ops = one.category(Category::Operations).unwrap();
    assert_eq!(ops.failed, 2, "healthchecks and healthy-dependencies");
    assert!(ops.score.unwrap() < 100);
    assert_eq!(one.category(Category::Security).unwrap().score, Some(100));
}

#[test]
fn a_score_is_never_rounded_up_to_100() {
    let mut d = good();
    for k in 0..300u32 {
        let mut s = svc(100 + k, &format!("api{k}x"), "python-api", Tier::Backend);
        s.resources.pids_limit = Some(512);
        s.replicas.prod = 2;
        d.services.push(s);
    }
    d.settings.budget.memory_mb = 1 << 30;
    d.settings.budget.cpu_m = 1 << 30;
    d.services[0].resources.pids_limit = None; // 1 of 303 services, a low rule
    let report = check(&d);
    assert_eq!(
        report.findings().map(|r| r.rule).collect::<Vec<_>>(),
        ["pids-limited"]
    );
    assert_eq!(report.score, 99);
}

#[test]
fn findings_name_the_services_concerned_and_say_why() {
    let report = check(&bad());
    let hc = report.result("healthchecks").unwrap();
    assert_eq!(
        hc.services,
        vec![ServiceRef {
            id: ServiceId(2),
            name: "api".into()
        }]
    );
    assert_eq!(hc.message(crate::i18n::Lang::En), "no healthcheck: api");
    assert!(hc.fixable && hc.safe_fix);
    let docs = report.result("rollback-documented").unwrap();
    assert!(docs.services.is_empty() && docs.message(crate::i18n::Lang::En).contains("rollback"));
    let ro = report.result("read-only-root").unwrap();
    assert!(
        ro.fixable && !ro.safe_fix,
        "read-only is fixable on demand, not in Fix all"
    );
}

#[test]
fn every_fix_makes_its_rule_pass_and_touches_only_what_it_concerns() {
    let d = bad();
    let before = check(&d);
    let mut fixed_rules = 0;
    for r in before.findings() {
        let Some(command) = fix(&d, r.rule) else {
            assert!(!r.fixable, "{}: fixable but no fix", r.rule);
            continue;
        };
        assert!(
            r.fixable,
            "{}: a fix exists but the result says otherwise",
            r.rule
        );
        let after = crate::edit::apply(&d, command).unwrap_or_else(|e| panic!("{}: {e}", r.rule));
        let result = check(&after);
        assert_eq!(
            result.result(r.rule).unwrap().outcome,
            Outcome::Pass,
            "{} passes after its fix",
            r.rule
        );
        assert!(
            result.score >= before.score,
            "{}: the fix never lowers the score",
            r.rule
        );
        for (old, new) in before.results.iter().zip(&result.results) {
            if old.outcome == Outcome::Pass {
                assert_eq!(
                    new.outcome,
                    Outcome::Pass,
                    "fixing {} breaks {}",
                    r.rule,
                    old.rule
                );
            }
        }
        // Only the services the finding named (or the settings, for design facts) change.
        let concerned: Vec<ServiceId> = r.services.iter().map(|s| s.id).collect();
        let (old, new) = (by_id(&d), by_id(&after));
        assert_eq!(
            old.keys().collect::<Vec<_>>(),
            new.keys().collect::<Vec<_>>(),
            "{}",
            r.rule
        );
        for (id, s) in &old {
            if !concerned.contains(id) {
                assert_eq!(s, &new[id], "{}: service {} untouched", r.rule, s.name);
            }
        }
        assert_eq!(d.links, after.links, "{}", r.rule);
        assert_eq!(d.name, after.name, "{}", r.rule);
        if !concerned.is_empty() {
            assert_eq!(d.settings, after.settings, "{}: settings untouched", r.rule);
        }
        fixed_rules += 1;
    }
    assert!(
        fixed_rules >= 25,
        "the bad shop exercises most fixes ({fixed_rules})"
    );
}

#[test]
fn fix_all_applies_every_safe_fix_as_one_command_and_nothing_unsafe() {
    let d = bad();
    let command = fix_all(&d).expect("there is something to fix");
    assert!(matches!(command, crate::edit::Command::Batch { .. }));
    let after = crate::edit::apply(&d, command).unwrap();
    let (before, report) = (check(&d), check(&after));
    assert!(
        report.score > before.score,
        "{} -> {}",
        before.score,
        report.score
    );
    for r in report.findings() {
        assert!(!r.safe_fix, "{} still has a safe fix after Fix all", r.rule);
    }
    // Unsafe fixes were left alone.
    let proxy = after.service_by_name("proxy").unwrap();
    assert!(proxy.hardening.privileged && proxy.hardening.network_mode.is_some());
    assert!(
        !after
            .service_by_name("api")
            .unwrap()
            .hardening
            .read_only_root
    );
    assert_eq!(fix_all(&good()), None);
}

#[test]
fn every_pattern_is_checked_and_fix_all_never_lowers_its_score() {
    for p in catalog::PATTERNS {
        let d = catalog::instantiate(p);
        let report = check(&d);
        if let Some(command) = fix_all(&d) {
            let after = crate::edit::apply(&d, command).unwrap_or_else(|e| panic!("{}: {e}", p.id));
            assert!(check(&after).score >= report.score, "{}", p.id);
        }
    }
}

#[test]
fn check_is_deterministic() {
    assert_eq!(check(&bad()), check(&bad()));
}

/// Every text of the checklist, by name: the rules' titles, reasons and problems, the
/// categories and severities, and the texts the rule files declare for their details.
fn checklist_texts() -> Vec<(String, crate::i18n::Text)> {
    let mut out: Vec<(String, crate::i18n::Text)> = Vec::new();
    for r in RULES {
        out.push((format!("{}.title", r.id), r.title));
        out.push((format!("{}.why", r.id), r.why));
        out.push((format!("{}.problem", r.id), r.problem));
    }
    for c in Category::ALL {
        out.push((format!("category {}", c.id()), c.text()));
    }
    for s in [Severity::High, Severity::Medium, Severity::Low] {
        out.push((format!("severity {}", s.id()), s.text()));
    }
    let modules: [&[(&str, crate::i18n::Text)]; 12] = [
        super::text::ALL,
        super::centralised_logging::ALL,
        super::clear_documentation::ALL,
        super::communication_defined::ALL,
        super::database_per_service::ALL,
        super::hot_reload_dev::ALL,
        super::images_scanned::ALL,
        super::known_compose_keys::ALL,
        super::no_over_engineering::ALL,
        super::no_premature_microservices::ALL,
        super::onboarding_fast::ALL,
        super::rollback_documented::ALL,
    ];
    for all in modules {
        out.extend(all.iter().map(|(n, t)| (n.to_string(), *t)));
    }
    out
}

#[test]
fn every_checklist_text_is_well_formed_in_three_languages() {
    crate::i18n::assert_well_formed(&checklist_texts());
}

/// Texts that are the same word in German or French (product terms, compose syntax, templates
/// made only of placeholders and punctuation).
const SAME_IN_EVERY_LANGUAGE: &[&str] = &[
    "Design",
    "Performance",
    "restart: no",
    "{problem}: {items}",
    "{from} -> {to} ({why})",
];

#[test]
fn no_checklist_text_was_left_in_english() {
    crate::i18n::assert_translated(&checklist_texts(), SAME_IN_EVERY_LANGUAGE);
}

#[test]
fn titles_take_the_seeds_wording() {
    use crate::i18n::Lang;
    let title = |id: &str, lang| rule(id).map(|r| r.title.get(lang));
    assert_eq!(
        title("healthchecks", Lang::De),
        Some("Healthchecks auf allen Services")
    );
    assert_eq!(
        title("healthchecks", Lang::Fr),
        Some("Chaque service a un healthcheck")
    );
    assert_eq!(
        title("tiers-isolated", Lang::De),
        Some("Netzwerke nach Ebene isoliert")
    );
    assert_eq!(
        title("secrets-externalised", Lang::Fr),
        Some("Secrets externalisés")
    );
    assert_eq!(Category::Security.label(Lang::De), "Sicherheit");
    assert_eq!(Category::Operations.label(Lang::Fr), "Opérations");
}

#[test]
fn one_report_reads_in_every_language() {
    use crate::i18n::Lang;
    let mut d = good();
    if let Some(api) = d.services.iter_mut().find(|s| s.name == "api") {
        api.healthcheck = None;
    }
    let report = check(&d);
    let hc = report.result("healthchecks").expect("the rule ran");
    assert_eq!(hc.message(Lang::En), "no healthcheck: api");
    assert_eq!(hc.message(Lang::De), "kein Healthcheck: api");
    assert_eq!(hc.message(Lang::Fr), "pas de healthcheck : api");
    assert_eq!(hc.title(Lang::De), "Healthchecks auf allen Services");
    let passing = report.result("db-not-published").expect("the rule ran");
    assert_eq!(passing.message(Lang::De), "");
}
