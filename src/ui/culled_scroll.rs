//! A vertical scroll area made of blocks that lays out only the blocks near the visible part and steps over
//! the others by their measured height, so a long panel costs about what its visible part costs.
//!
//! Every block is drawn (and measured) on the first frame, after its inputs change (the caller's `revision`),
//! after a width or scale change, and whenever a screen reader is connected or a widget has keyboard focus:
//! then nothing is missing from the accessibility tree or the Tab order. A block is stepped over only once two
//! frames in a row measured it at the same height (an opening section animates for a few frames), so skipped
//! blocks keep their exact height and the scroll bar does not jump. One gap: Shift+Tab with nothing focused
//! starts from the last widget drawn, which may sit above the panel's last one; every later Tab reaches all.

use egui::{Id, Ui, UiBuilder};

/// How far above and below the visible part blocks are still drawn (points), so hover and scroll never reach an
/// undrawn block.
const OVERSCAN_PT: f32 = 200.0;

/// What the heights were measured for: any change measures every block again.
#[derive(Clone, Copy, PartialEq, Eq)]
struct MeasuredFor {
    revision_hash: u64,
    width_bits: u32,
    pixels_per_point_bits: u32,
    blocks_hash: u64,
}

/// One block's last measured height, and whether the measurement before it agreed.
#[derive(Clone, Copy, Default)]
struct BlockHeight {
    height_pt: Option<f32>,
    settled: bool,
}

/// The heights measured for one scroll area.
#[derive(Clone, Default)]
struct MeasuredBlocks {
    measured_for: Option<MeasuredFor>,
    blocks: Vec<BlockHeight>,
}

/// How many blocks a frame drew and stepped over.
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

/// Shows `blocks` in `scroll`, top to bottom; `draw_block(ui, block)` draws one in an id scope of its own (salted
/// with the block), so widget ids do not depend on which blocks were drawn. Leave out blocks that would be empty:
/// each block takes the item spacing after it.
///
/// `name` identifies the panel (one culled scroll area per name is on screen at a time); `revision` (any
/// hashable value) must change whenever a block's height may change for a reason other than an interaction
/// inside a visible block: a different condition, new answers, new data, a new day.
pub fn show<Block: std::hash::Hash>(
    ui: &mut Ui,
    name: &'static str,
    scroll: egui::ScrollArea,
    revision: impl std::hash::Hash,
    blocks: &[Block],
    mut draw_block: impl FnMut(&mut Ui, &Block),
) -> Shown {
    let store_id = Id::unique(("culled_scroll", name));
    let output = scroll.show(ui, |ui| {
        let measured_for = MeasuredFor {
            revision_hash: hash_of(&revision),
            width_bits: ui.available_width().to_bits(),
            pixels_per_point_bits: ui.ctx().pixels_per_point().to_bits(),
            blocks_hash: hash_of(&blocks),
        };
        let mut measured: MeasuredBlocks =
            ui.data(|data| data.get_temp(store_id)).unwrap_or_default();
        if measured.measured_for != Some(measured_for) || measured.blocks.len() != blocks.len() {
            measured = MeasuredBlocks {
                measured_for: Some(measured_for),
                blocks: vec![BlockHeight::default(); blocks.len()],
            };
        }
        let draw_all = screen_reader_connected(ui) || ui.memory(|m| m.focused().is_some());
        let drawn_y = ui
            .clip_rect()
            .expand2(egui::vec2(0.0, OVERSCAN_PT))
            .y_range();
        let mut counts = BlockCounts::default();
        for (block, height) in blocks.iter().zip(&mut measured.blocks) {
            let top_y = ui.cursor().top();
            if !draw_all
                && height.settled
                && let Some(height_pt) = height.height_pt
                && !drawn_y.intersects(egui::Rangef::new(top_y, top_y + height_pt))
            {
                // Takes the block's place as the block would, item spacing included.
                ui.allocate_space(egui::vec2(0.0, height_pt));
                counts.skipped += 1;
                continue;
            }
            let drawn = ui.scope_builder(UiBuilder::new().id_salt(hash_of(block)), |ui| {
                draw_block(ui, block);
            });
            let height_pt = drawn.response.rect.height();
            height.settled = height.height_pt == Some(height_pt);
            height.height_pt = Some(height_pt);
            counts.drawn += 1;
        }
        // A pass egui will discard may have laid out with first-frame sizes (a new grid): keep nothing from it.
        if !ui.ctx().will_discard() {
            ui.data_mut(|data| {
                data.insert_temp(store_id, measured);
                data.insert_temp(store_id.with("counts"), counts);
            });
        }
        counts
    });
    Shown {
        counts: output.inner,
        content_height_pt: output.content_size.y,
    }
}

/// How many blocks the last frame drew and stepped over in the culled scroll area `name` (tests and benchmarks
/// check that skipping happens).
pub fn last_counts(ctx: &egui::Context, name: &'static str) -> Option<BlockCounts> {
    ctx.data(|data| data.get_temp(Id::unique(("culled_scroll", name)).with("counts")))
}

