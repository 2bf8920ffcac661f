#!/usr/bin/env bash
# The checks CI runs (.ci/run calls this after installing what a fresh machine lacks). Run it before pushing.
# `kneemap --check-content content` runs inside `cargo test` (cli::tests::content_folder_on_disk_checks_clean), so the
# binary is not built a second time with other features just for it.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== packaging/validate.sh (desktop file, AppStream metainfo, MIME entry)"
bash packaging/validate.sh
echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings
echo "== cargo test"
cargo test
echo "All checks passed."
