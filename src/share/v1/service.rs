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
//! 14 autoscaling, 15 extra (compose keys kept verbatim, as JSON text), 16 staging replicas
//! (`opt_u32`; absent = staging follows prod, which is what every link from before it means).
//! Bit 6 carries dev, ci and prod only.
//! A field is stored whole when it differs, except that entries of the ports, environment and
//! volumes lists may refer to an entry of the baseline's list (`ref_list`): moving a port or
//! adding one variable does not repeat the kind's other defaults. Resources have a short form
//! for the common "limits, reservations at half" shape.

use super::codes;
use super::fields::*;
use crate::model::{Replicas, Service, ServiceId};
use crate::share::baseline::{bare_baseline, catalog_baseline};
use crate::share::wire::{Reader, Writer};
use crate::share::ShareError;

const FIELD_COUNT: u32 = 17;

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
    field(0, s.image != base.image, &|w| {
        write_image(w, s.image.as_ref())
    });
    field(1, s.build != base.build, &|w| {
        write_build(w, s.build.as_ref())
    });
    field(2, s.command != base.command, &|w| w.strs(&s.command));
    field(3, s.ports != base.ports, &|w| {
        write_ref_list(w, &s.ports, &base.ports, write_port)
    });
    field(4, s.environment != base.environment, &|w| {
        write_ref_list(w, &s.environment, &base.environment, write_env)
    });
    field(5, s.volumes != base.volumes, &|w| {
        write_ref_list(w, &s.volumes, &base.volumes, write_mount)
    });
    let (r, b) = (s.replicas, base.replicas);
    field(6, (r.dev, r.ci, r.prod) != (b.dev, b.ci, b.prod), &|w| {
        w.u32(s.replicas.dev);
        w.u32(s.replicas.ci);
        w.u32(s.replicas.prod);
    });
    field(7, s.resources != base.resources, &|w| {
        write_resources(w, &s.resources)
    });
    field(8, s.healthcheck != base.healthcheck, &|w| {
        write_healthcheck(w, s.healthcheck.as_ref())
    });
    field(9, s.restart != base.restart, &|w| {
        w.u8(codes::restart(s.restart))
    });
    field(10, s.profiles != base.profiles, &|w| w.strs(&s.profiles));
    field(11, s.hardening != base.hardening, &|w| {
        write_hardening(w, &s.hardening)
    });
    field(12, s.metrics_path != base.metrics_path, &|w| {
        w.opt_str(s.metrics_path.as_deref())
    });
    field(13, s.backup != base.backup, &|w| w.u8(u8::from(s.backup)));
    field(14, s.autoscaling != base.autoscaling, &|w| {
        write_autoscaling(w, s.autoscaling)
    });
    field(15, s.extra != base.extra, &|w| write_extra(w, &s.extra));
    field(16, r.staging != b.staging, &|w| w.opt_u32(r.staging));
    w.varint(mask);
    w.bytes.extend(fields.bytes);
}

pub fn read(r: &mut Reader, previous_id: u32) -> Result<Service, ShareError> {
    let kind = r.str("service kind")?;
    let name = r.str("service name")?;
    let tier_byte = r.u8("service tier")?;
    let tier = codes::to_tier(tier_byte & !BARE)?;
    let delta = unzigzag(r.varint("service id")?);
    let id = (i64::from(previous_id) + 1)
        .checked_add(delta)
        .and_then(|id| u32::try_from(id).ok());
    let id = ServiceId(id.ok_or_else(|| malformed("a service id is out of range"))?);
    let mut s = if tier_byte & BARE != 0 {
        bare_baseline(&kind, id, &name, tier)
    } else {
        catalog_baseline(&kind, id, &name, tier).ok_or_else(|| {
            ShareError::Malformed(format!(
                "the service kind {} is not in this Tierboard's catalog",
                crate::i18n::quote(&kind)
            ))
        })?
    };
    let mask = r.varint("field mask")?;
    if mask >> FIELD_COUNT != 0 {
        return Err(malformed(
            "a service announces fields this format does not have",
        ));
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
        s.replicas = Replicas {
            dev: r.u32("replicas")?,
            ci: r.u32("replicas")?,
            prod: r.u32("replicas")?,
            staging: s.replicas.staging,
        };
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
    if has(16) {
        s.replicas.staging = r.opt_u32("staging replicas")?;
    }
    Ok(s)
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
        assert_eq!(
            bytes,
            [&[8][..], b"postgres", &[2], b"db", &[2, 0, 0]].concat()
        );
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
        assert!(
            env_growth < 30,
            "the kind's own variables are referred to, not repeated: {env_growth} bytes"
        );
    }

    #[test]
    fn staging_replicas_travel_in_their_own_field() {
        let k = crate::catalog::kind("postgres").unwrap();
        let mut s = crate::catalog::service_from_kind(k, ServiceId(1), "db", Tier::Data);
        s.replicas.staging = Some(0);
        let (bytes, back) = round_trip(&s);
        assert_eq!(back, s);
        // identity, then the mask (bit 16 as a three-byte varint) and `opt_u32` of 0 (= 1)
        assert_eq!(&bytes[bytes.len() - 4..], &[0x80, 0x80, 0x04, 1]);
    }

    #[test]
    fn a_link_from_before_staging_runs_staging_like_prod() {
        let k = crate::catalog::kind("postgres").unwrap();
        let mut s = crate::catalog::service_from_kind(k, ServiceId(1), "db", Tier::Data);
        s.replicas.prod = 4;
        let (_, back) = round_trip(&s);
        assert_eq!(back.replicas.staging, None);
        assert_eq!(back.replicas.staging(), 4);
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
