#!/usr/bin/env bash
# Sends a labelled set of appeals through the running stack and reads back where each one went, the way issue
# 14's independent sets are measured: each appeal is posted to intake as a channel posts it, and its department
# is read from its status view (what the 202's statusUrl shows) once routing has placed it. Needs a running
# stack (./run.sh, or compose with --intake and a channel's key).
#
#   scripts/route-set.sh FILE.jsonl     one JSON object a line: id, language (kk, ru, en), text, and department,
#                                       the right one (the held-out sets under routing-service/src/test/resources/
#                                       classifier have this form)
#   --intake URL      intake's address (default http://127.0.0.1:8081)
#   --key KEY         the channel's key (default demo-portal-key, the local stack's demo channel)
#
# Prints the share routed right, per language, the appeals at the akim-office desk though another department was
# right, and every corruption report that went anywhere but anti-corruption; writes one line per appeal to
# target/route-set/<FILE's name>.tsv. Running it again sends nothing twice: an appeal's Idempotency-Key is the
# file's name and its id.
[[ "${1:-}" == "--help" || "${1:-}" == "-h" || $# -eq 0 ]] && { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0; } # before any build
set -euo pipefail
[[ -r "$1" ]] || { echo "No such file: $1" >&2; exit 2; }
file=$(realpath "$1")
shift
cd "$(dirname "$0")/.."
source scripts/java-home.sh
jar=local-stack/target/local-stack-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find local-stack/src local-stack/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building local-stack (tests skipped) ..."
  ./mvnw -B -q -DskipTests package -pl local-stack -am
fi
exec "$JAVA_HOME/bin/java" -Dhearing.root="$PWD" -cp "$jar" kz.hearingstate.localstack.RouteSet "$file" "$@"
