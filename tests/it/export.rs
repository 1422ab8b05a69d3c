//! Exported images: sizes, what is and is not drawn, a golden image of the bundled timeline,
//! and the command line's exit codes and safety checks.

use std::path::Path;
use std::process::Command;

use alliance_timeline::bundled::load_bundled;
use alliance_timeline::export::figure::Figure;
use alliance_timeline::export::{ExportOptions, Range, png, svg};
use alliance_timeline::layout::time_map::Folding;
use alliance_timeline::model::Timeline;
use alliance_timeline::query::Filter;
use alliance_timeline::style::Theme;
use alliance_timeline::view::Primitive;
use chrono::NaiveDate;

fn bundled() -> Timeline {
    load_bundled().timeline.expect("bundled timeline is valid")
}

fn options(width_px: u32) -> ExportOptions {
    let mut options = ExportOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"));
    options.width_px = width_px;
    options
}

fn trump_bolton_nato(timeline: &Timeline) -> Filter {
    let mut filter = Filter {
        from: "2016".into(),
        to: "2020".into(),
        ..Filter::default()
    };
    filter.show_only_actors(timeline, ["trump", "bolton", "nato"]);
    filter
}

fn decode(bytes: &[u8]) -> image::RgbaImage {
    image::load_from_memory(bytes).expect("a PNG").to_rgba8()
}

#[test]
fn the_png_has_the_requested_size_at_each_scale() {
    let timeline = bundled();
    let filter = trump_bolton_nato(&timeline);
    for scale in [1.0f32, 2.0] {
        let mut options = options(1600);
        options.scale = scale;
        let image = svg::render(&timeline, &filter, &options);
        let pixmap = png::rasterize(&image.svg, scale).expect("renders");
        let decoded = decode(&png::encode(&pixmap).expect("encodes"));
        assert_eq!(decoded.width(), (1600.0 * scale) as u32);
        assert_eq!(
            decoded.height(),
            (image.height_px * f64::from(scale)).ceil() as u32
        );
    }
}

#[test]
fn every_shown_track_has_drawn_pixels_and_hidden_actors_are_absent() {
    let timeline = bundled();
    let filter = trump_bolton_nato(&timeline);
    let image = svg::render(&timeline, &filter, &options(2000));
    let shown: Vec<&str> = image
        .tracks
        .iter()
        .map(|(actor, _, _)| timeline.actors[actor.get()].id.as_str())
        .collect();
    assert_eq!(shown, ["trump", "bolton", "nato"]);
    let pixels =
        decode(&png::encode(&png::rasterize(&image.svg, 1.0).expect("renders")).expect("png"));
    for (actor, top, bottom) in &image.tracks {
        // The event area of the track (right of the names) holds dark or coloured pixels.
        let drawn = (250..1960u32)
            .flat_map(|x| (*top as u32 + 2..*bottom as u32 - 2).map(move |y| (x, y)))
            .filter(|&(x, y)| {
                let [r, g, b, _] = pixels.get_pixel(x, y).0;
                r.min(g).min(b) < 150
            })
            .count();
        assert!(
            drawn > 100,
            "{} has {drawn} drawn pixels",
            timeline.actors[actor.get()].name
        );
    }
    for absent in ["Klaus Iohannis", "Mark Rutte", "Finland becomes NATO"] {
        assert!(!image.svg.contains(absent), "{absent} should not be drawn");
    }
    for present in [
        "Donald Trump",
        "John R. Bolton",
        "Brussels summit, with a walk-out threat",
    ] {
        assert!(image.svg.contains(present), "{present} should be drawn");
    }
}

