#!/bin/bash
# Creates a SCRAM-SHA-512 user for every principal of $ACLS_FILE and every ACL it lists, as the super
# user. Idempotent: a user's password is set again (same value), an existing ACL is left as it is. An ACL
# removed from the file is not removed from the cluster: do that by hand (kafka-acls.sh --remove).
#
# Environment:
#   KAFKA_BOOTSTRAP_SERVERS   brokers to talk to (required)
#   KAFKA_COMMAND_CONFIG      the super user's client properties (security.protocol, sasl.*), if secured
#   KAFKA_PASSWORD_<NAME>     each principal's password, NAME upper-case with '-' as '_'
#                             (KAFKA_PASSWORD_HOUSING_UTILITIES); letters, digits, '-' and '_' only
#   ACLS_FILE                 the ACL list (default: acls.txt beside this script)
#   KAFKA_BIN                 directory of the Kafka command-line tools (default /opt/kafka/bin)
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS must name the brokers}"
acls_file="${ACLS_FILE:-$(dirname "$0")/acls.txt}"
kafka_bin="${KAFKA_BIN:-/opt/kafka/bin}"
auth=()
if [[ -n "${KAFKA_COMMAND_CONFIG:-}" ]]; then auth=(--command-config "$KAFKA_COMMAND_CONFIG"); fi

# Principals in order of first appearance; every password is checked before anything changes.
mapfile -t principals < <(awk '!/^[[:space:]]*(#|$)/ && !seen[$1]++ { print $1 }' "$acls_file")
missing=()
for principal in "${principals[@]}"; do
  variable="KAFKA_PASSWORD_$(tr 'a-z-' 'A-Z_' <<< "$principal")"
  password="${!variable:-}"
  if [[ -z "$password" ]]; then
    missing+=("$variable")
  elif [[ ! "$password" =~ ^[A-Za-z0-9_-]{16,}$ ]]; then
    echo "$variable: use at least 16 letters, digits, '-' or '_' (kafka-configs.sh cannot quote others)" >&2
    exit 2
  fi
done
if (( ${#missing[@]} > 0 )); then
  echo "Set a password for every Kafka principal: ${missing[*]}" >&2
  exit 2
fi

for principal in "${principals[@]}"; do
  variable="KAFKA_PASSWORD_$(tr 'a-z-' 'A-Z_' <<< "$principal")"
  "$kafka_bin/kafka-configs.sh" --bootstrap-server "$bootstrap" "${auth[@]}" --alter --entity-type users \
    --entity-name "$principal" --add-config "SCRAM-SHA-512=[iterations=8192,password=${!variable}]" >/dev/null
  echo "user     $principal (SCRAM-SHA-512)"
done

# One kafka-acls.sh call per principal, operation, resource type and pattern type, naming all its resources.
while read -r principal operation resource pattern names; do
  args=(--bootstrap-server "$bootstrap" "${auth[@]}" --add --allow-principal "User:$principal"
        --operation "$operation" --resource-pattern-type "$pattern")
  for name in $names; do
    case "$resource" in
      TOPIC) args+=(--topic "$name") ;;
      GROUP) args+=(--group "$name") ;;
      *) echo "Unsupported resource type $resource" >&2; exit 2 ;;
    esac
  done
  "$kafka_bin/kafka-acls.sh" "${args[@]}" >/dev/null
  echo "acl      $principal $operation $resource $pattern $names"
done < <(awk '!/^[[:space:]]*(#|$)/ {
    key = $1 " " toupper($2) " " toupper($3) " " toupper($4)
    if (!(key in names)) order[++count] = key
    names[key] = names[key] " " $5
  }
  END { for (i = 1; i <= count; i++) print order[i] names[order[i]] }' "$acls_file")
echo "Users and ACLs of ${#principals[@]} principals in place."
