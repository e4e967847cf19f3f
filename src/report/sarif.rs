//! SARIF 2.1.0 (OASIS): the format code-scanning services read. One `reportingDescriptor` per
//! checklist rule (all of them, so a rule that passes today keeps its id and help text in the
//! service's rule list), one `result` per failing rule and service, located at the line that
//! defines the service or the key the rule is about.
//!
//! Checked against the official schema (`schema/sarif-schema-2.1.0.json`) for every corpus file
//! by `scripts/validate-reports.py`. GitHub specifics honoured here: a stable
//! `partialFingerprints` per rule and service (so an alert survives unrelated edits), and
//! `security-severity` on security rules (GitHub ranks those as security alerts).

use super::{places, title};
use crate::i18n::Lang;
use crate::report::Locator;
use crate::rules::{Category, Report, Rule, Severity, RULES};
use serde::Serialize;

/// Where people read about the tool (the SARIF `informationUri`).
pub const INFORMATION_URI: &str = "https://github.com/tierboard/tierboard";

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    results: Vec<SarifResult>,
    column_kind: &'static str,
    properties: RunProperties<'a>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    category: &'static str,
    severity: &'static str,
    /// The seed item, KICS query or CIS recommendation the rule implements.
    source: &'static str,
    tags: Vec<&'static str>,
    precision: &'static str,
    #[serde(rename = "security-severity", skip_serializing_if = "Option::is_none")]
    security_severity: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<SarifLocation>,
    partial_fingerprints: Fingerprints,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "tierboard/v1")]
    tierboard: String,
}

#[derive(Serialize)]
struct RunProperties<'a> {
    score: u8,
    categories: Vec<CategoryScore<'a>>,
}

#[derive(Serialize)]
struct CategoryScore<'a> {
    category: &'a str,
    score: Option<u8>,
}

/// The SARIF level of a severity: high rules are errors, medium warnings, low notes.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub's 0-10 `security-severity` (high ≥ 7, medium ≥ 4), for security rules only.
fn security_severity(rule: &Rule) -> Option<&'static str> {
    (rule.category == Category::Security).then_some(match rule.severity {
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    })
}

