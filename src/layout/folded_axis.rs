//! The date axis of a folded view: calendar ticks worked out per piece of the map (the runs
//! of time that hold events, and folds still open enough to read), never crowding each
//! other across a fold, and each fold's bounding dates written at its two sides.

use super::axis::{Tick, TickUnit, calendar_ticks, civil_from_day, tick_unit};
use super::time_map::{Fold, TimeMap};
use crate::model::human_date::{short_month_name, year_label};

/// Folds at least this far folded are breaks on the axis: no ticks inside, dates beside.
const BREAK_AMOUNT: f64 = 0.5;
/// Room between a fold's edge and its date, and between neighbouring labels.
const LABEL_GAP_PX: f64 = 3.0;
/// Estimated width of one character of an axis label (12 px type); a little generous so
/// estimated labels never touch.
const CHAR_PX: f64 = 7.5;

impl FoldLabel {
    /// The stretch of the axis the label takes (an estimate a little wider than the text).
    pub fn span_px(&self) -> (f64, f64) {
        let width_px = self.text.chars().count() as f64 * CHAR_PX + LABEL_GAP_PX;
        if self.ends_at_edge {
            (self.x_px - width_px, self.x_px)
        } else {
            (self.x_px, self.x_px + width_px)
        }
    }
}

/// A date beside a fold on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct FoldLabel {
    /// The fold's edge, from the left of the view.
    pub x_px: f64,
    pub text: String,
    /// True: the text ends at the edge (left of a fold); false: it starts there.
    pub ends_at_edge: bool,
    /// Which of the map's folds it names.
    pub fold: usize,
}

/// The ticks of `map`, and the labels beside its folds.
pub fn axis_ticks(map: &TimeMap, tick_spacing_px: f64) -> (Vec<Tick>, Vec<FoldLabel>) {
    let view = map.view();
    // Occupied stretches of the axis, in pixels, as labels are placed.
    let mut taken: Vec<(f64, f64)> = Vec::new();
    if map.is_linear() {
        let ticks = calendar_ticks(
            view.start_day,
            view.end_day,
            map.width_px(),
            tick_spacing_px,
        );
        return (ticks, Vec::new());
    }
    let content_days = map.width_px() / map.content_px_per_day();
    let unit = tick_unit(
        view.start_day,
        view.start_day + content_days,
        map.width_px(),
        tick_spacing_px,
    );
    let mut breaks: Vec<(usize, &Fold)> = map
        .folds()
        .iter()
        .enumerate()
        .filter(|(_, fold)| fold.amount >= BREAK_AMOUNT)
        .collect();
    // Where labels crowd, the folds hiding the most time keep theirs.
    breaks.sort_by(|(_, a), (_, b)| {
        let length = |fold: &Fold| fold.empty_end_day - fold.empty_start_day;
        length(b).total_cmp(&length(a))
    });
    for (_, fold) in &breaks {
        taken.push((fold.x0_px, fold.x1_px));
    }
    let mut labels = Vec::new();
    // Occupied stretches of the axis, in pixels, as labels are placed.
    let mut taken: Vec<(f64, f64)> = Vec::new();
    for &(index, fold) in &breaks {
        // The dates of the events on either side.
        let sides = [
            (fold.x0_px, fold.empty_start_day - 1.0, true),
            (fold.x1_px, fold.empty_end_day, false),
        ];
        for (x_px, day, ends_at_edge) in sides {
            // Edges outside the view have no place for a date.
            if !(0.0..=map.width_px()).contains(&x_px) || !day.is_finite() {
                continue;
            }
            let text = edge_label(unit, day);
            let width_px = text.chars().count() as f64 * CHAR_PX;
            // With the gap on the far side too, so neighbours keep clear of it.
            let span = if ends_at_edge {
                (x_px - 2.0 * LABEL_GAP_PX - width_px, x_px - LABEL_GAP_PX)
            } else {
                (x_px + LABEL_GAP_PX, x_px + 2.0 * LABEL_GAP_PX + width_px)
            };
            if span.0 < 0.0 || span.1 > map.width_px() || collides(&taken, span) {
                continue;
            }
            taken.push(span);
            labels.push(FoldLabel {
                x_px,
                text,
                ends_at_edge,
                fold: index,
            });
        }
    }
    let mut ticks = Vec::new();
    for (first_day, last_day, x0_px, x1_px) in map.pieces() {
        let is_break = breaks
            .iter()
            .any(|(_, fold)| x0_px >= fold.x0_px - 1e-9 && x1_px <= fold.x1_px + 1e-9);
        if is_break {
            continue;
        }
        for tick in calendar_ticks(first_day, last_day, x1_px - x0_px, tick_spacing_px) {
            let x_px = map.x_px(tick.day);
            let width_px = tick.label.chars().count() as f64 * CHAR_PX;
            let span = (x_px - LABEL_GAP_PX, x_px + 2.0 * LABEL_GAP_PX + width_px);
            let crowded = ticks
                .last()
                .is_some_and(|last: &Tick| map.x_px(last.day) + tick_spacing_px / 2.0 > x_px);
            if crowded || collides(&taken, span) {
                continue;
            }
            ticks.push(tick);
        }
    }
    (ticks, labels)
}

