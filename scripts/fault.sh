#!/usr/bin/env bash
# The fault-injection suite on a stack of its own (free ports, nothing needs to be running):
# kill -9 of every service and of the broker under load, the MongoDB-wire server stopped, poison
# records, an unwritable dead-letter topic, a rebalance storm and a replay from offset 0. Every
# appeal acknowledged with 202 must end up routed, notified and counted exactly once.
#
#   scripts/fault.sh           short mode, as ./mvnw -B verify runs it (about 4 min on 2 cores)
#   scripts/fault.sh --long    long mode: MongoDB and the broker down 30 s, 10 rebalance joins, 10 appeals/s
#
# Verdicts with their figures: fault-tests/target/fault-report.md. Logs of every process:
# fault-tests/target/fault-stack-*/logs/. FAULT_SKIP_BUILD=true runs on the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[ -n "${JAVA_HOME:-}" ] && export PATH="$JAVA_HOME/bin:$PATH"
mode=short
[ "${1:-}" = "--long" ] && mode=long
if [ "${FAULT_SKIP_BUILD:-false}" != "true" ]; then
  echo "Building the services, local-stack and performance-tests (tests skipped) ..."
  ./mvnw -B -q -DskipTests install -pl performance-tests -am
  ./mvnw -B -q -DskipTests package -pl intake-service,routing-service,notification-service,analytics-service
fi
# Only the fault-tests module, against what was just installed and packaged.
exec ./mvnw -B -pl fault-tests verify -Dfaults.mode="$mode"
