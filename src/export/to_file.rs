//! Writing an export to a file: the image, table or bibliography of a filtered timeline, and
//! a story a page per step, each in the format its file name asks for.

use std::path::Path;

use super::{
    ExportError, ExportOptions, Format, JsonKind, Written, WrittenKind, bibliography, pdf, png,
    story_pages, svg, table, write,
};

/// Renders and writes the image for `timeline` under `filter` to `out`; the format follows
/// the extension. `protected` are files never to be written over (the open timeline).
pub fn export_to_file(
    timeline: &crate::model::Timeline,
    filter: &crate::query::Filter,
    options: &ExportOptions,
    out: &Path,
    protected: &[&Path],
) -> Result<Written, ExportError> {
    options.check()?;
    write::check_target(out, protected)?;
    let format = Format::of_path(out).ok_or_else(|| ExportError::UnknownFormat {
        path: out.to_path_buf(),
    })?;
    let (bytes, what) = if format == Format::Png {
        let (raster, _, _) = svg::render_for_raster(timeline, filter, options);
        let pixmap = png::rasterize_parts(&raster, options.scale)?;
        let what = WrittenKind::Image {
            width_px: pixmap.width(),
            height_px: pixmap.height(),
        };
        (png::encode(&pixmap)?, what)
    } else if format.is_image() {
        let image = svg::render(timeline, filter, options);
        let size = WrittenKind::Image {
            width_px: image.width_px.round() as u32,
            height_px: image.height_px.round() as u32,
        };
        match format {
            Format::Pdf => (pdf::from_svg(&image.svg)?, size),
            _ => (image.svg.into_bytes(), size),
        }
    } else {
        let shown = crate::query::select(timeline, filter).events;
        let cited = || -> Vec<&crate::model::Source> {
            crate::citation::cited_sources(timeline, &shown)
                .into_iter()
                .filter_map(|source| timeline.source(source))
                .collect()
        };
        match (format, options.json) {
            (Format::Bib, _) => {
                let sources = cited();
                let text = bibliography::bibtex(&sources);
                (text.into_bytes(), WrittenKind::Sources(sources.len()))
            }
            (Format::Json, JsonKind::Csl) => {
                let sources = cited();
                let value = bibliography::csl_json(&sources);
                let bytes =
                    serde_json::to_vec_pretty(&value).map_err(|error| ExportError::Render {
                        reason: format!("cannot write the JSON: {error}"),
                    })?;
                (bytes, WrittenKind::Sources(sources.len()))
            }
            (Format::Json, JsonKind::Table) => {
                let rows = table::rows(timeline, &shown);
                (table::json(&rows)?, WrittenKind::Rows(rows.len()))
            }
            _ => {
                let rows = table::rows(timeline, &shown);
                (table::csv(&rows)?, WrittenKind::Rows(rows.len()))
            }
        }
    };
    crate::files::write_atomically(out, &bytes)?;
    Ok(Written {
        path: out.to_path_buf(),
        bytes: bytes.len() as u64,
        what,
    })
}

/// Writes story `story_id` of `timeline` a page per step: one PDF when `out` ends in `.pdf`,
/// else one PNG per step into the folder `out` (`01-brussels-summit-2018.png`, …).
pub fn export_story(
    timeline: &crate::model::Timeline,
    story_id: &str,
    options: &ExportOptions,
    out: &Path,
    protected: &[&Path],
) -> Result<Written, ExportError> {
    options.check()?;
    let story = timeline
        .stories
        .iter()
        .find(|story| story.id == story_id)
        .ok_or_else(|| ExportError::NoStory {
            id: story_id.to_owned(),
        })?;
    let pages: Vec<svg::SvgImage> = story
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| story_pages::render_step(timeline, story, index, step, options))
        .collect();
    let as_pdf = Format::of_path(out) == Some(Format::Pdf);
    if as_pdf {
        write::check_target(out, protected)?;
        let svgs: Vec<String> = pages.into_iter().map(|page| page.svg).collect();
        let bytes = pdf::from_svgs(&svgs)?;
        crate::files::write_atomically(out, &bytes)?;
        return Ok(Written {
            path: out.to_path_buf(),
            bytes: bytes.len() as u64,
            what: WrittenKind::Pages(svgs.len()),
        });
    }
    if !out.is_dir() {
        return Err(ExportError::StoryTarget {
            path: out.to_path_buf(),
        });
    }
    let mut bytes_written = 0;
    for ((index, step), page) in story.steps.iter().enumerate().zip(&pages) {
        let event_id = timeline
            .event(step.event)
            .map_or("step", |event| event.id.as_str());
        let path = out.join(format!("{:02}-{event_id}.png", index + 1));
        write::check_target(&path, protected)?;
        let pixmap = png::rasterize(&page.svg, options.scale)?;
        let bytes = png::encode(&pixmap)?;
        crate::files::write_atomically(&path, &bytes)?;
        bytes_written += bytes.len() as u64;
    }
    Ok(Written {
        path: out.to_path_buf(),
        bytes: bytes_written,
        what: WrittenKind::Pages(pages.len()),
    })
}
