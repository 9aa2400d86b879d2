#!/usr/bin/env bash
# The plain route's tuning, step by step: requests/s of the same POST (1 KB in, 1 KB out)
# through gateways that differ by one change each, against the upstream called directly, in
# interleaved rounds on loopback with wrk. The untuned gateway is built from the commit
# before the tuning (UNTUNED_REV), so its defaults and filters are the ones that shipped.
# Writes the table between <!-- tuning:begin --> and <!-- tuning:end --> in docs/BENCHMARKS.md;
# raw wrk outputs stay in bench/http/target/tuning/.
#   bench/http/tuning.sh [rounds] [seconds]      (3 10: about 12 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
seconds=${2:-10}
warmup=30   # C2 needs about half a minute of load before a gateway's rate settles
UNTUNED_REV=${UNTUNED_REV:-1bbb520}
jvm_flags=(-Xms512m -Xmx512m)
started_at=$(date +%s)
. bench/common.sh
bench_processes
install_missing wrk
build_gateway
out=$PWD/bench/http/target/tuning
rm -rf "$out"; mkdir -p "$out"

echo "== building the untuned gateway from $UNTUNED_REV" >&2
mkdir -p "$bench_tmp/untuned"
git archive "$UNTUNED_REV" | tar -x -C "$bench_tmp/untuned"
(cd "$bench_tmp/untuned" && ./mvnw -B -q package -DskipTests -pl gateway -am)
untuned=$(ls "$bench_tmp"/untuned/gateway/target/gateway-*.jar | grep -v -e sources -e javadoc | head -1)

P=--spring.cloud.gateway.server.webflux
# name | jar | JVM flags | arguments | what it changes (cumulative up to 'shipped'; the rest are experiments on top of it)
steps=(
  "untuned|$untuned|||Spring Cloud Gateway's defaults, both translation filters on every route"
  "filter-cache|$untuned||$P.route-filter-cache-enabled=true|+ the route filter cache (sorted filters kept per route, cleared on reload)"
  "no-observations|$untuned||$P.route-filter-cache-enabled=true $P.observability.enabled=false|+ no Spring Cloud Gateway observation per request (http.server.requests stays)"
  "shipped|$jar|||+ no translation filter for a direction without rules, the caller's key dropped from the forwarded headers instead of a rebuilt request: what ships now"
  "nio|$jar|-Dreactor.netty.native=false||experiment: NIO instead of the native epoll transport"
  "fixed-pool|$jar||$P.httpclient.pool.type=fixed $P.httpclient.pool.max-connections=64|experiment: a fixed pool of 64 upstream connections"
  "no-leak-detection|$jar|-Dio.netty.leakDetection.level=disabled||experiment: Netty's sampled buffer leak detection off"
  "warn-logging|$jar||--logging.level.root=warn|experiment: only warnings logged"
)

up_port=$(free_port)
start_upstream "$up_port" "$out/upstream.log"
maps=$(suite_maps "$up_port")
declare -A port
for step in "${steps[@]}"; do
  IFS='|' read -r name step_jar flags args _ <<< "$step"
  port[$name]=$(free_port)
  echo "== gateway '$name' on ${port[$name]}" >&2
  # shellcheck disable=SC2086 # flags and arguments are word lists
  start_gateway "$step_jar" "${port[$name]}" "$maps" "$out/gateway-$name.log" "${jvm_flags[@]}" $flags -- $args
done
printf '%s\n' "${steps[@]}" | cut -d'|' -f1,3,4,5 > "$out/steps.txt"

url() { [ "$1" = direct ] && echo "http://127.0.0.1:$up_port/1k/games/1001?gameCode=1001" \
  || echo "http://127.0.0.1:${port[$1]}/plain/1k/games/1001?gameCode=1001"; }
echo "== checking every gateway's answer" >&2
curl -fsS "http://127.0.0.1:$up_port/1k/games/1001" -o "$bench_tmp/expected.json"
for target in direct "${!port[@]}"; do
  curl -fsS -XPOST -H 'Content-Type: application/json' -H 'X-Api-Key: bench-key' \
    --data-binary @"$bench_tmp/bodies/request-game-dept.json" "$(url "$target")" -o "$bench_tmp/answer.json"
  cmp -s "$bench_tmp/answer.json" "$bench_tmp/expected.json" || { echo "$target: unexpected answer" >&2; exit 1; }
done
run() { # target seconds file
  BODY=$bench_tmp/bodies/request-game-dept.json wrk -t2 -c32 -d"$2s" --latency -s bench/http/post.lua "$(url "$1")" > "$3"
  wrk_line "$1" "$3"
}
targets=(direct)
for step in "${steps[@]}"; do targets+=("${step%%|*}"); done
interleaved_rounds "$rounds" "$seconds" "$warmup" "$out" "${targets[@]}"
elapsed=$(( $(date +%s) - started_at ))
{
  echo "- Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $rounds round(s) of ${seconds} s per gateway after a ${warmup} s warm-up of each, $((elapsed / 60)) min in all; load average $load_before before the rounds, $load_after after."
  echo "- Machine: $(machine_line); wrk, the upstream and the gateways share them (the idle gateways poll their event stores meanwhile)."
  echo "- Gateways: \`${jvm_flags[*]}\`, $(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name/ {n=$2} /java.vm.version/ {v=$2} END {print n " " v}'); untuned = commit \`$UNTUNED_REV\`, the others this commit."
  echo "- Load: \`wrk -t2 -c32 -d${seconds}s --latency -s bench/http/post.lua\`, a POST of 1 KB of JSON to the plain route (\`/plain/1k/games/1001?gameCode=1001\`), answered by 1 KB."
} > "$out/context.md"
python3 bench/http/tuning-report.py "$out" --context "$out/context.md" --write docs/BENCHMARKS.md
echo "== docs/BENCHMARKS.md updated (${elapsed} s)" >&2
