//! The Running tab: run log, imports, weekly load chart with warnings, planned runs and the swap offer,
//! return-to-run plan, shoes and cadence. Draws only; every change leaves as a [`RunningCommand`], and imports
//! and file writes are commands the app runs off the drawing path.

mod cadence;
mod chart;
mod log;
mod return_to_run;
mod shoes;

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::content::model::running::{RuleText, RunningGuidance};
use crate::content::{Content, EvidenceLevel};
use crate::dialog::{DialogHandle, DialogKind, DialogResult};
use crate::running::commands::swap_offer;
use crate::running::load::{LoadWarning, load_warnings};
use crate::running::{RunningCommand, RunningContext, RunningData, Sport, Units};
use crate::ui::{theme, widgets};

pub use log::RunForm;

/// What the tab reads.
pub struct RunningView<'a> {
    pub data: &'a RunningData,
    pub today: NaiveDate,
    pub guidance: &'a RunningGuidance,
    /// For source citations that live in `content/sources.ron`.
    pub content: Option<&'a Content>,
    pub red_flag_ticked: bool,
    /// The day the red flags ticked now were ticked, if any is.
    pub red_flag_since: Option<NaiveDate>,
    /// The pain limits, which live on the strength plan (one limit per runner).
    pub thresholds: &'a crate::pain::PainThresholds,
    /// The app's last message for this tab (an import report, a refused change).
    pub message: Option<&'a str>,
    /// Changes after every command and finished job (`KneeMapApp::drawn_revision`): while it stays the same the
    /// data has not changed, so the tab neither re-scans the runs nor re-measures the sections it scrolled past.
    pub revision: u64,
}

impl RunningView<'_> {
    #[must_use]
    pub fn context(&self) -> RunningContext {
        RunningContext {
            today: self.today,
            red_flag_ticked: self.red_flag_ticked,
            red_flag_since: self.red_flag_since,
            thresholds: self.thresholds.clone(),
        }
    }
}

/// Which dialog is open, so its answer goes to the right place.
#[derive(Debug)]
enum PendingDialog {
    Import(DialogHandle),
    SaveClickTrack {
        handle: DialogHandle,
        spm: f64,
        minutes: u32,
    },
}

/// Runtime state of the tab (not saved).
#[derive(Debug)]
pub struct RunningUiState {
    pub form: RunForm,
    /// Id of the run being edited, if any.
    pub editing: Option<u64>,
    /// Typed path for imports (also the fallback when no file dialog is available).
    pub import_path: String,
    /// Message from the last import or action; the app sets it after running a command.
    pub status: Option<String>,
    /// Weeks shown in the chart.
    pub chart_weeks: u32,
    pub runs_shown: usize,
    pub plan_form: chart::PlanForm,
    pub shoe_form: shoes::ShoeForm,
    pub cadence: cadence::CadenceUi,
    pub thresholds: Option<crate::running::model::Thresholds>,
    pub rtr_condition: String,
    pub rtr_baseline_pain: u8,
    dialog: Option<PendingDialog>,
    /// Figures derived from the whole run log, kept for a fingerprint of the data, the day and the chart range:
    /// ten years of runs are not re-scanned every frame.
    derived: Option<Derived>,
    /// The view revision at which the data fingerprint in `derived` was last taken: the fingerprint reads every
    /// run, so it is taken again only once the revision moves.
    fingerprinted_at: Option<u64>,
}

/// What [`Derived`] is computed from: a fingerprint of the running data, the day, the chart range, the pain limits
/// and when the red flags were ticked.
#[derive(Debug, Clone, PartialEq)]
struct DerivedKey {
    data: u64,
    today: NaiveDate,
    chart_weeks: u32,
    thresholds: crate::pain::PainThresholds,
    red_flag_ticked: bool,
    red_flag_since: Option<NaiveDate>,
}

/// What the tab computes from every run, reused while nothing it reads changes.
#[derive(Debug)]
pub(crate) struct Derived {
    key: DerivedKey,
    /// Load warnings, with the return-to-run runs that went beyond their stage among them.
    pub warnings: Vec<LoadWarning>,
    /// The return-to-run plan replayed from the runs, while one is running.
    pub return_to_run: Option<crate::running::return_to_run::Progress>,
    pub weeks: Vec<crate::running::load::WeekTotals>,
    pub acwr: Option<(f64, f64, f64)>,
    pub cadence_spm: Option<f64>,
    /// The cross-training offer for the next planned run, if there is a reason to swap.
    pub swap: Option<crate::running::commands::SwapOffer>,
}