#[test]
fn the_svg_parses_and_names_the_shown_events_only() {
    let timeline = bundled();
    let mut filter = Filter::default();
    filter.show_only_actors(&timeline, ["bolton"]);
    let image = svg::render(&timeline, &filter, &options(4000));
    let tree = resvg::usvg::Tree::from_str(&image.svg, &resvg::usvg::Options::default())
        .expect("valid SVG");
    assert_eq!(tree.size().width(), 4000.0);
    assert!(
        image
            .svg
            .contains("Actors: John R. Bolton · 6 of 56 events")
    );
    assert!(image.svg.contains("Trump privately raises leaving NATO ["));
    assert!(image.svg.contains("Bolton named to replace McMaster"));
    // The sources are numbered full references, and titles carry their numbers.
    assert!(
        image.svg.contains(
            "1. Allies and Former U.S. Officials Fear Trump Could Seek NATO Exit in a Second \
             Term. The New York Times, 3 September 2020."
        ) || image
            .svg
            .contains("1. John Bolton. The Room Where It Happened."),
        "numbered references"
    );
    assert!(!image.svg.contains("Yesper"));
    assert!(!image.svg.contains("North Atlantic Treaty signed"));
    // The sources of Bolton's events are listed; the treaty text is not cited by them.
    assert!(image.svg.contains("The Room Where It Happened"));
    assert!(!image.svg.contains("The North Atlantic Treaty, Washington"));
}

#[test]
fn dark_and_light_exports_differ_in_background() {
    let timeline = bundled();
    let filter = trump_bolton_nato(&timeline);
    let mut dark = options(800);
    dark.theme = Theme::Dark;
    let light = decode(
        &png::encode(
            &png::rasterize(&svg::render(&timeline, &filter, &options(800)).svg, 1.0)
                .expect("light"),
        )
        .expect("png"),
    );
    let dark = decode(
        &png::encode(
            &png::rasterize(&svg::render(&timeline, &filter, &dark).svg, 1.0).expect("dark"),
        )
        .expect("png"),
    );
    assert_eq!(light.get_pixel(2, 2).0, [255, 255, 255, 255]);
    assert_eq!(dark.get_pixel(2, 2).0, [0x1b, 0x1b, 0x1b, 255]);
}

/// A range that cuts through many bars: shapes are cut or left out while writing, only shapes
/// crossing the plot's edge are in clipped groups, and fades share their gradients.
#[test]
fn a_cut_range_clips_only_shapes_on_the_edge_and_shares_fades() {
    let text = alliance_timeline::synthetic::timeline_ron(3000, 40, 1);
    let timeline = alliance_timeline::load::load_bytes(
        text.as_bytes(),
        &alliance_timeline::load::EmbeddedTexts::default(),
    )
    .timeline
    .expect("the synthetic timeline is valid");
    let mut options = options(1600);
    options.range = Range::from_edtf("1975/1982").expect("a range");
    let image = svg::render(&timeline, &Filter::default(), &options);
    let svg = &image.svg;
    let groups: Vec<&str> = svg
        .split(r#"<g clip-path=""#)
        .skip(1)
        .filter_map(|rest| rest.split("</g>").next())
        .collect();
    let shapes = svg.matches("<rect").count() + svg.matches("<text").count();
    assert!(
        groups.len() * 50 < shapes,
        "{} clipped groups for {shapes} shapes",
        groups.len()
    );
    for group in &groups {
        assert!(
            group.lines().count() <= 12,
            "a large clipped group:\n{group}"
        );
    }
    let fades = svg.matches("url(#g").count();
    let gradients = svg.matches("<linearGradient").count();
    assert!(fades > 100, "{fades} faded shapes");
    assert!(gradients * 10 < fades, "{gradients} gradients for {fades}");
    resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).expect("valid SVG");
}

