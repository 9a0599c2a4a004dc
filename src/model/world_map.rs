//! The world map of resolution pages: each country's outline as an SVG path, by ISO
//! 3166-1 alpha-2 code, and a dot for each Member State too small to draw at that scale.
//! `themes/default/world-map.toml`, converted once from Natural Earth 1:110m and 1:50m
//! (public domain) by `scripts/world-map.mjs`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

const WORLD_MAP: &str = include_str!("../../themes/default/world-map.toml");

#[derive(Debug, Deserialize)]
pub struct WorldMap {
    pub width: u32,
    pub height: u32,
    /// The outline of each country by code; land without a code under a name that
    /// starts with `_`.
    pub shapes: BTreeMap<String, String>,
    /// Where each Member State too small for the outlines is, by code.
    pub dots: BTreeMap<String, [u32; 2]>,
}

static MAP: LazyLock<WorldMap> =
    LazyLock::new(|| toml::from_str(WORLD_MAP).expect("the built-in world map parses"));

pub fn world_map() -> &'static WorldMap {
    &MAP
}

impl WorldMap {
    /// Whether the map shows a country, as an outline or a dot.
    pub fn shows(&self, code: &str) -> bool {
        self.shapes.contains_key(code) || self.dots.contains_key(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::countries::MEMBER_STATES;

    #[test]
    fn every_member_state_has_an_outline_or_a_dot() {
        let map = world_map();
        let missing: Vec<&&str> = MEMBER_STATES.iter().filter(|c| !map.shows(c)).collect();
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn small_states_are_dots_and_former_states_are_not_drawn() {
        let map = world_map();
        for small in ["TV", "NR", "MC", "AD", "LI", "SM", "KN", "MV"] {
            assert!(map.dots.contains_key(small), "{small}");
        }
        for large in ["FR", "RU", "CN", "BR", "US"] {
            assert!(map.shapes.contains_key(large), "{large}");
        }
        for former in ["YU", "CS", "DD", "YD"] {
            assert!(!map.shows(former), "{former}");
        }
        // Every dot lies on the map.
        assert!(
            map.dots
                .values()
                .all(|[x, y]| *x <= map.width && *y <= map.height)
        );
    }

    #[test]
    fn outlines_are_paths_of_whole_numbers() {
        let fr = &world_map().shapes["FR"];
        assert!(fr.starts_with('M') && fr.ends_with('z'));
        assert!(fr.chars().all(|c| "Mlz- 0123456789".contains(c)), "{fr}");
    }
}