impl Derived {
    fn compute(view: &RunningView<'_>, key: DerivedKey) -> Self {
        use crate::running::load::{acute_chronic_ratio, week_start, weekly_totals};
        use crate::running::return_to_run::{BEYOND_STAGE_RULE, ReplayRules, replay};
        let last_monday = week_start(view.today);
        let first_monday =
            last_monday - chrono::Duration::weeks(i64::from(key.chart_weeks.max(1)) - 1);
        let mut warnings = load_warnings(view.data, view.today);
        let return_to_run = view.data.return_to_run.as_ref().and_then(|state| {
            let plan = view.guidance.plan(&state.condition_id)?;
            let rules = ReplayRules {
                thresholds: view.thresholds,
                red_flag_since: view.red_flag_since,
                beyond_stage_pct: view.guidance.ladder_rule.max_continuous_step_pct,
                today: view.today,
            };
            Some(replay(plan, state, &view.data.runs, &rules))
        });
        for review in return_to_run.iter().flat_map(|p| &p.reviews) {
            if review.rule_id == Some(BEYOND_STAGE_RULE) {
                warnings.push(LoadWarning {
                    rule_id: BEYOND_STAGE_RULE,
                    scope: crate::running::load::WarningScope::Run(review.run_id),
                    detail: review.reason.clone(),
                });
            }
        }
        Self {
            swap: swap_offer(view.data, &view.context(), &warnings),
            warnings,
            return_to_run,
            weeks: weekly_totals(view.data, first_monday, last_monday, view.today),
            key,
            acwr: acute_chronic_ratio(view.data, view.today),
            cadence_spm: crate::running::cadence::recent_average_spm(&view.data.runs, view.today),
        }
    }
}

impl Default for RunningUiState {
    fn default() -> Self {
        Self {
            form: RunForm::default(),
            editing: None,
            import_path: String::new(),
            status: None,
            chart_weeks: 12,
            runs_shown: 20,
            plan_form: chart::PlanForm::default(),
            shoe_form: shoes::ShoeForm::default(),
            cadence: cadence::CadenceUi::default(),
            thresholds: None,
            // Empty until chosen: the first plan in running.ron is shown (no condition ids in Rust).
            rtr_condition: String::new(),
            rtr_baseline_pain: 0,
            dialog: None,
            derived: None,
            fingerprinted_at: None,
        }
    }
}

/// The tab's sections, top to bottom: the blocks of its culled scroll area, so the sections scrolled past are
/// stepped over instead of laid out.
#[derive(Debug, Clone, Copy, Hash)]
enum Section {
    Top,
    LogRun,
    Import,
    WeeklyLoad,
    PlannedRuns,
    Runs,
    BackToRunning,
    Shoes,
    Cadence,
    Thresholds,
}

impl Section {
    const ALL: [Self; 10] = [
        Self::Top,
        Self::LogRun,
        Self::Import,
        Self::WeeklyLoad,
        Self::PlannedRuns,
        Self::Runs,
        Self::BackToRunning,
        Self::Shoes,
        Self::Cadence,
        Self::Thresholds,
    ];
}

/// Draws the Running tab and returns what the user asked for.
pub fn running_tab_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
) -> Vec<RunningCommand> {
    let mut commands = Vec::new();
    poll_dialog(state, &mut commands);
    let data = match (&state.derived, state.fingerprinted_at) {
        (Some(derived), Some(revision)) if revision == view.revision => derived.key.data,
        _ => view.data.fingerprint(),
    };
    state.fingerprinted_at = Some(view.revision);
    let key = DerivedKey {
        data,
        today: view.today,
        chart_weeks: state.chart_weeks,
        thresholds: view.thresholds.clone(),
        red_flag_ticked: view.red_flag_ticked,
        red_flag_since: view.red_flag_since,
    };
    let derived = match state.derived.take() {
        Some(derived) if derived.key == key => derived,
        _ => Derived::compute(view, key),
    };

    // What can change a section's height other than a click inside it while it is on screen: new data, a new
    // day, a message, the run being edited, the chart range and how many runs are listed.
    let revision = (
        view.revision,
        derived.key.data,
        view.today,
        view.message,
        state.status.clone(),
        state.editing,
        state.chart_weeks,
        state.runs_shown,
    );
    let scroll = egui::ScrollArea::vertical()
        .id_salt("running_tab")
        .auto_shrink(false);
    crate::ui::culled_scroll::show(
        ui,
        "running_tab",
        scroll,
        revision,
        &Section::ALL,
        |ui, section| section_ui(ui, *section, view, state, &derived, &mut commands),
    );
    state.derived = Some(derived);
    commands
}

