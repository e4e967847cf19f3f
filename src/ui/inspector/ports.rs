//! Ports: container port, the host port when published (empty = internal only), the host
//! interface it binds to (empty = 127.0.0.1) and the protocol.

use super::field::{parse_port, SelectField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::model::{Port, Protocol};

const PROTOCOLS: &[(&str, &str)] = &[("tcp", "TCP"), ("udp", "UDP")];

/// A host interface: empty (the 127.0.0.1 default), an IPv4 or an IPv6 address.
fn parse_host_ip(text: &str) -> Result<Option<String>, String> {
    let t = text.trim().trim_start_matches('[').trim_end_matches(']');
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<std::net::IpAddr>()
        .map(|ip| Some(ip.to_string()))
        .map_err(|_| format!("{t:?} is not an IP address"))
}
use leptos::prelude::*;

#[component]
pub fn Ports(s: Subject) -> impl IntoView {
    let count = Memo::new(move |_| s.get(|svc| svc.ports.len()));
    let port = move |i: usize| {
        move || {
            s.get(|svc| svc.ports.get(i).cloned())
                .unwrap_or_else(|| Port::internal(0))
        }
    };
    let edit = move |i: usize, f: fn(&mut Port, &str) -> Result<(), String>| {
        Callback::new(move |text: String| {
            s.update(|svc| {
                let mut ports = svc.ports.clone();
                let p = ports.get_mut(i).ok_or("this port no longer exists")?;
                f(p, &text)?;
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
            <li class="inspector__row">
                <TextField label="Container port" inputmode="numeric"
                    value=Signal::derive(move || p().container.to_string())
                    commit=edit(i, |p, t| { p.container = parse_port(t, false)?.unwrap_or(p.container); Ok(()) }) />
                <TextField label="Published on host" inputmode="numeric" placeholder="internal"
                    value=Signal::derive(move || p().published.map(|n| n.to_string()).unwrap_or_default())
                    commit=edit(i, |p, t| { p.published = parse_port(t, true)?; Ok(()) }) />
                <TextField label="Host interface" placeholder="127.0.0.1"
                    value=Signal::derive(move || p().host_ip.unwrap_or_default())
                    commit=edit(i, |p, t| { p.host_ip = parse_host_ip(t)?; Ok(()) }) />
                <SelectField label="Protocol" options=PROTOCOLS
                    value=Signal::derive(move || match p().protocol { Protocol::Tcp => "tcp", Protocol::Udp => "udp" }.to_string())
                    commit=edit(i, |p, t| {
                        p.protocol = match t { "tcp" => Protocol::Tcp, "udp" => Protocol::Udp, other => return Err(format!("unknown protocol {other:?}")) };
                        Ok(())
                    }) />
                <button type="button" class="inspector__remove" aria-label="Remove port" on:click=remove>"×"</button>
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
            <legend>"Ports"</legend>
            <ul class="inspector__rows" role="list">
                <For each=move || 0..count.get() key=|i| *i children=row />
            </ul>
            <button type="button" class="inspector__add" on:click=add>"Add port"</button>
        </fieldset>
    }
}
