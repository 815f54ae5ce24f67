//! Linear identities between cells: evaluation, "not assessable", and the
//! search for one cell that explains several broken identities.
//!
//! An identity says `Σ expected = Σ actual` (or `Σ actual ≤ Σ expected` for
//! a bound). Written as a residual `r = Σ expected − Σ actual`, a cell has
//! coefficient `+1` (an expected operand) or `−1` (an actual operand), and
//! the value `v` that repairs the identity by changing that one cell is
//! `old − r·k`.

use std::collections::{BTreeMap, BTreeSet};

use ogi_model::{Address, Cell, CellKind, ColumnId, Decimal, RowId, Table};
use ogi_parse::DiagnosticKind;

use crate::config::{Ctx, EmptyCells};
use crate::diagnostic::{Diagnostic, Explanation};
use crate::message::{Message, Note, Scope};
use crate::rule::Rule;
use crate::value::{Fix, Value};

/// `Σ actual = Σ expected`, or `Σ actual ≤ Σ expected`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relation {
    Equal,
    AtMost,
}

/// Where an identity applies, and how its failure is worded there: each
/// rule hands its own message constructor, so no rule is worded as another's.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Target {
    /// A column of `applications`.
    Column(ColumnId, fn(ColumnId, Decimal, Decimal) -> Message),
    /// A row of a table.
    Row(Table, RowId, fn(RowId, Decimal, Decimal) -> Message),
}

/// One identity of the format, instantiated for a column or row.
#[derive(Clone, Debug)]
pub(crate) struct Identity {
    pub(crate) rule: Rule,
    /// Its column or row, and its message.
    pub(crate) target: Target,
    /// The conventional primary cell: the printed total (or bound operand).
    pub(crate) total: Address,
    pub(crate) expected: Vec<Address>,
    pub(crate) actual: Vec<Address>,
    pub(crate) relation: Relation,
}

impl Identity {
    /// One identity per applicant column of section 三 (none when the report
    /// has no such table): Σ `expected` rows (relation) Σ `actual` rows in the
    /// column, with the row `total` as its conventional primary cell.
    pub(crate) fn per_column(
        report: &ogi_model::Report,
        rule: Rule,
        expected: &[RowId],
        actual: &[RowId],
        total: RowId,
        relation: Relation,
        message: fn(ColumnId, Decimal, Decimal) -> Message,
    ) -> Vec<Self> {
        if report.applications.is_none() {
            return Vec::new();
        }
        ogi_model::schema::APPLICANT_COLUMNS
            .iter()
            .map(|c| {
                let at = |rows: &[RowId]| {
                    rows.iter()
                        .map(|r| Address::new(Table::Applications, *r, c.id))
                        .collect()
                };
                Self {
                    rule,
                    target: Target::Column(c.id, message),
                    total: Address::new(Table::Applications, total, c.id),
                    expected: at(expected),
                    actual: at(actual),
                    relation,
                }
            })
            .collect()
    }

    fn coef(&self, a: Address) -> i64 {
        let plus = self.expected.iter().filter(|x| **x == a).count();
        let minus = self.actual.iter().filter(|x| **x == a).count();
        i64::try_from(plus).unwrap_or(0) - i64::try_from(minus).unwrap_or(0)
    }

    fn operands(&self) -> impl Iterator<Item = Address> + '_ {
        self.expected.iter().chain(&self.actual).copied()
    }

    /// Every cell, `first` first, then the operands in order.
    fn cells_from(&self, first: Address) -> Vec<Address> {
        let mut v = vec![first];
        v.extend(self.operands().filter(|a| *a != first));
        v
    }

    /// Its finding's message, with the sums as read.
    fn message(&self, expected: Decimal, actual: Decimal) -> Message {
        match self.target {
            Target::Column(column, words) => words(column, expected, actual),
            Target::Row(_, row, words) => words(row, expected, actual),
        }
    }

    /// Its column or row.
    pub(crate) const fn scope(&self) -> Scope {
        match self.target {
            Target::Column(column, _) => Scope::Column(column),
            Target::Row(table, row, _) => Scope::Row(table, row),
        }
    }
}

