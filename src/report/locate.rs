//! Where a finding lies in the files a person gave `tierboard check`: the file and line that
//! define a service (or the compose key a rule is about), so that code scanning annotates the
//! right line.
//!
//! serde_yaml and serde_json give no positions, so this is a small line scanner of its own. It
//! reads block-style compose YAML only as far as it needs: the top-level `services:` key, the
//! service keys one level below it and each service's own keys one level further. Anything it
//! cannot read (flow style, odd indentation) degrades to a coarser place — the service line, the
//! `services:` line, line 1 — never to an error: a location is a convenience, the check stands
//! without it. Design files are pretty JSON; a service is found by its `"name"` member.
//!
//! Which file: with a base and overrides (`-f a -f b`), a finding about a key points at the
//! last file that sets that key (the value compose uses); a finding about a service as a whole
//! points at the first file defining it. Files that `include:` pulled in are searched after
//! the files given.

use crate::model::slug;

/// A place in an input file: its path as given and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub line: usize,
}

/// The inputs of one check, indexed once; ask it where services and keys are.
#[derive(Debug, Clone, Default)]
pub struct Locator {
    files: Vec<FileIndex>,
}

#[derive(Debug, Clone)]
struct FileIndex {
    path: String,
    /// The line design-level findings point at: `services:` in compose files, 1 otherwise.
    top: usize,
    services: Vec<ServiceEntry>,
}

#[derive(Debug, Clone)]
struct ServiceEntry {
    name: String,
    line: usize,
    /// The service's own keys and their lines (compose only).
    keys: Vec<(String, usize)>,
}

impl Locator {
    /// Compose files, `(path, text)`, in the order they merge (base, overrides, then included
    /// files).
    pub fn compose(files: &[(String, String)]) -> Self {
        Locator {
            files: files
                .iter()
                .map(|(path, text)| compose_index(path, text))
                .collect(),
        }
    }

    /// A design file (`*.tierboard.json`).
    pub fn design(path: &str, text: &str) -> Self {
        Locator {
            files: vec![design_index(path, text)],
        }
    }

    /// Where a design-level finding goes: the first file's `services:` line (compose) or its
    /// first line (a design file); `None` without input files.
    pub fn design_level(&self) -> Option<Location> {
        let first = self
            .files
            .iter()
            .find(|f| f.top > 1 || !f.services.is_empty())
            .or(self.files.first())?;
        Some(Location {
            path: first.path.clone(),
            line: first.top,
        })
    }

    /// Where service `name` is defined; with `keys` (the compose keys the finding is about, in
    /// order of preference), the line of the first of them the service sets, in the last file
    /// that sets it. Falls back to the service line, then to [`Locator::design_level`].
    pub fn service(&self, name: &str, keys: &[&str]) -> Option<Location> {
        for key in keys {
            for file in self.files.iter().rev() {
                let Some(entry) = file.find(name) else {
                    continue;
                };
                if let Some((_, line)) = entry.keys.iter().find(|(k, _)| k == key) {
                    return Some(Location {
                        path: file.path.clone(),
                        line: *line,
                    });
                }
            }
        }
        self.files
            .iter()
            .find_map(|file| {
                file.find(name).map(|entry| Location {
                    path: file.path.clone(),
                    line: entry.line,
                })
            })
            .or_else(|| self.design_level())
    }
}

impl FileIndex {
    /// The service of that design name: the same key, else the same slug (the importer renames
    /// services whose compose name the model cannot hold).
    fn find(&self, name: &str) -> Option<&ServiceEntry> {
        self.services.iter().find(|s| s.name == name).or_else(|| {
            let key = slug(name);
            self.services.iter().find(|s| slug(&s.name) == key)
        })
    }
}

