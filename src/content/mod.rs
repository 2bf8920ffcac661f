//! The app's content: typed model, loading from the embedded copy or a directory, and validation.
//!
//! Content is parsed and validated once at start-up; the UI only reads the resulting [`Content`].

mod error;
mod load;
pub(crate) mod model;
mod validate;

pub use error::{ContentError, ContentErrorKind, ContentErrors};
pub use load::{CONTENT_FILES, ContentFileKind, RawContent};
pub use model::*;

/// All content, parsed and validated. Treat it as read-only after loading: lookups use an index built then.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    /// Position of each source id in `sources` (sources are looked up for every claim drawn).
    source_index: std::collections::HashMap<String, usize>,
    pub sources: Vec<Source>,
    pub conditions: Vec<Condition>,
    pub regions: RegionsFile,
    pub symptoms: Vec<SymptomQuestion>,
    pub red_flags: Vec<RedFlag>,
    pub exercises: Vec<Exercise>,
    pub guidance: Guidance,
    /// The pain-monitoring rule every programme uses (`programmes.ron`).
    pub pain_monitoring: PainMonitoring,
    /// Suggested programmes, one per condition that is not clinician-led (`programmes.ron`).
    pub programmes: Vec<Programme>,
    /// Running load rules, return-to-run plans, shoe and cadence texts (`running.ron`).
    pub running: model::running::RunningGuidance,
}

