//! The Pain diary tab: the entry being written (its marks with their own score and feel, time, context, knee
//! signs and the red flags they point to), the saved entries with edit, delete and undo, and the patterns view.
//! The diagram beside it is in log-pain mode while this tab is open (see `ui::diagram`).

pub mod insights;

use egui::{RichText, Ui};

use crate::command::AppCommand;
use crate::content::{Content, KneeSign, PainContext, PainQuality};
use crate::diary::{DiaryCommand, DiaryEntry, Onset, local_time};
use crate::map::diagram::Knee;
use crate::ui::{theme, widgets};

/// Which part of the tab is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DiarySection {
    /// Write or edit an entry.
    #[default]
    Entry,
    /// The saved entries.
    Entries,
    /// Heat map, trend, onset and weekly pain.
    Patterns,
}

impl DiarySection {
    const ALL: [Self; 3] = [Self::Entry, Self::Entries, Self::Patterns];

    fn label(self) -> &'static str {
        match self {
            Self::Entry => "Log pain",
            Self::Entries => "Entries",
            Self::Patterns => "Patterns",
        }
    }
}

/// How an onset is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum OnsetUnit {
    #[default]
    Km,
    Minutes,
}

/// The onset the typed text stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
struct SyncedOnset(Option<Onset>);

/// The tab's own state: the section, the typed time and onset of the draft, and the patterns view.
#[derive(Debug, Default)]
pub struct DiaryUi {
    pub section: DiarySection,
    /// The draft's date ("YYYY-MM-DD") and time ("HH:MM") as typed, and the stored time they were made from.
    date_text: String,
    time_text: String,
    time_text_for: Option<chrono::DateTime<chrono::Utc>>,
    onset_unit: OnsetUnit,
    onset_text: String,
    /// The draft onset the typed text was made from (`None`: not made yet).
    onset_text_for: Option<SyncedOnset>,
    pub patterns: insights::PatternsUi,
}

/// What the tab reads.
pub struct DiaryView<'a> {
    pub data: &'a crate::document::UserData,
    pub editor: &'a crate::diary::DiaryEditor,
    pub message: Option<&'a str>,
    pub today: chrono::NaiveDate,
    pub now_utc: chrono::DateTime<chrono::Utc>,
    /// Changes whenever the data may have changed: the patterns are recomputed only then.
    pub drawn_revision: u64,
    pub textures: &'a crate::ui::diagram::DiagramTextures,
}

/// Draws the tab; returns the commands given.
pub fn diary_tab_ui(
    ui: &mut Ui,
    content: &Content,
    view: &DiaryView<'_>,
    state: &mut DiaryUi,
) -> Vec<AppCommand> {
    let mut commands: Vec<AppCommand> = Vec::new();
    ui.horizontal(|ui| {
        for section in DiarySection::ALL {
            let selected = state.section == section;
            if ui.selectable_label(selected, section.label()).clicked() && !selected {
                state.section = section;
                // The window's layout (whether the map folds) is chosen before this tab draws: show it next frame.
                ui.ctx().request_repaint();
            }
        }
        ui.separator();
        let undo = ui.add_enabled(view.editor.can_undo(), egui::Button::new("Undo"));
        undo.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                view.editor.can_undo(),
                "Undo diary change",
            )
        });
        if undo.on_hover_text("Ctrl+Z").clicked() {
            commands.push(DiaryCommand::Undo.into());
        }
        let redo = ui.add_enabled(view.editor.can_redo(), egui::Button::new("Redo"));
        redo.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                view.editor.can_redo(),
                "Redo diary change",
            )
        });
        if redo.on_hover_text("Ctrl+Shift+Z").clicked() {
            commands.push(DiaryCommand::Redo.into());
        }
    });
    if let Some(message) = view.message {
        ui.colored_label(theme::colors(ui).error_text, message);
    }
    ui.separator();
    match state.section {
        DiarySection::Entry => {
            egui::ScrollArea::vertical()
                .id_salt("diary_entry")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    entry_section_ui(ui, content, view, state, &mut commands);
                });
        }
        DiarySection::Entries => entries_section_ui(ui, content, view, state, &mut commands),
        DiarySection::Patterns => commands.extend(insights::patterns_ui(
            ui,
            content,
            &insights::PatternsView {
                data: view.data,
                today: view.today,
                now_utc: view.now_utc,
                drawn_revision: view.drawn_revision,
                textures: view.textures,
            },
            &mut state.patterns,
        )),
    }
    commands
}

