//! A service card: monogram, service name, kind, and where the container comes from.

use crate::catalog;
use crate::model::{Service, Tier};
use leptos::prelude::*;

/// What a card shows, derived from a service and its catalog kind. Plain data, so a card's
/// `Memo` re-renders only when something visible changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardFace {
    /// Two letters from the catalog (`Pg`), or from the kind id for kinds the catalog lacks.
    pub monogram: String,
    pub name: String,
    /// The kind's display name (`PostgreSQL`), or its id when the catalog lacks it.
    pub kind: String,
    /// `image:tag`, or `build: <language>` for services built from source.
    pub source: String,
    pub tier: Tier,
}

impl Default for CardFace {
    fn default() -> Self {
        CardFace {
            monogram: String::new(),
            name: String::new(),
            kind: String::new(),
            source: String::new(),
            tier: Tier::Backend,
        }
    }
}

impl CardFace {
    pub fn of(service: &Service) -> CardFace {
        let kind = catalog::kind(&service.kind);
        let monogram = kind.map_or_else(
            || fallback_monogram(&service.kind),
            |k| k.monogram.to_string(),
        );
        // A build wins over an image: with both, the image is only the tag the build produces.
        let source = match (&service.build, &service.image) {
            (Some(build), _) => match build.language {
                Some(language) => format!("build: {}", language.id()),
                None if !build.context.is_empty() => format!("build: {}", build.context),
                None => "build".to_string(),
            },
            (None, Some(image)) => image.reference(),
            (None, None) => "no image yet".to_string(),
        };
        CardFace {
            monogram,
            name: service.name.clone(),
            kind: kind.map_or_else(|| service.kind.clone(), |k| k.name.to_string()),
            source,
            tier: service.tier,
        }
    }
}

/// `custom` → `Cu`: the first two alphanumerics, the first upper-cased.
fn fallback_monogram(kind_id: &str) -> String {
    let mut letters = kind_id.chars().filter(|c| c.is_alphanumeric());
    let first = letters
        .next()
        .map(|c| c.to_uppercase().collect::<String>())
        .unwrap_or_else(|| "?".to_string());
    let second = letters
        .next()
        .map(|c| c.to_lowercase().collect::<String>())
        .unwrap_or_default();
    first + &second
}

#[component]
pub fn ServiceCard(
    /// What the card shows; the card follows its changes.
    face: Memo<CardFace>,
) -> impl IntoView {
    let text = move |field: fn(&CardFace) -> &String| move || face.with(|f| field(f).clone());

    view! {
        <li class=move || format!("card tier-{}", face.with(|f| f.tier.id()))>
            <span class="card__monogram" aria-hidden="true">{text(|f| &f.monogram)}</span>
            <div class="card__body">
                <h3 class="card__name" title=text(|f| &f.name)>{text(|f| &f.name)}</h3>
                <span class="card__kind">{text(|f| &f.kind)}</span>
                <span class="card__source" title=text(|f| &f.source)>{text(|f| &f.source)}</span>
            </div>
        </li>
    }
}
