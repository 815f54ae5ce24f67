//! One report: its metadata and its three tables, and cell addresses.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Cell;
use crate::schema::{self, ColumnId, RowId, field};
use crate::tables::{Active, Appeals, Applications, CellRow};

/// Which official format the tables follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Template {
    /// 《政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号 (2019 and 2020 reports).
    #[serde(rename = "2019")]
    V2019,
    /// 《政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号 (2021 reports onward).
    #[serde(rename = "2021")]
    V2021,
}

impl Template {
    /// `"2019"` or `"2021"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::V2019 => "2019",
            Self::V2021 => "2021",
        }
    }

    /// The format a report of `year` should follow.
    pub const fn for_year(year: i32) -> Self {
        if year >= 2021 {
            Self::V2021
        } else {
            Self::V2019
        }
    }
}

impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the report says about itself. A field the report does not give is `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The reporting agency, as named in the title (else in the signature),
    /// without the year and the words 政府信息公开工作年度报告.
    pub agency: Option<String>,
    /// The report year.
    pub year: Option<i32>,
    /// The format the tables follow, detected from their labels.
    pub template: Option<Template>,
    /// First day of the stated statistical period (统计期限).
    pub period_start: Option<NaiveDate>,
    /// Last day of the stated statistical period.
    pub period_end: Option<NaiveDate>,
    /// The date printed on the report (its signature date).
    pub published: Option<NaiveDate>,
}

impl Meta {
    /// The metadata keys, in order.
    pub const FIELDS: &'static [RowId] = &[
        field::AGENCY,
        field::YEAR,
        field::TEMPLATE,
        field::PERIOD_START,
        field::PERIOD_END,
        field::PUBLISHED,
    ];
}

/// 政府信息公开工作年度报告: one annual report on open government information.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Agency, year, format, period and date.
    pub meta: Meta,
    /// 二、主动公开政府信息情况, if the report has the table.
    pub active: Option<Active>,
    /// 三、收到和处理政府信息公开申请情况, if the report has the table.
    pub applications: Option<Applications>,
    /// 四、政府信息公开行政复议、行政诉讼情况, if the report has the table.
    pub appeals: Option<Appeals>,
}

impl Report {
    /// Every cell of the tables the report has, with its address, in table order.
    pub fn cells(&self) -> Vec<(Address, &Cell)> {
        let mut out = Vec::with_capacity(200);
        if let Some(active) = &self.active {
            for (row, r) in active.rows() {
                push_row(&mut out, Table::Active, row, r);
            }
        }
        if let Some(apps) = &self.applications {
            for (row, r) in apps.rows() {
                push_row(&mut out, Table::Applications, row, r);
            }
        }
        if let Some(appeals) = &self.appeals {
            for (row, r) in appeals.rows() {
                push_row(&mut out, Table::Appeals, row, r);
            }
        }
        out
    }

    /// The cell at `address`, if the report has its table and row.
    pub fn cell(&self, address: Address) -> Option<&Cell> {
        match address.table {
            Table::Active => self.active.as_ref()?.row(address.row)?.get(address.column),
            Table::Applications => self
                .applications
                .as_ref()?
                .row(address.row)?
                .get(address.column),
            Table::Appeals => {
                let appeals = self.appeals.as_ref()?;
                let (_, row) = appeals
                    .rows()
                    .into_iter()
                    .find(|(id, _)| *id == address.row)?;
                row.get(address.column)
            }
            Table::Meta => None,
        }
    }

    /// The cell at `address`, mutably.
    pub fn cell_mut(&mut self, address: Address) -> Option<&mut Cell> {
        match address.table {
            Table::Active => self
                .active
                .as_mut()?
                .row_mut(address.row)?
                .get_mut(address.column),
            Table::Applications => self
                .applications
                .as_mut()?
                .row_mut(address.row)?
                .get_mut(address.column),
            Table::Appeals => self
                .appeals
                .as_mut()?
                .row_mut(address.row)?
                .get_mut(address.column),
            Table::Meta => None,
        }
    }
}

fn push_row<'a>(out: &mut Vec<(Address, &'a Cell)>, table: Table, row: RowId, r: &'a dyn CellRow) {
    for column in r.columns() {
        if let Some(cell) = r.get(*column) {
            out.push((Address::new(table, row, *column), cell));
        }
    }
}

/// A table of the report, as named in cell addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// `active`: 二、主动公开政府信息情况
    Active,
    /// `applications`: 三、收到和处理政府信息公开申请情况
    Applications,
    /// `appeals`: 四、政府信息公开行政复议、行政诉讼情况
    Appeals,
    /// `meta`: the report's metadata (addresses such as `meta/published`)
    Meta,
}

impl Table {
    /// The vocabulary id.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Applications => "applications",
            Self::Appeals => "appeals",
            Self::Meta => "meta",
        }
    }

    /// The section of the report the table is part of (二 = 2, 三 = 3,
    /// 四 = 4; none for the metadata).
    pub const fn section(self) -> Option<u8> {
        match self {
            Self::Active => Some(2),
            Self::Applications => Some(3),
            Self::Appeals => Some(4),
            Self::Meta => None,
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The canonical address of a cell: `table/row/column`
/// (`applications/granted/natural_person`), or of a metadata field
/// (`meta/published`, with an empty column).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address {
    /// The table.
    pub table: Table,
    /// The row id (for `meta`, the field).
    pub row: RowId,
    /// The column id ([`ColumnId::NONE`] for `meta`).
    pub column: ColumnId,
}

impl Address {
    /// An address from its parts, typed ids of the vocabulary (that the
    /// table has the row and the row the column is not checked; see
    /// [`Address::from_str`]).
    ///
    /// ```
    /// use ogi_model::schema::{column, row};
    /// use ogi_model::{Address, Table};
    ///
    /// let a = Address::new(Table::Applications, row::GRANTED, column::TOTAL);
    /// assert_eq!(a.to_string(), "applications/granted/total");
    /// ```
    ///
    /// An id is a constant of the schema, so a misspelt one does not compile:
    ///
    /// ```compile_fail
    /// use ogi_model::{Address, Table};
    ///
    /// let a = Address::new(Table::Applications, "grantd", "total");
    /// ```
    pub const fn new(table: Table, row: RowId, column: ColumnId) -> Self {
        Self { table, row, column }
    }

    /// The address of a metadata field (`meta/published`).
    pub const fn meta(field: RowId) -> Self {
        Self::new(Table::Meta, field, ColumnId::NONE)
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.column.is_none() {
            write!(f, "{}/{}", self.table, self.row)
        } else {
            write!(f, "{}/{}/{}", self.table, self.row, self.column)
        }
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Address {
    /// As its text, assembled in a stack buffer: exports write one address
    /// per cell, and formatting them piece by piece through the serializer
    /// was a tenth of a JSON Lines export.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let parts = [self.table.as_str(), self.row.as_str(), self.column.as_str()];
        let parts = if self.column.is_none() {
            parts.get(..2).unwrap_or(&parts)
        } else {
            &parts[..]
        };
        let mut buf = [0u8; 96];
        let mut len = 0;
        for (k, part) in parts.iter().enumerate() {
            let sep = usize::from(k > 0);
            let Some(dst) = buf.get_mut(len..len + sep + part.len()) else {
                // Longer than any address of the vocabulary: format it.
                return s.collect_str(self);
            };
            let (slash, rest) = dst.split_at_mut(sep);
            slash.fill(b'/');
            rest.copy_from_slice(part.as_bytes());
            len += sep + part.len();
        }
        match buf.get(..len).map(std::str::from_utf8) {
            Some(Ok(text)) => s.serialize_str(text),
            _ => s.collect_str(self),
        }
    }
}

