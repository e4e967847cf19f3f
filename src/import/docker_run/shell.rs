//! Just enough of the POSIX shell's word rules to read `docker run` commands as people paste
//! them: quoting (`'…'` literal, `"…"` with `\"`, `\\`, `\$`), backslash escapes, line
//! continuations (`\` at a line end), comments, and the separators between commands (newline,
//! `;`, `&&`, `||`, `|`, `&`). Nothing is expanded or executed.
//!
//! Words come out as compose-level text: a `$` the shell would not expand (inside single quotes,
//! or escaped) becomes `$$`; a `$VAR` it would expand stays, and compose interpolates it from
//! the same environment the shell would have read it from.

/// One command: its words and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub line: usize,
    pub words: Vec<String>,
}

/// The commands of `text`, in order; empty ones are dropped.
pub fn commands(text: &str) -> Vec<Command> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    let end_word = |words: &mut Vec<String>, word: &mut String, in_word: &mut bool| {
        if *in_word {
            words.push(std::mem::take(word));
            *in_word = false;
        }
    };
    let end_command = |out: &mut Vec<Command>, words: &mut Vec<String>, start: usize| {
        if !words.is_empty() {
            out.push(Command {
                line: start,
                words: std::mem::take(words),
            });
        }
    };
    while let Some(c) = chars.next() {
        if words.is_empty() && !in_word && !c.is_whitespace() {
            start = line;
        }
        match c {
            '\\' => match chars.next() {
                Some('\n') => line += 1,
                Some('\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    line += 1;
                }
                Some('$') => {
                    word.push_str("$$");
                    in_word = true;
                }
                Some(other) => {
                    word.push(other);
                    in_word = true;
                }
                None => {}
            },
            '\'' => {
                in_word = true;
                for q in chars.by_ref() {
                    match q {
                        '\'' => break,
                        '$' => word.push_str("$$"),
                        '\n' => {
                            line += 1;
                            word.push('\n');
                        }
                        other => word.push(other),
                    }
                }
            }
            '"' => {
                in_word = true;
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some('$') => word.push_str("$$"),
                            Some(e @ ('"' | '\\' | '`')) => word.push(e),
                            Some('\n') => line += 1,
                            Some(other) => {
                                word.push('\\');
                                word.push(other);
                            }
                            None => {}
                        },
                        '\n' => {
                            line += 1;
                            word.push('\n');
                        }
                        other => word.push(other),
                    }
                }
            }
            '#' if !in_word => {
                for q in chars.by_ref() {
                    if q == '\n' {
                        line += 1;
                        break;
                    }
                }
                end_command(&mut out, &mut words, start);
            }
            '\n' => {
                end_word(&mut words, &mut word, &mut in_word);
                end_command(&mut out, &mut words, start);
                line += 1;
            }
            ';' | '|' | '&' => {
                end_word(&mut words, &mut word, &mut in_word);
                end_command(&mut out, &mut words, start);
                if matches!(c, '|' | '&') && chars.peek() == Some(&c) {
                    chars.next();
                }
            }
            c if c.is_whitespace() => end_word(&mut words, &mut word, &mut in_word),
            other => {
                word.push(other);
                in_word = true;
            }
        }
    }
    end_word(&mut words, &mut word, &mut in_word);
    end_command(&mut out, &mut words, start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<String>> {
        commands(text).into_iter().map(|c| c.words).collect()
    }

    #[test]
    fn quoting_follows_the_shell() {
        assert_eq!(
            words(r#"docker run -e 'A=x y' -e "B=\"q\" $HOME" -e C=a\ b img"#),
            vec![vec![
                "docker",
                "run",
                "-e",
                "A=x y",
                "-e",
                "B=\"q\" $HOME",
                "-e",
                "C=a b",
                "img"
            ]]
        );
        // What the shell would not expand is a literal dollar for compose.
        assert_eq!(words(r"echo '$X' \$Y"), vec![vec!["echo", "$$X", "$$Y"]]);
        assert_eq!(words(r#"a "" b"#), vec![vec!["a", "", "b"]]);
    }

    #[test]
    fn continuations_join_lines_and_separators_split_commands() {
        let c = commands("#!/bin/sh\nset -e\ndocker run \\\n  -d \\\r\n  nginx:1.27 # web\n\ndocker network create x && docker run redis; echo done | cat\n");
        let w: Vec<Vec<String>> = c.iter().map(|c| c.words.clone()).collect();
        assert_eq!(
            w,
            vec![
                vec!["set", "-e"],
                vec!["docker", "run", "-d", "nginx:1.27"],
                vec!["docker", "network", "create", "x"],
                vec!["docker", "run", "redis"],
                vec!["echo", "done"],
                vec!["cat"],
            ]
        );
        assert_eq!(c[1].line, 3);
        assert_eq!(c[3].line, 7);
    }

    #[test]
    fn unterminated_quotes_end_at_the_text_end() {
        assert_eq!(
            words("docker run 'nginx"),
            vec![vec!["docker", "run", "nginx"]]
        );
        assert_eq!(words("a \\"), vec![vec!["a"]]);
    }
}
