//! Cell values: how often each kind occurs and how large counts are.

use ogi_model::schema::{column, row};
use ogi_model::{Cell, ColumnId, Decimal, NaMarker, Number, RowId, Unit};
use proptest::prelude::*;
use proptest::strategy::Union;

use crate::render::Layout;

/// What a generated report may contain.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Profile {
    /// Sections 三 and 四 satisfy their identities and hold numbers only.
    pub(crate) consistent: bool,
    /// Counts small enough to be read back when cells run together.
    pub(crate) small: bool,
    pub(crate) empty: bool,
    pub(crate) na: bool,
    /// Not applicable written `无` (only where cells are delimited).
    pub(crate) wu: bool,
    pub(crate) unknown: bool,
    /// Rows cut short or left out.
    pub(crate) missing: bool,
    pub(crate) absent_tables: bool,
    /// No statistical period, no printed date, or wrong ones.
    pub(crate) wrong_meta: bool,
}

impl Profile {
    pub(crate) const fn consistent() -> Self {
        Self {
            consistent: true,
            small: false,
            empty: true,
            na: true,
            wu: true,
            unknown: false,
            missing: false,
            absent_tables: false,
            wrong_meta: false,
        }
    }

    pub(crate) const fn any() -> Self {
        Self {
            consistent: false,
            small: false,
            empty: true,
            na: true,
            wu: true,
            unknown: true,
            missing: true,
            absent_tables: true,
            wrong_meta: true,
        }
    }

    /// The kinds `layout` can carry (see [`Layout::carries`]).
    pub(crate) const fn for_layout(mut self, layout: Layout) -> Self {
        match layout {
            Layout::Aligned | Layout::OnePerLine => {
                self.empty = false;
                self.wu = false;
            }
            Layout::RunTogether | Layout::RowRun => {
                self.small = true;
                self.empty = false;
                self.na = false;
                self.wu = false;
                self.unknown = false;
                self.missing = false;
                self.absent_tables = false;
            }
            Layout::Tab | Layout::Pipe | Layout::Markdown | Layout::Html => {}
        }
        self
    }
}

/// A count of section 三 in applicant column `column` (0 = 自然人): most
/// applications come from natural persons, some from businesses, few from
/// anyone else.
pub(crate) fn count(profile: Profile, column: usize) -> BoxedStrategy<i64> {
    match (profile.small, column) {
        (false, 0) => {
            prop_oneof![60 => Just(0i64), 16 => 1i64..=9, 3 => 10i64..=99, 1 => 100i64..=999]
                .boxed()
        }
        (false, 1) => prop_oneof![20 => Just(0i64), 4 => 1i64..=9, 1 => 10i64..=99].boxed(),
        (false, _) => prop_oneof![40 => Just(0i64), 2 => 1i64..=5].boxed(),
        (true, 0) => prop_oneof![14 => Just(0i64), 3 => 1i64..=2].boxed(),
        (true, 1) => prop_oneof![40 => Just(0i64), 1 => Just(1i64)].boxed(),
        (true, _) => prop_oneof![80 => Just(0i64), 1 => Just(1i64)].boxed(),
    }
}

/// A count of section 四.
pub(crate) fn appeal_count(profile: Profile) -> BoxedStrategy<i64> {
    if profile.small {
        prop_oneof![12 => Just(0i64), 1 => Just(1i64)].boxed()
    } else {
        prop_oneof![12 => Just(0i64), 4 => 1i64..=9, 1 => 10i64..=99].boxed()
    }
}

/// A not-applicable marker the profile allows.
fn na(profile: Profile) -> BoxedStrategy<Cell> {
    let markers: Vec<NaMarker> = NaMarker::ALL
        .into_iter()
        .filter(|m| profile.wu || *m != NaMarker::Wu)
        .collect();
    prop::sample::select(markers)
        .prop_map(Cell::NotApplicable)
        .boxed()
}

/// A cell of any kind the profile allows, numbers from `number`; numbers
/// come first, so the other kinds shrink to numbers.
pub(crate) fn any_cell(number: BoxedStrategy<i64>, profile: Profile) -> BoxedStrategy<Cell> {
    let mut options: Vec<(u32, BoxedStrategy<Cell>)> =
        vec![(40, number.prop_map(Cell::int).boxed())];
    if profile.empty {
        options.push((1, Just(Cell::Empty).boxed()));
    }
    if profile.na {
        options.push((1, na(profile)));
    }
    if profile.unknown {
        options.push((1, Just(Cell::Unknown).boxed()));
    }
    Union::new_weighted(options).boxed()
}

/// A cell of section 二. Consistent reports have some empty and
/// not-applicable cells here too: the section has no identity to break.
pub(crate) fn active_cell(row: RowId, column: ColumnId, profile: Profile) -> BoxedStrategy<Cell> {
    let number: BoxedStrategy<Cell> = match column {
        column::AMOUNT => money(row == row::PROCUREMENT, profile),
        column::CHANGE if profile.small => (-9i64..=9).prop_map(Cell::int).boxed(),
        column::CHANGE => prop_oneof![4 => Just(0i64), 2 => 1i64..=30, 2 => -20i64..=-1]
            .prop_map(Cell::int)
            .boxed(),
        _ if profile.small => prop_oneof![6 => Just(0i64), 2 => 1i64..=9]
            .prop_map(Cell::int)
            .boxed(),
        column::ISSUED | column::REPEALED | column::MADE | column::PUBLISHED => {
            prop_oneof![6 => Just(0i64), 3 => 1i64..=9, 1 => 10i64..=99]
                .prop_map(Cell::int)
                .boxed()
        }
        column::DECISIONS => prop_oneof![
            3 => Just(0i64),
            3 => 1i64..=999,
            2 => 1_000i64..=99_999,
            1 => 100_000i64..=999_999
        ]
        .prop_map(Cell::int)
        .boxed(),
        _ => prop_oneof![3 => Just(0i64), 3 => 1i64..=99, 1 => 100i64..=999]
            .prop_map(Cell::int)
            .boxed(),
    };
    let mut options: Vec<(u32, BoxedStrategy<Cell>)> = vec![(30, number)];
    if profile.empty {
        options.push((1, Just(Cell::Empty).boxed()));
    }
    if profile.na {
        options.push((2, na(profile)));
    }
    if profile.unknown {
        options.push((1, Just(Cell::Unknown).boxed()));
    }
    Union::new_weighted(options).boxed()
}

/// Money: 0, or an amount with up to four decimals; 采购总金额 sometimes
/// carries its unit (`251000元`), 本年收费金额 never (its header says 万元).
fn money(procurement: bool, profile: Profile) -> BoxedStrategy<Cell> {
    let mantissa = if profile.small {
        (0i64..=9).boxed()
    } else {
        prop_oneof![3 => Just(0i64), 2 => 1i64..=99_999_999].boxed()
    };
    let scale = if profile.small {
        Just(0u8).boxed()
    } else {
        prop_oneof![2 => Just(0u8), 1 => 1u8..=4].boxed()
    };
    let unit = if procurement && !profile.small {
        prop_oneof![Just(None), Just(Some(Unit::Yuan))].boxed()
    } else {
        Just(None).boxed()
    };
    (mantissa, scale, unit)
        .prop_map(|(m, s, unit)| {
            let value = Decimal::new(m, s).unwrap_or(Decimal::ZERO);
            Cell::Number(Number { value, unit })
        })
        .boxed()
}
