//! Horizontal fades of one colour (the faded ends of uncertain dates): opacity along x as
//! straight lines between points, turned into gradient stops over the part of a shape that is
//! drawn. A fade that is the same everywhere on that part is no fade: it becomes a plain fill.

/// Gradient stops (offset 0–1, opacity) of the fade through `points` over `from_px..to_px`.
/// `points` are (x, opacity) in increasing x; two at the same x make a step, as two gradient
/// stops at one offset do. Outside the points the opacity of the nearest end holds.
pub fn stops_over(points: &[(f64, f64)], from_px: f64, to_px: f64) -> Vec<(f64, f64)> {
    let width_px = to_px - from_px;
    if width_px <= 0.0 {
        return vec![(0.0, opacity_after(points, from_px))];
    }
    let mut stops = vec![(0.0, opacity_after(points, from_px))];
    stops.extend(
        points
            .iter()
            .filter(|(x, _)| *x > from_px && *x < to_px)
            .map(|&(x, opacity)| ((x - from_px) / width_px, opacity)),
    );
    stops.push((1.0, opacity_before(points, to_px)));
    stops
}

/// The one opacity of `stops` when they all agree (to the 0.001 an SVG file carries).
pub fn uniform_opacity(stops: &[(f64, f64)]) -> Option<f64> {
    let (&(_, first), rest) = stops.split_first()?;
    rest.iter()
        .all(|(_, opacity)| (opacity - first).abs() < 0.0005)
        .then_some(first)
}

/// The opacity just right of `x_px` (after a step at `x_px`).
fn opacity_after(points: &[(f64, f64)], x_px: f64) -> f64 {
    points
        .windows(2)
        .find(|pair| pair[0].0 <= x_px && x_px < pair[1].0)
        .map(|pair| between(pair[0], pair[1], x_px))
        .or_else(|| {
            let first = points.first()?;
            let last = points.last()?;
            Some(if x_px < first.0 { first.1 } else { last.1 })
        })
        .unwrap_or(1.0)
}

/// The opacity just left of `x_px` (before a step at `x_px`).
fn opacity_before(points: &[(f64, f64)], x_px: f64) -> f64 {
    points
        .windows(2)
        .rev()
        .find(|pair| pair[0].0 < x_px && x_px <= pair[1].0)
        .map(|pair| between(pair[0], pair[1], x_px))
        .or_else(|| {
            let first = points.first()?;
            let last = points.last()?;
            Some(if x_px <= first.0 { first.1 } else { last.1 })
        })
        .unwrap_or(1.0)
}

fn between((x0, opacity0): (f64, f64), (x1, opacity1): (f64, f64), x_px: f64) -> f64 {
    opacity0 + (opacity1 - opacity0) * (x_px - x0) / (x1 - x0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FADE_IN_OUT: [(f64, f64); 4] = [(0.0, 0.0), (50.0, 1.0), (50.0, 1.0), (100.0, 0.0)];

    #[test]
    fn a_whole_fade_keeps_its_stops() {
        assert_eq!(
            stops_over(&FADE_IN_OUT, 0.0, 100.0),
            vec![(0.0, 0.0), (0.5, 1.0), (0.5, 1.0), (1.0, 0.0)]
        );
    }

    #[test]
    fn a_cut_fade_starts_and_ends_where_it_is_cut() {
        assert_eq!(
            stops_over(&FADE_IN_OUT, 25.0, 75.0),
            vec![(0.0, 0.5), (0.5, 1.0), (0.5, 1.0), (1.0, 0.5)]
        );
        assert_eq!(
            stops_over(&FADE_IN_OUT, 75.0, 100.0),
            vec![(0.0, 0.5), (1.0, 0.0)]
        );
    }

    #[test]
    fn steps_are_taken_on_the_drawn_side() {
        let solid = [(0.0, 1.0), (0.0, 1.0), (100.0, 1.0), (100.0, 1.0)];
        assert_eq!(uniform_opacity(&stops_over(&solid, 0.0, 100.0)), Some(1.0));
        let step = [(0.0, 0.0), (10.0, 0.0), (10.0, 1.0), (100.0, 1.0)];
        assert_eq!(stops_over(&step, 10.0, 100.0), vec![(0.0, 1.0), (1.0, 1.0)]);
        assert_eq!(stops_over(&step, 0.0, 10.0), vec![(0.0, 0.0), (1.0, 0.0)]);
    }

    #[test]
    fn only_real_fades_are_fades() {
        assert_eq!(uniform_opacity(&[(0.0, 0.5), (1.0, 0.5)]), Some(0.5));
        assert_eq!(uniform_opacity(&[(0.0, 0.0), (1.0, 1.0)]), None);
    }
}
