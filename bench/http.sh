#!/usr/bin/env bash
# P3: verify over HTTP. `tokenctl serve` (the installed launcher) against a trivial handler on the same server
# stack (bench/http/TrivialServer.java: io.tokenctl.server.Server with a handler that only reads the body and
# answers a fixed JSON), both loaded by wrk on loopback with keep-alive connections, rounds alternating.
# The verify body is RFC 7662's form: token=<a token of a 1,000-token store>&require=read:dashboards.
# Then: a verify's latency while 20 clients trickle their requests (slowloris), and create/list/show over HTTP
# (the remote client against a server on loopback) as a ratio to the same calls in process (HttpOps).
# SERVE_OPTS and TRIVIAL_OPTS add JVM options to serve and to the trivial server (e.g. -Dtokenctl.http.threads=N).
# Usage: bench/http.sh [--launcher PATH] [--rounds N] [--duration S] [--connections C] [--no-build]
#   --launcher PATH   an installed tokenctl (else install.sh installs one under bench/results/http/)
#   --rounds N        measured rounds per server (default 3); --duration S seconds each (default 10)
#   --connections C   wrk's keep-alive connections (default 16), on one wrk thread
# Needs: wrk (apt-get install wrk), a JDK 17+. Prints the table's rows and one summary line last.
# Takes about 2 minutes with the defaults. Writes only under bench/results/ (git-ignored).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
launcher= rounds=3 duration=10 conns=16 build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --launcher) launcher=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --duration) duration=$2; shift ;;
    --connections) conns=$2; shift ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "http.sh: unknown option '$1' (accepted: --launcher PATH, --rounds N, --duration S, --connections C, --no-build)" >&2
       exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "http.sh: needs wrk on PATH (apt-get install wrk)" >&2; exit 1; }

work="$repo/bench/results/http"
rm -rf "$work"; mkdir -p "$work"
if $build; then (cd "$repo" && ./mvnw -B -q -DskipTests package); fi
if [ -z "$launcher" ]; then
  PREFIX="$work/prefix" HOME="$work" "$repo/install.sh" --skip-build >"$work/install.log"
  launcher="$work/prefix/bin/tokenctl"
fi
share=$(cd "$(dirname "$launcher")/../lib/tokenctl" && pwd)
java=java; [ -x "$share/runtime/bin/java" ] && java="$share/runtime/bin/java"

# the store: 1,000 tokens, as P1's; the sample token is a normal user's token with read:dashboards and write on one bucket
java -XX:+UseSerialGC -Dslf4j.internal.verbosity=ERROR -cp "$repo/target/test-classes:$repo/target/tokenctl.jar" \
  io.tokenctl.bench.StoreGenerator "$work/k1.db" 1000 20 >"$work/k1.env" 2>"$work/gen.log"
secret=$(. "$work/k1.env"; echo "$SAMPLE_SECRET")
cat >"$work/verify.lua" <<LUA
wrk.method = "POST"
wrk.body = "token=$secret&require=read%3Adashboards"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA

javac --release 17 -cp "$share/tokenctl.jar" -d "$work/trivial" "$repo/bench/http/TrivialServer.java"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
# $1: name; the rest: the command. Starts it in the background, waits for its "listening on URL" line, and
# sets $url.
start() {
  local name=$1; shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  url=
  for _ in $(seq 1 300); do
    url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/$name.out")
    [ -n "$url" ] && return
    sleep 0.1
  done
  echo "http.sh: $name did not start; see $work/$name.err" >&2; exit 1
}
start serve env -u TOKENCTL_HOST -u TOKENCTL_PROFILE TOKENCTL_JAVA_OPTS="${SERVE_OPTS:-}" HOME="$work" \
  XDG_CONFIG_HOME="$work/config" "$launcher" --store "$work/k1.db" serve --listen 127.0.0.1:0
serve_url=$url
# the same runtime and JVM settings as the launcher gives serve
start trivial "$java" -Xshare:auto ${TRIVIAL_OPTS:-} -cp "$share/tokenctl.jar:$work/trivial" TrivialServer
trivial_url=$url

# a real answer first: the load must measure passing verifies
answer=$(curl -s -d "token=$secret" -d require=read:dashboards "$serve_url/api/v2/verify")
case $answer in '{"active":true'*) ;; *) echo "http.sh: the sample verify did not pass: $answer" >&2; exit 1 ;; esac

