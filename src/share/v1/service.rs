//! One service in a v1 body: its identity, then only the fields that differ from the baseline
//! (`share::baseline`), announced by a bit mask.
//!
//! ```text
//! service = str kind, str name, u8 tier, varint id, varint mask, field* (in bit order)
//! tier    = bits 0-1 tier code, bit 2 set = bare baseline (the kind was not in the catalog)
//! id      = zigzag(id - (previous service's id + 1)), the first service's "previous" being 0:
//!           ids in board order are mostly consecutive, so this is mostly a compressible 0
//! ```
//! Field bits — NEVER renumber; a new model field takes the next bit:
//! 0 image, 1 build, 2 command, 3 ports, 4 environment, 5 volumes, 6 replicas, 7 resources,
//! 8 healthcheck, 9 restart, 10 profiles, 11 hardening, 12 metrics_path, 13 backup,
//! 14 autoscaling, 15 extra (compose keys kept verbatim, as JSON text).
//! A field is stored whole when it differs, except that entries of the ports, environment and
//! volumes lists may refer to an entry of the baseline's list (`ref_list`): moving a port or
//! adding one variable does not repeat the kind's other defaults. Resources have a short form
//! for the common "limits, reservations at half" shape.

use super::codes;
use crate::model::{
    Autoscaling, Build, EnvVar, Hardening, Healthcheck, Image, Mount, Passthrough, Port, Replicas, Resources, Service,
    ServiceId,
};
use crate::share::baseline::{bare_baseline, catalog_baseline};
use crate::share::wire::{Reader, Writer, MAX_ITEMS};
use crate::share::ShareError;

const FIELD_COUNT: u32 = 16;

/// Set in the tier byte when the service is stored against the bare model defaults.
const BARE: u8 = 4;

fn malformed(what: &str) -> ShareError {
    ShareError::Malformed(what.to_string())
}

