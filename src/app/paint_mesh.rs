//! Triangles the window's painter writes itself, into one mesh for a run of primitives
//! instead of one egui shape each: fades (three quads) and filled rectangles, rounded or not,
//! anti-aliased the way egui's tessellator does it (an inner ring in the fill colour, an
//! outer ring half a feather out in transparent, the inside as a fan).
//!
//! A zoomed-out million events shows some 1,600 count pills at once. As egui shapes each
//! was a path of 36 points tessellated anew every frame, into a mesh that grew by copying;
//! here a pill's corners get only as many points as keep the curve within a fifth of a pixel
//! of a true circle, and all pills of a lane go out in one mesh.

use eframe::egui::{
    Color32, Pos2, Rect, Vec2,
    emath::GuiRounding,
    epaint::{Mesh, Vertex, WHITE_UV},
};

/// How far a corner's polygon may stray inside the true circle, in pixels.
const CORNER_TOLERANCE_PX: f32 = 0.2;

/// Three quads added to `mesh`: fading in from `area`'s left edge to `solid_x0`, solid to
/// `solid_x1`, fading out to the right edge.
pub(super) fn add_fade(mesh: &mut Mesh, area: Rect, solid_x0: f32, solid_x1: f32, solid: Color32) {
    let clear = Color32::TRANSPARENT;
    let (x0, x1, top, bottom) = (area.min.x, area.max.x, area.min.y, area.max.y);
    for (left, right, left_color, right_color) in [
        (x0, solid_x0, clear, solid),
        (solid_x0, solid_x1, solid, solid),
        (solid_x1, x1, solid, clear),
    ] {
        if right - left <= 0.01 {
            continue;
        }
        let base = mesh.vertices.len() as u32;
        for (x, y, color) in [
            (left, top, left_color),
            (right, top, right_color),
            (right, bottom, right_color),
            (left, bottom, left_color),
        ] {
            mesh.vertices.push(Vertex {
                pos: Pos2::new(x, y),
                uv: WHITE_UV,
                color,
            });
        }
        mesh.add_triangle(base, base + 1, base + 2);
        mesh.add_triangle(base, base + 2, base + 3);
    }
}

/// Whether [`Rects::add`] draws `rect` as egui would; thinner ones egui draws as lines.
pub(super) fn is_meshable(rect: Rect, pixels_per_point: f32) -> bool {
    let feathering = 1.0 / pixels_per_point;
    rect.is_finite() && rect.width() > 2.0 * feathering && rect.height() > 2.0 * feathering
}

/// Filled rectangles added to meshes, each shape of corner worked out once: a rectangle's
/// vertices depend on its size only through where its corners' centres are, so the
/// vertices of one rectangle of the same radius, relative to its corners, serve for all.
#[derive(Default)]
pub(super) struct Rects {
    templates: Vec<Template>,
}

/// The feathered vertices of a rectangle of one corner radius, relative to the centres of
/// its corners, and its triangles.
struct Template {
    key: TemplateKey,
    /// Which corner (clockwise from the top right), the offset from its centre, and whether
    /// the vertex is on the transparent outer ring.
    vertices: Vec<(usize, Vec2, bool)>,
    indices: Vec<u32>,
}

#[derive(PartialEq)]
struct TemplateKey {
    radius_bits: u32,
    feathering_bits: u32,
    /// Whether the top and bottom edges have a straight part, and the left and right.
    has_width: bool,
    has_height: bool,
}

/// Straight parts shorter than this are left out of an outline, as repeated points.
const MIN_EDGE_PX: f32 = 1e-3;

impl Rects {
    /// `rect` filled with `color`, its corners rounded by `corner_px`, added to `mesh`.
    ///
    /// As egui does: the rectangle snapped to whole pixels, a rounded corner made 0.4 px
    /// rounder and no rounder than half the rectangle's height or width, and the edge
    /// feathered over one physical pixel.
    pub(super) fn add(
        &mut self,
        mesh: &mut Mesh,
        rect: Rect,
        corner_px: f32,
        color: Color32,
        pixels_per_point: f32,
    ) {
        if color == Color32::TRANSPARENT {
            return;
        }
        let rect = rect.round_to_pixels(pixels_per_point);
        let radius = if corner_px > 0.0 {
            (corner_px + 0.4)
                .min(rect.width() / 2.0)
                .min(rect.height() / 2.0)
        } else {
            0.0
        };
        let key = TemplateKey {
            radius_bits: radius.to_bits(),
            feathering_bits: (1.0 / pixels_per_point).to_bits(),
            has_width: rect.width() - 2.0 * radius > MIN_EDGE_PX,
            has_height: rect.height() - 2.0 * radius > MIN_EDGE_PX,
        };
        let template = match self
            .templates
            .iter()
            .position(|template| template.key == key)
        {
            Some(index) => &self.templates[index],
            None => {
                self.templates
                    .push(Template::new(key, radius, pixels_per_point));
                let last = self.templates.len() - 1;
                &self.templates[last]
            }
        };
        let centres = corner_centres(rect, radius);
        let first = mesh.vertices.len() as u32;
        mesh.vertices.extend(
            template
                .vertices
                .iter()
                .map(|&(corner, offset, is_outer)| Vertex {
                    pos: centres[corner] + offset,
                    uv: WHITE_UV,
                    color: if is_outer {
                        Color32::TRANSPARENT
                    } else {
                        color
                    },
                }),
        );
        mesh.indices
            .extend(template.indices.iter().map(|index| first + index));
    }
}

