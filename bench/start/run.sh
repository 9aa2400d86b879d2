#!/usr/bin/env bash
# Time from `java -jar` to ready (the first healthy answer of /actuator/health), the gateway
# serving the example maps in context-maps/, without and with class data sharing:
#   jar17       java -jar gateway.jar on the machine's Java 17 (how the README starts it)
#   extracted17 the same jar extracted by Spring Boot's `-Djarmode=tools extract` (no archive yet)
#   cds17       the extracted jar with -XX:SharedArchiveFile from a training run (Spring Boot's CDS support)
#   jar25, aot25  the same on the Temurin 25 JDK in /usr/lib/jvm, the second with its AOT cache
#                 (-XX:AOTCache, JEP 483/514), when that JDK is there
# Rounds are interleaved (every variant once per round). Writes the section between
# <!-- start:begin --> and <!-- start:end --> of docs/BENCHMARKS.md unless --no-docs.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/common.sh

rounds=5
jar=""
docs=true
prepare=false
reuse=false
while [ $# -gt 0 ]; do
  case $1 in
    --jar) jar=$2; shift 2 ;;
    --no-docs) docs=false; shift ;;
    --prepare) prepare=true; shift ;;
    --reuse) reuse=true; shift ;;
    [0-9]*) rounds=$1; shift ;;
    *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done

target=bench/start/target
$reuse || { rm -rf "$target" && mkdir -p "$target"; }
if [ -z "$jar" ]; then
  echo "== building the gateway jar" >&2
  ./mvnw -B -q -pl gateway -am package -DskipTests
  jar=$(ls gateway/target/gateway-*.jar | grep -v -e sources -e javadoc | head -1)
fi
java17=$(command -v java)
java25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[ -x "$java25" ] || java25=""
bench_processes
trap 'bench_cleanup' EXIT

gateway_args() { # port data-dir
  echo "--server.port=$1" "--dragoman.context-maps=context-maps" "--dragoman.data-dir=$2" \
    "--dragoman.callers.web-support.api-keys=bench-key" "--dragoman.reload.watch=false"
}

if ! $reuse; then
echo "== extracting $jar (java -Djarmode=tools -jar ... extract)" >&2
"$java17" -Djarmode=tools -jar "$jar" extract --destination "$target/app" > "$target/extract.log"
fi
app=$target/app/$(ls "$target/app" | grep '\.jar$' | head -1)

if ! $reuse; then
echo "== training run for the CDS archive (Java 17: -XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh)" >&2
# shellcheck disable=SC2046
"$java17" -XX:ArchiveClassesAtExit="$target/app17.jsa" -Dspring.context.exit=onRefresh -jar "$app" \
  $(gateway_args 0 "$bench_tmp/train17") > "$target/train17.log" 2>&1 || true
fi
[ -s "$target/app17.jsa" ] || { echo "no CDS archive was written: see $target/train17.log" >&2; exit 1; }
variants=(jar17 extracted17 cds17)
if [ -n "$java25" ]; then
  $reuse || echo "== training run for the AOT cache (Java 25: -XX:AOTCacheOutput)" >&2
  # shellcheck disable=SC2046
  $reuse || "$java25" -XX:AOTCacheOutput="$target/app25.aot" -Dspring.context.exit=onRefresh -jar "$app" \
    $(gateway_args 0 "$bench_tmp/train25") > "$target/train25.log" 2>&1 || true
  if [ -s "$target/app25.aot" ]; then variants+=(jar25 aot25); else
    echo "no AOT cache was written (see $target/train25.log): Java 25 rows left out" >&2; variants+=(jar25); fi
fi

if $prepare; then echo "== prepared in $target: ${variants[*]}" >&2; exit 0; fi

command_of() { # variant
  case $1 in
    jar17) echo "$java17 -jar $jar" ;;
    extracted17) echo "$java17 -jar $app" ;;
    cds17) echo "$java17 -XX:SharedArchiveFile=$target/app17.jsa -Xlog:cds=off -jar $app" ;;
    jar25) echo "$java25 -jar $jar" ;;
    aot25) echo "$java25 -XX:AOTCache=$target/app25.aot -jar $app" ;;
  esac
}

: > "$target/times.tsv"
for round in $(seq 1 "$rounds"); do
  for v in "${variants[@]}"; do
    port=$(free_port)
    log=$target/$v-$round.log
    t0=$(date +%s.%N)
    # shellcheck disable=SC2046
    $(command_of "$v") $(gateway_args "$port" "$bench_tmp/data-$v-$round") > "$log" 2>&1 &
    pid=$!; bench_pids+=("$pid")
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health" 2>/dev/null; do
      kill -0 "$pid" 2>/dev/null || { echo "$v did not start: see $log" >&2; exit 1; }
      sleep 0.05
    done
    t1=$(date +%s.%N)
    cpu=$(awk '{print ($14 + $15) / 100}' "/proc/$pid/stat")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    wall=$(python3 -c "print(round($t1 - $t0, 3))")
    echo "round $round $v: ready in $wall s (CPU $cpu s)" >&2
    printf '%s\t%s\t%s\t%s\n' "$round" "$v" "$wall" "$cpu" >> "$target/times.tsv"
  done
done

cpus=$(nproc)
load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 bench/start/report.py "$target/times.tsv" --jvm17 "$("$java17" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.version/ {print $2}')" \
  --jvm25 "${java25:+$("$java25" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.version/ {print $2}')}" \
  --machine "$(machine_line)" --load "$load" --jar "$(basename "$jar")" --rounds "$rounds" > "$target/start-section.md"
cat "$target/start-section.md"
if $docs; then
  python3 - "$target/start-section.md" <<'PY'
import re, sys
section = open(sys.argv[1]).read().strip()
path = "docs/BENCHMARKS.md"
doc = open(path).read()
block = "<!-- start:begin -->\n" + section + "\n<!-- start:end -->"
if "<!-- start:begin -->" in doc:
    doc = re.sub(r"<!-- start:begin -->.*?<!-- start:end -->", lambda m: block, doc, flags=re.S)
else:
    doc = doc.rstrip() + "\n\n" + block + "\n"
open(path, "w").write(doc)
PY
fi
