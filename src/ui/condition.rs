//! The condition panel: a short summary first (what it is, where it hurts, what helps first, when to see
//! someone), then a compact "Also consider" ranking and the symptom questions that re-rank it, then the full
//! body — causes with evidence, exercises and the programme's phases, the questions runners ask a clinician,
//! timeline, when to see someone, the other causes at the spot ("If it doesn't fit") and sources.

use egui::{RichText, Ui};

use super::{culled_scroll, theme, widgets};
use crate::command::AppCommand;
use crate::content::{AgeBand, Claim, Condition, Content, Location, OtherCause};
use crate::map::ranking::{self, Candidate};
use crate::map::state::{Command, MapState};
use crate::navigation::NavCommand;

/// Heading text of a condition panel (also what tests look for).
pub fn panel_heading(condition: &Condition) -> String {
    format!("{} — {}", condition.lay_name, condition.clinical_name)
}

/// Accessible name of the summary block at the top of a condition panel (tests look for it).
pub const SUMMARY_LABEL: &str = "Condition summary";

/// Title of the collapsing section with the symptom questions.
pub const QUESTIONS_TITLE: &str = "Refine with symptom questions";

/// Heading of the section listing other causes at the spot (tests look for it).
pub const DOESNT_FIT_TITLE: &str = "If it doesn't fit";

/// Heading of the section with the clinical topics (tests look for it).
pub const CLINICAL_TOPICS_TITLE: &str = "Questions runners ask a clinician";

/// The claims of a summary topic that the summary block does not show (it shows the first).
fn after_summary(claims: &[Claim]) -> &[Claim] {
    claims.get(1..).unwrap_or_default()
}

/// The parts of the condition body, each drawn as its own block of the scrolling panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum BodyPart {
    More,
    WhyItHappens,
    WhatHelps,
    ExerciseEmphasis,
    Running,
    ClinicalTopics,
    Timeline,
    SeeSomeone,
    DoesntFit,
    Sources,
}

/// The blocks of the condition panel's scrolling part, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum PanelBlock {
    Summary,
    AlsoConsider,
    SymptomQuestions,
    Body(BodyPart),
}

impl PanelBlock {
    const ALL: [Self; 13] = [
        Self::Summary,
        Self::AlsoConsider,
        Self::SymptomQuestions,
        Self::Body(BodyPart::More),
        Self::Body(BodyPart::WhyItHappens),
        Self::Body(BodyPart::WhatHelps),
        Self::Body(BodyPart::ExerciseEmphasis),
        Self::Body(BodyPart::Running),
        Self::Body(BodyPart::ClinicalTopics),
        Self::Body(BodyPart::Timeline),
        Self::Body(BodyPart::SeeSomeone),
        Self::Body(BodyPart::DoesntFit),
        Self::Body(BodyPart::Sources),
    ];
}

/// The Condition tab.
///
/// `drawn_revision` changes whenever the map state may have changed (see `culled_scroll`).
pub fn condition_tab_ui(
    ui: &mut Ui,
    content: &Content,
    state: &MapState,
    age_band: Option<crate::content::AgeBand>,
    drawn_revision: u64,
) -> Vec<AppCommand> {
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

    widgets::heading(ui, &panel_heading(condition), 1);
    let context = match location {
        Some(location) => format!(
            "One possible explanation for pain at: {}. Educational information, not a diagnosis.",
            location.label
        ),
        None => "Educational information, not a diagnosis.".to_owned(),
    };
    ui.label(
        RichText::new(context)
            .small()
            .color(theme::colors(ui).muted_text),
    );
    ui.add_space(2.0);

    let scroll = egui::ScrollArea::vertical()
        .id_salt(("condition_scroll", &condition.id))
        .auto_shrink([false, false]);
    let other_causes = other_causes_for(content, condition, location, age_band);
    // Only the blocks near the visible part are laid out; see `culled_scroll`. Empty blocks are left out.
    let blocks: Vec<PanelBlock> = PanelBlock::ALL
        .into_iter()
        .filter(|block| match block {
            PanelBlock::AlsoConsider => location.is_some(),
            PanelBlock::Body(BodyPart::WhatHelps) => {
                !after_summary(&condition.what_helps_first).is_empty()
            }
            PanelBlock::Body(BodyPart::ClinicalTopics) => content
                .guidance
                .clinical_topics
                .iter()
                .any(|t| t.conditions.contains(&condition.id)),
            PanelBlock::Body(BodyPart::DoesntFit) => !other_causes.is_empty(),
            _ => true,
        })
        .collect();
    culled_scroll::show(
        ui,
        "condition_panel",
        scroll,
        drawn_revision,
        &blocks,
        |ui, block| match block {
            PanelBlock::Summary => summary_ui(ui, content, condition),
            PanelBlock::AlsoConsider => {
                if let Some(location) = location {
                    let candidates = ranking::rank(content, location, &state.yes_answers, age_band);
                    also_consider_ui(ui, content, &condition.id, &candidates, &mut commands);
                }
            }
            PanelBlock::SymptomQuestions => {
                symptom_questions_ui(ui, content, state, &mut commands);
            }
            PanelBlock::Body(BodyPart::DoesntFit) => {
                doesnt_fit_ui(ui, content, location, &other_causes);
            }
            PanelBlock::Body(part) => {
                body_part_ui(ui, content, condition, *part, &mut commands);
            }
        },
    );
    commands
}

