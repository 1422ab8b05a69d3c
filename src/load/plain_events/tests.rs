//! The plain reader against RON itself: whatever it reads, RON reads to the same records.

use proptest::prelude::*;

use super::events;
use crate::load::format::RawEvent;

/// What RON reads from the run, as the parallel parse gives it a run.
fn ron_reads(run: &str) -> Option<Vec<RawEvent>> {
    crate::load::parse::options()
        .from_str::<Vec<RawEvent>>(&format!("[{run}]"))
        .ok()
}

/// The plain reader reads `run`, to RON's records.
fn read_alike(run: &str) -> Vec<RawEvent> {
    let plain = events(run).unwrap_or_else(|| panic!("plain: {run}"));
    assert_eq!(Some(&plain), ron_reads(run).as_ref(), "{run}");
    plain
}

#[test]
fn plain_events_are_read_as_ron_reads_them() {
    let read = read_alike(
        r#"Event(id: "e1", title: "Summit in Brussels", when: "2018-07-11/2018-07-12", actors: ["trump", "nato"], tags: ["summit"], summary: "Spending, again."),
        Event(
            when: "2019",
            title: "Élysée — «Rede»",
            id: "e2",
            related: ["e1",],
            actors: [],
        ),
        Event(id:"e3",title:"",when:"..",),"#,
    );
    assert_eq!(read.len(), 3);
    assert_eq!(read[0].actors, ["trump", "nato"]);
    assert_eq!(read[0].summary.as_deref(), Some("Spending, again."));
    assert_eq!(read[1].related, ["e1"]);
    assert_eq!(read[1].title, "Élysée — «Rede»");
    assert_eq!(read[2].tags, Vec::<String>::new());
    assert_eq!(read_alike(""), []);
    assert_eq!(read_alike(" \n\t\r\n "), []);
    // A short list has no spare room, as when RON reads it.
    assert_eq!(read[0].actors.capacity(), 2);
}

#[test]
fn anything_not_plain_is_left_to_ron() {
    for run in [
        r#"Event(id: "e\"1", title: "T", when: "2001")"#,
        r#"Event(id: "e1", title: "T", when: "2001") /* a comment */"#,
        r#"Event(id: "e1", title: "T", when: "2001", summary: Some("S"))"#,
        r#"Event(id: "e1", title: "T", when: "2001", summary: None)"#,
        r##"Event(id: r#"e1"#, title: "T", when: "2001")"##,
        r#"Event(id: "e1", title: "T", when: "2001", excerpts: [])"#,
        r#"(id: "e1", title: "T", when: "2001")"#,
        r#"Event(id : "e1", title: "T", when: "2001")"#,
        "Event(id: \"e1\", title: \"line\nbreak\", when: \"2001\")",
    ] {
        assert_eq!(events(run), None, "{run}");
        assert!(ron_reads(run).is_some(), "RON reads {run}");
    }
}

#[test]
fn what_ron_refuses_is_refused_too() {
    for run in [
        r#"Event(id: "e1", id: "e2", title: "T", when: "2001")"#,
        r#"Event(id: "e1", title: "T", when: "2001", colour: "red")"#,
        r#"Event(id: "e1", when: "2001")"#,
        r#"Event(id: "e1", title: "T", when: "2001"#,
        r#", Event(id: "e1", title: "T", when: "2001")"#,
        r#"Event(id: "e1", title: "T", when: "2001") Event(id: "e2", title: "T", when: "2001")"#,
        r#"Event(id: "e1", title: "T", when: "2001",,)"#,
        r#"Event(id: "e1", title: "T", when: "2001", actors: [,])"#,
        r#"Event(id: "e1", title: "T", when: "2001", actors: "a")"#,
        r#"Event(id: "e1", title: "T", when: 2001)"#,
    ] {
        assert_eq!(events(run), None, "{run}");
        assert_eq!(ron_reads(run), None, "RON refuses {run}");
    }
}

/// A string as a file might hold it, escapes and odd characters included.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("a".to_owned()),
            Just("NATO".to_owned()),
            Just(" ".to_owned()),
            Just("é".to_owned()),
            Just("—".to_owned()),
            Just("\\\"".to_owned()),
            Just("\\n".to_owned()),
            Just("\\u{e9}".to_owned()),
            Just("/*".to_owned()),
            Just("//".to_owned()),
            Just(",".to_owned()),
            Just(")".to_owned()),
            Just("]".to_owned()),
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

