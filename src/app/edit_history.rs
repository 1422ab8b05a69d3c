//! Undo and redo of the edits made in the window: each step keeps the file's text before and
//! after, so undoing puts back exactly what was there (and only if the file is still as the
//! edit left it).

use std::path::{Path, PathBuf};

/// Steps kept; older ones are forgotten.
const MAX_STEPS: usize = 100;
/// Texts kept, in bytes over all steps, so a large file's history stays bounded.
const MAX_TEXT_BYTES: usize = 256 << 20;

/// One edit of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct EditStep {
    pub path: PathBuf,
    /// What the edit did, for the status bar ("Added event “…”").
    pub label: String,
    pub before: String,
    pub after: String,
}

impl EditStep {
    fn size_bytes(&self) -> usize {
        self.before.len() + self.after.len()
    }
}

#[derive(Debug, Clone, Default)]
pub struct EditHistory {
    undo: Vec<EditStep>,
    redo: Vec<EditStep>,
}

impl EditHistory {
    /// Records an edit made; what was undone before can no longer be redone.
    pub fn record(&mut self, step: EditStep) {
        self.redo.clear();
        self.undo.push(step);
        while self.undo.len() > MAX_STEPS
            || (self.undo.len() > 1
                && self.undo.iter().map(EditStep::size_bytes).sum::<usize>() > MAX_TEXT_BYTES)
        {
            self.undo.remove(0);
        }
    }

    /// The step an undo of `path` would take back.
    pub fn next_undo(&self, path: &Path) -> Option<&EditStep> {
        self.undo.last().filter(|step| step.path == path)
    }

    pub fn next_redo(&self, path: &Path) -> Option<&EditStep> {
        self.redo.last().filter(|step| step.path == path)
    }

    /// The last step was undone: it moves to the redo list.
    pub fn undone(&mut self) {
        if let Some(step) = self.undo.pop() {
            self.redo.push(step);
        }
    }

    /// The last undone step was made again.
    pub fn redone(&mut self) {
        if let Some(step) = self.redo.pop() {
            self.undo.push(step);
        }
    }

    /// Another file was opened: its edits are not these.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(label: &str) -> EditStep {
        EditStep {
            path: PathBuf::from("t.ron"),
            label: label.to_owned(),
            before: format!("before {label}"),
            after: format!("after {label}"),
        }
    }

    #[test]
    fn undo_and_redo_walk_the_steps_of_the_open_file() {
        let mut history = EditHistory::default();
        history.record(step("a"));
        history.record(step("b"));
        let path = Path::new("t.ron");
        assert_eq!(history.next_undo(path).map(|s| s.label.as_str()), Some("b"));
        assert!(history.next_undo(Path::new("other.ron")).is_none());
        history.undone();
        assert_eq!(history.next_redo(path).map(|s| s.label.as_str()), Some("b"));
        assert_eq!(history.next_undo(path).map(|s| s.label.as_str()), Some("a"));
        history.redone();
        assert_eq!(history.next_undo(path).map(|s| s.label.as_str()), Some("b"));
        history.undone();
        history.record(step("c"));
        assert!(history.next_redo(path).is_none());
    }
}
