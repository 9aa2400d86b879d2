#!/usr/bin/env bash
# Accepted events/s of one gateway against two gateways sharing one PostgreSQL, on this
# machine: POST /events (bench/events/publish.lua) from two wrk processes of 8 connections,
# both at the one instance, or one at each of the two. A real PostgreSQL from Maven's binaries
# (bench/events/EmbeddedPostgresServer.java). On 2 cores the gateways, the database, the
# upstream and wrk all share the same CPUs: this shows contention, not speed-up.
#   bench/events/instances.sh [rounds] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
seconds=${2:-10}
command -v wrk >/dev/null || { sudo -n true 2>/dev/null && sudo apt-get install -y wrk || apt-get install -y wrk; }
./mvnw -B -q install -DskipTests -pl gateway -am
./mvnw -B -q -pl gateway dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
java -Dsun.net.httpserver.nodelay=true bench/http/FixedJsonUpstream.java 9301 & pids+=($!)
urls=$(mktemp -u)
java -cp "$(cat gateway/target/bench-classpath.txt)" bench/events/EmbeddedPostgresServer.java 5499 "$urls" \
  $(for r in $(seq 1 "$rounds"); do echo "one_$r two_$r"; done) >/dev/null 2>&1 & pids+=($!)
for _ in $(seq 1 240); do [ -s "$urls" ] && break; sleep 0.5; done
stop() { kill "$@" 2>/dev/null || true; for p in "$@"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done; }
gateway() { # port database-url; sets $started
  java -Xms384m -Xmx384m -jar gateway/target/gateway-*.jar --server.port="$1" --dragoman.context-maps=bench/events/maps \
    --spring.datasource.url="$2" --spring.datasource.username=postgres --dragoman.callers.order.api-keys=bench-key \
    --dragoman.reload.watch=false --logging.level.root=warn >/dev/null &
  started=$!; pids+=($started)
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return; sleep 0.5; done
}
publish() { wrk -t1 -c8 -d"${seconds}s" -s bench/events/publish.lua "http://127.0.0.1:$1" | awk '/Requests\/sec/ {print $2}'; }
for round in $(seq 1 "$rounds"); do
  one=$(awk -v db="one_$round" '$1 == db {print $2}' "$urls"); two=$(awk -v db="two_$round" '$1 == db {print $2}' "$urls")
  gateway 8101 "$one"; g1=$started
  publish 8101 >/dev/null   # warm-up (JIT)
  single=$( (publish 8101 & publish 8101 & wait) | awk '{s+=$1} END {printf "%.0f", s}')
  stop "$g1"
  gateway 8101 "$two"; g1=$started; gateway 8102 "$two"; g2=$started
  publish 8101 >/dev/null; publish 8102 >/dev/null
  double=$( (publish 8101 & publish 8102 & wait) | awk '{s+=$1} END {printf "%.0f", s}')
  stop "$g1" "$g2"
  echo "round $round: one instance $single accepted/s, two instances $double accepted/s, ratio $(python3 -c "print(f'{$double/$single:.2f}')")"
done