#[derive(Clone, Debug)]
enum Outcome {
    Holds,
    Fails,
    NotAssessable(Vec<(Address, CellKind)>),
    /// It fails only with a short row's cells placed as the parser placed
    /// them (see [`doubt`]): reported once per short row.
    Doubted,
}

#[derive(Clone, Debug)]
struct Evaluation {
    identity: Identity,
    outcome: Outcome,
    expected: Decimal,
    actual: Decimal,
    /// The value each operand was read as (numbers, and blanks read as 0).
    values: Vec<(Address, Decimal)>,
    assumed_zero: Vec<Address>,
}

impl Evaluation {
    fn value(&self, cell: Address) -> Option<Decimal> {
        self.values
            .iter()
            .find(|(a, _)| *a == cell)
            .map(|(_, v)| *v)
    }

    fn residual(&self) -> Option<Decimal> {
        self.expected.checked_sub(self.actual)
    }

    /// Whether the identity holds when `cell` (coefficient ≠ 0) is `v`.
    fn holds_with(&self, cell: Address, v: Decimal) -> Option<bool> {
        let k = self.identity.coef(cell);
        let old = self.value(cell)?;
        let r = self.residual()?;
        let delta = v.checked_sub(old)?;
        let r2 = match k {
            1 => r.checked_add(delta)?,
            -1 => r.checked_sub(delta)?,
            _ => return None,
        };
        Some(match self.identity.relation {
            Relation::Equal => r2 == Decimal::ZERO,
            Relation::AtMost => !r2.is_negative(),
        })
    }

    /// The value of `cell` that makes an equality hold.
    fn repair(&self, cell: Address) -> Option<Decimal> {
        if self.identity.relation != Relation::Equal {
            return None;
        }
        let old = self.value(cell)?;
        let r = self.residual()?;
        match self.identity.coef(cell) {
            1 => old.checked_sub(r),
            -1 => old.checked_add(r),
            _ => None,
        }
    }
}

fn evaluate(ctx: &Ctx<'_>, identity: Identity) -> Option<Evaluation> {
    evaluate_with(ctx, identity, &|a| ctx.cell(a).copied())
}

/// [`evaluate`] with the cells `cell` gives (another placement of a short
/// row's cells).
fn evaluate_with(
    ctx: &Ctx<'_>,
    identity: Identity,
    cell: &dyn Fn(Address) -> Option<Cell>,
) -> Option<Evaluation> {
    let mut values = Vec::with_capacity(identity.expected.len() + identity.actual.len());
    let mut blocking = Vec::new();
    let mut assumed_zero = Vec::new();
    let mut read = |side: &[Address]| {
        let mut sum = Decimal::ZERO;
        for &a in side {
            let value = match cell(a)? {
                Cell::Number(n) => n.value,
                Cell::Empty if ctx.config.empty == EmptyCells::AsZero => {
                    assumed_zero.push(a);
                    Decimal::ZERO
                }
                other => {
                    blocking.push((a, other.kind()));
                    continue;
                }
            };
            values.push((a, value));
            sum = sum.checked_add(value)?;
        }
        Some(sum)
    };
    let expected = read(&identity.expected)?;
    let actual = read(&identity.actual)?;
    let outcome = if !blocking.is_empty() {
        Outcome::NotAssessable(blocking)
    } else {
        let holds = match identity.relation {
            Relation::Equal => expected == actual,
            Relation::AtMost => actual <= expected,
        };
        if holds {
            Outcome::Holds
        } else {
            Outcome::Fails
        }
    };
    Some(Evaluation {
        identity,
        outcome,
        expected,
        actual,
        values,
        assumed_zero,
    })
}

