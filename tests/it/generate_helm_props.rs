//! Property tests of the chart's values for open-ended user text: service names always become
//! distinct DNS labels, and environment values without compose variables reach `values.yaml`
//! exactly (the YAML 1.1-safe writer never changes a string).

use proptest::prelude::*;
use serde_yaml::Value;
use tierboard::generate::project;
use tierboard::model::{Design, EnvVar, Service, ServiceId, Tier};

fn values_of(design: &Design) -> Value {
    let files = project(design);
    let text = &files
        .iter()
        .find(|f| f.path.ends_with("/values.yaml"))
        .expect("values.yaml")
        .contents;
    serde_yaml::from_str(text).expect("values.yaml parses")
}

fn is_dns_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn service_names_become_distinct_dns_labels(names in prop::collection::vec("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,30}", 1..6)) {
        let mut d = Design::new("props");
        for (i, n) in names.iter().enumerate() {
            if d.service_by_name(n).is_none() {
                d.services.push(Service::new(ServiceId(i as u32 + 1), n.clone(), "custom", Tier::Backend));
            }
        }
        let v = values_of(&d);
        let keys: Vec<String> = v["components"].as_mapping().unwrap().keys().map(|k| k.as_str().unwrap().to_string()).collect();
        prop_assert_eq!(keys.len(), d.services.len());
        for k in &keys {
            prop_assert!(is_dns_label(k), "{k}");
        }
    }

    #[test]
    fn plain_env_values_reach_the_values_file_unchanged(value in "[ -#%-~]{0,40}") {
        // No `$` (compose variables are converted on purpose), any other printable ASCII.
        let mut d = Design::new("props");
        let mut s = Service::new(ServiceId(1), "api", "custom", Tier::Backend);
        s.environment.push(EnvVar::plain("SETTING", value.clone()));
        d.services.push(s);
        let v = values_of(&d);
        prop_assert_eq!(v["components"]["api"]["env"][0]["value"].as_str(), Some(value.as_str()));
    }
}
