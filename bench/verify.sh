#!/usr/bin/env bash
# P2: warm in-process verify throughput against bare SHA-256 of the same token strings, same JMH run.
# Usage: bench/verify.sh [extra JMH args]      (about 1 minute; results in bench/results/jmh-verify.json)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
./mvnw -B -q -f bench/jmh/pom.xml package
java -jar bench/jmh/target/benchmarks.jar VerifyBenchmark -rf json -rff bench/results/jmh-verify.json "$@" >bench/results/jmh-verify.log
python3 - <<'PY'
import json
rows = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open("bench/results/jmh-verify.json"))}
v, s, b = rows["verify"], rows["sha256"], rows["sha256Bytes"]
print(f"verify        {v['score']:>14,.0f} ops/s  ± {v['scoreError']:,.0f}")
print(f"sha256        {s['score']:>14,.0f} ops/s  ± {s['scoreError']:,.0f}   (baseline: SHA-256 of the token strings, same run)")
print(f"sha256Bytes   {b['score']:>14,.0f} ops/s  ± {b['scoreError']:,.0f}   (reference: bytes encoded ahead of time)")
print(f"ratio         {v['score'] / s['score']:.4f}x   (target >= 0.3x; {v['score'] / b['score']:.4f}x of the bytes-only reference)")
PY
