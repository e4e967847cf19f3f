//! The single gate every incoming design passes, from a link or from a file (the idea of
//! excalidraw's `data/restore.ts`): what comes out is a Design with no `model::validate` problem,
//! or a clear error. Nothing is repaired silently: a link that needed repair was damaged, and the
//! person opening it should know rather than get a quietly different design.

use super::ShareError;
use crate::model::{validate, Design, FORMAT_VERSION, MAX_SERVICES};

pub fn restore(mut design: Design) -> Result<Design, ShareError> {
    if design.format > FORMAT_VERSION {
        return Err(ShareError::NewerFormat {
            found: design.format,
            supported: FORMAT_VERSION,
        });
    }
    if design.services.len() > MAX_SERVICES {
        return Err(ShareError::TooMany {
            what: "services".into(),
            count: design.services.len() as u64,
            max: MAX_SERVICES,
        });
    }
    // Older formats are read by this build's model; the design is now in the current format.
    design.format = FORMAT_VERSION;
    let problems = validate(&design);
    match problems.first() {
        None => Ok(design),
        Some(first) => Err(ShareError::Invalid {
            problem: first.clone(),
            more: problems.len() - 1,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Image, Link, LinkKind, Service, ServiceId, Tier};

    #[test]
    fn a_valid_design_passes_unchanged() {
        let mut d = Design::new("x");
        let mut s = Service::new(ServiceId(1), "web", "custom", Tier::Frontend);
        s.image = Some(Image::new("nginx", "1.27"));
        d.services.push(s);
        assert_eq!(restore(d.clone()), Ok(d));
    }

    #[test]
    fn a_dangling_link_is_refused_not_dropped() {
        let mut d = Design::new("x");
        d.links
            .push(Link::new(ServiceId(1), ServiceId(2), LinkKind::Sync));
        let err = restore(d).unwrap_err();
        assert!(
            matches!(&err, ShareError::Invalid { problem, .. } if problem.to_string().contains("missing service")),
            "{err}"
        );
    }

    #[test]
    fn a_newer_format_is_refused() {
        let mut d = Design::new("x");
        d.format = FORMAT_VERSION + 1;
        assert!(matches!(restore(d), Err(ShareError::NewerFormat { .. })));
    }
}
