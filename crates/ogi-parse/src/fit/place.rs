//! Where a row's values stand on its line, for space-aligned text.
//!
//! A table printed with spaces (`pdftotext -layout`, a converter padding
//! columns) shows a blank cell only as a wider gap: `规章      3            5`
//! is three cells, the middle one blank. Such a short row is placed by the
//! columns of the full rows printed next to it, when they leave no doubt:
//! both neighbours agree on where every column stands, and each value of
//! the short row stands under exactly one column.
//!
//! Positions are counted two ways, because converters count two ways:
//! `pdftotext` gives every character one column, a monospace rendering
//! gives a CJK character two. A measure is used only when the neighbouring
//! full rows line up under it.

use unicode_width::UnicodeWidthStr;

use ogi_model::{Cell, Span};

use super::{Obs, RowRead};
use crate::lex::NO_FIELD;
use crate::source_map::Read;

/// How many lines away a lone full row may be and still place a short
/// row (blank lines between rows included).
const NEAR_LINES: usize = 4;

/// A half-open range of columns on a line.
type Range = (usize, usize);

/// A full row of space-aligned text: where it is and where its values stand.
#[derive(Clone, Debug)]
pub(crate) struct Aligned {
    /// Byte where its first value starts (orders the rows).
    at: usize,
    /// Its number of cells.
    width: usize,
    /// Per value: its columns, one per character.
    chars: Vec<Range>,
    /// Per value: its columns, two per CJK character.
    display: Vec<Range>,
    /// How many columns more the text before its first value takes when a
    /// CJK character counts two (its label's CJK characters).
    wide: usize,
}

/// A row's values as they stand on one line of plain text: `(at, chars,
/// display)`; `None` unless the values are all on one line, none in a
/// separated field, and set apart by at least two spaces (a single space
/// packs values, it does not align them).
fn positions(o: &Obs, src: &str) -> Option<(usize, Vec<Range>, Vec<Range>)> {
    // No count is printed with more characters than this (`24252.311082`):
    // a longer token overflows its column and shows no grid.
    const WIDEST: usize = 12;
    let first = o.slots.first()?;
    let at = first.span.start;
    let line_start = src.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = src.get(at..)?.find('\n').map_or(src.len(), |i| at + i);
    let mut chars = Vec::with_capacity(o.slots.len());
    let mut display = Vec::with_capacity(o.slots.len());
    let mut previous_end = None;
    for s in &o.slots {
        if s.field != NO_FIELD || s.val.is_none() || s.span.end > line_end {
            return None;
        }
        let before = src.get(line_start..s.span.start)?;
        let text = src.get(s.span.start..s.span.end)?;
        if let Some(end) = previous_end {
            let gap = src.get(end..s.span.start)?;
            if gap.chars().count() < 2 || !gap.chars().all(|c| c == ' ' || c == '\u{3000}') {
                return None;
            }
        }
        previous_end = Some(s.span.end);
        if text.chars().count() > WIDEST {
            return None;
        }
        let (c, d) = (before.chars().count(), before.width());
        chars.push((c, c + text.chars().count()));
        display.push((d, d + text.width()));
    }
    Some((at, chars, display))
}

/// How many columns more the text before the first value takes under the
/// display measure than under the character one.
fn wide(chars: &[Range], display: &[Range]) -> usize {
    match (chars.first(), display.first()) {
        (Some(c), Some(d)) => d.0.saturating_sub(c.0),
        _ => 0,
    }
}

/// The full rows of a table that are space-aligned.
pub(crate) fn aligned(rows: &[(&Obs, usize)], src: &str) -> Vec<Aligned> {
    let mut out: Vec<Aligned> = rows
        .iter()
        .filter(|(o, width)| o.slots.len() == *width && *width > 1 && !o.blank)
        .filter_map(|(o, width)| {
            let (at, chars, display) = positions(o, src)?;
            Some(Aligned {
                at,
                width: *width,
                wide: wide(&chars, &display),
                chars,
                display,
            })
        })
        .collect();
    out.sort_by_key(|a| a.at);
    out
}

/// What one measure says of a short row's values under the reference rows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Grid {
    /// The reference rows do not line up under this measure: it says
    /// nothing of where the values stand.
    Misaligned,
    /// The reference rows line up, but a value stands between columns,
    /// runs over one, or shares one with another: the row is in doubt.
    Unplaced,
    /// The column of each value, left to right.
    Placed(Vec<usize>),
}

