//! The exercise library tab: a filterable list beside the open exercise's how-to, dose and variants.

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::{theme, widgets};
use crate::command::AppCommand;
use crate::content::{Content, Dose, Equipment, Exercise, MuscleGroup};
use crate::library::ExerciseFilter;
use crate::map::state::Command;
use crate::navigation::NavCommand;

const MUSCLE_GROUPS: [MuscleGroup; 8] = [
    MuscleGroup::Glutes,
    MuscleGroup::HipAbductors,
    MuscleGroup::Quads,
    MuscleGroup::Hamstrings,
    MuscleGroup::Calves,
    MuscleGroup::Core,
    MuscleGroup::HipFlexors,
    MuscleGroup::ItBandArea,
];

/// Exercise pictures as textures, decoded and uploaded on first use (from `App::logic`, never while drawing).
#[derive(Default)]
pub struct ExerciseTextures {
    /// `None` records a picture that is missing or failed to decode, so it is not retried every frame.
    loaded: HashMap<String, Option<egui::TextureHandle>>,
}

impl ExerciseTextures {
    /// Makes sure the picture of `exercise_id` is uploaded.
    pub fn ensure(&mut self, ctx: &egui::Context, exercise_id: &str) {
        if self.loaded.contains_key(exercise_id) {
            return;
        }
        let texture = crate::exercise_art::png_for(exercise_id)
            .and_then(|bytes| crate::assets::decode_png(bytes).ok())
            .map(|image| {
                let pixels = egui::ColorImage::from_rgba_unmultiplied(
                    [image.width_px, image.height_px],
                    &image.rgba,
                );
                ctx.load_texture(
                    format!("exercise_{exercise_id}"),
                    pixels,
                    egui::TextureOptions::LINEAR,
                )
            });
        self.loaded.insert(exercise_id.to_owned(), texture);
    }

    /// The picture, if uploaded. When it is not yet, asks for one more frame so `ensure` can run.
    pub fn get(&self, ctx: &egui::Context, exercise_id: &str) -> Option<&egui::TextureHandle> {
        if let Some(texture) = self.loaded.get(exercise_id) {
            texture.as_ref()
        } else {
            ctx.request_repaint();
            None
        }
    }
}

/// Draws an exercise picture at most `max_width` wide, with its alternative text.
pub fn exercise_picture_ui(
    ui: &mut Ui,
    textures: &ExerciseTextures,
    exercise: &Exercise,
    max_width: f32,
) {
    if let Some(texture) = textures.get(ui.ctx(), &exercise.id) {
        let width = ui.available_width().min(max_width);
        ui.add(
            egui::Image::new(texture)
                .max_width(width)
                .alt_text(format!("Drawing of {}", exercise.name)),
        );
    }
}

/// Plain description of a dose, e.g. "3 sets × 12 reps per side · 3 s down, 1 s up · rest 60 s · 2–3 times a week".
pub fn dose_text(dose: &Dose) -> String {
    let mut parts = Vec::new();
    let per_side = if dose.per_side { " per side" } else { "" };
    match (dose.reps, dose.hold_secs) {
        (Some(reps), Some(hold)) => parts.push(format!(
            "{} × {reps} reps{per_side}, hold {hold} s each",
            dose.sets
        )),
        (Some(reps), None) => parts.push(format!("{} × {reps} reps{per_side}", dose.sets)),
        (None, Some(hold)) => parts.push(format!("{} × {hold} s hold{per_side}", dose.sets)),
        (None, None) => parts.push(format!("{} sets{per_side}", dose.sets)),
    }
    if let Some(tempo) = dose.tempo {
        parts.push(format!(
            "tempo {} s down, {} s pause, {} s up",
            tempo.lower_secs, tempo.pause_secs, tempo.lift_secs
        ));
    }
    parts.push(format!("rest {} s", dose.rest_secs));
    parts.push(dose.frequency.clone());
    parts.join(" · ")
}

pub fn exercises_tab_ui(
    ui: &mut Ui,
    content: &Content,
    open_exercise: Option<&str>,
    filter: &mut ExerciseFilter,
    textures: &ExerciseTextures,
) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    widgets::heading(ui, "Exercise library", 1);
    filter_bar_ui(ui, content, filter);
    ui.separator();
    let list_width = (ui.available_width() * 0.36).clamp(170.0, 260.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(list_width);
            egui::ScrollArea::vertical()
                .id_salt("exercise_list")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let matching: Vec<&Exercise> = content.exercises.iter().filter(|e| filter.matches(e)).collect();
                    if matching.is_empty() {
                        ui.label("No exercise matches these filters.");
                    }
                    for exercise in matching {
                        let selected = open_exercise == Some(exercise.id.as_str());
                        if ui.selectable_label(selected, &exercise.name).clicked() {
                            commands.push(NavCommand::ShowExercise(exercise.id.clone()).into());
                        }
                    }
                });
        });
        ui.separator();
        ui.vertical(|ui| {
            egui::ScrollArea::vertical()
                .id_salt("exercise_detail")
                .auto_shrink([false, false])
                .show(ui, |ui| match open_exercise.and_then(|id| content.exercise(id)) {
                    Some(exercise) => {
                        exercise_detail_ui(ui, content, exercise, textures, &mut commands);
                    }
                    None => {
                        ui.label("Pick an exercise to see how to do it, a starting dose and easier or harder versions.");
                    }
                });
        });
    });
    commands
}

