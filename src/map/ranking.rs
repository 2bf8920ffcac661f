//! Ranks the conditions worth considering for a location, re-ordered by the symptom questions answered "yes".
//!
//! The score is a transparent sum, not a probability: the location's own order sets a base, and every
//! "yes" adds its question's weights. Each candidate keeps the reasons that moved it, so the panel can say
//! "ranked higher because …". It never says which condition someone has.

use std::collections::BTreeSet;

use crate::content::{AgeBand, Content, Location};

/// Base score step between neighbours in a location's own order (primary first).
const BASE_STEP: i32 = 2;

/// One condition worth considering at a location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub condition_id: String,
    /// Transparent sum: base from the location's order plus symptom weights.
    pub score: i32,
    /// The location's usual cause.
    pub is_primary: bool,
    /// The location's one line on why it might be this one (none for the primary or for conditions raised
    /// only by answers).
    pub why: Option<String>,
    /// "because" phrases of the "yes" answers that raised it.
    pub raised_by: Vec<String>,
    /// "because" phrases of the "yes" answers that lowered it.
    pub lowered_by: Vec<String>,
}

impl Candidate {
    /// One sentence explaining how the answers moved this candidate, if they did.
    pub fn explanation(&self) -> Option<String> {
        match (self.raised_by.is_empty(), self.lowered_by.is_empty()) {
            (true, true) => None,
            (false, true) => Some(format!(
                "Ranked higher because you said: {}.",
                self.raised_by.join("; ")
            )),
            (true, false) => Some(format!(
                "Ranked lower because you said: {}.",
                self.lowered_by.join("; ")
            )),
            (false, false) => Some(format!(
                "Ranked higher because you said: {}. Lower because: {}.",
                self.raised_by.join("; "),
                self.lowered_by.join("; ")
            )),
        }
    }
}

/// Whether something offered only to some age bands is offered to someone in `band` (unknown: no).
fn offered_to(only_for_ages: &[AgeBand], band: Option<AgeBand>) -> bool {
    only_for_ages.is_empty() || band.is_some_and(|band| only_for_ages.contains(&band))
}

/// Ranks the candidates for `location` given the ids of symptom questions answered "yes" and the runner's age
/// band, if given.
///
/// The location's primary and alternatives are always listed, except alternatives offered only to other age
/// bands (growth-plate problems for under-16s); any other condition appears only when the answers raise it above
/// zero. Ties keep the location's own order.
pub fn rank(
    content: &Content,
    location: &Location,
    yes_answers: &BTreeSet<String>,
    age_band: Option<AgeBand>,
) -> Vec<Candidate> {
    let listed = std::iter::once((location.primary.as_str(), None)).chain(
        location
            .alternatives
            .iter()
            .filter(|a| offered_to(&a.only_for_ages, age_band))
            .map(|a| (a.condition.as_str(), Some(a.why.clone()))),
    );
    // A location lists a handful of conditions, so these counts always fit an i32.
    let as_score = |count: usize| i32::try_from(count).unwrap_or(i32::MAX);
    let listed_len = 1 + location
        .alternatives
        .iter()
        .filter(|a| offered_to(&a.only_for_ages, age_band))
        .count();
    let listed_count = as_score(listed_len);
    let mut candidates: Vec<(i32, Candidate)> = listed
        .enumerate()
        .map(|(order, (id, why))| {
            let base = BASE_STEP * (listed_count - as_score(order));
            (as_score(order), new_candidate(id, base, order == 0, why))
        })
        .collect();
    for condition in content
        .conditions
        .iter()
        .filter(|c| offered_to(&c.only_for_ages, age_band))
    {
        if !candidates
            .iter()
            .any(|(_, c)| c.condition_id == condition.id)
        {
            let order = as_score(candidates.len());
            candidates.push((order, new_candidate(&condition.id, 0, false, None)));
        }
    }
    for question in content
        .symptoms
        .iter()
        .filter(|q| yes_answers.contains(&q.id))
    {
        for weight in &question.weights {
            if let Some((_, candidate)) = candidates
                .iter_mut()
                .find(|(_, c)| c.condition_id == weight.condition)
            {
                candidate.score += i32::from(weight.weight);
                match weight.weight.cmp(&0) {
                    std::cmp::Ordering::Greater => {
                        candidate.raised_by.push(question.because.clone());
                    }
                    std::cmp::Ordering::Less => candidate.lowered_by.push(question.because.clone()),
                    std::cmp::Ordering::Equal => {}
                }
            }
        }
    }
    let listed_count = listed_len;
    let mut kept: Vec<(i32, Candidate)> = candidates
        .into_iter()
        .enumerate()
        .filter(|(index, (_, c))| *index < listed_count || c.score > 0)
        .map(|(_, pair)| pair)
        .collect();
    kept.sort_by(|(order_a, a), (order_b, b)| b.score.cmp(&a.score).then(order_a.cmp(order_b)));
    kept.into_iter().map(|(_, c)| c).collect()
}

