//! Deterministic synthetic timelines for benchmarks and stress tests: N events over K actors
//! with a realistic mix of day, month and year precision, intervals, approximate and
//! uncertain dates, multi-actor events, tags and summaries. The same seed gives the same file.

use std::fmt::Write;

/// First and last day of generated dates: 1949-01-01 to 2025-12-31.
const FIRST_DAY: i64 = -7_670;
const LAST_DAY: i64 = 20_453;

const GROUPS: [&str; 5] = [
    "United States",
    "Europe",
    "NATO",
    "Russia",
    "Press and experts",
];
const TAGS: [&str; 12] = [
    "summit",
    "treaty",
    "membership",
    "spending",
    "troops",
    "article-5",
    "congress",
    "personnel",
    "book",
    "press",
    "statement",
    "election",
];
const WORDS: [&str; 32] = [
    "alliance",
    "allies",
    "defence",
    "summit",
    "treaty",
    "troops",
    "budget",
    "pledge",
    "withdrawal",
    "members",
    "security",
    "council",
    "report",
    "meeting",
    "minister",
    "senate",
    "president",
    "agreement",
    "deployment",
    "exercise",
    "spending",
    "border",
    "sanctions",
    "talks",
    "declaration",
    "review",
    "strategy",
    "posture",
    "forces",
    "vote",
    "statement",
    "visit",
];

/// SplitMix64: a tiny, well-known generator; enough for reproducible test data.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (bound > 0).
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A timeline file (RON text) with `events` events over `actors` actors.
pub fn timeline_ron(events: usize, actors: usize, seed: u64) -> String {
    let actors = actors.max(1);
    let mut random = Random(seed);
    let mut out = String::with_capacity(events * 330 + actors * 120);
    let _ = writeln!(
        out,
        "// Synthetic timeline: {events} events, {actors} actors, seed {seed}."
    );
    let _ = writeln!(
        out,
        "Timeline(\n    title: \"Synthetic timeline ({events} events)\",\n    actors: ["
    );
    for actor in 0..actors {
        let _ = writeln!(
            out,
            "        Actor(id: \"a{actor}\", name: \"Actor {actor}\", group: \"{}\"),",
            GROUPS[actor % GROUPS.len()]
        );
    }
    let _ = writeln!(out, "    ],\n    events: [");
    for event in 0..events {
        let when = random_when(&mut random);
        let first_actor = random.below(actors as u64);
        let mut actor_list = format!("\"a{first_actor}\"");
        if random.chance(30) {
            let second = (first_actor + 1 + random.below(actors as u64 - 1)) % actors as u64;
            if second != first_actor {
                let _ = write!(actor_list, ", \"a{second}\"");
            }
        }
        let title_words = 3 + random.below(6);
        let title: Vec<&str> = (0..title_words).map(|_| random.pick(&WORDS)).collect();
        let summary: Vec<&str> = (0..20).map(|_| random.pick(&WORDS)).collect();
        let tag = random.pick(&TAGS);
        let _ = writeln!(
            out,
            "        Event(id: \"e{event}\", title: \"{} {event}\", when: \"{when}\", actors: [{actor_list}], tags: [\"{tag}\"], summary: \"{}.\"),",
            capitalised(&title.join(" ")),
            capitalised(&summary.join(" "))
        );
    }
    let _ = writeln!(out, "    ],\n)");
    out
}

fn random_when(random: &mut Random) -> String {
    let day = FIRST_DAY + random.below((LAST_DAY - FIRST_DAY) as u64) as i64;
    let Some(date) = crate::model::date::date_of_day(day) else {
        return "2000".to_owned();
    };
    let qualifier = match random.below(100) {
        0..=2 => "~",
        3..=5 => "?",
        _ => "",
    };
    match random.below(100) {
        0..=59 => format!("{}{qualifier}", date.format("%Y-%m-%d")),
        60..=74 => format!("{}{qualifier}", date.format("%Y-%m")),
        75..=84 => format!("{}{qualifier}", date.format("%Y")),
        _ => {
            let length = 1 + random.below(400) as i64;
            let end = crate::model::date::date_of_day(day + length).unwrap_or(date);
            format!("{}/{}", date.format("%Y-%m-%d"), end.format("%Y-%m-%d"))
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{EmbeddedTexts, load_bytes};

    #[test]
    fn the_same_seed_gives_the_same_valid_timeline() {
        let text = timeline_ron(500, 12, 7);
        assert_eq!(text, timeline_ron(500, 12, 7));
        assert_ne!(text, timeline_ron(500, 12, 8));
        let checked = load_bytes(text.as_bytes(), &EmbeddedTexts::default());
        assert_eq!(checked.problems, Vec::new());
        let timeline = checked.timeline.expect("valid");
        assert_eq!(timeline.events.len(), 500);
        assert_eq!(timeline.actors.len(), 12);
        let intervals = timeline
            .events
            .iter()
            .filter(|e| e.when.is_interval)
            .count();
        let multi_actor = timeline
            .events
            .iter()
            .filter(|e| e.actors.len() > 1)
            .count();
        assert!((30..=120).contains(&intervals), "{intervals} intervals");
        assert!(
            (80..=220).contains(&multi_actor),
            "{multi_actor} multi-actor events"
        );
    }
}
