#!/usr/bin/env bash
# The composed read against the caller's own three calls (issue 17): the suite's upstream
# (bench/http/FastUpstream.java) behind the suite's translating route, and a composition of
# three parts over it (bench/http/suite-maps/compose.yaml). bench/http/ComposeLoad.java reads one
# screen (three 1 KB answers, translated) as one GET of the composition and as the same three
# GETs one after another, USERS callers at once, in interleaved rounds; the ratios are taken
# within a round. Writes the table between <!-- compose:begin --> and <!-- compose:end --> in
# docs/BENCHMARKS.md; the raw output stays in bench/http/target/compose/.
#   bench/http/compose.sh [rounds] [seconds] [users]      (5 10 16: about 4 minutes on 2 cores)
# BENCH_NO_BUILD=1 uses the gateway as last built (its jar and gateway/target/bench-classpath.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
seconds=${2:-10}
users=${3:-16}
jvm_flags="-Xms512m -Xmx512m"

. bench/common.sh
bench_processes
package_gateway

out=$PWD/bench/http/target/compose
rm -rf "$out"; mkdir -p "$out"
up_port=$(free_port); gw_port=$(free_port)
start_upstream "$up_port" "$out/upstream.log"
maps=$(suite_maps "$up_port")
cp bench/http/suite-maps/compose.yaml "$maps/"
start_gateway "$jar" "$gw_port" "$maps" "$out/gateway.log" $jvm_flags -- --logging.level.root=warn

echo "== $rounds rounds of ${seconds}s per mode, $users callers ($(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
java bench/http/ComposeLoad.java "http://127.0.0.1:$gw_port" bench-key "$rounds" "$seconds" "$users" | tee "$out/result.txt"

{
  echo "<!-- compose:begin -->"
  echo "Measured $(date -u +%Y-%m-%d) by \`bench/http/compose.sh $rounds $seconds $users\`: $rounds interleaved rounds of ${seconds} s per mode,"
  echo "$users callers, $(nproc) cores, load average at the start $(cut -d' ' -f1-3 /proc/loadavg) (the load generator, the upstream and the gateway share them)."
  echo
  sed -n '/^| read of one screen/,$p' "$out/result.txt"
  echo "<!-- compose:end -->"
} > "$out/table.md"
python3 - "$out/table.md" <<'PY'
import re, sys
table = open(sys.argv[1]).read().strip()
path = "docs/BENCHMARKS.md"
doc = open(path).read()
if "<!-- compose:begin -->" in doc:
    doc = re.sub(r"<!-- compose:begin -->.*?<!-- compose:end -->", lambda m: table, doc, flags=re.S)
else:
    doc = doc.rstrip() + "\n\n## Composed reads (issue 17)\n\n" + table + "\n"
open(path, "w").write(doc)
PY
echo "== docs/BENCHMARKS.md updated" >&2
