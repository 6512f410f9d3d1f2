#!/usr/bin/env bash
# The fast engine against the reference evaluator (Sources/Engine/Reference) on a large corpus:
# COUNT generated measures (generate.py, fixed seed; default 100,000) at three dates (2013-06-30,
# 2016-07-01, 2026-11-29), every verdict compared: category, grounds, exemption, questions and
# their outcomes. Exit 1 on a mismatch. (`swift test` runs a small sample of the same check.)
#
# Usage: Benchmarks/equivalence.sh        COUNT=n Benchmarks/equivalence.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
count="${COUNT:-100000}"
source "$here/common.sh"
(cd "$here" && swift build -c release --product EquivalenceBenchmark >/dev/null)
bench="$(cd "$here" && swift build -c release --show-bin-path)/EquivalenceBenchmark"
"$bench" "$out/files.txt" 2013-06-30 2016-07-01 2026-11-29
