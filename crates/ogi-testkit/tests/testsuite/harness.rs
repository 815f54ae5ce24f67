//! The harness on parsers whose mistakes are known.