/// The list beside the diagram in log-pain mode: every area of both pictures and the whole knee, as buttons
/// that add a mark for `knee` (the keyboard and screen-reader path to every mark).
pub fn area_list_ui(
    ui: &mut Ui,
    content: &Content,
    knee: Knee,
    draft: Option<&DiaryEntry>,
) -> Vec<AppCommand> {
    let mut commands: Vec<AppCommand> = Vec::new();
    let add = |commands: &mut Vec<AppCommand>, command: DiaryCommand| {
        if draft.is_none() && commands.is_empty() {
            commands.push(DiaryCommand::NewDraft { from_last: false }.into());
        }
        commands.push(command.into());
    };
    for location in content.locations() {
        let marked = draft.is_some_and(|entry| {
            entry.marks.iter().any(|m| {
                m.knee == knee
                    && matches!(&m.place, crate::diary::MarkPlace::Region { location: id } if *id == location.id)
            })
        });
        let label = format!("{} knee: {}", knee.label(), location.label);
        let response = ui.add(egui::Button::selectable(marked, &label).wrap());
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                marked,
                format!("Mark the whole area: {label}"),
            )
        });
        if response.clicked() && !marked {
            add(
                &mut commands,
                DiaryCommand::AddRegion {
                    knee,
                    location: location.id.clone(),
                },
            );
        }
    }
    let diffuse_label = format!("{} knee: the whole knee, no clear spot", knee.label());
    let response = ui.button(&diffuse_label);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Mark diffuse pain: {diffuse_label}"),
        )
    });
    if response.clicked() {
        add(&mut commands, DiaryCommand::AddDiffuse { knee });
    }
    ui.label(
        RichText::new("Switch Knee at the top to mark the other knee in the same entry.")
            .small()
            .color(theme::colors(ui).muted_text),
    );
    commands
}

