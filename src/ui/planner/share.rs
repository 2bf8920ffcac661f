//! The share view: export the plan, logs and runs (calendar, printable sessions, report for the physio, CSV,
//! JSON, plan file) and import a `.kneemap-plan` file with a preview first. File dialogs run off the UI thread;
//! when no dialog service answers, a typed path does the same.

use std::path::PathBuf;

use chrono::NaiveTime;
use egui::{RichText, Ui};

use super::PlannerUi;
use crate::command::AppCommand;
use crate::dialog::{DialogHandle, DialogKind, DialogResult};
use crate::export::request::{ExportKind, ExportRequest};
use crate::export::{Paper, PrintRange, SessionTime};
use crate::planner::{self, PlannerData};
use crate::ui::{theme, widgets};

/// The share view's own state: options, a dialog waiting for an answer, typed paths.
#[derive(Debug, Default)]
pub struct ShareUi {
    paper_letter: bool,
    /// 0 = the whole plan, otherwise a 1-based week to print.
    print_week: usize,
    /// Calendar time per weekday: `None` = all-day.
    times: [Option<(u32, u32)>; 7],
    author: String,
    /// Typed path, used when no dialog service is available (and always offered).
    path: String,
    plan_path: String,
    pending: Option<(Pending, DialogHandle)>,
    /// The dialog service is missing: say so and use the typed paths.
    no_dialog: Option<String>,
}

#[derive(Debug, Clone, Copy)]
enum Pending {
    Save(ExportKind),
    OpenPlan,
}

/// What the app tells the share view.
pub struct ShareContext<'a> {
    pub export_message: Option<&'a str>,
    pub preview: Option<&'a crate::export::ImportedPlan>,
    pub preview_problems: &'a [String],
    pub content: &'a crate::content::Content,
}

impl ShareUi {
    fn request(&self, kind: ExportKind) -> ExportRequest {
        let mut request = ExportRequest::new(kind);
        request.paper = if self.paper_letter {
            Paper::Letter
        } else {
            Paper::A4
        };
        request.range = match self.print_week {
            0 => PrintRange::WholePlan,
            week => PrintRange::Week(week - 1),
        };
        for (day, time) in self.times.iter().enumerate() {
            request.times.by_weekday[day] =
                match time.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)) {
                    Some(at) => SessionTime::At(at),
                    None => SessionTime::AllDay,
                };
        }
        self.author.trim().clone_into(&mut request.author);
        request
    }
}

