#!/usr/bin/env bash
# The benchmark: Kafka's own tools as the baseline, then the pipeline at fixed open-model arrival
# rates, then the same run as the store grows. Starts a stack of its own on free ports (nothing needs
# to be running) and writes docs/benchmarks/benchmark.md and .json (--smoke: benchmark-smoke.*).
#
#   scripts/bench.sh                          full run (about 20 min on 2 cores): store sizes 10^4, 10^5, 10^6
#                                             (10^6: about 15 GiB free disk, else skipped; each preload stops after 15 min;
#                                             the store and the broker's data are deleted when the run ends, logs kept)
#   scripts/bench.sh --store-sizes 10000,100000   the full run without 10^6 (about 14 min)
#   scripts/bench.sh --growth --store-sizes 10000,100000   only the store growth (benchmark-growth.*)
#   scripts/bench.sh --growth --preload-budget 30
#                                             each preload may take 30 min (15 by default); the run measures the size reached
#   scripts/bench.sh --smoke                  what CI runs: 20 s at 10 appeals/s, no timing judged
#   scripts/bench.sh --quick                  the full run's shape in about 6 min (benchmark-quick.*), to try a change
#   scripts/bench.sh --drain 2000             CPU ms per appeal of each process: 3 drains of 2000 appeals
#
# Run it on a quiet machine: the figures are only as good as the idle cores they had.
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0; } # before any build
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh

# One reactor build: the services, local-stack, performance-tests and every module they are built from,
# packaged (tests skipped) and resolved from the reactor, so a fresh clone needs nothing in ~/.m2
# beyond what Maven downloads. The class path is written in the same run, while the reactor's own jars
# are resolvable.
if [ "${BENCH_SKIP_BUILD:-false}" != "true" ]; then
  echo "Building the services, local-stack and performance-tests (tests skipped) ..."
  ./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -pl performance-tests,intake-service,routing-service,notification-service,analytics-service -am >/dev/null
elif [ ! -f performance-tests/target/bench.classpath ]; then
  echo "BENCH_SKIP_BUILD=true needs an earlier build (performance-tests/target/bench.classpath is missing)" >&2
  exit 1
fi
exec java -Xmx1g -XX:+UseParallelGC --add-opens java.base/java.lang=ALL-UNNAMED \
  -cp "performance-tests/target/classes:$(cat performance-tests/target/bench.classpath)" \
  kz.hearingstate.performance.bench.BenchmarkMain --repository . "$@"
