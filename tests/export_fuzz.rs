//! Property tests over mutated files: a valid `.kneemap-plan` file and a valid store file are damaged in random
//! ways (seeded, so failures reproduce) and read back. The plan parser must never panic and must either refuse
//! with located problems or return a plan inside every limit; the store must never panic and never lose the file.
//!
//! `cargo test` runs a few hundred cases; `cargo test --test export_fuzz -- --ignored` runs 10,000 of each.

#![expect(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] fns: a panic here is the failure report"
)]

use std::fs;

use chrono::{DateTime, NaiveDate, Utc};
use kneemap::content::Content;
use kneemap::export::plan_file::MAX_EXERCISES_PER_DAY;
use kneemap::export::{PlanFileMeta, export_plan, parse_plan_file};
use kneemap::planner::data::MAX_PLAN_WEEKS;
use kneemap::planner::{
    ExerciseLog, GenerateOptions, Limits, PainThresholds, PlannerData, SessionLog,
    generate_programme,
};
use kneemap::store::{LoadOutcome, Store};

const QUICK_CASES: u64 = 400;
const LONG_CASES: u64 = 10_000;

/// xorshift64*: small, fast and reproducible; no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % n as u64).unwrap()
        }
    }
}

/// Pieces worth splicing in: RON syntax, numbers at and past the edges, odd characters.
const SNIPPETS: [&str; 24] = [
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "Some(",
    "None",
    "-1",
    "0",
    "255",
    "256",
    "65536",
    "1e40",
    "NaN",
    "inf",
    "é",
    "\u{0}",
    "//",
    "/*",
    "r#\"",
    "\n",
    "99999999999999999999",
];

/// Applies one to four random edits to `text` (on char boundaries).
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..=rng.below(4) {
        let len = chars.len();
        let at = rng.below(len + 1);
        match rng.below(7) {
            0 => {
                let end = (at + 1 + rng.below(20)).min(len);
                chars.drain(at.min(len)..end);
            }
            1 => {
                let snippet = SNIPPETS[rng.below(SNIPPETS.len())];
                chars.splice(at..at, snippet.chars());
            }
            2 => {
                // Replace a digit with a random number.
                if let Some(pos) = (at..len).find(|i| chars[*i].is_ascii_digit()) {
                    let number = (rng.next() % 100_000).to_string();
                    chars.splice(pos..=pos, number.chars());
                }
            }
            3 => {
                // Duplicate a slice somewhere else.
                let end = (at + rng.below(200)).min(len);
                let slice: Vec<char> = chars[at.min(len)..end].to_vec();
                let to = rng.below(chars.len() + 1);
                chars.splice(to..to, slice);
            }
            4 => chars.truncate(at),
            5 => {
                // Flip a character to a random printable one.
                if at < len {
                    chars[at] = char::from(u8::try_from(32 + rng.below(95)).unwrap());
                }
            }
            _ => {
                // Swap two lines.
                let mut lines: Vec<String> = chars
                    .iter()
                    .collect::<String>()
                    .lines()
                    .map(str::to_owned)
                    .collect();
                if lines.len() > 2 {
                    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                    lines.swap(a, b);
                }
                chars = lines.join("\n").chars().collect();
            }
        }
    }
    chars.into_iter().collect()
}

fn sample_plan_text(content: &Content) -> String {
    let options = GenerateOptions::new(
        "patellofemoral_pain",
        NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
    );
    let plan = generate_programme(content, &options).unwrap();
    let meta = PlanFileMeta {
        author: "Fuzz".into(),
        written_at: DateTime::<Utc>::from_timestamp(1_767_000_000, 0).unwrap(),
    };
    export_plan(&plan, Some(&PainThresholds::default()), &meta).unwrap()
}