/// The bundled timeline at 1200 px matches the stored image (fonts and layout are fixed).
/// `UPDATE_GOLDEN=1 cargo test` rewrites it after an intended change.
#[test]
fn the_bundled_timeline_matches_its_golden_image() {
    let golden_path = Path::new("tests/golden/us-nato-1200.png");
    let timeline = bundled();
    let image = svg::render(&timeline, &Filter::default(), &options(1200));
    let bytes = png::encode(&png::rasterize(&image.svg, 1.0).expect("renders")).expect("png");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(golden_path, &bytes).expect("golden written");
    }
    let golden =
        decode(&std::fs::read(golden_path).expect("golden image (UPDATE_GOLDEN=1 makes it)"));
    let actual = decode(&bytes);
    assert_eq!(actual.dimensions(), golden.dimensions());
    let differing = actual
        .pixels()
        .zip(golden.pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0.iter()).any(|(x, y)| x.abs_diff(*y) > 24))
        .count();
    let total = (actual.width() * actual.height()) as usize;
    assert!(
        differing * 1000 < total,
        "{differing} of {total} pixels differ from the golden image"
    );
}

fn export(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_alliance-timeline"))
        .arg("export")
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_command_line_exports_and_refuses_what_it_must() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("trump-bolton-nato.png");
    let out_text = out.to_string_lossy().into_owned();
    let done = export(&[
        "-o", &out_text, "--actor", "trump", "--actor", "bolton", "--actor", "nato", "--from",
        "2016", "--to", "2020", "--width", "1400",
    ]);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert_eq!(decode(&std::fs::read(&out).expect("written")).width(), 1400);

    let svg_out = folder.path().join("group.svg");
    let done = export(&[
        "-o",
        &svg_out.to_string_lossy(),
        "--group",
        "World War II",
        "--theme",
        "dark",
    ]);
    assert_eq!(done.status.code(), Some(0));
    let svg_text = std::fs::read_to_string(&svg_out).expect("svg written");
    assert!(svg_text.contains("Japan") && !svg_text.contains("Donald Trump"));

    // Problems in the timeline: printed as by check, exit 1.
    let broken = export(&["tests/fixtures/bad/unknown-actor.ron", "-o", &out_text]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stdout).contains("unknown-actor.ron:26:22: error"));

    // Usage and I/O errors: exit 2, nothing written.
    let missing_folder = folder
        .path()
        .join("no/such/x.png")
        .to_string_lossy()
        .into_owned();
    let gif = folder.path().join("x.gif").to_string_lossy().into_owned();
    let cases: [(&[&str], &str); 6] = [
        (
            &["-o", &out_text, "--actor", "boltn"],
            "no actor \"boltn\" (did you mean \"bolton\"?)",
        ),
        (&["-o", &out_text, "--width", "50000"], "50000 px"),
        (
            &["-o", "timeline-data/us-nato.ron"],
            "refusing to write over a timeline",
        ),
        (&["-o", &missing_folder], "the folder does not exist"),
        (
            &["-o", &gif],
            "must end in .png, .svg, .pdf, .csv, .json or .bib",
        ),
        (
            &["-o", &out_text, "--from", "last summer"],
            "not an EDTF date",
        ),
    ];
    for (args, message) in cases {
        let output = export(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    assert!(!folder.path().join("x.gif").exists());
}

/// Two events in 1949–50 and twelve in 2018, on one track.
fn sparse_then_dense_text() -> String {
    let mut events = vec![
        r#"Event(id: "treaty", title: "Treaty", when: "1949-04-04", actors: ["a"])"#.to_owned(),
        r#"Event(id: "greece", title: "Later", when: "1950-03-01", actors: ["a"])"#.to_owned(),
    ];
    for month in 1..=12 {
        events.push(format!(
            r#"Event(id: "m{month}", title: "M{month}", when: "2018-{month:02}-10", actors: ["a"])"#
        ));
    }
    format!(
        r#"Timeline(title: "Sparse then dense", actors: [Actor(id: "a", name: "A")], events: [{}])"#,
        events.join(",\n")
    )
}

/// Centres of the markers drawn in the time area, left to right.
fn marker_xs(timeline: &Timeline, folding: Folding) -> (Vec<f64>, f64, f64) {
    let figure = Figure::new(timeline, &Filter::default(), &Range::Filtered, folding);
    let frame = svg::figure_frame(&figure, 1600.0, 0.0);
    let mut xs: Vec<f64> = figure
        .drawing(&frame)
        .primitives()
        .filter_map(|primitive| match primitive {
            Primitive::Diamond { centre, .. } => Some(centre.0),
            _ => None,
        })
        .collect();
    xs.sort_by(f64::total_cmp);
    (xs, frame.area.x0_px, frame.area.width_px())
}

#[test]
fn an_image_folds_the_empty_decades_and_spreads_the_dense_year_over_the_axis() {
    let timeline = alliance_timeline::load::load_bytes(
        sparse_then_dense_text().as_bytes(),
        &alliance_timeline::load::EmbeddedTexts::default(),
    )
    .timeline
    .expect("valid");
    let (folded, left_px, width_px) = marker_xs(&timeline, Folding::AUTO);
    assert_eq!(folded.len(), 14, "each event its own marker: {folded:?}");
    let year_2018 = &folded[2..];
    let spread_px = year_2018[11] - year_2018[0];
    assert!(
        spread_px > 0.75 * width_px,
        "2018 spreads over {spread_px} of {width_px} px"
    );
    assert!(year_2018.windows(2).all(|pair| pair[1] - pair[0] > 40.0));
    assert!(
        folded[0] > left_px,
        "the first marker is inside the time area"
    );

    // Linear: 2018 is a sliver at the right, its events merged into counts.
    let (linear, _, _) = marker_xs(&timeline, Folding::OFF);
    assert!(linear.len() < 14, "{linear:?}");
    let svg_folded = svg::render(&timeline, &Filter::default(), &options(1600)).svg;
    let caption = svg_folded
        .split("Time folded: ")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or("");
    assert!(
        caption.contains("1950 – 2018"),
        "the caption names the fold: {caption:?}"
    );
    let mut linear_options = options(1600);
    linear_options.folding = Folding::OFF;
    let svg_linear = svg::render(&timeline, &Filter::default(), &linear_options).svg;
    assert!(!svg_linear.contains("Time folded"));
}

#[test]
fn the_command_line_folds_by_default_and_not_with_fold_off() {
    let folder = tempfile::tempdir().expect("temp dir");
    let input = folder.path().join("sparse.ron");
    std::fs::write(&input, sparse_then_dense_text()).expect("written");
    let input = input.to_string_lossy().into_owned();
    for (extra, folded) in [(None, true), (Some("off"), false), (Some("auto"), true)] {
        let out = folder.path().join("out.svg");
        let mut args = vec![input.as_str(), "-o", out.to_str().expect("utf-8 path")];
        if let Some(mode) = extra {
            args.extend(["--fold", mode]);
        }
        let done = export(&args);
        assert_eq!(
            done.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
        let svg = std::fs::read_to_string(&out).expect("svg written");
        assert_eq!(svg.contains("Time folded"), folded, "--fold {extra:?}");
    }
    let wrong = export(&[&input, "-o", "x.svg", "--fold", "sometimes"]);
    assert_eq!(wrong.status.code(), Some(2));
}

/// Runs a command-line tool from poppler or desktop-file-utils on `path`; `None` when the tool
/// is not installed here (CI installs them and sets `ALLIANCE_TIMELINE_REQUIRE_TOOLS`).
fn run_tool(tool: &str, args: &[&str]) -> Option<std::process::Output> {
    match Command::new(tool).args(args).output() {
        Ok(output) => Some(output),
        Err(_) if std::env::var_os("ALLIANCE_TIMELINE_REQUIRE_TOOLS").is_none() => {
            eprintln!("{tool} is not installed: its check is left to CI");
            None
        }
        Err(error) => panic!("{tool} is required here: {error}"),
    }
}

#[test]
fn a_pdf_export_is_vector_with_selectable_text_in_embedded_fonts() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("t.pdf");
    let out_text = out.to_string_lossy().into_owned();
    let done = export(&["-o", &out_text, "--width", "1600"]);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
    // Three faces (regular, bold, italic), each embedded as a font file with a map back to
    // the characters, so the text can be selected and searched.
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("/FontFile2").count(), 3, "embedded font files");
    assert!(text.matches("/ToUnicode").count() >= 3);
    if let Some(output) = run_tool("pdftotext", &[&out_text, "-"]) {
        let words = String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for title in [
            "The United States and NATO, 1945–2025",
            "North Atlantic Treaty signed in Washington",
            "Brussels summit, with a walk-out threat drafted and dropped",
        ] {
            assert!(words.contains(title), "{title} not in the PDF's text");
        }
    }
    if let Some(output) = run_tool("pdffonts", &[&out_text]) {
        let listing = String::from_utf8_lossy(&output.stdout).into_owned();
        let fonts: Vec<&str> = listing.lines().skip(2).collect();
        assert_eq!(fonts.len(), 3, "{listing}");
        // The columns emb and sub: every font embedded, as a subset.
        assert!(
            fonts.iter().all(|line| line.contains(" yes yes ")),
            "{listing}"
        );
    }
}

