//! Environment variables: key, value and the secret flag (secrets never reach compose files).

use super::field::RowEdit;
use super::field::{CheckField, TextField};
use super::Subject;
use crate::edit::ServiceChange;
use crate::model::{check_env_key, EnvVar};
use crate::ui::lang::tr;
use crate::ui::texts::inspector as t;
use leptos::prelude::*;

#[component]
pub fn Environment(s: Subject) -> impl IntoView {
    let count = Memo::new(move |_| s.get(|svc| svc.environment.len()));
    let var = move |i: usize| {
        move || {
            s.get(|svc| svc.environment.get(i).cloned())
                .unwrap_or_else(|| EnvVar::plain("", ""))
        }
    };
    let change = move |i: usize, f: RowEdit<EnvVar>| {
        s.update(|svc| {
            let mut env = svc.environment.clone();
            let v = env.get_mut(i).ok_or_else(|| s.say(t::VARIABLE_GONE))?;
            f(v)?;
            Ok(ServiceChange::Environment(env))
        })
    };
    let row = move |i: usize| {
        let v = var(i);
        let key = Callback::new(move |t: String| {
            let key = t.trim().to_string();
            check_env_key(&key).map_err(|e| e.message().render(crate::ui::lang::current()))?;
            let dup = s.get(|svc| {
                svc.environment
                    .iter()
                    .enumerate()
                    .any(|(j, e)| j != i && e.key == key)
            });
            if dup {
                return Err(s.say_with(t::ALREADY_SET, &[("key", &key)]));
            }
            change(
                i,
                Box::new(move |v| {
                    v.key = key;
                    Ok(())
                }),
            )
        });
        let value = Callback::new(move |t: String| {
            change(
                i,
                Box::new(move |v| {
                    v.value = t;
                    Ok(())
                }),
            )
        });
        let secret = Callback::new(move |on: bool| {
            change(
                i,
                Box::new(move |v| {
                    v.secret = on;
                    Ok(())
                }),
            )
        });
        let remove = move |_| {
            let _ = s.update(|svc| {
                let mut env = svc.environment.clone();
                if i < env.len() {
                    env.remove(i);
                }
                Ok(ServiceChange::Environment(env))
            });
        };
        view! {
            <li class="inspector__row">
                <TextField label=t::KEY value=Signal::derive(move || v().key) commit=key
                    check=Callback::new(|t: String| check_env_key(t.trim()).err().map(|e| e.message().render(crate::ui::lang::current()))) />
                <TextField label=t::VALUE value=Signal::derive(move || v().value)
                    placeholder=t::SET_IN_ENV_FILE commit=value />
                <CheckField label=t::SECRET value=Signal::derive(move || v().secret) commit=secret />
                <button type="button" class="inspector__remove" aria-label=tr(t::REMOVE_VARIABLE) on:click=remove>"×"</button>
            </li>
        }
    };
    let add = move |_| {
        let _ = s.update(|svc| {
            let mut env = svc.environment.clone();
            let key = (1..)
                .map(|n| format!("NEW_VAR_{n}"))
                .find(|k| !env.iter().any(|e| &e.key == k))
                .unwrap_or_default();
            env.push(EnvVar::plain(key, ""));
            Ok(ServiceChange::Environment(env))
        });
    };
    view! {
        <fieldset class="inspector__section">
            <legend>{tr(t::ENVIRONMENT)}</legend>
            <ul class="inspector__rows" role="list">
                <For each=move || 0..count.get() key=|i| *i children=row />
            </ul>
            <button type="button" class="inspector__add" on:click=add>{tr(t::ADD_VARIABLE)}</button>
        </fieldset>
    }
}
