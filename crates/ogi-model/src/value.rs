//! Cell values: a number, or one of the ways a report leaves a cell without one.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact decimal number: `mantissa × 10^-scale`, kept without trailing zeros.
///
/// Counts are decimals of scale 0; money (采购总金额, 本年收费金额) may have a
/// fractional part. Arithmetic is exact; sums that overflow return `None`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    mantissa: i64,
    scale: u8,
}

/// The largest number of fractional digits a [`Decimal`] keeps.
pub const MAX_SCALE: u8 = 12;

impl Decimal {
    /// Zero.
    pub const ZERO: Self = Self {
        mantissa: 0,
        scale: 0,
    };

    /// A decimal from its mantissa and scale, normalised (trailing zeros removed).
    ///
    /// Returns `None` when `scale` exceeds [`MAX_SCALE`].
    pub fn new(mantissa: i64, scale: u8) -> Option<Self> {
        if scale > MAX_SCALE {
            return None;
        }
        let (mut mantissa, mut scale) = (mantissa, scale);
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Some(Self { mantissa, scale })
    }

    /// An integer.
    pub const fn from_i64(n: i64) -> Self {
        Self {
            mantissa: n,
            scale: 0,
        }
    }

    /// The mantissa (the digits without the decimal point).
    pub const fn mantissa(self) -> i64 {
        self.mantissa
    }

    /// The number of digits after the decimal point (0 for an integer).
    pub const fn scale(self) -> u8 {
        self.scale
    }

    /// Whether the number has no fractional part.
    pub const fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The value as an integer, when it is one.
    pub const fn to_i64(self) -> Option<i64> {
        if self.scale == 0 {
            Some(self.mantissa)
        } else {
            None
        }
    }

    /// Whether the number is below zero.
    pub const fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// Exact sum, or `None` on overflow.
    pub fn checked_add(self, other: Self) -> Option<Self> {
        let scale = self.scale.max(other.scale);
        let a = self.rescaled(scale)?;
        let b = other.rescaled(scale)?;
        Self::new(a.checked_add(b)?, scale)
    }

    /// Exact difference, or `None` on overflow.
    pub fn checked_sub(self, other: Self) -> Option<Self> {
        let scale = self.scale.max(other.scale);
        let a = self.rescaled(scale)?;
        let b = other.rescaled(scale)?;
        Self::new(a.checked_sub(b)?, scale)
    }

    fn rescaled(self, scale: u8) -> Option<i64> {
        let factor = 10i64.checked_pow(u32::from(scale - self.scale))?;
        self.mantissa.checked_mul(factor)
    }

    fn cmp_value(self, other: Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        let f = |d: Self| i128::from(d.mantissa) * 10i128.pow(u32::from(scale - d.scale));
        f(self).cmp(&f(other))
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        self.cmp_value(*other)
    }
}

impl From<i64> for Decimal {
    fn from(n: i64) -> Self {
        Self::from_i64(n)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        let sign = if self.mantissa < 0 { "-" } else { "" };
        if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{sign}{int}.{frac}")
        } else {
            write!(f, "{sign}0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Why a string is not a [`Decimal`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecimalError(&'static str);

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for DecimalError {}

impl FromStr for Decimal {
    type Err = DecimalError;

    /// Parses ASCII `[+-]digits[.digits]`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (negative, body) = match (s.strip_prefix('-'), s.strip_prefix('+')) {
            (Some(rest), _) => (true, rest),
            (None, Some(rest)) => (false, rest),
            (None, None) => (false, s),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.is_empty() && frac.is_empty() {
            return Err(DecimalError("no digits"));
        }
        if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(DecimalError("not a decimal number"));
        }
        let frac = frac.trim_end_matches('0');
        let scale = u8::try_from(frac.len())
            .ok()
            .filter(|s| *s <= MAX_SCALE)
            .ok_or(DecimalError("too many decimal places"))?;
        let mut mantissa: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(b - b'0')))
                .ok_or(DecimalError("number too large"))?;
        }
        if negative {
            mantissa = -mantissa;
        }
        Self::new(mantissa, scale).ok_or(DecimalError("too many decimal places"))
    }
}

