//! Exercise library filtering: by name, muscle group, condition and equipment.

use crate::content::{Equipment, Exercise, MuscleGroup};

/// What the library list is narrowed to. Empty filter shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExerciseFilter {
    /// Case-insensitive text matched against the name.
    pub query: String,
    pub muscle_group: Option<MuscleGroup>,
    /// Condition id.
    pub condition: Option<String>,
    pub equipment: Option<Equipment>,
}

impl ExerciseFilter {
    /// True when the exercise passes every set criterion.
    pub fn matches(&self, exercise: &Exercise) -> bool {
        let query = self.query.trim().to_lowercase();
        (query.is_empty() || exercise.name.to_lowercase().contains(&query))
            && self
                .muscle_group
                .is_none_or(|m| exercise.muscle_groups.contains(&m))
            && self
                .condition
                .as_deref()
                .is_none_or(|c| exercise.conditions.iter().any(|x| x == c))
            && self
                .equipment
                .is_none_or(|e| exercise.equipment.contains(&e))
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    #[test]
    fn empty_filter_shows_everything() {
        let content = Content::embedded().unwrap();
        let filter = ExerciseFilter::default();
        assert!(content.exercises.iter().all(|e| filter.matches(e)));
    }

    #[test]
    fn search_is_case_insensitive_on_the_name() {
        let content = Content::embedded().unwrap();
        let filter = ExerciseFilter {
            query: "BRIDGE".into(),
            ..Default::default()
        };
        let names: Vec<_> = content
            .exercises
            .iter()
            .filter(|e| filter.matches(e))
            .map(|e| &e.id)
            .collect();
        assert!(names.iter().any(|id| *id == "glute_bridge"), "{names:?}");
        assert!(!names.iter().any(|id| *id == "plank"));
    }

    #[test]
    fn criteria_combine() {
        let content = Content::embedded().unwrap();
        let filter = ExerciseFilter {
            muscle_group: Some(MuscleGroup::Hamstrings),
            condition: None,
            equipment: Some(Equipment::Bodyweight),
            query: String::new(),
        };
        for e in content.exercises.iter().filter(|e| filter.matches(e)) {
            assert!(e.muscle_groups.contains(&MuscleGroup::Hamstrings));
            assert!(e.equipment.contains(&Equipment::Bodyweight));
        }
        let tendon = ExerciseFilter {
            condition: Some("patellar_tendinopathy".into()),
            ..Default::default()
        };
        let ids: Vec<_> = content
            .exercises
            .iter()
            .filter(|e| tendon.matches(e))
            .map(|e| e.id.as_str())
            .collect();
        assert!(
            ids.contains(&"spanish_squat") || ids.contains(&"decline_squat"),
            "{ids:?}"
        );
    }
}