fn entry_section_ui(
    ui: &mut Ui,
    content: &Content,
    view: &DiaryView<'_>,
    state: &mut DiaryUi,
    commands: &mut Vec<AppCommand>,
) {
    let Some(draft) = &view.editor.draft else {
        state.time_text_for = None;
        state.onset_text_for = None;
        widgets::heading(ui, "Log pain", 1);
        ui.label(
            "Click the diagram where it hurts, or start an entry here. Each place gets its own score and feel; \
             log as often as you like.",
        );
        ui.horizontal_wrapped(|ui| {
            if ui.button("New entry").clicked() {
                commands.push(DiaryCommand::NewDraft { from_last: false }.into());
            }
            if let Some(last) = view.data.diary.latest() {
                let response = ui.button("New entry like the last one");
                let when = local_time(last.at_utc).format("%d %b %H:%M").to_string();
                if response
                    .on_hover_text(format!("Copies the places, scores and context of {when}"))
                    .clicked()
                {
                    commands.push(DiaryCommand::NewDraft { from_last: true }.into());
                }
            }
        });
        ui.add_space(8.0);
        widgets::section_title(ui, "How to mark pain");
        widgets::claims_ui(ui, content, &content.guidance.pain_diary.how_to_mark);
        return;
    };
    let entry = &draft.entry;
    ui.horizontal(|ui| {
        widgets::heading(
            ui,
            if draft.editing.is_some() {
                "Edit entry"
            } else {
                "New entry"
            },
            1,
        );
        save_buttons_ui(ui, commands, "top");
    });

    // When: a date with its calendar and a time of day, both typed or picked.
    let local = local_time(entry.at_utc).naive_local();
    if state.time_text_for != Some(entry.at_utc) {
        state.date_text = local.format("%Y-%m-%d").to_string();
        state.time_text = local.format("%H:%M").to_string();
        state.time_text_for = Some(entry.at_utc);
    }
    ui.horizontal(|ui| {
        ui.label("When");
        let date = crate::ui::date_field::date_field(
            ui,
            "diary_date",
            &mut state.date_text,
            "Diary entry date",
            view.today,
        );
        let time = crate::ui::date_field::time_field(
            ui,
            "diary_time",
            &mut state.time_text,
            "Diary entry time",
        );
        if let (Some(date), Some(time)) = (date, time) {
            let typed = date.and_time(time);
            // Seconds are not shown: only a different minute is a change.
            let minute = |at: chrono::NaiveDateTime| at.format("%Y-%m-%d %H:%M").to_string();
            if minute(typed) != minute(local) {
                commands.push(DiaryCommand::SetTime(typed).into());
            }
        }
        if ui.button("Now").clicked() {
            commands.push(DiaryCommand::SetTime(local_time(view.now_utc).naive_local()).into());
        }
    });

    // Marks.
    widgets::section_title(ui, "Where and how much");
    if entry.marks.is_empty() {
        ui.label("No marks yet: click the diagram where it hurts, or mark a whole area from the list under it.");
    }
    for (index, mark) in entry.marks.iter().enumerate() {
        let name = mark.describe(content);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let swatch = theme::pain_color(mark.intensity);
            ui.horizontal_wrapped(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                ui.painter().circle_filled(rect.center(), 7.0, swatch);
                let label = ui.label(
                    RichText::new(format!(
                        "{} knee, {}",
                        mark.knee.label(),
                        mark.place_label(content)
                    ))
                    .strong(),
                );
                label.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
            });
            ui.horizontal_wrapped(|ui| {
                let mut intensity = mark.intensity;
                ui.spacing_mut().slider_width = 200.0;
                let slider = ui.add(
                    egui::Slider::new(&mut intensity, 0..=crate::limits::PAIN_SCALE_MAX)
                        .text("out of 10"),
                );
                slider.widget_info(|| {
                    egui::WidgetInfo::slider(true, f64::from(intensity), format!("Score: {name}"))
                });
                if slider.changed() {
                    commands.push(
                        DiaryCommand::SetIntensity {
                            mark: index,
                            intensity,
                        }
                        .into(),
                    );
                }
                let mut quality = mark.quality;
                egui::ComboBox::from_id_salt(("mark_quality", index))
                    .selected_text(quality.label())
                    .show_ui(ui, |ui| {
                        for option in PainQuality::ALL {
                            ui.selectable_value(&mut quality, option, option.label());
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::ComboBox,
                            true,
                            format!("Feel: {name}"),
                        )
                    });
                if quality != mark.quality {
                    commands.push(
                        DiaryCommand::SetQuality {
                            mark: index,
                            quality,
                        }
                        .into(),
                    );
                }
                let remove = ui.button("Remove");
                remove.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        format!("Remove mark: {name}"),
                    )
                });
                if remove.clicked() {
                    commands.push(DiaryCommand::RemoveMark(index).into());
                }
            });
        });
    }

    // Context.
    widgets::section_title(ui, "When or doing what");
    ui.horizontal_wrapped(|ui| {
        for context in PainContext::ALL {
            let mut on = entry.contexts.contains(&context);
            if ui.checkbox(&mut on, context.label()).changed() {
                commands.push(DiaryCommand::SetContext { context, on }.into());
            }
        }
    });
    if entry.contexts.contains(&PainContext::DuringRun)
        || entry.contexts.contains(&PainContext::AfterRun)
    {
        run_link_ui(ui, view, state, entry, commands);
    }
    widgets::section_title(ui, "The knee itself");
    ui.horizontal_wrapped(|ui| {
        for sign in KneeSign::ALL {
            let mut on = entry.signs.contains(&sign);
            if ui.checkbox(&mut on, sign.label()).changed() {
                commands.push(DiaryCommand::SetSign { sign, on }.into());
            }
        }
    });
    let pointers = entry.red_flag_pointers(content);
    if !pointers.is_empty() {
        widgets::notice_box(ui, |ui| {
            ui.label(RichText::new("Check the red-flag list").strong());
            for pointer in pointers {
                ui.label(&pointer.text);
                for id in &pointer.red_flags {
                    if let Some(flag) = content.red_flag(id) {
                        ui.label(RichText::new(format!("• {}", flag.text)).italics());
                    }
                }
            }
            ui.label(
                RichText::new(
                    "The diary never ticks a red flag for you: if one fits, tick it in the checklist on the right.",
                )
                .small(),
            );
        });
    }
    widgets::section_title(ui, "Note");
    let mut note = entry.note.clone();
    let response = ui.add(
        egui::TextEdit::multiline(&mut note)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .hint_text("Anything else (optional)"),
    );
    response.widget_info(|| egui::WidgetInfo::text_edit(true, "", &note, "Note"));
    if response.changed() {
        commands.push(DiaryCommand::SetNote(note).into());
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| save_buttons_ui(ui, commands, "bottom"));
}