/// The column of each value under the reference rows `refs` (one measure):
/// placed when the reference rows line up column by column and every
/// value stands within exactly one column's zone, left to right.
///
/// Converters place a cell's text only roughly (`pdftotext` may start a
/// two-digit number a few columns left of a one-digit one below it), so
/// reference rows line up when each column's centres lie closer to each
/// other than to any other column; the zone of a column runs halfway to
/// the next one's (in doubled units, to stay in integers).
fn columns(values: &[Range], refs: &[&[Range]]) -> Grid {
    grid(refs).map_or(Grid::Misaligned, |bounds| place(values, &bounds))
}

/// The zone boundaries (doubled) of the reference rows' columns; `None`
/// unless they line up column by column.
fn grid(refs: &[&[Range]]) -> Option<Vec<usize>> {
    let first = refs.first()?;
    let width = first.len();
    if width < 2 || refs.iter().any(|r| r.len() != width) {
        return None;
    }
    // Doubled centres and extents of each column over the reference rows.
    let centre = |r: Range| r.0 + r.1;
    let mut lo = vec![usize::MAX; width];
    let mut hi = vec![0; width];
    for r in refs {
        for (k, c) in r.iter().enumerate() {
            let (l, h) = (lo.get_mut(k)?, hi.get_mut(k)?);
            *l = (*l).min(c.0 * 2);
            *h = (*h).max(c.1 * 2);
        }
    }
    // Every reference row's value in column k is nearer its fellows' than
    // the next column's start, compared by whichever edge the converter
    // aligned: their centres (pdftotext), their right edges (numbers padded
    // to the right) or their left edges.
    for k in 0..width {
        let column: Vec<Range> = refs.iter().filter_map(|r| r.get(k).copied()).collect();
        let spread_of = |at: &dyn Fn(Range) -> usize| {
            let points = column.iter().map(|c| at(*c));
            Some(points.clone().max()? - points.min()?)
        };
        let spread = [
            spread_of(&|c| centre(c))?,
            spread_of(&|c| c.1 * 2)?,
            spread_of(&|c| c.0 * 2)?,
        ]
        .into_iter()
        .min()?;
        let room = match (k.checked_sub(1).and_then(|j| hi.get(j)), lo.get(k + 1)) {
            (Some(left), Some(right)) => {
                (lo.get(k)?.saturating_sub(*left)).min(right.saturating_sub(*hi.get(k)?))
            }
            (Some(left), None) => lo.get(k)?.saturating_sub(*left),
            (None, Some(right)) => right.saturating_sub(*hi.get(k)?),
            (None, None) => return None,
        };
        if room == 0 || spread >= room + 2 {
            return None;
        }
    }
    // Zone boundaries (doubled): halfway between one column's extent and
    // the next one's.
    (0..width - 1)
        .map(|k| Some((hi.get(k)? + lo.get(k + 1)?) / 2))
        .collect()
}

/// Each value in the zone it stands in, between the (doubled) `bounds`.
fn place(values: &[Range], bounds: &[usize]) -> Grid {
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        let (s, e) = (v.0 * 2, v.1 * 2);
        let k = bounds.iter().take_while(|b| s >= **b).count();
        let inside = bounds.get(k).is_none_or(|b| e <= *b);
        if !inside || out.last().is_some_and(|p| *p >= k) {
            return Grid::Unplaced;
        }
        out.push(k);
    }
    Grid::Placed(out)
}

