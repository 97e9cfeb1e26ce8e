#!/usr/bin/env bash
# active-heap.sh - heap per ACTIVE connection: N websocket clients in a closed echo loop, the
# server's live heap (counted during a full GC) in the middle of the load, minus its live heap
# before they connected, divided by N. Next to it, the same N idle (the loadgen's connect scenario).
#
# Usage:
#   tck-tests/bench/active-heap.sh NAME=URL:PID [NAME=URL:PID ...]     (the lines servers.sh prints)
#   e.g. flock /tmp/socketee-bench.lock tck-tests/bench/servers.sh with embedded netty-socketio \
#            -- tck-tests/bench/active-heap.sh
#
# Environment: N clients [10000], DURATION measured seconds [30], WARMUP [8], REPS [3],
#   LOADGEN [../shared/bench/loadgen/target/loadgen.jar], OUT [tck-tests/target/bench-results/active-heap-TIME]
# Prints one line per target and rep; JSON lines in $OUT/active-heap.jsonl. Exits non-zero if a
# run fails. The servers must be JVMs (jcmd).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tck="$(cd "$here/.." && pwd)"
N="${N:-10000}"; DURATION="${DURATION:-30}"; WARMUP="${WARMUP:-8}"; REPS="${REPS:-3}"
LOADGEN="${LOADGEN:-}"
if [ -z "$LOADGEN" ]; then
  for j in "$tck/../../shared/bench/loadgen/target/loadgen.jar"; do
    [ -f "$j" ] && { LOADGEN="$j"; break; }
  done
fi
[ -f "${LOADGEN:-}" ] || { echo "no loadgen.jar (set LOADGEN)" >&2; exit 2; }
OUT="${OUT:-$tck/target/bench-results/active-heap-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
GEN=(java -XX:+UseSerialGC -Xms1g -Xmx2g -XX:+AlwaysPreTouch -jar "$LOADGEN")
if nice -n -10 true 2>/dev/null; then GEN=(nice -n -10 "${GEN[@]}"); fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# live heap in KB: the class histogram's total, which the JVM counts inside the full GC it runs for
# it. Not "GC.run, then GC.heap_info used": the second attach comes 0.1-0.5 s after the GC, and under
# load the server allocates tens of MB in that time, so 'used' swung 5x between reps (4.8-32.8 KB
# per active connection, same build) where the histogram stays within 0.1 KB.
heap_kb() {
  local total
  total=$(jcmd "$1" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { print $3 }') || return 1
  [ -n "$total" ] || return 1
  echo $(( total / 1024 ))
}

[ $# -ge 1 ] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64; }
failed=0
for rep in $(seq 1 "$REPS"); do
  for spec in "$@"; do
    name="${spec%%=*}"; rest="${spec#*=}"; pid="${rest##*:}"; url="${rest%:*}"
    idle=$("${GEN[@]}" --name "$name" --rep "$rep" --scenario connect --url "$url" --pid "$pid" --jvm \
           --clients "$N" --hold 5 2>>"$OUT/loadgen.stderr")
    idle_kb=$(echo "$idle" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("heap_per_conn_kb",""))' 2>/dev/null)
    sleep 3
    before=$(heap_kb "$pid") || { echo "$name: jcmd failed" >&2; failed=1; continue; }
    "${GEN[@]}" --name "$name" --rep "$rep" --scenario echo --url "$url" --pid "$pid" \
        --clients "$N" --duration "$DURATION" --warmup "$WARMUP" > "$OUT/echo-$name-$rep.json" 2>>"$OUT/loadgen.stderr" &
    gen=$!
    # sample in the middle of the measured window: every client connected and in its loop
    sleep $(( WARMUP + DURATION / 2 + 5 ))
    during=$(heap_kb "$pid")
    wait "$gen" || failed=1
    python3 - "$OUT/echo-$name-$rep.json" "$name" "$rep" "$N" "$before" "$during" "$idle_kb" <<'EOF' | tee -a "$OUT/active-heap.jsonl"
import json, sys
path, name, rep, n, before, during, idle = sys.argv[1:]
try:
    d = json.load(open(path))
except Exception as e:
    d = {"error": "no echo result: %s" % e}
n = int(n)
out = {"name": name, "rep": int(rep), "clients": n, "heap_before_kb": int(before or 0), "heap_active_kb": int(during or 0),
       "active_heap_per_conn_kb": round((int(during or 0) - int(before or 0)) / n, 2),
       "idle_heap_per_conn_kb": float(idle) if idle else None,
       "acks_per_s": d.get("acks_per_s"), "ack_p99_ms": d.get("ack_p99_ms"), "stalled_clients": d.get("stalled_clients"),
       "failed": d.get("failed"), "error": d.get("error")}
print(json.dumps(out))
EOF
    sleep 3
  done
done
exit $failed