fn fuzz_plan_files(cases: u64) {
    let content = Content::embedded().unwrap();
    let valid = sample_plan_text(&content);
    assert!(parse_plan_file(&valid, &content).is_ok());
    let (mut accepted, mut refused) = (0, 0);
    for seed in 1..=cases {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let text = mutate(&valid, &mut rng);
        let line_count = text.lines().count().max(1);
        match parse_plan_file(&text, &content) {
            Ok(imported) => {
                accepted += 1;
                let plan = &imported.plan;
                assert!(
                    (1..=MAX_PLAN_WEEKS).contains(&plan.weeks.len()),
                    "seed {seed}"
                );
                for day in plan.weeks.iter().flat_map(|w| w.days.iter()) {
                    assert!(day.exercises.len() <= MAX_EXERCISES_PER_DAY, "seed {seed}");
                    for e in &day.exercises {
                        assert!(content.exercise(&e.exercise_id).is_some(), "seed {seed}");
                        assert!(
                            (Limits::SETS_MIN..=Limits::SETS_MAX).contains(&e.sets),
                            "seed {seed}"
                        );
                        assert!(
                            e.reps
                                .is_none_or(|r| (Limits::REPS_MIN..=Limits::REPS_MAX).contains(&r))
                        );
                        assert!(e.rest_secs <= Limits::REST_SECS_MAX, "seed {seed}");
                        assert!(e.load_kg.is_none_or(
                            |l| l.is_finite() && (0.0..=Limits::LOAD_KG_MAX).contains(&l)
                        ));
                    }
                }
            }
            Err(problems) => {
                refused += 1;
                assert!(
                    !problems.is_empty(),
                    "seed {seed}: refused without a reason"
                );
                for p in &problems {
                    assert!(
                        p.line >= 1 && p.line <= line_count + 1,
                        "seed {seed}: line {} of {line_count}",
                        p.line
                    );
                    assert!(!p.reason.is_empty(), "seed {seed}");
                }
            }
        }
    }
    // Both outcomes happen, or the mutations are not testing anything.
    assert!(
        accepted > 0 && refused > 0,
        "accepted {accepted}, refused {refused}"
    );
}

#[test]
fn mutated_plan_files_never_panic_and_never_import_out_of_range() {
    fuzz_plan_files(QUICK_CASES);
}

#[test]
#[ignore = "long: 10,000 cases; run with --ignored"]
fn mutated_plan_files_long() {
    fuzz_plan_files(LONG_CASES);
}

fn sample_store_text(dir: &std::path::Path) -> String {
    let content = Content::embedded().unwrap();
    let mut data = PlannerData::new();
    data.plan = Some(
        generate_programme(
            &content,
            &GenerateOptions::new(
                "patellofemoral_pain",
                NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            ),
        )
        .unwrap(),
    );
    let mut log = SessionLog::new(1, NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(), 0, 0);
    log.pain_during = 2;
    log.notes = "fine".into();
    log.entries.push(ExerciseLog {
        exercise_id: "squat".into(),
        sets_done: 3,
        reps_done: Some(10),
        hold_secs_done: None,
        load_kg: Some(20.0),
    });
    data.logs.push(log);
    let store = Store::at(dir.join("seed").join("kneemap.ron"));
    // The store holds the whole document, as the app writes it.
    let data = kneemap::document::UserData {
        planner: data,
        ..kneemap::document::UserData::default()
    };
    store.save(&data).unwrap();
    fs::read_to_string(store.path()).unwrap()
}

fn fuzz_store_files(cases: u64) {
    let temp = tempfile::tempdir().unwrap();
    let valid = sample_store_text(temp.path());
    let (mut loaded, mut recovered) = (0, 0);
    for seed in 1..=cases {
        let mut rng = Rng(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) | 1);
        let text = mutate(&valid, &mut rng);
        let dir = temp.path().join(format!("case{}", seed % 4));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("kneemap.ron");
        fs::write(&path, &text).unwrap();
        let store = Store::at(&path);
        match store.load::<kneemap::document::UserData>() {
            LoadOutcome::Loaded(_) => {
                loaded += 1;
                assert_eq!(
                    fs::read_to_string(&path).unwrap(),
                    text,
                    "seed {seed}: load changed the file"
                );
            }
            LoadOutcome::Recovered { kept_aside, .. } => {
                recovered += 1;
                let kept = fs::read_to_string(&kept_aside).unwrap();
                assert_eq!(
                    kept, text,
                    "seed {seed}: the damaged file was not kept as it was"
                );
            }
            LoadOutcome::Fresh(_) => panic!("seed {seed}: a file was there but the store saw none"),
        }
    }
    assert!(
        loaded > 0 && recovered > 0,
        "loaded {loaded}, recovered {recovered}"
    );
}

#[test]
fn mutated_store_files_never_panic_and_are_never_lost() {
    fuzz_store_files(QUICK_CASES / 2);
}

#[test]
#[ignore = "long: 10,000 cases; run with --ignored"]
fn mutated_store_files_long() {
    fuzz_store_files(LONG_CASES);
}
