//! The context menu's items (cards and links).

crate::texts! {
    ACTIONS { en: "Actions", de: "Aktionen", fr: "Actions" }
    RENAME { en: "Rename", de: "Umbenennen", fr: "Renommer" }
    EDIT_IN_INSPECTOR { en: "Edit in inspector", de: "Im Inspektor bearbeiten", fr: "Modifier dans l'inspecteur" }
    DUPLICATE { en: "Duplicate", de: "Duplizieren", fr: "Dupliquer" }
    DUPLICATE_N { en: "Duplicate {n} services", de: "{n} Services duplizieren", fr: "Dupliquer {n} services" }
    COPY { en: "Copy", de: "Kopieren", fr: "Copier" }
    COPY_N { en: "Copy {n} services", de: "{n} Services kopieren", fr: "Copier {n} services" }
    CUT { en: "Cut", de: "Ausschneiden", fr: "Couper" }
    CUT_N { en: "Cut {n} services", de: "{n} Services ausschneiden", fr: "Couper {n} services" }
    PASTE { en: "Paste", de: "Einfügen", fr: "Coller" }
    DELETE { en: "Delete", de: "Löschen", fr: "Supprimer" }
    DELETE_N { en: "Delete {n} services", de: "{n} Services löschen", fr: "Supprimer {n} services" }
    MOVE_TO_TIER { en: "Move to {tier} tier", de: "In die Schicht {tier} verschieben", fr: "Déplacer vers le tier {tier}" }
    MAKE_ASYNC {
        en: "Make asynchronous (queue)",
        de: "Asynchron machen (Queue)",
        fr: "Rendre asynchrone (file d'attente)",
    }
    MAKE_SYNC {
        en: "Make synchronous (HTTP/gRPC)",
        de: "Synchron machen (HTTP/gRPC)",
        fr: "Rendre synchrone (HTTP/gRPC)",
    }
    DISCONNECT { en: "Disconnect", de: "Trennen", fr: "Déconnecter" }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}
