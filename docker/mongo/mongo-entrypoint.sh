#!/bin/bash
# The mongo image's entrypoint, after making the replica set's key file on first start: members of a
# replica set with authentication prove themselves to each other with it. It lives in the data volume,
# so it survives restarts; a second member needs a copy of it.
set -euo pipefail
# The example file's placeholders are public: refuse them, as docker/kafka/create-users-and-acls.sh refuses the Kafka
# users' (compose checks only that each is set). Before anything is written, so a refused start leaves nothing behind.
for name in MONGO_INITDB_ROOT_PASSWORD MONGO_INTAKE_PASSWORD MONGO_ROUTING_PASSWORD MONGO_NOTIFICATION_PASSWORD \
    MONGO_ANALYTICS_PASSWORD; do
  upper="${!name:-}"
  upper="${upper^^}"
  if [[ "${upper//-/}" == *CHANGEME* ]]; then
    echo "$name still holds the example's placeholder (CHANGEME): set a password of your own" >&2
    exit 2
  fi
done
key=/data/db/replica-set.key
if [[ ! -s "$key" ]]; then
  head -c 756 /dev/urandom | base64 -w 0 > "$key"
fi
chmod 400 "$key"
chown mongodb:mongodb "$key"
exec /usr/local/bin/docker-entrypoint.sh "$@"
