//! The timeline's items made interactive: one widget per visible lane, which finds the item
//! under the pointer by position, and one AccessKit node per visible item (label, bounds,
//! selection, click), so screen readers and tests reach every marker and count pill without a
//! widget each. Then one widget per fold.

use eframe::egui::{self, Pos2, Rect, Sense, accesskit};

use super::{App, Command, Document, fold_widgets};
use crate::layout::scene::{Item, ItemKind, cluster_events};
use crate::layout::time_view::TimeView;
use crate::layout::tracks::RowKind;
use crate::model::human_date::human_date;

/// Height of the date axis at the top of the tracks.
const AXIS_HEADER_PX: f32 = crate::view::frame::AXIS_HEIGHT_PX as f32;

/// One widget per visible lane, an AccessKit node per visible item, then the folds.
pub(super) fn item_widgets(
    ui: &mut egui::Ui,
    app: &mut App,
    outcome: &super::timeline_view::PlotOutcome,
    commands: &mut Vec<Command>,
) {
    let Some(document) = &app.document else {
        return;
    };
    let tracks_rect = Rect::from_min_max(
        Pos2::new(outcome.frame.left(), outcome.frame.top() + AXIS_HEADER_PX),
        outcome.frame.right_bottom(),
    );
    let lane_half_px = (document.filtered.row_metrics.lane_height_px / 2.0) as f32;
    // Items the screen reader (or a test) asked to click this frame; usually none.
    let clicks_asked: Vec<accesskit::NodeId> = ui.input(|input| {
        input
            .events
            .iter()
            .filter_map(|event| match event {
                egui::Event::AccessKitActionRequest(request)
                    if request.action == accesskit::Action::Click =>
                {
                    Some(request.target_node)
                }
                _ => None,
            })
            .collect()
    });
    let mut hovered = None;
    let mut clicked_item = false;
    let items = &outcome.scene.items;
    let mut lane_start = 0;
    while lane_start < items.len() {
        let (row, lane) = (items[lane_start].row, items[lane_start].lane);
        let lane_end = lane_start
            + items[lane_start..]
                .iter()
                .take_while(|item| item.row == row && item.lane == lane)
                .count();
        // Each visible item with the area it answers to: its shape and its title.
        let visible: Vec<(usize, Rect)> = (lane_start..lane_end)
            .filter_map(|index| {
                let rect = item_rect(&items[index], outcome, tracks_rect, lane_half_px);
                (rect.width() > 0.0 && rect.height() > 0.0).then_some((index, rect))
            })
            .collect();
        lane_start = lane_end;
        let Some(lane_rect) = visible
            .iter()
            .map(|(_, rect)| *rect)
            .reduce(|all, rect| all.union(rect))
        else {
            continue;
        };
        let lane_id = ui.scope_id().with(("timeline-lane", row, lane));
        // Clicked, not a Tab stop: the keyboard steps through events with the arrow keys,
        // and a lane in the Tab order would be a stop that shows nothing.
        let response = ui.interact(lane_rect, lane_id, Sense::CLICK);
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::List,
                true,
                lane_name(document, row, lane, visible.len()),
            )
        });
        // Later items are drawn over earlier ones, so the last one under the pointer wins.
        let pointer = if response.clicked() {
            response.interact_pointer_pos()
        } else if response.hovered() {
            ui.input(|input| input.pointer.hover_pos())
        } else {
            None
        };
        let under_pointer = pointer.and_then(|pointer| {
            visible
                .iter()
                .rev()
                .find(|(_, rect)| rect.contains(pointer))
                .copied()
        });
        let has_nodes = ui.ctx().accesskit_node_builder(lane_id, |_| ()).is_some();
        for &(index, rect) in &visible {
            let item = &items[index];
            let node_id = lane_id.with(index);
            let is_under_pointer = under_pointer.is_some_and(|(under, _)| under == index);
            let is_asked =
                !clicks_asked.is_empty() && clicks_asked.contains(&node_id.accesskit_id());
            if has_nodes {
                item_node(ui, document, app.selected, item, node_id, rect);
            }
            let clicked = is_asked || (is_under_pointer && response.clicked());
            if clicked {
                clicked_item = true;
                commands.push(item_command(item));
            }
            if is_under_pointer {
                if let ItemKind::Single(event) = item.kind {
                    hovered = Some(event);
                }
                // The tooltip hangs from the item, not from the whole lane.
                let mut item_response = response.clone();
                item_response.rect = rect;
                item_response.interact_rect = rect;
                item_response.on_hover_ui(|ui| item_tooltip(ui, document, item));
            }
        }
        // Between the items of a lane is the background: a click there unselects and a
        // double click fits the whole timeline, as on the plot itself.
        if under_pointer.is_none() {
            if response.double_clicked() {
                commands.push(Command::FitAll);
            }
            if response.clicked() && !clicked_item {
                commands.push(Command::Select(None));
                clicked_item = true;
            }
        }
    }
    clicked_item |= fold_widgets::fold_widgets(ui, &outcome.scene, outcome.frame, commands);
    if outcome.response.clicked() && !clicked_item {
        commands.push(Command::Select(None));
    }
    app.measured.hovered = hovered;
}