# $1: name, $2: url, $3: seconds. Appends "requests/s p50_us p99_us" to $work/$1.rows.
load() {
  wrk -t1 -c"$conns" -d"$3"s --latency -s "$work/verify.lua" "$2/api/v2/verify" >"$work/$1.last" 2>&1
  if grep -q 'Non-2xx\|Socket errors' "$work/$1.last"; then
    echo "http.sh: errors under load on $1:" >&2; cat "$work/$1.last" >&2; exit 1
  fi
  awk '
    function us(v) { if (v ~ /us$/) return v + 0; if (v ~ /ms$/) return v * 1000; if (v ~ /s$/) return v * 1e6; return v }
    /^ *50%/ { p50 = us($2) } /^ *99%/ { p99 = us($2) } /^Requests\/sec:/ { rps = $2 }
    END { printf "%s %s %s\n", rps, p50, p99 }' "$work/$1.last" >>"$work/$1.rows"
}
echo "P3: warming both servers (2 x $duration s)..." >&2
load warm-trivial "$trivial_url" "$duration"; load warm-verify "$serve_url" "$duration"
for ((r = 1; r <= rounds; r++)); do
  echo "P3: round $r of $rounds..." >&2
  if ((r % 2)); then load trivial "$trivial_url" "$duration"; load verify "$serve_url" "$duration"
  else load verify "$serve_url" "$duration"; load trivial "$trivial_url" "$duration"; fi
done

# slow clients: 20 connections trickling a request a byte at a time, and 20 verifies timed meanwhile
python3 - "${serve_url#http://}" "$secret" >"$work/slow.rows" <<'PY'
import socket, subprocess, sys, time, statistics
host, port = sys.argv[1].split(":")
slow = []
for i in range(20):
    s = socket.create_connection((host, int(port)))
    s.sendall(b"POST /api/v2/verify HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{")
    slow.append(s)
times = []
for i in range(20):
    for s in slow:
        s.sendall(b" ")
    t = time.monotonic()
    out = subprocess.run(["curl", "-s", "-d", "token=" + sys.argv[2], "http://%s:%s/api/v2/verify" % (host, port)],
                         capture_output=True, text=True).stdout
    times.append((time.monotonic() - t) * 1000)
    assert out.startswith('{"active":true'), out
    time.sleep(0.2)
print("%.1f %.1f" % (statistics.median(times), max(times)))
PY

# create/list/show over HTTP against in process, on a copy of the store (creates add tokens)
cp "$work/k1.db" "$work/ops.db"
( . "$work/k1.env"; TOKENCTL_TOKEN=$OPERATOR_TOKEN "$java" -Dslf4j.internal.verbosity=ERROR \
    -cp "$repo/target/test-classes:$share/tokenctl.jar" io.tokenctl.bench.HttpOps "$work/ops.db" "$SAMPLE_ID" \
    "$SAMPLE_USER" 300 "$rounds" ) >"$work/ops.rows"

python3 - "$work" "$conns" "$duration" "$rounds" <<'PY'
import statistics, sys
work, conns, duration, rounds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
def rows(name):
    return [tuple(float(x) for x in line.split()) for line in open(f"{work}/{name}.rows")]
t, v = rows("trivial"), rows("verify")
med = lambda xs, i: statistics.median(x[i] for x in xs)
ratios = [b[0] / a[0] for a, b in zip(t, v)]
print(f"| P3 verify over HTTP (wrk -t1 -c{conns}, keep-alive, loopback, {rounds} x {duration} s alternating) "
      f"| requests/s | × trivial | p50 | p99 |")
print("|---|---:|---:|---:|---:|")
print(f"| trivial handler, same server stack | {med(t, 0):,.0f} | 1.00× | {med(t, 1) / 1000:.2f} ms | {med(t, 2) / 1000:.2f} ms |")
print(f"| POST /api/v2/verify (form, require read:dashboards) | {med(v, 0):,.0f} | {statistics.median(ratios):.2f}× "
      f"| {med(v, 1) / 1000:.2f} ms | {med(v, 2) / 1000:.2f} ms |")
print("rounds (verify/trivial requests/s): " + ", ".join(f"{r:.2f}×" for r in ratios))
print(f"P3 verify over HTTP: {statistics.median(ratios):.2f}× the trivial handler's throughput (target >= 0.5x),"
      f" p99 {med(v, 2) / 1000:.2f} ms (target < 5 ms)")
slow_med, slow_max = (float(x) for x in open(f"{work}/slow.rows").read().split())
print(f"verify with 20 clients trickling their requests: median {slow_med:.1f} ms, max {slow_max:.1f} ms of 20"
      f" (curl, a new connection each; target < 100 ms)")
ops = {}
for line in open(f"{work}/ops.rows"):
    name, local, remote = line.split()
    ops.setdefault(name, []).append((float(local), float(remote)))
print("| operation (1,000-token store, warm) | in process | over HTTP (loopback) | × in process |")
print("|---|---:|---:|---:|")
for name, label in (("create", "create (read:buckets)"), ("list", "list --user U --limit 50"), ("show", "show ID")):
    rs = ops[name]
    print(f"| {label} | {statistics.median(r[0] for r in rs):.0f} µs | {statistics.median(r[1] for r in rs):.0f} µs"
          f" | {statistics.median(r[1] / r[0] for r in rs):.2f}× |")
PY