/// A row the parser found short and whose cells it placed from the left
/// ([`ogi_parse::Read::ShortRow`]): which column each stands in is a guess.
struct ShortRow {
    table: Table,
    row: RowId,
    /// The row's cells, in column order.
    columns: Vec<Address>,
    /// The cells found, in order.
    found: Vec<Cell>,
}

impl ShortRow {
    /// Every placement of the found cells in the row's columns, in order:
    /// the cells each placement gives the row (the others missing).
    fn placements(&self) -> Vec<Vec<(Address, Cell)>> {
        let mut out = Vec::new();
        let mut chosen = Vec::with_capacity(self.found.len());
        self.place(0, &mut chosen, &mut out);
        out
    }

    fn place(&self, from: usize, chosen: &mut Vec<usize>, out: &mut Vec<Vec<(Address, Cell)>>) {
        if out.len() > MAX_PLACEMENTS {
            return;
        }
        if chosen.len() == self.found.len() {
            let cells = self
                .columns
                .iter()
                .enumerate()
                .map(|(k, a)| {
                    let cell = chosen
                        .iter()
                        .position(|c| *c == k)
                        .and_then(|i| self.found.get(i).copied())
                        .unwrap_or(Cell::Missing);
                    (*a, cell)
                })
                .collect();
            out.push(cells);
            return;
        }
        let left = self.found.len() - chosen.len();
        for k in from..=self.columns.len().saturating_sub(left) {
            chosen.push(k);
            self.place(k + 1, chosen, out);
            chosen.pop();
        }
    }
}

/// The most placements of short rows' cells tried together.
const MAX_PLACEMENTS: usize = 512;

/// The short rows of a report: rows the parser says are short
/// (`RowLength` with fewer cells than the format) whose cells it read as
/// placed by guess.
fn short_rows(ctx: &Ctx<'_>) -> Vec<ShortRow> {
    let mut out: Vec<ShortRow> = Vec::new();
    for p in &ctx.parsed.diagnostics {
        let DiagnosticKind::RowLength {
            table,
            row,
            expected,
            found,
        } = &p.kind
        else {
            continue;
        };
        if found >= expected || out.iter().any(|r| r.table == *table && r.row == *row) {
            continue;
        }
        let columns: Vec<Address> = ctx
            .parsed
            .report
            .cells()
            .into_iter()
            .map(|(a, _)| a)
            .filter(|a| a.table == *table && a.row == *row)
            .collect();
        let guessed = columns
            .iter()
            .any(|a| ctx.parsed.source_map.read(*a) == Some(ogi_parse::Read::ShortRow));
        if !guessed {
            continue;
        }
        let found: Vec<Cell> = columns
            .iter()
            .filter_map(|a| ctx.cell(*a).copied())
            .filter(|c| *c != Cell::Missing)
            .collect();
        out.push(ShortRow {
            table: *table,
            row: *row,
            columns,
            found,
        });
    }
    out
}

