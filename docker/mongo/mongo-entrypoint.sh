#!/bin/bash
# The mongo image's entrypoint, after making the replica set's key file on first start: members of a
# replica set with authentication prove themselves to each other with it. It lives in the data volume,
# so it survives restarts; a second member needs a copy of it.
set -euo pipefail
key=/data/db/replica-set.key
if [[ ! -s "$key" ]]; then
  head -c 756 /dev/urandom | base64 -w 0 > "$key"
fi
chmod 400 "$key"
chown mongodb:mongodb "$key"
exec /usr/local/bin/docker-entrypoint.sh "$@"
