//! Compose interpolation: the one tokenizer of the `${VAR}` syntax that every string of the
//! model may hold (model strings are compose-level text).
//!
//! The grammar is compose's (compose-go `template`): `$$` is a literal dollar; `$NAME` and
//! `${NAME}` refer to a variable, a name being `[_A-Za-z][_A-Za-z0-9]*`; a braced reference may
//! carry an operator and an argument: `:-`/`-` (default when unset or empty / unset), `:?`/`?`
//! (error when unset), `:+`/`+` (the argument when set). Arguments may hold references of their
//! own (`${A:-${B}}`): the closing brace is the one that balances the opening one. A `$` that
//! starts none of these, and a `${` that is never closed, are literal text.
//!
//! Everyone who reads variables asks this module: `.env.example` and the checklist (which
//! variables need a value), the Helm chart (which to turn into Kubernetes references), the
//! release-tag variable (whether a design already uses `VERSION`).

/// What a braced reference does when the variable is unset (or, with the colon, empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    /// `:-` / `-`: use the argument instead.
    Default,
    /// `:?` / `?`: compose refuses to start, with the argument as the message.
    Required,
    /// `:+` / `+`: the argument when the variable is set, empty otherwise (never a warning).
    Alternative,
}

/// One variable reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VarRef<'a> {
    /// `[_A-Za-z][_A-Za-z0-9]*`, except in a braced reference compose would refuse (`${}`,
    /// `${1X}`), where it is whatever stands before the operator and may be empty or invalid.
    pub name: &'a str,
    /// The operator and whether it had the colon.
    pub operator: Option<(Operator, bool)>,
    /// The argument's raw text (may hold references of its own); empty without an operator.
    pub argument: &'a str,
    /// The whole reference as written (`${A:-x}`, `$A`).
    pub raw: &'a str,
}

impl VarRef<'_> {
    /// Whether the name is one compose accepts.
    pub fn valid_name(&self) -> bool {
        is_name(self.name)
    }

    /// Whether compose needs the variable set: referred to without a default or an alternative
    /// (plain `${X}`, which compose warns about when unset, and `${X:?e}`, which it refuses).
    pub fn needs_value(&self) -> bool {
        self.valid_name()
            && !matches!(
                self.operator,
                Some((Operator::Default | Operator::Alternative, _))
            )
    }
}

/// A piece of compose text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Literal text, as written (`$$` not yet turned into `$`: see [`Piece::Dollar`]).
    Text(&'a str),
    /// `$$`: one literal dollar.
    Dollar,
    Var(VarRef<'a>),
}

/// `text` cut into literal text, `$$` dollars and variable references, in order.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut lit = 0; // start of the pending literal text
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'$' {
            i += 1;
            continue;
        }
        let (piece, len) = match bytes.get(i + 1) {
            Some(b'$') => (Some(Piece::Dollar), 2),
            Some(b'{') => match closing_brace(&text[i + 2..]) {
                Some(inner_len) => {
                    let inner = &text[i + 2..i + 2 + inner_len];
                    let raw = &text[i..i + 3 + inner_len];
                    (Some(Piece::Var(braced(inner, raw))), inner_len + 3)
                }
                None => (None, 1),
            },
            Some(&c) if c == b'_' || c.is_ascii_alphabetic() => {
                let len = name_len(&text[i + 1..]);
                let raw = &text[i..i + 1 + len];
                let var = VarRef {
                    name: &raw[1..],
                    operator: None,
                    argument: "",
                    raw,
                };
                (Some(Piece::Var(var)), len + 1)
            }
            _ => (None, 1),
        };
        match piece {
            Some(piece) => {
                if lit < i {
                    out.push(Piece::Text(&text[lit..i]));
                }
                out.push(piece);
                i += len;
                lit = i;
            }
            None => i += len,
        }
    }
    if lit < text.len() {
        out.push(Piece::Text(&text[lit..]));
    }
    out
}

/// Every variable reference in `text`, those inside arguments included (`${A:-${B}}` gives A,
/// then B), in order.
pub fn references(text: &str) -> Vec<VarRef<'_>> {
    let mut out = Vec::new();
    collect(text, &mut out);
    out
}

fn collect<'a>(text: &'a str, out: &mut Vec<VarRef<'a>>) {
    for piece in pieces(text) {
        if let Piece::Var(v) = piece {
            out.push(v);
            if !v.argument.is_empty() {
                collect(v.argument, out);
            }
        }
    }
}

/// Whether `text` refers to the variable `name` anywhere (arguments included).
pub fn mentions(text: &str, name: &str) -> bool {
    references(text).iter().any(|r| r.name == name)
}

