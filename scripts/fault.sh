#!/usr/bin/env bash
# The fault-injection suite on a stack of its own (free ports, nothing needs to be running):
# kill -9 of every service and of the broker under load, the MongoDB-wire server stopped, poison
# records, an unwritable dead-letter topic, a rebalance storm and a replay from offset 0. Every
# appeal acknowledged with 202 must end up routed, notified and counted exactly once.
#
#   scripts/fault.sh           short mode, as CI runs it (about 4 min on 2 cores)
#   scripts/fault.sh --long    long mode: MongoDB and the broker down 30 s, 5 rebalance cycles, 40 appeals/s
#
# Logs of every process: fault-tests/target/fault-stack-*/logs/.
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
# fault-tests is not (yet) in the reactor: run its own pom, against what was just installed.
exec ./mvnw -B -f fault-tests/pom.xml verify -Dfaults.mode="$mode"