/// Space between tokens: none, some, or a comment now and then.
fn space() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        4 => Just(""),
        4 => Just(" "),
        2 => Just("\n        "),
        1 => Just("\t"),
        1 => Just(" /* c */ "),
    ]
}

/// One field of an event as text.
fn field() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        Just("id"),
        Just("title"),
        Just("when"),
        Just("summary"),
        Just("actors"),
        Just("tags"),
        Just("related"),
        Just("excerpts"),
    ];
    let list = prop::collection::vec(text(), 0..3);
    (name, text(), list, space(), prop::bool::ANY).prop_map(|(name, text, list, space, some)| {
        let value = match name {
            "actors" | "tags" | "related" => {
                let items: Vec<String> = list.iter().map(|item| format!("\"{item}\"")).collect();
                format!("[{space}{}]", items.join(&format!(",{space}")))
            }
            "excerpts" => "[]".to_owned(),
            "summary" if some => format!("Some(\"{text}\")"),
            _ => format!("\"{text}\""),
        };
        format!("{name}:{space}{value}")
    })
}

/// A run of events, each a random list of fields (repeats and gaps included).
fn run() -> impl Strategy<Value = String> {
    let event = (
        prop::collection::vec(field(), 0..8),
        space(),
        prop::bool::ANY,
    )
        .prop_map(|(fields, space, trailing)| {
            let comma = if trailing { "," } else { "" };
            format!(
                "Event({space}{}{comma}{space})",
                fields.join(&format!(",{space}"))
            )
        });
    (prop::collection::vec(event, 0..4), space(), prop::bool::ANY).prop_map(
        |(events, space, trailing)| {
            let comma = if trailing && !events.is_empty() {
                ","
            } else {
                ""
            };
            format!("{space}{}{comma}{space}", events.join(&format!(",{space}")))
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn whatever_the_plain_reader_reads_ron_reads_alike(run in run()) {
        if let Some(plain) = events(&run) {
            prop_assert_eq!(Some(plain), ron_reads(&run), "{}", run);
        }
    }
}

/// A plain string: no escapes, no control characters.
fn plain_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,:()\\[\\]/*#éü—«»-]{0,12}"
}

/// A plain event: the three fields it needs and some of the others, in any order.
fn plain_event() -> impl Strategy<Value = String> {
    let list = || prop::collection::vec(plain_text(), 0..3);
    (
        (plain_text(), plain_text(), plain_text()),
        (prop::option::of(plain_text()), list(), list(), list()),
        any::<u64>(),
        space(),
    )
        .prop_map(|(required, optional, order, space)| {
            // Comments are not plain.
            let space = if space.contains('/') { " " } else { space };
            let (id, title, when) = required;
            let (summary, actors, tags, related) = optional;
            let quoted = |list: &Vec<String>| {
                let items: Vec<String> = list.iter().map(|item| format!("\"{item}\"")).collect();
                format!("[{}]", items.join(&format!(",{space}")))
            };
            let mut fields = vec![
                format!("id: \"{id}\""),
                format!("title: \"{title}\""),
                format!("when: \"{when}\""),
                format!("actors: {}", quoted(&actors)),
                format!("tags: {}", quoted(&tags)),
                format!("related: {}", quoted(&related)),
            ];
            if let Some(summary) = summary {
                fields.push(format!("summary: \"{summary}\""));
            }
            // Some of the lists left out, as the bits of `order` say, and the rest turned
            // round by it.
            let mut bit = 8;
            fields.retain(|field| {
                bit += 1;
                let is_list = field.ends_with(']');
                !is_list || order >> bit & 1 == 0
            });
            let len = fields.len() as u64;
            fields.rotate_left((order % len) as usize);
            format!("Event({space}{}{space})", fields.join(&format!(",{space}")))
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn plain_events_are_always_read_and_read_as_ron_reads_them(
        events_text in prop::collection::vec(plain_event(), 1..5),
        trailing in prop::bool::ANY,
    ) {
        let comma = if trailing { "," } else { "" };
        let run = format!("\n    {}{comma}\n", events_text.join(",\n    "));
        let plain = events(&run);
        prop_assert!(plain.is_some(), "{}", run);
        prop_assert_eq!(plain, ron_reads(&run), "{}", run);
    }
}
