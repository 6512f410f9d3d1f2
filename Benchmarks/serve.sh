#!/usr/bin/env bash
# Requests per second and latency (p50, p99) of `POST /api/classify` on `subsidy serve`, release
# build, the server pinned to one core (taskset -c 0) and wrk on the other, over loopback only,
# with 1, 8 and 64 concurrent clients. Goal: p99 < 5 ms at 64 clients on one core.
#
# Usage: Benchmarks/serve.sh [SECONDS]   (per run; default 10)
# Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
seconds="${1:-10}"
out="$here/out"
mkdir -p "$out"
command -v wrk >/dev/null || { echo "serve.sh needs wrk (apt-get install wrk)" >&2; exit 2; }
(cd "$root" && swift build -c release --product subsidy >/dev/null)
bin="$(cd "$root" && swift build -c release --show-bin-path)/subsidy"

# A bounded run: the server stops when the script ends.
port=18089
taskset -c 0 "$bin" serve --host 127.0.0.1 --port "$port" > "$out/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

# The body: the Examples/drafts export grant (a measure of ~0.6 KB), as the page sends it.
cat > "$out/serve-post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/yaml"
local f = io.open("$root/Examples/drafts/export-grant.yaml", "r")
wrk.body = f:read("*a")
f:close()
LUA
status=$(curl -s -o /dev/null -w '%{http_code}' --data-binary @"$root/Examples/drafts/export-grant.yaml" \
    "http://127.0.0.1:$port/api/classify?as_of=2027-03-01")
[ "$status" = 200 ] || { echo "classify answered $status" >&2; exit 1; }

for clients in 1 8 64; do
    taskset -c 1 wrk -t1 -c"$clients" -d"${seconds}s" --latency -s "$out/serve-post.lua" \
        "http://127.0.0.1:$port/api/classify?as_of=2027-03-01" > "$out/serve-$clients.txt"
    python3 - "$clients" "$out/serve-$clients.txt" <<'PY'
import re, sys
clients, text = sys.argv[1], open(sys.argv[2]).read()
def ms(label):
    m = re.search(r"^\s*" + label + r"%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"clients {clients:>2}: {rps:,.0f} requests/s, p50 {ms('50'):.2f} ms, p99 {ms('99'):.2f} ms"
      + (f", NON-2xx: {errors.group(1)}" if errors else ""))
PY
done
