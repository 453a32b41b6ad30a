#!/usr/bin/env bash
# Writers on one SQLite store (issue 15): P processes x N `tokenctl auth create -q` each, all at once, against
# the same P x N creates one after another, in the same run, on two fresh stores set up alike. Then both again
# with the other core kept busy (`yes >/dev/null`). Rounds alternate; the ratio is concurrent total /
# sequential total (target <= 1.00). Every round checks what landed: exactly P x N new tokens and as many
# create rows in the audit, no stderr line (so no "database is locked" reached anyone).
# Usage: bench/contention.sh [--procs P] [--creates N] [--rounds R] [--launcher PATH]
#   defaults: 8 processes x 50 creates, 2 rounds, the installed `tokenctl` on PATH.
# Writes only under bench/results/contention/ (git-ignored). About 4 x 400 process starts a round.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
procs=8 creates=50 rounds=2 launcher=$(command -v tokenctl || true)
while [ $# -gt 0 ]; do
  case "$1" in
    --procs) procs=$2; shift ;;
    --creates) creates=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --launcher) launcher=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "contention.sh: unknown option '$1' (accepted: --procs P, --creates N, --rounds R, --launcher PATH)" >&2
       exit 2 ;;
  esac
  shift
done
[ -x "$launcher" ] || { echo "contention.sh: no tokenctl launcher (install it, or give --launcher PATH)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "contention.sh: needs sqlite3 on PATH to count what landed" >&2; exit 1; }

work="$repo/bench/results/contention"
rm -rf "$work"; mkdir -p "$work"
total=$((procs * creates))

# $1: a home; sets it up with a saved operator token
fresh() {
  rm -rf "$1"; mkdir -p "$1"
  HOME="$1" XDG_DATA_HOME="$1/data" XDG_CONFIG_HOME="$1/config" "$launcher" setup --username admin --org acme -q \
    >/dev/null 2>"$1.setup.err" </dev/null
}
count() { sqlite3 "$1/data/tokenctl/tokenctl.db" "select (select count(*) from tokens),
  (select count(*) from audit where action = 'create' and outcome = 'allowed')"; }
# $1: a home, $2: how many; runs them one after another in one shell loop
creates() {
  local i
  for i in $(seq 1 "$2"); do
    HOME="$1" XDG_DATA_HOME="$1/data" XDG_CONFIG_HOME="$1/config" "$launcher" auth create -q --read-buckets \
      --description "c$i" >/dev/null 2>>"$1.err" </dev/null || echo "exit $?" >>"$1.err"
  done
}
now() { echo "${EPOCHREALTIME/./}"; }
# $1: label, $2: concurrent|sequential; prints "label mode seconds"
measure() {
  local home="$work/$1-$2" t0 t1 before after p
  fresh "$home"; : >"$home.err"
  before=$(count "$home")
  t0=$(now)
  if [ "$2" = concurrent ]; then
    for p in $(seq 1 "$procs"); do creates "$home" "$creates" & done
    wait
  else
    creates "$home" "$total"
  fi
  t1=$(now)
  after=$(count "$home")
  local b_tok=${before%%|*} b_aud=${before##*|} a_tok=${after%%|*} a_aud=${after##*|}
  if [ $((a_tok - b_tok)) -ne "$total" ] || [ $((a_aud - b_aud)) -ne "$total" ] || [ -s "$home.err" ]; then
    echo "contention.sh: $1 $2: $((a_tok - b_tok)) tokens and $((a_aud - b_aud)) audit rows of $total;" \
      "stderr: $(head -3 "$home.err")" >&2
    exit 1
  fi
  awk -v l="$1" -v m="$2" -v us=$((t1 - t0)) 'BEGIN { printf "%s %s %.2f\n", l, m, us / 1e6 }'
}

busy=""
trap '[ -n "$busy" ] && kill $busy 2>/dev/null || true' EXIT
for r in $(seq 1 "$rounds"); do
  for load in quiet busy; do
    if [ "$load" = busy ]; then yes >/dev/null & busy=$!; fi
    if [ $((r % 2)) -eq 1 ]; then order="concurrent sequential"; else order="sequential concurrent"; fi
    for mode in $order; do
      echo "contention: round $r, $load, $mode ($procs x $creates)..." >&2
      measure "$load" "$mode" | tee -a "$work/rows"
    done
    if [ -n "$busy" ]; then kill $busy; wait $busy 2>/dev/null || true; busy=""; fi
  done
done

echo
echo "| $procs x $creates creates | sequential (s) | concurrent (s) | concurrent / sequential |"
echo "|---|---:|---:|---:|"
for load in quiet busy; do
  awk -v l="$load" '$1 == l && $2 == "sequential" { s[++ns] = $3 } $1 == l && $2 == "concurrent" { c[++nc] = $3 }
    function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { ms = med(s, ns); mc = med(c, nc); rs = ""
      printf "| %s%s | %.1f | %.1f | %.2fx |\n", l, (l == "busy" ? " (the other core running yes)" : ""), ms, mc, mc / ms }' "$work/rows"
done
