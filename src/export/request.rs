//! One way to ask for an export, shared by the app's Export menu and `kneemap export`: what to export, for which
//! plan, on which paper, and the bytes that result. Writing the file is the caller's (atomically, private).

use chrono::{DateTime, NaiveDate, Utc};

use super::{
    ExportError, Paper, PlanFileMeta, PrintRange, ReportInput, SessionTimes, all_data_json, csv,
    export_plan, physio_report, plan_to_ics, sessions_pdf,
};
use crate::content::Content;
use crate::document::UserData;
use crate::planner::Plan;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// `.ics` calendar of the plan's sessions.
    Calendar,
    /// Printable sessions (PDF).
    Sessions,
    /// Report for the physio (PDF).
    Report,
    /// Session logs, one row per exercise per session (CSV).
    LogsCsv,
    /// Runs and cross-training (CSV).
    RunsCsv,
    /// The pain diary, one row per mark (CSV).
    DiaryCsv,
    /// Everything (JSON).
    Json,
    /// The plan as a `.kneemap-plan` hand-off file.
    Plan,
}

impl ExportKind {
    pub const ALL: [Self; 8] = [
        Self::Calendar,
        Self::Sessions,
        Self::Report,
        Self::LogsCsv,
        Self::RunsCsv,
        Self::DiaryCsv,
        Self::Json,
        Self::Plan,
    ];

    /// Menu text.
    pub fn label(self) -> &'static str {
        match self {
            Self::Calendar => "Calendar (.ics)",
            Self::Sessions => "Printable sessions (PDF)",
            Self::Report => "Report for the physio (PDF)",
            Self::LogsCsv => "Session logs (CSV)",
            Self::RunsCsv => "Runs (CSV)",
            Self::DiaryCsv => "Pain diary (CSV)",
            Self::Json => "All data (JSON)",
            Self::Plan => "Plan file to share (.kneemap-plan)",
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Calendar => "ics",
            Self::Sessions | Self::Report => "pdf",
            Self::LogsCsv | Self::RunsCsv | Self::DiaryCsv => "csv",
            Self::Json => "json",
            Self::Plan => super::PLAN_FILE_EXTENSION,
        }
    }

    /// A suggested file name.
    pub fn suggested_name(self) -> String {
        let stem = match self {
            Self::Calendar => "kneemap-sessions",
            Self::Sessions => "kneemap-printable-sessions",
            Self::Report => "kneemap-report",
            Self::LogsCsv => "kneemap-session-logs",
            Self::RunsCsv => "kneemap-runs",
            Self::DiaryCsv => "kneemap-pain-diary",
            Self::Json => "kneemap-data",
            Self::Plan => "my-plan",
        };
        format!("{stem}.{}", self.extension())
    }

    /// Needs a plan to export.
    pub fn needs_plan(self) -> bool {
        matches!(
            self,
            Self::Calendar | Self::Sessions | Self::Report | Self::Plan
        )
    }
}

/// Everything an export may need besides the data.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub kind: ExportKind,
    /// Which plan (the current one when `None`).
    pub plan_id: Option<u64>,
    pub paper: Paper,
    pub range: PrintRange,
    pub times: SessionTimes,
    /// Who wrote a plan file (e.g. the physio's name).
    pub author: String,
}

impl ExportRequest {
    /// The current plan, A4, the whole plan, all-day calendar events.
    pub fn new(kind: ExportKind) -> Self {
        Self {
            kind,
            plan_id: None,
            paper: Paper::A4,
            range: PrintRange::WholePlan,
            times: SessionTimes::all_day(),
            author: String::new(),
        }
    }
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("there is no plan yet: make or import one first")]
    NoPlan,
    #[error("no plan has id {0} (see `kneemap data check`)")]
    UnknownPlan(u64),
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// The plan a request is for: the current plan, or an earlier one by id.
pub fn plan_for(data: &UserData, plan_id: Option<u64>) -> Result<&Plan, RequestError> {
    match plan_id {
        None => data.planner.plan.as_ref().ok_or(RequestError::NoPlan),
        Some(id) => data
            .planner
            .plan
            .iter()
            .chain(&data.planner.earlier_plans)
            .find(|p| p.id == id)
            .ok_or(RequestError::UnknownPlan(id)),
    }
}

/// Reads a plan file, refusing one over the format's size limit without reading it all.
fn read_limited(path: &std::path::Path) -> Result<String, String> {
    use std::io::Read as _;
    let limit = u64::try_from(super::plan_file::MAX_PLAN_FILE_BYTES).unwrap_or(u64::MAX);
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(format!("larger than the {limit}-byte limit for plan files"));
    }
    String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())
}

