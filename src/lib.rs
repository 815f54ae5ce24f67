//! The ogi facade.
pub use ogi_model as model;
