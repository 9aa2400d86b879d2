#!/usr/bin/env bash
# Memory of the gateway, one command:
#   1. RSS under load: the gateway with the HTTP suite's maps (bench/http/suite-maps/suite.yaml,
#      over bench/http/FastUpstream.java) and an events map (bench/events/load-maps/load.yaml,
#      over bench/events/FastInbox.java); RSS (VmRSS of /proc/<pid>/status) idle after start, then
#      sampled every second during <seconds> of wrk on the translating route with 100 KB answers,
#      then <seconds> of POST /events; idle / peak / end RSS, and the heap used after a full GC
#      (jcmd GC.run, GC.heap_info) idle and after the load. Once with the suite's
#      -Xms512m -Xmx512m, once with the JVM's default heap.
#   2. A 1,000,000-row table: the suite's map with its concept's entries in a generated CSV of
#      <rows> rows (the 4 suite games, then games in the form of bench/engine's GameMaps), against
#      the suite's 4-entry map: startup time (launch to the first healthy answer, wall and CPU), heap used
#      after a full GC and RSS; the difference over the rows is what a row costs.
# Writes the tables between <!-- memory:begin --> and <!-- memory:end --> in docs/BENCHMARKS.md
# (bench/memory/report.py); raw outputs stay in bench/memory/target/.
#   bench/memory.sh [seconds] [--rows N]     (30 s, 1,000,000 rows: about 6 minutes)
#   bench/memory.sh 5 --rows 100000          smoke run, about 2 minutes
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=30
rows=1000000
while [ $# -gt 0 ]; do
  case $1 in
    --rows) rows=$2; shift 2 ;;
    *) seconds=$1; shift ;;
  esac
done
suite_flags="-Xms512m -Xmx512m"
table_flags="-Xms1g -Xmx1g"   # the loaded million rows need about 280 MB (TableLoadMeasurement), more while loading
started_at=$(date +%s)

. bench/common.sh
install_missing wrk
build_gateway -Dmdep.includeScope=test

out=$PWD/bench/memory/target
rm -rf "$out"; mkdir -p "$out"
bench_processes   # what is started below (bench_pids) is stopped on exit, and $tmp removed
tmp=$bench_tmp
up_port=$(free_port); inbox_port=$(free_port); gw_port=$(free_port)
gw="http://127.0.0.1:$gw_port"

echo "== upstream on $up_port, inbox on $inbox_port" >&2
java -cp "$classpath" bench/http/FastUpstream.java "$up_port" "$tmp/bodies" > "$out/upstream.log" 2>&1 & bench_pids+=($!)
java -cp "$classpath" bench/events/FastInbox.java "$inbox_port" > "$out/inbox.log" 2>&1 & bench_pids+=($!)
wait_for "http://127.0.0.1:$up_port/1k/games/1001"; wait_for "http://127.0.0.1:$inbox_port/stats"

# the suite's maps, and the events map without its plain route (whose id and path the suite's route has)
mkdir -p "$tmp/load-maps" "$tmp/small-maps" "$tmp/table-maps"
sed "s#http://127.0.0.1:9311#http://127.0.0.1:$up_port#" bench/http/suite-maps/suite.yaml > "$tmp/load-maps/suite.yaml"
sed -e "s#http://127.0.0.1:9411#http://127.0.0.1:$inbox_port#" -e '/^# the baseline/,$d' bench/events/load-maps/load.yaml > "$tmp/load-maps/events.yaml"
cp "$tmp/load-maps/suite.yaml" "$tmp/small-maps/suite.yaml"
# the same map, its 4 entries moved into a CSV that goes on to <rows> rows
python3 - "$tmp/load-maps/suite.yaml" "$tmp/table-maps" "$rows" <<'PY'
import re, sys
suite, target, rows = open(sys.argv[1]).read(), sys.argv[2], int(sys.argv[3])
yaml, n = re.subn(r"    entries:\n(      .*\n|        .*\n)+", "    entries-file: games.csv\n", suite)
assert n == 1, "the suite map's entries block was not found"
open(f"{target}/suite.yaml", "w").write(yaml)
with open(f"{target}/games.csv", "w") as csv:
    csv.write("game-dept.code,game-dept.name,web-support.code,web-support.name\n")
    csv.write("1001,mgame_x,1,mob_game_x\n1002,pgame_y,2,pc_game_y\n1003,vgame_z,3,vr_game_z\n1004,cgame_w,4,console_game_w\n")
    # as bench/engine's GameMaps: game i is {10000000+i, gd_game_i} in game-dept, {i, ws_game_i} in web-support
    csv.writelines(f"{10_000_000 + i},gd_game_{i},{i},ws_game_{i}\n" for i in range(5, rows + 1))
