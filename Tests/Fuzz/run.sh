#!/usr/bin/env bash
# Builds the libFuzzer targets (-sanitize=fuzzer,address) and runs each for SECONDS seconds,
# two at a time, from seed corpora copied from Examples/ and Rules/ at run time.
# Prints the executions per target and any crash found (kept in Tests/Fuzz/out/<target>/).
#   Tests/Fuzz/run.sh 60            # 60 s per target
#   JOBS=1 Tests/Fuzz/run.sh 30     # one at a time
#   CONFIG=release Tests/Fuzz/run.sh 60           # optimised (-O) build: several times the exec/s
#   SECS_FuzzRules=900 Tests/Fuzz/run.sh 300      # per-target duration overrides SECONDS
#   TARGETS="FuzzLoader FuzzRules" Tests/Fuzz/run.sh 60   # a subset
#   BUILD_ONLY=1 CONFIG=release Tests/Fuzz/run.sh # build and stop
# Each run starts from the seeds plus the corpus a previous run left in out/<target>/corpus
# (KEEP_CORPUS=0 to start from the seeds only).
set -euo pipefail
SECONDS_PER_TARGET=${1:-60}
JOBS=${JOBS:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export PATH=/opt/swift/usr/bin:$PATH
read -r -a TARGETS <<< "${TARGETS:-FuzzLoader FuzzMeasure FuzzRules FuzzClassify}"
OUT=$HERE/out

# Coverage and ASan for every module; libFuzzer without its main (see Package.swift).
# The build tool (embed-rules) runs instrumented during the build: leaks at exit are not errors.
export ASAN_OPTIONS=detect_leaks=0
LIBFUZZER=$(find /opt/swift/usr/lib/clang "$(dirname "$(command -v swiftc)")/../lib/clang" -name 'libclang_rt.fuzzer_no_main-x86_64.a' 2>/dev/null | head -1)
FLAGS=(-c "${CONFIG:-debug}" -Xswiftc -sanitize=address
    -Xswiftc -sanitize-coverage=edge,trace-cmp,indirect-calls,inline-8bit-counters,pc-table
    -Xlinker "$LIBFUZZER" -Xlinker -lstdc++)
(cd "$HERE" && swift build "${FLAGS[@]}" 2>&1 | grep -E 'error|Compiling|Build complete' | tail -3)
BIN=$(cd "$HERE" && swift build "${FLAGS[@]}" --show-bin-path)
[ -n "${BUILD_ONLY:-}" ] && { echo "built in $BIN"; exit 0; }

# Seeds: measures (YAML and Markdown) for the decoders, rule files for the compiler.
mkdir -p "$OUT"
for t in "${TARGETS[@]}"; do
    [ "${KEEP_CORPUS:-1}" = 1 ] || rm -rf "$OUT/$t/corpus"
    rm -rf "$OUT/$t/crashes"; rm -f "$OUT/$t/log"
    mkdir -p "$OUT/$t/corpus" "$OUT/$t/crashes"
done
i=0
while IFS= read -r f; do
    i=$((i+1))
    for t in FuzzLoader FuzzClassify; do [ -d "$OUT/$t" ] && cp "$f" "$OUT/$t/corpus/seed-$i"; done
    case "$f" in
        *.md) [ -d "$OUT/FuzzMeasure" ] && { printf '\x00'; cat "$f"; } > "$OUT/FuzzMeasure/corpus/seed-$i" ;;
        *) [ -d "$OUT/FuzzMeasure" ] && { printf '\x01'; cat "$f"; } > "$OUT/FuzzMeasure/corpus/seed-$i" ;;
    esac || true
done < <(find "$ROOT/Examples" -type f \( -name '*.yaml' -o -name '*.md' \) -size -64k)
while IFS= read -r f; do
    i=$((i+1))
    for t in FuzzRules FuzzLoader; do [ -d "$OUT/$t" ] && cp "$f" "$OUT/$t/corpus/seed-$i"; done
done < <(find "$ROOT/Rules" -type f -name '*.yaml' -size -64k)

run_one() {
    local t=$1
    local secs_var="SECS_$t"
    local secs=${!secs_var:-$SECONDS_PER_TARGET}
    ( cd "$OUT/$t/crashes" && ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
        "$BIN/$t" "$OUT/$t/corpus" -max_total_time="$secs" -max_len=8192 \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$OUT/$t/crashes/" \
        > "$OUT/$t/log" 2>&1 ) || true
}

running=0
for t in "${TARGETS[@]}"; do
    run_one "$t" &
    running=$((running+1))
    if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running-1)); fi
done
wait

total=0
printf '%-14s %14s %8s %s\n' target executions exec/s crashes
for t in "${TARGETS[@]}"; do
    runs=$(grep -E '^stat::number_of_executed_units' "$OUT/$t/log" | awk '{print $2}' | tail -1)
    speed=$(grep -E '^stat::average_exec_per_sec' "$OUT/$t/log" | awk '{print $2}' | tail -1)
    crashes=$(find "$OUT/$t/crashes" -type f | wc -l)
    total=$((total + ${runs:-0}))
    printf '%-14s %14s %8s %s\n' "$t" "${runs:-?}" "${speed:-?}" "$crashes"
done
printf '%-14s %14s\n' total "$total"
