//! One thing wrong with an article, located by its field path. Every stage
//! of the pipeline (decoding, validation, and the schema.org mapping) reports
//! in this one shape, so a publisher reads the same kind of message
//! whichever stage found it.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `summary[2]`, `hero.url`, `body[4].links[0].label`; empty for the
    /// document as a whole.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}
