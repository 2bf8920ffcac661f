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
                /^[a-z_]+ *time:/ { name = $1; sub(/^[^[]*\[/, ""); print side, round, name, $3, $4; next }
                /^[a-z_]+$/ { name = $1; next }
                /time:/ { sub(/^[^[]*\[/, ""); print side, round, name, $3, $4 }' >>"$results/all"
    done
done

# One row per benchmark: the median over the rounds, in microseconds, old and new.
echo "old = $old_rev, new = working tree, $rounds rounds"
printf "%-34s %12s %12s %8s\n" "benchmark" "old µs" "new µs" "new/old"
awk '
    function us(value, unit) { return unit == "ms" ? value * 1000 : (unit == "ns" ? value / 1000 : value) }
    { key = $3; t = us($4, $5); if ($1 == "old") old[key] = old[key] " " t; else new[key] = new[key] " " t; seen[key] = 1 }
    function median(list,   n, a, i, j, x) {
        n = split(list, a, " "); if (n == 0) return "-";
        for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
        return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        for (key in seen) {
            o = median(old[key]); n = median(new[key])
            ratio = (o != "-" && n != "-") ? sprintf("%.2f", n / o) : "-"
            printf "%-34s %12s %12s %8s\n", key, o, n, ratio
        }
    }' "$results/all" | sort
