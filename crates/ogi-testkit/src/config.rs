//! How the workspace's property tests run: the same cases on every run
//! unless asked otherwise.
//!
//! A property test that draws fresh cases on each run can fail in CI on a
//! lucky draw that no developer saw. [`proptest_config`] fixes the seed, so
//! `cargo test` runs the same cases every time (after the ones recorded in
//! `proptest-regressions/`). Two environment variables widen the search
//! before a change is called done:
//!
//! - `OGI_PROPTEST_CASES=N` runs `N` cases per property instead of the
//!   suite's number;
//! - `OGI_PROPTEST_SEED=random` draws a fresh seed (printed by proptest with
//!   any failure, and replayable with `OGI_PROPTEST_SEED=<seed>`), and
//!   `OGI_PROPTEST_SEED=<u64>` fixes another one.
//!
//! ```sh
//! OGI_PROPTEST_CASES=2000 OGI_PROPTEST_SEED=random cargo test -p ogi-testkit round_trip
//! ```

use proptest::test_runner::{Config, RngSeed};

/// The seed of every property test unless `OGI_PROPTEST_SEED` says otherwise.
pub const DEFAULT_SEED: u64 = 0x6f67_695f_7365_6564; // "ogi_seed"

/// A proptest configuration of `cases` cases (or `OGI_PROPTEST_CASES`), with
/// the fixed [`DEFAULT_SEED`] (or `OGI_PROPTEST_SEED`), failures persisted
/// to `proptest-regressions/` as proptest does by default, and up to 4,096
/// shrink steps.
pub fn proptest_config(cases: u32) -> Config {
    let cases = std::env::var("OGI_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        max_shrink_iters: 4096,
        rng_seed: seed_from_env(),
        ..Config::default()
    }
}

/// The seed `OGI_PROPTEST_SEED` asks for: `random`, a number, or (unset or
/// unreadable) [`DEFAULT_SEED`].
pub fn seed_from_env() -> RngSeed {
    match std::env::var("OGI_PROPTEST_SEED") {
        Ok(v) if v.trim() == "random" => RngSeed::Random,
        Ok(v) => v
            .trim()
            .parse()
            .map_or(RngSeed::Fixed(DEFAULT_SEED), RngSeed::Fixed),
        Err(_) => RngSeed::Fixed(DEFAULT_SEED),
    }
}