#[test]
fn a_csv_export_has_one_row_per_shown_event_with_its_columns() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("e.csv");
    let done = export(&["--actor", "bolton", "-o", &out.to_string_lossy()]);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let mut reader = csv::Reader::from_path(&out).expect("a CSV");
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "id",
            "when",
            "first_day",
            "last_day",
            "title",
            "actors",
            "tags",
            "summary",
            "citations",
            "urls"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|row| row.expect("a row")).collect();
    let timeline = bundled();
    let bolton = timeline.actor_by_id("bolton").expect("bolton");
    let expected: Vec<&str> = timeline
        .events
        .iter()
        .filter(|event| event.actors.contains(&bolton))
        .map(|event| event.id.as_str())
        .collect();
    assert_eq!(rows.iter().map(|row| &row[0]).collect::<Vec<_>>(), expected);
    for row in &rows {
        assert!(row[5].split(';').any(|actor| actor == "bolton"), "{row:?}");
        assert!(!row[8].is_empty(), "every bundled event cites a source");
    }
    let summit = rows
        .iter()
        .find(|row| &row[0] == "brussels-summit-2018")
        .expect("summit");
    assert_eq!((&summit[2], &summit[3]), ("2018-07-11", "2018-07-12"));
}

#[test]
fn a_bibtex_export_holds_every_cited_source_once_and_csl_json_too() {
    let folder = tempfile::tempdir().expect("temp dir");
    let bib = folder.path().join("s.bib");
    let done = export(&["-o", &bib.to_string_lossy()]);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let text = std::fs::read_to_string(&bib).expect("written");
    let keys: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix('@'))
        .filter_map(|line| {
            line.split_once('{')
                .map(|(_, rest)| rest.trim_end_matches(','))
        })
        .collect();
    let timeline = bundled();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), keys.len(), "keys are unique");
    assert_eq!(
        keys.len(),
        timeline.sources.len(),
        "every source is cited by a shown event"
    );
    // Each entry's braces balance, so a BibTeX parser reads it whole.
    for entry in text.split("\n@").filter(|entry| !entry.trim().is_empty()) {
        let mut depth = 0i32;
        let mut previous = ' ';
        for c in entry.chars() {
            match (previous, c) {
                ('\\', _) => {}
                (_, '{') => depth += 1,
                (_, '}') => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "a brace closes before it opens: {entry}");
            previous = c;
        }
        let depth = Some(depth);
        assert_eq!(depth, Some(0), "unbalanced entry: {entry}");
    }
    assert!(text.contains("@book{bolton-room-where-it-happened,"));

    let csl = folder.path().join("s.json");
    let done = export(&["-o", &csl.to_string_lossy(), "--format", "csl"]);
    assert_eq!(done.status.code(), Some(0));
    let items: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&csl).expect("written")).expect("JSON");
    assert_eq!(items.as_array().map(Vec::len), Some(timeline.sources.len()));
}

