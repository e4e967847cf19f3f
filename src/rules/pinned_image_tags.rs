//! `pinned-image-tags`: every pulled image names a concrete version.

use super::{Category, Ctx, Rule, Severity, Verdict};
use crate::catalog::KindSource;
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::Image;

pub static RULE: Rule = Rule {
    id: "pinned-image-tags",
    category: Category::Security,
    severity: Severity::Medium,
    title: Text {
        en: "Image tags are pinned",
        de: "Image-Tags sind fixiert",
        fr: "Les tags d'image sont figés",
    },
    why: Text {
        en: "`latest` (or no tag) is whatever the registry serves today: builds stop being reproducible and an \
          upstream release can change production without a commit. dclint refuses such tags.",
        de: "`latest` (oder kein Tag) ist, was die Registry heute ausliefert: Builds sind nicht \
              mehr reproduzierbar, und ein Upstream-Release kann die Produktion ohne Commit ändern. \
              dclint lehnt solche Tags ab.",
        fr: "`latest` (ou pas de tag), c'est ce que la registry sert aujourd'hui : les builds ne \
              sont plus reproductibles et une release en amont peut changer la production sans \
              commit. dclint refuse de tels tags.",
    },
    source: "seed 004 (pinned versions); dclint `service-image-require-explicit-tag`; CIS Docker 5.27",
    problem: Text {
        en: "floating, missing or malformed image tag",
        de: "schwebender, fehlender oder ungültiger Image-Tag",
        fr: "tag d'image flottant, absent ou mal formé",
    },
    check,
    fix: Some(fix),
    safe_fix: true,
};

/// Tags that move (dclint's list plus branch names).
const FLOATING: &[&str] = &[
    "latest", "stable", "dev", "edge", "nightly", "beta", "canary", "lts", "test", "main", "master",
];

/// A moving tag, no tag, or text that is not a tag (`[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`, or a
/// `${VAR...}` reference that compose fills in).
pub(crate) fn floating(image: &Image) -> bool {
    let tag = image.tag.trim();
    let well_formed = tag.contains("${")
        || (tag.len() <= 128
            && tag
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            && tag
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')));
    !well_formed || FLOATING.iter().any(|f| f.eq_ignore_ascii_case(tag))
}

fn check(ctx: &Ctx) -> Verdict {
    ctx.each(
        |_, s| s.image.is_some(),
        |_, s| s.image.as_ref().is_some_and(floating),
    )
}

/// The catalog's pinned tag, when the service still uses its kind's image.
fn fix(ctx: &Ctx, failing: &[usize]) -> Vec<Command> {
    ctx.update_failing(failing, |i, s| {
        let image = s.image.as_ref()?;
        match ctx.kind(i)?.source {
            KindSource::Image { name, tag } if name == image.name => {
                Some(ServiceChange::Image(Some(Image::new(name, tag))))
            }
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixtures::*;

    #[test]
    fn pinned_tags_pass() {
        assert_passes(&RULE, &good());
    }

    #[test]
    fn latest_and_missing_tags_fail_catalog_images_get_their_pinned_tag() {
        let mut d = good();
        edit(&mut d, "db", |s| {
            s.image.as_mut().unwrap().tag = "latest".into()
        });
        edit(&mut d, "api", |s| {
            s.image = Some(Image::new("ghcr.io/acme/api", ""))
        });
        edit(&mut d, "proxy", |s| {
            s.image.as_mut().unwrap().tag = "1.27 alpine".into()
        });
        assert_fails(&RULE, &d, &["proxy", "api", "db"]);
        let mut expected = good();
        edit(&mut expected, "api", |s| {
            s.image = Some(Image::new("ghcr.io/acme/api", ""))
        });
        let fixed = crate::edit::apply(&d, crate::rules::fix(&d, RULE.id).unwrap()).unwrap();
        assert_eq!(
            fixed, expected,
            "only the catalog image is re-pinned; the custom one needs the user"
        );
    }
}
