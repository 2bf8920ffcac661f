#!/usr/bin/env bash
# The checks CI runs (.ci/run calls this after installing what a fresh machine lacks). Run it before pushing.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings
echo "== cargo test"
cargo test
echo "== kneemap --check-content content"
cargo run --quiet -- --check-content content
echo "All checks passed."