/// Identities that fail with a short row's cells placed from the left,
/// but not under every placement of them, rest on the parser's guess: they
/// become [`Outcome::Doubted`] and one `cells.not_assessable` per short row
/// says which. An identity that fails whatever the placement stays a
/// failure (with the cells as placed).
fn doubt(ctx: &Ctx<'_>, evals: &mut [Evaluation], out: &mut Vec<Diagnostic>) {
    let rows = short_rows(ctx);
    if rows.is_empty() {
        return;
    }
    let touched = |e: &Evaluation| -> Option<usize> {
        rows.iter()
            .position(|r| e.identity.operands().any(|a| r.columns.contains(&a)))
    };
    // Every combination of the short rows' placements, unless too many.
    let mut combos: Vec<Vec<(Address, Cell)>> = vec![Vec::new()];
    for r in &rows {
        let placements = r.placements();
        if combos.len().saturating_mul(placements.len()) > MAX_PLACEMENTS {
            combos.clear();
            break;
        }
        combos = combos
            .iter()
            .flat_map(|c| {
                placements.iter().map(move |p| {
                    let mut v = c.clone();
                    v.extend(p.iter().copied());
                    v
                })
            })
            .collect();
    }
    // Whether a rule fails (somewhere) under every combination.
    let mut robust: BTreeMap<Rule, bool> = BTreeMap::new();
    let mut doubted: BTreeMap<usize, Vec<(Rule, Scope)>> = BTreeMap::new();
    for i in 0..evals.len() {
        let Some(e) = evals.get(i) else { continue };
        if !matches!(e.outcome, Outcome::Fails) {
            continue;
        }
        let Some(row) = touched(e) else { continue };
        let rule = e.identity.rule;
        let holds_up = *robust.entry(rule).or_insert_with(|| {
            !combos.is_empty()
                && combos.iter().all(|combo| {
                    let lookup = |a: Address| {
                        combo
                            .iter()
                            .find(|(b, _)| *b == a)
                            .map(|(_, c)| *c)
                            .or_else(|| ctx.cell(a).copied())
                    };
                    evals.iter().filter(|o| o.identity.rule == rule).any(|o| {
                        evaluate_with(ctx, o.identity.clone(), &lookup)
                            .is_some_and(|x| matches!(x.outcome, Outcome::Fails))
                    })
                })
        });
        if holds_up {
            continue;
        }
        if let Some(e) = evals.get_mut(i) {
            e.outcome = Outcome::Doubted;
            doubted
                .entry(row)
                .or_default()
                .push((e.identity.rule, e.identity.scope()));
        }
    }
    for (row, identities) in doubted {
        let Some(r) = rows.get(row) else { continue };
        let mut d = Diagnostic::new(
            Rule::CellsNotAssessable,
            Message::PlacementUncertain {
                table: r.table,
                row: r.row,
                expected: r.columns.len(),
                found: r.found.len(),
                identities,
            },
        );
        d.cells = r
            .columns
            .iter()
            .copied()
            .filter(|a| ctx.cell(*a).is_some_and(|c| *c != Cell::Missing))
            .collect();
        d.values = cell_values(ctx, &d.cells);
        d.primary = ctx.parsed.source_map.row(r.table, r.row);
        out.push(d);
    }
}

/// A cell that explains several failing identities.
struct Cause {
    cell: Address,
    value: Decimal,
    members: Vec<usize>,
}

/// Finds, repeatedly, the cell that alone explains the most failing
/// identities (at least two): one value of it repairs every failing
/// equality it takes part in, satisfies the failing bounds, and keeps every
/// identity that holds holding. Ties between different cells are left alone.
fn causes(evals: &[Evaluation]) -> Vec<Cause> {
    let mut taken: BTreeSet<usize> = BTreeSet::new();
    let mut out = Vec::new();
    loop {
        let failing: Vec<usize> = evals
            .iter()
            .enumerate()
            .filter(|(i, e)| !taken.contains(i) && matches!(e.outcome, Outcome::Fails))
            .map(|(i, _)| i)
            .collect();
        let cells: BTreeSet<Address> = failing
            .iter()
            .filter_map(|i| evals.get(*i))
            .flat_map(|e| e.identity.operands())
            .collect();
        let mut best: Vec<Cause> = Vec::new();
        for cell in cells {
            let Some(cause) = explain(evals, &failing, cell) else {
                continue;
            };
            match best.first().map(|b| b.members.len()) {
                Some(n) if n > cause.members.len() => {}
                Some(n) if n == cause.members.len() => best.push(cause),
                _ => best = vec![cause],
            }
        }
        if best.len() != 1 {
            return out;
        }
        let Some(cause) = best.pop() else {
            return out;
        };
        taken.extend(cause.members.iter().copied());
        out.push(cause);
    }
}

