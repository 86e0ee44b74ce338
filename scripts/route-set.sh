#!/usr/bin/env bash
# Sends a labelled set of appeals through a running stack and reads back where routing placed each one, the way
# issue 14's independent sets are measured: each appeal is posted to intake as a channel posts it, and its
# department is read from the ROUTED step of its status view (what the 202's statusUrl shows). Needs a running
# stack: ./run.sh (which builds what this runs), or another with --intake. It creates real appeals, with deadlines
# and notifications: use a test stack.
#
#   scripts/route-set.sh FILE.jsonl [--intake URL]
#       FILE.jsonl: one JSON object a line: id, language (kk, ru, en), text, and department, the right one (the
#       evaluation set, routing-service/src/test/resources/classifier/evaluation.jsonl, has this form)
#       --intake URL: intake's address (default http://127.0.0.1:8081)
#   ROUTE_SET_CHANNEL_KEY: the channel's key (default demo-portal-key, the local stack's demo channel)
#
# Prints, of the appeals routing placed, the share routed right, per language, those at the akim-office desk though
# another department was right, and every corruption report that went anywhere but anti-corruption; then any line
# refused or not placed within 3 minutes (and exits 1). One line per appeal: target/route-set/<FILE's name>.tsv.
# Running it again sends nothing twice: an appeal's Idempotency-Key is the file's name, the line's id and a digest
# of its language and text.
[[ "${1:-}" == "--help" || "${1:-}" == "-h" || $# -eq 0 ]] && { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0; }
set -euo pipefail
[[ -r "$1" ]] || { echo "No such file: $1" >&2; exit 2; }
file=$(realpath "$1")
shift
cd "$(dirname "$0")/.."
source scripts/java-home.sh
jar=local-stack/target/local-stack-0.1.0-SNAPSHOT.jar
[ -f "$jar" ] || { echo "No $jar: ./run.sh builds it (or ./mvnw -B -q -DskipTests package -pl local-stack -am)" >&2; exit 2; }
# Not rebuilt here: the running stack's launcher runs from this jar.
if [ -n "$(find local-stack/src local-stack/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Warning: $jar is older than local-stack's sources; the next ./run.sh rebuilds it" >&2
fi
exec "$JAVA_HOME/bin/java" -Dhearing.root="$PWD" -cp "$jar" kz.hearingstate.localstack.RouteSet "$file" "$@"
