//! Data the export tests share: a small pain diary.

/// Two entries with three marks: a left-knee spot and a right-knee region (during a run, onset at 8 km, linked
/// to run 7, a note that looks like a formula), then a diffuse mark with an onset in minutes.
pub fn two_entries_three_marks() -> crate::diary::Diary {
    use crate::content::{KneeSign, PainContext, PainQuality, ViewKind};
    use crate::diary::{Diary, DiaryEntry, MarkPlace, Onset, PainMark};
    use crate::map::diagram::Knee;
    let mut diary = Diary {
        entries: vec![
            DiaryEntry {
                id: 4,
                at_utc: "2026-12-02T07:30:00Z".parse().unwrap(),
                marks: vec![
                    PainMark {
                        knee: Knee::Left,
                        place: MarkPlace::Spot {
                            view: ViewKind::Front,
                            at_right_knee: (0.25, 0.5),
                            location: Some("inner_joint_line".into()),
                        },
                        intensity: 4,
                        quality: PainQuality::Sharp,
                    },
                    PainMark {
                        knee: Knee::Right,
                        place: MarkPlace::Region {
                            location: "outer_knee_itb".into(),
                        },
                        intensity: 2,
                        quality: PainQuality::Ache,
                    },
                ],
                contexts: [PainContext::DuringRun, PainContext::Stairs].into(),
                signs: [KneeSign::Swelling].into(),
                onset: Some(Onset::AtKm(8.0)),
                run_id: Some(7),
                note: "=HYPERLINK(\"x\"), then \"stairs\"".into(),
            },
            DiaryEntry {
                id: 5,
                at_utc: "2026-12-03T21:00:00Z".parse().unwrap(),
                marks: vec![PainMark {
                    knee: Knee::Right,
                    place: MarkPlace::Diffuse,
                    intensity: 1,
                    quality: PainQuality::Stiff,
                }],
                onset: Some(Onset::AtMinute(25)),
                ..DiaryEntry::default()
            },
        ],
        next_id: 6,
    };
    diary.repair();
    diary
}