/// The answer first: what it is, where it hurts, what helps first and when to see someone, one claim each with
/// its evidence; a clinician-led condition says so before anything else.
fn summary_ui(ui: &mut Ui, content: &Content, condition: &Condition) {
    if let Some(reason) = &condition.clinician_led {
        egui::Frame::new()
            .fill(theme::colors(ui).error_fill)
            .corner_radius(6.0)
            .inner_margin(8)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                widgets::heading(ui, "Managed with a physiotherapist or doctor", 2);
                ui.label(RichText::new(reason).color(theme::colors(ui).error_text));
                ui.label(
                    RichText::new(
                        "KneeMap offers no self-guided programme for this condition; the planner will not \
                         generate one.",
                    )
                    .small()
                    .color(theme::colors(ui).error_text),
                );
            });
        ui.add_space(4.0);
    }
    let topics: [(&str, &[Claim]); 4] = [
        ("What it is", &condition.summary),
        ("Where it hurts", &condition.where_it_hurts),
        ("What helps first", &condition.what_helps_first),
        ("When to see someone", &condition.see_someone_if),
    ];
    let response = egui::Frame::new()
        .fill(theme::colors(ui).notice_fill)
        .corner_radius(6.0)
        .inner_margin(8)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for (title, claims) in topics {
                if let Some(claim) = claims.first() {
                    // The title runs into its text, so each topic takes as few lines as it can.
                    ui.horizontal_wrapped(|ui| {
                        widgets::heading(ui, title, 3);
                        ui.label(&claim.text);
                    });
                    widgets::evidence_line(ui, content, content.claim_level(claim), &claim.sources);
                    ui.add_space(2.0);
                }
            }
        })
        .response;
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, SUMMARY_LABEL));
    ui.add_space(4.0);
}

fn welcome_ui(ui: &mut Ui, content: &Content) {
    widgets::heading(ui, "Where does it hurt?", 1);
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
            widgets::section_title(ui, "The conditions KneeMap covers");
            for condition in &content.conditions {
                ui.label(format!("• {}", panel_heading(condition)));
            }
        });
}

/// The ranking, one line per candidate: why it fits is on hover (and read out with the name); the
/// "Ranked higher because …" explanation of an answered question shows as small text under it.
fn also_consider_ui(
    ui: &mut Ui,
    content: &Content,
    open_id: &str,
    candidates: &[Candidate],
    commands: &mut Vec<AppCommand>,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            widgets::heading(ui, "Also consider", 2);
            ui.label(
                RichText::new("most likely first; hover a name for why it fits")
                    .small()
                    .color(theme::colors(ui).muted_text),
            );
        });
        for (rank, candidate) in candidates.iter().enumerate() {
            let Some(condition) = content.condition(&candidate.condition_id) else {
                continue;
            };
            let is_open = candidate.condition_id == open_id;
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{}.", rank + 1)).strong());
                let name = format!("{} ({})", condition.lay_name, condition.clinical_name);
                let response = if is_open {
                    let response = ui.label(RichText::new(&name).strong());
                    ui.label(
                        RichText::new("shown here")
                            .small()
                            .color(theme::colors(ui).muted_text),
                    );
                    response
                } else {
                    let link = ui.link(&name);
                    if link.clicked() {
                        commands.push(Command::OpenCondition(condition.id.clone()).into());
                    }
                    link
                };
                if let Some(why) = &candidate.why {
                    let spoken = format!("{name}: {why}");
                    let role = if is_open {
                        egui::Role::Label
                    } else {
                        egui::Role::Link
                    };
                    response
                        .on_hover_text(why)
                        .widget_info(|| egui::WidgetInfo::labeled(role, true, &spoken));
                }
                if candidate.is_primary {
                    widgets::chip(
                        ui,
                        "most common here",
                        theme::colors(ui).notice_fill,
                        theme::colors(ui).accent,
                    );
                }
            });
            if let Some(explanation) = candidate.explanation() {
                ui.indent(("candidate", &candidate.condition_id), |ui| {
                    ui.label(
                        RichText::new(explanation)
                            .small()
                            .italics()
                            .color(theme::colors(ui).accent),
                    );
                });
            }
        }
    });
}