fn explain(evals: &[Evaluation], failing: &[usize], cell: Address) -> Option<Cause> {
    let members: Vec<usize> = failing
        .iter()
        .copied()
        .filter(|i| evals.get(*i).is_some_and(|e| e.identity.coef(cell) != 0))
        .collect();
    if members.len() < 2 {
        return None;
    }
    let mut value = None;
    for e in members.iter().filter_map(|i| evals.get(*i)) {
        if let Some(v) = e.repair(cell) {
            if value.is_some_and(|x| x != v) {
                return None;
            }
            value = Some(v);
        }
    }
    let value = value?;
    for (i, e) in evals.iter().enumerate() {
        if e.identity.coef(cell) == 0 {
            continue;
        }
        let relevant = members.contains(&i) || matches!(e.outcome, Outcome::Holds);
        if relevant && e.holds_with(cell, value) != Some(true) {
            return None;
        }
    }
    Some(Cause {
        cell,
        value,
        members,
    })
}

fn base_diagnostic(ctx: &Ctx<'_>, e: &Evaluation, primary: Address) -> Diagnostic {
    let id = &e.identity;
    let mut d = Diagnostic::new(id.rule, id.message(e.expected, e.actual));
    d.cells = id.cells_from(primary);
    d.values = d
        .cells
        .iter()
        .filter_map(|a| ctx.cell(*a).map(|c| (*a, *c)))
        .collect();
    d.expected = Some(Value::Number(e.expected));
    d.actual = Some(Value::Number(e.actual));
    d.primary = ctx.locate(primary);
    d.secondary = d
        .cells
        .iter()
        .skip(1)
        .filter_map(|a| ctx.span(*a).map(|s| (s, *a)))
        .collect();
    if !e.assumed_zero.is_empty() {
        d.note_items.push(Note::AssumedZero {
            cells: e.assumed_zero.clone(),
        });
    }
    d
}

/// Evaluates identities and turns the results into diagnostics: failures
/// (merged by cause), not-assessable infos, and holds-only-assuming-zero infos.
pub(crate) fn check(ctx: &Ctx<'_>, identities: Vec<Identity>, out: &mut Vec<Diagnostic>) {
    let mut evals: Vec<Evaluation> = identities
        .into_iter()
        .filter_map(|i| evaluate(ctx, i))
        .collect();
    doubt(ctx, &mut evals, out);
    let causes = causes(&evals);
    let mut grouped: BTreeMap<usize, (usize, &Cause)> = BTreeMap::new();
    for cause in &causes {
        let lead = cause
            .members
            .iter()
            .copied()
            .min_by_key(|i| (evals.get(*i).map(|e| e.identity.rule.index()), *i))
            .unwrap_or(0);
        for m in &cause.members {
            grouped.insert(*m, (lead, cause));
        }
    }
    for (i, e) in evals.iter().enumerate() {
        match &e.outcome {
            Outcome::Fails => out.push(failure(ctx, &evals, (i, e), grouped.get(&i).copied())),
            Outcome::Holds if !e.assumed_zero.is_empty() => {
                let mut d = Diagnostic::new(
                    Rule::CellsNotAssessable,
                    Message::HoldsAssumingZero {
                        rule: e.identity.rule,
                        scope: e.identity.scope(),
                        cells: e.assumed_zero.clone(),
                    },
                );
                d.cells.clone_from(&e.assumed_zero);
                d.values = cell_values(ctx, &d.cells);
                d.primary = e.assumed_zero.first().and_then(|a| ctx.locate(*a));
                d.note_items.push(Note::AssumedZero {
                    cells: e.assumed_zero.clone(),
                });
                out.push(d);
            }
            Outcome::Holds | Outcome::Doubted => {}
            Outcome::NotAssessable(blocking) => {
                if covered(&evals, e) {
                    continue;
                }
                out.push(not_assessable(ctx, e, blocking));
            }
        }
    }
}

