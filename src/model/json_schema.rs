//! The JSON Schema of design files (`schema/tierboard.schema.json`), derived from the model's
//! own types with schemars, so the schema cannot drift from what `Design::from_json` accepts:
//! field names, enums, defaults and the refusal of unknown keys (`additionalProperties: false`)
//! all come from the same serde attributes. The doc comments become the descriptions editors
//! show on hover.
//!
//! Native only (the CLI's `tierboard schema`); the wasm build has no schemars. The committed
//! file is checked against this function by a test (`UPDATE_GOLDEN=1 cargo test --lib
//! json_schema` rewrites it), and `scripts/validate-schema.py` checks that it accepts every
//! pattern and fixture design file and rejects known bad ones.

use super::{Design, SCHEMA_URL};
use schemars::gen::SchemaSettings;

/// The schema as pretty JSON ending with a newline (draft-07, which VS Code and JetBrains read).
pub fn json_schema() -> String {
    let mut root = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Design>();
    let meta = root.schema.metadata();
    meta.id = Some(SCHEMA_URL.to_string());
    meta.title = Some("Tierboard design file".to_string());
    meta.description = Some(
        "A board designed in Tierboard (*.tierboard.json): services in three tiers, the links \
         between them and the settings the planner and the generator read."
            .to_string(),
    );
    let mut text = serde_json::to_string_pretty(&root).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMITTED: &str = include_str!("../../schema/tierboard.schema.json");

    #[test]
    fn the_committed_schema_is_current() {
        let fresh = json_schema();
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/tierboard.schema.json");
            std::fs::write(path, &fresh).expect("write the schema");
            return;
        }
        assert!(
            fresh == COMMITTED,
            "schema/tierboard.schema.json is stale: run `UPDATE_GOLDEN=1 cargo test --lib \
             json_schema` (or `tierboard schema > schema/tierboard.schema.json`)"
        );
    }

    #[test]
    fn the_schema_names_itself_and_refuses_unknown_keys() {
        let schema: serde_json::Value = serde_json::from_str(&json_schema()).expect("JSON");
        assert_eq!(schema["$id"], SCHEMA_URL);
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(schema["required"], serde_json::json!(["name"]));
        assert_eq!(schema["properties"]["$schema"]["type"], "string");
        let service = &schema["definitions"]["Service"];
        assert_eq!(service["additionalProperties"], false);
        assert!(service["properties"]["healthcheck"].is_object());
    }
}
