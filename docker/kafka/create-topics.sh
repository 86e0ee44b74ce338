#!/bin/bash
# Creates every topic listed in $TOPICS_FILE with explicit partitions, replication factor and
# min.insync.replicas, then checks that each exists with at least the listed partitions.
# Idempotent: existing topics are left alone (partitions are never reduced, retention never changed).
#
# Environment:
#   KAFKA_BOOTSTRAP_SERVERS    brokers to talk to (required)
#   KAFKA_REPLICATION_FACTOR   replicas per partition (default 1)
#   KAFKA_MIN_INSYNC_REPLICAS  replicas that must have a write before it is acknowledged (default 1)
#   TOPICS_FILE                the topic list (default: topics.txt beside this script)
#   KAFKA_BIN                  directory of the Kafka command-line tools (default /opt/kafka/bin)
#   WAIT_SECONDS               how long to wait for enough brokers (default 180)
#   KAFKA_COMMAND_CONFIG       a client properties file (security.protocol, sasl.*) for a secured cluster
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS must name the brokers}"
replication="${KAFKA_REPLICATION_FACTOR:-1}"
min_insync="${KAFKA_MIN_INSYNC_REPLICAS:-1}"
topics_file="${TOPICS_FILE:-$(dirname "$0")/topics.txt}"
kafka_bin="${KAFKA_BIN:-/opt/kafka/bin}"
wait_seconds="${WAIT_SECONDS:-180}"
auth=()
if [[ -n "${KAFKA_COMMAND_CONFIG:-}" ]]; then auth=(--command-config "$KAFKA_COMMAND_CONFIG"); fi

if (( min_insync > replication )); then
  echo "KAFKA_MIN_INSYNC_REPLICAS ($min_insync) cannot exceed KAFKA_REPLICATION_FACTOR ($replication)" >&2
  exit 2
fi

# A topic with replication factor N can only be created once N brokers have joined.
deadline=$(( SECONDS + wait_seconds ))
until brokers=$("$kafka_bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" "${auth[@]}" 2>/dev/null \
      | grep -c -- '(id: ')  && (( brokers >= replication )); do
  if (( SECONDS >= deadline )); then
    echo "Gave up after ${wait_seconds}s: ${brokers:-0} broker(s) reachable at $bootstrap, $replication needed" >&2
    exit 1
  fi
  sleep 2
done
echo "$brokers broker(s) at $bootstrap; replication factor $replication, min.insync.replicas $min_insync"

existing=$("$kafka_bin/kafka-topics.sh" --bootstrap-server "$bootstrap" "${auth[@]}" --list)

declare -A expected_partitions=()
while read -r name partitions configs; do
  [[ -z "${name:-}" || "$name" == \#* ]] && continue
  expected_partitions["$name"]=$partitions
  if grep -qxF -- "$name" <<< "$existing"; then
    echo "exists   $name"
    continue
  fi
  args=(--bootstrap-server "$bootstrap" "${auth[@]}" --create --if-not-exists --topic "$name"
        --partitions "$partitions" --replication-factor "$replication"
        --config "min.insync.replicas=$min_insync")
  if [[ -n "${configs:-}" ]]; then
    IFS=',' read -ra pairs <<< "$configs"
    for pair in "${pairs[@]}"; do args+=(--config "$pair"); done
  fi
  if ! output=$("$kafka_bin/kafka-topics.sh" "${args[@]}" 2>&1); then
    echo "FAILED   $name: $output" >&2
    exit 1
  fi
  echo "created  $name ($partitions partitions${configs:+, $configs})"
done < "$topics_file"

# Verify: every listed topic exists with at least its listed partitions.
described=$("$kafka_bin/kafka-topics.sh" --bootstrap-server "$bootstrap" "${auth[@]}" --describe --exclude-internal \
  | sed -nE 's/^Topic: ([^[:space:]]+).*PartitionCount: ([0-9]+).*/\1 \2/p')
failed=0
for name in "${!expected_partitions[@]}"; do
  actual=$(awk -v topic="$name" '$1 == topic { print $2 }' <<< "$described")
  if [[ -z "$actual" ]]; then
    echo "MISSING  $name" >&2; failed=1
  elif (( actual < expected_partitions[$name] )); then
    echo "TOO FEW  $name: $actual partitions, ${expected_partitions[$name]} expected" >&2; failed=1
  fi
done
(( failed == 0 )) || exit 1
echo "All ${#expected_partitions[@]} topics present."
