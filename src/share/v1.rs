//! Wire format version 1: a Design as a compact binary body (before the envelope's deflate).
//!
//! ```text
//! body     = str name, u8 flags, [budget], [node], [ops], [registry], [extra], [docs_lang],
//!            [variables], [deploy], count services (≤ model::MAX_SERVICES), service*,
//!            count links, link*
//! flags    = bit 0 budget, 1 node, 2 ops, 3 registry, 4 extra, 5 docs_lang, 6 variables,
//!            7 deploy (present when not the default). Bits 5 to 7 came later: a reader from
//!            before refuses them as "unknown design flags", it never misreads them. The byte
//!            is now full.
//! deploy   = u8 deploy target code (`codes::deploy`)
//! docs_lang = u8 (0 en, 1 de, 2 fr)     variables = count (≤ MAX_ITEMS), (str name, str value)*
//! budget   = u32 cpu_m, u32 memory_mb, u32 disk_gb        node = u32 cpu_m, u32 memory_mb
//! ops      = u8 bits (0 image_scan, 1 rollback_docs, 2 hot_reload), u8 logging code
//! link     = u32 from, u32 to, u8 kind code, u8 inferred
//! service  = see `v1::service`
//! ```
//! Numbers are LEB128 varints, strings are a byte count then UTF-8 (`share::wire`).
//!
//! This module is its own wire type, not the model's serde form: the model may evolve, and v1
//! must keep decoding to the same designs forever. NEVER change the meaning of a byte here; a
//! change that old readers could not follow is a new version (`d=2.`) beside this one.
//!
//! Binary was chosen over compact JSON by measurement (`tests/share_sizes.rs`): after deflate and
//! base64url the monolith pattern takes 96 characters against 179 for short-key JSON of the same
//! diff, the agent platform 373 against 671, a 30-service design 939 against 1,508.

mod codes;
mod fields;
mod service;

use super::wire::{Reader, Writer, MAX_ITEMS};
use super::ShareError;
use crate::model::{
    Budget, Design, Link, NodeSize, Ops, ServiceId, Settings, FORMAT_VERSION, MAX_SERVICES,
};

const BUDGET: u8 = 1;
const NODE: u8 = 2;
const OPS: u8 = 4;
const REGISTRY: u8 = 8;
const EXTRA: u8 = 16;
const DOCS_LANG: u8 = 32;
const VARIABLES: u8 = 64;
const DEPLOY: u8 = 128;

const IMAGE_SCAN: u8 = 1;
const ROLLBACK_DOCS: u8 = 2;
const HOT_RELOAD: u8 = 4;
const OPS_FLAGS: u8 = 7;

