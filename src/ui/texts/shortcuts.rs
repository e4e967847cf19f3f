//! The "?" overlay's table: every keyboard shortcut, grouped, with the key names each language
//! prints on its keyboards (Strg/Umschalt/Entf in German, Maj/Suppr/Échap in French). A table of
//! `Text` literals rather than one named text per cell: each cell still needs all three languages
//! to compile, and the test below checks them like any `texts!` module.

use crate::i18n::Text;

const fn t(en: &'static str, de: &'static str, fr: &'static str) -> Text {
    Text { en, de, fr }
}

crate::texts! {
    TITLE { en: "Keyboard shortcuts", de: "Tastenkürzel", fr: "Raccourcis clavier" }
}

/// `(group, [(keys, what they do)])`. The one list: the overlay shows exactly this.
pub const SHORTCUTS: &[(Text, &[(Text, Text)])] = &[
    (
        t("Moving around", "Navigieren", "Se déplacer"),
        &[
            (
                t("Tab", "Tab", "Tab"),
                t(
                    "Skip link, catalog, board, inspector, in page order",
                    "Sprunglink, Katalog, Board, Inspektor, in Seitenreihenfolge",
                    "Lien d’évitement, catalogue, tableau, inspecteur, dans l’ordre de la page",
                ),
            ),
            (
                t("← → ↑ ↓", "← → ↑ ↓", "← → ↑ ↓"),
                t(
                    "Move focus to the next card in the tier, or the nearest card above or below",
                    "Fokus zur nächsten Karte der Schicht oder zur nächstgelegenen Karte darüber oder darunter",
                    "Déplacer le focus vers la carte suivante du tier, ou la plus proche au-dessus ou en dessous",
                ),
            ),
            (
                t("Enter / Space", "Enter / Leertaste", "Entrée / Espace"),
                t(
                    "Select the focused card or link",
                    "Fokussierte Karte oder Verbindung auswählen",
                    "Sélectionner la carte ou le lien qui a le focus",
                ),
            ),
            (
                t("Enter on a selected card, F2", "Enter auf einer ausgewählten Karte, F2", "Entrée sur une carte sélectionnée, F2"),
                t(
                    "Edit it in the inspector (its name first)",
                    "Im Inspektor bearbeiten (zuerst den Namen)",
                    "La modifier dans l’inspecteur (son nom d’abord)",
                ),
            ),
            (
                t("Escape in the inspector", "Esc im Inspektor", "Échap dans l’inspecteur"),
                t("Back to the card", "Zurück zur Karte", "Retour à la carte"),
            ),
            (
                t("Escape", "Esc", "Échap"),
                t(
                    "Cancel a drag, close a menu or dialog, else clear the selection",
                    "Ziehen abbrechen, Menü oder Dialog schließen, sonst Auswahl aufheben",
                    "Annuler un glisser, fermer un menu ou une boîte de dialogue, sinon vider la sélection",
                ),
            ),
            (t("?", "?", "?"), t("This list", "Diese Liste", "Cette liste")),
        ],
    ),
    (
        t("Editing", "Bearbeiten", "Modifier"),
        &[
            (
                t("Ctrl/⌘ + C, X, V", "Strg/⌘ + C, X, V", "Ctrl/⌘ + C, X, V"),
                t(
                    "Copy, cut, paste services with their links (also between boards and tabs; pasting compose YAML or a share link opens it)",
                    "Services mit ihren Verbindungen kopieren, ausschneiden, einfügen (auch zwischen Boards und Tabs; eingefügtes Compose-YAML oder ein Teilen-Link wird geöffnet)",
                    "Copier, couper, coller des services avec leurs liens (aussi entre tableaux et onglets ; coller du YAML Compose ou un lien de partage l’ouvre)",
                ),
            ),
            (
                t("Ctrl/⌘ + D", "Strg/⌘ + D", "Ctrl/⌘ + D"),
                t("Duplicate the selection", "Auswahl duplizieren", "Dupliquer la sélection"),
            ),
            (
                t("Ctrl/⌘ + A", "Strg/⌘ + A", "Ctrl/⌘ + A"),
                t("Select every service", "Alle Services auswählen", "Sélectionner tous les services"),
            ),
            (
                t(
                    "Shift/Ctrl + click, Shift + Space",
                    "Umschalt/Strg + Klick, Umschalt + Leertaste",
                    "Maj/Ctrl + clic, Maj + Espace",
                ),
                t(
                    "Add a card to the selection or take it out",
                    "Karte zur Auswahl hinzufügen oder herausnehmen",
                    "Ajouter une carte à la sélection ou l’en retirer",
                ),
            ),
            (
                t("Shift + drag on empty board", "Umschalt + Ziehen auf freiem Board", "Maj + glisser sur le tableau vide"),
                t(
                    "Select the cards in a rectangle",
                    "Karten in einem Rechteck auswählen",
                    "Sélectionner les cartes dans un rectangle",
                ),
            ),
            (
                t("Delete / Backspace", "Entf / Rücktaste", "Suppr / Retour arrière"),
                t("Remove the selection", "Auswahl entfernen", "Supprimer la sélection"),
            ),
            (
                t("Alt + ← →", "Alt + ← →", "Alt + ← →"),
                t(
                    "Move the card within its tier",
                    "Karte innerhalb ihrer Schicht verschieben",
                    "Déplacer la carte dans son tier",
                ),
            ),
            (
                t("Alt + ↑ ↓", "Alt + ↑ ↓", "Alt + ↑ ↓"),
                t(
                    "Move the card (or every selected card) to the tier above or below",
                    "Karte (oder alle ausgewählten Karten) in die Schicht darüber oder darunter verschieben",
                    "Déplacer la carte (ou toutes les cartes sélectionnées) vers le tier du dessus ou du dessous",
                ),
            ),
            (
                t("Double click", "Doppelklick", "Double-clic"),
                t("Rename the card", "Karte umbenennen", "Renommer la carte"),
            ),
            (
                t(
                    "Shift + F10, menu key, right click, long press",
                    "Umschalt + F10, Menütaste, Rechtsklick, langes Drücken",
                    "Maj + F10, touche menu, clic droit, appui long",
                ),
                t(
                    "Actions for a card or a link",
                    "Aktionen für eine Karte oder eine Verbindung",
                    "Actions d’une carte ou d’un lien",
                ),
            ),
            (
                t("Ctrl/⌘ + Z", "Strg/⌘ + Z", "Ctrl/⌘ + Z"),
                t("Undo", "Rückgängig", "Annuler"),
            ),
            (
                t("Ctrl/⌘ + Shift + Z, Ctrl + Y", "Strg/⌘ + Umschalt + Z, Strg + Y", "Ctrl/⌘ + Maj + Z, Ctrl + Y"),
                t("Redo", "Wiederholen", "Rétablir"),
            ),
        ],
    ),
    (
        t("Catalog", "Katalog", "Catalogue"),
        &[
            (
                t("Enter in the search", "Enter in der Suche", "Entrée dans la recherche"),
                t(
                    "Add the only match, or go to the first",
                    "Einzigen Treffer hinzufügen oder zum ersten springen",
                    "Ajouter le seul résultat, ou aller au premier",
                ),
            ),
            (
                t("Enter on an entry", "Enter auf einem Eintrag", "Entrée sur une entrée"),
                t("Add it to its tier", "Zu seiner Schicht hinzufügen", "L’ajouter à son tier"),
            ),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(ALL);
        let cells: Vec<(&str, Text)> = SHORTCUTS
            .iter()
            .flat_map(|(group, rows)| {
                std::iter::once(("group", *group))
                    .chain(rows.iter().flat_map(|(k, w)| [("keys", *k), ("what", *w)]))
            })
            .collect();
        assert!(cells.len() > 40);
        crate::i18n::assert_well_formed(&cells);
    }
}
