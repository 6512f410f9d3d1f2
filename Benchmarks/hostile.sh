#!/usr/bin/env bash
# Time and peak memory of the release binary on each hostile input (the cases of
# Tests/CLITests/HostileInputTests.swift), generated into a temporary folder.
# Goal: each case within 1 s and 64 MiB, with a located error (exit 2) or a clean result.
#   Benchmarks/hostile.sh            # builds `swift build -c release` first
#   SUBSIDY_BIN=path Benchmarks/hostile.sh
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PATH=/opt/swift/usr/bin:$PATH
if [ ! -x /usr/bin/time ]; then apt-get install -y time >/dev/null; fi
if [ -z "${SUBSIDY_BIN:-}" ]; then
    (cd "$ROOT" && swift build -c release --product subsidy 2>&1 | tail -1) >&2
    SUBSIDY_BIN=$ROOT/.build/release/subsidy
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
GOOD='id: KZ-1
title: Interest-rate subsidy
member_state: KZ
benefit: true
forms: [interest-subsidy]
'
python3 - "$T" "$GOOD" <<'PY'
import os, sys
t, good = sys.argv[1], sys.argv[2]
def w(name, data):
    os.makedirs(os.path.dirname(os.path.join(t, name)) or t, exist_ok=True)
    with open(os.path.join(t, name), 'wb') as f: f.write(data if isinstance(data, bytes) else data.encode())
laughs = 'a0: &a0 [' + ', '.join(['lol'] * 10) + ']\n'
for i in range(1, 10): laughs += f'a{i}: &a{i} [' + ', '.join([f'*a{i-1}'] * 10) + ']\n'
w('laughs.yaml', laughs)
w('deep.yaml', '[' * 100000 + ']' * 100000 + '\n')
with open(os.path.join(t, 'huge.yaml'), 'wb') as f:
    f.write(good.encode())
    chunk = b'# ' + b'x' * ((1 << 20) - 3) + b'\n'
    for _ in range(100): f.write(chunk)
w('utf8.yaml', good.encode() + b'notes: caf\xc3\x28\n')
w('nul.yaml', b'id: KZ-1\ntitle: a\x00b\n')
w('crlf-bom.yaml', b'\xef\xbb\xbf' + good.replace('\n', '\r\n').encode())
w('tabs.yaml', good + 'amount:\n\tvalue: 10\n')
w('long-line.yaml', good.replace('Interest-rate subsidy', 'a' * (1 << 20)))
w('long-line-bad.yaml', 'id: [' + 'a' * (1 << 20) + '\n')
w('million-keys.yaml', ''.join(f'k{i}: 1\n' for i in range(1000000)))
w('many-keys.yaml', good + ''.join(f'k{i}: 1\n' for i in range(300000)))
w('dup-keys.yaml', good + 'title: x\n' * 400000)
w('yaml11-no.yaml', good.replace('benefit: true', 'benefit: no'))
w('yaml11-on.yaml', good.replace('benefit: true', 'benefit: on'))
w('sexagesimal.yaml', good + 'amount:\n  value: 1:30\n')
w('fs/good.yaml', good)
os.symlink('b.yaml', os.path.join(t, 'fs/a.yaml')); os.symlink('a.yaml', os.path.join(t, 'fs/b.yaml'))
os.symlink('.', os.path.join(t, 'fs/loop')); os.symlink('nowhere.yaml', os.path.join(t, 'fs/gone.yaml'))
os.mkfifo(os.path.join(t, 'fs/pipe.yaml'))
os.makedirs(os.path.join(t, 'dir.yaml'))
PY

printf '| %-28s | %-34s | %7s | %9s |\n' case "outcome (exit)" seconds "peak MiB"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..30})" "$(printf -- '-%.0s' {1..36})" "$(printf -- '-%.0s' {1..9})" "$(printf -- '-%.0s' {1..11})"
measure() {
    local name=$1; shift
    timeout 20 /usr/bin/time -v -o "$T/time.txt" "$SUBSIDY_BIN" "$@" > "$T/out.txt" 2> "$T/err.txt" < /dev/null
    local status=$?
    local secs mem id
    secs=$(grep 'Elapsed (wall clock)' "$T/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    mem=$(grep 'Maximum resident' "$T/time.txt" | awk '{printf "%.1f", $NF / 1024}')
    id=$(grep -ohE '\[[a-z0-9.-]+\]' "$T/err.txt" "$T/out.txt" | sort | uniq -c | sort -rn | head -1 | awk '{print $2}')
    [ "$status" = 124 ] && id="TIMEOUT"
    [ -z "$id" ] && id=$(head -c 40 "$T/out.txt" | tr '\n' ' ')
    printf '| %-28s | %-34s | %7s | %9s |\n' "$name" "$id ($status)" "${secs:-?}" "${mem:-?}"
}
measure "alias bomb" validate "$T/laughs.yaml"
measure "100,000 levels" validate "$T/deep.yaml"
measure "100 MB file" validate "$T/huge.yaml"
measure "invalid UTF-8" validate "$T/utf8.yaml"
measure "NUL byte" validate "$T/nul.yaml"
measure "CRLF + BOM (valid)" validate "$T/crlf-bom.yaml"
measure "tab indentation" validate "$T/tabs.yaml"
measure "1 MB line (valid)" validate "$T/long-line.yaml"
measure "1 MB line (invalid)" validate "$T/long-line-bad.yaml"
measure "million keys (8 MB)" validate "$T/million-keys.yaml"
measure "300,000 unknown keys" validate "$T/many-keys.yaml"
measure "400,000 duplicate keys" validate "$T/dup-keys.yaml"
measure "benefit: no (valid)" validate "$T/yaml11-no.yaml"
measure "benefit: on" validate "$T/yaml11-on.yaml"
measure "value: 1:30" validate "$T/sexagesimal.yaml"
measure "links, FIFO in folder (lint)" lint --as-of 2026-01-01 "$T/fs"
measure "folder as --config" lint --config "$T/dir.yaml" "$T/crlf-bom.yaml"
measure "100 MB file (lint)" lint --as-of 2026-01-01 "$T/huge.yaml"