impl Serialize for Decimal {
    /// Integers serialise as JSON integers; fractions as JSON numbers when a
    /// 64-bit float carries them exactly, otherwise as strings.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.scale == 0 {
            return s.serialize_i64(self.mantissa);
        }
        let text = self.to_string();
        match text.parse::<f64>() {
            Ok(f) if format!("{f}") == text => s.serialize_f64(f),
            _ => s.serialize_str(&text),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_i64(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
                i64::try_from(v)
                    .map(Decimal::from_i64)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
                format!("{v}").parse().map_err(E::custom)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// The unit printed with a money amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// 元
    #[serde(rename = "元")]
    Yuan,
    /// 万元 (ten thousand yuan)
    #[serde(rename = "万元")]
    WanYuan,
}

impl Unit {
    /// The unit as printed: `元` or `万元`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Yuan => "元",
            Self::WanYuan => "万元",
        }
    }
}

/// A number read from a cell, with the unit printed beside it (if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Number {
    /// The value, normalised (`+28` is 28, `１２０` is 120).
    pub value: Decimal,
    /// A unit printed in the cell (`251000元`); `None` when the cell has only digits.
    pub unit: Option<Unit>,
}

impl Number {
    /// A number without unit.
    pub const fn new(value: Decimal) -> Self {
        Self { value, unit: None }
    }

    /// An integer without unit.
    pub const fn int(n: i64) -> Self {
        Self::new(Decimal::from_i64(n))
    }
}

/// The marker a report prints for "not applicable".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NaMarker {
    /// `/`
    #[serde(rename = "/")]
    Slash,
    /// `-`
    #[serde(rename = "-")]
    Hyphen,
    /// `—` (and other long dashes)
    #[serde(rename = "—")]
    Dash,
    /// `_`
    #[serde(rename = "_")]
    Underscore,
    /// `无`
    #[serde(rename = "无")]
    Wu,
}

impl NaMarker {
    /// The marker as printed.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Slash => "/",
            Self::Hyphen => "-",
            Self::Dash => "—",
            Self::Underscore => "_",
            Self::Wu => "无",
        }
    }

    /// All markers.
    pub const ALL: [Self; 5] = [
        Self::Slash,
        Self::Hyphen,
        Self::Dash,
        Self::Underscore,
        Self::Wu,
    ];
}

/// One cell of a table (单元格). Empty, not-applicable, missing and unknown
/// cells are never read as zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Cell {
    /// A number: a count, a signed change (本年增/减) or an amount of money.
    Number(Number),
    /// The cell is there but blank (whitespace, `&nbsp;`).
    Empty,
    /// The cell says "not applicable" (`/`, `-`, `—`, `_`, `无`).
    NotApplicable(NaMarker),
    /// The row in the source has fewer cells than the table defines, or the
    /// row or table is absent.
    #[default]
    Missing,
    /// The source has text for the cell but it cannot be read as one value:
    /// unreadable text, or digits run together that split in several ways.
    Unknown,
}

/// The kind of a [`Cell`], as written in the `kind` column of the CSV export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CellKind {
    /// `number`
    Number,
    /// `empty`
    Empty,
    /// `na`
    Na,
    /// `missing`
    Missing,
    /// `unknown`
    Unknown,
}

impl CellKind {
    /// The vocabulary string: `number`, `empty`, `na`, `missing` or `unknown`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Empty => "empty",
            Self::Na => "na",
            Self::Missing => "missing",
            Self::Unknown => "unknown",
        }
    }
}

impl fmt::Display for CellKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Cell {
    /// A cell holding the integer `n`.
    pub const fn int(n: i64) -> Self {
        Self::Number(Number::int(n))
    }

    /// The cell's kind.
    pub const fn kind(&self) -> CellKind {
        match self {
            Self::Number(_) => CellKind::Number,
            Self::Empty => CellKind::Empty,
            Self::NotApplicable(_) => CellKind::Na,
            Self::Missing => CellKind::Missing,
            Self::Unknown => CellKind::Unknown,
        }
    }

