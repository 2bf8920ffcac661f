//! A vertical scroll area made of blocks that lays out only the blocks near the visible part and steps over
//! the others by their measured height, so a long panel costs about what its visible part costs.
//!
//! Every block is drawn (and measured) on the first frame, after its inputs change (the caller's `revision`),
//! after a width or scale change, and whenever a screen reader is connected or a widget has keyboard focus:
//! then nothing is missing from the accessibility tree or the Tab order. Only a mouse user's idle scrolling
//! view skips blocks, and skipped blocks keep their exact height, so the scroll bar never jumps.

use egui::{Id, Ui, UiBuilder};

/// How far above and below the visible part blocks are still drawn (points), so hover and scroll never reach an
/// undrawn block.
const OVERSCAN_PT: f32 = 200.0;

/// The heights measured for one scroll area, and what they were measured for.
#[derive(Clone, Default)]
struct MeasuredBlocks {
    /// Revision, width bits and scale bits: any change measures every block again.
    measured_for: Option<(u64, u32, u32)>,
    heights_pt: Vec<Option<f32>>,
}

/// How many blocks a frame drew and stepped over (for tests).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BlockCounts {
    pub drawn: usize,
    pub skipped: usize,
}

/// What one frame of the scroll area did.
#[derive(Clone, Copy, Debug, Default)]
pub struct Shown {
    pub counts: BlockCounts,
    /// Height of everything in the scroll area, drawn or stepped over.
    pub content_height_pt: f32,
}

/// Shows `block_count` blocks in `scroll`; `draw_block(ui, index)` draws block `index` in its own id scope, so
/// widget ids do not depend on which blocks were drawn. `revision` (any hashable value) must change whenever a
/// block's height may change for a reason other than an interaction inside a visible block (a different
/// condition, new answers, a new day).
pub fn show(
    ui: &mut Ui,
    scroll: egui::ScrollArea,
    revision: impl std::hash::Hash,
    block_count: usize,
    mut draw_block: impl FnMut(&mut Ui, usize),
) -> Shown {
    let output = scroll.show(ui, |ui| {
        let store_id: Id = ui.scope_id().with("measured_blocks");
        let measured_for = (
            hash_of(&revision),
            ui.available_width().to_bits(),
            ui.ctx().pixels_per_point().to_bits(),
        );
        let mut measured: MeasuredBlocks =
            ui.data(|data| data.get_temp(store_id)).unwrap_or_default();
        if measured.measured_for != Some(measured_for) || measured.heights_pt.len() != block_count {
            measured = MeasuredBlocks {
                measured_for: Some(measured_for),
                heights_pt: vec![None; block_count],
            };
        }
        let draw_all = screen_reader_connected(ui) || ui.memory(|m| m.focused().is_some());
        let drawn_y = ui
            .clip_rect()
            .expand2(egui::vec2(0.0, OVERSCAN_PT))
            .y_range();
        let mut counts = BlockCounts::default();
        for (index, height_pt) in measured.heights_pt.iter_mut().enumerate() {
            let top_y = ui.cursor().top();
            if !draw_all
                && let Some(height) = *height_pt
                && !drawn_y.intersects(egui::Rangef::new(top_y, top_y + height))
            {
                // Takes the block's place as the block would, item spacing included.
                ui.allocate_space(egui::vec2(0.0, height));
                counts.skipped += 1;
                continue;
            }
            let block = ui.scope_builder(UiBuilder::new().id_salt(("block", index)), |ui| {
                draw_block(ui, index);
            });
            *height_pt = Some(block.response.rect.height());
            counts.drawn += 1;
        }
        ui.data_mut(|data| data.insert_temp(store_id, measured));
        counts
    });
    Shown {
        counts: output.inner,
        content_height_pt: output.content_size.y,
    }
}