/// `[_A-Za-z][_A-Za-z0-9]*`.
pub fn is_name(name: &str) -> bool {
    name.starts_with(|c: char| c == '_' || c.is_ascii_alphabetic()) && name_len(name) == name.len()
}

fn name_len(text: &str) -> usize {
    text.bytes()
        .take_while(|b| *b == b'_' || b.is_ascii_alphanumeric())
        .count()
}

/// The length of the text before the `}` that closes a `${` whose inside starts `text`.
fn closing_brace(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'$' if bytes.get(i + 1) == Some(&b'$') => i += 1,
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                depth += 1;
                i += 1;
            }
            b'}' if depth == 0 => return Some(i),
            b'}' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

fn braced<'a>(inner: &'a str, raw: &'a str) -> VarRef<'a> {
    let name_end = inner.find([':', '-', '?', '+']).unwrap_or(inner.len());
    let (name, rest) = inner.split_at(name_end);
    const OPERATORS: [(&str, Operator, bool); 6] = [
        (":-", Operator::Default, true),
        (":?", Operator::Required, true),
        (":+", Operator::Alternative, true),
        ("-", Operator::Default, false),
        ("?", Operator::Required, false),
        ("+", Operator::Alternative, false),
    ];
    let found = OPERATORS
        .iter()
        .find_map(|(op, kind, colon)| rest.strip_prefix(op).map(|arg| ((*kind, *colon), arg)));
    match found {
        Some((operator, argument)) => VarRef {
            name,
            operator: Some(operator),
            argument,
            raw,
        },
        // `${A:x}` and the like: compose refuses them; kept as a reference with no operator.
        None => VarRef {
            name: inner,
            operator: None,
            argument: "",
            raw,
        },
    }
}

/// The `default` of `${VAR:-default}` / `${VAR-default}` when the whole text is one such
/// reference; the text itself when it has no `$`; `None` otherwise. Only used for guessing
/// (kind detection), never to change a value.
pub fn likely_value(text: &str) -> Option<&str> {
    if !text.contains('$') {
        return Some(text);
    }
    let inner = text.strip_prefix("${")?.strip_suffix('}')?;
    let (_, default) = inner.split_once(":-").or_else(|| inner.split_once('-'))?;
    (!default.contains('$')).then_some(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        references(text).iter().map(|r| r.name).collect()
    }

    fn needing(text: &str) -> Vec<&str> {
        references(text)
            .into_iter()
            .filter(VarRef::needs_value)
            .map(|r| r.name)
            .collect()
    }

    #[test]
    fn plain_braced_and_escaped_references() {
        assert_eq!(
            names("$A ${B} $$C $${D} ${_APP_DOMAIN}"),
            ["A", "B", "_APP_DOMAIN"]
        );
        assert_eq!(names("cost 5$ and $1 and $-"), Vec::<&str>::new());
        assert_eq!(names("unterminated ${X"), Vec::<&str>::new());
    }

    #[test]
    fn operators_and_their_arguments() {
        let r = references("${A:-x} ${B-y} ${C:?need C} ${D?} ${E:+on} ${F+on}");
        let ops: Vec<_> = r.iter().map(|r| (r.name, r.operator, r.argument)).collect();
        assert_eq!(
            ops,
            [
                ("A", Some((Operator::Default, true)), "x"),
                ("B", Some((Operator::Default, false)), "y"),
                ("C", Some((Operator::Required, true)), "need C"),
                ("D", Some((Operator::Required, false)), ""),
                ("E", Some((Operator::Alternative, true)), "on"),
                ("F", Some((Operator::Alternative, false)), "on"),
            ]
        );
    }

    #[test]
    fn nested_references_close_on_the_balancing_brace() {
        assert_eq!(names("${A:-${B:-${C}}}/x"), ["A", "B", "C"]);
        let outer = references("${A:-${B}}!")[0];
        assert_eq!(outer.argument, "${B}");
        assert_eq!(outer.raw, "${A:-${B}}");
    }

    #[test]
    fn a_value_is_needed_without_default_or_alternative() {
        assert_eq!(
            needing("${A} $B ${C:?e} ${D:-x} ${E:+y} ${F-${G}} ${} ${1X} $lower"),
            ["A", "B", "C", "G", "lower"]
        );
    }

    #[test]
    fn pieces_keep_every_byte_of_the_text() {
        let text = "a$$b ${X:-1} $Y $ ${unclosed";
        let rebuilt: String = pieces(text)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                Piece::Dollar => "$$".into(),
                Piece::Var(v) => v.raw.to_string(),
            })
            .collect();
        assert_eq!(rebuilt, text);
    }
}
