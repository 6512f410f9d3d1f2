#!/usr/bin/env bash
# Classification throughput on the compiled rule graph (explanations on), against the libyaml
# floor in the same run.
#
# Uses the corpus of run.sh (generate.py, fixed seed; generated if missing). Times, round by
# round: the floor (floor.c: read + parse every event of every file) and the classification of
# the same measures (decoded beforehand, untimed). Prints measures per second on one core, the
# goal (200,000 per second), and the classification time per measure as a ratio to the floor's
# time per file.
#
# Usage: Benchmarks/classify.sh [ROUNDS]     (default 5)
#        COUNT=n Benchmarks/classify.sh      (a corpus of n files instead of 10,000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-5}"
count="${COUNT:-10000}"
source "$here/common.sh"
(cd "$here" && swift build -c release --product ClassifyBenchmark >/dev/null)
bench="$(cd "$here" && swift build -c release --show-bin-path)/ClassifyBenchmark"
cat "$out/files.txt" | xargs cat >/dev/null   # warm the page cache

best_floor=""
for _ in $(seq "$rounds"); do
    read -r f _ < <("$out/floor" "$out/files.txt" 1)
    if [ -z "$best_floor" ] || python3 -c "import sys; sys.exit(0 if $f < $best_floor else 1)"; then best_floor="$f"; fi
done
read -r c n _ < <("$bench" "$out/files.txt" "$rounds")
python3 - "$best_floor" "$c" "$n" <<'PY'
import sys
floor, classify, n = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"measures                 {n}")
print(f"floor (libyaml, per file) {floor / n * 1e6:8.2f} us   1.00x")
print(f"classify (per measure)    {classify / n * 1e6:8.2f} us   {classify / floor:.2f}x")
print(f"throughput               {n / classify:10.0f} measures/s on one core (goal >= 200,000)")
PY
