//! A tiny argument reader: positional arguments and `--flag` / `--option VALUE` pairs.

use super::CliError;

#[derive(Debug, Clone)]
pub struct Args<'a> {
    items: &'a [String],
    used: Vec<bool>,
}

impl<'a> Args<'a> {
    pub fn new(items: &'a [String]) -> Self {
        Args {
            items,
            used: vec![false; items.len()],
        }
    }

    /// Whether `--name` is present (consumes it).
    pub fn flag(&mut self, name: &str) -> bool {
        match self.items.iter().position(|a| a == name) {
            Some(i) => {
                self.used[i] = true;
                true
            }
            None => false,
        }
    }

    /// The value after `--name` (consumes both); an error when the value is missing.
    pub fn option(&mut self, name: &str) -> Result<Option<&'a str>, CliError> {
        let Some(i) = self.items.iter().position(|a| a == name) else {
            return Ok(None);
        };
        self.used[i] = true;
        match self.items.get(i + 1) {
            Some(v) => {
                self.used[i + 1] = true;
                Ok(Some(v.as_str()))
            }
            None => Err(CliError::input(format!("{name} needs a value"))),
        }
    }

    /// A numeric option.
    pub fn number<T: std::str::FromStr>(&mut self, name: &str) -> Result<Option<T>, CliError> {
        match self.option(name)? {
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| CliError::input(format!("{name}: {v:?} is not a valid number"))),
            None => Ok(None),
        }
    }

    /// The remaining positional arguments; unknown `--options` are an error. Call after flags/options.
    pub fn positionals(&self) -> Result<Vec<&'a str>, CliError> {
        let mut out = Vec::new();
        for (item, used) in self.items.iter().zip(&self.used) {
            if *used {
                continue;
            }
            if item.starts_with("--") {
                return Err(CliError::input(format!("unknown option {item}")));
            }
            out.push(item.as_str());
        }
        Ok(out)
    }

    /// Exactly one positional argument, named `what` in the error.
    pub fn one(&self, what: &str) -> Result<&'a str, CliError> {
        match self.positionals()?.as_slice() {
            [one] => Ok(one),
            [] => Err(CliError::input(format!("{what} is missing"))),
            more => Err(CliError::input(format!(
                "expected one {what}, got {}",
                more.len()
            ))),
        }
    }

    /// No positional arguments allowed.
    pub fn none(&self) -> Result<(), CliError> {
        match self.positionals()?.first() {
            Some(extra) => Err(CliError::input(format!("unexpected argument {extra:?}"))),
            None => Ok(()),
        }
    }
}
