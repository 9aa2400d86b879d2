#!/usr/bin/env bash
# The engine benchmarks, one command: builds the JMH jar, runs the JMH benchmarks and the
# table-load measurement, and writes the results between <!-- engine:begin --> and
# <!-- engine:end --> in docs/BENCHMARKS.md. About 8 minutes on 2 cores.
#
#   bench/engine.sh            the full run; updates docs/BENCHMARKS.md
#   bench/engine.sh --quick    a smoke run (seconds per benchmark); prints the section and
#                              leaves docs/BENCHMARKS.md alone
#   bench/engine.sh [--quick] -- <JMH options>   e.g. -- -prof stack
#                              (added to every JMH run after ours, so they win)
#   bench/engine.sh --baseline <rev>   also builds the engine as it was at <rev> (git archive,
#                              with this tree's bench/engine sources, so the documents are the
#                              same) and runs its parseOnly, tree and dragoman in every round,
#                              alternating which jar goes first: before and after in one session
#
# Raw results stay in bench/engine/target/ (jmh-*.json, jmh.log, table-load.json).
set -euo pipefail

cd "$(dirname "$0")/.."
quick=false
baseline=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) quick=true; shift ;;
    --baseline) baseline=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: bench/engine.sh [--quick] [--baseline <git rev>] [-- JMH options]" >&2; exit 2 ;;
  esac
done

target=bench/engine/target
jar=$target/benchmarks.jar
# A fixed heap keeps heap sizing out of the numbers; the default GC (G1) is the gateway's.
jvm_args="-Xms2g -Xmx2g"
# The machine is shared: a neighbour's build can slow everything by a third for a minute.
# So the body benchmarks run in rounds (all four, one after another, then again), each
# ratio is taken within a round, and the report shows the median and range over rounds.
if $quick; then
  rounds=1
  body=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  table=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  settings="quick: 1 round, 1×1 s warmup, 2×1 s measurement"
  loads=2
else
  rounds=3
  body=(-f 1 -wi 4 -w 2s -i 3 -r 2s)
  table=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
  settings="body: $rounds rounds of 1 fork, 4×2 s warmup, 3×2 s measurement; lookups: 1 fork, 3×2 s warmup, 5×2 s measurement"
  loads=5
fi
common=(-t 1 -tu s -prof gc -jvmArgs "$jvm_args" -rf json)

echo "== building $jar" >&2
./mvnw -B -q -pl bench/engine -am package -DskipTests

base_jar=""
if [[ -n $baseline ]]; then
  base_dir=$target/baseline-src
  base_jar=$target/baseline-benchmarks.jar
  echo "== building the baseline $baseline in $base_dir" >&2
  rm -rf "$base_dir" && mkdir -p "$base_dir"
  git archive "$baseline" | tar -x -C "$base_dir"
  rm -rf "$base_dir/bench/engine/src" && cp -r bench/engine/src "$base_dir/bench/engine/src"
  (cd "$base_dir" && ./mvnw -B -q -o -pl bench/engine -am package -DskipTests)
  cp "$base_dir/bench/engine/target/benchmarks.jar" "$base_jar"
  baseline_label="\`$baseline\` = $(git rev-parse --short "$baseline")"
fi

rm -f "$target"/jmh-*.json
: > "$target/jmh.log"
jsons=()
bases=()
run_body() {
  java -jar "$jar" 'BodyTranslationBenchmark' "${body[@]}" "${common[@]}" -rff "$target/jmh-body-$1.json" "${@:2}" \
    | tee -a "$target/jmh.log"
}
run_base() {
  java -jar "$base_jar" 'BodyTranslationBenchmark.(parseOnly|tree|dragoman)' "${body[@]}" "${common[@]}" \
    -rff "$target/jmh-base-$1.json" "${@:2}" | tee -a "$target/jmh.log"
}
for round in $(seq 1 "$rounds"); do
  echo "== JMH body benchmarks, round $round of $rounds" >&2
  if [[ -n $base_jar && $((round % 2)) -eq 0 ]]; then
    run_base "$round" "$@"
    run_body "$round" "$@"
  else
    run_body "$round" "$@"
    if [[ -n $base_jar ]]; then run_base "$round" "$@"; fi
  fi
  jsons+=("$target/jmh-body-$round.json")
  if [[ -n $base_jar ]]; then bases+=("$target/jmh-base-$round.json"); fi
done
echo "== JMH lookups" >&2
java -jar "$jar" 'TableBenchmark' "${table[@]}" "${common[@]}" -rff "$target/jmh-table.json" "$@" | tee -a "$target/jmh.log"
jsons+=("$target/jmh-table.json")

echo "== table load" >&2
java $jvm_args -cp "$jar" dev.dragoman.bench.engine.Documents > "$target/documents.json"
java $jvm_args -cp "$jar" dev.dragoman.bench.engine.TableLoadMeasurement --runs "$loads" --json "$target/table-load.json"

report=(python3 bench/engine/report.py --jmh "${jsons[@]}" --documents "$target/documents.json"
  --table-load "$target/table-load.json" --jvm-args "$jvm_args" --settings "$settings")
if [[ -n $base_jar ]]; then
  report+=(--baseline-jmh "${bases[@]}" --baseline-label "$baseline_label")
fi
if $quick; then
  "${report[@]}" --quick > "$target/engine-section.md"
  echo "== quick run: section in $target/engine-section.md (docs/BENCHMARKS.md unchanged)" >&2
  cat "$target/engine-section.md"
else
  "${report[@]}" --write docs/BENCHMARKS.md > "$target/engine-section.md"
  echo "== docs/BENCHMARKS.md updated" >&2
fi
