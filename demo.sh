#!/usr/bin/env bash
# The one-command demo: builds Dragoman and starts four processes. The gateway in its `demo` profile (the tools jar:
# the gateway plus the demo, serving the example maps in context-maps/, with the mock departments game-dept,
# web-support and shipping running inside it as WireMock stubs from mock-upstreams/), and the order, payment and
# product departments: real services on the participant kit (demo-departments/), each its own process with its own
# database, so that the gateway can be stopped while they go on (README.md, "The outage story").
# Needs only a JDK 17+ (and curl, to try the calls it prints). Ctrl+C stops all four.
#   PORT=8081 ./demo.sh    the gateway on another port (the departments keep theirs: the maps name them)
#   ./demo.sh gateway      starts the gateway alone again, after you stopped it with kill "$(cat target/demo/gateway.pid)"
# Pids, ports, logs and the databases are under target/demo/ (./mvnw clean starts the demo afresh).
set -euo pipefail
cd "$(dirname "$0")"
PORT="${PORT:-8080}"
GATEWAY="http://127.0.0.1:$PORT"
STATE=target/demo
DEPARTMENTS=(order:9201 product:9202 payment:9203)

if ! command -v java >/dev/null 2>&1; then
  echo "demo.sh needs a JDK 17 or newer on the PATH (java was not found)." >&2
  exit 1
fi

# curl when there is one; bash's own /dev/tcp otherwise (a fresh machine may have only the JDK).
healthy() {
  local port=$1
  if command -v curl >/dev/null 2>&1; then
    curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1
    return
  fi
  local status=1
  if exec 3<>"/dev/tcp/127.0.0.1/$port"; then
    printf 'GET /actuator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    head -n 1 <&3 | grep -q ' 200 ' && status=0
    exec 3>&-
  fi
  return "$status"
} 2>/dev/null

running() { [ -f "$STATE/$1.pid" ] && kill -0 "$(cat "$STATE/$1.pid")" 2>/dev/null; }

# name port: waits until the process answers on its port, or says where its log is if it ended.
await_healthy() {
  until healthy "$2"; do
    if ! running "$1"; then
      echo "The $1 process did not start: see $STATE/$1.log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

start_gateway() {
  local jar
  jar="$(ls -t tools/target/dragoman-tools-*.jar | head -n 1)"
  java -jar "$jar" --spring.profiles.active=demo --server.port="$PORT" --dragoman.data-dir="$STATE/gateway-data" \
    >>"$STATE/gateway.log" 2>&1 &
  echo $! >"$STATE/gateway.pid"
}

start_department() {
  local name=$1 jar
  jar="$(ls -t demo-departments/target/demo-departments-*.jar | head -n 1)"
  java -jar "$jar" --spring.profiles.active="$name" --demo.data-dir="./$STATE/departments" --dragoman.kit.gateway-url="$GATEWAY" \
    >>"$STATE/$name.log" 2>&1 &
  echo $! >"$STATE/$name.pid"
}

if [ "${1:-}" = "gateway" ]; then
  if running gateway; then
    echo "The gateway is running already (pid $(cat "$STATE/gateway.pid")); stop it first: kill \"\$(cat $STATE/gateway.pid)\"" >&2
    exit 1
  fi
  start_gateway
  echo "Starting the gateway again (pid $(cat "$STATE/gateway.pid"), log $STATE/gateway.log)..."
  await_healthy gateway "$PORT"
  echo "The gateway is back on $GATEWAY; the first ./demo.sh's terminal shows what the departments do, and Ctrl+C there stops it too."
  exit 0
fi

for process in gateway order product payment; do
  if running "$process"; then
    echo "A demo is running already ($process, pid $(cat "$STATE/$process.pid")): stop it with Ctrl+C in its terminal first." >&2
    exit 1
  fi
done

echo "Building (tests skipped; ./mvnw -B verify runs them)..."
./mvnw -B -q package -DskipTests -pl tools,demo-departments -am

mkdir -p "$STATE"
for process in gateway order product payment; do : >"$STATE/$process.log"; done
printf 'gateway=%s\n' "$PORT" >"$STATE/ports"
for department in "${DEPARTMENTS[@]}"; do printf '%s=%s\n' "${department%:*}" "${department#*:}" >>"$STATE/ports"; done

follower=""
# Every process whose pid file is here, the gateway too when `./demo.sh gateway` started it again.
cleanup() {
  [ -n "$follower" ] && kill "$follower" 2>/dev/null || true
  for pidfile in "$STATE"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  for pidfile in "$STATE"/*.pid; do
    [ -f "$pidfile" ] || continue
    while kill -0 "$(cat "$pidfile")" 2>/dev/null; do sleep 0.2; done
    rm -f "$pidfile"
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Starting the gateway (mock departments inside) and the order, product and payment departments (logs in $STATE/)..."
start_gateway
for department in "${DEPARTMENTS[@]}"; do start_department "${department%:*}"; done
for department in "${DEPARTMENTS[@]}"; do await_healthy "${department%:*}" "${department#*:}"; done
await_healthy gateway "$PORT"

# The gateway's banner: where everything listens and with which keys.
sed -n '/Dragoman demo:/,/Ctrl+C stops/p' "$STATE/gateway.log"

cat <<MSG
Dragoman is up on $GATEWAY, serving the maps in context-maps/: game-dept (9101), web-support
(9102) and shipping (9204) are mock departments inside it; order (9201), product (9202) and
payment (9203) are their own processes on the participant kit (pids in $STATE/*.pid).
API keys (header X-Api-Key): demo-<context>-key, e.g. demo-web-support-key; admin: demo-admin-key.
The console: $GATEWAY/console/ (sign in with the admin key demo-admin-key).

Try (README.md, "Try it" and "The outage story", show what each answers):
  curl -s -H 'X-Api-Key: demo-web-support-key' $GATEWAY/game-dept/games/1
  curl -s 'http://127.0.0.1:9101/__admin/requests?limit=1' | grep -m1 '"url"'    # what game-dept received
  curl -s -H 'X-Api-Key: demo-web-support-key' $GATEWAY/game-dept/games/9       # 422: no game 9 in the map
  curl -s $GATEWAY/actuator/health                                               # the loaded maps' counts
  curl -s -H 'Content-Type: application/json' http://127.0.0.1:9201/orders -d '{"items":[{"sku":"GX-1001","quantity":2},{"sku":"GX-1003","quantity":1}],"amount":10000}'   # order places an order: the saga starts, deadline in a minute
  curl -s http://127.0.0.1:9201/orders              # placed, then confirmed (or cancelled)
  curl -s http://127.0.0.1:9203/ledger              # payment's captures and refunds
  curl -s http://127.0.0.1:9202/reservations        # product's reservations
  curl -s -X PUT -H 'Content-Type: text/plain' http://127.0.0.1:9202/warehouse -d ask   # product now waits for you to answer for its warehouse
  kill "\$(cat $STATE/gateway.pid)"                  # stops the gateway alone; ./demo.sh gateway starts it again
Below: what the departments do (and any warning), as it happens. Ctrl+C stops all four processes.

MSG
# The follower is tail itself (grep ends with it), so that cleanup stops both.
tail -n +1 -F "$STATE/order.log" "$STATE/product.log" "$STATE/payment.log" "$STATE/gateway.log" 2>/dev/null \
  > >(grep --line-buffered -E ' (WARN|ERROR) |departments\.(order|payment|product)\.') &
follower=$!
wait "$follower"
