#!/usr/bin/env bash
# Starts one build of the service against the stub Graph API, runs the end-to-end sweeps of
# scripts/messenger-webhook-load.py on it (stub delay 0 ms, then the delays given), and stops the service it started.
# Loopback only; bounded (each sweep stops by itself, the service is killed on exit).
#
#   scripts/messenger-e2e-sweep.sh JAR [RATES] [DURATION] [DELAYS]
#   scripts/messenger-e2e-sweep.sh target/motcua-chat.jar 50,100,200,300,400 10 "0 50"
#
# Output: the service log and one file per delay in ${OUT:-/tmp/motcua-e2e}/<jar's directory name>-d<delay>.txt;
# the tables are printed at the end. Ports: SERVER_PORT 8080 and the stub's 18080 must be free.
set -euo pipefail
jar=${1:?usage: $0 JAR [RATES] [DURATION] [DELAYS]}
rates=${2:-50,100,200,300,400}
duration=${3:-10}
delays=${4:-0 50}
out=${OUT:-/tmp/motcua-e2e}
here=$(cd "$(dirname "$0")" && pwd)
label=$(basename "$(cd "$(dirname "$jar")/.." && pwd)")
mkdir -p "$out"

MOTCUA_SECRET=load MESSENGER_APP_SECRET=load-secret MESSENGER_PAGE_TOKEN=load-token MESSENGER_VERIFY_TOKEN=v \
  MESSENGER_GRAPH_URL=http://127.0.0.1:18080 java -jar "$jar" > "$out/$label-service.log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do   # at most 60 s for start-up
  if curl -fsS http://127.0.0.1:8080/actuator/health/readiness > /dev/null 2>&1; then break; fi
  kill -0 "$service" 2>/dev/null || { echo "the service stopped; see $out/$label-service.log" >&2; exit 1; }
  sleep 0.5
done
git -C "$(dirname "$jar")/.." log -1 --format='measuring %h %s' 2>/dev/null || true

for delay in $delays; do
  echo "== $label, stub delay $delay ms, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 "$here/messenger-webhook-load.py" --sweep "$rates" --duration "$duration" --warmup 10 \
    --stub-delay "$delay" --service-pid "$service" > "$out/$label-d$delay.txt"
  sed -n '/^open loop/,$p' "$out/$label-d$delay.txt"
done