PY

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
heap_after_gc_kb() { # pid: used heap after a full GC, in KB
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/garbage-first heap|def new generation|PSYoungGen|ParOldGen/ {for (i = 1; i <= NF; i++) if ($i == "used") {gsub(/[K,]/, "", $(i+1)); s += $(i+1)}} END {print s}'
}
gateway() { # name maps-dir jvm-flags...: starts it, sets $gateway_pid and $startup_s
  local name=$1 maps=$2; shift 2
  local t0; t0=$(date +%s.%N)
  java "$@" -jar "$jar" --server.port="$gw_port" --dragoman.context-maps="$maps" --dragoman.data-dir="$tmp/data-$name" \
    --dragoman.callers.web-support.api-keys=bench-key --dragoman.callers.order.api-keys=order-key \
    --dragoman.reload.watch=false --logging.level.root=warn \
    > "$out/gateway-$name.log" 2>&1 &
  gateway_pid=$!; bench_pids+=($gateway_pid)
  wait_for "$gw/actuator/health" 0.1   # startup is timed: poll often
  startup_s=$(python3 -c "import time; print(round(time.time() - $t0, 2))")
  # CPU seconds the JVM used to start (user + system, /proc/<pid>/stat fields 14 and 15): on a shared
  # machine the wall time mostly says how busy the neighbours were, the CPU time what starting costs
  startup_cpu_s=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$gateway_pid/stat")
  java "$@" -XX:+PrintCommandLineFlags -version 2>&1 | grep -o -- '-XX:.*' | sed 's/ *-XX:+PrintCommandLineFlags//' > "$out/flags-$name.txt"
}
stop_gateway() { kill "$gateway_pid"; while kill -0 "$gateway_pid" 2>/dev/null; do sleep 0.2; done; }
sample_rss() { # pid file: VmRSS every second until killed
  while kill -0 "$1" 2>/dev/null; do echo "$(date +%s) $(rss_kb "$1")" >> "$2"; sleep 1; done
}
loaded() { # name pid wrk-file samples-file wrk-args...: runs wrk while sampling RSS
  local name=$1 pid=$2 file=$3 samples=$4; shift 4
  sample_rss "$pid" "$samples" & local sampler=$!
  wrk "$@" > "$file"
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  if grep -q -e 'Non-2xx' -e 'Socket errors' "$file"; then echo "$name: wrk saw errors, see $file" >&2; fi
}

echo "== RSS under load" >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for variant in suite-heap default-heap; do
  [ $variant = suite-heap ] && flags=($suite_flags) || flags=()
  gateway "$variant" "$tmp/load-maps" "${flags[@]}"
  # the translating route must answer with the translated document before its load means anything
  curl -fsS -XPOST -H 'Content-Type: application/json' -H 'X-Api-Key: bench-key' --data-binary @"$tmp/bodies/request-web-support.json" \
    "$gw/translating/100k/games/1?gameCode=1" -o "$tmp/answer.json"
  python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])) == json.load(open(sys.argv[2])) else 1)' \
    "$tmp/answer.json" "$tmp/bodies/100k-web-support.json" || { echo "translating 100k: unexpected answer" >&2; exit 1; }
  idle_rss=$(rss_kb "$gateway_pid"); idle_heap=$(heap_after_gc_kb "$gateway_pid"); idle_rss_gc=$(rss_kb "$gateway_pid")
  BODY="$tmp/bodies/request-web-support.json" loaded "$variant translating" "$gateway_pid" "$out/$variant-translating.txt" "$out/$variant-rss.txt" \
    -t2 -c32 -d"${seconds}s" -s bench/http/post.lua "$gw/translating/100k/games/1?gameCode=1"
  after_http=$(rss_kb "$gateway_pid")
  RUN="$variant" LIMIT=100000000 THREADS=2 TYPE=order.amended KEY=order-key loaded "$variant events" "$gateway_pid" "$out/$variant-events.txt" "$out/$variant-rss.txt" \
    -t2 -c16 -d"${seconds}s" -s bench/events/load.lua "$gw"
  end_rss=$(rss_kb "$gateway_pid"); end_heap=$(heap_after_gc_kb "$gateway_pid")
  peak=$(awk '$2 > m {m = $2} END {print m}' "$out/$variant-rss.txt")
  curl -fsS -XPOST "http://127.0.0.1:$inbox_port/dump?file=/dev/null" >/dev/null   # the inbox forgets the copies it held
  echo "{\"variant\": \"$variant\", \"flags\": \"${flags[*]:-}\", \"all_flags\": \"$(cat "$out/flags-$variant.txt")\", \"startup_s\": $startup_s, \"startup_cpu_s\": $startup_cpu_s," \
    "\"idle_rss_kb\": $idle_rss, \"idle_heap_kb\": $idle_heap, \"idle_rss_after_gc_kb\": $idle_rss_gc, \"after_http_rss_kb\": $after_http," \
    "\"peak_rss_kb\": $peak, \"end_rss_kb\": $end_rss, \"end_heap_kb\": $end_heap," \
    "\"http_rps\": $(awk '/Requests\/sec/ {print $2}' "$out/$variant-translating.txt"), \"events_rps\": $(awk '/Requests\/sec/ {print $2}' "$out/$variant-events.txt")}" \
    > "$out/load-$variant.json"
  echo "   $variant: $(cat "$out/load-$variant.json")" >&2
  stop_gateway
