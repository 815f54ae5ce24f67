//! Integration tests of ogi-testkit: the workspace's parser reads back every
//! generated report in every layout, the rendered text looks like the real
//! reports, and the harness finds and shrinks a naive parser's mistakes.

mod corpus;
mod harness;
mod regressions;
mod render;
mod round_trip;
