#!/usr/bin/env bash
# The one-command demo: builds Dragoman, starts the mock departments (WireMock, stubs in
# mock-upstreams/) and the gateway with the example maps in context-maps/.
# Needs only a JDK 17+. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
PORT="${PORT:-8080}"

echo "Building (tests skipped; run ./mvnw verify for them)..."
./mvnw -B -q install -DskipTests -pl gateway,mock-upstreams -am
./mvnw -B -q -pl mock-upstreams dependency:build-classpath -Dmdep.outputFile=target/classpath.txt

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

java -cp "mock-upstreams/target/classes:$(cat mock-upstreams/target/classpath.txt)" dev.dragoman.mock.MockDepartments &
pids+=($!)
DRAGOMAN_CONTEXT_MAPS="$PWD/context-maps" java -jar gateway/target/gateway-*.jar --server.port="$PORT" &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "The gateway did not start: see its output above." >&2; exit 1; fi
  sleep 0.5
done
cat <<MSG

Dragoman is up on http://127.0.0.1:$PORT with the maps in context-maps/.
  curl -s http://127.0.0.1:$PORT/actuator/health     # the loaded model's counts
  curl -s http://127.0.0.1:9101/games/1001           # game-dept's own vocabulary
  curl -s http://127.0.0.1:9102/tickets/by-game/1    # web-support's own vocabulary
Ctrl+C stops the gateway and the mock departments.
MSG
wait
