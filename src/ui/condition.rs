//! The condition panel: names, symptoms, causes with evidence, first steps, exercises, timeline, when to see
//! someone and sources — with "Also consider" and the symptom questions that re-rank the candidates.

use egui::{RichText, Ui};

use super::{theme, widgets};
use crate::content::{Condition, Content};
use crate::ranking::{self, Candidate};
use crate::state::{Command, MapState};

/// Heading text of a condition panel (also what tests look for).
pub fn panel_heading(condition: &Condition) -> String {
    format!("{} — {}", condition.lay_name, condition.clinical_name)
}

/// The Condition tab.
pub fn condition_tab_ui(ui: &mut Ui, content: &Content, state: &MapState) -> Vec<Command> {
    let mut commands = Vec::new();
    let Some(condition) = state
        .open_condition
        .as_deref()
        .and_then(|id| content.condition(id))
    else {
        welcome_ui(ui, content);
        return commands;
    };
    let location = state
        .selected_location
        .as_deref()
        .and_then(|id| content.location(id));

    ui.heading(panel_heading(condition));
    match location {
        Some(location) => ui.label(
            RichText::new(format!(
                "One possible explanation for pain at: {}. Educational information, not a diagnosis.",
                location.label
            ))
            .color(theme::MUTED_TEXT),
        ),
        None => ui.label(RichText::new("Educational information, not a diagnosis.").color(theme::MUTED_TEXT)),
    };
    ui.add_space(4.0);

    egui::ScrollArea::vertical()
        .id_salt(("condition_scroll", &condition.id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(location) = location {
                let candidates = ranking::rank(content, location, &state.yes_answers);
                also_consider_ui(ui, content, &condition.id, &candidates, &mut commands);
            }
            symptom_questions_ui(ui, content, state, &mut commands);
            ui.separator();
            condition_body_ui(ui, content, condition, &mut commands);
        });
    commands
}

fn welcome_ui(ui: &mut Ui, content: &Content) {
    ui.heading("Where does it hurt?");
    ui.label(
        "Click the spot on the knee picture, or pick a place from the list under it. KneeMap then explains \
         the condition that most often causes pain there, and the others worth considering.",
    );
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            widgets::section_title(ui, "Why running can make a knee hurt");
            widgets::claims_ui(ui, content, &content.guidance.introduction);
            widgets::section_title(ui, "The five conditions KneeMap covers");
            for condition in &content.conditions {
                ui.label(format!("• {}", panel_heading(condition)));
            }
        });
}

fn also_consider_ui(
    ui: &mut Ui,
    content: &Content,
    open_id: &str,
    candidates: &[Candidate],
    commands: &mut Vec<Command>,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Also consider").strong().size(16.0));
        ui.label(
            RichText::new("Other conditions that fit this spot, most likely first. Answer the questions below to re-rank them.")
                .small()
                .color(theme::MUTED_TEXT),
        );
        for (rank, candidate) in candidates.iter().enumerate() {
            let Some(condition) = content.condition(&candidate.condition_id) else {
                continue;
            };
            let is_open = candidate.condition_id == open_id;
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{}.", rank + 1)).strong());
                let name = format!("{} ({})", condition.lay_name, condition.clinical_name);
                if is_open {
                    ui.label(RichText::new(name).strong());
                    ui.label(RichText::new("(shown below)").color(theme::MUTED_TEXT));
                } else if ui.link(&name).on_hover_text("Open this condition's panel").clicked() {
                    commands.push(Command::OpenCondition(condition.id.clone()));
                }
                if candidate.is_primary {
                    widgets::chip(ui, "most common here", theme::NOTICE_FILL, theme::ACCENT);
                }
            });
            let explanation = candidate.explanation();
            if candidate.why.is_some() || explanation.is_some() {
                ui.indent(("candidate", &candidate.condition_id), |ui| {
                    if let Some(why) = &candidate.why {
                        ui.label(RichText::new(why).color(theme::MUTED_TEXT));
                    }
                    if let Some(explanation) = explanation {
                        ui.label(RichText::new(explanation).italics().color(theme::ACCENT));
                    }
                });
            }
        }
    });
}

fn symptom_questions_ui(
    ui: &mut Ui,
    content: &Content,
    state: &MapState,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(RichText::new("Refine with symptom questions").strong())
        .id_salt("symptom_questions")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(
                RichText::new(
                    "Tick what is true for you. Each tick moves the ranking above and says why.",
                )
                .small()
                .color(theme::MUTED_TEXT),
            );
            for question in &content.symptoms {
                let mut yes = state.yes_answers.contains(&question.id);
                if ui.checkbox(&mut yes, &question.question).changed() {
                    commands.push(Command::SetSymptom {
                        question_id: question.id.clone(),
                        yes,
                    });
                }
            }
            if !state.yes_answers.is_empty() && ui.button("Clear answers").clicked() {
                commands.push(Command::ClearSymptoms);
            }
        });
}