/// Why a string is not a cell address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddressError(String);

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a cell address: `{}`", self.0)
    }
}

impl std::error::Error for AddressError {}

impl FromStr for Address {
    type Err = AddressError;

    /// Parses `table/row/column` (or `meta/field`), accepting only the ids of
    /// the vocabulary.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || AddressError(s.to_owned());
        let mut parts = s.split('/');
        let table = parts.next().ok_or_else(err)?;
        let row = parts.next().ok_or_else(err)?;
        let column = parts.next();
        if parts.next().is_some() {
            return Err(err());
        }
        fn find<T: Copy + fmt::Display>(
            mut list: impl Iterator<Item = T>,
            want: &str,
        ) -> Option<T> {
            list.find(|x| x.to_string() == want)
        }
        match (table, column) {
            ("meta", None) => {
                let row = find(Meta::FIELDS.iter().copied(), row).ok_or_else(err)?;
                Ok(Self::meta(row))
            }
            ("applications", Some(column)) => {
                let row =
                    find(schema::APPLICATION_ROWS.iter().map(|r| r.id), row).ok_or_else(err)?;
                let column =
                    find(schema::APPLICANT_COLUMNS.iter().map(|c| c.id), column).ok_or_else(err)?;
                Ok(Self::new(Table::Applications, row, column))
            }
            ("appeals", Some(column)) => {
                let row = find(schema::APPEAL_ROWS.iter().map(|r| r.id), row).ok_or_else(err)?;
                let column =
                    find(schema::APPEAL_COLUMNS.iter().map(|c| c.id), column).ok_or_else(err)?;
                Ok(Self::new(Table::Appeals, row, column))
            }
            ("active", Some(column)) => {
                for def in schema::ACTIVE_ROWS_2019
                    .iter()
                    .chain(schema::ACTIVE_ROWS_2021)
                {
                    if def.id.as_str() != row {
                        continue;
                    }
                    if let Some(c) = def.columns.iter().find(|c| c.id.as_str() == column) {
                        return Ok(Self::new(Table::Active, def.id, c.id));
                    }
                }
                Err(err())
            }
            _ => Err(err()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::OtherStyle;

    #[test]
    fn a_metadata_address_serializes_without_a_column() {
        let a = Address::meta(field::PUBLISHED);
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"meta/published\"");
        let b = Address::new(
            Table::Applications,
            schema::row::DENIED_ADMINISTRATIVE_QUERY,
            schema::column::SOCIAL_WELFARE_ORGANIZATION,
        );
        let want = "\"applications/denied.administrative_query/social_welfare_organization\"";
        assert_eq!(serde_json::to_string(&b).unwrap(), want);
    }

    #[test]
    fn addresses_round_trip_through_strings() {
        let mut r = Report {
            active: Some(Active::missing(Template::V2019)),
            applications: Some(Applications::missing(OtherStyle::Split)),
            appeals: Some(Appeals::default()),
            ..Report::default()
        };
        assert_eq!(r.cells().len(), 22 + 175 + 15);
        for (addr, _) in r.clone().cells() {
            let parsed: Address = addr.to_string().parse().unwrap();
            assert_eq!(parsed, addr);
            let json = serde_json::to_string(&addr).unwrap();
            assert_eq!(json, format!("\"{addr}\""));
            assert!(r.cell_mut(addr).is_some(), "{addr}");
        }
        let a: Address = "applications/denied.state_secret/natural_person"
            .parse()
            .unwrap();
        *r.cell_mut(a).unwrap() = Cell::int(3);
        assert_eq!(
            r.applications
                .as_ref()
                .unwrap()
                .denied
                .state_secret
                .natural_person,
            Cell::int(3)
        );
        assert_eq!(
            "meta/published".parse::<Address>().unwrap(),
            Address::meta(field::PUBLISHED)
        );
        assert!(
            "applications/other/natural_person"
                .parse::<Address>()
                .is_ok()
        );
        assert!("applications/granted".parse::<Address>().is_err());
        assert!("active/licensing/amount".parse::<Address>().is_err());
    }

    #[test]
    fn table_shapes_match_the_vocabulary() {
        let single = Applications::missing(OtherStyle::Single);
        let split = Applications::missing(OtherStyle::Split);
        assert_eq!(single.rows().len(), 23);
        assert_eq!(split.rows().len(), 25);
        assert_eq!(
            Active::missing(Template::V2021)
                .rows()
                .iter()
                .map(|(_, r)| r.columns().len())
                .sum::<usize>(),
            10
        );
        assert_eq!(
            Active::missing(Template::V2019)
                .rows()
                .iter()
                .map(|(_, r)| r.columns().len())
                .sum::<usize>(),
            22
        );
        let ids: Vec<_> = split.rows().iter().map(|(id, _)| *id).collect();
        let schema_ids: Vec<_> = schema::application_rows(OtherStyle::Split)
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, schema_ids);
    }

