#!/bin/bash
# Writes the super user's client properties (SASL/PLAIN as admin) to $1 for Kafka's command-line tools
# (--command-config), from HEARING_KAFKA_ADMIN_PASSWORD, which it refuses while it is the example's placeholder or
# shorter than 16 characters. Used by the brokers' health check and kafka-init.
set -euo pipefail
file="${1:?usage: admin-client-config.sh <properties file>}"
password="${HEARING_KAFKA_ADMIN_PASSWORD:?HEARING_KAFKA_ADMIN_PASSWORD must hold the admin password}"
# The example file's placeholder is public: with it the brokers' health check fails, so kafka-init and every
# service (which wait for a healthy broker) never start.
upper="${password^^}"
if [[ "${upper//-/}" == *CHANGEME* || ${#password} -lt 16 ]]; then
  echo "HEARING_KAFKA_ADMIN_PASSWORD (KAFKA_ADMIN_PASSWORD in .env): set a password of your own, at least 16 characters" >&2
  exit 2
fi
umask 077
cat > "$file" <<PROPERTIES
security.protocol=${KAFKA_SECURITY_PROTOCOL:-SASL_PLAINTEXT}
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$password";
PROPERTIES