/// A short row placed under the columns of the full rows around it (see
/// the module doc): its values where they stand, every other cell empty
/// (blank space under a column is a blank cell). `None` when anything is
/// in doubt.
pub(crate) fn by_position(o: &Obs, width: usize, rows: &[Aligned], src: &str) -> Option<RowRead> {
    let n = o.slots.len();
    if n == 0 || n >= width || o.blank {
        return None;
    }
    let (at, chars, display) = positions(o, src)?;
    let same: Vec<&Aligned> = rows.iter().filter(|a| a.width == width).collect();
    let split = same.partition_point(|a| a.at < at);
    let (above, below) = same.split_at(split);
    // The two nearest full rows on each side, which must all line up (one
    // row printed out of line, a number too wide for its column, would
    // mislead alone); a lone full row only when it is a few lines away (a
    // sub-table of two rows).
    let near = |a: &Aligned| {
        let (from, to) = if a.at < at { (a.at, at) } else { (at, a.at) };
        src.get(from..to)
            .is_some_and(|between| between.matches('\n').count() <= NEAR_LINES)
    };
    let refs: Vec<&Aligned> = above
        .iter()
        .rev()
        .take(2)
        .chain(below.iter().take(2))
        .copied()
        .collect();
    let refs = match refs.as_slice() {
        [] => return None,
        [one] if !near(one) => return None,
        _ => refs,
    };
    let by = |values: &[Range], pick: fn(&Aligned) -> &[Range]| {
        let r: Vec<&[Range]> = refs.iter().map(|a| pick(a)).collect();
        columns(values, &r)
    };
    // A lone reference row has no fellow to be checked against: both
    // measures must place the values alike. Otherwise one measure may say
    // nothing (its rows do not line up), but a measure under which the
    // rows line up and a value stands out of its column leaves the row in
    // doubt. And one measure alone is trusted only when the reference rows
    // tell the measures apart: labels of different CJK widths line up under
    // it. Reference rows whose labels are equally wide line up under both
    // measures or neither, whatever the text was laid out by; a short row
    // with a wider or narrower label would then be placed by a guess.
    let lone = refs.len() == 1;
    let told_apart = refs
        .iter()
        .any(|a| Some(a.wide) != refs.first().map(|f| f.wide));
    let placement = match (by(&chars, |a| &a.chars), by(&display, |a| &a.display)) {
        (Grid::Placed(a), Grid::Placed(b)) if a == b => a,
        (Grid::Placed(a), Grid::Misaligned) | (Grid::Misaligned, Grid::Placed(a))
            if !lone && told_apart =>
        {
            a
        }
        _ => return None,
    };
    let mut out = RowRead::default();
    for col in 0..width {
        match placement.iter().position(|k| *k == col) {
            Some(i) => {
                let slot = o.slots.get(i)?;
                out.cells.push(slot.cell());
                out.spans.push(slot.span);
            }
            None => {
                // The blank between the values around the column.
                let left = placement.iter().rposition(|k| *k < col);
                let right = placement.iter().position(|k| *k > col);
                let from = match left {
                    Some(i) => o.slots.get(i)?.span.end,
                    None => blank_before(src, o.slots.first()?.span.start),
                };
                let to = match right {
                    Some(i) => o.slots.get(i)?.span.start,
                    None => blank_after(src, o.slots.last()?.span.end),
                };
                out.cells.push(Cell::Empty);
                out.spans.push(Span::new(from, to));
            }
        }
        out.reads.push(Read::Token);
    }
    Some(out)
}

/// Where the spaces before byte `at` on its line start.
fn blank_before(src: &str, at: usize) -> usize {
    let before = src.get(..at).unwrap_or_default();
    at - (before.len() - before.trim_end_matches([' ', '\u{3000}']).len())
}

/// Where the spaces after byte `at` on its line end.
fn blank_after(src: &str, at: usize) -> usize {
    let after = src.get(at..).unwrap_or_default();
    at + (after.len() - after.trim_start_matches([' ', '\u{3000}']).len())
}

#[cfg(test)]
mod tests {
    use super::{Grid, columns};

    impl Grid {
        fn placed(v: &[usize]) -> Self {
            Self::Placed(v.to_vec())
        }
    }

    #[test]
    fn values_go_to_the_zone_they_stand_in() {
        // pdftotext: a two-digit number starts left of the one-digit ones
        // below it; the zones still tell the columns apart.
        let a = [
            (32, 36),
            (44, 46),
            (53, 54),
            (62, 63),
            (67, 69),
            (76, 77),
            (80, 84),
        ];
        let b = [
            (32, 34),
            (44, 45),
            (53, 54),
            (62, 63),
            (71, 72),
            (76, 77),
            (81, 83),
        ];
        let short = [(32, 35), (53, 54), (62, 63), (67, 69), (76, 77), (80, 84)];
        assert_eq!(
            columns(&short, &[&a, &b]),
            Grid::placed(&[0, 2, 3, 4, 5, 6])
        );
        // One reference row is enough when it is all there is.
        assert_eq!(columns(&[(44, 45)], &[&b]), Grid::placed(&[1]));
    }

    #[test]
    fn doubt_places_nothing() {
        let a = [(10, 11), (20, 21), (30, 31)];
        // A value between two columns.
        assert_eq!(columns(&[(15, 16)], &[&a]), Grid::Unplaced);
        // A value wider than its zone (it runs into the next).
        assert_eq!(columns(&[(10, 22)], &[&a]), Grid::Unplaced);
        // Two values in one column.
        assert_eq!(columns(&[(10, 11), (11, 12)], &[&a]), Grid::Unplaced);
        // Reference rows that do not line up (a page with other columns).
        let shifted = [(16, 17), (26, 27), (36, 37)];
        assert_eq!(columns(&[(10, 11)], &[&a, &shifted]), Grid::Misaligned);
        // A single column is not a grid.
        assert_eq!(columns(&[(10, 11)], &[&[(10, 11)]]), Grid::Misaligned);
    }
}
