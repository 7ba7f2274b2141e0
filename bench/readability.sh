#!/usr/bin/env bash
# The readability figures alone (issue 12): the developer's host on the local engine (bench/devhost.sh,
# beside the lab) captured live, and the synthetic 200/20 and 500/50 compose hosts; rewrites the
# "Readability" section of docs/benchmarks.md. bench/run.sh runs the same at its end.
#   bash bench/readability.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
REPORT=${BENCH_REPORT:-docs/benchmarks.md}
OUT=target/bench
mkdir -p "$OUT"
[[ -f target/bench-classes/dev/netlens/bench/ReadabilityBench.class && -f target/netlens.jar ]] \
  || mvn -B -q -ntp -Pbench -DskipTests package
live=()
if dk info >/dev/null 2>&1; then
  bash bench/devhost.sh up
  java -jar target/netlens.jar export --format json --output "$OUT/devhost-live.json"
  live=("developer's host (live: bench/devhost.sh beside the lab)=$OUT/devhost-live.json")
  bash bench/devhost.sh down
fi
java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
  -Dprism.text=t2k -Dheadless.geometry=1920x1080-32 \
  -cp target/bench-classes:target/netlens.jar:target/test-classes:target/bench-lib/openjfx-monocle.jar \
  dev.netlens.bench.ReadabilityBench "$REPORT" "${live[@]}" \
  "synthetic developer's host (two engines)=src/test/resources/snapshots/devhost-50.json" \
  "synthetic 200 containers / 20 compose projects=src/test/resources/snapshots/scale-200.json" \
  "synthetic 500 containers / 50 compose projects=src/test/resources/snapshots/scale-500.json"
log "wrote the readability section of $REPORT"
