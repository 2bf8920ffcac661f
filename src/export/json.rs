//! `kneemap export json`: all of the user's data as pretty JSON, wrapped with the format name and the program that
//! wrote it so the file explains itself.

use serde::Serialize;

use super::ExportError;

/// The `format` field of the JSON export.
pub const JSON_FORMAT: &str = "kneemap-data";

#[derive(Serialize)]
struct JsonEnvelope<'a, T: Serialize> {
    format: &'static str,
    written_by: &'static str,
    data: &'a T,
}

/// `data` as `{"format": "kneemap-data", "written_by": "KneeMap x.y.z", "data": …}`, pretty-printed. Non-finite
/// numbers (which JSON cannot hold) come out as `null`.
///
/// # Errors
/// [`ExportError::Encode`] when `data` cannot be represented as JSON (e.g. a map with non-string keys).
pub fn all_data_json<T: Serialize>(data: &T) -> Result<String, ExportError> {
    let envelope = JsonEnvelope {
        format: JSON_FORMAT,
        written_by: concat!("KneeMap ", env!("CARGO_PKG_VERSION")),
        data,
    };
    serde_json::to_string_pretty(&envelope).map_err(|e| ExportError::Encode {
        format: "JSON",
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::PlannerData;

    #[test]
    fn wraps_the_data_and_reads_back() {
        let mut data = PlannerData::new();
        data.get_ready_secs = 9;
        let text = all_data_json(&data).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], "kneemap-data");
        assert_eq!(value["data"]["get_ready_secs"], 9);
        assert!(value["data"]["plan"].is_null());
    }

    #[test]
    fn the_user_data_carries_the_pain_diary_whole() {
        let diary = crate::export::test_data::two_entries_three_marks();
        let data = crate::document::UserData {
            diary: diary.clone(),
            ..crate::document::UserData::default()
        };
        let text = all_data_json(&data).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let entries = value["data"]["diary"]["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0]["marks"].as_array().unwrap().len(), 2);
        assert_eq!(entries[0]["run_id"], 7);
        assert_eq!(entries[0]["onset"]["AtKm"], 8.0);
        assert_eq!(
            entries[0]["marks"][0]["place"]["Spot"]["location"],
            "inner_joint_line"
        );
        assert_eq!(entries[0]["contexts"][0], "DuringRun");
        // Every field reads back: nothing of the diary is lost in the export.
        let back: crate::diary::Diary =
            serde_json::from_value(value["data"]["diary"].clone()).unwrap();
        assert_eq!(back, diary);
    }
}
