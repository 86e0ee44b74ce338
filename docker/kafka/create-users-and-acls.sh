#!/bin/bash
# Creates a SCRAM-SHA-512 user for every principal of $ACLS_FILE and every ACL it lists, as the super
# user, then removes every other ALLOW ACL from the cluster, so its grants are exactly the file's: a grant
# taken out of the file (a second reader of an inbox, a principal gone) ends at the next run. DENY ACLs,
# which only ever narrow access, are left as they are. Idempotent: a user's password is set again (same
# value), an ACL already in place is kept. Refuses to change anything while a password is missing, short,
# or still the example's placeholder (CHANGE-ME); admin-client-config.sh refuses the admin's likewise.
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

# A password the example file ships (docker/env/compose.env.example) is public: it must not open the cluster.
# The rule of every check of the example's placeholders: CHANGE-ME or CHANGEME, in any case.
refuse_placeholder() { # variable name
  local upper="${!1^^}"
  if [[ "${upper//-/}" == *CHANGEME* ]]; then
    echo "$1 still holds the example's placeholder (CHANGE-ME): set a password of your own" >&2
    exit 2
  fi
}

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
  else
    refuse_placeholder "$variable"
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

current_acls="$("$kafka_bin/kafka-acls.sh" --bootstrap-server "$bootstrap" "${auth[@]}" --list)"
# Every ALLOW ACL of the cluster that the file does not list, one per line, tab-separated: principal (with its
# type, User:…), operation, resource type, pattern type, resource name, host. From kafka-acls.sh --list: "Current
# ACLs for resource `ResourcePattern(resourceType=TOPIC, name=…, patternType=LITERAL)`:" and one "(principal=User:…,
# host=…, operation=…, permissionType=…)" line per ACL.
stale="$(awk -v listed="$acls_file" '
  BEGIN {
    while ((getline line < listed) > 0) {
      if (line ~ /^[[:space:]]*(#|$)/) continue
      split(line, f)
      wanted["User:" f[1] " " toupper(f[2]) " " toupper(f[3]) " " toupper(f[4]) " " f[5]] = 1
    }
  }
  /^Current ACLs for resource/ {
    match($0, /resourceType=[^,]*/); resource = substr($0, RSTART + 13, RLENGTH - 13)
    # The name of a group or a transactional id may hold commas and spaces: it ends where ", patternType=" begins.
    match($0, /, name=.*, patternType=/); name = substr($0, RSTART + 7, RLENGTH - 21)
    match($0, /patternType=[^)]*/); pattern = substr($0, RSTART + 12, RLENGTH - 12)
  }
  /\(principal=/ {
    match($0, /principal=[^,]*/); principal = substr($0, RSTART + 10, RLENGTH - 10)
    match($0, /host=[^,]*/); host = substr($0, RSTART + 5, RLENGTH - 5)
    match($0, /operation=[^,]*/); operation = substr($0, RSTART + 10, RLENGTH - 10)
    match($0, /permissionType=[^)]*/); permission = substr($0, RSTART + 15, RLENGTH - 15)
    if (permission == "ALLOW" && (host != "*" || !((principal " " operation " " resource " " pattern " " name) in wanted)))
      print principal "\t" operation "\t" resource "\t" pattern "\t" name "\t" host
  }' <<< "$current_acls")"

# Every one checked before the first is removed, so that a grant this script cannot name stops it unchanged.
while IFS=$'\t' read -r principal operation resource pattern name host; do
  [[ -n "$principal" ]] || continue # no stale grant: one empty line
  case "$resource" in
    TOPIC | GROUP | TRANSACTIONAL_ID | CLUSTER) ;;
    *) echo "An ACL on a $resource ($principal $operation $name) is not in $acls_file: remove it by hand" >&2; exit 3 ;;
  esac
done <<< "$stale"
while IFS=$'\t' read -r principal operation resource pattern name host; do
  [[ -n "$principal" ]] || continue # no stale grant: one empty line
  args=(--bootstrap-server "$bootstrap" "${auth[@]}" --remove --force --allow-principal "$principal"
        --allow-host "$host" --operation "$operation" --resource-pattern-type "$pattern")
  case "$resource" in
    TOPIC) args+=(--topic "$name") ;;
    GROUP) args+=(--group "$name") ;;
    TRANSACTIONAL_ID) args+=(--transactional-id "$name") ;;
    CLUSTER) args+=(--cluster) ;;
  esac
  "$kafka_bin/kafka-acls.sh" "${args[@]}" >/dev/null
  echo "removed  $principal $operation $resource $pattern $name (host $host)"
done <<< "$stale"
echo "Users and ACLs of ${#principals[@]} principals in place; no other grant."