    #[test]
    fn report_json_round_trips() {
        let mut r = Report {
            meta: Meta {
                agency: Some("莱州市行政审批服务局".into()),
                year: Some(2020),
                template: Some(Template::V2019),
                period_start: NaiveDate::from_ymd_opt(2020, 1, 1),
                period_end: NaiveDate::from_ymd_opt(2020, 12, 31),
                published: NaiveDate::from_ymd_opt(2020, 1, 25),
            },
            active: Some(Active::missing(Template::V2019)),
            applications: Some(Applications::missing(OtherStyle::Single)),
            appeals: Some(Appeals::default()),
        };
        *r.cell_mut("applications/granted/total".parse().unwrap())
            .unwrap() = Cell::int(7);
        let json = serde_json::to_string(&r).unwrap();
        assert!(
            json.contains(r#""denied.state_secret":{"natural_person""#),
            "{json}"
        );
        assert!(json.contains(r#""published":"2020-01-25""#), "{json}");
        assert_eq!(serde_json::from_str::<Report>(&json).unwrap(), r);
        for template in [Template::V2019, Template::V2021] {
            let r = Report {
                active: Some(Active::missing(template)),
                ..Report::default()
            };
            let back: Report = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
            assert_eq!(back.active.unwrap().template(), template);
        }
    }
}
