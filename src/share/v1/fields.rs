//! Codecs of the service fields in a v1 body (see `v1::service` for the field bits). Each
//! `write_x` has a `read_x` that accepts exactly what it writes and refuses anything else.
//! NEVER change a byte's meaning here: links made today must decode the same forever.

use super::codes;
use crate::model::{
    Autoscaling, Build, EnvVar, Hardening, Healthcheck, Image, Mount, Passthrough, Port, Resources,
};
use crate::share::json_text;
use crate::share::wire::{Reader, Writer, MAX_ITEMS};
use crate::share::ShareError;

fn malformed(what: &str) -> ShareError {
    ShareError::Malformed(what.to_string())
}

pub fn write_image(w: &mut Writer, image: Option<&Image>) {
    w.u8(u8::from(image.is_some()));
    if let Some(i) = image {
        w.str(&i.name);
        w.str(&i.tag);
    }
}

pub fn read_image(r: &mut Reader) -> Result<Option<Image>, ShareError> {
    if !r.bool("image")? {
        return Ok(None);
    }
    Ok(Some(Image {
        name: r.str("image name")?,
        tag: r.str("image tag")?,
    }))
}

pub fn write_build(w: &mut Writer, build: Option<&Build>) {
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

pub fn read_build(r: &mut Reader) -> Result<Option<Build>, ShareError> {
    if !r.bool("build")? {
        return Ok(None);
    }
    let language = codes::to_language(r.u8("build language")?)?;
    let context = r.str("build context")?;
    let dockerfile = r.opt_str("dockerfile")?;
    let target = r.opt_str("build target")?;
    let mut args = std::collections::BTreeMap::new();
    for _ in 0..r.items("build args", MAX_ITEMS)? {
        let key = r.str("build arg")?;
        if args.insert(key, r.str("build arg value")?).is_some() {
            return Err(malformed("a build arg is set twice"));
        }
    }
    Ok(Some(Build {
        language,
        context,
        dockerfile,
        target,
        args,
    }))
}

/// `count, entry*` where an entry is `varint 0` then the value, or `varint i` = the baseline
/// list's entry `i - 1` (unchanged default).
pub fn write_ref_list<T: PartialEq>(
    w: &mut Writer,
    items: &[T],
    base: &[T],
    write_item: fn(&mut Writer, &T),
) {
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

pub fn read_ref_list<T: Clone>(
    r: &mut Reader,
    what: &str,
    base: &[T],
    read_item: fn(&mut Reader) -> Result<T, ShareError>,
) -> Result<Vec<T>, ShareError> {
    let n = r.items(what, MAX_ITEMS)?;
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        let item = match r.varint(what)? {
            0 => read_item(r)?,
            i => usize::try_from(i - 1)
                .ok()
                .and_then(|i| base.get(i))
                .cloned()
                .ok_or_else(|| {
                    ShareError::Malformed(format!("{what} refer to a default that does not exist"))
                })?,
        };
        items.push(item);
    }
    Ok(items)
}

/// Set in a port's protocol byte when the host port's variable name follows (a `str`). Links
/// from before it never set the bit, so they read as before; a reader from before refuses the
/// byte as an unknown protocol rather than misreading it. Never change.
const PORT_VARIABLE: u8 = 0x80;
/// Set in a port's protocol byte when the port is published on a host port Docker picks
/// (`Port::random_host`); same compatibility as [`PORT_VARIABLE`]. Never change.
const PORT_RANDOM_HOST: u8 = 0x40;

/// `u32 container, opt_u32 published, opt_str host_ip, u8 protocol code [| PORT_VARIABLE]
/// [| PORT_RANDOM_HOST], [str published_var]`.
pub fn write_port(w: &mut Writer, p: &Port) {
    w.u32(u32::from(p.container));
    w.opt_u32(p.published.map(u32::from));
    w.opt_str(p.host_ip.as_deref());
    let var = if p.published_var.is_some() {
        PORT_VARIABLE
    } else {
        0
    };
    let random = if p.random_host { PORT_RANDOM_HOST } else { 0 };
    w.u8(codes::protocol(p.protocol) | var | random);
    if let Some(name) = &p.published_var {
        w.str(name);
    }
}

pub fn read_port(r: &mut Reader) -> Result<Port, ShareError> {
    let container = r.u16("container port")?;
    let published = match r.opt_u32("published port")? {
        None => None,
        Some(p) => {
            Some(u16::try_from(p).map_err(|_| malformed("a published port is above 65535"))?)
        }
    };
    let host_ip = r.opt_str("host IP")?;
    let code = r.u8("protocol")?;
    let protocol = codes::to_protocol(code & !(PORT_VARIABLE | PORT_RANDOM_HOST))?;
    let published_var = if code & PORT_VARIABLE != 0 {
        Some(r.str("host port variable")?)
    } else {
        None
    };
    Ok(Port {
        container,
        published,
        published_var,
        random_host: code & PORT_RANDOM_HOST != 0,
        host_ip,
        protocol,
    })
}

pub fn write_env(w: &mut Writer, e: &EnvVar) {
    w.str(&e.key);
    w.str(&e.value);
    w.u8(u8::from(e.secret));
}

pub fn read_env(r: &mut Reader) -> Result<EnvVar, ShareError> {
    Ok(EnvVar {
        key: r.str("env key")?,
        value: r.str("env value")?,
        secret: r.bool("env secret flag")?,
    })
}

pub fn write_mount(w: &mut Writer, m: &Mount) {
    w.u8(codes::mount_kind(m.kind));
    w.str(&m.source);
    w.str(&m.target);
    w.u8(u8::from(m.read_only));
    w.opt_u32(m.size);
}

pub fn read_mount(r: &mut Reader) -> Result<Mount, ShareError> {
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
pub fn half_reserved(cpu_m: u32, memory_mb: u32) -> Resources {
    Resources {
        cpu_limit_m: Some(cpu_m),
        memory_limit_mb: Some(memory_mb),
        cpu_reservation_m: Some(cpu_m / 2),
        memory_reservation_mb: Some(memory_mb / 2),
        pids_limit: None,
    }
}

pub fn write_resources(w: &mut Writer, res: &Resources) {
    if let (Some(cpu), Some(memory)) = (res.cpu_limit_m, res.memory_limit_mb) {
        if *res == half_reserved(cpu, memory) {
            w.u8(RESOURCES_HALF);
            w.u32(cpu);
            w.u32(memory);
            return;
        }
    }
    w.u8(RESOURCES_FULL);
    for v in [
        res.cpu_limit_m,
        res.memory_limit_mb,
        res.cpu_reservation_m,
        res.memory_reservation_mb,
        res.pids_limit,
    ] {
        w.opt_u32(v);
    }
}

pub fn read_resources(r: &mut Reader) -> Result<Resources, ShareError> {
    match r.u8("resources form")? {
        RESOURCES_HALF => Ok(half_reserved(r.u32("CPU limit")?, r.u32("memory limit")?)),
        RESOURCES_FULL => Ok(Resources {
            cpu_limit_m: r.opt_u32("CPU limit")?,
            memory_limit_mb: r.opt_u32("memory limit")?,
            cpu_reservation_m: r.opt_u32("CPU reservation")?,
            memory_reservation_mb: r.opt_u32("memory reservation")?,
            pids_limit: r.opt_u32("pids limit")?,
        }),
        other => Err(ShareError::Malformed(format!(
            "unknown resources form {other}"
        ))),
    }
}

pub fn write_healthcheck(w: &mut Writer, hc: Option<&Healthcheck>) {
    w.u8(u8::from(hc.is_some()));
    if let Some(h) = hc {
        w.strs(&h.test);
        for v in [h.interval_s, h.timeout_s, h.retries, h.start_period_s] {
            w.u32(v);
        }
    }
}

pub fn read_healthcheck(r: &mut Reader) -> Result<Option<Healthcheck>, ShareError> {
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

pub fn write_hardening(w: &mut Writer, h: &Hardening) {
    let bits = [
        (h.read_only_root, READ_ONLY_ROOT),
        (h.no_new_privileges, NO_NEW_PRIVILEGES),
        (h.cap_drop_all, CAP_DROP_ALL),
        (h.privileged, PRIVILEGED),
        (h.seccomp_unconfined, SECCOMP_UNCONFINED),
    ];
    w.u8(bits
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |acc, (_, bit)| acc | bit));
    for s in [&h.user, &h.network_mode, &h.pid, &h.ipc] {
        w.opt_str(s.as_deref());
    }
    w.strs(&h.cap_add);
}

pub fn read_hardening(r: &mut Reader) -> Result<Hardening, ShareError> {
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

pub fn write_autoscaling(w: &mut Writer, a: Option<Autoscaling>) {
    w.u8(u8::from(a.is_some()));
    if let Some(a) = a {
        w.u32(a.min);
        w.u32(a.max);
        w.u32(a.cpu_target_pct);
    }
}

pub fn read_autoscaling(r: &mut Reader) -> Result<Option<Autoscaling>, ShareError> {
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
/// model's own form for them. `json_text` writes exactly serde_json's compact text (links made
/// before it are the same bytes) without serde_json's generic code in the app's first download.
pub fn write_extra(w: &mut Writer, extra: &Passthrough) {
    w.str(&json_text::object_to_string(extra));
}

pub fn read_extra(r: &mut Reader) -> Result<Passthrough, ShareError> {
    let text = r.str("extra keys")?;
    json_text::parse_object(&text)
        .map(|map| map.into_iter().collect())
        .map_err(|_| malformed("the extra compose keys are not valid JSON"))
}
