//! What every fuzz target checks, besides "no panic": the same checks as
//! the property tests in tests/robustness.rs, from one shared file.

#[path = "../../common/checks.rs"]
mod checks;

pub use checks::*;