fn hash_of(value: &impl std::hash::Hash) -> u64 {
    use std::hash::Hasher as _;
    let mut hasher = std::hash::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Whether an accessibility client (a screen reader) is connected: egui then gives every `Ui` a node in the
/// accessibility tree, this one included. egui has no public flag for it, so the node is the test.
fn screen_reader_connected(ui: &Ui) -> bool {
    ui.ctx().has_accesskit_node(ui.unique_id())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCKS: usize = 40;

    /// Draws forty blocks of different heights in a 400-point-high window and reports the content height, the
    /// counts and the ids of the buttons in the first and the last block.
    fn frame(
        ctx: &egui::Context,
        revision: u64,
        offset_y: f32,
    ) -> (f32, BlockCounts, Option<Id>, Option<Id>) {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(600.0, 400.0),
            )),
            ..Default::default()
        };
        let mut result = (0.0, BlockCounts::default(), None, None);
        let output = ctx.run_ui(input, |ui| {
            let scroll = egui::ScrollArea::vertical()
                .id_salt("test_blocks")
                .auto_shrink([false, false])
                .vertical_scroll_offset(offset_y);
            let mut first_button = None;
            let mut last_button = None;
            let shown = show(ui, scroll, revision, BLOCKS, |ui, index| {
                for line in 0..=(index % 4) {
                    ui.label(format!("Block {index}, line {line}"));
                }
                let button = ui.button(format!("Button {index}"));
                if index == 0 {
                    first_button = Some(button.id);
                } else if index == BLOCKS - 1 {
                    last_button = Some(button.id);
                }
            });
            result = (
                shown.content_height_pt,
                shown.counts,
                first_button,
                last_button,
            );
        });
        // The font atlas upload a backend would do is not needed here.
        output.drop_without_applying_deltas();
        result
    }

    #[test]
    fn first_frame_draws_everything_and_later_frames_only_what_shows() {
        let ctx = egui::Context::default();
        let (first_height, first, _, first_id) = frame(&ctx, 1, 0.0);
        assert_eq!(
            first,
            BlockCounts {
                drawn: BLOCKS,
                skipped: 0
            }
        );
        assert!(
            first_height > 1000.0,
            "the blocks overflow the window: {first_height}"
        );
        let (height, counts, _, _) = frame(&ctx, 1, 0.0);
        assert!(counts.skipped > BLOCKS / 2, "{counts:?}");
        assert_eq!(counts.drawn + counts.skipped, BLOCKS);
        assert!(
            (height - first_height).abs() < 0.01,
            "skipped blocks keep their height: {height} vs {first_height}"
        );
        // Scrolled to the end, the last block is drawn with the id it had when everything was drawn.
        let (_, _, _, last_id) = frame(&ctx, 1, first_height);
        let (scrolled_height, _, _, last_id_again) = frame(&ctx, 1, first_height);
        assert!(last_id.is_some());
        assert_eq!(last_id, first_id);
        assert_eq!(last_id_again, first_id);
        assert!((scrolled_height - first_height).abs() < 0.01);
    }

    #[test]
    fn a_new_revision_measures_every_block_again() {
        let ctx = egui::Context::default();
        let _ = frame(&ctx, 1, 0.0);
        let (_, counts, _, _) = frame(&ctx, 1, 0.0);
        assert!(counts.skipped > 0);
        let (_, counts, _, _) = frame(&ctx, 2, 0.0);
        assert_eq!(
            counts,
            BlockCounts {
                drawn: BLOCKS,
                skipped: 0
            }
        );
    }

    #[test]
    fn keyboard_focus_or_a_screen_reader_draws_every_block() {
        let ctx = egui::Context::default();
        let (_, _, first_button, _) = frame(&ctx, 1, 0.0);
        let first_button = first_button.unwrap();
        ctx.memory_mut(|m| m.request_focus(first_button));
        let (_, counts, _, _) = frame(&ctx, 1, 0.0);
        assert_eq!(counts.skipped, 0, "Tab must reach every block");
        assert!(ctx.memory(|m| m.has_focus(first_button)));

        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        let _ = frame(&ctx, 1, 0.0);
        let (_, counts, _, _) = frame(&ctx, 1, 0.0);
        assert_eq!(counts.skipped, 0, "a screen reader must read every block");
    }
}