fn filter_bar_ui(ui: &mut Ui, content: &Content, filter: &mut ExerciseFilter) {
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut filter.query)
                .hint_text("Search by name")
                .desired_width(150.0),
        )
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Search exercises by name")
        });
        ui.label("Muscle:");
        egui::ComboBox::from_id_salt("library_filter_muscle")
            .selected_text(filter.muscle_group.map_or("Any", MuscleGroup::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.muscle_group, None, "Any");
                for group in MUSCLE_GROUPS {
                    ui.selectable_value(&mut filter.muscle_group, Some(group), group.label());
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Filter by muscle group")
            });
        let condition_name = filter
            .condition
            .as_deref()
            .and_then(|id| content.condition(id))
            .map_or("Any", |c| c.lay_name.as_str());
        ui.label("Condition:");
        egui::ComboBox::from_id_salt("library_filter_condition")
            .selected_text(condition_name)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.condition, None, "Any");
                for condition in &content.conditions {
                    ui.selectable_value(
                        &mut filter.condition,
                        Some(condition.id.clone()),
                        &condition.lay_name,
                    );
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Filter by condition")
            });
        let mut equipment: Vec<Equipment> = content
            .exercises
            .iter()
            .flat_map(|e| e.equipment.iter().copied())
            .collect();
        equipment.sort();
        equipment.dedup();
        ui.label("Equipment:");
        egui::ComboBox::from_id_salt("library_filter_equipment")
            .selected_text(filter.equipment.map_or("Any", Equipment::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.equipment, None, "Any");
                for item in equipment {
                    ui.selectable_value(&mut filter.equipment, Some(item), item.label());
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Filter by equipment")
            });
        if !filter.is_empty() && ui.button("Clear filters").clicked() {
            *filter = ExerciseFilter::default();
        }
    });
}

fn exercise_detail_ui(
    ui: &mut Ui,
    content: &Content,
    exercise: &Exercise,
    textures: &ExerciseTextures,
    commands: &mut Vec<AppCommand>,
) {
    widgets::heading(ui, &exercise.name, 2);
    exercise_picture_ui(ui, textures, exercise, 360.0);
    let muscles: Vec<&str> = exercise.muscle_groups.iter().map(|m| m.label()).collect();
    let equipment: Vec<&str> = exercise.equipment.iter().map(|e| e.label()).collect();
    ui.label(
        RichText::new(format!("Works: {}", muscles.join(", "))).color(theme::colors(ui).muted_text),
    );
    ui.label(
        RichText::new(format!("Needs: {}", equipment.join(", ")))
            .color(theme::colors(ui).muted_text),
    );
    ui.horizontal_wrapped(|ui| {
        ui.label("Helps with:");
        for condition in exercise
            .conditions
            .iter()
            .filter_map(|id| content.condition(id))
        {
            if ui.link(&condition.lay_name).clicked() {
                commands.push(Command::OpenCondition(condition.id.clone()).into());
            }
        }
    });
    widgets::section_title(ui, "Starting dose");
    ui.label(dose_text(&exercise.dose));
    widgets::sources_line(ui, content, &exercise.dose.sources);
    widgets::section_title(ui, "How to do it");
    for (index, step) in exercise.steps.iter().enumerate() {
        ui.label(format!("{}. {step}", index + 1));
    }
    widgets::section_title(ui, "Cues");
    for cue in &exercise.cues {
        ui.label(format!("• {cue}"));
    }
    widgets::section_title(ui, "Common mistakes");
    for mistake in &exercise.common_mistakes {
        ui.label(format!("• {mistake}"));
    }
    widgets::section_title(ui, "Make it easier or harder");
    ui.label(format!("Easier: {}", exercise.easier));
    ui.label(format!("Harder: {}", exercise.harder));
    widgets::section_title(ui, "Sources");
    widgets::sources_line(ui, content, &exercise.sources);
    if exercise.named_in_article {
        ui.label(
            RichText::new("Named in the source article.")
                .small()
                .color(theme::colors(ui).muted_text),
        );
    }
}