#[test]
fn a_story_exports_a_page_per_step_as_pdf_and_as_pngs() {
    let folder = tempfile::tempdir().expect("temp dir");
    let pdf = folder.path().join("story.pdf");
    let done = export(&[
        "--story",
        "exit-fears",
        "-o",
        &pdf.to_string_lossy(),
        "--width",
        "1200",
    ]);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let steps = bundled()
        .stories
        .iter()
        .find(|story| story.id == "exit-fears")
        .map(|story| story.steps.len())
        .expect("the bundled story");
    let bytes = std::fs::read(&pdf).expect("written");
    let text = String::from_utf8_lossy(&bytes);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    assert_eq!(pages, steps, "a page per step");
    if let Some(output) = run_tool("pdfinfo", &[&pdf.to_string_lossy()]) {
        let info = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(
            info.lines()
                .any(|line| line.split_whitespace().eq(["Pages:", &steps.to_string()])),
            "{info}"
        );
    }
    if let Some(output) = run_tool("pdftotext", &[&pdf.to_string_lossy(), "-"]) {
        let words = String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(words.contains("Step 3 of 13"));
        assert!(words.contains("Brussels summit, with a walk-out threat drafted and dropped"));
    }
    let pngs = folder.path().join("steps");
    std::fs::create_dir(&pngs).expect("folder");
    let done = export(&[
        "--story",
        "exit-fears",
        "-o",
        &pngs.to_string_lossy(),
        "--width",
        "800",
    ]);
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&pngs)
        .expect("listed")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), steps);
    assert_eq!(names[2], "03-brussels-summit-2018.png");
    let unknown = export(&["--story", "nope", "-o", &pdf.to_string_lossy()]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no story \"nope\""));
}

