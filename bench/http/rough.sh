#!/usr/bin/env bash
# A rough requests/s comparison of a translating route against a plain route of the same
# gateway, same upstream, same run, on loopback with wrk (installed from Debian if missing).
# Interleaved rounds; prints the median ratio. The rigorous suite comes with issue 6.
#   bench/http/rough.sh [rounds] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
seconds=${2:-10}
command -v wrk >/dev/null || { sudo -n true 2>/dev/null && sudo apt-get install -y wrk || apt-get install -y wrk; }
./mvnw -B -q install -DskipTests -pl gateway -am
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
# nodelay: without it the JDK server waits on Nagle + delayed ACK, 40 ms a request
java -Dsun.net.httpserver.nodelay=true bench/http/FixedJsonUpstream.java 9301 & pids+=($!)
java -Xms512m -Xmx512m -jar gateway/target/gateway-*.jar --server.port=8099 --dragoman.context-maps=bench/http/maps \
  --dragoman.callers.web-support.api-keys=bench-key --dragoman.reload.watch=false --logging.level.root=warn & pids+=($!)
for _ in $(seq 1 120); do curl -fsS http://127.0.0.1:8099/actuator/health >/dev/null 2>&1 && break; sleep 0.5; done
run() { wrk -t2 -c32 -d"${seconds}s" -H 'X-Api-Key: bench-key' "http://127.0.0.1:8099$1" | awk '/Requests\/sec/ {print $2}'; }
# warm up both routes (JIT)
run /plain/games/1001?gameCode=1001 >/dev/null; run /translating/games/1?gameCode=1 >/dev/null
ratios=()
for round in $(seq 1 "$rounds"); do
  plain=$(run '/plain/games/1001?gameCode=1001')
  translating=$(run '/translating/games/1?gameCode=1')
  ratio=$(python3 -c "print(f'{$translating/$plain:.2f}')")
  ratios+=("$ratio")
  echo "round $round: plain $plain req/s, translating $translating req/s, ratio $ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print "median translating/plain: " a[int((NR+1)/2)] "x"}'
