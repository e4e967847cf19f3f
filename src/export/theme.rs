//! Light or dark: the two colour sets of an exported diagram. Plain data, so the CLI
//! (`--theme`), the generated project (always light) and the web app's export menu pick the same
//! values. The colours are the board's (`style/tokens.css`), so an export looks like the board.

use crate::model::Tier;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 2] = [Theme::Light, Theme::Dark];

    /// `light` / `dark`: the CLI's `--theme` value.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id() == text.trim())
    }

    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }
}

/// A tier's colours: `strong` for titles and card borders (≥ 4.5:1 on the surface), `tint` for
/// the lane, `soft` for the monogram and badges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierColours {
    pub strong: &'static str,
    pub tint: &'static str,
    pub soft: &'static str,
}

/// Every colour the SVG uses (CSS hex values: no parsing, no float formatting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: &'static str,
    pub surface: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    pub border: &'static str,
    pub link: &'static str,
    pub link_async: &'static str,
    pub danger: &'static str,
    pub frontend: TierColours,
    pub backend: TierColours,
    pub data: TierColours,
}

impl Palette {
    pub fn tier(&self, tier: Tier) -> TierColours {
        match tier {
            Tier::Frontend => self.frontend,
            Tier::Backend => self.backend,
            Tier::Data => self.data,
        }
    }

    /// A present healthcheck: the backend green reads as "good" in both themes.
    pub fn healthy(&self) -> &'static str {
        self.backend.strong
    }
}

const LIGHT: Palette = Palette {
    background: "#f3f4f7",
    surface: "#ffffff",
    text: "#1a1f29",
    muted: "#535c6b",
    border: "#b6bdc9",
    link: "#4a5568",
    link_async: "#8a3ffc",
    danger: "#b42318",
    frontend: TierColours {
        strong: "#2f56d0",
        tint: "#eaf0ff",
        soft: "#d6e1ff",
    },
    backend: TierColours {
        strong: "#0b7468",
        tint: "#e4f5f2",
        soft: "#c8ebe5",
    },
    data: TierColours {
        strong: "#a2510a",
        tint: "#fbf1e4",
        soft: "#f5dfc2",
    },
};

const DARK: Palette = Palette {
    background: "#11141a",
    surface: "#1a1e26",
    text: "#e8ebf1",
    muted: "#a3abb9",
    border: "#444d5c",
    link: "#b6bdc9",
    link_async: "#c4a2ff",
    danger: "#ff8a80",
    frontend: TierColours {
        strong: "#93aeff",
        tint: "#171e31",
        soft: "#26325a",
    },
    backend: TierColours {
        strong: "#5fd4c2",
        tint: "#13241f",
        soft: "#1d463e",
    },
    data: TierColours {
        strong: "#f2b46b",
        tint: "#261d13",
        soft: "#4b3519",
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_back() {
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.id()), Some(t));
        }
        assert_eq!(Theme::parse("sepia"), None);
    }

    #[test]
    fn the_themes_differ() {
        assert_ne!(Theme::Light.palette(), Theme::Dark.palette());
    }
}
