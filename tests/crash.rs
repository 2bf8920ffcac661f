//! Crash consistency on the real binary (a short run of `scripts/crash_test.sh`; the closing note has a 200-run
//! result): the store is killed mid-save again and again and must always load as the previous or the new state.

#![cfg(unix)]

use std::process::Command;

#[test]
fn store_survives_sigkill_mid_save() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/crash_test.sh");
    let output = Command::new("bash")
        .arg(script)
        .arg("12")
        .arg(env!("CARGO_BIN_EXE_kneemap"))
        .output()
        .expect("bash runs the crash test");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("12/12 kills left a loadable store"),
        "{stdout}"
    );
}

#[test]
fn crash_check_rejects_a_state_that_was_never_saved() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let bin = env!("CARGO_BIN_EXE_kneemap");
    let data_dir = dir.path().to_str().expect("UTF-8 path");
    // Nothing saved yet: fine for 0, wrong for 5.
    let check = |saved: &str| {
        Command::new(bin)
            .args([
                "data",
                "crash-check",
                "--data-dir",
                data_dir,
                "--saved",
                saved,
            ])
            .status()
            .expect("kneemap runs")
            .success()
    };
    assert!(check("0"));
    assert!(!check("5"));
    // A damaged file is never accepted.
    std::fs::write(
        dir.path().join("kneemap.ron"),
        "(format: \"kneemap-store\", version: 3, data: (",
    )
    .expect("write");
    assert!(!check("0"));
}
