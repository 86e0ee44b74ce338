#!/usr/bin/env bash
# The whole platform on this machine, no Docker: a real Kafka broker (KRaft) on 127.0.0.1:9092,
# a MongoDB-wire server on 127.0.0.1:27017 (data kept in data/), and the four services on
# 8081-8084. Builds whatever is missing or out of date first. Ctrl-C stops everything.
#
#   ./run.sh                  start the stack
#   ./run.sh --demo           ... and submit a dozen sample appeals (kk/ru/en), printing where each went
#   ./run.sh --kafka-cluster  three Kafka KRaft nodes instead of one (127.0.0.1:9092, 9192, 9292; controllers
#                             9093, 9193, 9293), replication factor 3, min.insync.replicas 2, as compose's `ha`
#                             profile; their data in data/kafka-1..3 (the single broker's stays in data/kafka)
#   ./run.sh --two-instances  a second instance of each service (8091-8094) in the same consumer groups: the two
#                             share the partitions, and one takes over the other's when it dies
#
# KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI: use that Kafka / MongoDB instead of starting one.
[[ "${1:-}" == "--help" || "${1:-}" == "-h" ]] && { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0; } # before any build
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-home.sh

# What the launcher runs, and the shared modules they are built from.
launched=(intake-service routing-service notification-service analytics-service local-stack)
shared=(appeal-events appeal-messaging appeal-web appeal-storage legal-clock)

# A module is stale when its jar is missing or anything in its sources or pom is newer than the jar.
stale=()
for module in "${shared[@]}" "${launched[@]}"; do
  [ -d "$module" ] || continue
  jar="$module/target/$module-0.1.0-SNAPSHOT.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$module/src" "$module/pom.xml" pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
    stale+=("$module")
  fi
done
if [ ! -d local-stack/target/kafka-libs ]; then
  stale+=(local-stack)
fi
# A changed shared module changes what is inside every service's fat jar: repackage them all.
for module in "${shared[@]}"; do
  if [[ " ${stale[*]} " == *" $module "* ]]; then stale=("${shared[@]}" "${launched[@]}"); break; fi
done

if [ ${#stale[@]} -gt 0 ]; then
  modules=$(IFS=,; echo "${stale[*]}")
  echo "Building (tests skipped): $modules ..."
  ./mvnw -B -q -DskipTests package -pl "$modules" -am
fi

exec "$JAVA_HOME/bin/java" -Dhearing.root="$PWD" -jar local-stack/target/local-stack-0.1.0-SNAPSHOT.jar "$@"
