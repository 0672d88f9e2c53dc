//! Non-HTML outputs and structured data embedded in pages.

pub mod jsonld;
