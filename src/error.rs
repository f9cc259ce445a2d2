//! The one error of the library, opaque with a private kind.

use std::fmt;

/// Why an input was refused. The only refusal is an input over the size limit; everything
/// else is read, with `warnings` where it was odd.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    TooLarge { size: usize, limit: usize },
}

impl Error {
    pub(crate) fn too_large(size: usize, limit: usize) -> Error {
        Error {
            kind: ErrorKind::TooLarge { size, limit },
        }
    }

    /// A stable machine-readable code: `"too_large"`.
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::TooLarge { .. } => "too_large",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::TooLarge { size, limit } => write!(
                f,
                "input is {size} bytes, over the limit of {limit} bytes; split it or raise the limit"
            ),
        }
    }
}

impl std::error::Error for Error {}