/// The symptom questions, folded away until the user opens them; once any is answered the section stays open.
fn symptom_questions_ui(
    ui: &mut Ui,
    content: &Content,
    state: &MapState,
    commands: &mut Vec<AppCommand>,
) {
    let answered = !state.yes_answers.is_empty();
    let title = if answered {
        format!("{QUESTIONS_TITLE} ({} answered)", state.yes_answers.len())
    } else {
        QUESTIONS_TITLE.to_owned()
    };
    // Answered and unanswered keep separate open states, so the first answer opens the section.
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("symptom_questions", answered))
        .default_open(answered)
        .show(ui, |ui| {
            ui.label(
                RichText::new(
                    "Tick what is true for you. Each tick moves the ranking above and says why.",
                )
                .small()
                .color(theme::colors(ui).muted_text),
            );
            for question in &content.symptoms {
                let mut yes = state.yes_answers.contains(&question.id);
                if ui.checkbox(&mut yes, &question.question).changed() {
                    commands.push(
                        Command::SetSymptom {
                            question_id: question.id.clone(),
                            yes,
                        }
                        .into(),
                    );
                }
            }
            if answered && ui.button("Clear answers").clicked() {
                commands.push(Command::ClearSymptoms.into());
            }
        });
}

/// One part of the condition body.
fn body_part_ui(
    ui: &mut Ui,
    content: &Content,
    condition: &Condition,
    part: BodyPart,
    commands: &mut Vec<AppCommand>,
) {
    match part {
        BodyPart::More => {
            ui.separator();
            more_about_ui(ui, content, condition);
        }
        BodyPart::WhyItHappens => why_it_happens_ui(ui, content, condition, commands),
        BodyPart::WhatHelps => {
            widgets::section_title(ui, "More on what helps first");
            widgets::claims_ui(ui, content, after_summary(&condition.what_helps_first));
        }
        BodyPart::ExerciseEmphasis => exercise_emphasis_ui(ui, content, condition, commands),
        BodyPart::Running => {
            widgets::section_title(ui, "Running while it settles");
            widgets::claims_ui(ui, content, &condition.running_guidance);
        }
        BodyPart::Timeline => {
            widgets::section_title(ui, "What to expect (honest timeline)");
            widgets::claims_ui(ui, content, &condition.timeline);
        }
        BodyPart::ClinicalTopics => clinical_topics_ui(ui, content, condition),
        BodyPart::SeeSomeone => see_someone_ui(ui, content, condition),
        // Drawn by the caller, which knows the spot.
        BodyPart::DoesntFit => {}
        BodyPart::Sources => sources_ui(ui, content, condition),
    }
}

/// The other causes worth considering at the picked spot, or (no spot picked) at every spot where this
/// condition is the usual cause. Causes restricted by age show only once the age band is known and fits.
fn other_causes_for<'a>(
    content: &'a Content,
    condition: &Condition,
    location: Option<&Location>,
    age_band: Option<AgeBand>,
) -> Vec<&'a OtherCause> {
    let spots: Vec<&str> = match location {
        Some(location) => vec![location.id.as_str()],
        None => content
            .locations()
            .into_iter()
            .filter(|l| l.primary == condition.id)
            .map(|l| l.id.as_str())
            .collect(),
    };
    content
        .regions
        .other_causes
        .iter()
        .filter(|c| c.locations.iter().any(|l| spots.contains(&l.as_str())))
        .filter(|c| {
            c.only_for_ages.is_empty() || age_band.is_some_and(|band| c.applies_to_age(band))
        })
        .collect()
}

