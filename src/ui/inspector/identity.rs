//! Name, tier and where the container comes from (image and tag, or a build).

use super::field::{SelectField, TextField};
use super::Subject;
use crate::catalog;
use crate::edit::{Command, ServiceChange};
use crate::i18n::Text;
use crate::model::{check_service_name, Build, Image, Language, NameError, Tier};
use crate::ui::lang::tr;
use crate::ui::texts::inspector::{self as t, same};
use leptos::prelude::*;

/// The tiers as the lanes name them (`Tier::name`).
const TIERS: &[(&str, Text)] = &[
    ("frontend", Tier::Frontend.name()),
    ("backend", Tier::Backend.name()),
    ("data", Tier::Data.name()),
];
const LANGUAGES: &[(&str, Text)] = &[
    ("", t::NOT_BUILT_HERE),
    ("python", same("Python")),
    ("node", same("Node")),
    ("go", same("Go")),
    ("rust", same("Rust")),
    ("java", same("Java")),
    ("static", t::STATIC_SITE),
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
        error.map(|e| e.message().render(crate::ui::lang::current()))
    });
    let rename = Callback::new(move |name: String| s.dispatch(Command::RenameService { id, name }));
    let tier = Callback::new(move |text: String| match Tier::parse(&text) {
        Some(tier) => s.dispatch(Command::MoveService {
            id,
            tier,
            index: usize::MAX,
        }),
        None => Err(s.say_with(t::UNKNOWN_TIER, &[("value", &crate::i18n::quote(&text))])),
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
            None => Err(s.say(t::IMAGE_FIRST)),
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
            None => Err(s.say(t::BUILD_LANGUAGE_FIRST)),
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
            <legend>{tr(t::SERVICE)}</legend>
            <TextField label=t::NAME value=Signal::derive(move || s.get(|svc| svc.name.clone())) commit=rename check=name_check />
            <p class="inspector__fact">{tr(t::KIND_IS)} <strong>{kind_name}</strong></p>
            <SelectField label=t::TIER options=TIERS value=Signal::derive(move || s.get(|svc| svc.tier.id().to_string())) commit=tier />
            <TextField label=t::IMAGE placeholder=t::IMAGE_EXAMPLE
                value=Signal::derive(move || s.get(|svc| svc.image.as_ref().map(|i| i.name.clone()).unwrap_or_default()))
                commit=image_name />
            <TextField label=t::TAG placeholder=t::TAG_EXAMPLE
                value=Signal::derive(move || s.get(|svc| svc.image.as_ref().map(|i| i.tag.clone()).unwrap_or_default()))
                commit=image_tag />
            <SelectField label=t::BUILD options=LANGUAGES
                value=Signal::derive(move || s.get(|svc| svc.build.as_ref().and_then(|b| b.language).map(|l| l.id().to_string()).unwrap_or_default()))
                commit=language />
            <Show when=has_build>
                <TextField label=t::BUILD_CONTEXT placeholder=t::BUILD_CONTEXT_EXAMPLE
                    value=Signal::derive(move || s.get(|svc| svc.build.as_ref().map(|b| b.context.clone()).unwrap_or_default()))
                    commit=context />
            </Show>
        </fieldset>
    }
}
