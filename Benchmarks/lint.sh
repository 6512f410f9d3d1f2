#!/usr/bin/env bash
# `subsidy lint` end to end against the libyaml floor, in the same run.
#
# Uses the corpus of run.sh (generate.py, fixed seed; generated if missing), builds the floor
# (floor.c) and `subsidy` (release, the root package), then, round by round (interleaved, so a
# busy machine slows all alike), times as whole processes:
#   floor    floor.c over every file (read + parse every event, nothing built)
#   lint -j1 subsidy lint corpus --jobs 1 --format json > /dev/null
#   lint -j2 the same with --jobs 2
# and prints each best wall time and its ratio to the floor. Then peak RSS (/usr/bin/time -v,
# "Maximum resident set size") of lint --jobs 1 on the first 1,000 files and on all 10,000.
#
# Usage: Benchmarks/lint.sh [ROUNDS]          (default 5)
#        FORMAT=sarif Benchmarks/lint.sh      (report format; default json)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
rounds="${1:-5}"
format="${FORMAT:-json}"
count=10000
source "$here/common.sh"
rm -rf "$out/corpus-1k" && mkdir -p "$out/corpus-1k"
head -1000 "$out/files.txt" | xargs -I{} cp {} "$out/corpus-1k/"

(cd "$root" && swift build -c release --product subsidy >/dev/null)
subsidy="$(cd "$root" && swift build -c release --show-bin-path)/subsidy"
lint=("$subsidy" lint "$corpus" --as-of 2026-11-29 --format "$format")

cat "$out/files.txt" | xargs cat >/dev/null   # warm the page cache
python3 - "$rounds" "$out/floor" "$out/files.txt" "${lint[@]}" <<'PY'
import subprocess, sys, time
rounds, floor, files, lint = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
def wall(cmd):
    start = time.perf_counter()
    status = subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode
    assert status in (0, 1), (cmd, status)
    return time.perf_counter() - start
best = {"floor": 1e9, "j1": 1e9, "j2": 1e9}
for _ in range(rounds):
    best["floor"] = min(best["floor"], wall([floor, files, "1"]))
    best["j1"] = min(best["j1"], wall(lint + ["--jobs", "1"]))
    best["j2"] = min(best["j2"], wall(lint + ["--jobs", "2"]))
f = best["floor"]
print(f"10,000 files, best of {rounds} interleaved rounds (whole processes, wall time)")
print(f"floor (libyaml events)     {f * 1000:8.0f} ms  1.00x")
print(f"subsidy lint --jobs 1      {best['j1'] * 1000:8.0f} ms  {best['j1'] / f:.2f}x  (goal <= 2x)")
print(f"subsidy lint --jobs 2      {best['j2'] * 1000:8.0f} ms  {best['j2'] / f:.2f}x")
PY
rss() { { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
r1=$(rss "$subsidy" lint "$out/corpus-1k" --as-of 2026-11-29 --format "$format" --jobs 1)
r10=$(rss "${lint[@]}" --jobs 1)
echo "peak RSS, lint --jobs 1: 1,000 files $((r1 / 1024)) MiB; 10,000 files $((r10 / 1024)) MiB"
