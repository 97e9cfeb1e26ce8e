#!/usr/bin/env bash
# servers.sh - run the bench app on WildFly, Payara Micro and Open Liberty (and the embedded
# default, and the netty-socketio peer) so ../shared/bench/run.sh can compare them in one run.
#
# Usage:
#   tck-tests/bench/servers.sh with SERVER... -- COMMAND [ARGS...]
#       starts every SERVER on free loopback ports, waits until each answers a WebSocket upgrade
#       (101) and a polling handshake, appends one NAME=URL:PID argument per server to COMMAND,
#       runs it, and stops the servers when COMMAND ends (also on failure or Ctrl-C).
#       Exits with COMMAND's status, or non-zero if a server does not start or does not stop.
#   tck-tests/bench/servers.sh start SERVER...
#       starts them and prints NAME=URL:PID lines (one per server) on stdout; writes the PIDs to
#       $STATE (stop them with 'servers.sh stop'). If one fails to start, stops the others, exits 1.
#   tck-tests/bench/servers.sh stop
#       stops what 'start' started (SIGTERM, then SIGKILL after 60 s), by the PIDs in $STATE.
#
# SERVER: wildfly | payara | liberty | embedded (socketee-conformance.jar bench-cdi on Jetty + Weld)
#         | netty-socketio (../shared/bench/peers/start-peer.sh)
#
# Example (one bench at a time on the machine):
#   flock /tmp/socketee-bench.lock tck-tests/bench/servers.sh with netty-socketio embedded wildfly payara liberty \
#       -- ../shared/bench/run.sh
#
# Every server runs the same WAR, target/socketee-tck-bench.war (build: mvn -pl tck-tests -am package
# -DskipTests): BenchHandlers as CDI observers, exactly as 'bench-cdi' runs them, the library's
# default settings, each server's own Jakarta WebSocket implementation, at the root context, in a
# JVM started with -Dsocketee.tck.bench-cdi=true. What is changed from each server's defaults, and
# why, is in tck-tests/bench/README.md.
#
# Environment (defaults in brackets):
#   WORK       where the servers are unpacked and run, and their logs    [tck-tests/target/bench-servers]
#   STATE      PID file of 'start' / 'stop'                               [$WORK/servers.pids]
#   BENCH_DIR  the shared bench (start-peer.sh for netty-socketio)        [../shared/bench of the repo]
#   NICE       nice level of every server (the peers' default)            [-10 if permitted; "" = none]
#   JAVA_HOME  the JDK every server runs on                               [the one 'java' is in]
#   START_TIMEOUT  seconds per server to answer                           [240]
#   PAYARA_ARGS    more Payara Micro arguments, e.g. "--postbootcommandfile F" (diagnostics) [none]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tck="$(cd "$here/.." && pwd)"
repo="$(cd "$tck/.." && pwd)"
WORK="${WORK:-$tck/target/bench-servers}"
STATE="${STATE:-$WORK/servers.pids}"
NICE="${NICE--10}"
START_TIMEOUT="${START_TIMEOUT:-240}"
M2="${M2:-$HOME/.m2/repository}"
WAR="$tck/target/socketee-tck-bench.war"
CONFORMANCE_JAR="$tck/target/socketee-conformance.jar"
if [ -z "${BENCH_DIR:-}" ]; then
  for d in "$repo/../shared/bench"; do [ -x "$d/run.sh" ] && { BENCH_DIR="$(cd "$d" && pwd)"; break; }; done
fi
BENCH_DIR="${BENCH_DIR:-$repo/../shared/bench}"
if [ -z "${JAVA_HOME:-}" ]; then JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
# pinned as in tck-tests/pom.xml (../shared/SERVERS.md)
WILDFLY_VERSION="${WILDFLY_VERSION:-$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' "$tck/pom.xml")}"
PAYARA_VERSION="${PAYARA_VERSION:-$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$tck/pom.xml")}"
LIBERTY_VERSION="${LIBERTY_VERSION:-$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' "$tck/pom.xml")}"
PROPS="-Dsocketee.tck.bench-cdi=true"

log() { echo "[servers.sh] $*" >&2; }
die() { log "$*"; exit 1; }

pre=()
if [ -n "$NICE" ] && nice -n "$NICE" true 2>/dev/null; then pre=(nice -n "$NICE"); fi
# 10k connections need more than 10k descriptors in the server: as many as the hard limit allows
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# WildFly shifts all its ports by one offset: find one where http, https, management and the
# transaction ports (8080 8443 9990 9993 4712 4713) are all free.
wildfly_offset() {
  local off p ok
  for _ in $(seq 1 50); do
    off=$(( (RANDOM % 400 + 100) * 50 ))
    ok=1
    for p in 8080 8443 9990 9993 4712 4713; do port_free $((p + off)) || { ok=0; break; }; done
    [ $ok = 1 ] && { echo "$off"; return 0; }
  done
  return 1
}

# The server JVM under a launch script: the first java process in the tree of $1 (run.sh reads
# CPU, RSS and heap from that PID).
java_pid() {
  local pid=$1 c
  if [ "$(basename "$(readlink "/proc/$pid/exe" 2>/dev/null)")" = java ]; then echo "$pid"; return 0; fi
  for c in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do java_pid "$c" && return 0; done
  return 1
}