fn section_ui(
    ui: &mut Ui,
    section: Section,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
    derived: &Derived,
    commands: &mut Vec<RunningCommand>,
) {
    let warnings = &derived.warnings;
    let folded = |title: &str, open: bool| egui::CollapsingHeader::new(title).default_open(open);
    match section {
        Section::Top => {
            widgets::heading(ui, "Running", 1);
            header(ui, view, state, commands);
            swap_ui(ui, view, derived.swap.as_ref(), commands);
            ui.separator();
        }
        Section::LogRun => {
            folded("Log a run", true).show(ui, |ui| log::form_ui(ui, view, state, commands));
        }
        Section::Import => {
            folded("Import from a watch or Strava", true).show(ui, |ui| {
                import_ui(ui, state, commands);
            });
        }
        Section::WeeklyLoad => {
            folded("Weekly load", true).show(ui, |ui| {
                chart::load_ui(ui, view, state, derived);
            });
        }
        Section::PlannedRuns => {
            folded("Planned runs", true).show(ui, |ui| {
                chart::planned_ui(ui, view, state, warnings, commands);
            });
        }
        Section::Runs => {
            folded("Runs", true).show(ui, |ui| {
                log::list_ui(ui, view, state, warnings, commands);
            });
        }
        Section::BackToRunning => {
            folded("Back to running", true).show(ui, |ui| {
                return_to_run::return_to_run_ui(
                    ui,
                    view,
                    state,
                    derived.return_to_run.as_ref(),
                    commands,
                );
            });
        }
        Section::Shoes => {
            folded("Shoes", true).show(ui, |ui| shoes::shoes_ui(ui, view, state, commands));
        }
        Section::Cadence => {
            folded("Cadence", true).show(ui, |ui| {
                cadence::cadence_ui(ui, view, state, derived.cadence_spm, commands);
            });
        }
        Section::Thresholds => {
            folded("Warning thresholds", false).show(ui, |ui| {
                chart::thresholds_ui(ui, view, state, commands);
            });
        }
    }
}

fn header(
    ui: &mut Ui,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
    commands: &mut Vec<RunningCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Units:");
        for units in [Units::Kilometres, Units::Miles] {
            let name = match units {
                Units::Kilometres => "Kilometres",
                Units::Miles => "Miles",
            };
            if ui.radio(view.data.settings.units == units, name).clicked() {
                commands.push(RunningCommand::SetUnits(units));
            }
        }
        if let Some(deleted) = &view.data.undo_deleted {
            let text = format!(
                "Undo delete of the run on {}",
                log::local_date(deleted.start_utc)
            );
            if ui.button(text).clicked() {
                commands.push(RunningCommand::UndoDelete);
            }
        }
    });
    for message in [view.message, state.status.as_deref()]
        .into_iter()
        .flatten()
    {
        ui.label(RichText::new(message).color(theme::colors(ui).muted_text));
    }
    if view.red_flag_ticked {
        ui.label(
            RichText::new("A red flag is ticked: have the knee checked before running on it. Cross-training is offered instead.")
                .color(theme::colors(ui).error_text),
        );
    }
}