/// Where an item answers to the pointer on screen: its shape and its title, within its lane's
/// height and the tracks' area (empty when off screen).
fn item_rect(
    item: &Item,
    outcome: &super::timeline_view::PlotOutcome,
    tracks_rect: Rect,
    lane_half_px: f32,
) -> Rect {
    let y = tracks_rect.top() + (item.y_px - outcome.scroll_px) as f32;
    let x0 = outcome.frame.left() + item.x0_px as f32;
    let mut x1 = outcome.frame.left() + item.x1_px as f32;
    if let Some(label) = item.label {
        x1 = x1.max(outcome.frame.left() + (label.x_px + label.max_width_px) as f32);
    }
    Rect::from_min_max(
        Pos2::new(x0 - 2.0, y - lane_half_px + 2.0),
        Pos2::new(x1 + 2.0, y + lane_half_px - 2.0),
    )
    .intersect(tracks_rect)
}

/// What clicking an item does: an event is selected, a count pill zooms in on its events.
fn item_command(item: &Item) -> Command {
    match item.kind {
        ItemKind::Single(event) => Command::Select(Some(event)),
        ItemKind::Cluster { .. } => {
            Command::MoveView(TimeView::fitting(item.first_day, item.last_day, 0.15))
        }
    }
}

/// The accessible name of a lane: its track (or group) and its place among the lanes.
fn lane_name(document: &Document, row: usize, lane: usize, items: usize) -> String {
    let Some(row) = document.filtered.rows.get(row) else {
        return format!("{items} items");
    };
    let name = match &row.kind {
        RowKind::Group { name, .. } => name.as_str(),
        RowKind::Track { actor } => document
            .timeline
            .actor(*actor)
            .map_or("", |actor| actor.name.as_str()),
    };
    format!(
        "{name}, lane {} of {}: {items} items in view",
        lane + 1,
        row.lanes.len()
    )
}

/// A visible item as a button in the accessibility tree: its title (or its count and
/// dates), its bounds, whether it is selected, and that it can be clicked.
fn item_node(
    ui: &egui::Ui,
    document: &Document,
    selected: Option<crate::model::EventIndex>,
    item: &Item,
    node_id: egui::Id,
    rect: Rect,
) {
    let label = match item.kind {
        ItemKind::Single(event) => document
            .timeline
            .event(event)
            .map(|event| event.title.clone()),
        ItemKind::Cluster { .. } => Some(cluster_label(item)),
    };
    ui.ctx().accesskit_node_builder(node_id, |node| {
        node.set_role(accesskit::Role::Button);
        if let Some(label) = label {
            node.set_label(label);
        }
        if let ItemKind::Single(event) = item.kind {
            node.set_toggled(if selected == Some(event) {
                accesskit::Toggled::True
            } else {
                accesskit::Toggled::False
            });
        }
        node.set_bounds(accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
        node.add_action(accesskit::Action::Click);
    });
}

/// A count pill's name: how many events, over which days.
fn cluster_label(item: &Item) -> String {
    format!(
        "{} events, {}",
        item.count(),
        crate::model::human_date::short_day_range(item.first_day, item.last_day)
    )
}

fn item_tooltip(ui: &mut egui::Ui, document: &Document, item: &Item) {
    match item.kind {
        ItemKind::Single(event) => event_tooltip(ui, document, event),
        ItemKind::Cluster { .. } => {
            // Gathered only for the pill under the pointer: one may hold thousands.
            let events = cluster_events(&document.filtered.rows, item);
            ui.label(egui::RichText::new(cluster_label(item)).strong());
            for event in events.iter().take(12) {
                if let Some(event) = document.timeline.event(*event) {
                    ui.label(format!("• {}", event.title));
                }
            }
            if events.len() > 12 {
                ui.label(format!("… and {} more", events.len() - 12));
            }
            ui.weak("Click to zoom in");
        }
    }
}

fn event_tooltip(ui: &mut egui::Ui, document: &Document, event: crate::model::EventIndex) {
    let Some(event) = document.timeline.event(event) else {
        return;
    };
    ui.set_max_width(360.0);
    ui.label(egui::RichText::new(&event.title).strong());
    ui.label(human_date(&event.when));
    let actors: Vec<&str> = event
        .actors
        .iter()
        .filter_map(|&actor| document.timeline.actor(actor))
        .map(|actor| actor.name.as_str())
        .collect();
    ui.weak(actors.join(", "));
}
