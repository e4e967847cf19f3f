//! The side panel's words: its tabs and badges, the Checklist panel's chrome (scores, "Fix",
//! "Fix all", category names as the seeds' checklists write them, severities), the Resources
//! panel (totals, chart, cluster, budget fields, warnings' labels) and the Files panel. Rule
//! titles and reasons and planner warnings are the core's texts, not these.

crate::texts! {
    // Tabs (side_panel.rs).
    DETAILS { en: "Details", de: "Details", fr: "Détails" }
    TAB_INSPECTOR { en: "Inspector", de: "Inspektor", fr: "Inspecteur" }
    TAB_CHECKLIST { en: "Checklist", de: "Checkliste", fr: "Checklist" }
    TAB_RESOURCES { en: "Resources", de: "Ressourcen", fr: "Ressources" }
    TAB_FILES { en: "Files", de: "Dateien", fr: "Fichiers" }
    BADGE_SCORE_BEFORE { en: " score ", de: " Punktzahl ", fr: " score " }
    BADGE_SCORE_AFTER { en: " of 100", de: " von 100", fr: " sur 100" }
    BADGE_WARNING { en: " warning", de: " Warnung", fr: " avertissement" }
    BADGE_WARNINGS { en: " warnings", de: " Warnungen", fr: " avertissements" }

    // Checklist (checklist.rs, checklist_item.rs).
    CHECKLIST { en: "Checklist", de: "Checkliste", fr: "Checklist" }
    FIX_ALL { en: "Fix all ({n})", de: "Alle beheben ({n})", fr: "Tout corriger ({n})" }
    APPLIED_FIXES {
        en: "Applied the safe fixes: score {before} → {after}. Undo reverts them all.",
        de: "Sichere Korrekturen angewendet: Punktzahl {before} → {after}. „Rückgängig“ nimmt sie alle zurück.",
        fr: "Corrections sûres appliquées : score {before} → {after}. « Annuler » les défait toutes.",
    }
    FIXES_FAILED {
        en: "Could not apply the fixes: {error}",
        de: "Die Korrekturen ließen sich nicht anwenden: {error}",
        fr: "Impossible d'appliquer les corrections : {error}",
    }
    NO_SAFE_FIX {
        en: "No safe fix left to apply.",
        de: "Keine sichere Korrektur mehr anzuwenden.",
        fr: "Plus aucune correction sûre à appliquer.",
    }
    NOT_APPLICABLE { en: "n/a", de: "entfällt", fr: "s. o." }
    N_PASSING { en: "{n} passing", de: "{n} erfüllt", fr: "{n} conformes" }
    PASS { en: "Pass", de: "Erfüllt", fr: "Conforme" }
    FAIL { en: "Fail", de: "Nicht erfüllt", fr: "Non conforme" }
    SELECT_SERVICE { en: "Select {name}", de: "{name} auswählen", fr: "Sélectionner {name}" }
    WHY { en: "Why", de: "Warum", fr: "Pourquoi" }
    FIX { en: "Fix", de: "Beheben", fr: "Corriger" }
    FIX_RULE { en: "Fix: {title}", de: "Beheben: {title}", fr: "Corriger : {title}" }
    NOTHING_TO_FIX {
        en: "This rule has nothing left to fix.",
        de: "Bei dieser Regel gibt es nichts mehr zu beheben.",
        fr: "Cette règle n'a plus rien à corriger.",
    }

    // Resources (resources.rs).
    RESOURCES { en: "Resources", de: "Ressourcen", fr: "Ressources" }
    WARNINGS { en: "Warnings", de: "Warnungen", fr: "Avertissements" }
    WARNING { en: "Warning", de: "Warnung", fr: "Avertissement" }
    NOTE { en: "Note", de: "Hinweis", fr: "Remarque" }
    PLAN_HOLDS {
        en: "The plan holds: nothing to warn about.",
        de: "Der Plan geht auf: keine Warnungen.",
        fr: "Le plan tient : rien à signaler.",
    }

    // Budget and node size (plan_settings.rs).
    BUDGET_AND_NODE { en: "Budget and node size", de: "Budget und Knotengröße", fr: "Budget et taille des nœuds" }
    HOST_CPU { en: "Host CPU", de: "Host-CPU", fr: "CPU de l'hôte" }
    HOST_MEMORY { en: "Host memory", de: "Host-RAM", fr: "Mémoire de l'hôte" }
    HOST_DISK { en: "Host disk", de: "Host-Festplatte", fr: "Disque de l'hôte" }
    NODE_CPU { en: "Node CPU", de: "Knoten-CPU", fr: "CPU du nœud" }
    NODE_MEMORY { en: "Node memory", de: "Knoten-RAM", fr: "Mémoire du nœud" }
    UNIT_CPU { en: "CPU", de: "CPU", fr: "CPU" }
    UNIT_GB { en: "GB", de: "GB", fr: "Go" }

    // Totals (totals_table.rs) and chart (tier_chart.rs).
    TOTALS_CAPTION { en: "Totals per environment", de: "Summen pro Umgebung", fr: "Totaux par environnement" }
    CONTAINERS { en: "Containers", de: "Container", fr: "Conteneurs" }
    CPU_RESERVED { en: "CPU reserved", de: "CPU reserviert", fr: "CPU réservé" }
    CPU_LIMITS { en: "CPU limits", de: "CPU-Limits", fr: "Limites CPU" }
    MEMORY_RESERVED { en: "Memory reserved", de: "RAM reserviert", fr: "Mémoire réservée" }
    MEMORY_LIMITS { en: "Memory limits", de: "RAM-Limits", fr: "Limites mémoire" }
    STORAGE { en: "Storage", de: "Speicherplatz", fr: "Stockage" }
    FREE_CPU { en: "Free CPU", de: "Freie CPU", fr: "CPU libre" }
    FREE_MEMORY { en: "Free memory", de: "Freier RAM", fr: "Mémoire libre" }
    FREE_DISK { en: "Free disk", de: "Freier Speicherplatz", fr: "Disque libre" }
    PLUS_UNBOUNDED { en: " + {n} unbounded", de: " + {n} unbegrenzt", fr: " + {n} sans limite" }
    PERCENT { en: "{p}%", de: "{p} %", fr: "{p} %" }
    N_CPU { en: "{n} CPU", de: "{n} CPU", fr: "{n} CPU" }
    N_GB { en: "{n} GB", de: "{n} GB", fr: "{n} Go" }
    CHART_TITLE { en: "{name} · budget {value}", de: "{name} · Budget {value}", fr: "{name} · budget {value}" }
    CHART_LABEL {
        en: "Resources per tier and environment against the budget",
        de: "Ressourcen pro Schicht und Umgebung im Vergleich zum Budget",
        fr: "Ressources par tier et par environnement face au budget",
    }
    BUDGET { en: "budget", de: "Budget", fr: "budget" }

    // Cluster (cluster_view.rs).
    CLUSTER_PROD { en: "Cluster (prod)", de: "Cluster (Prod)", fr: "Cluster (prod)" }
    CLUSTER_STAGING { en: "Staging: {summary}", de: "Staging: {summary}", fr: "Staging : {summary}" }
    NODE_N { en: "Node {n}", de: "Knoten {n}", fr: "Nœud {n}" }
    ONE_NODE { en: "1 node", de: "1 Knoten", fr: "1 nœud" }
    N_NODES { en: "{n} nodes", de: "{n} Knoten", fr: "{n} nœuds" }
    CLUSTER_SUMMARY {
        en: "{nodes} of {cpu} CPU · {memory} packed by {basis} (at least {min} needed",
        de: "{nodes} mit {cpu} CPU · {memory}, gepackt nach {basis} (mindestens {min} nötig",
        fr: "{nodes} de {cpu} CPU · {memory} remplis selon les {basis} (au moins {min} nécessaires",
    }
    BASIS_RESERVATIONS { en: "reservations", de: "Reservierungen", fr: "réservations" }
    BASIS_LIMITS { en: "limits", de: "Limits", fr: "limites" }
    SPREADING_ADDS {
        en: "; spreading replicas adds {n}",
        de: "; das Verteilen der Replikas fügt {n} hinzu",
        fr: " ; répartir les réplicas en ajoute {n}",
    }
    FIRST_DRAWN {
        en: "; the first {n} are drawn",
        de: "; die ersten {n} sind gezeichnet",
        fr: " ; les {n} premiers sont dessinés",
    }
    EXCEEDS_NODE {
        en: "one replica is larger than a node",
        de: "ein Replika ist größer als ein Knoten",
        fr: "un réplica est plus grand qu'un nœud",
    }
    PACKING_CAPPED {
        en: "the planner's packing cap was reached",
        de: "die Packgrenze des Planers wurde erreicht",
        fr: "la limite de remplissage du planificateur est atteinte",
    }

    // Files (files.rs).
    FILES { en: "Files", de: "Dateien", fr: "Fichiers" }
    ONE_FILE { en: "1 file", de: "1 Datei", fr: "1 fichier" }
    N_FILES { en: "{n} files", de: "{n} Dateien", fr: "{n} fichiers" }
    COPY { en: "Copy", de: "Kopieren", fr: "Copier" }
    COPIED { en: "Copied.", de: "Kopiert.", fr: "Copié." }
    COPY_FAILED {
        en: "Could not copy: {why}. Select the text and press Ctrl+C.",
        de: "Kopieren nicht möglich: {why}. Markieren Sie den Text und drücken Sie Strg+C.",
        fr: "Copie impossible : {why}. Sélectionnez le texte et appuyez sur Ctrl+C.",
    }
    NO_FILES_TO_SHOW { en: "No files to show.", de: "Keine Dateien anzuzeigen.", fr: "Aucun fichier à afficher." }
    CONTENTS_OF { en: "Contents of {path}", de: "Inhalt von {path}", fr: "Contenu de {path}" }
    NO_FILES_YET {
        en: "The generator has no files for this design yet.",
        de: "Der Generator hat für diesen Entwurf noch keine Dateien.",
        fr: "Le générateur n'a pas encore de fichiers pour cette architecture.",
    }
    PROJECT_FILES { en: "Project files", de: "Projektdateien", fr: "Fichiers du projet" }
    GENERATING { en: "Generating the project…", de: "Das Projekt wird generiert …", fr: "Génération du projet…" }
    GENERATION_FAILED {
        en: "Could not generate the project: {why}",
        de: "Das Projekt ließ sich nicht generieren: {why}",
        fr: "Impossible de générer le projet : {why}",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(super::ALL);
    }
}