done

echo "== a $rows-row table against the suite's 4 entries" >&2
for variant in small table; do
  gateway "$variant" "$tmp/$variant-maps" $table_flags
  # the table's own games translate too: web-support 1 is game-dept 1001 in both maps
  curl -fsS -XPOST -H 'Content-Type: application/json' -H 'X-Api-Key: bench-key' --data-binary @"$tmp/bodies/request-web-support.json" \
    "$gw/translating/1k/games/1?gameCode=1" -o "$tmp/answer.json"
  python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])) == json.load(open(sys.argv[2])) else 1)' \
    "$tmp/answer.json" "$tmp/bodies/1k-web-support.json" || { echo "$variant: unexpected answer" >&2; exit 1; }
  rss=$(rss_kb "$gateway_pid"); heap=$(heap_after_gc_kb "$gateway_pid"); rss_gc=$(rss_kb "$gateway_pid")
  entries=$([ $variant = table ] && echo "$rows" || echo 4)
  echo "{\"variant\": \"$variant\", \"entries\": $entries, \"csv_bytes\": $(stat -c %s "$tmp/table-maps/games.csv"), \"flags\": \"$table_flags\"," \
    "\"all_flags\": \"$(cat "$out/flags-$variant.txt")\", \"startup_s\": $startup_s, \"startup_cpu_s\": $startup_cpu_s, \"rss_kb\": $rss, \"heap_kb\": $heap, \"rss_after_gc_kb\": $rss_gc}" \
    > "$out/table-$variant.json"
  echo "   $variant: $(cat "$out/table-$variant.json")" >&2
  stop_gateway
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed=$(( $(date +%s) - started_at ))

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(free -g | awk '/^Mem:/ {print $2 " GB RAM"}')
jvm_version=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name/ {n=$2} /java.vm.version/ {v=$2} END {print n " " v}')
{
  echo "- Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $((elapsed / 60)) min in all; load average $load_before before, $load_after after."
  echo "- Machine: $(nproc) CPUs (\`nproc\`), $cpu, $mem; wrk, the upstream, the inbox and the gateway share them (and the machine may be shared with other work)."
  echo "- Gateway JVM: $jvm_version; RSS is \`VmRSS\` of \`/proc/<pid>/status\`; heap after GC is the \`used\` of \`jcmd <pid> GC.heap_info\` right after \`jcmd <pid> GC.run\`; startup is from launching \`java\` to the first healthy answer of \`/actuator/health\` (polled every 0.1 s), in wall time and in the CPU time the JVM used meanwhile (user + system)."
  echo "- Load: \`wrk -t2 -c32 -d${seconds}s -s bench/http/post.lua\` on \`/translating/100k/games/1\` (1 KB request translated in, 100 KB answer with 1,802 identifiers translated out), then \`wrk -t2 -c16 -d${seconds}s -s bench/events/load.lua\` on \`POST /events\` (\`order.amended\`, 2 copies each, embedded H2 store, delivered meanwhile to \`bench/events/FastInbox.java\`); RSS sampled every second through both."
} > "$out/context.md"

python3 bench/memory/report.py "$out" --rows "$rows" --context "$out/context.md" --write docs/BENCHMARKS.md > "$out/memory-section.md"
cat "$out/memory-section.md"
echo "== docs/BENCHMARKS.md updated (${elapsed} s)" >&2