/// Replaces the `cells.not_assessable` findings of one rule in several
/// columns or rows (a report that leaves cells blank) by one finding for all
/// of them. Follow-ups (of a short row) stay as they are.
pub(crate) fn group_not_assessable(out: &mut Vec<Diagnostic>) {
    let mut rules: Vec<Rule> = Vec::new();
    for d in out.iter() {
        if let Message::NotAssessable { rule, .. } = d.message {
            if !d.is_follow_up() && !rules.contains(&rule) {
                rules.push(rule);
            }
        }
    }
    for rule in rules {
        let members: Vec<usize> = out
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                !d.is_follow_up()
                    && matches!(d.message, Message::NotAssessable { rule: r, .. } if r == rule)
            })
            .map(|(i, _)| i)
            .collect();
        let (Some(&first), true) = (members.first(), members.len() >= 2) else {
            continue;
        };
        let grouped = not_assessable_in(
            rule,
            &members
                .iter()
                .filter_map(|i| out.get(*i))
                .collect::<Vec<_>>(),
        );
        if let Some(slot) = out.get_mut(first) {
            *slot = grouped;
        }
        let mut k = 0;
        out.retain(|_| {
            let keep = k == first || !members.contains(&k);
            k += 1;
            keep
        });
    }
}

/// One finding for a rule not assessable in several scopes.
fn not_assessable_in(rule: Rule, members: &[&Diagnostic]) -> Diagnostic {
    let mut scopes = Vec::new();
    let mut cells: Vec<(Address, CellKind)> = Vec::new();
    let mut d = Diagnostic::new(
        Rule::CellsNotAssessable,
        Message::NotAssessableIn {
            rule,
            scopes: Vec::new(),
            cells: Vec::new(),
        },
    );
    // Sets beside the lists: a blank table gives hundreds of cells.
    let mut seen_cells = std::collections::HashSet::new();
    let mut seen_values = std::collections::HashSet::new();
    for m in members {
        if let Message::NotAssessable {
            scope, cells: c, ..
        } = &m.message
        {
            scopes.push(*scope);
            cells.extend(c.iter().filter(|b| seen_cells.insert(**b)));
        }
        d.values
            .extend(m.values.iter().filter(|v| seen_values.insert(**v)));
        for n in &m.note_items {
            if !d.note_items.contains(n) {
                d.note_items.push(n.clone());
            }
        }
        if d.primary.is_none() {
            d.primary = m.primary;
        }
        for s in &m.secondary {
            if !d.secondary.contains(s) && Some(s.0) != d.primary {
                d.secondary.push(*s);
            }
        }
    }
    d.cells = cells.iter().map(|(a, _)| *a).collect();
    d.message = Message::NotAssessableIn {
        rule,
        scopes,
        cells,
    };
    d
}

fn cell_values(ctx: &Ctx<'_>, cells: &[Address]) -> Vec<(Address, Cell)> {
    cells
        .iter()
        .filter_map(|a| ctx.cell(*a).map(|c| (*a, *c)))
        .collect()
}

/// A bound whose non-number operands are all operands of a not-assessable
/// equality of the same scope is not reported again.
fn covered(evals: &[Evaluation], e: &Evaluation) -> bool {
    let Outcome::NotAssessable(mine) = &e.outcome else {
        return false;
    };
    e.identity.relation == Relation::AtMost
        && evals.iter().any(|o| {
            o.identity.relation == Relation::Equal
                && o.identity.scope() == e.identity.scope()
                && match &o.outcome {
                    Outcome::NotAssessable(theirs) => mine.iter().all(|m| theirs.contains(m)),
                    _ => false,
                }
        })
}