# Ready = a WebSocket upgrade answered 101 and a polling handshake answered with an open packet
# (some servers serve servlets seconds before their WebSocket container is up).
ready() {
  local url=$1 code
  curl -s -m 3 "$url/socket.io/?EIO=4&transport=polling" 2>/dev/null | grep -q '^0{' || return 1
  code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' --http1.1 \
    -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' \
    -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' "$url/socket.io/?EIO=4&transport=websocket" 2>/dev/null)
  [ "$code" = 101 ]
}

unpack_zip() { # zip dest-dir expected-subdir
  [ -d "$2/$3" ] && return 0
  [ -f "$1" ] || die "$1 is missing (resolve it once: mvn -pl tck-tests dependency:resolve -P<server>, or the server profile's verify)"
  log "unpacking $(basename "$1")..."
  mkdir -p "$2" && unzip -q -o "$1" -d "$2" || die "could not unpack $1"
}

# Each start_* sets LAUNCHED (the PID we started), URL, LOGFILE and READY_LINE (a log line that
# must be present too, or empty).
start_wildfly() {
  local home="$WORK/wildfly-$WILDFLY_VERSION" off
  unpack_zip "$M2/org/wildfly/wildfly-dist/$WILDFLY_VERSION/wildfly-dist-$WILDFLY_VERSION.zip" "$WORK" "wildfly-$WILDFLY_VERSION"
  local config="$home/standalone/configuration/standalone.xml"
  # the default config serves a welcome page at "/", which a ROOT.war cannot take over
  sed -i 's#<location name="/" handler="welcome-content"/>##' "$config"
  rm -f "$home"/standalone/deployments/*
  cp "$WAR" "$home/standalone/deployments/ROOT.war"
  off=$(wildfly_offset) || die "no free port offset for WildFly"
  LOGFILE="$WORK/wildfly.log"; READY_LINE="WFLYSRV0025"
  # standalone.conf caps the heap at 512 MB (-Xmx512m); 10k connections need more: the JVM default
  # maximum, as every other server here gets
  JBOSS_JAVA_SIZING="-Xms64m" "${pre[@]}" sh "$home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$off" $PROPS >"$LOGFILE" 2>&1 &
  LAUNCHED=$!
  URL="http://127.0.0.1:$((8080 + off))"
}

start_payara() {
  local dir="$WORK/payara" http
  local jar="$M2/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar"
  [ -f "$jar" ] || die "$jar is missing (resolve it once: the payara profile)"
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$WAR" "$dir/ROOT.war"
  # HTTP listeners on loopback only (Payara Micro's Hazelcast is switched off but still opens *:6900)
  cat > "$dir/preboot.asadmin" <<'EOF'
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address=127.0.0.1
EOF
  http=$(free_port)
  LOGFILE="$WORK/payara-micro.log"; READY_LINE="Payara Micro .* ready in"
  # an empty --rootdir each time: Payara Micro would otherwise boot the previous deployment first
  (cd "$dir" && exec "${pre[@]}" "$JAVA" $PROPS -jar "$jar" --nocluster --nohazelcast \
     --port "$http" --sslport "$(free_port)" --prebootcommandfile "$dir/preboot.asadmin" \
     --rootdir "$dir/root" --deploy "$dir/ROOT.war" ${PAYARA_ARGS:-}) >"$LOGFILE" 2>&1 &
  LAUNCHED=$!
  URL="http://127.0.0.1:$http"
}

start_liberty() {
  local wlp="$WORK/wlp" http
  unpack_zip "$M2/io/openliberty/openliberty-runtime/$LIBERTY_VERSION/openliberty-runtime-$LIBERTY_VERSION.zip" "$WORK" wlp
  local server="$wlp/usr/servers/bench"
  rm -rf "$server" && mkdir -p "$server/apps"
  cp "$WAR" "$server/apps/bench.war"
  http=$(free_port)
  # the web features Socketee needs, nothing else
  cat > "$server/server.xml" <<EOF
<server description="Socketee bench">
    <featureManager>
        <feature>servlet-6.0</feature>
        <feature>websocket-2.1</feature>
        <feature>cdi-4.0</feature>
        <feature>jsonb-3.0</feature>
    </featureManager>
    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="$http" httpsPort="-1"/>
    <webApplication location="bench.war" contextRoot="/"/>
</server>
EOF
  echo "$PROPS" > "$server/jvm.options"
  LOGFILE="$WORK/open-liberty.log"; READY_LINE="CWWKF0011I"
  "${pre[@]}" sh "$wlp/bin/server" run bench >"$LOGFILE" 2>&1 &
  LAUNCHED=$!
  URL="http://127.0.0.1:$http"
}

start_embedded() {
  local port; port=$(free_port)
  [ -f "$CONFORMANCE_JAR" ] || die "$CONFORMANCE_JAR is missing (mvn -pl tck-tests -am package -DskipTests)"
  LOGFILE="$WORK/embedded.log"; READY_LINE=""
  "${pre[@]}" "$JAVA" -jar "$CONFORMANCE_JAR" bench-cdi "$port" >"$LOGFILE" 2>&1 &
  LAUNCHED=$!
  URL="http://127.0.0.1:$port"
}

start_netty_socketio() {
  local port spec; port=$(free_port)
  LOGFILE="$WORK/netty-socketio-$port.log"; READY_LINE=""
  spec=$(LOGDIR="$WORK" NICE="$NICE" "$BENCH_DIR/peers/start-peer.sh" netty-socketio "$port") || die "netty-socketio did not start"
  LAUNCHED="${spec##*:}"
  URL="http://127.0.0.1:$port"
}

started_names=(); started_pids=(); started_launch=()

stop_all() {
  local i pid failed=0 t
  [ -f "$STATE" ] && while read -r name pid launched; do
    started_names+=("$name"); started_pids+=("$pid"); started_launch+=("$launched")
  done < "$STATE"
  for i in "${!started_pids[@]}"; do
    for pid in ${started_pids[$i]} ${started_launch[$i]}; do kill -TERM "$pid" 2>/dev/null; done
  done
  for i in "${!started_pids[@]}"; do
    for pid in ${started_pids[$i]} ${started_launch[$i]}; do
      t=0
      while kill -0 "$pid" 2>/dev/null && [ $t -lt 600 ]; do sleep 0.1; t=$((t + 1)); done
      if kill -0 "$pid" 2>/dev/null; then
        log "${started_names[$i]} (pid $pid) did not stop within 60 s: killing it"
        kill -KILL "$pid" 2>/dev/null; failed=1
      fi
    done
    log "stopped ${started_names[$i]} (pid ${started_pids[$i]})"
  done
  started_names=(); started_pids=(); started_launch=()
  rm -f "$STATE"
  return $failed
}

# Starts every server named; on success prints NAME=URL:PID lines and records them in $STATE.
start_all() {
  local name fn t0 pid
  [ -f "$STATE" ] && die "$STATE exists: servers of an earlier 'start' may still run ('servers.sh stop' first)"
  [ $# -ge 1 ] || die "name at least one server (wildfly payara liberty embedded netty-socketio)"
  for name in "$@"; do
    case "$name" in wildfly|payara|liberty|embedded|netty-socketio) ;; *) die "unknown server '$name'";; esac
  done
  [ -f "$WAR" ] || die "$WAR is missing (mvn -pl tck-tests -am package -DskipTests)"
  mkdir -p "$WORK"
  : > "$STATE"
  for name in "$@"; do
    fn="start_${name//-/_}"
    t0=$(date +%s)
    ( "$fn" ; echo "$LAUNCHED $URL $LOGFILE $READY_LINE" > "$WORK/.launch" ) || return 1
    read -r LAUNCHED URL LOGFILE READY_LINE < "$WORK/.launch"
    echo "$name $LAUNCHED $LAUNCHED" >> "$STATE"   # launch PID recorded at once: stoppable if it hangs
    log "starting $name (launched pid $LAUNCHED, log $LOGFILE)..."
    until [ -z "$READY_LINE" ] || grep -q "$READY_LINE" "$LOGFILE" 2>/dev/null && ready "$URL"; do
      kill -0 "$LAUNCHED" 2>/dev/null || { log "$name exited while starting; last lines of $LOGFILE:"; tail -20 "$LOGFILE" >&2; return 1; }
      [ $(( $(date +%s) - t0 )) -lt "$START_TIMEOUT" ] || { log "$name did not answer within $START_TIMEOUT s (see $LOGFILE)"; return 1; }
      sleep 0.5
    done
    pid=$(java_pid "$LAUNCHED") || { log "$name: no java process under pid $LAUNCHED"; return 1; }
    sed -i "s/^$name $LAUNCHED $LAUNCHED\$/$name $pid $LAUNCHED/" "$STATE"
    log "$name ready in $(( $(date +%s) - t0 )) s: $URL (jvm pid $pid)"
    TARGETS+=("$name=$URL:$pid")
  done
}

cmd="${1:-}"; shift || true
TARGETS=()
case "$cmd" in
  start)
    if ! start_all "$@"; then stop_all; exit 1; fi
    printf '%s\n' "${TARGETS[@]}"
    ;;
  stop)
    [ -f "$STATE" ] || die "no $STATE: nothing to stop"
    stop_all
    ;;
  with)
    servers=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do servers+=("$1"); shift; done
    [ "${1:-}" = "--" ] && shift || die "usage: servers.sh with SERVER... -- COMMAND [ARGS...]"
    [ $# -ge 1 ] || die "no COMMAND after --"
    trap 'stop_all; exit 130' INT TERM
    if ! start_all "${servers[@]}"; then stop_all; exit 1; fi
    log "running: $* ${TARGETS[*]}"
    "$@" "${TARGETS[@]}"
    rc=$?
    stop_all || { [ $rc = 0 ] && rc=1; }
    exit $rc
    ;;
  *)
    sed -n '2,37p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 64
    ;;
esac
