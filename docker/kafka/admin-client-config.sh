#!/bin/bash
# Writes the super user's client properties (SASL/PLAIN as admin) to $1 for Kafka's command-line tools
# (--command-config), from HEARING_KAFKA_ADMIN_PASSWORD. Used by the brokers' health check and kafka-init.
set -euo pipefail
file="${1:?usage: admin-client-config.sh <properties file>}"
password="${HEARING_KAFKA_ADMIN_PASSWORD:?HEARING_KAFKA_ADMIN_PASSWORD must hold the admin password}"
umask 077
cat > "$file" <<PROPERTIES
security.protocol=${KAFKA_SECURITY_PROTOCOL:-SASL_PLAINTEXT}
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$password";
PROPERTIES