/// "If it doesn't fit": other causes at the spot, each with what points to it and who can check it.
fn doesnt_fit_ui(
    ui: &mut Ui,
    content: &Content,
    location: Option<&Location>,
    causes: &[&OtherCause],
) {
    widgets::section_title(ui, DOESNT_FIT_TITLE);
    let intro = match location {
        Some(location) => format!(
            "Other causes of pain at this spot ({}) that KneeMap has no panel for. If one fits better, see \
             the person named; the red-flag checklist still comes first.",
            location.label.to_lowercase()
        ),
        None => "Other causes of pain where this condition usually hurts, which KneeMap has no panel for. If \
                 one fits better, see the person named; the red-flag checklist still comes first."
            .to_owned(),
    };
    ui.label(RichText::new(intro).color(theme::colors(ui).muted_text));
    for cause in causes {
        ui.horizontal_top(|ui| {
            ui.label("•");
            ui.vertical(|ui| {
                ui.label(RichText::new(&cause.name).strong());
                ui.label(&cause.fits_if);
                ui.label(RichText::new(format!("Who to see: {}", cause.who)).italics());
                let level = cause
                    .level
                    .unwrap_or_else(|| content.best_source_level(&cause.sources));
                widgets::evidence_line(ui, content, level, &cause.sources);
            });
        });
    }
}

/// The clinical topics this condition's panel shows, each folded under its question.
fn clinical_topics_ui(ui: &mut Ui, content: &Content, condition: &Condition) {
    widgets::section_title(ui, CLINICAL_TOPICS_TITLE);
    for topic in content
        .guidance
        .clinical_topics
        .iter()
        .filter(|t| t.conditions.contains(&condition.id))
    {
        egui::CollapsingHeader::new(RichText::new(&topic.title).strong())
            .id_salt(("clinical_topic", &condition.id, &topic.id))
            .show(ui, |ui| widgets::claims_ui(ui, content, &topic.points));
    }
}

fn more_about_ui(ui: &mut Ui, content: &Content, condition: &Condition) {
    widgets::section_title(
        ui,
        &format!("More about {}", condition.lay_name.to_lowercase()),
    );
    widgets::claims_ui(ui, content, after_summary(&condition.summary));
    let sections = [
        (
            "More on where it hurts",
            after_summary(&condition.where_it_hurts),
        ),
        (
            "What it feels like",
            condition.what_it_feels_like.as_slice(),
        ),
        (
            "What makes it worse",
            condition.what_makes_it_worse.as_slice(),
        ),
    ];
    for (title, claims) in sections {
        if claims.is_empty() {
            continue;
        }
        widgets::section_title(ui, title);
        widgets::claims_ui(ui, content, claims);
    }
}

fn why_it_happens_ui(
    ui: &mut Ui,
    content: &Content,
    condition: &Condition,
    commands: &mut Vec<AppCommand>,
) {
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
                        commands
                            .push(NavCommand::ShowPrevention(contributor.factor.clone()).into());
                    }
                });
                ui.label(&contributor.text);
                widgets::evidence_line(ui, content, contributor.level, &contributor.sources);
            });
        });
    }
}

fn see_someone_ui(ui: &mut Ui, content: &Content, condition: &Condition) {
    widgets::section_title(ui, "More on when to see someone");
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
    widgets::claims_ui(ui, content, after_summary(&condition.see_someone_if));
}

fn sources_ui(ui: &mut Ui, content: &Content, condition: &Condition) {
    ui.add_space(6.0);
    egui::CollapsingHeader::new(
        RichText::new(format!("Sources ({})", condition.references.len()))
            .strong()
            .size(theme::size::SECTION),
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
        .color(theme::colors(ui).muted_text),
    );
}

/// Exercise emphasis, the programme's phases and the pain rule behind them. A clinician-led condition lists
/// the exercises a clinician may use, without a programme.
fn exercise_emphasis_ui(
    ui: &mut Ui,
    content: &Content,
    condition: &Condition,
    commands: &mut Vec<AppCommand>,
) {
    let emphasis = &condition.exercise_emphasis;
    widgets::section_title(ui, "Exercise emphasis");
    widgets::claims_ui(ui, content, &emphasis.summary);
    ui.horizontal_wrapped(|ui| {
        ui.label(if condition.clinician_led.is_some() {
            "Exercises a physiotherapist may choose from:"
        } else {
            "Exercises:"
        });
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
                commands.push(NavCommand::ShowExercise(exercise.id.clone()).into());
            }
        }
    });
    if condition.clinician_led.is_some() {
        return;
    }
    let phases = content.phase_summaries(&condition.id);
    if phases.is_empty() {
        return;
    }
    widgets::heading(ui, "Suggested programme", 3);
    for (index, phase) in phases.iter().enumerate() {
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
    widgets::heading(ui, "How much pain is acceptable", 3);
    widgets::claims_ui(ui, content, &content.pain_monitoring.explanation);
}
