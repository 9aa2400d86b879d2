#!/usr/bin/env bash
# The participant kit (issue 14), one command: builds bench/kit (and the kit) and measures, in a
# minimal Spring Boot service with the kit's auto-configuration (bench/kit/src/.../BenchService):
#   1. publish cost (JMH, PublishBenchmark.paired): a service transaction that inserts one ledger
#      row, alone and with publisher.publish(type, data, deadline), in turn, on H2 in memory and on
#      PostgreSQL (io.zonky's embedded binaries); rounds of one JMH run each, the ratio taken over
#      the same seconds;
#   2. relay throughput (RelayThroughput): 10,000 events committed to the outbox at once, sent by
#      the kit's relay to a JDK HTTP server answering 202 on loopback; the kit's defaults and a
#      batch of 1,000, against the same POSTs from a bare JDK HTTP client (the HTTP floor);
#   3. watchdog lateness (WatchdogLateness): 10,000 completed saga steps with deadlines spread over
#      25 s, rolled back by the kit's deadline watchdog with its defaults; when each compensation
#      ran minus its deadline, against a baseline of 100 steps.
# Writes the section between <!-- kit:begin --> and <!-- kit:end --> of docs/BENCHMARKS.md
# (bench/kit/report.py). About 8 minutes on 2 cores. Raw outputs stay in bench/kit/target/results/.
#   bench/kit/run.sh              the full run; updates docs/BENCHMARKS.md
#   bench/kit/run.sh --quick      a smoke run (about 2 minutes); prints the section, docs unchanged
#   bench/kit/run.sh --gateway    also relays to the real gateway jar (bench/events/load-maps, its
#                                 inboxes at the sink): the production path; builds the gateway
#                                 first (bench/common.sh), 1 to 5 minutes more
set -euo pipefail
cd "$(dirname "$0")/../.."
quick=false
gateway=false
for arg in "$@"; do
  case $arg in
    --quick) quick=true ;;
    --gateway) gateway=true ;;
    *) sed -n '16,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
started_at=$(date +%s)
. bench/common.sh
bench_processes   # what is started below (bench_pids) is stopped on exit

out=bench/kit/target/results
jvm_flags="-Xms1g -Xmx1g"
if $quick; then
  rounds=1; jmh=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
  relay=(--events 2000 --rounds 1 --warmup 500)
  watchdog=(--steps 2000 --spread 5 --baseline-spread 5 --rounds 1 --warmup-steps 500)
else
  # More, shorter iterations rather than fewer long ones: a neighbour's build comes and goes.
  # A loaded machine starves the JIT's compiler threads: warm up longer than a quiet one would need.
  rounds=3; jmh=(-f 1 -wi 8 -w 1s -i 10 -r 1s)
  relay=(--events 10000 --rounds 3 --warmup 2000)
  watchdog=(--steps 10000 --spread 25 --baseline-steps 100 --baseline-spread 10 --rounds 2)
fi

echo "== building bench/kit" >&2
# One reactor run: the classpath then names the kit's freshly built jar, and nothing goes to ~/.m2.
./mvnw -B -q -pl bench/kit -am package -Dmaven.test.skip=true dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
kit_classpath=bench/kit/target/classes:$(cat bench/kit/target/bench-classpath.txt)   # not $classpath: build_gateway sets that

