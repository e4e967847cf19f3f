//! Bounded undo/redo over design snapshots. A command that changes nothing records nothing.

use super::{apply, Command, EditError};
use crate::model::Design;

/// How many steps can be undone.
pub const HISTORY_LIMIT: usize = 100;

#[derive(Debug, Clone)]
pub struct History {
    past: Vec<Design>,
    present: Design,
    future: Vec<Design>,
    limit: usize,
}

impl History {
    pub fn new(design: Design) -> Self {
        History::with_limit(design, HISTORY_LIMIT)
    }

    pub fn with_limit(design: Design, limit: usize) -> Self {
        History {
            past: Vec::new(),
            present: design,
            future: Vec::new(),
            limit: limit.max(1),
        }
    }

    pub fn present(&self) -> &Design {
        &self.present
    }

    /// Apply a command; on success it becomes one undo step and clears the redo stack.
    /// Returns whether the design changed.
    pub fn apply(&mut self, command: Command) -> Result<bool, EditError> {
        let next = apply(&self.present, command)?;
        if next == self.present {
            return Ok(false);
        }
        self.past.push(std::mem::replace(&mut self.present, next));
        if self.past.len() > self.limit {
            self.past.remove(0);
        }
        self.future.clear();
        Ok(true)
    }

    pub fn undo(&mut self) -> bool {
        match self.past.pop() {
            Some(previous) => {
                self.future
                    .push(std::mem::replace(&mut self.present, previous));
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.future.pop() {
            Some(next) => {
                self.past.push(std::mem::replace(&mut self.present, next));
                true
            }
            None => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Tier;

    fn add(kind: &str) -> Command {
        Command::AddService {
            kind: kind.into(),
            tier: Tier::Backend,
            index: None,
            name: None,
        }
    }

    #[test]
    fn undo_and_redo_walk_the_snapshots() {
        let mut h = History::new(Design::new("t"));
        assert!(h.apply(add("redis")).unwrap());
        assert!(h.apply(add("postgres")).unwrap());
        assert_eq!(h.present().services.len(), 2);
        assert!(h.undo());
        assert_eq!(h.present().services.len(), 1);
        assert!(h.redo());
        assert_eq!(h.present().services.len(), 2);
        assert!(!h.redo());
        assert!(h.undo() && h.undo() && !h.undo());
        assert_eq!(h.present(), &Design::new("t"));
    }

    #[test]
    fn a_new_command_clears_redo() {
        let mut h = History::new(Design::new("t"));
        h.apply(add("redis")).unwrap();
        h.undo();
        h.apply(add("postgres")).unwrap();
        assert!(!h.can_redo());
    }

    #[test]
    fn refused_and_no_op_commands_record_nothing() {
        let mut h = History::new(Design::new("t"));
        assert!(h.apply(add("no-such-kind")).is_err());
        assert!(!h.apply(Command::RenameDesign { name: "t".into() }).unwrap());
        assert!(!h.can_undo());
    }

    #[test]
    fn history_is_bounded() {
        let mut h = History::with_limit(Design::new("t"), 3);
        for _ in 0..5 {
            h.apply(add("redis")).unwrap();
        }
        let mut undone = 0;
        while h.undo() {
            undone += 1;
        }
        assert_eq!(undone, 3);
        assert_eq!(h.present().services.len(), 2);
    }
}
