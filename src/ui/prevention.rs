//! The Prevention & causes tab: why knees hurt, prevention topics, the questions runners ask a clinician,
//! every contributing factor, key takeaways, the FAQ and who can help.

use egui::{RichText, Ui};

use super::{theme, widgets};
use crate::command::AppCommand;
use crate::content::{Content, FactorGroup};
use crate::map::state::Command;
use crate::navigation::NavCommand;

const GROUP_ORDER: [FactorGroup; 6] = [
    FactorGroup::Training,
    FactorGroup::RunningForm,
    FactorGroup::Footwear,
    FactorGroup::MuscleStrength,
    FactorGroup::Flexibility,
    FactorGroup::Surface,
];

/// The tab's own runtime state.
#[derive(Debug, Clone, Default)]
pub struct PreventionUi {
    /// The factor or topic last brought into view, so a link scrolls once, not every frame.
    scrolled_to: Option<String>,
}

/// Draws the tab; a factor or topic a link asked for is opened and scrolled into view once.
pub fn prevention_tab_ui(
    ui: &mut Ui,
    content: &Content,
    focus: Option<&str>,
    view: &mut PreventionUi,
) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    let focus_pending = focus.is_some() && view.scrolled_to.as_deref() != focus;
    if focus_pending {
        view.scrolled_to = focus.map(str::to_owned);
    }
    widgets::heading(ui, "Prevention & causes", 1);
    ui.label(
        RichText::new(
            "What loads the knee, what tends to go wrong, and what runners can do about it.",
        )
        .color(theme::colors(ui).muted_text),
    );
    egui::ScrollArea::vertical()
        .id_salt("prevention_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            widgets::section_title(ui, "Why running can make a knee hurt");
            widgets::claims_ui(ui, content, &content.guidance.introduction);

            widgets::section_title(ui, "Prevention");
            for topic in &content.guidance.prevention {
                let is_focus = focus == Some(topic.id.as_str());
                let header = egui::CollapsingHeader::new(RichText::new(&topic.title).strong())
                    .id_salt(("topic", &topic.id))
                    .default_open(true)
                    .open(is_focus.then_some(true).filter(|_| focus_pending))
                    .show(ui, |ui| {
                        widgets::claims_ui(ui, content, &topic.points);
                        if !topic.exercises.is_empty() {
                            ui.horizontal_wrapped(|ui| {
                                ui.label("Exercises:");
                                for exercise in
                                    topic.exercises.iter().filter_map(|id| content.exercise(id))
                                {
                                    if ui.button(&exercise.name).clicked() {
                                        commands.push(
                                            NavCommand::ShowExercise(exercise.id.clone()).into(),
                                        );
                                    }
                                }
                            });
                        }
                    });
                if is_focus && focus_pending {
                    header.header_response.scroll_to_me(Some(egui::Align::TOP));
                }
            }

            widgets::section_title(ui, super::condition::CLINICAL_TOPICS_TITLE);
            for topic in &content.guidance.clinical_topics {
                egui::CollapsingHeader::new(RichText::new(&topic.title).strong())
                    .id_salt(("prevention_clinical_topic", &topic.id))
                    .show(ui, |ui| {
                        widgets::claims_ui(ui, content, &topic.points);
                        ui.horizontal_wrapped(|ui| {
                            ui.label("In the panels for:");
                            for condition in topic
                                .conditions
                                .iter()
                                .filter_map(|id| content.condition(id))
                            {
                                if ui.link(&condition.lay_name).clicked() {
                                    commands
                                        .push(Command::OpenCondition(condition.id.clone()).into());
                                }
                            }
                        });
                    });
            }

            widgets::section_title(ui, "Contributing factors");
            for group in GROUP_ORDER {
                let factors: Vec<_> = content
                    .guidance
                    .factors
                    .iter()
                    .filter(|f| f.group == group)
                    .collect();
                if factors.is_empty() {
                    continue;
                }
                ui.label(
                    RichText::new(group.label())
                        .size(theme::size::SUBHEADING)
                        .color(theme::colors(ui).accent),
                );
                for factor in factors {
                    let is_focus = focus == Some(factor.id.as_str());
                    let header = egui::CollapsingHeader::new(RichText::new(&factor.title).strong())
                        .id_salt(("factor", &factor.id))
                        .default_open(false)
                        .open(is_focus.then_some(true).filter(|_| focus_pending))
                        .show(ui, |ui| {
                            widgets::claims_ui(ui, content, &factor.explanation);
                            ui.horizontal_wrapped(|ui| {
                                let conditions: Vec<_> =
                                    content.conditions_with_factor(&factor.id).collect();
                                if !conditions.is_empty() {
                                    ui.label("Linked to:");
                                    for condition in conditions {
                                        if ui.link(&condition.lay_name).clicked() {
                                            commands.push(
                                                Command::OpenCondition(condition.id.clone()).into(),
                                            );
                                        }
                                    }
                                }
                            });
                            ui.horizontal_wrapped(|ui| {
                                let topics: Vec<_> = factor
                                    .addressed_by
                                    .iter()
                                    .filter_map(|id| content.prevention_topic(id))
                                    .collect();
                                if !topics.is_empty() {
                                    ui.label("What helps:");
                                    for topic in topics {
                                        if ui.link(&topic.title).clicked() {
                                            commands.push(
                                                NavCommand::ShowPrevention(topic.id.clone()).into(),
                                            );
                                        }
                                    }
                                }
                            });
                        });
                    if is_focus && focus_pending {
                        header.header_response.scroll_to_me(Some(egui::Align::TOP));
                        header.header_response.highlight();
                    }
                }
            }

            widgets::section_title(ui, "Key takeaways");
            widgets::claims_ui(ui, content, &content.guidance.takeaways);

            widgets::section_title(ui, "Frequently asked questions");
            for (index, entry) in content.guidance.faq.iter().enumerate() {
                egui::CollapsingHeader::new(RichText::new(&entry.question).strong())
                    .id_salt(("faq", index))
                    .show(ui, |ui| widgets::claims_ui(ui, content, &entry.answer));
            }

            widgets::section_title(ui, "Who can help");
            widgets::claims_ui(ui, content, &content.guidance.professionals);
        });
    commands
}
