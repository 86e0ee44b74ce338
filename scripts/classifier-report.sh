#!/usr/bin/env bash
# Regenerates the classifier's reports from the models the build trains:
#   docs/routing-evaluation.md   data, thresholds chosen on the validation split, every evaluation figure
#   docs/benchmarks/classifier.md training time, model size, classification time per appeal (p50, p99)
# The sealed test set is not run here: it is run exactly once (see SealedTestRun, -Dclassifier.sealed=run-once).
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0; } # before any build
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -B -q -pl legal-clock,routing-service -am verify \
  -Dtest='ClassifierReportWriter,ClassifierBenchmark' -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none \
  -Dclassifier.report=write -Dclassifier.benchmark=write
echo "Wrote docs/routing-evaluation.md and docs/benchmarks/classifier.md"