fn not_assessable(ctx: &Ctx<'_>, e: &Evaluation, blocking: &[(Address, CellKind)]) -> Diagnostic {
    let mut d = Diagnostic::new(
        Rule::CellsNotAssessable,
        Message::NotAssessable {
            rule: e.identity.rule,
            scope: e.identity.scope(),
            cells: blocking.to_vec(),
        },
    );
    d.cells = blocking.iter().map(|(a, _)| *a).collect();
    d.values = cell_values(ctx, &d.cells);
    d.primary = d.cells.first().and_then(|a| ctx.locate(*a));
    d.secondary = d
        .cells
        .iter()
        .skip(1)
        .filter_map(|a| ctx.span(*a).map(|s| (s, *a)))
        .collect();
    let mut short_rows: Vec<(Table, RowId)> = blocking
        .iter()
        .filter(|(_, k)| *k == CellKind::Missing)
        .filter_map(|(a, _)| {
            ctx.parsed.diagnostics.iter().find_map(|p| match &p.kind {
                DiagnosticKind::RowLength { table, row, .. }
                    if *table == a.table && *row == a.row =>
                {
                    Some((*table, *row))
                }
                _ => None,
            })
        })
        .collect();
    short_rows.dedup();
    for (table, row) in short_rows {
        d.note_items.push(Note::ShortRow { table, row });
    }
    if !e.assumed_zero.is_empty() {
        d.note_items.push(Note::AssumedZero {
            cells: e.assumed_zero.clone(),
        });
    }
    d
}

fn failure(
    ctx: &Ctx<'_>,
    evals: &[Evaluation],
    (i, e): (usize, &Evaluation),
    group: Option<(usize, &Cause)>,
) -> Diagnostic {
    let Some((lead, cause)) = group else {
        let mut d = base_diagnostic(ctx, e, e.identity.total);
        // The printed total satisfies another identity: a part is more likely wrong.
        if let Some(other) = evals.iter().find(|o| {
            matches!(o.outcome, Outcome::Holds)
                && o.identity.relation == Relation::Equal
                && o.identity.coef(e.identity.total) != 0
        }) {
            d.note_items.push(Note::Corroborated {
                cell: e.identity.total,
                rule: other.identity.rule,
            });
        }
        return d;
    };
    let mut d = base_diagnostic(ctx, e, cause.cell);
    let lead_rule = evals.get(lead).map_or(e.identity.rule, |l| l.identity.rule);
    d.fix = Some(Fix {
        target: cause.cell,
        value: Value::Number(cause.value),
    });
    if i == lead {
        for m in &cause.members {
            if *m == lead {
                continue;
            }
            let Some(o) = evals.get(*m) else { continue };
            d.note_items.push(Note::AlsoBreaks {
                rule: o.identity.rule,
                message: Box::new(o.identity.message(o.expected, o.actual)),
            });
        }
        let mut rules: Vec<Rule> = cause
            .members
            .iter()
            .filter_map(|m| evals.get(*m))
            .map(|o| o.identity.rule)
            .collect();
        rules.dedup();
        d.note_items.push(Note::Explains {
            cell: cause.cell,
            value: cause.value,
            rules,
        });
    } else {
        d.explained_by = Some(Explanation {
            rule: lead_rule,
            cell: Some(cause.cell),
        });
        d.note_items.push(Note::SameCause {
            rule: lead_rule,
            cell: Some(cause.cell),
        });
    }
    d
}

#[cfg(test)]
mod tests {
    use crate::tests::{check_text, laizhou};
    use crate::{Lang, Rule};
    use ogi_model::schema::column;

    fn find(d: &[crate::Diagnostic], rule: Rule) -> Vec<&crate::Diagnostic> {
        d.iter().filter(|d| d.rule == rule).collect()
    }

    #[test]
    fn row_total_failure_and_not_assessable_total_column() {
        let text = laizhou().replacen(
            "予以公开\t1\t0\t0\t0\t0\t0\t1",
            "予以公开\t1\t0\t0\t0\t0\t0\t2",
            1,
        );
        assert_ne!(text, laizhou());
        let d = check_text(&text);
        let rt = find(&d, Rule::ApplicationsRowTotal);
        assert_eq!(rt.len(), 1, "{d:?}");
        assert_eq!(rt[0].cells[0].to_string(), "applications/granted/total");
        assert_eq!(
            rt[0].message(Lang::Zh),
            "“（一）予以公开”行：六类申请人之和（1）不等于“总计”（2）"
        );
        // outcome_sum of the 总计 column cannot be evaluated (its （七） cell is missing).
        assert!(d.iter().any(|d| matches!(
            &d.message,
            crate::Message::NotAssessable {
                rule: Rule::ApplicationsOutcomeSum,
                scope: crate::Scope::Column(column::TOTAL),
                ..
            }
        )));
    }