fn collides(taken: &[(f64, f64)], span: (f64, f64)) -> bool {
    taken.iter().any(|&(x0, x1)| span.0 < x1 && x0 < span.1)
}

/// A fold's bounding date, as precise as the axis around it: a year when the axis counts
/// years, a month when it counts months, a day below that.
fn edge_label(unit: Option<TickUnit>, day: f64) -> String {
    let (year, month, day_of_month) = civil_from_day(day.floor() as i64);
    match unit {
        Some(TickUnit::Day | TickUnit::TwoDays | TickUnit::Week) => {
            format!(
                "{day_of_month} {} {}",
                short_month_name(month),
                year_label(year)
            )
        }
        Some(TickUnit::Month | TickUnit::Quarter | TickUnit::HalfYear) => {
            format!("{} {}", short_month_name(month), year_label(year))
        }
        Some(TickUnit::Years(_)) | None => year_label(year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::empty_time::EmptyTime;
    use crate::layout::spans::EventSpan;
    use crate::layout::time_map::{Folding, TimeMap, fitting_view};

    fn point(day: f64) -> EventSpan {
        EventSpan {
            outer_start_day: day,
            solid_start_day: day,
            solid_end_day: day + 1.0,
            outer_end_day: day + 1.0,
            is_point: true,
            is_qualified: false,
        }
    }

    #[test]
    fn a_fold_is_labelled_with_its_bounding_years_and_ticks_never_crowd_it() {
        // 1949-04-04 and 1949-08-24, then monthly events through 2018 (day 17532 is 2018-01-01).
        let mut spans = vec![point(-7577.0), point(-7435.0)];
        spans.extend((0..12).map(|month| point(17532.0 + 30.0 * f64::from(month))));
        let empty = EmptyTime::of(spans.iter());
        let view = fitting_view(-7577.0, 17863.0, 0.03, 1200.0, &empty, Folding::AUTO);
        let map = TimeMap::new(view, 1200.0, &empty, Folding::AUTO);
        let (ticks, labels) = axis_ticks(&map, 90.0);
        let texts: Vec<&str> = labels.iter().map(|label| label.text.as_str()).collect();
        // The long fold's dates come first, and both have room.
        assert_eq!(texts[..2], ["Aug 1949", "Jan 2018"], "{labels:?}");
        assert!(labels[0].ends_at_edge && !labels[1].ends_at_edge);
        let fold = map
            .folds()
            .iter()
            .copied()
            .find(|fold| fold.empty_end_day == 17532.0)
            .expect("the long fold");
        for tick in &ticks {
            let x = map.x_px(tick.day);
            assert!(
                !(fold.x0_px - 40.0..fold.x1_px + 40.0).contains(&x),
                "{tick:?} at {x}"
            );
        }
        for pair in ticks.windows(2) {
            assert!(
                map.x_px(pair[1].day) - map.x_px(pair[0].day) >= 45.0,
                "{pair:?}"
            );
        }
        assert!(ticks.iter().any(|tick| tick.label == "Jul"), "{ticks:?}");
    }
}
