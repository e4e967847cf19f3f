//! The `$schema` member of a design file: the URL of Tierboard's JSON Schema
//! (`schema/tierboard.schema.json`), so that VS Code, JetBrains IDEs and other editors validate
//! and complete a design file as it is typed, with no per-project setting.
//!
//! Every design file Tierboard writes names [`SCHEMA_URL`]; a file may name any other string
//! (an older copy, a local path) or none: the value is never interpreted, so it can never make a
//! file unreadable. The model denies unknown keys, so `$schema` is a field of its own rather than
//! an exception in the reader. It is a unit value: designs compare equal whatever their file
//! named, and share links do not carry it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Where the design file schema is published. A stable placeholder until the project has a
/// home: it is written in one place only, here, and the schema's own `$id` is this URL. Changing
/// it changes what new files name, never what old files mean (the value is not interpreted).
pub const SCHEMA_URL: &str = "https://tierboard.dev/schema/tierboard.schema.json";

/// The `$schema` member: always written as [`SCHEMA_URL`]; any string is accepted on reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SchemaRef;

impl Serialize for SchemaRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(SCHEMA_URL)
    }
}

impl<'de> Deserialize<'de> for SchemaRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string, whatever it says; anything else is a malformed file.
        String::deserialize(deserializer).map(|_| SchemaRef)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for SchemaRef {
    fn schema_name() -> String {
        "SchemaRef".to_string()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::{InstanceType, Metadata, SchemaObject};
        SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            metadata: Some(Box::new(Metadata {
                description: Some(
                    "The JSON Schema of this file, for editors; any string is accepted.".into(),
                ),
                default: Some(SCHEMA_URL.into()),
                ..Metadata::default()
            })),
            ..SchemaObject::default()
        }
        .into()
    }

    fn is_referenceable() -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_needs_no_json_escaping() {
        // Written into every design file: it must read back as itself.
        assert_eq!(
            serde_json::to_string(&SchemaRef).ok(),
            Some(format!("\"{SCHEMA_URL}\""))
        );
        assert!(SCHEMA_URL.starts_with("https://") && SCHEMA_URL.ends_with(".schema.json"));
    }

    #[test]
    fn any_string_is_accepted_and_anything_else_refused() {
        assert_eq!(
            serde_json::from_str::<SchemaRef>("\"./local.json\"").ok(),
            Some(SchemaRef)
        );
        assert!(serde_json::from_str::<SchemaRef>("1").is_err());
        assert!(serde_json::from_str::<SchemaRef>("null").is_err());
    }
}