/// Ids travel relative to the previous service's id.
fn zigzag(delta: i64) -> u64 {
    ((delta << 1) ^ (delta >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

pub fn write(w: &mut Writer, s: &Service, previous_id: u32) {
    let from_catalog = catalog_baseline(&s.kind, s.id, &s.name, s.tier);
    let bare = from_catalog.is_none();
    let base = from_catalog.unwrap_or_else(|| bare_baseline(&s.kind, s.id, &s.name, s.tier));
    w.str(&s.kind);
    w.str(&s.name);
    w.u8(codes::tier(s.tier) | if bare { BARE } else { 0 });
    w.varint(zigzag(i64::from(s.id.0) - i64::from(previous_id) - 1));
    let mut mask = 0u64;
    let mut fields = Writer::default();
    let mut field = |bit: u32, differs: bool, write: &dyn Fn(&mut Writer)| {
        if differs {
            mask |= 1 << bit;
            write(&mut fields);
        }
    };
    field(0, s.image != base.image, &|w| write_image(w, s.image.as_ref()));
    field(1, s.build != base.build, &|w| write_build(w, s.build.as_ref()));
    field(2, s.command != base.command, &|w| w.strs(&s.command));
    field(3, s.ports != base.ports, &|w| write_ref_list(w, &s.ports, &base.ports, write_port));
    field(4, s.environment != base.environment, &|w| write_ref_list(w, &s.environment, &base.environment, write_env));
    field(5, s.volumes != base.volumes, &|w| write_ref_list(w, &s.volumes, &base.volumes, write_mount));
    field(6, s.replicas != base.replicas, &|w| {
        w.u32(s.replicas.dev);
        w.u32(s.replicas.ci);
        w.u32(s.replicas.prod);
    });
    field(7, s.resources != base.resources, &|w| write_resources(w, &s.resources));
    field(8, s.healthcheck != base.healthcheck, &|w| write_healthcheck(w, s.healthcheck.as_ref()));
    field(9, s.restart != base.restart, &|w| w.u8(codes::restart(s.restart)));
    field(10, s.profiles != base.profiles, &|w| w.strs(&s.profiles));
    field(11, s.hardening != base.hardening, &|w| write_hardening(w, &s.hardening));
    field(12, s.metrics_path != base.metrics_path, &|w| w.opt_str(s.metrics_path.as_deref()));
    field(13, s.backup != base.backup, &|w| w.u8(u8::from(s.backup)));
    field(14, s.autoscaling != base.autoscaling, &|w| write_autoscaling(w, s.autoscaling));
    field(15, s.extra != base.extra, &|w| write_extra(w, &s.extra));
    w.varint(mask);
    w.bytes.extend(fields.bytes);
}

pub fn read(r: &mut Reader, previous_id: u32) -> Result<Service, ShareError> {
    let kind = r.str("service kind")?;
    let name = r.str("service name")?;
    let tier_byte = r.u8("service tier")?;
    let tier = codes::to_tier(tier_byte & !BARE)?;
    let delta = unzigzag(r.varint("service id")?);
    let id = (i64::from(previous_id) + 1).checked_add(delta).and_then(|id| u32::try_from(id).ok());
    let id = ServiceId(id.ok_or_else(|| malformed("a service id is out of range"))?);
    let mut s = if tier_byte & BARE != 0 {
        bare_baseline(&kind, id, &name, tier)
    } else {
        catalog_baseline(&kind, id, &name, tier).ok_or_else(|| {
            ShareError::Malformed(format!("the service kind {kind:?} is not in this Tierboard's catalog"))
        })?
    };
    let mask = r.varint("field mask")?;
    if mask >> FIELD_COUNT != 0 {
        return Err(malformed("a service announces fields this format does not have"));
    }
    let has = |bit: u32| mask & (1 << bit) != 0;
    if has(0) {
        s.image = read_image(r)?;
    }
    if has(1) {
        s.build = read_build(r)?;
    }
    if has(2) {
        s.command = r.strs("command")?;
    }
    if has(3) {
        s.ports = read_ref_list(r, "ports", &s.ports, read_port)?;
    }
    if has(4) {
        s.environment = read_ref_list(r, "environment variables", &s.environment, read_env)?;
    }
    if has(5) {
        s.volumes = read_ref_list(r, "volumes", &s.volumes, read_mount)?;
    }
    if has(6) {
        s.replicas = Replicas { dev: r.u32("replicas")?, ci: r.u32("replicas")?, prod: r.u32("replicas")? };
    }
    if has(7) {
        s.resources = read_resources(r)?;
    }
    if has(8) {
        s.healthcheck = read_healthcheck(r)?;
    }
    if has(9) {
        s.restart = codes::to_restart(r.u8("restart policy")?)?;
    }
    if has(10) {
        s.profiles = r.strs("profiles")?;
    }
    if has(11) {
        s.hardening = read_hardening(r)?;
    }
    if has(12) {
        s.metrics_path = r.opt_str("metrics path")?;
    }
    if has(13) {
        s.backup = r.bool("backup")?;
    }
    if has(14) {
        s.autoscaling = read_autoscaling(r)?;
    }
    if has(15) {
        s.extra = read_extra(r)?;
    }
    Ok(s)
}

fn write_image(w: &mut Writer, image: Option<&Image>) {
    w.u8(u8::from(image.is_some()));
    if let Some(i) = image {
        w.str(&i.name);
        w.str(&i.tag);
    }
}

fn read_image(r: &mut Reader) -> Result<Option<Image>, ShareError> {
    if !r.bool("image")? {
        return Ok(None);
    }
    Ok(Some(Image { name: r.str("image name")?, tag: r.str("image tag")? }))
}

fn write_build(w: &mut Writer, build: Option<&Build>) {
    w.u8(u8::from(build.is_some()));
    if let Some(b) = build {
        w.u8(codes::language(b.language));
        w.str(&b.context);
        w.opt_str(b.dockerfile.as_deref());
        w.opt_str(b.target.as_deref());
        w.count(b.args.len());
        for (k, v) in &b.args {
            w.str(k);
            w.str(v);
        }
    }
}

fn read_build(r: &mut Reader) -> Result<Option<Build>, ShareError> {
    if !r.bool("build")? {
        return Ok(None);
    }
    let language = codes::to_language(r.u8("build language")?)?;
    let context = r.str("build context")?;
    let dockerfile = r.opt_str("dockerfile")?;
    let target = r.opt_str("build target")?;
    let mut args = std::collections::BTreeMap::new();
    for _ in 0..r.count("build args", MAX_ITEMS)? {
        let key = r.str("build arg")?;
        if args.insert(key, r.str("build arg value")?).is_some() {
            return Err(malformed("a build arg is set twice"));
        }
    }
    Ok(Some(Build { language, context, dockerfile, target, args }))
}

/// `count, entry*` where an entry is `varint 0` then the value, or `varint i` = the baseline
/// list's entry `i - 1` (unchanged default).
fn write_ref_list<T: PartialEq>(w: &mut Writer, items: &[T], base: &[T], write_item: fn(&mut Writer, &T)) {
    w.count(items.len());
    for item in items {
        match base.iter().position(|b| b == item) {
            Some(i) => w.count(i + 1),
            None => {
                w.count(0);
                write_item(w, item);
            }
        }
    }
}

fn read_ref_list<T: Clone>(
    r: &mut Reader,
    what: &str,
    base: &[T],
    read_item: fn(&mut Reader) -> Result<T, ShareError>,
) -> Result<Vec<T>, ShareError> {
    let n = r.count(what, MAX_ITEMS)?;
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        let item = match r.varint(what)? {
            0 => read_item(r)?,
            i => usize::try_from(i - 1)
                .ok()
                .and_then(|i| base.get(i))
                .cloned()
                .ok_or_else(|| ShareError::Malformed(format!("{what} refer to a default that does not exist")))?,
        };
        items.push(item);
    }
    Ok(items)
}

fn write_port(w: &mut Writer, p: &Port) {
    w.u32(u32::from(p.container));
    w.opt_u32(p.published.map(u32::from));
    w.opt_str(p.host_ip.as_deref());
    w.u8(codes::protocol(p.protocol));
}

fn read_port(r: &mut Reader) -> Result<Port, ShareError> {
    let container = r.u16("container port")?;
    let published = match r.opt_u32("published port")? {
        None => None,
        Some(p) => Some(u16::try_from(p).map_err(|_| malformed("a published port is above 65535"))?),
    };
    let host_ip = r.opt_str("host IP")?;
    let protocol = codes::to_protocol(r.u8("protocol")?)?;
    Ok(Port { container, published, host_ip, protocol })
}

fn write_env(w: &mut Writer, e: &EnvVar) {
    w.str(&e.key);
    w.str(&e.value);
    w.u8(u8::from(e.secret));
}

fn read_env(r: &mut Reader) -> Result<EnvVar, ShareError> {
    Ok(EnvVar { key: r.str("env key")?, value: r.str("env value")?, secret: r.bool("env secret flag")? })
}

fn write_mount(w: &mut Writer, m: &Mount) {
    w.u8(codes::mount_kind(m.kind));
    w.str(&m.source);
    w.str(&m.target);
    w.u8(u8::from(m.read_only));
    w.opt_u32(m.size);
}

fn read_mount(r: &mut Reader) -> Result<Mount, ShareError> {
    Ok(Mount {
        kind: codes::to_mount_kind(r.u8("mount kind")?)?,
        source: r.str("mount source")?,
        target: r.str("mount target")?,
        read_only: r.bool("read-only flag")?,
        size: r.opt_u32("volume size")?,
    })
}

/// Resources tags — never renumber. Tag 1's meaning is spelled out here rather than borrowed
/// from `Resources::sized`, which may change its rule of thumb; a link's meaning may not.
const RESOURCES_FULL: u8 = 0;
const RESOURCES_HALF: u8 = 1;

/// Limits `(cpu, memory)` with reservations at half (rounded down) and no pids limit.
fn half_reserved(cpu_m: u32, memory_mb: u32) -> Resources {
    Resources {
        cpu_limit_m: Some(cpu_m),
        memory_limit_mb: Some(memory_mb),
        cpu_reservation_m: Some(cpu_m / 2),
        memory_reservation_mb: Some(memory_mb / 2),
        pids_limit: None,
    }
}

fn write_resources(w: &mut Writer, res: &Resources) {
    if let (Some(cpu), Some(memory)) = (res.cpu_limit_m, res.memory_limit_mb) {
        if *res == half_reserved(cpu, memory) {
            w.u8(RESOURCES_HALF);
            w.u32(cpu);
            w.u32(memory);
            return;
        }
    }
    w.u8(RESOURCES_FULL);
    for v in [res.cpu_limit_m, res.memory_limit_mb, res.cpu_reservation_m, res.memory_reservation_mb, res.pids_limit] {
        w.opt_u32(v);
    }
}

fn read_resources(r: &mut Reader) -> Result<Resources, ShareError> {
    match r.u8("resources form")? {
        RESOURCES_HALF => Ok(half_reserved(r.u32("CPU limit")?, r.u32("memory limit")?)),
        RESOURCES_FULL => Ok(Resources {
            cpu_limit_m: r.opt_u32("CPU limit")?,
            memory_limit_mb: r.opt_u32("memory limit")?,
            cpu_reservation_m: r.opt_u32("CPU reservation")?,
            memory_reservation_mb: r.opt_u32("memory reservation")?,
            pids_limit: r.opt_u32("pids limit")?,
        }),
        other => Err(ShareError::Malformed(format!("unknown resources form {other}"))),
    }
}

fn write_healthcheck(w: &mut Writer, hc: Option<&Healthcheck>) {
    w.u8(u8::from(hc.is_some()));
    if let Some(h) = hc {
        w.strs(&h.test);
        for v in [h.interval_s, h.timeout_s, h.retries, h.start_period_s] {
            w.u32(v);
        }
    }
}

fn read_healthcheck(r: &mut Reader) -> Result<Option<Healthcheck>, ShareError> {
    if !r.bool("healthcheck")? {
        return Ok(None);
    }
    Ok(Some(Healthcheck {
        test: r.strs("healthcheck test")?,
        interval_s: r.u32("healthcheck interval")?,
        timeout_s: r.u32("healthcheck timeout")?,
        retries: r.u32("healthcheck retries")?,
        start_period_s: r.u32("healthcheck start period")?,
    }))
}

/// Flag bits — never renumber.
const READ_ONLY_ROOT: u8 = 1;
const NO_NEW_PRIVILEGES: u8 = 2;
const CAP_DROP_ALL: u8 = 4;
const PRIVILEGED: u8 = 8;
const SECCOMP_UNCONFINED: u8 = 16;
const HARDENING_FLAGS: u8 = 31;

fn write_hardening(w: &mut Writer, h: &Hardening) {
    let bits = [
        (h.read_only_root, READ_ONLY_ROOT),
        (h.no_new_privileges, NO_NEW_PRIVILEGES),
        (h.cap_drop_all, CAP_DROP_ALL),
        (h.privileged, PRIVILEGED),
        (h.seccomp_unconfined, SECCOMP_UNCONFINED),
    ];
    w.u8(bits.iter().filter(|(on, _)| *on).fold(0, |acc, (_, bit)| acc | bit));
    for s in [&h.user, &h.network_mode, &h.pid, &h.ipc] {
        w.opt_str(s.as_deref());
    }
    w.strs(&h.cap_add);
}

fn read_hardening(r: &mut Reader) -> Result<Hardening, ShareError> {
    let flags = r.u8("hardening flags")?;
    if flags & !HARDENING_FLAGS != 0 {
        return Err(malformed("unknown hardening flags"));
    }
    Ok(Hardening {
        read_only_root: flags & READ_ONLY_ROOT != 0,
        no_new_privileges: flags & NO_NEW_PRIVILEGES != 0,
        cap_drop_all: flags & CAP_DROP_ALL != 0,
        privileged: flags & PRIVILEGED != 0,
        seccomp_unconfined: flags & SECCOMP_UNCONFINED != 0,
        user: r.opt_str("user")?,
        network_mode: r.opt_str("network mode")?,
        pid: r.opt_str("pid mode")?,
        ipc: r.opt_str("ipc mode")?,
        cap_add: r.strs("cap_add")?,
    })
}

fn write_autoscaling(w: &mut Writer, a: Option<Autoscaling>) {
    w.u8(u8::from(a.is_some()));
    if let Some(a) = a {
        w.u32(a.min);
        w.u32(a.max);
        w.u32(a.cpu_target_pct);
    }
}

fn read_autoscaling(r: &mut Reader) -> Result<Option<Autoscaling>, ShareError> {
    if !r.bool("autoscaling")? {
        return Ok(None);
    }
    Ok(Some(Autoscaling {
        min: r.u32("autoscaling min")?,
        max: r.u32("autoscaling max")?,
        cpu_target_pct: r.u32("autoscaling CPU target")?,
    }))
}

/// Passthrough keys travel as JSON text: they are open-ended by nature, and JSON is already the
/// model's own form for them.
pub fn write_extra(w: &mut Writer, extra: &Passthrough) {
    // Serialising string-keyed JSON values cannot fail.
    w.str(&serde_json::to_string(extra).unwrap_or_default());
}

pub fn read_extra(r: &mut Reader) -> Result<Passthrough, ShareError> {
    let text = r.str("extra keys")?;
    serde_json::from_str(&text).map_err(|_| malformed("the extra compose keys are not valid JSON"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EnvVar, Image, Port, Tier};

    fn round_trip(s: &Service) -> (Vec<u8>, Service) {
        let mut w = Writer::default();
        write(&mut w, s, s.id.0 - 1);
        let back = read(&mut Reader::new(&w.bytes), s.id.0 - 1).unwrap();
        (w.bytes, back)
    }

    #[test]
    fn a_catalog_service_with_defaults_is_just_its_identity() {
        let k = crate::catalog::kind("postgres").unwrap();
        let s = crate::catalog::service_from_kind(k, ServiceId(3), "db", Tier::Data);
        let (bytes, back) = round_trip(&s);
        assert_eq!(back, s);
        // kind, name, tier, id (as expected: delta 0), empty mask
        assert_eq!(bytes, [&[8][..], b"postgres", &[2], b"db", &[2, 0, 0]].concat());
    }

    #[test]
    fn a_kind_outside_the_catalog_is_marked_bare() {
        let mut s = Service::new(ServiceId(1), "x", "future-kind", Tier::Backend);
        s.image = Some(Image::new("busybox", "1.36"));
        let (bytes, back) = round_trip(&s);
        assert_eq!(back, s);
        assert_eq!(bytes[1 + 11 + 1 + 1], 1 | BARE, "tier byte");
    }

    #[test]
    fn a_bare_mark_wins_over_the_catalog() {
        // A link made before the catalog knew "postgres" keeps its bare meaning today.
        let body = [&[8][..], b"postgres", &[2], b"db", &[2 | BARE, 0, 0]].concat();
        let s = read(&mut Reader::new(&body), 0).unwrap();
        assert_eq!(s, Service::new(ServiceId(1), "db", "postgres", Tier::Data));
    }

    #[test]
    fn list_entries_refer_to_unchanged_defaults() {
        let k = crate::catalog::kind("postgres").unwrap();
        let mut s = crate::catalog::service_from_kind(k, ServiceId(1), "db", Tier::Data);
        let defaults = s.clone();
        s.environment.insert(1, EnvVar::plain("PGDATA", "/data"));
        s.ports = vec![Port::published(5432, 15432)];
        let (bytes, back) = round_trip(&s);
        assert_eq!(back, s);
        let (default_bytes, _) = round_trip(&defaults);
        let env_growth = bytes.len() - default_bytes.len();
        assert!(env_growth < 30, "the kind's own variables are referred to, not repeated: {env_growth} bytes");
    }

    #[test]
    fn ids_far_from_their_neighbours_round_trip() {
        for (id, previous) in [(1, 0), (u32::MAX, 0), (0, u32::MAX), (7, 9)] {
            let mut s = Service::new(ServiceId(id), "x", "custom", Tier::Backend);
            s.image = Some(Image::new("busybox", "1"));
            let mut w = Writer::default();
            write(&mut w, &s, previous);
            assert_eq!(read(&mut Reader::new(&w.bytes), previous).unwrap(), s);
        }
    }
}