/// A PNG draws each distinct count once and copies it into every pill; the pixels are
/// those of the whole SVG rasterised with its counts as text, at 1× and 2×, while the SVG
/// file keeps every count as text.
#[test]
fn counts_drawn_from_a_sheet_give_the_pixels_of_counts_drawn_as_text() {
    use alliance_timeline::load::{EmbeddedTexts, load_bytes};
    let text = alliance_timeline::synthetic::timeline_ron(4_000, 8, 2);
    let timeline = load_bytes(text.as_bytes(), &EmbeddedTexts::default())
        .timeline
        .expect("the synthetic timeline is valid");
    let filter = Filter::default();
    for scale in [1.0f32, 2.0] {
        let mut options = options(1400);
        options.scale = scale;
        let whole = svg::render(&timeline, &filter, &options);
        let (parts, width_px, height_px) = svg::render_for_raster(&timeline, &filter, &options);
        assert_eq!((width_px, height_px), (whole.width_px, whole.height_px));
        let counts: usize = parts.stamps.iter().map(Vec::len).sum();
        assert!(counts > 200, "only {counts} counts set aside");
        // The SVG file has a `<text>` for each of them, the documents to rasterise none.
        let texts = |svg: &str| svg.matches("<text").count();
        let part_texts: usize = parts.parts.iter().map(|part| texts(part)).sum();
        assert_eq!(texts(&whole.svg), part_texts + counts);
        let expected = png::rasterize(&whole.svg, scale).expect("renders");
        let actual = png::rasterize_parts(&parts, scale).expect("renders");
        assert_eq!(
            (actual.width(), actual.height()),
            (expected.width(), expected.height())
        );
        let differing = |by: u8| {
            actual
                .data()
                .chunks_exact(4)
                .zip(expected.data().chunks_exact(4))
                .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > by))
                .count()
        };
        assert_eq!(differing(24), 0, "at {scale}×");
        let total = (actual.width() * actual.height()) as usize;
        assert!(
            differing(8) * 10_000 < total,
            "at {scale}×: {}",
            differing(8)
        );
    }
}