/// Save and Discard, shown above and below the entry so they are in reach however long it is. The lower pair
/// is named apart for screen readers.
fn save_buttons_ui(ui: &mut Ui, commands: &mut Vec<AppCommand>, place: &str) {
    let save = ui.add(egui::Button::new(RichText::new("Save entry").strong()));
    if place == "bottom" {
        save.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, "Save entry (end of form)")
        });
    }
    if save.clicked() {
        commands.push(DiaryCommand::SaveDraft.into());
    }
    let discard = ui.button("Discard");
    if place == "bottom" {
        discard.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, "Discard entry (end of form)")
        });
    }
    if discard.clicked() {
        commands.push(DiaryCommand::DiscardDraft.into());
    }
}

/// During or after a run: which run, and where the pain started.
fn run_link_ui(
    ui: &mut Ui,
    view: &DiaryView<'_>,
    state: &mut DiaryUi,
    entry: &DiaryEntry,
    commands: &mut Vec<AppCommand>,
) {
    let units = view.data.running.settings.units;
    let day = local_time(entry.at_utc).date_naive();
    let near: Vec<&crate::running::Run> = view
        .data
        .running
        .runs
        .iter()
        .filter(|run| run.sport.is_run())
        .filter(|run| {
            let run_day = local_time(run.start_utc).date_naive();
            (run_day - day).num_days().abs() <= 1
        })
        .collect();
    let run_label = |run: &crate::running::Run| {
        format!(
            "{} run, {}",
            local_time(run.start_utc).format("%a %d %b %H:%M"),
            units.format(run.distance_m)
        )
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("Which run");
        let selected = entry
            .run_id
            .and_then(|id| view.data.running.runs.iter().find(|run| run.id == id))
            .map_or_else(|| "None".to_owned(), &run_label);
        let mut chosen = entry.run_id;
        egui::ComboBox::from_id_salt("diary_run")
            .selected_text(selected)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, "None");
                for run in &near {
                    ui.selectable_value(&mut chosen, Some(run.id), run_label(run));
                }
            })
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Which run"));
        if chosen != entry.run_id {
            commands.push(DiaryCommand::LinkRun(chosen).into());
        }
        if near.is_empty() {
            ui.label(
                RichText::new("No run logged within a day of this entry.")
                    .small()
                    .color(theme::colors(ui).muted_text),
            );
        }
    });
    if !entry.contexts.contains(&PainContext::DuringRun) {
        return;
    }
    if state.onset_text_for != Some(SyncedOnset(entry.onset)) {
        state.onset_text = match entry.onset {
            Some(Onset::AtKm(km)) => {
                state.onset_unit = OnsetUnit::Km;
                format!("{km}")
            }
            Some(Onset::AtMinute(minute)) => {
                state.onset_unit = OnsetUnit::Minutes;
                minute.to_string()
            }
            None => String::new(),
        };
        state.onset_text_for = Some(SyncedOnset(entry.onset));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Pain started at");
        let response = ui.add(
            egui::TextEdit::singleline(&mut state.onset_text)
                .desired_width(60.0)
                .hint_text("e.g. 8"),
        );
        response.widget_info(|| {
            egui::WidgetInfo::text_edit(true, "", &state.onset_text, "Pain started at")
        });
        let mut unit = state.onset_unit;
        ui.radio_value(&mut unit, OnsetUnit::Km, "km");
        ui.radio_value(&mut unit, OnsetUnit::Minutes, "minutes into the run");
        if response.changed() || unit != state.onset_unit {
            state.onset_unit = unit;
            let text = state.onset_text.trim().replace(',', ".");
            let onset = if text.is_empty() {
                Some(None)
            } else {
                match unit {
                    OnsetUnit::Km => text.parse::<f64>().ok().map(|km| Some(Onset::AtKm(km))),
                    OnsetUnit::Minutes => {
                        text.parse::<u32>().ok().map(|m| Some(Onset::AtMinute(m)))
                    }
                }
            };
            if let Some(onset) = onset {
                state.onset_text_for = Some(SyncedOnset(onset));
                commands.push(DiaryCommand::SetOnset(onset).into());
            }
        }
    });
}

