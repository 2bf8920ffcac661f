//! Red-flag triage: from the ticked checklist items to one clear instruction — who to see and how soon — and the
//! `Safety` status every domain is told (the planner, the session runner, the running rules). It depends on content
//! only, so the planner no longer reaches into the map for it. `state.rs` holds what the user told it: the red-flag
//! log (the one record of which flags are ticked) and the age band.

pub(crate) mod state;

use std::collections::BTreeSet;

pub use state::{RedFlagEvent, TriageCommand, TriageState};

use crate::content::{RedFlag, Urgency};

/// What the banner says when at least one red flag is ticked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriageAdvice {
    /// The most urgent level among the ticked flags.
    pub urgency: Urgency,
    /// Banner headline, e.g. "Get emergency care now".
    pub headline: &'static str,
    /// Who to see, from the most urgent flags (duplicates removed, in checklist order).
    pub who: Vec<String>,
    /// The most urgent flags' actions, in checklist order.
    pub actions: Vec<String>,
    /// Every ticked flag's checklist line, most urgent first.
    pub ticked_texts: Vec<String>,
}

/// Headline for an urgency level.
pub fn headline(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Emergency => "Get emergency care now",
        Urgency::SameDay => "Get seen today",
        Urgency::Within48Hours => "Get seen within 48 hours",
        Urgency::Soon => "Book an appointment with a professional",
    }
}

/// Advice for the ticked flags, or `None` when nothing known is ticked. Unknown ids are ignored.
pub fn triage(red_flags: &[RedFlag], ticked_ids: &BTreeSet<String>) -> Option<TriageAdvice> {
    let ticked: Vec<&RedFlag> = red_flags
        .iter()
        .filter(|f| ticked_ids.contains(&f.id))
        .collect();
    let urgency = ticked.iter().map(|f| f.urgency).max()?;
    let most_urgent = ticked.iter().filter(|f| f.urgency == urgency);
    let mut who: Vec<String> = Vec::new();
    let mut actions = Vec::new();
    for flag in most_urgent {
        if !who.contains(&flag.who) {
            who.push(flag.who.clone());
        }
        actions.push(flag.action.clone());
    }
    let mut by_urgency = ticked.clone();
    by_urgency.sort_by_key(|f| std::cmp::Reverse(f.urgency));
    Some(TriageAdvice {
        urgency,
        headline: headline(urgency),
        who,
        actions,
        ticked_texts: by_urgency.iter().map(|f| f.text.clone()).collect(),
    })
}

/// What the ticked red flags allow the planner to do. The planner's rules take this, so the block holds whatever
/// the UI shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Safety {
    /// The most urgent ticked flag, if any.
    pub most_urgent: Option<Urgency>,
}

/// Why training is blocked, for the user.
pub const TRAINING_BLOCKED_REASON: &str = "A red flag is ticked that needs a professional first (see the banner at \
     the top): sessions, new programmes and harder doses wait until you have been assessed. Easing off still works.";

impl Safety {
    /// No red flag ticked.
    pub const CLEAR: Self = Self { most_urgent: None };

    /// The safety status for the ticked ids (unknown ids are ignored).
    pub fn from_ticked(red_flags: &[RedFlag], ticked_ids: &BTreeSet<String>) -> Self {
        Self {
            most_urgent: red_flags
                .iter()
                .filter(|f| ticked_ids.contains(&f.id))
                .map(|f| f.urgency)
                .max(),
        }
    }

    /// Any ticked flag pauses progression: doses do not go up until the user has been assessed.
    pub fn progression_paused(self) -> bool {
        self.most_urgent.is_some()
    }

    /// A 48-hour, same-day or emergency flag stops training: no sessions, no new programmes, no harder doses.
    /// (A child's unexplained bone pain waits for its X-ray like a same-day sign does.)
    pub fn training_blocked(self) -> bool {
        self.most_urgent
            .is_some_and(|u| u >= Urgency::Within48Hours)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(id: &str, urgency: Urgency, who: &str) -> RedFlag {
        RedFlag {
            id: id.to_owned(),
            text: format!("text {id}"),
            detail: String::new(),
            urgency,
            who: who.to_owned(),
            action: format!("action {id}"),
            from_article: true,
            sources: vec!["article".to_owned()],
            only_for_ages: Vec::new(),
        }
    }

    fn ticked(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| (*s).to_owned()).collect()
    }

