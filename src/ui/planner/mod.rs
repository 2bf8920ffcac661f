//! The Planner tab: the week plan (edit, reorder, copy, coverage and warnings), the programme generator, the
//! session runner, the session log and the history chart, one file per view. It draws the planner's data and the
//! session model and returns [`AppCommand`]s; the rules live in `crate::planner`.

mod board;
mod history;
mod log;
mod programme;
mod session;
pub mod share;
mod week;

use std::collections::BTreeSet;
use std::time::Duration;

use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};

pub use share::{ShareContext, ShareUi};

use super::exercises::ExerciseTextures;
use super::{culled_scroll, theme};
use crate::command::AppCommand;
use crate::content::{Content, Equipment};
use crate::planner::{Action, PlannerCommand, PlannerData, SessionModel};
use crate::triage::Safety;

/// The planner's sub-views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PlannerView {
    #[default]
    Week,
    Generate,
    Session,
    History,
    Share,
}

impl PlannerView {
    const ALL: [Self; 5] = [
        Self::Week,
        Self::Generate,
        Self::Session,
        Self::History,
        Self::Share,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::Week => "Week plan",
            Self::Generate => "Suggest a programme",
            Self::Session => "Run a session",
            Self::History => "Log & history",
            Self::Share => "Export & share",
        }
    }
}

/// The generator's form.
#[derive(Debug, Clone)]
pub struct GeneratorForm {
    pub condition_id: Option<String>,
    pub days: [bool; 7],
    pub session_minutes: u16,
    pub equipment: BTreeSet<Equipment>,
    /// With "prefer not to say": the runner confirmed being 16 or over (a heavy-load phase needs it).
    pub confirmed_16_or_over: bool,
    /// The plan's first day, `YYYY-MM-DD` (filled with today when empty).
    pub start: String,
}

impl Default for GeneratorForm {
    fn default() -> Self {
        Self {
            condition_id: None,
            days: [true, false, true, false, true, false, false],
            session_minutes: crate::planner::DEFAULT_SESSION_MINUTES,
            equipment: BTreeSet::new(),
            confirmed_16_or_over: false,
            start: String::new(),
        }
    }
}

/// The Planner tab's own runtime state (not saved): which view, which week, and the values of forms not yet
/// submitted.
#[derive(Debug, Default)]
pub struct PlannerUi {
    pub view: PlannerView,
    /// Week shown in the week plan.
    pub week: usize,
    /// The user has picked a week; until then the week plan opens on the current week.
    pub week_chosen: bool,
    pub generator: GeneratorForm,
    /// Next-morning pain on its slider, before it is saved.
    pub morning_pain: u8,
    /// Knee pain before a session, asked when starting it.
    pub pain_before: u8,
    /// The exercise selected on the week board (week, day, index), edited beside the board.
    pub selected: Option<(usize, usize, usize)>,
    /// The export and plan-import view's options and dialogs.
    pub share: share::ShareUi,
    /// The start criteria ticked so far for a waiting phase: (phase index, one tick per criterion).
    pub gate_checks: (usize, Vec<bool>),
    /// The selection whose editor was last scrolled into view.
    pub editor_shown_for: Option<(usize, usize, usize)>,
}

/// What the planner needs to know about the rest of the app this frame.
pub struct PlannerContext<'a> {
    /// Changes whenever the data may have changed (see `ui::culled_scroll`).
    pub drawn_revision: u64,
    /// The session runner's clock.
    pub now: Duration,
    pub today: NaiveDate,
    /// What the ticked red flags allow; the planner's rules enforce it, the UI explains it.
    pub safety: Safety,
    /// The condition open on the map, to preselect in the generator.
    pub open_condition: Option<&'a str>,
    /// Why the last planner command was refused.
    pub message: Option<&'a str>,
    /// Exercise pictures for the session runner.
    pub exercise_textures: &'a ExerciseTextures,
    /// Whether Undo and Redo have a plan edit to act on.
    pub can_undo: bool,
    pub can_redo: bool,
    /// Export results and the plan-import preview.
    pub share: share::ShareContext<'a>,
    /// Runs and cross-training, shown in the same week as the strength sessions.
    pub running: &'a crate::running::RunningData,
    /// The runner's age band (`None`: not given) and whether the age question was answered.
    pub age_band: Option<crate::content::AgeBand>,
    pub age_answered: bool,
    /// The session runner's sound cues.
    pub sound: RunnerSound<'a>,
}

