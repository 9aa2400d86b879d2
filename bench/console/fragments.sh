#!/usr/bin/env bash
# The console's Sagas and Outbox tabs at scale: stores <sagas> sagas (bench/console/SeedSagas.java) in
# the embedded H2 store, starts the gateway on them, and times the tabs' fragments over HTTP, one
# request at a time (bench/console/FragmentTimes.java). Prints the rows; docs/BENCHMARKS.md's console
# section is written by hand from them (bench/console/run.sh owns the generated table).
#   bench/console/fragments.sh [sagas] [samples]   default 100000 sagas, 200 samples; about 8 minutes
# BENCH_NO_BUILD=1 uses the gateway jar and classpath as last built. The retention is 10 years here: the seeded
# sagas started over 30 days, and the clean-up removing the older ended ones would change the store (and the
# change token the 2 s poll compares) all through the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
sagas=${1:-100000}
samples=${2:-200}
jvm_flags="-Xms512m -Xmx512m"
. bench/common.sh

package_gateway -Dmdep.includeScope=test
classpath=gateway/target/classes:$(cat gateway/target/bench-classpath.txt)

out=$PWD/bench/console/target/fragments
rm -rf "$out"; mkdir -p "$out"
bench_processes
tmp=$bench_tmp
gw_port=$(free_port)
gw="http://127.0.0.1:$gw_port"
h2_settings=$(grep -o 'H2_SETTINGS = "[^"]*"' gateway/src/main/java/dev/dragoman/gateway/outbox/EventStoreConfiguration.java | cut -d'"' -f2)
mkdir -p "$tmp/data"
url="jdbc:h2:async:$tmp/data/dragoman$h2_settings"
echo "== h2: storing $sagas sagas" >&2
java -cp "$classpath" bench/console/SeedSagas.java "$url" dragoman "$sagas" | tee "$out/seed.txt"
echo "== gateway on $gw_port" >&2
java $jvm_flags -jar "$jar" --server.port="$gw_port" --dragoman.context-maps=bench/console/maps --dragoman.data-dir="$tmp/data" \
  --dragoman.callers.order.api-keys=bench-key --dragoman.admin.api-keys=bench-admin-key --dragoman.reload.watch=false --logging.level.root=warn \
  --dragoman.events.retention=P3650D \
  > "$out/gateway.log" 2>&1 & bench_pids+=($!)
wait_for "$gw/actuator/health"
java bench/console/FragmentTimes.java "$gw" bench-admin-key "$samples" "$out/times.txt"
echo "== $(machine_line)"