    fn flags() -> Vec<RedFlag> {
        vec![
            flag("persistent", Urgency::Soon, "Physiotherapist"),
            flag("weight", Urgency::SameDay, "Urgent care"),
            flag("locked", Urgency::SameDay, "Urgent care"),
            flag("hot", Urgency::Emergency, "Emergency department"),
        ]
    }

    #[test]
    fn nothing_ticked_means_no_banner() {
        assert_eq!(triage(&flags(), &BTreeSet::new()), None);
        assert_eq!(triage(&flags(), &ticked(&["not_a_flag"])), None);
    }

    #[test]
    fn the_most_urgent_flag_sets_the_banner() {
        let advice = triage(&flags(), &ticked(&["persistent", "hot"])).unwrap();
        assert_eq!(advice.urgency, Urgency::Emergency);
        assert_eq!(advice.headline, "Get emergency care now");
        assert_eq!(advice.who, vec!["Emergency department"]);
        assert_eq!(advice.ticked_texts, vec!["text hot", "text persistent"]);
    }

    #[test]
    fn same_level_flags_merge_who_and_keep_every_action() {
        let advice = triage(&flags(), &ticked(&["weight", "locked"])).unwrap();
        assert_eq!(advice.urgency, Urgency::SameDay);
        assert_eq!(advice.who, vec!["Urgent care"]);
        assert_eq!(advice.actions, vec!["action weight", "action locked"]);
    }

    #[test]
    fn soon_only_says_book_an_appointment() {
        let advice = triage(&flags(), &ticked(&["persistent"])).unwrap();
        assert_eq!(advice.urgency, Urgency::Soon);
        assert!(advice.headline.starts_with("Book"));
    }

    #[test]
    fn safety_pauses_on_any_flag_and_blocks_from_same_day() {
        let clear = Safety::from_ticked(&flags(), &ticked(&["not_a_flag"]));
        assert_eq!(clear, Safety::CLEAR);
        assert!(!clear.progression_paused() && !clear.training_blocked());
        let soon = Safety::from_ticked(&flags(), &ticked(&["persistent"]));
        assert!(soon.progression_paused() && !soon.training_blocked());
        let same_day = Safety::from_ticked(&flags(), &ticked(&["persistent", "weight"]));
        assert_eq!(same_day.most_urgent, Some(Urgency::SameDay));
        assert!(same_day.training_blocked());
        assert!(Safety::from_ticked(&flags(), &ticked(&["hot"])).training_blocked());
    }

    #[test]
    fn a_48_hour_flag_blocks_training_like_same_day_and_ranks_between_soon_and_same_day() {
        let mut with_48h = flags();
        with_48h.push(flag(
            "child_bone",
            Urgency::Within48Hours,
            "GP within 48 hours",
        ));
        let alone = Safety::from_ticked(&with_48h, &ticked(&["child_bone"]));
        assert_eq!(alone.most_urgent, Some(Urgency::Within48Hours));
        assert!(alone.progression_paused());
        assert!(alone.training_blocked(), "a 48-hour flag stops training");
        let advice = triage(&with_48h, &ticked(&["persistent", "child_bone"])).unwrap();
        assert_eq!(advice.urgency, Urgency::Within48Hours);
        assert_eq!(advice.headline, "Get seen within 48 hours");
        assert_eq!(advice.who, vec!["GP within 48 hours"]);
        let same_day = triage(&with_48h, &ticked(&["child_bone", "weight"])).unwrap();
        assert_eq!(
            same_day.urgency,
            Urgency::SameDay,
            "same day outranks 48 hours"
        );
    }

    #[test]
    fn shipped_flags_cover_every_urgency_and_the_articles_five() {
        let content = crate::content::Content::embedded().unwrap();
        for urgency in [
            Urgency::Soon,
            Urgency::Within48Hours,
            Urgency::SameDay,
            Urgency::Emergency,
        ] {
            assert!(
                content.red_flags.iter().any(|f| f.urgency == urgency),
                "{urgency:?}"
            );
        }
        assert_eq!(
            content.red_flags.iter().filter(|f| f.from_article).count(),
            5
        );
    }
}