fn hash_of(value: &impl std::hash::Hash) -> u64 {
    use std::hash::Hasher as _;
    let mut hasher = std::hash::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Whether an accessibility client (a screen reader) is connected: egui then builds the accessibility tree, whose
/// root node exists in every pass. egui has no public flag for it, so the root node is the test.
fn screen_reader_connected(ui: &Ui) -> bool {
    ui.ctx().has_accesskit_node(egui::accesskit_root_id())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCKS: usize = 40;

    struct Frame {
        content_height_pt: f32,
        counts: BlockCounts,
        first_button: Option<Id>,
        last_button: Option<Id>,
    }

    /// Draws forty blocks of different heights in a 400-point-high window; the last block has
    /// `extra_lines_in_last` more lines.
    fn frame(
        ctx: &egui::Context,
        revision: u64,
        offset_y: f32,
        extra_lines_in_last: usize,
    ) -> Frame {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(600.0, 400.0),
            )),
            ..Default::default()
        };
        let blocks: Vec<usize> = (0..BLOCKS).collect();
        let mut result = None;
        let output = ctx.run_ui(input, |ui| {
            let scroll = egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .vertical_scroll_offset(offset_y);
            let mut first_button = None;
            let mut last_button = None;
            let shown = show(ui, "test", scroll, revision, &blocks, |ui, &index| {
                let extra = if index == BLOCKS - 1 {
                    extra_lines_in_last
                } else {
                    0
                };
                for line in 0..=(index % 4 + extra) {
                    ui.label(format!("Block {index}, line {line}"));
                }
                let button = ui.button(format!("Button {index}"));
                if index == 0 {
                    first_button = Some(button.id);
                } else if index == BLOCKS - 1 {
                    last_button = Some(button.id);
                }
            });
            result = Some(Frame {
                content_height_pt: shown.content_height_pt,
                counts: shown.counts,
                first_button,
                last_button,
            });
        });
        // The font atlas upload a backend would do is not needed here.
        output.drop_without_applying_deltas();
        result.unwrap()
    }

    const ALL_DRAWN: BlockCounts = BlockCounts {
        drawn: BLOCKS,
        skipped: 0,
    };

    #[test]
    fn blocks_are_skipped_once_measured_twice_and_keep_their_height() {
        let ctx = egui::Context::default();
        let first = frame(&ctx, 1, 0.0, 0);
        assert_eq!(first.counts, ALL_DRAWN);
        assert!(
            first.content_height_pt > 1000.0,
            "the blocks overflow the window: {}",
            first.content_height_pt
        );
        // The second frame confirms the heights; the third skips what is far from the visible part.
        assert_eq!(frame(&ctx, 1, 0.0, 0).counts, ALL_DRAWN);
        let third = frame(&ctx, 1, 0.0, 0);
        assert!(third.counts.skipped > BLOCKS / 2, "{:?}", third.counts);
        assert_eq!(third.counts.drawn + third.counts.skipped, BLOCKS);
        assert_eq!(last_counts(&ctx, "test"), Some(third.counts));
        assert!(
            (third.content_height_pt - first.content_height_pt).abs() < 0.01,
            "skipped blocks keep their height: {} vs {}",
            third.content_height_pt,
            first.content_height_pt
        );
        // Scrolled to the end, the last block is drawn with the id it had when everything was drawn.
        let end = first.content_height_pt;
        let scrolled = frame(&ctx, 1, end, 0);
        let scrolled_again = frame(&ctx, 1, end, 0);
        assert!(first.last_button.is_some());
        assert_eq!(scrolled.last_button, first.last_button);
        assert_eq!(scrolled_again.last_button, first.last_button);
        assert!(scrolled_again.counts.skipped > BLOCKS / 2);
        assert!((scrolled_again.content_height_pt - first.content_height_pt).abs() < 0.01);
    }

    #[test]
    fn a_block_whose_height_just_changed_is_drawn_until_it_settles() {
        let ctx = egui::Context::default();
        for _ in 0..3 {
            frame(&ctx, 1, 0.0, 0);
        }
        // Scrolled to the end, the last block starts to grow (as an opening section does, over a few frames)...
        let end = frame(&ctx, 1, 0.0, 0).content_height_pt;
        frame(&ctx, 1, end, 1);
        // ...and the user is back at the top before it has finished: the block keeps growing off screen. It is
        // still drawn, since its last two heights disagreed, so the panel is as tall as a full layout.
        let back = frame(&ctx, 1, 0.0, 3);
        assert!(back.counts.skipped > 0);
        let full = egui::Context::default();
        frame(&full, 1, 0.0, 3);
        let full_height = frame(&full, 1, 0.0, 3).content_height_pt;
        assert!(
            (back.content_height_pt - full_height).abs() < 0.01,
            "{} vs {full_height}",
            back.content_height_pt
        );
        // Once it has measured the same twice, it is skipped again, at its final height.
        frame(&ctx, 1, 0.0, 3);
        let settled = frame(&ctx, 1, 0.0, 3);
        assert_eq!(settled.counts.drawn + settled.counts.skipped, BLOCKS);
        assert!(settled.counts.skipped > back.counts.skipped);
        assert!((settled.content_height_pt - full_height).abs() < 0.01);
    }

    #[test]
    fn a_new_revision_measures_every_block_again() {
        let ctx = egui::Context::default();
        for _ in 0..3 {
            frame(&ctx, 1, 0.0, 0);
        }
        assert!(frame(&ctx, 1, 0.0, 0).counts.skipped > 0);
        assert_eq!(frame(&ctx, 2, 0.0, 0).counts, ALL_DRAWN);
    }

    #[test]
    fn keyboard_focus_or_a_screen_reader_draws_every_block() {
        let ctx = egui::Context::default();
        let first_button = frame(&ctx, 1, 0.0, 0).first_button.unwrap();
        frame(&ctx, 1, 0.0, 0);
        ctx.memory_mut(|m| m.request_focus(first_button));
        assert_eq!(
            frame(&ctx, 1, 0.0, 0).counts,
            ALL_DRAWN,
            "Tab must reach every block"
        );
        assert!(ctx.memory(|m| m.has_focus(first_button)));

        let ctx = egui::Context::default();
        ctx.enable_accesskit();
        for _ in 0..3 {
            frame(&ctx, 1, 0.0, 0);
        }
        assert_eq!(
            frame(&ctx, 1, 0.0, 0).counts,
            ALL_DRAWN,
            "a screen reader must read every block"
        );
    }
}