/// Reads and checks a plan file whole: the plan, or every reason it is refused (the app's import preview and
/// `kneemap import` both use this).
pub fn read_plan_file(
    path: &std::path::Path,
    content: &Content,
) -> Result<Box<super::ImportedPlan>, Vec<String>> {
    let text = read_limited(path).map_err(|e| vec![format!("{}: {e}", path.display())])?;
    super::parse_plan_file(&text, content)
        .map(Box::new)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect())
}

/// The bytes of the requested export. `now` stamps calendars and plan files; `today` places the report.
pub fn export_bytes(
    data: &UserData,
    content: &Content,
    request: &ExportRequest,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Vec<u8>, RequestError> {
    let bytes = match request.kind {
        ExportKind::Calendar => {
            let plan = plan_for(data, request.plan_id)?;
            plan_to_ics(plan, content, &request.times, now).into_bytes()
        }
        ExportKind::Sessions => {
            let plan = plan_for(data, request.plan_id)?;
            sessions_pdf(plan, content, request.range, request.paper)?
        }
        ExportKind::Report => {
            let plan = plan_for(data, request.plan_id)?;
            // Ticks kept without a time (from before times were recorded) are not listed, as before.
            let ticked: Vec<(String, DateTime<Utc>)> = data
                .triage
                .events()
                .iter()
                .filter(|event| event.ticked)
                .filter_map(|event| Some((event.flag_id.clone(), event.at?)))
                .collect();
            physio_report(&ReportInput {
                plan,
                content,
                logs: &data.planner.logs,
                adjustments: &data.planner.adjustments,
                red_flags_ticked: &ticked,
                today,
                paper: request.paper,
                running: Some(&data.running),
                diary: Some(&data.diary),
            })?
        }
        ExportKind::LogsCsv => csv::session_logs_csv(&data.planner.logs, content).into_bytes(),
        ExportKind::RunsCsv => csv::runs_csv(&data.running).into_bytes(),
        ExportKind::DiaryCsv => csv::diary_csv(&data.diary, content).into_bytes(),
        ExportKind::Json => all_data_json(data)?.into_bytes(),
        ExportKind::Plan => {
            let plan = plan_for(data, request.plan_id)?;
            let meta = PlanFileMeta {
                author: request.author.clone(),
                written_at: now,
            };
            export_plan(plan, Some(&plan.pain_thresholds), &meta)?.into_bytes()
        }
    };
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::{GenerateOptions, PlannerCommand};
    use crate::triage::Safety;

    fn data_with_plan(content: &Content) -> UserData {
        let mut data = UserData::default();
        let options = GenerateOptions::new(
            "patellofemoral_pain",
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        );
        assert_eq!(
            data.planner
                .apply(content, PlannerCommand::Generate(options), Safety::CLEAR),
            crate::planner::Applied::Changed
        );
        data
    }

    #[test]
    fn every_kind_exports_something_recognisable() {
        let content = Content::embedded().unwrap();
        let data = data_with_plan(&content);
        let now = DateTime::from_timestamp(1_764_500_000, 0).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        for kind in ExportKind::ALL {
            let bytes = export_bytes(&data, &content, &ExportRequest::new(kind), now, today)
                .unwrap_or_else(|e| panic!("{kind:?}: {e}"));
            let start = String::from_utf8_lossy(&bytes[..bytes.len().min(16)]).into_owned();
            let expected = match kind {
                ExportKind::Calendar => "BEGIN:VCALENDAR",
                ExportKind::Sessions | ExportKind::Report => "%PDF",
                ExportKind::LogsCsv => "session_id",
                ExportKind::RunsCsv => "run_id",
                ExportKind::DiaryCsv => "entry_id",
                ExportKind::Json => "{",
                ExportKind::Plan => "(",
            };
            assert!(start.starts_with(expected), "{kind:?}: {start:?}");
            assert!(kind.suggested_name().ends_with(kind.extension()));
        }
    }

    #[test]
    fn plan_exports_need_a_plan_and_a_known_id() {
        let content = Content::embedded().unwrap();
        let now = DateTime::from_timestamp(1_764_500_000, 0).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let empty = UserData::default();
        let request = ExportRequest::new(ExportKind::Calendar);
        assert!(matches!(
            export_bytes(&empty, &content, &request, now, today),
            Err(RequestError::NoPlan)
        ));
        let data = data_with_plan(&content);
        let mut request = ExportRequest::new(ExportKind::Plan);
        request.plan_id = Some(999);
        assert!(matches!(
            export_bytes(&data, &content, &request, now, today),
            Err(RequestError::UnknownPlan(999))
        ));
        request.plan_id = data.planner.plan.as_ref().map(|p| p.id);
        assert!(export_bytes(&data, &content, &request, now, today).is_ok());
        // CSV and JSON work without a plan.
        for kind in [
            ExportKind::LogsCsv,
            ExportKind::RunsCsv,
            ExportKind::DiaryCsv,
            ExportKind::Json,
        ] {
            assert!(export_bytes(&empty, &content, &ExportRequest::new(kind), now, today).is_ok());
        }
    }
}
