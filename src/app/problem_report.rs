//! The problems of a file that could not be opened, as the window shows them.

/// Problems of a file that could not be opened, shown until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemReport {
    /// The window's title.
    pub title: String,
    /// What happened, in a sentence.
    pub message: String,
    pub lines: Vec<String>,
}

impl ProblemReport {
    /// Problems that kept a file from opening.
    pub fn not_opened(file: &str, lines: Vec<String>) -> ProblemReport {
        ProblemReport {
            title: format!("Problems in {file}"),
            message: format!("{file} could not be opened. The timeline on screen is unchanged."),
            lines,
        }
    }
}
