//! Work split over the cores, results kept in order: each core takes a run of the items.

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

#[cfg(test)]
mod tests {
    use super::in_order;

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
}