fn condition_body_ui(
    ui: &mut Ui,
    content: &Content,
    condition: &Condition,
    commands: &mut Vec<Command>,
) {
    widgets::claims_ui(ui, content, &condition.summary);
    let sections = [
        ("Where it hurts", &condition.where_it_hurts),
        ("What it feels like", &condition.what_it_feels_like),
        ("What makes it worse", &condition.what_makes_it_worse),
    ];
    for (title, claims) in sections {
        widgets::section_title(ui, title);
        widgets::claims_ui(ui, content, claims);
    }

    widgets::section_title(ui, "Why it happens");
    for contributor in &condition.contributors {
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.vertical(|ui| {
                let title = content
                    .factor(&contributor.factor)
                    .map_or(contributor.factor.as_str(), |f| f.title.as_str());
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(title).strong());
                    let link = ui
                        .link("more on this factor")
                        .on_hover_text("Open it in Prevention & causes");
                    let link_label = format!("More on {title}");
                    link.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Link, true, &link_label)
                    });
                    if link.clicked() {
                        commands.push(Command::ShowPrevention(contributor.factor.clone()));
                    }
                });
                ui.label(&contributor.text);
                widgets::evidence_line(ui, content, contributor.level, &contributor.sources);
            });
        });
    }

    widgets::section_title(ui, "What helps first");
    widgets::claims_ui(ui, content, &condition.what_helps_first);

    exercise_emphasis_ui(ui, content, condition, commands);

    widgets::section_title(ui, "Running while it settles");
    widgets::claims_ui(ui, content, &condition.running_guidance);

    widgets::section_title(ui, "What to expect (honest timeline)");
    widgets::claims_ui(ui, content, &condition.timeline);

    widgets::section_title(ui, "When to see someone");
    ui.label("Stop self-managing and get checked if any of these apply (tick them in the red-flag list):");
    for flag in condition
        .red_flags
        .iter()
        .filter_map(|id| content.red_flag(id))
    {
        ui.horizontal_wrapped(|ui| {
            widgets::urgency_chip(ui, flag.urgency);
            ui.label(&flag.text);
        });
    }
    widgets::claims_ui(ui, content, &condition.see_someone_if);

    ui.add_space(6.0);
    egui::CollapsingHeader::new(
        RichText::new(format!("Sources ({})", condition.references.len()))
            .strong()
            .size(16.5),
    )
    .id_salt(("condition_sources", &condition.id))
    .show(ui, |ui| {
        for source in condition
            .references
            .iter()
            .filter_map(|id| content.source(id))
        {
            ui.horizontal_wrapped(|ui| {
                widgets::evidence_chip(ui, source.level);
                ui.label(RichText::new(widgets::full_citation(source)).small());
                if !source.verified_primary {
                    ui.label(
                        RichText::new("(not checked against the original)")
                            .small()
                            .italics(),
                    );
                }
            });
        }
    });
    ui.label(
        RichText::new(format!(
            "Content last reviewed {}.",
            condition.last_reviewed
        ))
        .small()
        .color(theme::MUTED_TEXT),
    );
}

fn exercise_emphasis_ui(
    ui: &mut Ui,
    content: &Content,
    condition: &Condition,
    commands: &mut Vec<Command>,
) {
    let emphasis = &condition.exercise_emphasis;
    widgets::section_title(ui, "Exercise emphasis");
    widgets::claims_ui(ui, content, &emphasis.summary);
    ui.horizontal_wrapped(|ui| {
        ui.label("Exercises:");
        for exercise in emphasis
            .exercises
            .iter()
            .filter_map(|id| content.exercise(id))
        {
            if ui
                .button(&exercise.name)
                .on_hover_text("Open in the exercise library")
                .clicked()
            {
                commands.push(Command::ShowExercise(exercise.id.clone()));
            }
        }
    });
    for (index, phase) in content.phase_summaries(&condition.id).iter().enumerate() {
        egui::CollapsingHeader::new(format!(
            "Phase {}: {} ({})",
            index + 1,
            phase.name,
            phase.weeks
        ))
        .id_salt(("phase", &condition.id, index))
        .show(ui, |ui| {
            egui::Grid::new(("phase_grid", &condition.id, index))
                .num_columns(2)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    let rows = [
                        ("Sessions", phase.sessions_per_week.as_str()),
                        ("Dose", phase.dose.as_str()),
                        ("Move on when", phase.progress_when.as_str()),
                        ("Ease off when", phase.ease_off_when.as_str()),
                    ];
                    for (name, value) in rows {
                        ui.label(RichText::new(name).strong());
                        ui.add(egui::Label::new(value).wrap());
                        ui.end_row();
                    }
                });
            let names: Vec<&str> = phase
                .exercises
                .iter()
                .filter_map(|id| content.exercise(id))
                .map(|e| e.name.as_str())
                .collect();
            ui.label(format!("Exercises: {}", names.join(", ")));
            widgets::sources_line(ui, content, &phase.sources);
        });
    }
}
