#!/usr/bin/env bash
# P1 lower-bound probe: bench/probe/LowerBound.java against hello world, 21 alternating rounds.
# Usage: bench/probe/run.sh STORE   (a tokenctl store file; run after ./install.sh, uses its runtime and jar)
set -euo pipefail
store=${1:?usage: bench/probe/run.sh STORE}
here=$(cd "$(dirname "$0")" && pwd)
lib=${PREFIX:-$HOME/.local}/lib/tokenctl
java="$lib/runtime/bin/java"; [ -x "$java" ] || java=$(command -v java)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
javac -cp "$lib/tokenctl.jar" -d "$work" "$here/LowerBound.java"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$work/Hello.java"
javac -d "$work" "$work/Hello.java"
(cd "$work" && jar cf lb.jar LowerBound.class)
cp="$lib/tokenctl.jar:$work/lb.jar"
flags=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Dorg.sqlite.lib.path="$lib/native"
  -Dorg.sqlite.lib.name=libsqlitejdbc.so -Dslf4j.internal.verbosity=ERROR)
args=(LowerBound --store "$store" auth list --json)
"$java" "${flags[@]}" -XX:DumpLoadedClassList="$work/lb.classlist" -cp "$cp" "${args[@]}" >/dev/null
"$java" -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$work/lb.classlist" -XX:SharedArchiveFile="$work/lb.jsa" \
  -cp "$cp" >/dev/null 2>&1
for ((r = 0; r < 21; r++)); do
  s=$EPOCHREALTIME; java -cp "$work" Hello >/dev/null; e=$EPOCHREALTIME; echo $(( ${e/./} - ${s/./} )) >>"$work/hello"
  s=$EPOCHREALTIME; "$java" "${flags[@]}" -Xshare:auto -XX:SharedArchiveFile="$work/lb.jsa" -cp "$cp" "${args[@]}" >/dev/null
  e=$EPOCHREALTIME; echo $(( ${e/./} - ${s/./} )) >>"$work/lb"
done
med() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
awk -v h="$(med "$work/hello")" -v l="$(med "$work/lb")" \
  'BEGIN {printf "hello %.0f ms, lower-bound probe %.0f ms: %.2fx\n", h/1000, l/1000, l/h}'
