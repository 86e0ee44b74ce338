#!/usr/bin/env bash
# The fault-injection suite on a stack of its own (free ports, nothing needs to be running):
# kill -9 of every service and of the broker under load, the MongoDB-wire server stopped, poison
# records, an unwritable dead-letter topic, a rebalance storm and a replay from offset 0. Then, on a
# second stack of 3 Kafka brokers and 2 instances of the consumer services, kill -9 of one broker and
# of one instance of each service. Every appeal acknowledged with 202 must end up routed, notified and
# counted exactly once.
#
#   scripts/fault.sh             short mode, as ./mvnw -B verify runs it
#   scripts/fault.sh --long      long mode: MongoDB and the broker down 30 s, 10 rebalance joins, 10 appeals/s,
#                                a 30 s failover window and a second intake on the cluster
#   scripts/fault.sh --cluster   only the cluster scenarios (with --long after it: their long mode)
#
# Verdicts with their figures: fault-tests/target/fault-report.md and fault-report-cluster.md. Logs of
# every process: fault-tests/target/fault-stack-*/logs/ and fault-cluster-*/logs/.
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0; } # before any build
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
mode=short
suites=FaultInjectionIntegrationTest,ClusterFailoverIntegrationTest
for argument in "$@"; do
  case "$argument" in
    --long) mode=long ;;
    --cluster) suites=ClusterFailoverIntegrationTest ;;
    *) echo "Unknown argument: $argument (scripts/fault.sh --help)" >&2; exit 2 ;;
  esac
done
# One reactor run, so a fresh clone needs nothing in ~/.m2: the services and every module the suite is built
# from are packaged with no test of theirs run (-Dtest matches nothing, which also turns off their
# integration tests), and Failsafe runs the fault suite alone.
exec ./mvnw -B verify -pl fault-tests,intake-service,routing-service,notification-service,analytics-service -am \
  -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -DskipITs=false -Dit.test="$suites" -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dfaults.mode="$mode"