/// `pinned-image-tags` → `PinnedImageTags` (SARIF's human-readable rule name).
fn pascal(id: &str) -> String {
    id.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// A relative path as a URI reference: `/` separators, `./` dropped, reserved bytes
/// percent-encoded. Absolute paths become `file://` URIs.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let trimmed = path.trim_start_matches("./");
    let mut out = String::new();
    let absolute = trimmed.starts_with('/') || trimmed.as_bytes().get(1) == Some(&b':');
    if absolute {
        out.push_str("file://");
        if !trimmed.starts_with('/') {
            out.push('/');
        }
    }
    for b in trimmed.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (absolute && b == b':') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn descriptor(rule: &Rule, lang: Lang) -> Descriptor {
    Descriptor {
        id: rule.id,
        name: pascal(rule.id),
        short_description: Text {
            text: title(rule, lang).to_string(),
        },
        full_description: Text {
            text: rule.why.get(lang).to_string(),
        },
        help: Text {
            text: format!("{}\n\nSource: {}", rule.why.get(lang), rule.source),
        },
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: RuleProperties {
            category: rule.category.id(),
            severity: rule.severity.id(),
            source: rule.source,
            tags: vec!["tierboard", rule.category.id()],
            precision: "high",
            security_severity: security_severity(rule),
        },
    }
}

/// The SARIF log of a check: pretty JSON ending with a newline.
pub fn sarif(report: &Report, locator: &Locator, lang: Lang) -> String {
    let mut results = Vec::new();
    for result in report.findings() {
        let Some(rule_index) = RULES.iter().position(|r| r.id == result.rule) else {
            continue;
        };
        let places = places(result, locator);
        let subjects: Vec<(Option<String>, Option<super::Location>)> = if places.is_empty() {
            vec![(None, None)]
        } else {
            places.into_iter().map(|(s, l)| (s, Some(l))).collect()
        };
        for (service, location) in subjects {
            let text = match &service {
                Some(name) => format!("{}: {} ({})", name, result.message(lang), result.rule),
                None => format!("{} ({})", result.message(lang), result.rule),
            };
            results.push(SarifResult {
                rule_id: result.rule,
                rule_index,
                level: level(result.severity),
                message: Text { text },
                locations: location
                    .map(|l| SarifLocation {
                        physical_location: PhysicalLocation {
                            artifact_location: ArtifactLocation { uri: uri(&l.path) },
                            region: Region {
                                start_line: l.line.max(1),
                            },
                        },
                    })
                    .into_iter()
                    .collect(),
                partial_fingerprints: Fingerprints {
                    tierboard: format!("{}:{}", result.rule, service.as_deref().unwrap_or("")),
                },
            });
        }
    }
    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "tierboard",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules: RULES.iter().map(|r| descriptor(r, lang)).collect(),
                },
            },
            results,
            column_kind: "unicodeCodePoints",
            properties: RunProperties {
                score: report.score,
                categories: report
                    .categories
                    .iter()
                    .map(|c| CategoryScore {
                        category: c.category.id(),
                        score: c.score,
                    })
                    .collect(),
            },
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{instantiate, pattern};
    use crate::rules::check;
    use serde_json::Value;

    fn compose() -> (String, Locator) {
        let text = "services:\n  web:\n    image: nginx:latest\n    privileged: true\n";
        let design = crate::import::compose(&[("compose.yml".into(), text.into())])
            .expect("imports")
            .design;
        let locator = Locator::compose(&[("compose.yml".into(), text.into())]);
        (sarif(&check(&design), &locator, Lang::En), locator)
    }

    fn results(log: &Value) -> &Vec<Value> {
        log["runs"][0]["results"].as_array().expect("results")
    }

    #[test]
    fn every_rule_is_described_once_in_panel_order() {
        let (text, _) = compose();
        let log: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(log["version"], "2.1.0");
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules");
        let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
        let expected: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids, expected);
        for (r, rule) in rules.iter().zip(RULES) {
            assert_eq!(r["shortDescription"]["text"], title(rule, Lang::En));
            assert_eq!(r["properties"]["source"], rule.source);
            assert!(r["help"]["text"]
                .as_str()
                .is_some_and(|h| h.contains(rule.why.en)));
        }
        for r in results(&log) {
            let index = r["ruleIndex"].as_u64().expect("index") as usize;
            assert_eq!(rules[index]["id"], r["ruleId"]);
        }
    }

    #[test]
    fn results_point_at_the_key_the_rule_is_about() {
        let (text, _) = compose();
        let log: Value = serde_json::from_str(&text).expect("json");
        let line_of = |rule: &str| {
            results(&log).iter().find(|r| r["ruleId"] == rule).map(|r| {
                let loc = &r["locations"][0]["physicalLocation"];
                (
                    loc["artifactLocation"]["uri"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                    loc["region"]["startLine"].as_u64().unwrap_or(0),
                )
            })
        };
        assert_eq!(
            line_of("pinned-image-tags"),
            Some(("compose.yml".into(), 3))
        );
        assert_eq!(line_of("no-privileged"), Some(("compose.yml".into(), 4)));
        // No healthcheck key: the annotation sits on the service.
        assert_eq!(line_of("healthchecks"), Some(("compose.yml".into(), 2)));
        let privileged = results(&log)
            .iter()
            .find(|r| r["ruleId"] == "no-privileged")
            .expect("fails");
        assert_eq!(privileged["level"], "error");
        assert_eq!(
            privileged["partialFingerprints"]["tierboard/v1"],
            "no-privileged:web"
        );
    }

    #[test]
    fn one_result_per_failing_rule_and_service_deterministically() {
        let design = instantiate(pattern("microservices").expect("a pattern"));
        let locator = Locator::design("d.tierboard.json", &crate::share::to_file(&design));
        let a = sarif(&check(&design), &locator, Lang::En);
        assert_eq!(a, sarif(&check(&design), &locator, Lang::En));
        let log: Value = serde_json::from_str(&a).expect("json");
        assert_eq!(
            results(&log).len(),
            check(&design)
                .findings()
                .map(|r| r.services.len().max(1))
                .sum::<usize>()
        );
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("./deploy/compose.yml"), "deploy/compose.yml");
        assert_eq!(uri("my stack\\compose.yml"), "my%20stack/compose.yml");
        assert_eq!(uri("/srv/a b.yml"), "file:///srv/a%20b.yml");
        assert_eq!(uri("C:\\x\\c.yml"), "file:///C:/x/c.yml");
        assert_eq!(pascal("pinned-image-tags"), "PinnedImageTags");
    }
}
