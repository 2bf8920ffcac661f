#!/usr/bin/env bash
# Crash consistency of the store, shown by the real binary: N times, start `kneemap data crash-writer` on one data
# folder — it hands numbered states to the same background writer thread the app saves through, one every
# millisecond, printing "submitted N" before each hand-over and "saved N" once state N is on disk; states that
# arrive during a write are merged, as in the app — let it run for a random moment, SIGKILL it, then check that the
# store loads as one of the states from the last one reported saved to the last one submitted. The kill lands while
# the writer thread is mid-write: a random delay is injected between syncing the temporary file and renaming it
# over the main file (KNEEMAP_TEST_DELAY_BEFORE_RENAME_MS), while the main thread keeps handing over new states.
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
submitted=0
newer_than_reported=0
mid_write=0
for ((run = 1; run <= runs; run++)); do
  out="$dir/writer-$run.out"
  delay_ms=$((RANDOM % 40))
  KNEEMAP_TEST_DELAY_BEFORE_RENAME_MS="$delay_ms" "$bin" data crash-writer --data-dir "$dir/data" --from $((submitted + 1)) >"$out" 2>&1 &
  pid=$!
  # Between 5 and 200 ms: sometimes before the first save, usually inside one.
  sleep "0.$(printf '%03d' $((5 + RANDOM % 195)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # A temporary file of the killed process: the kill landed inside a write, before its rename.
  compgen -G "$dir/data/.kneemap.ron.tmp-$pid-*" >/dev/null && mid_write=$((mid_write + 1))
  if grep -q 'failed' "$out"; then
    echo "run $run: the writer reported a failure: $(grep 'failed' "$out")" >&2
    exit 1
  fi
  last_saved="$(grep -o '^saved [0-9]*' "$out" | tail -n 1 | cut -d' ' -f2 || true)"
  last_submitted="$(grep -o '^submitted [0-9]*' "$out" | tail -n 1 | cut -d' ' -f2 || true)"
  [[ -n "$last_saved" ]] && saved="$last_saved"
  [[ -n "$last_submitted" ]] && submitted="$last_submitted"
  if ! result="$("$bin" data crash-check --data-dir "$dir/data" --saved "$saved" --submitted "$submitted" 2>&1)"; then
    echo "run $run: FAILED after state $saved was reported saved and $submitted submitted: $result" >&2
    exit 1
  fi
  if [[ "$result" == state* && "${result#state }" -gt "$saved" ]]; then
    newer_than_reported=$((newer_than_reported + 1))
  fi
  # What is on disk is now the newest state any later run may start from.
  [[ "$result" == state* ]] && saved="${result#state }"
  if compgen -G "$dir/data/*.corrupt-*" >/dev/null; then
    echo "run $run: a save left a damaged file" >&2
    exit 1
  fi
done
echo "crash test: $runs/$runs kills left a loadable store (last saved state $saved; $mid_write kills landed inside a write, before its rename; $newer_than_reported after a rename but before the writer reported it)"
