//! `<project>.tierboard.json` and `docs/architecture.svg`: the design itself travels with the
//! project, so that the project can be reopened in Tierboard (open either file), changed on the
//! board and generated again.
//!
//! Invariant: secret values never reach a generated file (the project is meant to be
//! committed). Both files carry the design with every secret variable's value emptied, the
//! design the `secret-values-not-stored` fix would give; everything else is exact.

use crate::diagram::layout;
use crate::export::{svg::svg, Theme, DEFAULT_VIEW};
use crate::generate::{layout as paths, without_secret_values, GeneratedFile};
use crate::model::Design;
use crate::share;

pub fn files(design: &Design) -> [GeneratedFile; 2] {
    let kept = without_secret_values(design);
    [
        GeneratedFile::text(paths::design_file(design), share::to_file(&kept)),
        GeneratedFile::text(
            paths::ARCHITECTURE_SVG,
            svg(&kept, &layout(&kept, DEFAULT_VIEW), Theme::Light),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, PATTERNS};
    use crate::model::EnvVar;

    #[test]
    fn both_files_reopen_as_the_design() {
        for design in PATTERNS.iter().map(instantiate) {
            let [file, svg] = files(&design);
            assert_eq!(
                file.path,
                format!("{}.tierboard.json", paths::project_name(&design))
            );
            assert_eq!(share::open(&file.contents), Ok(design.clone()));
            assert_eq!(share::open(&svg.contents), Ok(design.clone()));
        }
    }

    #[test]
    fn secret_values_stay_out_and_the_rest_stays_exact() {
        let mut design = instantiate(&PATTERNS[0]);
        let s = &mut design.services[0];
        s.environment.push(EnvVar {
            value: "hunter2-secret".into(),
            ..EnvVar::secret("API_TOKEN")
        });
        s.environment.push(EnvVar::plain("LOG_LEVEL", "debug"));
        for f in files(&design) {
            let back = share::open(&f.contents).expect("reopens");
            assert!(!f.contents.contains("hunter2"), "{}", f.path);
            assert_eq!(back, without_secret_values(&design));
            assert!(back.services[0]
                .environment
                .contains(&EnvVar::plain("LOG_LEVEL", "debug")));
        }
    }
}