/// One line's mapping key: its indentation and the key, unquoted. `None` for blank lines,
/// comments, sequence items and lines that are not `key:` pairs.
fn yaml_key(line: &str) -> Option<(usize, String)> {
    let body = line.trim_start_matches(' ');
    let indent = line.len() - body.len();
    let key = match body.chars().next()? {
        '#' | '-' | '{' | '[' | '\t' => return None,
        q @ ('"' | '\'') => {
            let rest = &body[1..];
            let end = rest.find(q)?;
            if !rest[end + 1..].trim_start().starts_with(':') {
                return None;
            }
            rest[..end].to_string()
        }
        _ => {
            // `key:` ends the line or is followed by a space (`image: x`, `web: &anchor`).
            let end = body
                .char_indices()
                .find(|&(i, c)| c == ':' && body[i + 1..].chars().next().is_none_or(|n| n == ' '))
                .map(|(i, _)| i)?;
            body[..end].trim_end().to_string()
        }
    };
    (!key.is_empty()).then_some((indent, key))
}

/// Whether a line carries nothing (blank, a comment, a document marker).
fn is_blank(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn compose_index(path: &str, text: &str) -> FileIndex {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut index = FileIndex {
        path: path.to_string(),
        top: 1,
        services: Vec::new(),
    };
    let Some(start) = lines
        .iter()
        .position(|l| yaml_key(l).is_some_and(|(i, k)| i == 0 && k == "services"))
    else {
        return index;
    };
    index.top = start + 1;
    // The services block: every line after `services:` up to the next top-level line.
    let end = (start + 1..lines.len())
        .find(|&i| !is_blank(lines[i]) && indent_of(lines[i]) == 0)
        .unwrap_or(lines.len());
    let block = start + 1..end;
    let Some(service_indent) = block
        .clone()
        .find(|&i| !is_blank(lines[i]))
        .map(|i| indent_of(lines[i]))
    else {
        return index;
    };
    for i in block.clone() {
        if is_blank(lines[i]) || indent_of(lines[i]) != service_indent {
            continue;
        }
        let Some((_, name)) = yaml_key(lines[i]) else {
            continue;
        };
        // The service's own keys sit at the indentation of its first content line.
        let body_end = (i + 1..end)
            .find(|&j| !is_blank(lines[j]) && indent_of(lines[j]) <= service_indent)
            .unwrap_or(end);
        let key_indent = (i + 1..body_end)
            .find(|&j| !is_blank(lines[j]))
            .map(|j| indent_of(lines[j]));
        let keys = (i + 1..body_end)
            .filter_map(|j| {
                let (indent, key) = yaml_key(lines[j])?;
                (Some(indent) == key_indent).then_some((key, j + 1))
            })
            .collect();
        index.services.push(ServiceEntry {
            name,
            line: i + 1,
            keys,
        });
    }
    index
}

/// Services of a design file: the lines of their `"name"` members (the service's, not an
/// image's: the first `"name"` after `"services"` fixes the indentation services use).
fn design_index(path: &str, text: &str) -> FileIndex {
    let mut index = FileIndex {
        path: path.to_string(),
        top: 1,
        services: Vec::new(),
    };
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines
        .iter()
        .position(|l| l.trim_start().starts_with("\"services\""))
    else {
        return index;
    };
    let mut name_indent = None;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        let body = line.trim_start();
        let Some(rest) = body.strip_prefix("\"name\"") else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix(':') else {
            continue;
        };
        let indent = line.len() - body.len();
        if *name_indent.get_or_insert(indent) != indent {
            continue;
        }
        let value = value.trim().trim_end_matches(',');
        if let Ok(name) = serde_json::from_str::<String>(value) {
            index.services.push(ServiceEntry {
                name,
                line: i + 1,
                keys: Vec::new(),
            });
        }
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "\
# shop
name: shop
services:
  web:
    image: nginx:1.27
    ports:
      - '8080:80'
    depends_on: [api]

  'api':
    build: ./api
    # a comment at key level
    environment:
      MODE: |
        healthcheck: not a key
    healthcheck:
      test: [CMD, true]
volumes:
  data: {}
";

    const OVERRIDE: &str = "services:\n    api:\n        healthcheck:\n            disable: true\n";

    fn at(path: &str, line: usize) -> Option<Location> {
        Some(Location {
            path: path.into(),
            line,
        })
    }

    fn files() -> Vec<(String, String)> {
        vec![
            ("compose.yml".into(), BASE.into()),
            ("compose.override.yml".into(), OVERRIDE.into()),
        ]
    }

    #[test]
    fn a_service_is_found_at_its_key_line() {
        let l = Locator::compose(&files());
        assert_eq!(l.service("web", &[]), at("compose.yml", 4));
        assert_eq!(l.service("api", &[]), at("compose.yml", 10));
    }

    #[test]
    fn a_key_is_found_in_the_last_file_that_sets_it() {
        let l = Locator::compose(&files());
        assert_eq!(l.service("web", &["ports"]), at("compose.yml", 6));
        assert_eq!(
            l.service("api", &["healthcheck"]),
            at("compose.override.yml", 3)
        );
        assert_eq!(l.service("api", &["environment"]), at("compose.yml", 13));
        // Keys tried in order; the first the service sets wins.
        assert_eq!(
            l.service("web", &["pids_limit", "depends_on"]),
            at("compose.yml", 8)
        );
    }

    #[test]
    fn a_missing_key_points_at_the_service_and_a_missing_service_at_services() {
        let l = Locator::compose(&files());
        assert_eq!(l.service("web", &["healthcheck"]), at("compose.yml", 4));
        assert_eq!(l.service("ghost", &["image"]), at("compose.yml", 3));
        assert_eq!(l.design_level(), at("compose.yml", 3));
    }

    #[test]
    fn block_scalars_and_nested_keys_are_not_services_or_keys() {
        let l = Locator::compose(&files());
        // `healthcheck: not a key` inside the block scalar is deeper than api's keys.
        assert_eq!(l.service("api", &["healthcheck"]).map(|l| l.line), Some(3));
        assert_eq!(l.service("test", &[]), at("compose.yml", 3));
        assert_eq!(l.service("data", &[]), at("compose.yml", 3));
    }

    #[test]
    fn renamed_services_are_found_by_slug_and_included_files_are_searched() {
        let files = vec![
            ("compose.yml".into(), "include:\n  - db.yml\n".into()),
            (
                "db.yml".into(),
                "services:\n  Postgres.DB:\n    image: postgres:17\n".into(),
            ),
        ];
        let l = Locator::compose(&files);
        assert_eq!(l.service("postgres-db", &["image"]), at("db.yml", 3));
        assert_eq!(l.design_level(), at("db.yml", 1));
    }

    #[test]
    fn unreadable_yaml_degrades_to_line_one() {
        for text in [
            "{services: {a: {image: b}}}",
            "",
            "services: {}",
            "\tservices:\n",
        ] {
            let l = Locator::compose(&[("c.yml".into(), text.into())]);
            assert_eq!(
                l.service("a", &["image"]).map(|l| l.path),
                Some("c.yml".into())
            );
        }
        assert_eq!(Locator::default().service("a", &[]), None);
    }

    #[test]
    fn design_files_locate_services_by_their_name_member() {
        let text = "{\n  \"name\": \"shop\",\n  \"services\": [\n    {\n      \"id\": 1,\n      \
                    \"name\": \"db\",\n      \"image\": {\n        \"name\": \"web\",\n        \
                    \"tag\": \"1\"\n      }\n    },\n    {\n      \"id\": 2,\n      \"name\": \"web\"\n    }\n  ]\n}\n";
        let l = Locator::design("shop.tierboard.json", text);
        assert_eq!(l.service("db", &["image"]), at("shop.tierboard.json", 6));
        assert_eq!(l.service("web", &[]), at("shop.tierboard.json", 14));
        assert_eq!(l.design_level(), at("shop.tierboard.json", 1));
    }
}