rm -rf "$out"; mkdir -p "$out"
if $gateway; then build_gateway; fi   # sets $jar (and $classpath)
measuring_from=$(date +%s)
# The 1-minute load average every 5 s while measuring: the machine is shared.
(while true; do echo "$(date +%s) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 5; done) > "$out/load.txt" &
bench_pids+=($!)
loads=()
loads+=("before: $(cut -d' ' -f1-3 /proc/loadavg)")

for round in $(seq 1 "$rounds"); do
  echo "== publish cost (JMH), round $round of $rounds" >&2
  java -cp "$kit_classpath" org.openjdk.jmh.Main 'PublishBenchmark.paired' "${jmh[@]}" -t 1 -jvmArgs "$jvm_flags" \
    -rf json -rff "$out/jmh-publish-$round.json" > "$out/jmh-publish-$round.log" 2>&1 \
    || { tail -20 "$out/jmh-publish-$round.log" >&2; exit 1; }
  grep -A6 '^Benchmark ' "$out/jmh-publish-$round.log" >&2 || true
done
loads+=("after the publish benchmark: $(cut -d' ' -f1-3 /proc/loadavg)")

gateway_args=()
if $gateway; then
  # Started only now, so that it idles through none of the other measurements.
  sink_port=$(free_port); gw_port=$(free_port)
  mkdir -p "$bench_tmp/maps"
  sed "s#http://127.0.0.1:9411#http://127.0.0.1:$sink_port#" bench/events/load-maps/load.yaml > "$bench_tmp/maps/load.yaml"
  echo "== gateway on $gw_port (bench/events/load-maps, inboxes at the sink on $sink_port)" >&2
  java -Xms512m -Xmx512m -jar "$jar" --server.port="$gw_port" --dragoman.context-maps="$bench_tmp/maps" \
    --dragoman.data-dir="$bench_tmp/data" --dragoman.callers.order.api-keys=kit-order-key --dragoman.reload.watch=false \
    --logging.level.root=warn > "$out/gateway.log" 2>&1 & gateway_pid=$!; bench_pids+=($gateway_pid)
  wait_for "http://127.0.0.1:$gw_port/actuator/health"
  gateway_args=(--sink-port "$sink_port" --gateway "http://127.0.0.1:$gw_port" --gateway-key kit-order-key
    --gateway-type order.amended --gateway-copies 2)
fi
echo "== relay throughput" >&2
# The sink's server socket without Nagle, so its tiny 202s are not held back waiting for an ACK.
java $jvm_flags -Dsun.net.httpserver.nodelay=true -cp "$kit_classpath" dev.dragoman.bench.kit.RelayThroughput "${relay[@]}" \
  "${gateway_args[@]}" --json "$out/relay.json" > /dev/null 2> "$out/relay.log" || { tail -20 "$out/relay.log" >&2; exit 1; }
grep '^round' "$out/relay.log" >&2
if $gateway; then
  kill "$gateway_pid" 2>/dev/null || true; wait "$gateway_pid" 2>/dev/null || true
  grep -E ' (WARN|ERROR) ' "$out/gateway.log" | head -5 >&2 || true
fi
loads+=("after the relay: $(cut -d' ' -f1-3 /proc/loadavg)")

echo "== watchdog lateness" >&2
# One WARN line per rolled-back step goes to the log, as in a service; it is part of the cost.
java $jvm_flags -cp "$kit_classpath" dev.dragoman.bench.kit.WatchdogLateness "${watchdog[@]}" --json "$out/watchdog.json" \
  > "$out/watchdog.log" 2>&1 || { grep -v 'rolled back on its own' "$out/watchdog.log" | tail -20 >&2; exit 1; }
grep '^round' "$out/watchdog.log" >&2
loads+=("after the watchdog: $(cut -d' ' -f1-3 /proc/loadavg)")

elapsed=$(( $(date +%s) - started_at )); measuring=$(( $(date +%s) - measuring_from ))
{
  echo "- Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $((elapsed / 60)) min $((elapsed % 60)) s in all, of which $((measuring / 60)) min $((measuring % 60)) s measuring (the rest building$($gateway && echo ', the gateway jar included')); load average (1, 5, 15 min) $(IFS=';'; echo "${loads[*]}" | sed 's/;/; /g')."
  echo "- Machine: $(machine_line); every JVM here shares them (and the machine is shared with other builds: see the load)."
  echo "- JVM: $(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name/ {n=$2} /java.runtime.version/ {v=$2} END {print n " " v}'); \`$jvm_flags\` for every JVM (JMH's forks too)."
} > "$out/context.md"

report=(python3 bench/kit/report.py --dir "$out" --rounds "$rounds" --context "$out/context.md" --jmh-settings "${jmh[*]}")
if $quick; then
  "${report[@]}" --quick > "$out/kit-section.md"
  echo "== quick run: section in $out/kit-section.md (docs/BENCHMARKS.md unchanged)" >&2
  cat "$out/kit-section.md"
else
  "${report[@]}" --write docs/BENCHMARKS.md > "$out/kit-section.md"
  echo "== docs/BENCHMARKS.md updated ($((elapsed / 60)) min $((elapsed % 60)) s)" >&2
fi