fn import_ui(ui: &mut Ui, state: &mut RunningUiState, commands: &mut Vec<RunningCommand>) {
    ui.label("GPX, TCX or FIT files (also .gz), a folder, or a Strava export (.zip or its folder). You can also drop files on the window.");
    ui.horizontal_wrapped(|ui| {
        let busy = state.dialog.is_some();
        if ui
            .add_enabled(!busy, egui::Button::new("Choose files to import…"))
            .clicked()
        {
            let ctx = ui.ctx().clone();
            state.dialog = Some(PendingDialog::Import(DialogHandle::open(
                DialogKind::OpenActivityFiles,
                move || ctx.request_repaint(),
            )));
        }
        if ui
            .add_enabled(!busy, egui::Button::new("Choose a folder to import…"))
            .clicked()
        {
            let ctx = ui.ctx().clone();
            state.dialog = Some(PendingDialog::Import(DialogHandle::open(
                DialogKind::OpenFolder,
                move || ctx.request_repaint(),
            )));
        }
        if busy {
            ui.spinner();
            ui.label("Waiting for the file dialog…");
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Path to import:");
        ui.add(egui::TextEdit::singleline(&mut state.import_path).desired_width(360.0))
            .labelled_by(label.id);
        let path = state.import_path.trim();
        if ui
            .add_enabled(!path.is_empty(), egui::Button::new("Import path"))
            .clicked()
        {
            commands.push(RunningCommand::ImportFiles(vec![PathBuf::from(path)]));
        }
    });
}

/// Turns a closed dialog into a command or a message.
fn poll_dialog(state: &mut RunningUiState, commands: &mut Vec<RunningCommand>) {
    // For a click-track save: the cadence and length chosen when the dialog opened.
    let (result, export) = match &mut state.dialog {
        None => return,
        Some(PendingDialog::Import(handle)) => (handle.poll(), None),
        Some(PendingDialog::SaveClickTrack {
            handle,
            spm,
            minutes,
        }) => (handle.poll(), Some((*spm, *minutes))),
    };
    let Some(result) = result else { return };
    state.dialog = None;
    match (result, export) {
        (DialogResult::Picked(paths), None) => commands.push(RunningCommand::ImportFiles(paths)),
        (DialogResult::Picked(paths), Some((spm, minutes))) => {
            if let Some(path) = paths.into_iter().next() {
                commands.push(RunningCommand::ExportClickTrack { path, spm, minutes });
            }
        }
        (DialogResult::Cancelled, _) => {}
        (DialogResult::Unavailable(message), _) => state.status = Some(message),
    }
}

fn swap_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    offer: Option<&crate::running::commands::SwapOffer>,
    commands: &mut Vec<RunningCommand>,
) {
    let Some(offer) = offer else {
        return;
    };
    let Some(planned) = view.data.planned.iter().find(|p| p.id == offer.planned_id) else {
        return;
    };
    egui::Frame::group(ui.style())
        .fill(theme::colors(ui).notice_fill)
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "{} — {}",
                    view.guidance.swap.title,
                    planned.date.format("%a %d %b")
                ))
                .strong(),
            );
            for reason in &offer.reasons {
                ui.label(format!("• {reason}"));
            }
            rule_text_ui(ui, view, &view.guidance.swap);
            ui.horizontal_wrapped(|ui| {
                for sport in Sport::SWAPS {
                    let text = format!(
                        "Swap to {} for {} min",
                        sport.label().to_lowercase(),
                        offer.duration_secs.div_ceil(60)
                    );
                    if ui.button(text).clicked() {
                        commands.push(RunningCommand::SwapPlannedRun {
                            id: offer.planned_id,
                            sport,
                            reason: offer.reasons.join(" "),
                        });
                    }
                }
            });
        });
}

/// A rule's text with its evidence chip and sources.
pub(crate) fn rule_text_ui(ui: &mut Ui, view: &RunningView<'_>, rule: &RuleText) {
    ui.label(&rule.text);
    evidence_ui(ui, view, rule.level, &rule.sources);
}

/// Evidence chip plus short citations (sources from `running.ron` or `sources.ron`).
pub(crate) fn evidence_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    level: EvidenceLevel,
    source_ids: &[String],
) {
    ui.horizontal_wrapped(|ui| {
        widgets::evidence_chip(ui, level);
        let citations: Vec<String> = source_ids
            .iter()
            .filter_map(|id| {
                view.content
                    .and_then(|c| c.source(id))
                    .map(widgets::short_citation)
            })
            .collect();
        if !citations.is_empty() {
            ui.label(
                RichText::new(citations.join(" · "))
                    .small()
                    .color(theme::colors(ui).muted_text),
            );
        }
    });
}

/// A warning: rule title, the numbers, evidence and sources. Worded as information.
pub(crate) fn warning_ui(ui: &mut Ui, view: &RunningView<'_>, warning: &LoadWarning) {
    let Some(rule) = view.guidance.load_rule(warning.rule_id) else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(&rule.title).strong());
        ui.label(&warning.detail);
        rule_text_ui(ui, view, rule);
    });
}
