#!/usr/bin/env bash
# What tracing costs a proxied call: requests/s of the suite's POST (1 KB in, 1 KB out) on the
# plain route of one gateway jar started twice, with tracing off
# (management.tracing.export.enabled=false) and as it ships (on: W3C propagation, Boot's 0.1
# sampling, nothing exported), the second also loaded by a caller whose every request carries a
# sampled traceparent (every span recorded, none exported), against the upstream called directly,
# in interleaved rounds on loopback with wrk. Writes the table between <!-- tracing:begin -->
# and <!-- tracing:end --> in docs/BENCHMARKS.md; raw wrk outputs stay in bench/http/target/tracing/.
#   bench/http/tracing.sh [rounds] [seconds]      (3 10: about 6 minutes on 2 cores)
#   BENCH_NO_BUILD=1 bench/http/tracing.sh ...    the gateway jar as last built
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
seconds=${2:-10}
warmup=30   # C2 needs about half a minute of load before a gateway's rate settles
jvm_flags=(-Xms512m -Xmx512m)
started_at=$(date +%s)
. bench/common.sh
bench_processes
install_missing wrk
package_gateway
out=$PWD/bench/http/target/tracing
rm -rf "$out"; mkdir -p "$out"

# name | gateway | the caller's traceparent | what it is
targets_spec=(
  "off|off||tracing off: --management.tracing.export.enabled=false (no tracer, no propagation, no gateway observation)"
  "on|on||as it ships: a trace started at the gateway, 1 in 10 sampled, nothing exported"
  "on-caller-sampled|on|00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01|as it ships, every request with a caller's sampled traceparent: every span recorded, none exported"
)
up_port=$(free_port)
start_upstream "$up_port" "$out/upstream.log"
maps=$(suite_maps "$up_port")
declare -A port
port[off]=$(free_port)
port[on]=$(free_port)
echo "== gateway 'off' on ${port[off]}, 'on' on ${port[on]}" >&2
start_gateway "$jar" "${port[off]}" "$maps" "$out/gateway-off.log" "${jvm_flags[@]}" -- --management.tracing.export.enabled=false
start_gateway "$jar" "${port[on]}" "$maps" "$out/gateway-on.log" "${jvm_flags[@]}"
printf '%s\n' "${targets_spec[@]}" > "$out/targets.txt"

gateway_of() { for t in "${targets_spec[@]}"; do IFS='|' read -r n g _ <<< "$t"; [ "$n" = "$1" ] && echo "$g"; done; }
traceparent_of() { for t in "${targets_spec[@]}"; do IFS='|' read -r n _ tp _ <<< "$t"; [ "$n" = "$1" ] && echo "$tp"; done; }
url() { [ "$1" = direct ] && echo "http://127.0.0.1:$up_port/1k/games/1001?gameCode=1001" \
  || echo "http://127.0.0.1:${port[$(gateway_of "$1")]}/plain/1k/games/1001?gameCode=1001"; }

echo "== checking both gateways' answers" >&2
curl -fsS "http://127.0.0.1:$up_port/1k/games/1001" -o "$bench_tmp/expected.json"
for target in direct off on; do
  curl -fsS -XPOST -H 'Content-Type: application/json' -H 'X-Api-Key: bench-key' \
    --data-binary @"$bench_tmp/bodies/request-game-dept.json" "$(url "$target")" -o "$bench_tmp/answer.json"
  cmp -s "$bench_tmp/answer.json" "$bench_tmp/expected.json" || { echo "$target: unexpected answer" >&2; exit 1; }
done

run() { # target seconds file
  BODY=$bench_tmp/bodies/request-game-dept.json TRACEPARENT=$(traceparent_of "$1") \
    wrk -t2 -c32 -d"$2s" --latency -s bench/http/post.lua "$(url "$1")" > "$3"
  wrk_line "$1" "$3"
}
targets=(direct off on on-caller-sampled)
interleaved_rounds "$rounds" "$seconds" "$warmup" "$out" "${targets[@]}"
elapsed=$(( $(date +%s) - started_at ))
{
  echo "- Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $rounds round(s) of ${seconds} s per target after a ${warmup} s warm-up of each, $((elapsed / 60)) min in all; load average $load_before before the rounds, $load_after after."
  echo "- Machine: $(machine_line); wrk, the upstream and both gateways share them${BENCH_LOAD_NOTE:+; $BENCH_LOAD_NOTE}."
  echo "- Gateways: the same jar, \`${jvm_flags[*]}\`, $(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name/ {n=$2} /java.vm.version/ {v=$2} END {print n " " v}')."
  echo "- Load: \`wrk -t2 -c32 -d${seconds}s --latency -s bench/http/post.lua\`, a POST of 1 KB of JSON to the plain route (\`/plain/1k/games/1001?gameCode=1001\`), answered by 1 KB."
} > "$out/context.md"
python3 bench/http/tracing-report.py "$out" --context "$out/context.md" --write docs/BENCHMARKS.md
echo "== docs/BENCHMARKS.md updated (${elapsed} s)" >&2