pub fn write(design: &Design) -> Vec<u8> {
    let mut w = Writer::default();
    let settings = &design.settings;
    let defaults = Settings::default();
    w.str(&design.name);
    let flags = [
        (settings.budget != defaults.budget, BUDGET),
        (settings.node != defaults.node, NODE),
        (settings.ops != defaults.ops, OPS),
        (!settings.registry.is_empty(), REGISTRY),
        (!design.extra.is_empty(), EXTRA),
        (settings.docs_lang != defaults.docs_lang, DOCS_LANG),
        (!design.variables.is_empty(), VARIABLES),
        (settings.deploy != defaults.deploy, DEPLOY),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .fold(0, |acc, (_, bit)| acc | bit);
    w.u8(flags);
    if flags & BUDGET != 0 {
        w.u32(settings.budget.cpu_m);
        w.u32(settings.budget.memory_mb);
        w.u32(settings.budget.disk_gb);
    }
    if flags & NODE != 0 {
        w.u32(settings.node.cpu_m);
        w.u32(settings.node.memory_mb);
    }
    if flags & OPS != 0 {
        let ops = settings.ops;
        let bits = [
            (ops.image_scan, IMAGE_SCAN),
            (ops.rollback_docs, ROLLBACK_DOCS),
            (ops.hot_reload, HOT_RELOAD),
        ];
        w.u8(bits
            .iter()
            .filter(|(on, _)| *on)
            .fold(0, |acc, (_, bit)| acc | bit));
        w.u8(codes::logging(ops.logging));
    }
    if flags & REGISTRY != 0 {
        w.str(&settings.registry);
    }
    if flags & EXTRA != 0 {
        fields::write_extra(&mut w, &design.extra);
    }
    if flags & DOCS_LANG != 0 {
        w.u8(codes::lang(settings.docs_lang));
    }
    if flags & VARIABLES != 0 {
        w.count(design.variables.len());
        for (name, value) in &design.variables {
            w.str(name);
            w.str(value);
        }
    }
    if flags & DEPLOY != 0 {
        w.u8(codes::deploy(settings.deploy));
    }
    w.count(design.services.len());
    let mut previous_id = 0;
    for s in &design.services {
        service::write(&mut w, s, previous_id);
        previous_id = s.id.0;
    }
    w.count(design.links.len());
    for l in &design.links {
        w.u32(l.from.0);
        w.u32(l.to.0);
        w.u8(codes::link_kind(l.kind));
        w.u8(u8::from(l.inferred));
    }
    w.bytes
}

/// The design a body describes, not yet validated (that is `restore`'s job).
pub fn read(body: &[u8]) -> Result<Design, ShareError> {
    let mut r = Reader::new(body);
    let mut design = Design::new(r.str("design name")?);
    design.format = FORMAT_VERSION;
    // Every bit of the flags byte has a meaning now (bit 7, deploy, was the last free one): a
    // further design setting needs a new version, or a flag of its own inside one of these.
    let flags = r.u8("design flags")?;
    let settings = &mut design.settings;
    if flags & BUDGET != 0 {
        settings.budget = Budget {
            cpu_m: r.u32("budget CPU")?,
            memory_mb: r.u32("budget memory")?,
            disk_gb: r.u32("budget disk")?,
        };
    }
    if flags & NODE != 0 {
        settings.node = NodeSize {
            cpu_m: r.u32("node CPU")?,
            memory_mb: r.u32("node memory")?,
        };
    }
    if flags & OPS != 0 {
        let bits = r.u8("ops flags")?;
        if bits & !OPS_FLAGS != 0 {
            return Err(ShareError::Malformed("unknown ops flags".into()));
        }
        settings.ops = Ops {
            image_scan: bits & IMAGE_SCAN != 0,
            rollback_docs: bits & ROLLBACK_DOCS != 0,
            hot_reload: bits & HOT_RELOAD != 0,
            logging: codes::to_logging(r.u8("logging target")?)?,
        };
    }
    if flags & REGISTRY != 0 {
        settings.registry = r.str("registry")?;
    }
    if flags & EXTRA != 0 {
        design.extra = fields::read_extra(&mut r)?;
    }
    if flags & DOCS_LANG != 0 {
        design.settings.docs_lang = codes::to_lang(r.u8("documentation language")?)?;
    }
    if flags & VARIABLES != 0 {
        let n = r.items("variables", MAX_ITEMS)?;
        for _ in 0..n {
            let name = r.str("variable name")?;
            let value = r.str("variable value")?;
            design.variables.insert(name, value);
        }
    }
    if flags & DEPLOY != 0 {
        design.settings.deploy = codes::to_deploy(r.u8("deploy target")?)?;
    }
    let n = r.items("services", MAX_SERVICES)?;
    design.services.reserve(n);
    let mut previous_id = 0;
    for _ in 0..n {
        let s = service::read(&mut r, previous_id)?;
        previous_id = s.id.0;
        design.services.push(s);
    }
    let n = r.items("links", MAX_ITEMS)?;
    design.links.reserve(n);
    for _ in 0..n {
        let from = ServiceId(r.u32("link source")?);
        let to = ServiceId(r.u32("link target")?);
        let kind = codes::to_link_kind(r.u8("link kind")?)?;
        let inferred = r.bool("link inferred flag")?;
        design.links.push(Link {
            from,
            to,
            kind,
            inferred,
        });
    }
    if !r.at_end() {
        return Err(ShareError::Malformed(format!(
            "{} unexpected bytes after the design",
            r.remaining()
        )));
    }
    Ok(design)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_documentation_language_travels_and_english_costs_nothing() {
        let english = Design::new("shop");
        for lang in Lang::ALL {
            let mut d = english.clone();
            d.settings.docs_lang = lang;
            let body = write(&d);
            assert_eq!(read(&body).unwrap().settings.docs_lang, lang);
            if lang == Lang::En {
                assert_eq!(body, write(&english));
            } else {
                assert_eq!(body.len(), write(&english).len() + 1);
            }
        }
    }

    #[test]
    fn an_unknown_language_code_is_refused() {
        let mut d = Design::new("shop");
        d.settings.docs_lang = Lang::Fr;
        let mut body = write(&d);
        let at = body.len() - 3; // the code, then two zero counts (services, links)
        assert_eq!(body[at], 2);
        body[at] = 9;
        assert!(read(&body).is_err());
    }

    #[test]
    fn the_deploy_target_travels_and_none_costs_nothing() {
        let plain = Design::new("shop");
        for target in crate::model::DeployTarget::ALL {
            let mut d = plain.clone();
            d.settings.deploy = target;
            let body = write(&d);
            assert_eq!(read(&body).unwrap().settings.deploy, target);
            let growth = if target == crate::model::DeployTarget::None {
                0
            } else {
                1
            };
            assert_eq!(body.len(), write(&plain).len() + growth);
        }
    }
}
