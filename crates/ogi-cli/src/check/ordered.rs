//! Parallel work with ordered, streamed output and bounded memory.
//!
//! `jobs` workers on a rayon pool take indexes in increasing order from a
//! shared counter, compute, and send `(index, result)` over a bounded
//! channel. The calling thread receives and emits. In order mode it keeps a
//! reorder buffer of results that arrived before their turn; a worker does
//! not start an index more than `window` past the next one to emit, so at
//! most `window` results are held, whatever the number of items.

use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError, mpsc};

/// Computes `work(i)` for every `i` in `0..n` on `jobs` threads and calls
/// `emit(i, result)` on the calling thread: in index order when `ordered`,
/// else as the results are ready. Stops early (and returns the error) when
/// `emit` fails.
pub(crate) fn for_each<T, W, E>(
    n: usize,
    jobs: usize,
    ordered: bool,
    work: W,
    mut emit: E,
) -> io::Result<()>
where
    T: Send,
    W: Fn(usize) -> T + Sync,
    E: FnMut(usize, T) -> io::Result<()>,
{
    let jobs = jobs.clamp(1, n.max(1));
    let window = (jobs * 8).max(16);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("ogi-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The number of results emitted so far, for the workers' window.
    let emitted = Mutex::new(0usize);
    let advanced = Condvar::new();
    let (tx, rx) = mpsc::sync_channel::<(usize, T)>(window);

    let worker = |tx: mpsc::SyncSender<(usize, T)>| {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= n || stop.load(Ordering::Relaxed) {
                break;
            }
            if ordered {
                let mut done = emitted.lock().unwrap_or_else(PoisonError::into_inner);
                while i >= *done + window && !stop.load(Ordering::Relaxed) {
                    done = advanced.wait(done).unwrap_or_else(PoisonError::into_inner);
                }
            }
            if stop.load(Ordering::Relaxed) {
                break;
            }
            if tx.send((i, work(i))).is_err() {
                break;
            }
        }
    };

    std::thread::scope(|s| {
        let worker = &worker;
        s.spawn(move || {
            pool.scope(|ps| {
                for _ in 0..jobs {
                    let tx = tx.clone();
                    ps.spawn(move |_| worker(tx));
                }
            });
            // `tx` is dropped here: the receiver ends when every worker has.
        });

        let mut result = Ok(());
        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut next_out = 0usize;
        for (i, value) in &rx {
            if !ordered {
                result = emit(i, value);
            } else {
                pending.insert(i, value);
                while let Some(value) = pending.remove(&next_out) {
                    result = emit(next_out, value);
                    next_out += 1;
                    if result.is_err() {
                        break;
                    }
                }
                *emitted.lock().unwrap_or_else(PoisonError::into_inner) = next_out;
                advanced.notify_all();
            }
            if result.is_err() {
                break;
            }
        }
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            // Wake the workers waiting for their turn, and fail their sends.
            let _guard = emitted.lock().unwrap_or_else(PoisonError::into_inner);
            advanced.notify_all();
        }
        drop(rx);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn results_come_in_index_order_and_the_buffer_stays_bounded() {
        for jobs in [1, 2, 4, 7] {
            let in_flight = AtomicUsize::new(0);
            let max_in_flight = AtomicUsize::new(0);
            let mut seen = Vec::new();
            for_each(
                500,
                jobs,
                true,
                |i| {
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    max_in_flight.fetch_max(now, Ordering::SeqCst);
                    // Early indexes are slow: later ones finish first.
                    if i % 50 == 0 {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    i * 2
                },
                |i, v| {
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    assert_eq!(v, i * 2);
                    seen.push(i);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(seen, (0..500).collect::<Vec<_>>());
            // Started but not yet emitted: never more than the window.
            assert!(max_in_flight.load(Ordering::SeqCst) <= (jobs * 8).max(16));
        }
    }

    #[test]
    fn unordered_mode_emits_everything_once() {
        let mut seen = Vec::new();
        for_each(
            300,
            3,
            false,
            |i| i,
            |_, v| {
                seen.push(v);
                Ok(())
            },
        )
        .unwrap();
        seen.sort_unstable();
        assert_eq!(seen, (0..300).collect::<Vec<_>>());
    }

    #[test]
    fn an_emit_error_stops_the_workers() {
        let started = AtomicUsize::new(0);
        let err = for_each(
            100_000,
            2,
            true,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i, _| {
                if i == 10 {
                    Err(io::Error::from(io::ErrorKind::BrokenPipe))
                } else {
                    Ok(())
                }
            },
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        assert!(started.load(Ordering::SeqCst) < 1000);
        // Nothing at all to do is fine too.
        for_each(0, 4, true, |i| i, |_, _| Ok(())).unwrap();
    }
}
