//! Words several areas share: the tier names (the model's, `Tier::name`) and the buttons every
//! dialog and banner has.

use crate::i18n::Text;
use crate::model::Tier;

crate::texts! {
    CLOSE { en: "Close", de: "Schließen", fr: "Fermer" }
    DISMISS { en: "Dismiss", de: "Ausblenden", fr: "Masquer" }
    OPEN { en: "Open", de: "Öffnen", fr: "Ouvrir" }
    DELETE { en: "Delete", de: "Löschen", fr: "Supprimer" }
}

/// The name of `tier` (the lane's heading, the palette's group).
pub const fn tier(tier: Tier) -> Text {
    tier.name()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn texts_are_well_formed() {
        crate::i18n::assert_well_formed(ALL);
    }

    #[test]
    fn english_tier_names_are_the_models_labels() {
        for t in Tier::ALL {
            assert_eq!(tier(t).get(Lang::En), t.label());
        }
        assert_eq!(tier(Tier::Data).get(Lang::De), "Daten");
        assert_eq!(tier(Tier::Data).get(Lang::Fr), "Données");
    }
}