impl Content {
    /// Assembles content from parsed files and builds the lookup index (validation is separate).
    #[expect(
        clippy::too_many_arguments,
        reason = "One argument per content file, each parsed separately."
    )]
    pub(crate) fn assemble(
        sources: Vec<Source>,
        conditions: Vec<Condition>,
        regions: RegionsFile,
        symptoms: Vec<SymptomQuestion>,
        red_flags: Vec<RedFlag>,
        exercises: Vec<Exercise>,
        guidance: Guidance,
        programmes: ProgrammesFile,
        running: model::running::RunningGuidance,
    ) -> Self {
        let mut source_index = std::collections::HashMap::new();
        for (i, source) in sources.iter().enumerate() {
            // The first definition wins; duplicates are reported by validation.
            source_index.entry(source.id.clone()).or_insert(i);
        }
        Self {
            source_index,
            sources,
            conditions,
            regions,
            symptoms,
            red_flags,
            exercises,
            guidance,
            pain_monitoring: programmes.pain_monitoring,
            programmes: programmes.programmes,
            running,
        }
    }

    /// Parses and validates the copy of `content/` compiled into the binary.
    pub fn embedded() -> Result<Self, ContentErrors> {
        RawContent::embedded().parse()
    }

    /// Parses and validates the content files in `dir` (for content authors).
    pub fn from_dir(dir: &std::path::Path) -> Result<Self, ContentErrors> {
        RawContent::from_dir(dir)?.parse()
    }

    /// The content's review date: the oldest `last_reviewed` of its conditions (the content is as current as its
    /// least recently reviewed panel), with the newest when they differ.
    pub fn review_date(&self) -> Option<String> {
        let dates = self.conditions.iter().map(|c| c.last_reviewed.as_str());
        let oldest = dates.clone().min()?;
        let newest = dates.max()?;
        Some(if oldest == newest {
            oldest.to_owned()
        } else {
            format!("{oldest} (oldest panel; newest {newest})")
        })
    }

    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.id == id)
    }

    /// The suggested programme for a condition; `None` for clinician-led conditions.
    pub fn programme_for(&self, condition_id: &str) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.condition == condition_id)
    }

    /// Condition ids that have a programme, in `programmes.ron` order.
    pub fn programme_condition_ids(&self) -> impl Iterator<Item = &str> {
        self.programmes.iter().map(|p| p.condition.as_str())
    }

    /// The phases of a condition's programme as the condition panel shows them (empty when it has none).
    pub fn phase_summaries(&self, condition_id: &str) -> Vec<PhaseSummary> {
        let Some(programme) = self.programme_for(condition_id) else {
            return Vec::new();
        };
        programme
            .phases
            .iter()
            .map(|phase| {
                let sessions = if phase.schedule_note.is_empty() {
                    phase.schedule.label()
                } else {
                    format!("{} ({})", phase.schedule.label(), phase.schedule_note)
                };
                let dose = if phase.dose_note.is_empty() {
                    phase.dose.describe()
                } else {
                    format!("{}. {}", phase.dose.describe(), phase.dose_note)
                };
                let weeks = if phase.start_when.is_empty() {
                    phase.weeks_label()
                } else {
                    format!(
                        "{} at the earliest: it starts once you confirm {}",
                        phase.weeks_label(),
                        phase.start_when.join("; ").to_lowercase()
                    )
                };
                PhaseSummary {
                    name: phase.name.clone(),
                    weeks,
                    sessions_per_week: sessions,
                    exercises: phase
                        .exercise_ids()
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                    dose,
                    progress_when: phase.progress_when.clone(),
                    ease_off_when: phase.ease_off_when.clone(),
                    heavy_load: phase.heavy_load,
                    sources: phase.sources.clone(),
                }
            })
            .collect()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).and_then(|i| self.sources.get(*i))
    }

    pub fn red_flag(&self, id: &str) -> Option<&RedFlag> {
        self.red_flags.iter().find(|f| f.id == id)
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    pub fn factor(&self, id: &str) -> Option<&Factor> {
        self.guidance.factors.iter().find(|f| f.id == id)
    }

    pub fn prevention_topic(&self, id: &str) -> Option<&PreventionTopic> {
        self.guidance.prevention.iter().find(|t| t.id == id)
    }

    pub fn view(&self, kind: ViewKind) -> Option<&DiagramView> {
        self.regions.views.iter().find(|v| v.view == kind)
    }

    /// Every distinct location once, in reading order: front-view regions, side-only regions, whole-knee choices.
    pub fn locations(&self) -> Vec<&Location> {
        let mut out: Vec<&Location> = Vec::new();
        let pictured = ViewKind::ALL
            .iter()
            .filter_map(|kind| self.view(*kind))
            .flat_map(|view| view.regions.iter().map(|r| &r.location));
        for location in pictured.chain(self.regions.whole_knee.iter()) {
            if !out.iter().any(|l| l.id == location.id) {
                out.push(location);
            }
        }
        out
    }

    /// The location with this id, wherever it is defined.
    pub fn location(&self, id: &str) -> Option<&Location> {
        self.regions
            .views
            .iter()
            .flat_map(|v| v.regions.iter().map(|r| &r.location))
            .chain(self.regions.whole_knee.iter())
            .find(|l| l.id == id)
    }

    /// The level to show for a claim: its own, or the best of its sources.
    pub fn claim_level(&self, claim: &Claim) -> EvidenceLevel {
        claim
            .level
            .unwrap_or_else(|| self.best_source_level(&claim.sources))
    }

    /// The highest evidence level among the given source ids (unknown ids are ignored).
    pub fn best_source_level(&self, source_ids: &[String]) -> EvidenceLevel {
        source_ids
            .iter()
            .filter_map(|id| self.source(id))
            .map(|s| s.level)
            .max()
            .unwrap_or(EvidenceLevel::Unrated)
    }

    /// Conditions whose panels list this factor as a contributor.
    pub fn conditions_with_factor(&self, factor_id: &str) -> impl Iterator<Item = &Condition> {
        self.conditions
            .iter()
            .filter(move |c| c.contributors.iter().any(|k| k.factor == factor_id))
    }

    /// A one-line summary for `--check-content`.
    pub fn summary(&self) -> String {
        let region_count: usize = self.regions.views.iter().map(|v| v.regions.len()).sum();
        format!(
            "content OK: {} conditions, {} regions in {} views, {} whole-knee choices, {} symptom questions, \
             {} red flags, {} exercises, {} factors, {} prevention topics, {} FAQ entries, {} sources, {} programmes",
            self.conditions.len(),
            region_count,
            self.regions.views.len(),
            self.regions.whole_knee.len(),
            self.symptoms.len(),
            self.red_flags.len(),
            self.exercises.len(),
            self.guidance.factors.len(),
            self.guidance.prevention.len(),
            self.guidance.faq.len(),
            self.sources.len(),
            self.programmes.len(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_content_validates() {
        let content = match Content::embedded() {
            Ok(c) => c,
            Err(errors) => panic!("shipped content has errors:\n{errors}"),
        };
        // The article's five conditions (ids may appear in tests; the app itself never names one).
        for id in [
            "patellofemoral_pain",
            "it_band_syndrome",
            "patellar_tendinopathy",
            "meniscus_tear",
            "knee_osteoarthritis",
        ] {
            assert!(content.condition(id).is_some(), "missing {id}");
            assert!(content.programme_for(id).is_some(), "no programme for {id}");
        }
        assert_eq!(content.regions.views.len(), 2);
    }

    #[test]
    fn every_location_appears_once() {
        let content = Content::embedded().unwrap();
        let locations = content.locations();
        let mut ids: Vec<_> = locations.iter().map(|l| l.id.as_str()).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len());
        assert!(ids.contains(&"whole_knee_stiffness"));
    }

    #[test]
    fn every_condition_is_reachable_from_some_location() {
        // Age-restricted conditions are never a primary, so they are reached as alternatives.
        let content = Content::embedded().unwrap();
        for condition in &content.conditions {
            assert!(
                content.locations().iter().any(|l| l.primary == condition.id
                    || l.alternatives.iter().any(|a| a.condition == condition.id)),
                "{} is not reachable from the diagram or the location list",
                condition.id
            );
        }
    }

    #[test]
    fn age_bands_and_phase_labels() {
        assert!(applies_to_age(&[], AgeBand::Under16));
        assert!(applies_to_age(&[AgeBand::Under16], AgeBand::Under16));
        assert!(!applies_to_age(&[AgeBand::Under16], AgeBand::Age60Plus));
        let content = Content::embedded().unwrap();
        let tendon = content.programme_for("patellar_tendinopathy").unwrap();
        let labels: Vec<String> = tendon
            .phases
            .iter()
            .map(ProgrammePhase::weeks_label)
            .collect();
        assert_eq!(
            labels,
            ["Weeks 1–2", "Weeks 3–4", "Weeks 5–16", "Week 17 onwards"]
        );
        assert_eq!(
            PhaseSchedule::Spread {
                sessions_per_week: 3,
                at_least: 2
            }
            .label(),
            "2–3 sessions a week"
        );
        let heavy = tendon.phases.iter().find(|p| p.heavy_load).unwrap();
        assert!(
            heavy.dose.describe().contains("4 sets"),
            "{}",
            heavy.dose.describe()
        );
        assert_eq!(heavy.dose.heavy_slow_reps(9), Some(6));
        let summaries = content.phase_summaries("patellar_tendinopathy");
        assert!(
            summaries[2].dose.contains("in reserve"),
            "{}",
            summaries[2].dose
        );
        assert!(
            summaries[1]
                .sessions_per_week
                .contains("isometric holds on the other days")
        );
    }

    #[test]
    fn panel_phases_come_from_the_programme() {
        let content = Content::embedded().unwrap();
        for programme in &content.programmes {
            let summaries = content.phase_summaries(&programme.condition);
            assert_eq!(summaries.len(), programme.phases.len());
            for (summary, phase) in summaries.iter().zip(&programme.phases) {
                assert_eq!(summary.name, phase.name);
                assert!(summary.weeks.starts_with(&phase.weeks_label()));
                // A phase that waits for its criteria says its weeks are the earliest it can start.
                assert_eq!(
                    summary.weeks.contains("at the earliest"),
                    !phase.start_when.is_empty(),
                    "{}",
                    summary.weeks
                );
                assert!(!summary.exercises.is_empty());
            }
        }
        assert!(content.phase_summaries("no_such_condition").is_empty());
    }
}
