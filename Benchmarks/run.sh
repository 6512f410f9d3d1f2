#!/usr/bin/env bash
# The loader benchmark in one command: generates the corpus (10,000 measure files, fixed seed) if
# it is missing, builds the C floor and the Swift benchmark (release), and prints the loader's
# and the decoder's best-of-N wall times as ratios to the floor.
#
# Usage: Benchmarks/run.sh [RUNS]   (default 5; COUNT=n to use a smaller corpus)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-5}"
count="${COUNT:-10000}"
corpus="$here/corpus"
out="$here/out"
mkdir -p "$out"

if [ ! -f "$corpus/.complete-$count" ]; then
    rm -rf "$corpus"
    python3 "$here/generate.py" "$corpus" "$count"
    touch "$corpus/.complete-$count"
fi
find "$corpus" -name '*.yaml' | sort > "$out/files.txt"

gcc -O2 -Wall -o "$out/floor" "$here/floor.c" $(pkg-config --cflags --libs yaml-0.1)
(cd "$here" && swift build -c release --product LoaderBenchmark >/dev/null)
bin="$(cd "$here" && swift build -c release --show-bin-path)"

# Warm the page cache so that every contestant reads the files from memory.
cat $(cat "$out/files.txt") >/dev/null
read -r floor_seconds floor_events < <("$out/floor" "$out/files.txt" "$runs")
echo "floor: $floor_events libyaml events per run"
"$bin/LoaderBenchmark" "$out/files.txt" "$runs" "$floor_seconds"
