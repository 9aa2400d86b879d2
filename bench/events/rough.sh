#!/usr/bin/env bash
# A rough measurement of events on this machine: accepted events/s at POST /events (each one
# stored with its three copies and a saga, in one transaction, before the 202), as a ratio
# against the same body POSTed through a plain proxied route of the same gateway in the same
# run; then how late saga deadlines are acted on. wrk on loopback, rounds interleaved.
#   bench/events/rough.sh [rounds] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
seconds=${2:-10}
command -v wrk >/dev/null || { sudo -n true 2>/dev/null && sudo apt-get install -y wrk || apt-get install -y wrk; }
./mvnw -B -q install -DskipTests -pl gateway -am
data=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$data"' EXIT
java -Dsun.net.httpserver.nodelay=true bench/http/FixedJsonUpstream.java 9301 & pids+=($!)
java -Xms512m -Xmx512m -jar gateway/target/gateway-*.jar --server.port=8099 --dragoman.context-maps=bench/events/maps \
  --dragoman.data-dir="$data" --dragoman.callers.order.api-keys=bench-key --dragoman.admin.api-keys=bench-admin-key \
  --dragoman.reload.watch=false --logging.level.root=warn & pids+=($!)
for _ in $(seq 1 120); do curl -fsS http://127.0.0.1:8099/actuator/health >/dev/null 2>&1 && break; sleep 0.5; done
run() { wrk -t2 -c16 -d"${seconds}s" -s "bench/events/$1" http://127.0.0.1:8099 | awk '/Requests\/sec/ {print $2}'; }
run plain.lua >/dev/null; run publish.lua >/dev/null   # warm up (JIT)
ratios=()
for round in $(seq 1 "$rounds"); do
  plain=$(run plain.lua)
  events=$(run publish.lua)
  ratio=$(python3 -c "print(f'{$events/$plain:.2f}')")
  ratios+=("$ratio")
  echo "round $round: plain POST $plain req/s, POST /events $events accepted/s, ratio $ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print "median accepted/plain: " a[int((NR+1)/2)] "x"}'
# let delivery drain the outbox before measuring deadlines
for _ in $(seq 1 600); do
  depth=$(curl -fsS -H "X-Api-Key: bench-admin-key" http://127.0.0.1:8099/actuator/prometheus | awk '/^dragoman_outbox_depth/ {print int($2)}')
  [ "${depth:-1}" -eq 0 ] && break; sleep 1
done
echo "outbox drained (depth ${depth:-?})"
python3 bench/events/lateness.py 8099 200 3