pub(super) fn share_ui(
    ui: &mut Ui,
    data: &PlannerData,
    state: &mut PlannerUi,
    context: &ShareContext<'_>,
    commands: &mut Vec<AppCommand>,
) {
    let share = &mut state.share;
    poll(ui, share, commands);
    widgets::heading(ui, "Export and share", 2);
    if let Some(message) = context.export_message {
        ui.label(RichText::new(message).strong());
    }
    if let Some(reason) = &share.no_dialog {
        ui.label(
            RichText::new(format!("{reason} Type a path below instead."))
                .color(theme::colors(ui).warning_text),
        );
    }
    let weeks = data.plan.as_ref().map_or(0, |p| p.weeks.len());
    egui::Grid::new("export_options")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label("Paper");
            ui.horizontal(|ui| {
                ui.radio_value(&mut share.paper_letter, false, "A4");
                ui.radio_value(&mut share.paper_letter, true, "US Letter");
            });
            ui.end_row();
            ui.label("Print");
            let shown = match share.print_week {
                0 => "The whole plan".to_owned(),
                week => format!("Week {week}"),
            };
            egui::ComboBox::from_id_salt("print_week")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut share.print_week, 0, "The whole plan");
                    for week in 1..=weeks {
                        ui.selectable_value(&mut share.print_week, week, format!("Week {week}"));
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Weeks to print")
                });
            ui.end_row();
            ui.label("Calendar times");
            ui.horizontal_wrapped(|ui| {
                for (day, time) in share.times.iter_mut().enumerate() {
                    let name = &planner::day_name(day)[..3];
                    let mut timed = time.is_some();
                    let label = format!("{} at a set time", planner::day_name(day));
                    ui.checkbox(&mut timed, name).widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::CheckBox, true, timed, &label)
                    });
                    match (timed, time.as_mut()) {
                        (true, Some((hour, minute))) => {
                            let hour_label = format!("{} hour", planner::day_name(day));
                            ui.add(egui::DragValue::new(hour).range(0..=23))
                                .widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::Role::SpinButton,
                                        true,
                                        &hour_label,
                                    )
                                });
                            let minute_label = format!("{} minute", planner::day_name(day));
                            ui.add(egui::DragValue::new(minute).range(0..=59).speed(5))
                                .widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::Role::SpinButton,
                                        true,
                                        &minute_label,
                                    )
                                });
                        }
                        (true, None) => *time = Some((7, 0)),
                        (false, _) => *time = None,
                    }
                }
            });
            ui.end_row();
            ui.label("Your name on a shared plan");
            ui.add(egui::TextEdit::singleline(&mut share.author).desired_width(220.0))
                .widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::TextInput,
                        true,
                        "Author of the plan file",
                    )
                });
            ui.end_row();
            ui.label("Path (if no file dialog)");
            ui.add(
                egui::TextEdit::singleline(&mut share.path)
                    .hint_text("/home/me/Documents/kneemap-report.pdf")
                    .desired_width(360.0),
            )
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Path to save to")
            });
            ui.end_row();
        });
    ui.add_space(4.0);
    let busy = share.pending.is_some();
    for kind in ExportKind::ALL {
        ui.horizontal(|ui| {
            let ready = !kind.needs_plan() || data.plan.is_some();
            let save = ui
                .add_enabled(
                    ready && !busy,
                    egui::Button::new(format!("Save {}…", kind.label())),
                )
                .on_disabled_hover_text("Make or import a plan first");
            if save.clicked() {
                let ctx = ui.ctx().clone();
                let handle = DialogHandle::open(
                    DialogKind::SaveFile {
                        suggested_name: kind.suggested_name(),
                        extension: kind.extension().to_owned(),
                    },
                    move || ctx.request_repaint(),
                );
                share.pending = Some((Pending::Save(kind), handle));
            }
            let typed = share.path.trim();
            let to_path = ui.add_enabled(
                ready && !typed.is_empty(),
                egui::Button::new("to the typed path"),
            );
            let label = format!("Save {} to the typed path", kind.label());
            to_path.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ready, &label));
            if to_path.clicked() {
                commands.push(AppCommand::Export {
                    request: share.request(kind),
                    path: PathBuf::from(typed),
                });
            }
        });
    }
    if busy {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Waiting for the file dialog…");
        });
    }

    ui.separator();
    widgets::heading(ui, "Import a plan", 2);
    ui.label(
        RichText::new("A .kneemap-plan file from a physio or coach. KneeMap checks the whole file first and shows it before anything changes.")
            .color(theme::colors(ui).muted_text),
    );
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!busy, egui::Button::new("Choose a plan file…"))
            .clicked()
        {
            let ctx = ui.ctx().clone();
            share.pending = Some((
                Pending::OpenPlan,
                DialogHandle::open(DialogKind::OpenPlanFile, move || ctx.request_repaint()),
            ));
        }
        ui.add(
            egui::TextEdit::singleline(&mut share.plan_path)
                .hint_text("path to a .kneemap-plan file")
                .desired_width(300.0),
        )
        .widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::TextInput,
                true,
                "Path of the plan file to import",
            )
        });
        let typed = share.plan_path.trim();
        if ui
            .add_enabled(!typed.is_empty(), egui::Button::new("Check this file"))
            .clicked()
        {
            commands.push(AppCommand::ReadPlanFile(PathBuf::from(typed)));
        }
    });
    if !context.preview_problems.is_empty() {
        ui.label(
            RichText::new("The plan file was refused; nothing was changed:")
                .strong()
                .color(theme::colors(ui).error_text),
        );
        for problem in context.preview_problems {
            ui.label(RichText::new(problem).color(theme::colors(ui).error_text));
        }
    }
    if let Some(preview) = context.preview {
        egui::Frame::group(ui.style())
            .fill(theme::colors(ui).notice_fill)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                for line in preview.preview_lines(context.content) {
                    ui.label(line);
                }
                ui.horizontal(|ui| {
                    if ui.button("Add as a new plan").clicked() {
                        commands.push(AppCommand::AcceptPlanImport { keep_current: true });
                    }
                    if data.plan.is_some() && ui.button("Replace the current plan").clicked() {
                        commands.push(AppCommand::AcceptPlanImport {
                            keep_current: false,
                        });
                    }
                    if ui.button("Cancel the import").clicked() {
                        commands.push(AppCommand::DiscardPlanImport);
                    }
                });
            });
    }
}

/// Turns a finished dialog into a command, or notes that no dialog service is available.
fn poll(ui: &Ui, share: &mut ShareUi, commands: &mut Vec<AppCommand>) {
    let Some((pending, handle)) = share.pending.as_mut() else {
        return;
    };
    let Some(result) = handle.poll() else {
        return;
    };
    let pending = *pending;
    share.pending = None;
    match result {
        DialogResult::Picked(paths) => {
            let Some(path) = paths.into_iter().next() else {
                return;
            };
            match pending {
                Pending::Save(kind) => commands.push(AppCommand::Export {
                    request: share.request(kind),
                    path,
                }),
                Pending::OpenPlan => commands.push(AppCommand::ReadPlanFile(path)),
            }
        }
        DialogResult::Cancelled => {}
        DialogResult::Unavailable(reason) => {
            share.no_dialog = Some(reason);
            ui.ctx().request_repaint();
        }
    }
}
