//! Hardening: user, read-only root, no-new-privileges, capabilities, privileged mode.

use super::field::{parse_list, CheckField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::model::Hardening;
use crate::ui::lang::tr;
use crate::ui::texts::inspector as t;
use leptos::prelude::*;

#[component]
pub fn HardeningSection(s: Subject) -> impl IntoView {
    let flag = move |get: fn(&Hardening) -> bool, set: fn(&mut Hardening, bool)| {
        let value = Signal::derive(move || s.get(|svc| get(&svc.hardening)));
        let commit = Callback::new(move |on: bool| {
            s.update(|svc| {
                let mut h = svc.hardening.clone();
                set(&mut h, on);
                Ok(ServiceChange::Hardening(h))
            })
        });
        (value, commit)
    };
    let (ro, ro_c) = flag(|h| h.read_only_root, |h, v| h.read_only_root = v);
    let (nnp, nnp_c) = flag(|h| h.no_new_privileges, |h, v| h.no_new_privileges = v);
    let (drop_all, drop_all_c) = flag(|h| h.cap_drop_all, |h, v| h.cap_drop_all = v);
    let (privileged, privileged_c) = flag(|h| h.privileged, |h, v| h.privileged = v);
    let user = Callback::new(move |t: String| {
        s.update(|svc| {
            let t = t.trim();
            Ok(ServiceChange::Hardening(Hardening {
                user: (!t.is_empty()).then(|| t.to_string()),
                ..svc.hardening.clone()
            }))
        })
    });
    let caps = Callback::new(move |t: String| {
        s.update(|svc| {
            Ok(ServiceChange::Hardening(Hardening {
                cap_add: parse_list(&t),
                ..svc.hardening.clone()
            }))
        })
    });
    view! {
        <fieldset class="inspector__section">
            <legend>{tr(t::HARDENING)}</legend>
            <TextField label=t::USER placeholder=t::IMAGE_DEFAULT
                value=Signal::derive(move || s.get(|svc| svc.hardening.user.clone().unwrap_or_default()))
                commit=user />
            <CheckField label=t::READ_ONLY_ROOT value=ro commit=ro_c />
            <CheckField label=t::NO_NEW_PRIVILEGES value=nnp commit=nnp_c />
            <CheckField label=t::DROP_ALL_CAPABILITIES value=drop_all commit=drop_all_c />
            <TextField label=t::ADD_CAPABILITIES placeholder=t::CAPABILITIES_EXAMPLE
                value=Signal::derive(move || s.get(|svc| svc.hardening.cap_add.join(", ")))
                commit=caps />
            <CheckField label=t::PRIVILEGED value=privileged commit=privileged_c />
        </fieldset>
    }
}