impl Template {
    /// Worked out on a rectangle centred on the origin with the same radius and the same
    /// straight parts (16 px long where there are any).
    fn new(key: TemplateKey, radius: f32, pixels_per_point: f32) -> Template {
        let half_width = radius + if key.has_width { 8.0 } else { 0.0 };
        let half_height = radius + if key.has_height { 8.0 } else { 0.0 };
        let rect = Rect::from_min_max(
            Pos2::new(-half_width, -half_height),
            Pos2::new(half_width, half_height),
        );
        let mut points = Vec::with_capacity(24);
        outline(&mut points, rect, radius);
        let mut mesh = Mesh::default();
        fill_feathered(&mut mesh, &points, Color32::WHITE, 1.0 / pixels_per_point);
        let centres = corner_centres(rect, radius);
        let vertices = mesh
            .vertices
            .iter()
            .map(|vertex| {
                // The corner a vertex belongs to is the quarter of the plane it lies in.
                let corner = match (vertex.pos.x >= 0.0, vertex.pos.y >= 0.0) {
                    (true, false) => 0,
                    (true, true) => 1,
                    (false, true) => 2,
                    (false, false) => 3,
                };
                (
                    corner,
                    vertex.pos - centres[corner],
                    vertex.color == Color32::TRANSPARENT,
                )
            })
            .collect();
        Template {
            key,
            vertices,
            indices: mesh.indices,
        }
    }
}

/// The centres of a rounded rectangle's corner circles, clockwise from the top right.
fn corner_centres(rect: Rect, radius: f32) -> [Pos2; 4] {
    [
        Pos2::new(rect.max.x - radius, rect.min.y + radius),
        Pos2::new(rect.max.x - radius, rect.max.y - radius),
        Pos2::new(rect.min.x + radius, rect.max.y - radius),
        Pos2::new(rect.min.x + radius, rect.min.y + radius),
    ]
}

/// The outline of a rounded rectangle, clockwise on screen from the top-right corner, with
/// no point repeated.
fn outline(points: &mut Vec<Pos2>, rect: Rect, radius: f32) {
    let corners = [
        // Centre of each corner's circle and the angle its quarter starts at.
        (
            Pos2::new(rect.max.x - radius, rect.min.y + radius),
            -90.0_f32,
        ),
        (Pos2::new(rect.max.x - radius, rect.max.y - radius), 0.0),
        (Pos2::new(rect.min.x + radius, rect.max.y - radius), 90.0),
        (Pos2::new(rect.min.x + radius, rect.min.y + radius), 180.0),
    ];
    let segments = if radius <= CORNER_TOLERANCE_PX {
        0
    } else {
        let max_step_degrees = (2.0 * (1.0 - CORNER_TOLERANCE_PX / radius).acos()).to_degrees();
        (90.0 / max_step_degrees).ceil().clamp(1.0, 16.0) as usize
    };
    for (centre, start_degrees) in corners {
        if segments == 0 {
            // A sharp corner: the circle's centre is the corner itself.
            push_distinct(points, centre);
            continue;
        }
        for step in 0..=segments {
            let angle = (start_degrees + 90.0 * step as f32 / segments as f32).to_radians();
            push_distinct(
                points,
                centre + radius * Vec2::new(angle.cos(), angle.sin()),
            );
        }
    }
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
}

fn push_distinct(points: &mut Vec<Pos2>, point: Pos2) {
    if points
        .last()
        .is_none_or(|last| (*last - point).length() > MIN_EDGE_PX)
    {
        points.push(point);
    }
}

/// A convex outline, clockwise on screen, filled with `color` and feathered over
/// `feathering_px`: each point's normal is the mean of its two edges' normals, lengthened
/// so that both edges move out by the same distance (a miter), as egui's paths do.
fn fill_feathered(mesh: &mut Mesh, points: &[Pos2], color: Color32, feathering_px: f32) {
    let count = points.len();
    if count < 3 {
        return;
    }
    let first = mesh.vertices.len() as u32;
    mesh.vertices.reserve(2 * count);
    mesh.indices.reserve(3 * (2 * count + count - 2));
    let edge_normal = |from: Pos2, to: Pos2| (to - from).normalized().rot90();
    let mut normal_before = edge_normal(points[count - 1], points[0]);
    for (index, &point) in points.iter().enumerate() {
        let normal_after = edge_normal(point, points[(index + 1) % count]);
        let mean = (normal_before + normal_after) / 2.0;
        let miter = mean / mean.length_sq().max(0.5);
        let offset = 0.5 * feathering_px * miter;
        mesh.vertices.push(Vertex {
            pos: point - offset,
            uv: WHITE_UV,
            color,
        });
        mesh.vertices.push(Vertex {
            pos: point + offset,
            uv: WHITE_UV,
            color: Color32::TRANSPARENT,
        });
        normal_before = normal_after;
    }
    let count = count as u32;
    let (inner, outer) = (|i: u32| first + 2 * i, |i: u32| first + 2 * i + 1);
    let mut before = count - 1;
    for index in 0..count {
        mesh.add_triangle(inner(index), inner(before), outer(before));
        mesh.add_triangle(outer(before), outer(index), inner(index));
        before = index;
    }
    for index in 2..count {
        mesh.add_triangle(inner(0), inner(index - 1), inner(index));
    }
}

#[cfg(test)]
mod tests;