fn new_candidate(id: &str, base: i32, is_primary: bool, why: Option<String>) -> Candidate {
    Candidate {
        condition_id: id.to_owned(),
        score: base,
        is_primary,
        why,
        raised_by: Vec::new(),
        lowered_by: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn yes(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| (*s).to_owned()).collect()
    }

    fn ids(candidates: &[Candidate]) -> Vec<&str> {
        candidates.iter().map(|c| c.condition_id.as_str()).collect()
    }

    #[test]
    fn without_answers_the_primary_leads_in_location_order() {
        let content = Content::embedded().unwrap();
        for location in content.locations() {
            let ranked = rank(&content, location, &BTreeSet::new(), None);
            assert_eq!(ranked[0].condition_id, location.primary);
            assert!(ranked[0].is_primary);
            let expected: Vec<&str> = std::iter::once(location.primary.as_str())
                .chain(
                    location
                        .alternatives
                        .iter()
                        .filter(|a| a.only_for_ages.is_empty())
                        .map(|a| a.condition.as_str()),
                )
                .collect();
            assert_eq!(ids(&ranked), expected);
            assert!(ranked.iter().all(|c| c.explanation().is_none()));
        }
    }

    #[test]
    fn jumping_answer_lifts_tendinopathy_at_the_kneecap_and_says_why() {
        let content = Content::embedded().unwrap();
        let kneecap = content.location("kneecap").unwrap();
        let before = rank(&content, kneecap, &BTreeSet::new(), None);
        let after = rank(&content, kneecap, &yes(&["pain_tip_kneecap_jumping"]), None);
        let position = |list: &[Candidate]| {
            list.iter()
                .position(|c| c.condition_id == "patellar_tendinopathy")
        };
        assert!(
            position(&after) < position(&before),
            "{:?} -> {:?}",
            ids(&before),
            ids(&after)
        );
        let tendon = after
            .iter()
            .find(|c| c.condition_id == "patellar_tendinopathy")
            .unwrap();
        let because = &content
            .symptoms
            .iter()
            .find(|q| q.id == "pain_tip_kneecap_jumping")
            .unwrap()
            .because;
        assert!(tendon.explanation().unwrap().contains(because.as_str()));
    }

    #[test]
    fn morning_stiffness_brings_osteoarthritis_forward_at_the_inner_joint_line() {
        let content = Content::embedded().unwrap();
        let inner = content.location("inner_joint_line").unwrap();
        let answers = yes(&["morning_stiffness", "worse_with_activity_better_with_rest"]);
        let ranked = rank(&content, inner, &answers, None);
        assert_eq!(
            ranked[0].condition_id,
            "knee_osteoarthritis",
            "{:?}",
            ids(&ranked)
        );
        assert!(!ranked[0].raised_by.is_empty());
    }

    #[test]
    fn unlisted_condition_appears_only_when_an_answer_raises_it() {
        let content = Content::embedded().unwrap();
        let location = content.location("outer_knee_itb").unwrap();
        let listed: Vec<&str> = std::iter::once(location.primary.as_str())
            .chain(location.alternatives.iter().map(|a| a.condition.as_str()))
            .collect();
        let unlisted: Vec<&str> = content
            .conditions
            .iter()
            .map(|c| c.id.as_str())
            .filter(|id| !listed.contains(id))
            .collect();
        let plain = rank(&content, location, &BTreeSet::new(), None);
        for id in &unlisted {
            assert!(!ids(&plain).contains(id));
        }
        // Answer every question yes: every condition with a positive total shows up, each with a reason.
        let all_yes: BTreeSet<String> = content.symptoms.iter().map(|q| q.id.clone()).collect();
        let ranked = rank(&content, location, &all_yes, None);
        for c in ranked
            .iter()
            .filter(|c| !listed.contains(&c.condition_id.as_str()))
        {
            assert!(c.score > 0 && !c.raised_by.is_empty());
        }
    }

    #[test]
    fn ranking_is_deterministic_and_scores_descend() {
        let content = Content::embedded().unwrap();
        let answers = yes(&["catching_locking_giving_way", "worse_downhill_stairs"]);
        for location in content.locations() {
            let a = rank(&content, location, &answers, None);
            let b = rank(&content, location, &answers, None);
            assert_eq!(a, b);
            assert!(a.windows(2).all(|w| w[0].score >= w[1].score));
        }
    }

    #[test]
    fn age_restricted_alternatives_show_only_for_their_age_band() {
        let content = Content::embedded().unwrap();
        let mut restricted = 0;
        for location in content.locations() {
            for alternative in location
                .alternatives
                .iter()
                .filter(|a| !a.only_for_ages.is_empty())
            {
                restricted += 1;
                let shown = |band| {
                    rank(&content, location, &BTreeSet::new(), band)
                        .iter()
                        .any(|c| c.condition_id == alternative.condition)
                };
                assert!(!shown(None), "age unknown: {}", alternative.condition);
                for band in AgeBand::ALL {
                    assert_eq!(
                        shown(Some(band)),
                        alternative.only_for_ages.contains(&band),
                        "{} for {band:?}",
                        alternative.condition
                    );
                }
            }
        }
        let conditions_for_some_ages = content
            .conditions
            .iter()
            .filter(|c| !c.only_for_ages.is_empty())
            .count();
        assert!(restricted >= conditions_for_some_ages);
    }
}
