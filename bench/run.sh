#!/usr/bin/env bash
# tokenctl benchmarks (issue 6): start-up (P1), verify in-process (P2, bench/verify.sh), verify over HTTP
# (P3, bench/http.sh) and growth of the store (P4), printed as one table.
# Every figure is a median of cold processes run alternating with their baseline in the same run, so a slow or
# noisy machine moves both alike: read the ratios, not the milliseconds.
# Usage: bench/run.sh [--runs N] [--no-build] [--fresh] [--no-p2] [--no-p3]
#   --runs N     cold runs per case (default 11, at least 10 for the README's figures)
#   --no-build   use target/ as it is (else ./mvnw -B -q -DskipTests package first)
#   --fresh      regenerate the 1,000,000-token store (else reused from bench/results/stores/)
#   --no-p2      skip the JMH verify benchmark (about 1.5 minutes)
#   --no-p3      skip the HTTP verify benchmark (about 1.5 minutes; it needs wrk: apt-get install wrk)
# Needs: a JDK 17+ (java, javac), /usr/bin/time (GNU). Uses Temurin 25 at $T25_HOME when present (figures only).
# Writes only under bench/results/ (git-ignored). Takes about 10 minutes on 2 cores (+30 s to make the 1M store).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/bench/results"
runs=11 build=true fresh=false p2=true p3=true
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --no-build) build=false ;;
    --fresh) fresh=true ;;
    --no-p2) p2=false ;;
    --no-p3) p3=false ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (accepted: --runs N, --no-build, --fresh, --no-p2, --no-p3)" >&2; exit 2 ;;
  esac
  shift
