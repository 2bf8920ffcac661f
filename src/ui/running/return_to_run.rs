//! The return-to-run plan: pick a condition, confirm the entry criteria, follow the stages; each session's
//! verdict says which pain rule decided it.

use egui::{RichText, Ui};

use super::{RunningUiState, RunningView, evidence_ui, rule_text_ui};
use crate::running::RunningCommand;
use crate::running::return_to_run::{Decision, Progress};
use crate::ui::theme;

fn condition_name<'a>(view: &'a RunningView<'_>, id: &'a str) -> &'a str {
    view.content
        .and_then(|c| c.condition(id))
        .map_or(id, |c| c.lay_name.as_str())
}

pub(super) fn return_to_run_ui(
    ui: &mut Ui,
    view: &RunningView<'_>,
    state: &mut RunningUiState,
    progress: Option<&Progress>,
    commands: &mut Vec<RunningCommand>,
) {
    let Some(active) = &view.data.return_to_run else {
        ui.label("A walk–run plan back to 30 minutes of continuous running, then building distance, moved on by your pain scores.");
        if state.rtr_condition.is_empty()
            && let Some(first) = view.guidance.return_to_run.first()
        {
            state.rtr_condition.clone_from(&first.condition);
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Condition to return from");
            egui::ComboBox::from_id_salt("rtr_condition")
                .selected_text(condition_name(view, &state.rtr_condition).to_owned())
                .show_ui(ui, |ui| {
                    for plan in &view.guidance.return_to_run {
                        let name = condition_name(view, &plan.condition).to_owned();
                        ui.selectable_value(&mut state.rtr_condition, plan.condition.clone(), name);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Usual morning pain (0–10)");
            ui.add(egui::DragValue::new(&mut state.rtr_baseline_pain).range(0..=10))
                .labelled_by(l.id);
            if ui.button("Start return-to-run plan").clicked() {
                commands.push(RunningCommand::StartReturnToRun {
                    condition_id: state.rtr_condition.clone(),
                    baseline_morning_pain: state.rtr_baseline_pain,
                });
            }
        });
        return;
    };
    let Some(plan) = view.guidance.plan(&active.condition_id) else {
        ui.label(
            RichText::new("This plan's condition is no longer in the guidance.")
                .color(theme::colors(ui).error_text),
        );
        if ui.button("Stop return-to-run plan").clicked() {
            commands.push(RunningCommand::StopReturnToRun);
        }
        return;
    };
    ui.label(
        RichText::new(format!(
            "Return to running: {}",
            condition_name(view, &plan.condition)
        ))
        .strong(),
    );
    if !plan.note.is_empty() {
        ui.label(&plan.note);
    }
    evidence_ui(ui, view, plan.level, &plan.sources);
    ui.label(
        RichText::new("Stages and pain gates are mostly expert consensus, not tested in trials.")
            .color(theme::colors(ui).muted_text),
    );
    if view.red_flag_ticked && progress.is_none_or(|p| p.paused.is_none()) {
        ui.label(
            RichText::new("Paused: a red flag is ticked.").color(theme::colors(ui).error_text),
        );
    }
    if active.entry_criteria_met
        && let Some(progress) = progress
    {
        if let Some(paused) = &progress.paused {
            ui.label(RichText::new(paused).color(theme::colors(ui).error_text));
        }
        if let Some(stuck) = &progress.stuck {
            crate::ui::widgets::stuck_notice(ui, stuck);
        }
        if let Some(stage) = progress.current_stage(plan) {
            let what = if progress.finished {
                "Plan complete; last stage"
            } else {
                "Next session"
            };
            ui.label(
                RichText::new(format!(
                    "{what}: {} (stage {} of {})",
                    stage.label,
                    progress.stage_index + 1,
                    plan.stages.len()
                ))
                .strong(),
            );
        }
        ui.label(
            RichText::new(format!(
                "Next mornings are compared with {}/10, your pain before this stage began; one point either way \
                 is day-to-day noise.",
                progress.stage_baseline
            ))
            .color(theme::colors(ui).muted_text),
        );
        if progress.awaiting_next_morning.is_some() {
            ui.label("Add your next-morning pain to the last run to judge it.");
        }
        for review in progress.reviews.iter().rev().take(6) {
            let verdict = match review.decision {
                Decision::Advance => "moved on",
                Decision::Hold => "stayed",
                Decision::EaseOff => "eased off",
                Decision::Paused => "paused",
            };
            ui.label(format!(
                "{}: {verdict}. {}",
                review.date.format("%-d %b"),
                review.reason
            ));
            if let Some(rule) = review
                .rule_id
                .and_then(|id| view.guidance.pain_rule(id).or(view.guidance.load_rule(id)))
            {
                evidence_ui(ui, view, rule.level, &rule.sources);
            }
        }
    } else {
        ui.label("Before the first run, check that you can:");
        for criterion in &plan.entry_criteria {
            ui.label(format!("• {criterion}"));
        }
        if ui
            .add_enabled(
                !view.red_flag_ticked,
                egui::Button::new("I meet the entry criteria"),
            )
            .clicked()
        {
            commands.push(RunningCommand::ConfirmEntryCriteria);
        }
    }
    egui::CollapsingHeader::new("The pain rules").show(ui, |ui| {
        ui.label(view.thresholds.describe());
        for rule in &view.guidance.pain_rules {
            ui.label(RichText::new(&rule.title).strong());
            rule_text_ui(ui, view, rule);
        }
        let ladder = &view.guidance.ladder_rule;
        ui.label(RichText::new(&ladder.title).strong());
        ui.label(&ladder.text);
        evidence_ui(ui, view, ladder.level, &ladder.sources);
    });
    if ui.button("Stop return-to-run plan").clicked() {
        commands.push(RunningCommand::StopReturnToRun);
    }
}
