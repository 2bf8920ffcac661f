#!/usr/bin/env bash
# Frame benchmark of an older commit and of the working tree in one run, interleaved, so both see the same
# machine load: `scripts/bench_compare.sh OLD_REV [ROUNDS]` (default 3 rounds).
#
# The old commit is checked out in a temporary git worktree and built into this checkout's target folder (shared
# dependencies build once). Prints each benchmark's median per round and the median over the rounds; egui's demo
# runs in both binaries, so its row shows how much the machine drifted between them.
set -euo pipefail

old_rev="${1:?usage: scripts/bench_compare.sh OLD_REV [ROUNDS]}"
rounds="${2:-3}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
worktree="$(mktemp -d /tmp/kneemap-bench-old.XXXXXX)"
results="$(mktemp -d /tmp/kneemap-bench-results.XXXXXX)"
cleanup() {
    git -C "$repo" worktree remove --force "$worktree" >/dev/null 2>&1 || true
    rm -rf "$worktree" "$results"
}
trap cleanup EXIT

# The bench executable cargo built last for the manifest in $1.
bench_binary() {
    (cd "$1" && CARGO_TARGET_DIR="$target" cargo bench --bench frame --no-run --message-format=json 2>/dev/null) |
        grep '"executable":"[^"]*frame-' | sed 's/.*"executable":"\([^"]*\)".*/\1/' | tail -n 1
}

git -C "$repo" worktree add --detach "$worktree" "$old_rev" >/dev/null
old_bin="$(bench_binary "$worktree")"
new_bin="$(bench_binary "$repo")"
[[ -x "$old_bin" && -x "$new_bin" ]] || { echo "could not build both benchmarks" >&2; exit 1; }

for round in $(seq 1 "$rounds"); do
    for side in old new; do
        bin="$old_bin"
        [[ "$side" == new ]] && bin="$new_bin"
        # criterion prints "name  time: [low median high]"; keep name and median (value and unit).
        "$bin" --bench --warm-up-time 2 --measurement-time 5 2>/dev/null |
            awk -v side="$side" -v round="$round" '
                /^[a-z0-9_]+ *time:/ { name = $1; sub(/^[^[]*\[/, ""); print side, round, name, $3, $4; next }
                /^[a-z0-9_]+$/ { name = $1; next }
                /time:/ { sub(/^[^[]*\[/, ""); print side, round, name, $3, $4 }' >>"$results/all"
    done
done

# One row per benchmark, medians over the rounds: time in microseconds, and time divided by egui's demo in the same
# binary run (the machine-independent figure on a shared machine).
echo "old = $old_rev, new = working tree, $rounds rounds"
printf "%-34s %10s %10s %10s %10s\n" "benchmark" "old µs" "new µs" "old/demo" "new/demo"
awk '
    function us(value, unit) { return unit == "ms" ? value * 1000 : (unit == "ns" ? value / 1000 : value) }
    { t[$1, $2, $3] = us($4, $5); seen[$3] = 1; sides[$1] = 1; if ($2 > rounds) rounds = $2 }
    function median(list,   n, a, i, j, x) {
        n = split(list, a, " "); if (n == 0) return "-";
        for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
        return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    function column(side, key, ratio,   r, list, demo) {
        list = ""
        for (r = 1; r <= rounds; r++) {
            if (!((side, r, key) in t)) continue
            demo = t[side, r, "egui_demo_windows"]
            list = list " " (ratio ? (demo > 0 ? t[side, r, key] / demo : 0) : t[side, r, key])
        }
        m = median(list)
        return m == "-" ? "-" : sprintf(ratio ? "%.2f" : "%.0f", m)
    }
    END {
        for (key in seen) {
            printf "%-34s %10s %10s %10s %10s\n", key, column("old", key, 0), column("new", key, 0),
                column("old", key, 1), column("new", key, 1)
        }
    }' "$results/all" | sort
