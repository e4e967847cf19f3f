//! Ports: container port, the host port when published (empty = internal only; a `.env`
//! variable as compose writes it, `${FRONTEND_PORT:-8080}`, as imported files have it; `*` = a
//! port Docker picks), the host interface it binds to (empty = 127.0.0.1) and the protocol.

use super::field::{parse_port, SelectField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::i18n::{Lang, Text};
use crate::model::{Port, Protocol};
use crate::ui::lang::tr;
use crate::ui::texts::inspector::{self as t, same};
use leptos::prelude::*;

const PROTOCOLS: &[(&str, Text)] = &[("tcp", same("TCP")), ("udp", same("UDP"))];

/// A host interface: empty (the 127.0.0.1 default), an IPv4 or an IPv6 address.
fn parse_host_ip(lang: Lang, text: &str) -> Result<Option<String>, String> {
    let ip = text.trim().trim_start_matches('[').trim_end_matches(']');
    if ip.is_empty() {
        return Ok(None);
    }
    ip.parse::<std::net::IpAddr>()
        .map(|ip| Some(ip.to_string()))
        .map_err(|_| t::NOT_AN_IP.fill(lang, &[("value", &crate::i18n::quote(ip))]))
}

/// The host port field's text: the number, the variable as compose writes it, `*` for a port
/// Docker picks, empty when internal.
fn host_field(p: &Port) -> String {
    match p.host_text() {
        Some(text) if text.is_empty() => "*".to_string(),
        Some(text) => text,
        None => String::new(),
    }
}

#[component]
pub fn Ports(s: Subject) -> impl IntoView {
    let count = Memo::new(move |_| s.get(|svc| svc.ports.len()));
    let port = move |i: usize| {
        move || {
            s.get(|svc| svc.ports.get(i).cloned())
                .unwrap_or_else(|| Port::internal(0))
        }
    };
    let edit = move |i: usize, f: fn(&mut Port, Lang, &str) -> Result<(), String>| {
        Callback::new(move |text: String| {
            s.update(|svc| {
                let mut ports = svc.ports.clone();
                let p = ports.get_mut(i).ok_or_else(|| s.say(t::PORT_GONE))?;
                f(p, s.lang.get_untracked(), &text)?;
                Ok(ServiceChange::Ports(ports))
            })
        })
    };
    let row = move |i: usize| {
        let p = port(i);
        let remove = move |_| {
            let _ = s.update(|svc| {
                let mut ports = svc.ports.clone();
                if i < ports.len() {
                    ports.remove(i);
                }
                Ok(ServiceChange::Ports(ports))
            });
        };
        view! {
            <li class="inspector__row" class:inspector__row--variable-host=move || p().published_var.is_some()>
                <TextField label=t::CONTAINER_PORT inputmode="numeric"
                    value=Signal::derive(move || p().container.to_string())
                    commit=edit(i, |p, lang, text| { p.container = parse_port(lang, text, false)?.unwrap_or(p.container); Ok(()) }) />
                <TextField label=t::PUBLISHED_ON_HOST placeholder=t::INTERNAL
                    value=Signal::derive(move || host_field(&p()))
                    commit=edit(i, |p, lang, text| {
                        p.set_host_text(text).map_err(|_| {
                            t::NOT_A_HOST_PORT.fill(lang, &[("value", &crate::i18n::quote(text.trim()))])
                        })
                    }) />
                <TextField label=t::HOST_INTERFACE placeholder=same("127.0.0.1")
                    value=Signal::derive(move || p().host_ip.unwrap_or_default())
                    commit=edit(i, |p, lang, text| { p.host_ip = parse_host_ip(lang, text)?; Ok(()) }) />
                <SelectField label=t::PROTOCOL options=PROTOCOLS
                    value=Signal::derive(move || match p().protocol { Protocol::Tcp => "tcp", Protocol::Udp => "udp" }.to_string())
                    commit=edit(i, |p, lang, text| {
                        p.protocol = match text {
                            "tcp" => Protocol::Tcp,
                            "udp" => Protocol::Udp,
                            other => return Err(t::UNKNOWN_PROTOCOL.fill(lang, &[("value", &crate::i18n::quote(other))])),
                        };
                        Ok(())
                    }) />
                <button type="button" class="inspector__remove" aria-label=tr(t::REMOVE_PORT) on:click=remove>"×"</button>
            </li>
        }
    };
    let add = move |_| {
        let _ = s.update(|svc| {
            let mut ports = svc.ports.clone();
            let next = ports
                .iter()
                .map(|p| p.container)
                .max()
                .map_or(8080, |m| m.saturating_add(1).max(1));
            ports.push(Port::internal(next));
            Ok(ServiceChange::Ports(ports))
        });
    };
    view! {
        <fieldset class="inspector__section">
            <legend>{tr(t::PORTS)}</legend>
            <ul class="inspector__rows" role="list">
                <For each=move || 0..count.get() key=|i| *i children=row />
            </ul>
            <button type="button" class="inspector__add" on:click=add>{tr(t::ADD_PORT)}</button>
        </fieldset>
    }
}
