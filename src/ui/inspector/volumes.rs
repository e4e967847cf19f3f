//! Volumes: named volumes, bind mounts and tmpfs, with their target and read-only flag.

use super::field::RowEdit;
use super::field::{CheckField, SelectField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::i18n::{Lang, Text};
use crate::model::{Mount, MountKind};
use crate::ui::lang::tr;
use crate::ui::texts::inspector::{self as t, same};
use leptos::prelude::*;

const KINDS: &[(&str, Text)] = &[
    ("named", t::NAMED_VOLUME),
    ("bind", t::BIND_MOUNT),
    ("tmpfs", same("tmpfs")),
    ("anonymous", t::ANONYMOUS),
];

fn kind_id(k: MountKind) -> &'static str {
    match k {
        MountKind::Named => "named",
        MountKind::Bind => "bind",
        MountKind::Tmpfs => "tmpfs",
        MountKind::Anonymous => "anonymous",
    }
}

fn parse_kind(lang: Lang, text: &str) -> Result<MountKind, String> {
    match text {
        "named" => Ok(MountKind::Named),
        "bind" => Ok(MountKind::Bind),
        "tmpfs" => Ok(MountKind::Tmpfs),
        "anonymous" => Ok(MountKind::Anonymous),
        _ => Err(t::UNKNOWN_VOLUME_KIND.fill(lang, &[("value", &crate::i18n::quote(text))])),
    }
}

#[component]
pub fn Volumes(s: Subject) -> impl IntoView {
    let count = Memo::new(move |_| s.get(|svc| svc.volumes.len()));
    let mount = move |i: usize| {
        move || {
            s.get(|svc| svc.volumes.get(i).cloned())
                .unwrap_or_else(|| Mount::tmpfs(""))
        }
    };
    let change = move |i: usize, f: RowEdit<Mount>| {
        s.update(|svc| {
            let mut volumes = svc.volumes.clone();
            let m = volumes.get_mut(i).ok_or_else(|| s.say(t::VOLUME_GONE))?;
            f(m)?;
            Ok(ServiceChange::Volumes(volumes))
        })
    };
    let row = move |i: usize| {
        let m = mount(i);
        let kind = Callback::new(move |text: String| {
            let lang = s.lang.get_untracked();
            change(
                i,
                Box::new(move |m| {
                    m.kind = parse_kind(lang, &text)?;
                    Ok(())
                }),
            )
        });
        let source = Callback::new(move |t: String| {
            change(
                i,
                Box::new(move |m| {
                    m.source = t.trim().to_string();
                    Ok(())
                }),
            )
        });
        let target = Callback::new(move |t: String| {
            change(
                i,
                Box::new(move |m| {
                    m.target = t.trim().to_string();
                    Ok(())
                }),
            )
        });
        let read_only = Callback::new(move |on: bool| {
            change(
                i,
                Box::new(move |m| {
                    m.read_only = on;
                    Ok(())
                }),
            )
        });
        let remove = move |_| {
            let _ = s.update(|svc| {
                let mut volumes = svc.volumes.clone();
                if i < volumes.len() {
                    volumes.remove(i);
                }
                Ok(ServiceChange::Volumes(volumes))
            });
        };
        view! {
            <li class="inspector__row">
                <SelectField label=t::MOUNT_KIND options=KINDS value=Signal::derive(move || kind_id(m().kind).to_string()) commit=kind />
                <TextField label=t::SOURCE value=Signal::derive(move || m().source) placeholder=t::SOURCE_HINT commit=source />
                <TextField label=t::TARGET value=Signal::derive(move || m().target) placeholder=t::TARGET_HINT commit=target />
                <CheckField label=t::READ_ONLY value=Signal::derive(move || m().read_only) commit=read_only />
                <button type="button" class="inspector__remove" aria-label=tr(t::REMOVE_VOLUME) on:click=remove>"×"</button>
            </li>
        }
    };
    let add = move |_| {
        let _ = s.update(|svc| {
            let mut volumes = svc.volumes.clone();
            volumes.push(Mount::named(
                format!("{}_files", svc.name.replace('.', "_")),
                "/data",
            ));
            Ok(ServiceChange::Volumes(volumes))
        });
    };
    view! {
        <fieldset class="inspector__section">
            <legend>{tr(t::VOLUMES)}</legend>
            <ul class="inspector__rows" role="list">
                <For each=move || 0..count.get() key=|i| *i children=row />
            </ul>
            <button type="button" class="inspector__add" on:click=add>{tr(t::ADD_VOLUME)}</button>
        </fieldset>
    }
}
