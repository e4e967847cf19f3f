//! `image-or-build`: every service says where its container comes from. An import takes a
//! service with neither an image nor a build as it is (a fragment whose image another file
//! supplies), its image a variable to set (`${WORKER_IMAGE}`); compose refuses to start it until
//! the variable has a value. Fails for such an image (one bare variable with no default and no
//! value among the design's variables) and for a service with neither. No automatic fix: only
//! the user knows the image.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::i18n::Text;
use crate::model::{interpolation, Design, Service};

pub static RULE: Rule = Rule {
    id: "image-or-build",
    category: Category::Dx,
    severity: Severity::High,
    title: Text {
        en: "Every service has an image or a build",
        de: "Jeder Service hat ein Image oder einen Build",
        fr: "Chaque service a une image ou un build",
    },
    why: Text {
        en: "Compose refuses a service that names neither an image nor a build context: nothing says what to \
          run. Imported fragments often rely on another file for it; give the service its image here.",
        de: "Compose lehnt einen Service ab, der weder ein Image noch einen Build-Kontext nennt: nichts sagt, \
              was laufen soll. Importierte Fragmente verlassen sich dafür oft auf eine andere Datei; geben \
              Sie dem Service hier sein Image.",
        fr: "Compose refuse un service qui ne nomme ni image ni contexte de build : rien ne dit quoi \
              exécuter. Les fragments importés comptent souvent sur un autre fichier pour cela ; donnez ici \
              son image au service.",
    },
    source: "compose spec: \"a service must have an image or a build section\"",
    problem: Text {
        en: "has neither an image nor a build",
        de: "hat weder Image noch Build",
        fr: "n'a ni image ni build",
    },
    check,
    fix: None,
    safe_fix: false,
};

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(|_, _| true, |_, s| unsupplied(ctx.design, s))
}

/// Whether the service's image is a variable nothing gives a value (`${WORKER_IMAGE}`), or it
/// has neither an image nor a build.
fn unsupplied(design: &Design, s: &Service) -> bool {
    let Some(image) = s.image.as_ref().map(|i| i.reference()) else {
        return s.build.is_none();
    };
    if s.build.is_some() {
        return false;
    }
    let refs = interpolation::references(&image);
    matches!(refs.as_slice(), [only] if only.raw == image
        && only.needs_value()
        && design.variables.get(only.name).is_none_or(|v| v.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn services_with_an_image_or_a_build_pass() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn an_image_left_to_a_variable_without_value_fails() {
        let mut d = good();
        add(
            &mut d,
            svc(4, "worker", "custom", crate::model::Tier::Backend),
            &[],
            &[],
        );
        edit(&mut d, "worker", |s| {
            s.image = Some(crate::model::Image::new("${WORKER_IMAGE}", ""));
        });
        assert_fails(&RULE, &d, &["worker"]);
        assert_no_fix(&RULE, &d);
        d.variables
            .insert("WORKER_IMAGE".into(), "acme/worker:1.2".into());
        assert_passes(&RULE, &d);
        edit(&mut d, "worker", |s| {
            s.image = Some(crate::model::Image::new(
                "${WORKER_IMAGE:-acme/worker}",
                "1.2",
            ));
        });
        d.variables.clear();
        assert_passes(&RULE, &d);
    }
}
