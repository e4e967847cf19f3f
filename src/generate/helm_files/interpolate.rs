//! Compose-level text to what Kubernetes and a container shell expect.
//!
//! Strings in the model are compose text: `$$` is a literal dollar, `${VAR}` (with `:-default`,
//! `-default`, `:?err`, `?err`, `:+alt`, `+alt`) and `$VAR` are filled by compose from `.env`.
//! A cluster has no `.env`, so:
//! - in environment values and container arguments (where Kubernetes itself expands `$(VAR)`),
//!   a variable the container defines earlier becomes `$(VAR)`; otherwise its default is used;
//!   with neither it becomes empty and is reported (the chart README lists it);
//! - in a `CMD-SHELL` healthcheck the line runs under `sh -c`, which expands `${VAR}` from the
//!   container's own environment at run time: only `$$` is resolved;
//! - a literal `$(` is written `$$(` where Kubernetes would otherwise expand it.

use crate::model::interpolation::{self, Operator};

/// A piece of compose text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    /// `${name...}` or `$name`: `default` is the text after `:-`/`-` (also used for `:+`/`+`,
    /// whose text applies when the variable is set).
    Var {
        name: String,
        default: Option<String>,
        raw: String,
    },
}

/// `text` in pieces, from the one tokenizer (`model::interpolation`): `$$` becomes literal text
/// `$`; a reference keeps its argument as the default for `:-`/`-` and `:+`/`+`.
fn parse(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut lit = String::new();
    for piece in interpolation::pieces(text) {
        match piece {
            interpolation::Piece::Text(t) => lit.push_str(t),
            interpolation::Piece::Dollar => lit.push('$'),
            interpolation::Piece::Var(v) => {
                if !lit.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut lit)));
                }
                let default = match v.operator {
                    Some((Operator::Default | Operator::Alternative, _)) => {
                        Some(v.argument.to_string())
                    }
                    _ => None,
                };
                out.push(Piece::Var {
                    name: v.name.to_string(),
                    default,
                    raw: v.raw.to_string(),
                });
            }
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Text(lit));
    }
    out
}

/// Literal text for a field Kubernetes expands: `$(` must be written `$$(`.
fn escape_k8s(text: &str) -> String {
    text.replace("$(", "$$(")
}

/// An environment value or container argument. `defined(name)` says whether the container
/// defines `name` before this point. Returns the text and the variables that had to be dropped.
pub fn for_kubernetes(text: &str, defined: &dyn Fn(&str) -> bool) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut dropped = Vec::new();
    for piece in parse(text) {
        match piece {
            Piece::Text(t) => out.push_str(&escape_k8s(&t)),
            Piece::Var { name, default, .. } => {
                if !name.is_empty() && defined(&name) {
                    out.push_str(&format!("$({name})"));
                } else if let Some(d) = default {
                    out.push_str(&escape_k8s(&for_kubernetes(&d, defined).0));
                } else {
                    dropped.push(name);
                }
            }
        }
    }
    (out, dropped)
}

/// An exec-form argument nobody expands (probe commands): compose's own result with an empty
/// environment, i.e. `$$` as `$` and variables as their defaults.
pub fn literal(text: &str) -> String {
    parse(text)
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t,
            Piece::Var { default, .. } => default.map(|d| literal(&d)).unwrap_or_default(),
        })
        .collect()
}

/// A shell line (`CMD-SHELL`): `$$` becomes `$`, variables are left for the shell.
pub fn shell_line(text: &str) -> String {
    parse(text)
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t,
            Piece::Var { raw, .. } => raw,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k8s(text: &str, defined: &[&str]) -> (String, Vec<String>) {
        for_kubernetes(text, &|n| defined.contains(&n))
    }

    #[test]
    fn double_dollars_are_literal_dollars() {
        assert_eq!(k8s("pa$$word", &[]).0, "pa$word");
        assert_eq!(
            shell_line("pg_isready -U \"$${POSTGRES_USER}\""),
            "pg_isready -U \"${POSTGRES_USER}\""
        );
    }

    #[test]
    fn container_variables_become_kubernetes_references() {
        assert_eq!(
            k8s("http://x:${PORT}/", &["PORT"]),
            ("http://x:$(PORT)/".into(), vec![])
        );
        assert_eq!(k8s("$PORT", &["PORT"]).0, "$(PORT)");
    }

    #[test]
    fn unknown_variables_take_their_default_or_are_reported() {
        assert_eq!(k8s("${HOST:-db}:5432", &[]), ("db:5432".into(), vec![]));
        assert_eq!(
            k8s("${TOKEN}", &[]),
            (String::new(), vec!["TOKEN".to_string()])
        );
    }

    #[test]
    fn a_literal_dollar_paren_is_escaped_for_kubernetes() {
        assert_eq!(k8s("echo $$(date)", &[]).0, "echo $$(date)");
        assert_eq!(k8s("cost: 5$$", &[]).0, "cost: 5$");
    }

    #[test]
    fn shell_lines_keep_variables_for_the_shell() {
        assert_eq!(
            shell_line("wget \"http://127.0.0.1:$${PORT:-8080}/health\""),
            "wget \"http://127.0.0.1:${PORT:-8080}/health\""
        );
        assert_eq!(shell_line("echo ${X}"), "echo ${X}");
    }

    #[test]
    fn literal_arguments_use_defaults() {
        assert_eq!(
            literal("http://127.0.0.1:${PORT:-8080}/"),
            "http://127.0.0.1:8080/"
        );
        assert_eq!(literal("a$$b"), "a$b");
        assert_eq!(literal("unterminated ${X"), "unterminated ${X");
    }
}
