//! A small line tokenizer for the Files panel's read-only view: comments, keys and strings of
//! YAML, Dockerfiles, shell scripts and env files become spans; everything stays text (the view
//! renders tokens as text nodes, never as markup). Not a parser: a wrong colour is harmless.

/// What a piece of a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    Plain,
    Comment,
    /// A YAML key, a Dockerfile instruction, an env-file variable name.
    Key,
    String,
}

impl Token {
    pub fn class(self) -> &'static str {
        match self {
            Token::Plain => "tok",
            Token::Comment => "tok tok--comment",
            Token::Key => "tok tok--key",
            Token::String => "tok tok--string",
        }
    }
}

/// Which tokenizer a file gets, from its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Syntax {
    Yaml,
    Dockerfile,
    /// Shell scripts, env files, ignore files: `#` comments and quoted strings.
    Shell,
    Plain,
}

impl Syntax {
    pub fn of(path: &str) -> Syntax {
        let name = path.rsplit('/').next().unwrap_or(path);
        if name.ends_with(".yml") || name.ends_with(".yaml") {
            Syntax::Yaml
        } else if name.starts_with("Dockerfile") || name.ends_with(".dockerfile") {
            Syntax::Dockerfile
        } else if name.ends_with(".sh")
            || name.starts_with(".env")
            || name.ends_with(".env")
            || name.ends_with("ignore")
            || name.ends_with(".conf")
            || name.ends_with(".toml")
        {
            Syntax::Shell
        } else {
            Syntax::Plain
        }
    }
}

/// The tokens of one line, covering it exactly (concatenated they give the line back).
pub fn line(syntax: Syntax, text: &str) -> Vec<(Token, &str)> {
    let mut out = Vec::new();
    if syntax == Syntax::Plain {
        out.push((Token::Plain, text));
        return out;
    }
    let key_end = match syntax {
        Syntax::Yaml => yaml_key_end(text),
        Syntax::Dockerfile => instruction_end(text),
        Syntax::Shell => env_key_end(text),
        Syntax::Plain => None,
    };
    let rest_start = key_end.unwrap_or(0);
    if let Some(end) = key_end {
        let start = text.len() - text.trim_start().len();
        let start = text[start..end]
            .strip_prefix("- ")
            .map_or(start, |_| start + 2);
        if start > 0 {
            out.push((Token::Plain, &text[..start]));
        }
        out.push((Token::Key, &text[start..end]));
    }
    strings_and_comment(&text[rest_start..], &mut out);
    out
}

/// `  image: x` → the end of `image`; `- name: x` → the end of `- name`.
fn yaml_key_end(text: &str) -> Option<usize> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('#') {
        return None;
    }
    let colon = text.find(':')?;
    let key = text[..colon].trim_start().trim_start_matches("- ");
    let simple = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || "_-./ ".contains(c));
    let after = text[colon + 1..].chars().next();
    (simple && after.is_none_or(|c| c == ' ')).then_some(colon)
}

/// `FROM node:22` → the end of `FROM`.
fn instruction_end(text: &str) -> Option<usize> {
    let word_end = text.find(' ').unwrap_or(text.len());
    let word = &text[..word_end];
    (!word.is_empty() && word.chars().all(|c| c.is_ascii_uppercase())).then_some(word_end)
}

/// `POSTGRES_USER=app` → the end of `POSTGRES_USER`.
fn env_key_end(text: &str) -> Option<usize> {
    let eq = text.find('=')?;
    let name = text[..eq].trim_start().trim_start_matches("export ");
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some(eq)
}

/// Quoted strings and a trailing `#` comment (at the start or after a space, outside quotes).
fn strings_and_comment<'a>(text: &'a str, out: &mut Vec<(Token, &'a str)>) {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' if i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t' => {
                push(out, Token::Plain, &text[plain_from..i]);
                out.push((Token::Comment, &text[i..]));
                return;
            }
            q @ (b'"' | b'\'') => {
                let end = text[i + 1..]
                    .find(q as char)
                    .map_or(text.len(), |j| i + 1 + j + 1);
                push(out, Token::Plain, &text[plain_from..i]);
                out.push((Token::String, &text[i..end]));
                i = end;
                plain_from = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    push(out, Token::Plain, &text[plain_from..]);
}

fn push<'a>(out: &mut Vec<(Token, &'a str)>, token: Token, text: &'a str) {
    if !text.is_empty() {
        out.push((token, text));
    }
}

/// A file's lines for a keyed view: each line with how many identical lines come before it. The
/// key stays with the line when lines are added or removed elsewhere in the file, so an edit
/// that changes a few lines of a long compose file changes a few elements of the view.
pub fn keyed_lines(text: &str) -> Vec<(String, usize)> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    text.lines()
        .map(|l| {
            let n = seen.entry(l).or_insert(0);
            let nth = *n;
            *n += 1;
            (l.to_string(), nth)
        })
        .collect()
}
