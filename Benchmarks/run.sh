#!/usr/bin/env bash
# The loader benchmark in one command: generates the corpus (10,000 measure files of 1-4 KB, fixed
# seed) if it is missing, builds the C floor (bare libyaml event loop) and the Swift benchmark
# (release), then times the floor, the tree loader and the full decoder, interleaved round by round
# so that a busy machine slows all three alike, and prints each best time as a ratio to the floor.
#
# Usage: Benchmarks/run.sh [ROUNDS]      (default 5)
#        COUNT=n Benchmarks/run.sh       (a corpus of n files instead of 10,000)
#        Benchmarks/run.sh --callgrind   (instructions per file on 1,000 files, with valgrind: a
#                                        measure that does not depend on the machine's load)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mode="wall"
rounds="5"
if [ "${1:-}" = "--callgrind" ]; then mode="callgrind"; elif [ -n "${1:-}" ]; then rounds="$1"; fi
count="${COUNT:-10000}"
source "$here/common.sh"

(cd "$here" && swift build -c release --product LoaderBenchmark >/dev/null)
bench="$(cd "$here" && swift build -c release --show-bin-path)/LoaderBenchmark"

if [ "$mode" = "callgrind" ]; then
    head -1000 "$out/files.txt" > "$out/files-1k.txt"
    : > "$out/none.txt"
    instructions() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
            sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    }
    # Each program once on no files and once on 1,000: the difference is the per-file work.
    f=$(( $(instructions "$out/floor" "$out/files-1k.txt" 1) - $(instructions "$out/floor" "$out/none.txt" 1) ))
    t=$(( $(instructions "$bench" "$out/files-1k.txt" 1 tree) - $(instructions "$bench" "$out/none.txt" 1 tree) ))
    d=$(( $(instructions "$bench" "$out/files-1k.txt" 1 decode) - $(instructions "$bench" "$out/none.txt" 1 decode) ))
    python3 - "$f" "$t" "$d" <<'PY'
import sys
f, t, d = (int(x) / 1000 for x in sys.argv[1:])
print("instructions per file (1,000 files, callgrind)")
print(f"floor  (libyaml events)      {f:>9.0f}  1.00x")
print(f"tree   (YAMLLoader.load)     {t:>9.0f}  {t / f:.2f}x  (goal <= 1.3x)")
print(f"decode (MeasureSource.load)  {d:>9.0f}  {d / f:.2f}x  (goal <= 2x)")
PY
    exit 0
fi

# Warm the page cache so that every contestant reads the files from memory.
cat "$out/files.txt" | xargs cat >/dev/null
: > "$out/times.txt"
for _ in $(seq "$rounds"); do
    read -r f _ < <("$out/floor" "$out/files.txt" 1)
    t=$("$bench" "$out/files.txt" 1 tree)
    d=$("$bench" "$out/files.txt" 1 decode)
    echo "$f $t $d" >> "$out/times.txt"
done
python3 - "$out/times.txt" "$(wc -l < "$out/files.txt")" <<'PY'
import sys
rows = [[float(x) for x in line.split()] for line in open(sys.argv[1])]
floor, tree, decode = (min(column) for column in zip(*rows))
print(f"{sys.argv[2]} files, best of {len(rows)} interleaved rounds (wall time)")
print(f"floor  (libyaml events)      {floor * 1000:8.1f} ms  1.00x")
print(f"tree   (YAMLLoader.load)     {tree * 1000:8.1f} ms  {tree / floor:.2f}x  (goal <= 1.3x)")
print(f"decode (MeasureSource.load)  {decode * 1000:8.1f} ms  {decode / floor:.2f}x  (goal <= 2x)")
PY
