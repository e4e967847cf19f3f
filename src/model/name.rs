//! Name rules shared by the editor, the importer and the generators.

use super::texts;
use crate::i18n::{Arg, Lang, Message};
use std::fmt;

/// Why a name was refused; the message is shown next to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong {
        max: usize,
    },
    BadStart(char),
    BadChar(char),
    Taken(String),
    /// The name differs from another service's only in case or in `.`/`-`/`_` at the edges:
    /// both would generate into the same folder.
    Clash {
        name: String,
        other: String,
    },
}

impl NameError {
    /// The reason in any language (`model::texts`).
    pub fn message(&self) -> Message {
        let quoted = |c: &char| Arg::Str(crate::i18n::quote_char(*c));
        match self {
            NameError::Empty => Message::plain(texts::NAME_EMPTY),
            NameError::TooLong { max } => {
                Message::plain(texts::NAME_TOO_LONG).arg("max", Arg::Num(*max as f64, 0))
            }
            NameError::BadStart(c) => Message::plain(texts::NAME_BAD_START).arg("char", quoted(c)),
            NameError::BadChar(c) => Message::plain(texts::NAME_BAD_CHAR).arg("char", quoted(c)),
            NameError::Taken(n) => {
                Message::plain(texts::NAME_TAKEN).arg("name", crate::i18n::quote(n))
            }
            NameError::Clash { name, other } => Message::plain(texts::NAME_CLASH)
                .arg("name", crate::i18n::quote(name))
                .arg("other", crate::i18n::quote(other)),
        }
    }
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

/// Longest service name accepted (DNS label limit: the name becomes a host name on the network).
pub const MAX_SERVICE_NAME: usize = 63;

/// Compose service names: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`.
pub fn check_service_name(name: &str) -> Result<(), NameError> {
    let mut chars = name.chars();
    let first = chars.next().ok_or(NameError::Empty)?;
    if name.chars().count() > MAX_SERVICE_NAME {
        return Err(NameError::TooLong {
            max: MAX_SERVICE_NAME,
        });
    }
    if !first.is_ascii_alphanumeric() {
        return Err(NameError::BadStart(first));
    }
    match chars.find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))) {
        Some(c) => Err(NameError::BadChar(c)),
        None => Ok(()),
    }
}

/// Environment variable names: `[A-Za-z_][A-Za-z0-9_]*` (what `.env` files and shells accept).
pub fn check_env_key(key: &str) -> Result<(), NameError> {
    let mut chars = key.chars();
    let first = chars.next().ok_or(NameError::Empty)?;
    if !(first.is_ascii_alphabetic() || first == '_') {
        return Err(NameError::BadStart(first));
    }
    match chars.find(|c| !(c.is_ascii_alphanumeric() || *c == '_')) {
        Some(c) => Err(NameError::BadChar(c)),
        None => Ok(()),
    }
}

/// A safe path component / identifier from user text: lower-case ASCII letters, digits, `-`, `_`;
/// anything else becomes `-`; never empty, never `.` or `..`, at most 63 characters.
pub fn slug(text: &str) -> String {
    let mut out: String = text
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    out.truncate(63);
    let trimmed = out.trim_matches(|c| c == '-' || c == '_');
    if trimmed.is_empty() {
        "project".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The stem of the `.env` variables named after a service: `users-api` → `USERS_API`; a name
/// that does not start with a letter gets `S_` (`9lives` → `S_9LIVES`), as a variable must. The
/// generators' port and image variables and the importer's image to supply use it.
pub fn env_stem(service: &str) -> String {
    let mut stem: String = service
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if !stem.starts_with(|c: char| c.is_ascii_alphabetic()) {
        stem.insert_str(0, "S_");
    }
    stem
}

/// Two service names clash when they generate into one folder and one image name: the same
/// [`slug`] (`api` and `API`, `a.b` and `a-b`). A design never holds two clashing names.
pub fn names_clash(a: &str, b: &str) -> bool {
    a == b || slug(a) == slug(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_names_follow_the_spec_pattern() {
        for ok in ["db", "users-api", "a.b_c-1", "9lives"] {
            assert_eq!(check_service_name(ok), Ok(()), "{ok}");
        }
        assert_eq!(check_service_name(""), Err(NameError::Empty));
        assert_eq!(check_service_name("-x"), Err(NameError::BadStart('-')));
        assert_eq!(check_service_name("my api"), Err(NameError::BadChar(' ')));
        assert_eq!(check_service_name("a/b"), Err(NameError::BadChar('/')));
        assert_eq!(
            check_service_name(&"a".repeat(64)),
            Err(NameError::TooLong { max: 63 })
        );
    }

    #[test]
    fn env_keys_are_shell_names() {
        assert_eq!(check_env_key("DATABASE_URL"), Ok(()));
        assert_eq!(check_env_key("_X1"), Ok(()));
        assert_eq!(check_env_key("1X"), Err(NameError::BadStart('1')));
        assert_eq!(check_env_key("A-B"), Err(NameError::BadChar('-')));
    }
}