/// The session runner's sound cues: muted (a saved preference), and why they are not heard, if so.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunnerSound<'a> {
    pub muted: bool,
    pub notice: Option<&'a str>,
}

impl PlannerContext<'_> {
    /// True when a same-day or emergency red flag is ticked: no new sessions or programmes until assessed.
    pub fn training_blocked(&self) -> bool {
        self.safety.training_blocked()
    }
}

/// Hover text on session and programme buttons while training is blocked.
const BLOCKED_HINT: &str =
    "A red flag is ticked that needs a professional first: see the banner at the top.";

/// Draws the Planner tab.
pub fn planner_tab_ui(
    ui: &mut Ui,
    content: &Content,
    data: &PlannerData,
    session: &SessionModel,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        for view in PlannerView::ALL {
            if ui
                .selectable_label(state.view == view, view.label())
                .clicked()
            {
                state.view = view;
            }
        }
    });
    if context.safety.progression_paused() {
        let (fill, text) = theme::urgency_colors(crate::content::Urgency::SameDay);
        egui::Frame::new()
            .fill(fill)
            .corner_radius(6.0)
            .inner_margin(8)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let message = if context.training_blocked() {
                    "Training paused: a red flag is ticked that needs a professional soon (see the banner at the \
                     top for how soon). Sessions, new programmes and harder doses are off until you have been \
                     assessed."
                } else {
                    "Progression paused: a red flag is ticked. The plan will not get harder until you have been \
                     assessed; it still eases off if pain is high."
                };
                ui.label(RichText::new(message).strong().color(text));
            });
    }
    if let Some(message) = context.message {
        ui.label(RichText::new(message).color(theme::colors(ui).warning_text));
    }
    ui.separator();
    let scroll = egui::ScrollArea::vertical()
        .id_salt(("planner_scroll", state.view))
        .auto_shrink([false, false]);
    if state.view == PlannerView::History {
        // The history grows with every logged week: only the blocks near the visible part are laid out.
        let blocks = history::HistoryBlock::shown(data, context.today);
        culled_scroll::show(
            ui,
            "planner_history",
            scroll,
            (context.drawn_revision, context.today),
            &blocks,
            |ui, block| {
                history::history_block_ui(ui, content, data, state, context, *block, &mut commands);
            },
        );
        return commands;
    }
    scroll.show(ui, |ui| match state.view {
        PlannerView::Week => week::week_ui(ui, content, data, state, context, &mut commands),
        PlannerView::Generate => {
            programme::generate_ui(ui, content, data, state, context, &mut commands);
        }
        PlannerView::Session => {
            session::session_ui(ui, content, data, session, state, context, &mut commands);
        }
        // Drawn above, block by block.
        PlannerView::History => {}
        PlannerView::Share => share::share_ui(ui, data, state, &context.share, &mut commands),
    });
    commands
}

fn no_plan_ui(
    ui: &mut Ui,
    state: &mut PlannerUi,
    context: &PlannerContext<'_>,
    commands: &mut Vec<AppCommand>,
) {
    ui.label("No plan yet. Let KneeMap suggest a programme for a condition, or start an empty plan and add exercises.");
    ui.horizontal(|ui| {
        if ui.button("Suggest a programme for a condition").clicked() {
            state.view = PlannerView::Generate;
        }
        let weeks = crate::planner::DEFAULT_EMPTY_PLAN_WEEKS;
        if ui
            .button(format!("Start an empty {weeks}-week plan"))
            .clicked()
        {
            commands.push(
                PlannerCommand::NewEmptyPlan {
                    start_date: context.today,
                    weeks,
                }
                .into(),
            );
        }
    });
}

fn date_label(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

fn drag_u8(
    ui: &mut Ui,
    value: &mut u8,
    range: std::ops::RangeInclusive<u8>,
    suffix: &str,
    label: &str,
) {
    let response = ui.add(
        egui::DragValue::new(value)
            .range(range)
            .suffix(format!(" {suffix}")),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SpinButton, true, label));
}

fn action_color(ui: &Ui, action: Action) -> Color32 {
    match action {
        Action::Advance => theme::colors(ui).good_text,
        Action::Hold => theme::colors(ui).muted_text,
        Action::StepBack | Action::Paused => theme::colors(ui).warning_text,
    }
}
