//! Tests of the painter's own meshes: pills, sharp rectangles, templates, fades.

use super::*;

fn pill(x0: f32, x1: f32) -> Mesh {
    let mut mesh = Mesh::default();
    let rect = Rect::from_min_max(Pos2::new(x0, 92.0), Pos2::new(x1, 108.0));
    Rects::default().add(&mut mesh, rect, 8.0, Color32::RED, 1.0);
    mesh
}

/// The same rectangle outlined and feathered directly, without a template.
fn direct(rect: Rect, corner_px: f32) -> Vec<Pos2> {
    let radius = (corner_px + 0.4)
        .min(rect.width() / 2.0)
        .min(rect.height() / 2.0);
    let mut points = Vec::new();
    outline(
        &mut points,
        rect,
        if corner_px > 0.0 { radius } else { 0.0 },
    );
    let mut mesh = Mesh::default();
    fill_feathered(&mut mesh, &points, Color32::RED, 1.0);
    mesh.vertices.iter().map(|vertex| vertex.pos).collect()
}

#[test]
fn rectangles_from_a_template_are_those_outlined_directly() {
    let mut rects = Rects::default();
    for (rect, corner_px) in [
        (
            Rect::from_min_max(Pos2::new(10.0, 92.0), Pos2::new(50.0, 108.0)),
            8.0,
        ),
        (
            Rect::from_min_max(Pos2::new(300.0, 12.0), Pos2::new(317.0, 28.0)),
            8.0,
        ),
        (
            Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(16.0, 16.0)),
            8.0,
        ),
        (
            Rect::from_min_max(Pos2::new(5.0, 5.0), Pos2::new(60.0, 40.0)),
            3.0,
        ),
        (
            Rect::from_min_max(Pos2::new(-4.0, 7.0), Pos2::new(900.0, 29.0)),
            0.0,
        ),
    ] {
        let mut mesh = Mesh::default();
        rects.add(&mut mesh, rect, corner_px, Color32::RED, 1.0);
        let expected = direct(rect, corner_px);
        assert_eq!(mesh.vertices.len(), expected.len(), "{rect:?}");
        for (vertex, expected) in mesh.vertices.iter().zip(&expected) {
            assert!(
                (vertex.pos - *expected).length() < 1e-3,
                "{rect:?}: {vertex:?}"
            );
        }
    }
    // Pills of any width share one template; the circle, the rounded and the sharp
    // rectangle have one each.
    assert_eq!(rects.templates.len(), 4);
}

#[test]
fn a_pill_is_a_feathered_stadium_with_round_ends_inside_its_rectangle() {
    let mesh = pill(10.0, 50.0);
    assert!(mesh.is_valid());
    // Four corners of four segments each, the two points where the quarters of each end
    // meet counted once: 18 points, an inner and an outer vertex each.
    assert_eq!(mesh.vertices.len(), 36);
    assert_eq!(mesh.indices.len(), 3 * (2 * 18 + 16));
    let inner: Vec<Pos2> = mesh
        .vertices
        .iter()
        .filter(|vertex| vertex.color == Color32::RED)
        .map(|vertex| vertex.pos)
        .collect();
    assert_eq!(inner.len(), 18);
    for point in &inner {
        assert!((9.9..=50.1).contains(&point.x) && (91.9..=108.1).contains(&point.y));
        // Every point of an end lies on its circle of radius 8, half a feather inside.
        let centre_x = if point.x < 30.0 { 18.0 } else { 42.0 };
        let distance = (*point - Pos2::new(centre_x, 100.0)).length();
        if (point.x - centre_x).abs() > 0.01 {
            assert!((distance - 7.5).abs() < 0.05, "{point:?} at {distance}");
        }
    }
    // The outer ring is transparent and half a pixel out: the pill's extent plus 0.5.
    let outer_right = mesh
        .vertices
        .iter()
        .filter(|vertex| vertex.color == Color32::TRANSPARENT)
        .map(|vertex| vertex.pos.x)
        .fold(f32::MIN, f32::max);
    assert!((outer_right - 50.5).abs() < 0.02, "{outer_right}");
}

#[test]
fn a_sharp_rectangle_has_four_corners_moved_out_diagonally() {
    let mut mesh = Mesh::default();
    let rect = Rect::from_min_max(Pos2::new(0.2, 0.0), Pos2::new(100.0, 20.0));
    Rects::default().add(&mut mesh, rect, 0.0, Color32::BLUE, 1.0);
    assert_eq!(mesh.vertices.len(), 8);
    // Snapped to whole pixels, then feathered half a pixel either way.
    assert_eq!(mesh.vertices[0].pos, Pos2::new(99.5, 0.5));
    assert_eq!(mesh.vertices[1].pos, Pos2::new(100.5, -0.5));
    assert_eq!(mesh.vertices[7].pos, Pos2::new(-0.5, -0.5));
    assert_eq!(mesh.indices.len(), 3 * (2 * 4 + 2));
}

#[test]
fn thin_and_transparent_rectangles_are_left_to_egui_or_out() {
    let thin = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(1.5, 40.0));
    assert!(!is_meshable(thin, 1.0));
    assert!(is_meshable(thin, 2.0));
    let mut mesh = Mesh::default();
    Rects::default().add(&mut mesh, thin, 0.0, Color32::TRANSPARENT, 1.0);
    assert!(mesh.is_empty());
}

#[test]
fn a_fade_is_three_quads_from_clear_to_solid_and_back() {
    let mut mesh = Mesh::default();
    let area = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(30.0, 10.0));
    add_fade(&mut mesh, area, 10.0, 20.0, Color32::GREEN);
    assert_eq!(mesh.vertices.len(), 12);
    assert_eq!(mesh.vertices[0].color, Color32::TRANSPARENT);
    assert_eq!(mesh.vertices[1].color, Color32::GREEN);
    assert_eq!(mesh.vertices[9].color, Color32::TRANSPARENT);
}
