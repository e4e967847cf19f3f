//! JUnit XML, the report CI dashboards (GitLab, Jenkins, Azure DevOps, test-reporter actions)
//! show as a test run: one `<testsuite>` per checklist category, one `<testcase>` per rule.
//! A failing rule is a `<failure>` whose message is the rule's message and whose text lists
//! each service with the file and line defining it; a rule that does not apply is `<skipped>`.
//!
//! Every piece of text passes through [`escape`], so any service name or message gives
//! well-formed XML (characters XML 1.0 cannot carry at all are replaced by U+FFFD).

use super::{places, summary, title};
use crate::i18n::Lang;
use crate::report::Locator;
use crate::rules::{rule, Outcome, Report};
use std::fmt::Write;

/// Text for an XML attribute or element: the five special characters escaped, characters
/// that XML 1.0 forbids replaced, tab and line breaks kept as character references (so that
/// attribute values keep them).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The JUnit XML of a check.
pub fn junit(report: &Report, locator: &Locator, lang: Lang) -> String {
    let count = |o: Outcome| report.results.iter().filter(|r| r.outcome == o).count();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"tierboard check\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">",
        report.results.len(),
        count(Outcome::Fail),
        count(Outcome::NotApplicable)
    );
    let _ = writeln!(
        xml,
        "  <properties>\n    <property name=\"score\" value=\"{}\"/>\n    <property name=\"summary\" value=\"{}\"/>\n  </properties>",
        report.score,
        escape(&summary(report))
    );
    for category in &report.categories {
        let id = category.category.id();
        let of: Vec<_> = report
            .results
            .iter()
            .filter(|r| r.category == category.category)
            .collect();
        let _ = writeln!(
            xml,
            "  <testsuite name=\"{id}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">",
            of.len(),
            category.failed,
            category.not_applicable
        );
        if let Some(score) = category.score {
            let _ = writeln!(
                xml,
                "    <properties>\n      <property name=\"score\" value=\"{score}\"/>\n    </properties>"
            );
        }
        for result in of {
            let name = match rule(result.rule) {
                Some(r) => format!("{}: {}", r.id, title(r, lang)),
                None => result.rule.to_string(),
            };
            // Only a failure has a place worth opening; a passing rule has nothing to show.
            let places = if result.outcome == Outcome::Fail {
                places(result, locator)
            } else {
                Vec::new()
            };
            let location = places
                .first()
                .map(|(_, l)| format!(" file=\"{}\" line=\"{}\"", escape(&l.path), l.line))
                .unwrap_or_default();
            let _ = write!(
                xml,
                "    <testcase classname=\"tierboard.{id}\" name=\"{}\"{location}",
                escape(&name)
            );
            match result.outcome {
                Outcome::Pass => xml.push_str("/>\n"),
                Outcome::NotApplicable => xml
                    .push_str(">\n      <skipped message=\"not applicable\"/>\n    </testcase>\n"),
                Outcome::Fail => {
                    let mut body = String::new();
                    for (service, l) in &places {
                        let _ = writeln!(
                            body,
                            "{}{}:{}",
                            service
                                .as_deref()
                                .map(|s| format!("{s} at "))
                                .unwrap_or_default(),
                            l.path,
                            l.line
                        );
                    }
                    let _ = writeln!(
                        xml,
                        ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                        escape(&result.message(lang)),
                        result.severity.id(),
                        escape(&body)
                    );
                }
            }
        }
        xml.push_str("  </testsuite>\n");
    }
    xml.push_str("</testsuites>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check;

    #[test]
    fn escape_covers_markup_quotes_and_forbidden_characters() {
        assert_eq!(
            escape("a<b>&\"c'\n\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;\u{fffd}"
        );
        assert_eq!(escape("déjà vu"), "déjà vu");
    }

    #[test]
    fn one_suite_per_category_one_case_per_rule() {
        let text = "services:\n  web:\n    image: nginx:latest\n";
        let design = crate::import::compose(&[("c.yml".into(), text.into())])
            .expect("imports")
            .design;
        let report = check(&design);
        let xml = junit(
            &report,
            &Locator::compose(&[("c.yml".into(), text.into())]),
            Lang::En,
        );
        assert_eq!(xml.matches("<testsuite ").count(), 5);
        assert_eq!(xml.matches("<testcase ").count(), crate::rules::RULES.len());
        assert_eq!(xml.matches("<failure ").count(), report.findings().count());
        assert!(
            xml.contains(
                "name=\"pinned-image-tags: Image tags are pinned\" file=\"c.yml\" line=\"3\""
            ),
            "{xml}"
        );
    }
}
