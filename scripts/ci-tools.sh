#!/usr/bin/env bash
# Installs the external tools the test suite drives: an independent Kafka client (kcat), a real
# browser (chromium), promtool (Prometheus rules), docker-compose (offline compose validation), and
# dockerfilelint (Dockerfile lint; hadolint is not packaged in Debian).
# Idempotent: a tool already on PATH is not installed again. Needs root or sudo for apt-get and npm -g.
set -euo pipefail
missing=()
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "Installing from Debian: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v dockerfilelint >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "Installing from npm: dockerfilelint"
  $sudo_cmd npm install -g --no-audit --no-fund dockerfilelint@1.8.0 >/dev/null
fi
