//! What a finding compares and suggests: values and fixes (plain data; the
//! catalogue words them).

use std::fmt;

use chrono::NaiveDate;
use ogi_model::{Address, Decimal};
use serde::{Serialize, Serializer};

/// A value a diagnostic compares: a number, a date, or a text such as a range.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// A number (serialised as a JSON number).
    Number(Decimal),
    /// A date (serialised as `"YYYY-MM-DD"`).
    Date(NaiveDate),
    /// Anything else (`"2020-01-01..2020-12-31"`, `"> 2020-12-31"`).
    Text(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(n) => write!(f, "{n}"),
            Self::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Self::Text(t) => f.write_str(t),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(n) => n.serialize(s),
            Self::Date(_) | Self::Text(_) => s.collect_str(self),
        }
    }
}

impl From<Decimal> for Value {
    fn from(d: Decimal) -> Self {
        Self::Number(d)
    }
}

/// A suggested correction: the value one cell (or metadata field) should
/// probably have.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fix {
    /// The cell to change.
    pub target: Address,
    /// Its probable value.
    pub value: Value,
}