/// Height of one row of the entries list (two lines and spacing).
const ENTRY_ROW_HEIGHT: f32 = 46.0;

fn entries_section_ui(
    ui: &mut Ui,
    content: &Content,
    view: &DiaryView<'_>,
    state: &mut DiaryUi,
    commands: &mut Vec<AppCommand>,
) {
    let entries = &view.data.diary.entries;
    widgets::heading(ui, &format!("Entries ({})", entries.len()), 1);
    if entries.is_empty() {
        ui.label("No entries yet. Log pain on the diagram to start the diary.");
        return;
    }
    // Newest first; only the rows in view are laid out, so ten years of entries cost what one screen shows.
    egui::ScrollArea::vertical()
        .id_salt("diary_entries")
        .auto_shrink([false, false])
        .show_rows(ui, ENTRY_ROW_HEIGHT, entries.len(), |ui, rows| {
            for row in rows {
                let Some(entry) = entries
                    .len()
                    .checked_sub(row + 1)
                    .and_then(|i| entries.get(i))
                else {
                    continue;
                };
                entry_row_ui(ui, content, entry, state, commands);
            }
        });
}

fn entry_row_ui(
    ui: &mut Ui,
    content: &Content,
    entry: &DiaryEntry,
    state: &mut DiaryUi,
    commands: &mut Vec<AppCommand>,
) {
    let when = local_time(entry.at_utc)
        .format("%a %d %b %Y, %H:%M")
        .to_string();
    let marks: Vec<String> = entry
        .marks
        .iter()
        .map(|m| {
            format!(
                "{} {} {} ({})",
                m.knee.label(),
                m.place_label(content),
                m.intensity,
                m.quality.label()
            )
        })
        .collect();
    let contexts: Vec<&str> = entry.contexts.iter().map(|c| c.label()).collect();
    ui.horizontal(|ui| {
        ui.set_height(ENTRY_ROW_HEIGHT - 6.0);
        let edit = ui.button("Edit");
        edit.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Edit entry of {when}"))
        });
        if edit.clicked() {
            state.section = DiarySection::Entry;
            commands.push(DiaryCommand::EditEntry(entry.id).into());
        }
        let delete = ui.button("Delete");
        delete.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Delete entry of {when}"))
        });
        if delete.clicked() {
            commands.push(DiaryCommand::DeleteEntry(entry.id).into());
        }
        ui.vertical(|ui| {
            let top = if contexts.is_empty() {
                when.clone()
            } else {
                format!("{when} · {}", contexts.join(", "))
            };
            ui.label(RichText::new(top).strong());
            ui.add(egui::Label::new(marks.join("; ")).truncate());
        });
    });
}
