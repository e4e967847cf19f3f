//! The banner above the board: errors and confirmations from `AppState::banner`, and the
//! recovery notice for a stored design that could not be read (with its raw text to download).

use super::{autosave, use_app};
use leptos::prelude::*;

/// A stored design that could not be read: its text and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    pub raw: String,
    pub reason: String,
    /// A copy is in the backup key; `false` when storage was too full for it (then autosave
    /// holds off until the user downloads or dismisses the text).
    pub kept: bool,
}

mod words {
    crate::texts! {
        KEPT {
            en: "Your saved design could not be read ({reason}). Tierboard started a fresh board; the saved text is kept until you dismiss this.",
            de: "Ihr gespeichertes Design konnte nicht gelesen werden ({reason}). Tierboard hat ein leeres Board begonnen; der gespeicherte Text bleibt erhalten, bis Sie diese Meldung schließen.",
            fr: "Votre design enregistré n'a pas pu être lu ({reason}). Tierboard a ouvert un tableau vierge ; le texte enregistré est conservé jusqu'à ce que vous fermiez ce message.",
        }
        NOT_KEPT {
            en: "Your saved design could not be read ({reason}), and the browser's storage is too full to keep a copy: download the raw text now. Tierboard saves nothing over it until you download or dismiss it.",
            de: "Ihr gespeichertes Design konnte nicht gelesen werden ({reason}), und der Speicher des Browsers ist zu voll für eine Kopie: Laden Sie den Rohtext jetzt herunter. Tierboard speichert nichts darüber, bis Sie ihn herunterladen oder die Meldung schließen.",
            fr: "Votre design enregistré n'a pas pu être lu ({reason}) et le stockage du navigateur est trop plein pour en garder une copie : téléchargez le texte brut maintenant. Tierboard n'enregistre rien par-dessus tant que vous ne l'avez pas téléchargé ou fermé ce message.",
        }
    }

    #[cfg(test)]
    #[test]
    fn well_formed() {
        crate::i18n::assert_well_formed(ALL);
    }
}

#[component]
pub fn Banner(
    /// The unreadable saved design, while the user has not dealt with it.
    recovery: RwSignal<Option<Recovery>>,
) -> impl IntoView {
    let app = use_app();
    let banner = app.banner;
    let lang = super::lang::use_lang();
    let download = move |_| {
        if let Some(r) = recovery.get_untracked() {
            match super::dialogs::browser::download(
                "tierboard-unreadable-design.json",
                "application/json",
                r.raw.as_bytes(),
            ) {
                // The user has the text now: a copy that did not fit in storage no longer
                // holds autosave back.
                Ok(()) if !r.kept => recovery.set(Some(Recovery { kept: true, ..r })),
                Ok(()) => {}
                Err(why) => app.report_error(why),
            }
        }
    };
    let message = move || {
        recovery.with(|r| {
            r.as_ref().map(|r| {
                let text = if r.kept { words::KEPT } else { words::NOT_KEPT };
                text.fill(lang.get(), &[("reason", &r.reason)])
            })
        })
    };
    let dismiss_recovery = move |_| {
        autosave::drop_backup();
        recovery.set(None);
    };
    view! {
        <Show when=move || recovery.with(Option::is_some)>
            <div class="banner banner--error" role="alert">
                <p class="banner__text">{message}</p>
                <button type="button" class="banner__button" on:click=download>"Download raw text"</button>
                <button type="button" class="banner__button" on:click=dismiss_recovery>"Dismiss"</button>
            </div>
        </Show>
        <Show when=move || banner.with(Option::is_some)>
            <div
                class=move || if banner.with(|b| b.as_ref().is_some_and(|b| b.error)) { "banner banner--error" } else { "banner" }
                role="status"
            >
                <p class="banner__text">{move || banner.with(|b| b.as_ref().map(|b| b.text.clone()).unwrap_or_default())}</p>
                <button type="button" class="banner__button" on:click=move |_| banner.set(None)>"Dismiss"</button>
            </div>
        </Show>
    }
}