    /// The number, if the cell holds one.
    pub const fn number(&self) -> Option<Number> {
        match self {
            Self::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The value, if the cell holds a number.
    pub const fn value(&self) -> Option<Decimal> {
        match self {
            Self::Number(n) => Some(n.value),
            _ => None,
        }
    }

    /// Whether the cell holds a number.
    pub const fn is_number(&self) -> bool {
        matches!(self, Self::Number(_))
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let len = match self {
            Self::Number(Number { unit: Some(_), .. }) => 3,
            Self::Number(_) | Self::NotApplicable(_) => 2,
            _ => 1,
        };
        let mut m = s.serialize_map(Some(len))?;
        m.serialize_entry("kind", self.kind().as_str())?;
        match self {
            Self::Number(n) => {
                m.serialize_entry("value", &n.value)?;
                if let Some(u) = n.unit {
                    m.serialize_entry("unit", &u)?;
                }
            }
            Self::NotApplicable(marker) => m.serialize_entry("marker", marker)?,
            Self::Empty | Self::Missing | Self::Unknown => {}
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a cell object with a `kind`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
                let mut kind: Option<String> = None;
                let mut value: Option<Decimal> = None;
                let mut unit: Option<Unit> = None;
                let mut marker: Option<NaMarker> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "kind" => kind = Some(map.next_value()?),
                        "value" => value = Some(map.next_value()?),
                        "unit" => unit = Some(map.next_value()?),
                        "marker" => marker = Some(map.next_value()?),
                        other => {
                            return Err(de::Error::unknown_field(
                                other,
                                &["kind", "value", "unit", "marker"],
                            ));
                        }
                    }
                }
                let kind = kind.ok_or_else(|| de::Error::missing_field("kind"))?;
                Ok(match kind.as_str() {
                    "number" => Cell::Number(Number {
                        value: value.ok_or_else(|| de::Error::missing_field("value"))?,
                        unit,
                    }),
                    "empty" => Cell::Empty,
                    "na" => Cell::NotApplicable(
                        marker.ok_or_else(|| de::Error::missing_field("marker"))?,
                    ),
                    "missing" => Cell::Missing,
                    "unknown" => Cell::Unknown,
                    other => {
                        return Err(de::Error::unknown_variant(
                            other,
                            &["number", "empty", "na", "missing", "unknown"],
                        ));
                    }
                })
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn decimal_parses_and_normalises() {
        assert_eq!(dec("7730.28").to_string(), "7730.28");
        assert_eq!(dec("+28").to_string(), "28");
        assert_eq!(dec("-2").to_string(), "-2");
        assert_eq!(dec("73802895.90").to_string(), "73802895.9");
        assert_eq!(dec("0.05").to_string(), "0.05");
        assert_eq!(dec("-0.5").to_string(), "-0.5");
        assert_eq!(dec("7545.0"), Decimal::from_i64(7545));
        assert!("".parse::<Decimal>().is_err());
        assert!("1e5".parse::<Decimal>().is_err());
        assert!("99999999999999999999".parse::<Decimal>().is_err());
    }

    #[test]
    fn decimal_arithmetic_is_exact() {
        assert_eq!(dec("0.1").checked_add(dec("0.2")), Some(dec("0.3")));
        assert_eq!(dec("10").checked_sub(dec("0.25")), Some(dec("9.75")));
        assert!(dec("1.5") > dec("1.25"));
        assert_eq!(Decimal::from_i64(i64::MAX).checked_add(dec("1")), None);
    }

    #[test]
    fn cell_json_shapes() {
        let j = |c: Cell| serde_json::to_string(&c).unwrap();
        assert_eq!(j(Cell::int(21)), r#"{"kind":"number","value":21}"#);
        assert_eq!(
            j(Cell::Number(Number {
                value: dec("251000"),
                unit: Some(Unit::Yuan)
            })),
            r#"{"kind":"number","value":251000,"unit":"元"}"#
        );
        assert_eq!(
            j(Cell::Number(Number::new(dec("24252.311082")))),
            r#"{"kind":"number","value":24252.311082}"#
        );
        assert_eq!(j(Cell::Empty), r#"{"kind":"empty"}"#);
        assert_eq!(
            j(Cell::NotApplicable(NaMarker::Slash)),
            r#"{"kind":"na","marker":"/"}"#
        );
        assert_eq!(j(Cell::Missing), r#"{"kind":"missing"}"#);
    }

    #[test]
    fn cell_json_round_trips() {
        for c in [
            Cell::int(0),
            Cell::int(-18),
            Cell::Number(Number::new(dec("0.000000000001"))),
            Cell::Number(Number::new(dec("123456789.123456"))),
            Cell::Empty,
            Cell::Missing,
            Cell::Unknown,
            Cell::NotApplicable(NaMarker::Wu),
        ] {
            let s = serde_json::to_string(&c).unwrap();
            assert_eq!(serde_json::from_str::<Cell>(&s).unwrap(), c, "{s}");
        }
    }
}
