//! Work split over the cores, results kept in order: each core takes a run of the items.

use std::thread;

/// `work` of every item, in order: on every core when `worth_it` (each core takes a run of
/// the items), here otherwise or when no thread can start.
pub fn in_order<I: Sync, O: Send>(
    items: &[I],
    worth_it: bool,
    work: &(dyn Fn(&I) -> O + Sync),
) -> Vec<O> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if !worth_it || threads < 2 || items.len() < 2 {
        return items.iter().map(work).collect();
    }
    let run = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let mut runs = items.chunks(run);
        let first = runs.next().unwrap_or_default();
        let others: Vec<_> = runs
            .map(|run| {
                let started = std::thread::Builder::new()
                    .name("working".to_owned())
                    .spawn_scoped(scope, move || run.iter().map(work).collect::<Vec<O>>());
                (run, started)
            })
            .collect();
        let mut done: Vec<O> = first.iter().map(work).collect();
        for (run, started) in others {
            match started {
                Ok(worker) => done.extend(
                    worker
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                ),
                // No thread: done here.
                Err(_) => done.extend(run.iter().map(work)),
            }
        }
        done
    })
}

/// `work` of every item and its index, in order, written straight into one list: on every
/// core when `worth_it`, each core filling its own run of the list, so no run is copied
/// after (a million events are hundreds of MB).
pub fn in_order_indexed<I: Sync, O: Send + Default>(
    items: &[I],
    worth_it: bool,
    work: &(dyn Fn(usize, &I) -> O + Sync),
) -> Vec<O> {
    let threads = thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if !worth_it || threads < 2 || items.len() < 2 {
        return items
            .iter()
            .enumerate()
            .map(|(index, item)| work(index, item))
            .collect();
    }
    let fill = |done: &mut [O], run: &[I], first_index: usize| {
        for (offset, (out, item)) in done.iter_mut().zip(run).enumerate() {
            *out = work(first_index + offset, item);
        }
    };
    let run = items.len().div_ceil(threads);
    let mut done: Vec<O> = Vec::with_capacity(items.len());
    done.resize_with(items.len(), O::default);
    let not_started: Vec<usize> = thread::scope(|scope| {
        let mut runs = done.chunks_mut(run).zip(items.chunks(run)).enumerate();
        let first = runs.next();
        let others: Vec<(usize, bool)> = runs
            .map(|(number, (out, items))| {
                let started = thread::Builder::new()
                    .name("working".to_owned())
                    .spawn_scoped(scope, move || fill(out, items, number * run));
                (number, started.is_ok())
            })
            .collect();
        if let Some((_, (out, items))) = first {
            fill(out, items, 0);
        }
        // The scope waits for the threads, and passes on any panic of theirs.
        others
            .into_iter()
            .filter(|(_, started)| !started)
            .map(|(number, _)| number)
            .collect()
    });
    // Runs no thread could take are done here.
    for number in not_started {
        let start = number * run;
        let end = (start + run).min(items.len());
        fill(&mut done[start..end], &items[start..end], start);
    }
    done
}

#[cfg(test)]
mod tests {
    use super::{in_order, in_order_indexed};

    #[test]
    fn results_come_in_the_order_of_the_items_either_way() {
        let items: Vec<u32> = (0..1001).collect();
        let square = |item: &u32| u64::from(*item) * u64::from(*item);
        let expected: Vec<u64> = items.iter().map(square).collect();
        assert_eq!(in_order(&items, true, &square), expected);
        assert_eq!(in_order(&items, false, &square), expected);
        assert_eq!(in_order(&items[..1], true, &square), [0]);
        assert_eq!(in_order(&items[..0], true, &square), Vec::<u64>::new());
    }

    #[test]
    fn indexed_results_are_in_place_and_know_their_index_either_way() {
        let items: Vec<u32> = (0..1001).map(|n| n * 3).collect();
        let work = |index: usize, item: &u32| Some((index, *item));
        let expected: Vec<Option<(usize, u32)>> =
            (0..1001).map(|n| Some((n as usize, n * 3))).collect();
        assert_eq!(in_order_indexed(&items, true, &work), expected);
        assert_eq!(in_order_indexed(&items, false, &work), expected);
        assert_eq!(in_order_indexed(&items[..1], true, &work), [Some((0, 0))]);
        assert_eq!(in_order_indexed(&items[..0], true, &work), []);
    }
}
