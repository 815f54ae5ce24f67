//! What the checker reports: one finding, its cells, values and texts.

use ogi_model::{Address, Cell, Span};

use crate::message::{Message, Note};
use crate::rule::{Lang, Rule, Severity};
use crate::value::{Fix, Value};

/// Marks a diagnostic that has the same cause as another one (its lead): one
/// wrong cell breaking several identities. The lead's notes list this
/// diagnostic's identity; renderers show the lead only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Explanation {
    /// The lead diagnostic's rule.
    pub rule: Rule,
    /// The cell that explains both (the lead's primary cell), if the cause
    /// is a cell (a missing section explains its missing table).
    pub cell: Option<Address>,
}

/// One finding of the checker. Plain data: render it with [`crate::render`],
/// or read its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: Rule,
    /// Its severity (the rule's, unless configured otherwise).
    pub severity: Severity,
    /// Every cell involved; the primary cell first.
    pub cells: Vec<Address>,
    /// The cells' contents as read, in the order of `cells` (table cells only).
    pub values: Vec<(Address, Cell)>,
    /// What the rule expected (for sums, the value the identity implies).
    pub expected: Option<Value>,
    /// What the report prints.
    pub actual: Option<Value>,
    /// The span of the cell most likely wrong, or of the total.
    pub primary: Option<Span>,
    /// Every other operand that has a span.
    pub secondary: Vec<(Span, Address)>,
    /// A suggested correction.
    pub fix: Option<Fix>,
    /// Set when another diagnostic (the lead) has the same cause.
    pub explained_by: Option<Explanation>,
    /// What happened, with its data.
    pub message: Message,
    /// Further explanations.
    pub note_items: Vec<Note>,
}

impl Diagnostic {
    pub(crate) fn new(rule: Rule, message: Message) -> Self {
        Self {
            rule,
            severity: rule.default_severity(),
            cells: Vec::new(),
            values: Vec::new(),
            expected: None,
            actual: None,
            primary: None,
            secondary: Vec::new(),
            fix: None,
            explained_by: None,
            message,
            note_items: Vec::new(),
        }
    }

    /// The same, with what the rule expected and what the report prints.
    #[must_use]
    pub(crate) fn comparing(mut self, expected: Option<Value>, actual: Option<Value>) -> Self {
        self.expected = expected;
        self.actual = actual;
        self
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.message.text(lang)
    }

    /// The suggested fix in `lang` ("（七）总计“自然人”应为 1").
    pub fn fix_text(&self, lang: Lang) -> Option<String> {
        self.fix.as_ref().map(|f| f.text(lang))
    }

    /// The notes in `lang`.
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        self.note_items.iter().map(|n| n.text(lang)).collect()
    }

    /// Whether another diagnostic has the same cause and already tells it
    /// (renderers skip such diagnostics).
    pub const fn is_follow_up(&self) -> bool {
        self.explained_by.is_some()
    }
}
