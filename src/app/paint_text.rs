//! Single-line texts written straight into the painter's mesh, vertex for vertex as egui's
//! tessellator writes them. A zoomed-out million events shows some 1,600 count pills; as
//! shapes of their own, their counts were a sixth of the frame (a shape each to record,
//! count and tessellate, into a mesh that then grew by copying the pills' mesh before it).
//!
//! Glyphs are placed in egui's font atlas by texel; the tessellator turns texels into texture
//! coordinates with the atlas's size once the frame is laid out. Writing them earlier uses
//! the size the atlas has now, so [`AtlasWatch`] remembers it, and [`AtlasWatch::check`],
//! called when the frame's UI is done, asks egui to lay the frame out again in the rare
//! frame where the atlas grew meanwhile (a glyph never drawn before).

use std::sync::{Arc, Mutex, PoisonError};

use eframe::egui::{self, Color32, Galley, Pos2, Vec2, emath::GuiRounding, epaint::Mesh};

/// The atlas size texts were written with this frame, kept in the context.
#[derive(Default)]
pub struct AtlasWatch {
    written_with: Option<[usize; 2]>,
}

impl AtlasWatch {
    fn shared(ctx: &egui::Context) -> Arc<Mutex<AtlasWatch>> {
        ctx.data_mut(|data| {
            Arc::clone(data.get_temp_mut_or_default(egui::Id::unique("font atlas watch")))
        })
    }

    /// The factor from texels to texture coordinates, remembered for [`AtlasWatch::check`].
    pub fn uv_normalizer(ctx: &egui::Context) -> Vec2 {
        let size = ctx.fonts(|fonts| fonts.font_image_size());
        // The first size of the frame: any growth after it, in this painting or another,
        // makes the check lay the frame out again.
        Self::shared(ctx)
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .written_with
            .get_or_insert(size);
        Vec2::new(1.0 / size[0].max(1) as f32, 1.0 / size[1].max(1) as f32)
    }

    /// Call once the frame's UI is done: if the atlas changed size after texts were written
    /// into a mesh, the frame is laid out again (or, if egui declines, the next one is).
    pub fn check(ctx: &egui::Context) {
        let written_with = Self::shared(ctx)
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .written_with
            .take();
        if let Some(size) = written_with
            && ctx.fonts(|fonts| fonts.font_image_size()) != size
        {
            ctx.request_discard("the font atlas grew after texts were written into a mesh");
            ctx.request_repaint();
        }
    }
}

/// How [`add_text`] places glyphs: the screen's scale, whether egui snaps text to physical
/// pixels, and the atlas's texel-to-coordinate factor.
#[derive(Debug, Clone, Copy)]
pub struct TextPlacing {
    pub pixels_per_point: f32,
    pub round_to_pixels: bool,
    pub uv_normalizer: Vec2,
}

/// Appends `galley` at `pos` (its top left) to `mesh` as egui's tessellator would draw it
/// with `fallback` as its colour. `false` (and nothing added) for a galley with colour glyphs
/// (emoji), which keep their own colours; leave those to egui.
pub fn add_text(
    mesh: &mut Mesh,
    galley: &Galley,
    pos: Pos2,
    fallback: Color32,
    placing: TextPlacing,
) -> bool {
    if galley
        .rows
        .iter()
        .any(|row| row.glyphs.iter().any(|glyph| glyph.is_color))
    {
        return false;
    }
    let origin = if placing.round_to_pixels {
        pos.round_to_pixels(placing.pixels_per_point)
    } else {
        pos
    };
    mesh.vertices.reserve(galley.num_vertices);
    mesh.indices.reserve(galley.num_indices);
    for row in &galley.rows {
        let row_mesh = &row.visuals.mesh;
        if row_mesh.is_empty() {
            continue;
        }
        let row_origin = origin + row.pos.to_vec2();
        let first = mesh.vertices.len() as u32;
        mesh.indices
            .extend(row_mesh.indices.iter().map(|index| index + first));
        mesh.vertices.extend(row_mesh.vertices.iter().map(|vertex| {
            let color = if vertex.color == Color32::PLACEHOLDER {
                fallback
            } else {
                vertex.color
            };
            egui::epaint::Vertex {
                pos: row_origin + vertex.pos.to_vec2(),
                uv: (vertex.uv.to_vec2() * placing.uv_normalizer).to_pos2(),
                color,
            }
        }));
    }
    true
}

#[cfg(test)]
mod tests {
    use eframe::egui::{
        self, Color32, FontId, Pos2, Shape, Vec2,
        epaint::{ClippedShape, Mesh, Primitive, TessellationOptions, Tessellator},
    };

    use super::{AtlasWatch, TextPlacing, add_text};

    #[test]
    fn a_frame_is_laid_out_again_when_the_atlas_grows_after_texts_were_written() {
        let ctx = egui::Context::default();
        let mut discarded = Vec::new();
        for new_glyphs in [false, true] {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                let _ = AtlasWatch::uv_normalizer(ui.ctx());
                if new_glyphs {
                    // Large glyphs never drawn before: the atlas has to grow for them.
                    let text: String = ('A'..='z').chain('0'..='9').collect();
                    let _ = ui.fonts_mut(|fonts| {
                        fonts.layout_no_wrap(text, FontId::proportional(90.0), Color32::WHITE)
                    });
                }
                AtlasWatch::check(ui.ctx());
                discarded.push(ui.ctx().will_discard());
            });
            output.textures_delta.clear();
        }
        // Without new glyphs the frame stands; with them it is laid out again, and the pass
        // that follows, its glyphs now in the atlas, stands.
        assert_eq!(discarded, [false, true, false]);
    }

    #[test]
    fn a_text_written_into_a_mesh_has_the_vertices_egui_would_draw() {
        let ctx = egui::Context::default();
        let pixels_per_point = 1.5;
        ctx.set_pixels_per_point(pixels_per_point);
        let mut galley = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            galley = Some(ui.fonts_mut(|fonts| {
                fonts.layout_no_wrap(
                    "1,234".to_owned(),
                    FontId::proportional(11.0),
                    Color32::WHITE,
                )
            }));
        });
        output.textures_delta.clear();
        let galley = galley.unwrap_or_else(|| panic!("the frame ran"));
        let atlas = ctx.fonts(|fonts| fonts.font_image_size());
        let pos = Pos2::new(100.3, 20.7);

        let options = TessellationOptions::default();
        let clip = egui::Rect::from_min_size(Pos2::ZERO, Vec2::splat(1000.0));
        let shape = Shape::galley(pos, galley.clone(), Color32::RED);
        let primitives = Tessellator::new(pixels_per_point, options, atlas, Vec::new())
            .tessellate_shapes(vec![ClippedShape {
                clip_rect: clip,
                shape,
                transform_after_tessellation: Default::default(),
            }]);
        let Some(Primitive::Mesh(egui_mesh)) = primitives.first().map(|p| &p.primitive) else {
            panic!("one mesh");
        };

        let mut mesh = Mesh::default();
        let placing = TextPlacing {
            pixels_per_point,
            round_to_pixels: options.round_text_to_pixels,
            uv_normalizer: Vec2::new(1.0 / atlas[0] as f32, 1.0 / atlas[1] as f32),
        };
        assert!(add_text(&mut mesh, &galley, pos, Color32::RED, placing));
        assert!(!mesh.vertices.is_empty());
        assert_eq!(mesh.indices, egui_mesh.indices);
        assert_eq!(mesh.vertices, egui_mesh.vertices);
    }
}
