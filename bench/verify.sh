#!/usr/bin/env bash
# P2: warm in-process verify throughput against bare SHA-256 of the same token strings.
# Usage: bench/verify.sh [--rounds N] [extra JMH args]    (about 1.5 minutes; results in bench/results/jmh-verify-*.json)
# Each round is one JMH run (one fork) that measures verify and then the baselines, so the two figures of a round
# are taken minutes apart at most; the machine's noise (a shared VM drifts by 20-30% between minutes) moves
# rounds differently, so the figure is the median of the rounds' ratios, with every round printed.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=3
if [ "${1:-}" = --rounds ]; then rounds=$2; shift 2; fi
mkdir -p bench/results
./mvnw -B -q -f bench/jmh/pom.xml package
rm -f bench/results/jmh-verify-*.json
for ((r = 1; r <= rounds; r++)); do
  java -jar bench/jmh/target/benchmarks.jar VerifyBenchmark -wi 3 -w 1 -i 5 -r 1 \
    -rf json -rff "bench/results/jmh-verify-$r.json" "$@" >"bench/results/jmh-verify-$r.log"
done
python3 - "$rounds" <<'PY'
import json, statistics, sys
ratios, refs = [], []
for r in range(1, int(sys.argv[1]) + 1):
    rows = {x["benchmark"].rsplit(".", 1)[1]: x["primaryMetric"]["score"]
            for x in json.load(open(f"bench/results/jmh-verify-{r}.json"))}
    v, s, b = rows["verify"], rows["sha256"], rows["sha256Bytes"]
    ratios.append(v / s)
    refs.append(v / b)
    print(f"round {r}: verify {v:>12,.0f} ops/s   sha256 {s:>12,.0f} ops/s   sha256Bytes {b:>12,.0f} ops/s"
          f"   ratio {v / s:.3f}x")
print(f"ratio (median of {len(ratios)} rounds): {statistics.median(ratios):.3f}x of SHA-256 of the token strings"
      f" (target >= 0.3x); {statistics.median(refs):.3f}x of SHA-256 of bytes encoded ahead of time")
PY