done
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
java17=$(command -v java); javac=$(command -v javac)
T25_HOME=${T25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java25=; [ -x "$T25_HOME/bin/java" ] && java25="$T25_HOME/bin/java"

if $build; then (cd "$repo" && ./mvnw -B -q -DskipTests package); fi
mkdir -p "$out/stores"
work="$out/work"; rm -rf "$work"; mkdir -p "$work/ms" "$work/rss"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
unset TOKENCTL_HOST TOKENCTL_PROFILE TOKENCTL_STORE TOKENCTL_JAVA_OPTS
mkdir -p "$HOME"

# Three installs of the same jar: the default (private jlink'd runtime + class-data archive), the system JDK with
# the archive (the previous default), and the system JDK with neither.
PREFIX="$work/prefix" "$repo/install.sh" --skip-build >"$work/install.log"
PREFIX="$work/prefix-sys" TOKENCTL_NO_RUNTIME=1 "$repo/install.sh" --skip-build >>"$work/install.log"
PREFIX="$work/prefix-nocds" TOKENCTL_NO_RUNTIME=1 TOKENCTL_NO_CDS=1 "$repo/install.sh" --skip-build >>"$work/install.log"
launcher="$work/prefix/bin/tokenctl"
launcher_sys="$work/prefix-sys/bin/tokenctl"
launcher_nocds="$work/prefix-nocds/bin/tokenctl"
[ -x "$work/prefix/lib/tokenctl/runtime/bin/java" ] || echo "run.sh: note: install.sh made no private runtime" >&2
jar="$work/prefix-nocds/lib/tokenctl/tokenctl.jar"
native="$work/prefix-nocds/lib/tokenctl/native"
[ -d "$native" ] || { echo "run.sh: install.sh extracted no native library" >&2; exit 1; }
NATIVE="-Dorg.sqlite.lib.path=$native -Dorg.sqlite.lib.name=libsqlitejdbc.so"
FLAGS="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC"
archive=$(ls "$work"/prefix-sys/lib/tokenctl/cds/*.jsa 2>/dev/null || true)

mkdir -p "$work/hello"
printf 'public class Hello {\n    public static void main(String[] a) {\n        System.out.println("hello");\n    }\n}\n' \
  >"$work/hello/Hello.java"
"$javac" --release 17 -d "$work/hello" "$work/hello/Hello.java"

# Stores: 1,000 tokens over 20 users (so --user U --limit 50 fills a page, as on the big store) and
# 1,000,000 tokens over 1,000 users. Both made by the generator in one transaction.
cp="$repo/target/test-classes:$repo/target/tokenctl.jar"
gen() { "$java17" -XX:+UseSerialGC -cp "$cp" io.tokenctl.bench.StoreGenerator "$@"; }
gen "$work/k1.db" 1000 20 >"$work/k1.env" 2>>"$work/gen.log"
# the cached 1M store is only good for the schema it was made with
schema=$(cat "$repo"/src/main/resources/io/tokenctl/store/migrations/*.sql | sha256sum | cut -c1-12)
[ "$(cat "$out/stores/m1.schema" 2>/dev/null)" = "$schema" ] || fresh=true
if $fresh || [ ! -s "$out/stores/m1.db" ] || [ ! -s "$out/stores/m1.env" ]; then
  rm -f "$out/stores/m1.db" "$out/stores/m1.env"
  echo "making the 1,000,000-token store (once; --fresh remakes it)..." >&2
  gen "$out/stores/m1.db" 1000000 1000 >"$out/stores/m1.env.new" 2>>"$work/gen.log"
  mv "$out/stores/m1.env.new" "$out/stores/m1.env"
  echo "$schema" >"$out/stores/m1.schema"
fi
cat "$work/gen.log" >&2 || true
# shellcheck disable=SC1090,SC1091
K1_ID=$(. "$work/k1.env"; echo "$SAMPLE_ID"); K1_USER=$(. "$work/k1.env"; echo "$SAMPLE_USER")
M1_ID=$(. "$out/stores/m1.env"; echo "$SAMPLE_ID"); M1_USER=$(. "$out/stores/m1.env"; echo "$SAMPLE_USER")
K1_TOKEN=$(. "$work/k1.env"; echo "$OPERATOR_TOKEN"); M1_TOKEN=$(. "$out/stores/m1.env"; echo "$OPERATOR_TOKEN")
K1_SECRET=$(. "$work/k1.env"; echo "$SAMPLE_SECRET"); M1_SECRET=$(. "$out/stores/m1.env"; echo "$SAMPLE_SECRET")
printf %s "$K1_SECRET" >"$work/k1.secret"; printf %s "$M1_SECRET" >"$work/m1.secret"
cp "$work/k1.db" "$work/kc.db"   # auth create writes here, so the listed store stays at 1,000 tokens

# One cold run: wall time (bash's clock, no fork around it) and peak RSS (GNU time). A failing run stops the bench.
run1() {
  local name=$1; shift
  local s e rc=0
  s=$EPOCHREALTIME
  /usr/bin/time -f %M -o "$work/rss.tmp" "$@" <"${RUN_STDIN:-/dev/null}" >/dev/null 2>"$work/err.tmp" || rc=$?
  e=$EPOCHREALTIME
  if [ $rc -ne 0 ]; then
    echo "run.sh: case '$name' failed (exit $rc): $*" >&2; cat "$work/err.tmp" >&2; exit 1
  fi
  echo $(( (${e/./} - ${s/./}) )) >>"$work/ms/$name"   # microseconds
  tail -1 "$work/rss.tmp" >>"$work/rss/$name"
}
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { median "$work/ms/$1" | awk '{printf "%.0f", $1/1000}'; }
mib() { median "$work/rss/$1" | awk '{printf "%.0f", $1/1024}'; }
ratio() { awk -v a="$(median "$work/ms/$1")" -v b="$(median "$work/ms/$2")" 'BEGIN {printf "%.2f", a/b}'; }

# --- Temurin 25's AOT cache (JEP 514), trained once on auth list --json: a reported figure only.
aot=
if [ -n "$java25" ]; then
  aot="$work/tokenctl.aot"
  TOKENCTL_TOKEN=$K1_TOKEN "$java25" $FLAGS $NATIVE -XX:AOTCacheOutput="$aot" -jar "$jar" --store "$work/k1.db" \
    auth list --json >/dev/null 2>"$work/aot.log" || aot=
  [ -s "${aot:-/nonexistent}" ] || aot=
fi

# --- P1: cold start-up on the 1,000-token store, every case once per round, rounds alternating.
LIST=(auth list --json)
CREATE=(auth create -q --read-buckets)
echo "P1: $runs rounds..." >&2
for ((r = 0; r < runs; r++)); do
  export TOKENCTL_TOKEN=$K1_TOKEN
  run1 hello "$java17" -cp "$work/hello" Hello
  for c in list create; do
    if [ $c = list ]; then store="$work/k1.db"; args=("${LIST[@]}"); else store="$work/kc.db"; args=("${CREATE[@]}"); fi
    run1 "$c.plain" "$java17" -jar "$jar" --store "$store" "${args[@]}"
    run1 "$c.flags" "$java17" $FLAGS -jar "$jar" --store "$store" "${args[@]}"
    run1 "$c.native" "$launcher_nocds" --store "$store" "${args[@]}"
    run1 "$c.sys" "$launcher_sys" --store "$store" "${args[@]}"
    run1 "$c.launcher" "$launcher" --store "$store" "${args[@]}"
    run1 "$c.nowarm" env TOKENCTL_JAVA_OPTS=-Dtokenctl.warmUp=false "$launcher" --store "$store" "${args[@]}"
    run1 "$c.cc2" env TOKENCTL_JAVA_OPTS=-XX:CICompilerCount=2 "$launcher" --store "$store" "${args[@]}"
    if [ -n "$archive" ]; then
      run1 "$c.noflags" "$java17" -Xshare:auto -XX:SharedArchiveFile="$archive" $NATIVE \
        -jar "$work/prefix-sys/lib/tokenctl/tokenctl.jar" --store "$store" "${args[@]}"
    fi
    if [ -n "$java25" ]; then
      run1 "$c.t25" "$java25" $FLAGS $NATIVE -jar "$jar" --store "$store" "${args[@]}"
      [ -n "$aot" ] && run1 "$c.t25aot" "$java25" $FLAGS $NATIVE -XX:AOTCache="$aot" -Xlog:aot=off -Xlog:cds=off \
        -jar "$jar" --store "$store" "${args[@]}"
    fi
  done
  [ -n "$java25" ] && run1 hello25 "$java25" -cp "$work/hello" Hello
done

# --- P4: the same commands on the 1,000,000-token store against the 1,000-token store, alternating.
echo "P4: $runs rounds..." >&2
for ((r = 0; r < runs; r++)); do
  TOKENCTL_TOKEN=$K1_TOKEN run1 show.k1 "$launcher" --store "$work/k1.db" auth show "$K1_ID"
  TOKENCTL_TOKEN=$M1_TOKEN run1 show.m1 "$launcher" --store "$out/stores/m1.db" auth show "$M1_ID"
  TOKENCTL_TOKEN=$K1_TOKEN run1 listu.k1 "$launcher" --store "$work/k1.db" auth list --user "$K1_USER" --limit 50
  TOKENCTL_TOKEN=$M1_TOKEN run1 listu.m1 "$launcher" --store "$out/stores/m1.db" auth list --user "$M1_USER" --limit 50
  RUN_STDIN=$work/k1.secret run1 verify.k1 "$launcher" --store "$work/k1.db" auth verify -q
  RUN_STDIN=$work/m1.secret run1 verify.m1 "$launcher" --store "$out/stores/m1.db" auth verify -q
  TOKENCTL_TOKEN=$K1_TOKEN run1 audit.k1 "$launcher" --store "$work/k1.db" audit list --limit 50
  TOKENCTL_TOKEN=$M1_TOKEN run1 audit.m1 "$launcher" --store "$out/stores/m1.db" audit list --limit 50
done
warm() { TOKENCTL_TOKEN=$1 SAMPLE_SECRET=$5 "$java17" -XX:+UseSerialGC -cp "$cp" io.tokenctl.bench.WarmQueries "$2" "$3" "$4" 2000; }
# warm figures vary between JVMs (a cached verify: 0.16-0.31 µs from one JVM to the next, on either store):
# five JVMs per store, alternating, and the median of the five per query
warm_k1= warm_m1=
for i in 1 2 3 4 5; do
  warm_k1+=$(warm "$K1_TOKEN" "$work/k1.db" "$K1_ID" "$K1_USER" "$K1_SECRET")$'\n'
  warm_m1+=$(warm "$M1_TOKEN" "$out/stores/m1.db" "$M1_ID" "$M1_USER" "$M1_SECRET")$'\n'
done
wk() { echo "$1" | sed -n "s/^$2=//p" | sort -g | sed -n 3p; }
plans=$("$java17" -cp "$cp" -Dslf4j.internal.verbosity=ERROR io.tokenctl.store.QueryPlans "$out/stores/m1.db" acme \
  "$M1_USER" "$M1_ID")

# --- P2: JMH, after the cold runs so it doesn't share the machine with them.
p2_line="P2 verify in-process: skipped (--no-p2)"
if $p2; then
  echo "P2: JMH, 3 rounds..." >&2
  p2_line=$("$repo/bench/verify.sh" 2>"$work/p2.err" | tail -1) || p2_line="P2 verify in-process: failed (see $work/p2.err)"
fi

# --- P3: the installed launcher's serve against a trivial handler on the same server stack, under wrk.
p3_table="P3 verify over HTTP: skipped (--no-p3)"
if $p3; then
  if command -v wrk >/dev/null; then
    echo "P3: wrk against serve and a trivial handler..." >&2
    p3_table=$("$repo/bench/http.sh" --launcher "$launcher" --no-build 2>"$work/p3.err") \
      || p3_table="P3 verify over HTTP: failed (see $work/p3.err)"
  else
    p3_table="P3 verify over HTTP: not measured: needs wrk (apt-get install wrk)"
  fi
fi

# --- The table (also written to bench/results/latest.md).
{
  echo "tokenctl bench, $(date -u +%Y-%m-%d), $(nproc) cores, $("$java17" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.runtime.version = //p')${java25:+, Temurin $("$java25" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.runtime.version = //p')}; $runs cold runs per case, medians"
  echo
  echo "| P1 start-up, 1,000-token store | auth list --json | × hello | auth create -q | × hello | peak RSS MiB (list/create) |"
  echo "|---|---:|---:|---:|---:|---:|"
  row() { # $1 label, $2 case suffix, $3 baseline
    [ -s "$work/ms/list.$2" ] || return 0
    echo "| $1 | $(ms "list.$2") ms | $(ratio "list.$2" "$3")× | $(ms "create.$2") ms | $(ratio "create.$2" "$3")× | $(mib "list.$2") / $(mib "create.$2") |"
  }
  echo "| hello world (java -cp … Hello), JDK 17 | $(ms hello) ms | 1.00× | | | $(mib hello) |"
  row "java -jar, no flags" plain hello
  row "+ TieredStopAtLevel=1, CICompilerCount=1, SerialGC" flags hello
  row "+ native lib extracted once (launcher on the system JDK, no CDS)" native hello
  row "+ AppCDS archive (launcher on the system JDK)" sys hello
  row "system JDK launcher without those flags" noflags hello
  row "+ private jlink'd runtime, no jdk.jfr = **installed launcher**" launcher hello
  row "installed launcher without the warm-up thread" nowarm hello
  row "installed launcher with two compiler threads (the JVM's default here)" cc2 hello
  if [ -n "$java25" ]; then
    echo "| hello world, Temurin 25 | $(ms hello25) ms | 1.00× | | | $(mib hello25) |"
    row "Temurin 25: flags + native lib (× hello 25)" t25 hello25
    row "Temurin 25: + AOT cache (× hello 25)" t25aot hello25
  fi
  echo
  echo "Targets: ≤ 3× hello (first milestone 5×), installed launcher row."
  echo
  echo "| P4 growth, installed launcher | 1,000 tokens | 1,000,000 tokens | × |"
  echo "|---|---:|---:|---:|"
  echo "| auth show ID, cold | $(ms show.k1) ms | $(ms show.m1) ms | $(ratio show.m1 show.k1)× |"
  echo "| auth list --user U --limit 50, cold | $(ms listu.k1) ms | $(ms listu.m1) ms | $(ratio listu.m1 listu.k1)× |"
  echo "| auth verify (token on stdin), cold | $(ms verify.k1) ms | $(ms verify.m1) ms | $(ratio verify.m1 verify.k1)× |"
  echo "| audit list --limit 50, cold | $(ms audit.k1) ms | $(ms audit.m1) ms | $(ratio audit.m1 audit.k1)× |"
  awk -v a="$(wk "$warm_k1" show_us)" -v b="$(wk "$warm_m1" show_us)" \
    'BEGIN {printf "| auth show ID, warm (in-process) | %d µs | %d µs | %.2f× |\n", a, b, b/a}'
  awk -v a="$(wk "$warm_k1" list_us)" -v b="$(wk "$warm_m1" list_us)" \
    'BEGIN {printf "| auth list --user U --limit 50, warm | %d µs | %d µs | %.2f× |\n", a, b, b/a}'
  awk -v a="$(wk "$warm_k1" audit_us)" -v b="$(wk "$warm_m1" audit_us)" \
    'BEGIN {printf "| audit list --limit 50, warm | %d µs | %d µs | %.2f× |\n", a, b, b/a}'
  awk -v a="$(wk "$warm_k1" verify_us)" -v b="$(wk "$warm_m1" verify_us)" \
    'BEGIN {printf "| auth verify, warm (cached snapshot) | %.2f µs | %.2f µs | %.2f× |\n", a, b, b/a}'
  awk -v a="$(stat -c %s "$work/k1.db")" -v b="$(stat -c %s "$out/stores/m1.db")" \
    'BEGIN {printf "| store file, bytes per token | %.0f | %.0f | |\n", a/1000, b/1000000}'
  echo
  echo "Target: 1M / 1k ≤ 1.3×."
  echo
  echo "P2 (JMH, bench/verify.sh): $p2_line"
  echo
  echo "$p3_table"
  echo
  echo "Targets: verify ≥ 0.5× the trivial handler's requests/s, p99 < 5 ms."
  echo
  echo "Query plans on the 1M store (EXPLAIN QUERY PLAN):"
  echo '```'
  echo "$plans"
  echo '```'
} | tee "$out/latest.md"
