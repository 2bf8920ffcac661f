#!/usr/bin/env bash
# Crash consistency of the store, shown by the real binary: N times, start `kneemap data crash-writer` on one data
# folder (it saves numbered states through the same Store::save the app uses, printing "saved N" after each), let it
# run for a random moment, SIGKILL it — often mid-save, because a random delay is injected between writing the
# temporary file and renaming it over the main file (KNEEMAP_TEST_DELAY_BEFORE_RENAME_MS) — then check that the store
# loads as either the last state reported saved or the one after it (written but not yet reported).
#
# Usage: scripts/crash_test.sh [N] [BINARY]   (default N = 200; BINARY defaults to a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-200}"
bin="${2:-}"
if [[ -z "$bin" ]]; then
  cargo build --release --quiet
  bin=target/release/kneemap
fi
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
saved=0
killed_mid_save=0
for ((run = 1; run <= runs; run++)); do
  out="$dir/writer-$run.out"
  delay_ms=$((RANDOM % 40))
  KNEEMAP_TEST_DELAY_BEFORE_RENAME_MS="$delay_ms" "$bin" data crash-writer --data-dir "$dir/data" --from $((saved + 1)) >"$out" 2>&1 &
  pid=$!
  # Between 5 and 200 ms: sometimes before the first save, usually inside one.
  sleep "0.$(printf '%03d' $((5 + RANDOM % 195)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  last="$(grep -o 'saved [0-9]*' "$out" | tail -n 1 | cut -d' ' -f2 || true)"
  [[ -n "$last" ]] && saved="$last"
  if ! result="$("$bin" data crash-check --data-dir "$dir/data" --saved "$saved" 2>&1)"; then
    echo "run $run: FAILED after state $saved: $result" >&2
    exit 1
  fi
  [[ "$result" == "state $((saved + 1))" ]] && killed_mid_save=$((killed_mid_save + 1))
  if compgen -G "$dir/data/*.corrupt-*" >/dev/null; then
    echo "run $run: a save left a damaged file" >&2
    exit 1
  fi
done
echo "crash test: $runs/$runs kills left a loadable store (last saved state $saved; $killed_mid_save kills landed after a rename but before the writer reported it)"
