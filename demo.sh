#!/usr/bin/env bash
# The one-command demo: builds Dragoman and starts ONE process, the gateway in its `demo` profile, which serves the
# example maps in context-maps/ and runs the mock departments (WireMock, stubs in mock-upstreams/) inside itself.
# It runs the tools jar (tools/): the gateway plus the demo and the map tests, which the production jar leaves out.
# Needs only a JDK 17+ (and curl, to try the calls it prints). Ctrl+C stops everything.
#   PORT=8081 ./demo.sh    the gateway on another port (the departments keep theirs: the maps name them)
set -euo pipefail
cd "$(dirname "$0")"
PORT="${PORT:-8080}"
GATEWAY="http://127.0.0.1:$PORT"

if ! command -v java >/dev/null 2>&1; then
  echo "demo.sh needs a JDK 17 or newer on the PATH (java was not found)." >&2
  exit 1
fi

echo "Building (tests skipped; ./mvnw -B verify runs them)..."
./mvnw -B -q package -DskipTests -pl tools -am

jar="$(ls -t tools/target/dragoman-tools-*.jar | head -n 1)"
java -jar "$jar" --spring.profiles.active=demo --server.port="$PORT" &
gateway=$!
cleanup() { kill "$gateway" 2>/dev/null || true; wait "$gateway" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# curl when there is one; bash's own /dev/tcp otherwise (a fresh machine may have only the JDK).
healthy() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS "$GATEWAY/actuator/health" >/dev/null 2>&1
    return
  fi
  local status=1
  if exec 3<>"/dev/tcp/127.0.0.1/$PORT"; then
    printf 'GET /actuator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    head -n 1 <&3 | grep -q ' 200 ' && status=0
    exec 3>&-
  fi
  return "$status"
} 2>/dev/null

echo "Starting the gateway with the mock departments inside (pid $gateway)..."
until healthy; do
  if ! kill -0 "$gateway" 2>/dev/null; then
    echo "The gateway did not start: see its output above." >&2
    exit 1
  fi
  sleep 0.5
done

cat <<MSG

Dragoman is up on $GATEWAY: one process serving the maps in context-maps/, with the mock
departments inside it (game-dept on 9101, web-support on 9102, event inboxes on 9201-9204).
API keys (header X-Api-Key): demo-<context>-key, e.g. demo-web-support-key; admin: demo-admin-key
(the banner above lists them; tools/src/main/resources/application-demo.yaml sets them).

Try (README.md, "Try it" and "Try a saga", show what each answers):
  curl -s -H 'X-Api-Key: demo-web-support-key' $GATEWAY/game-dept/games/1
  curl -s 'http://127.0.0.1:9101/__admin/requests?limit=1' | grep -m1 '"url"'    # what game-dept received
  curl -s -H 'X-Api-Key: demo-game-dept-key' '$GATEWAY/web-support/tickets?game=mgame_x'
  curl -s 'http://127.0.0.1:9102/__admin/requests?limit=1' | grep -m1 '"url"'    # what web-support received
  curl -s -H 'X-Api-Key: demo-web-support-key' $GATEWAY/game-dept/games/9       # 422: no game 9 in the map
  curl -s $GATEWAY/game-dept/games/1                                             # 401: no key
  curl -s -H 'X-Api-Key: demo-web-support-key' $GATEWAY/game-dept/featured      # 502: the arcade game
  curl -s $GATEWAY/actuator/health                                               # the loaded maps' counts
  curl -s -H 'X-Api-Key: demo-order-key' -H 'Content-Type: application/cloudevents+json' $GATEWAY/events -d '{"specversion":"1.0","id":"order-4711","source":"/order-service","type":"order.placed","datacontenttype":"application/json","data":{"items":[{"sku":"GX-1001","quantity":2},{"sku":"GX-1003","quantity":1}],"amount":10000}}'   # 202: order publishes order.placed; the saga starts
  curl -s 'http://127.0.0.1:9202/__admin/requests?limit=1' | grep -m1 '"body"'   # product's copy, in its own skus
  curl -s -H 'X-Api-Key: demo-admin-key' $GATEWAY/admin/sagas                    # the open sagas (admin key)
Ctrl+C stops the gateway and the mock departments.
MSG
wait "$gateway"
