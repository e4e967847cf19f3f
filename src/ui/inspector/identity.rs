//! Name, tier and where the container comes from (image and tag, or a build).

use super::field::{SelectField, TextField};
use super::Subject;
use crate::catalog;
use crate::edit::{Command, ServiceChange};
use crate::model::{check_service_name, Build, Image, Language, NameError, Tier};
use leptos::prelude::*;

const TIERS: &[(&str, &str)] = &[
    ("frontend", "Frontend"),
    ("backend", "Backend"),
    ("data", "Data"),
];
const LANGUAGES: &[(&str, &str)] = &[
    ("", "— not built here —"),
    ("python", "Python"),
    ("node", "Node"),
    ("go", "Go"),
    ("rust", "Rust"),
    ("java", "Java"),
    ("static", "Static site"),
];

#[component]
pub fn Identity(s: Subject) -> impl IntoView {
    let design = s.app.reader();
    let id = s.id;
    let name_check = Callback::new(move |name: String| {
        let clash = design.signal().with_untracked(|d| {
            d.name_clash(&name)
                .filter(|o| o.id != id)
                .map(|o| o.name.clone())
        });
        let error = check_service_name(&name).err().or_else(|| {
            clash.map(|other| {
                if other == name {
                    NameError::Taken(name.clone())
                } else {
                    NameError::Clash {
                        name: name.clone(),
                        other,
                    }
                }
            })
        });
        error.map(|e| e.to_string())
    });
    let rename = Callback::new(move |name: String| s.dispatch(Command::RenameService { id, name }));
    let tier = Callback::new(move |t: String| match Tier::parse(&t) {
        Some(tier) => s.dispatch(Command::MoveService {
            id,
            tier,
            index: usize::MAX,
        }),
        None => Err(format!("unknown tier {t:?}")),
    });
    let image_name = Callback::new(move |name: String| {
        s.update(|svc| {
            let name = name.trim().to_string();
            Ok(ServiceChange::Image(if name.is_empty() {
                None
            } else {
                Some(Image {
                    name,
                    tag: svc
                        .image
                        .as_ref()
                        .map(|i| i.tag.clone())
                        .unwrap_or_default(),
                })
            }))
        })
    });
    let image_tag = Callback::new(move |tag: String| {
        s.update(|svc| match &svc.image {
            Some(image) => Ok(ServiceChange::Image(Some(Image {
                tag: tag.trim().to_string(),
                ..image.clone()
            }))),
            None => Err("set the image name first".to_string()),
        })
    });
    let language = Callback::new(move |lang: String| {
        s.update(|svc| {
            let language = Language::ALL.into_iter().find(|l| l.id() == lang);
            Ok(ServiceChange::Build(match (language, &svc.build) {
                (None, _) => None,
                (Some(l), Some(b)) => Some(Build {
                    language: Some(l),
                    ..b.clone()
                }),
                (Some(l), None) => Some(Build::scaffold(l)),
            }))
        })
    });
    let context = Callback::new(move |ctx: String| {
        s.update(|svc| match &svc.build {
            Some(b) => Ok(ServiceChange::Build(Some(Build {
                context: ctx.trim().to_string(),
                ..b.clone()
            }))),
            None => Err("choose a build language first".to_string()),
        })
    });
    let kind_name = move || {
        s.get(|svc| {
            catalog::kind(&svc.kind).map_or_else(|| svc.kind.clone(), |k| k.name.to_string())
        })
    };
    let has_build = move || s.get(|svc| svc.build.is_some());
    view! {
        <fieldset class="inspector__section">
            <legend>"Service"</legend>
            <TextField label="Name" value=Signal::derive(move || s.get(|svc| svc.name.clone())) commit=rename check=name_check />
            <p class="inspector__fact">"Kind: " <strong>{kind_name}</strong></p>
            <SelectField label="Tier" options=TIERS value=Signal::derive(move || s.get(|svc| svc.tier.id().to_string())) commit=tier />
            <TextField label="Image" placeholder="e.g. postgres"
                value=Signal::derive(move || s.get(|svc| svc.image.as_ref().map(|i| i.name.clone()).unwrap_or_default()))
                commit=image_name />
            <TextField label="Tag" placeholder="e.g. 16-alpine (never latest)"
                value=Signal::derive(move || s.get(|svc| svc.image.as_ref().map(|i| i.tag.clone()).unwrap_or_default()))
                commit=image_tag />
            <SelectField label="Build" options=LANGUAGES
                value=Signal::derive(move || s.get(|svc| svc.build.as_ref().and_then(|b| b.language).map(|l| l.id().to_string()).unwrap_or_default()))
                commit=language />
            <Show when=has_build>
                <TextField label="Build context" placeholder="docker/<service> (generated)"
                    value=Signal::derive(move || s.get(|svc| svc.build.as_ref().map(|b| b.context.clone()).unwrap_or_default()))
                    commit=context />
            </Show>
        </fieldset>
    }
}