    #[test]
    fn carry_bound_and_its_cause() {
        // Laizhou with its two short rows made whole (总计 printed), and a
        // 结转下年度 “其他” of 5 where 一 + 二 − （七） leaves 0.
        let text = laizhou()
            .replacen(
                "(七) 总计\t\t\t0\t0\t0\t0\t0\t0\t",
                "(七) 总计\t\t\t1\t0\t0\t0\t0\t0\t1",
                1,
            )
            .replacen(
                "四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0\t",
                "四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t5\t0",
                1,
            );
        assert_eq!(
            text.matches("\t5\t0\n").count(),
            1,
            "the rows were replaced"
        );
        let d = check_text(&text);
        let cb = find(&d, Rule::ApplicationsCarryBound);
        assert_eq!(cb.len(), 1, "{d:?}");
        // 结转 “其他” = 0 repairs the balance, the bound and the row's own
        // total: one cause, told once.
        let balance = find(&d, Rule::ApplicationsBalance);
        assert_eq!(balance.len(), 1, "{d:?}");
        assert_eq!(
            balance[0].fix_text(Lang::En).as_deref(),
            Some(
                "applications/carried_forward/other_organization should be 0 (四、结转下年度继续办理“其他”)"
            )
        );
        assert_eq!(
            cb[0].explained_by.map(|e| e.rule),
            Some(Rule::ApplicationsBalance)
        );
        let row_total = find(&d, Rule::ApplicationsRowTotal);
        assert_eq!(row_total.len(), 1);
        assert!(row_total[0].is_follow_up());
        assert!(find(&d, Rule::ApplicationsOutcomeSum).is_empty());
    }

    #[test]
    fn a_failure_that_rests_on_a_short_rows_placement_is_not_assessed() {
        // Laizhou's （七）总计 and 结转 rows have six cells for seven. With
        // 结转 “自然人” 5: the bound fails wherever the 5 stands (自然人 or
        // 商业企业, both 0 + 0 < 5 there), so it is a finding; the balance
        // fails only as the cells were placed (with （七） missing 自然人
        // and 结转 missing 总计 no column can be evaluated), so it is not.
        let text = laizhou().replacen(
            "四、结转下年度继续办理\t\t\t0\t",
            "四、结转下年度继续办理\t\t\t5\t",
            1,
        );
        assert_ne!(text, laizhou());
        let d = check_text(&text);
        assert_eq!(find(&d, Rule::ApplicationsCarryBound).len(), 1, "{d:?}");
        assert!(find(&d, Rule::ApplicationsBalance).is_empty(), "{d:?}");
        let doubted: Vec<_> = d
            .iter()
            .filter(|d| matches!(d.message, crate::Message::PlacementUncertain { .. }))
            .collect();
        assert_eq!(doubted.len(), 1, "one finding for the short row: {d:?}");
        assert_eq!(doubted[0].severity, crate::Severity::Info);
        assert!(
            doubted[0]
                .message(Lang::En)
                .contains("applications.balance")
        );
        // The wrong （七）总计 fails whatever the placement: a finding.
        assert_eq!(find(&d, Rule::ApplicationsOutcomeSum).len(), 1);
    }

    #[test]
    fn appeals_not_assessable_once_per_row() {
        let text = "某局2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
                    / / / / / 0 0 0 0 0 0 0 0 0 0\n";
        let d = check_text(text);
        let na = find(&d, Rule::CellsNotAssessable);
        assert_eq!(na.len(), 1, "{d:?}");
        assert_eq!(na[0].cells.len(), 5);
        assert!(na[0].message(Lang::Zh).contains("不适用"));
        assert!(find(&d, Rule::AppealsTotal).is_empty());
    }
}
