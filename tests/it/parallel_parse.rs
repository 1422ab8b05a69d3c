//! Parsing a large timeline's events on several threads gives the records of a serial parse,
//! or nothing at all (and then the serial parse reports the problem at its place): checked on
//! every fixture, the fuzz seeds, the bundled timeline, a synthetic one, and broken variants.

use alliance_timeline::load::parse::{parse_in_parallel, parse_whole};

fn files_under(folder: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![std::path::PathBuf::from(folder)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "ron") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The parallel path agrees with the serial one: the same records, or none when the serial
/// parse fails (or the text is not split).
fn agrees(name: &str, text: &str) {
    let serial = parse_whole(text).ok();
    for (runs, threads) in [(1, 1), (2, 2), (7, 2), (50, 3)] {
        let parallel = parse_in_parallel(text, runs, threads);
        match (&serial, &parallel) {
            (Some(serial), Some(parallel)) => {
                assert_eq!(serial, parallel, "{name}: {runs} runs on {threads} threads")
            }
            (None, Some(_)) => panic!("{name}: parsed in parallel, but not whole"),
            (_, None) => {}
        }
    }
}

#[test]
fn every_fixture_and_fuzz_seed_parses_alike_in_parallel() {
    let mut split = 0;
    for path in files_under("tests/fixtures")
        .into_iter()
        .chain(files_under("fuzz/corpus/load"))
    {
        let Ok(text) = String::from_utf8(std::fs::read(&path).expect("readable")) else {
            continue;
        };
        agrees(&path.display().to_string(), &text);
        split += usize::from(parse_in_parallel(&text, 2, 2).is_some());
    }
    // The valid fixtures do go through the parallel path.
    assert!(split >= 5, "{split}");
}

#[test]
fn the_bundled_and_a_synthetic_timeline_parse_alike_in_parallel() {
    let bundled = alliance_timeline::bundled::timeline_text();
    agrees("bundled", bundled);
    assert_eq!(
        parse_in_parallel(bundled, 5, 2).map(|raw| raw.events.len()),
        Some(56)
    );
    let synthetic = alliance_timeline::synthetic::timeline_ron(3_000, 12, 7);
    agrees("synthetic", &synthetic);
    assert_eq!(
        parse_in_parallel(&synthetic, 9, 2).map(|raw| raw.events.len()),
        Some(3_000)
    );
}

#[test]
fn broken_variants_are_never_parsed_in_parallel() {
    let synthetic = alliance_timeline::synthetic::timeline_ron(400, 8, 3);
    let cut = synthetic.len() / 2;
    let comma = cut + synthetic[cut..].find("),\n").expect("an item end") + 1;
    let variants = [
        // A missing comma between two events.
        format!("{}{}", &synthetic[..comma], &synthetic[comma + 1..]),
        // A doubled comma.
        format!("{},{}", &synthetic[..=comma], &synthetic[comma + 1..]),
        // A stray closing bracket inside the events.
        format!("{}]{}", &synthetic[..=comma], &synthetic[comma + 1..]),
        // An unknown field in one event.
        synthetic.replacen("when:", "wen:", 1),
        // A second events list after the first.
        synthetic.replacen("events: [", "events: [], events: [", 1),
        // Something after the timeline.
        format!("{synthetic} trailing"),
    ];
    for (index, text) in variants.iter().enumerate() {
        assert!(parse_whole(text).is_err(), "variant {index} is broken");
        agrees(&format!("variant {index}"), text);
    }
}

#[test]
fn a_synthetic_timelines_events_are_plain_and_read_without_ron_to_rons_records() {
    use alliance_timeline::load::{plain_events, split};
    let synthetic = alliance_timeline::synthetic::timeline_ron(2_000, 12, 5);
    let list = split::events_list(&synthetic).expect("split");
    let runs = split::runs(&list, 6);
    assert_eq!(runs.len(), 6);
    let mut read = Vec::new();
    for run in runs {
        let plain = plain_events::events(&synthetic[run.clone()]);
        read.extend(plain.unwrap_or_else(|| panic!("plain run {run:?}")));
    }
    let whole = parse_whole(&synthetic).expect("parses");
    assert_eq!(read.len(), 2_000);
    assert_eq!(read, whole.events);
}
