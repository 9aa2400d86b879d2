#!/usr/bin/env bash
# The identifier table before and after, in one session: builds bench/engine's benchmarks jar
# of a baseline revision (git archive, with this tree's bench/engine sources, so both measure
# the same code) and of this tree, then, interleaved per round (the jars' order alternating):
#   - TableLoadMeasurement (5 loads of a 1,000,000-row CSV, heap per row after full GCs);
#   - JMH ColumnLookupBenchmark (find(String), find(char[], int, int), scalarAt) and
#     TableBenchmark (find + textAt), code and name columns;
# then TableLookupInterleaved: both versions' translation-rules jars in one JVM, each lookup
# timed in alternating bursts (ratios far less at the mercy of a busy machine than JMH's).
# Prints Markdown tables of both with new/baseline ratios (min / median / max); changes no docs.
#   bench/engine/table-ab.sh [baseline rev, default main] [rounds, default 2]
# Raw results stay in bench/engine/target/table-ab/.
set -euo pipefail
cd "$(dirname "$0")/../.."
rev=${1:-main}
rounds=${2:-2}
target=bench/engine/target/table-ab
rm -rf "$target" && mkdir -p "$target"

echo "== building this tree's benchmarks" >&2
./mvnw -B -q -o -pl bench/engine -am package -DskipTests
cp bench/engine/target/benchmarks.jar "$target/new.jar"
cp "$(ls translation-rules/target/translation-rules-*.jar | grep -v -e sources -e javadoc | head -1)" "$target/new-rules.jar"
echo "== building the baseline $rev" >&2
mkdir -p "$target/base-src"
git archive "$rev" | tar -x -C "$target/base-src"
rm -rf "$target/base-src/bench/engine/src" && cp -r bench/engine/src "$target/base-src/bench/engine/src"
(cd "$target/base-src" && ./mvnw -B -q -o -pl bench/engine -am package -DskipTests)
cp "$target/base-src/bench/engine/target/benchmarks.jar" "$target/base.jar"
cp "$(ls "$target"/base-src/translation-rules/target/translation-rules-*.jar | grep -v -e sources -e javadoc | head -1)" "$target/base-rules.jar"
rm -rf "$target/base-src"

jmh=(-f 1 -wi 2 -w 1s -i 4 -r 1s -t 1 -tu s -jvmArgs "-Xms2g -Xmx2g" -rf json)
for round in $(seq 1 "$rounds"); do
  order="base new"; [ $((round % 2)) -eq 0 ] && order="new base"
  for v in $order; do
    echo "== round $round: $v, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    java -Xms2g -Xmx2g -cp "$target/$v.jar" dev.dragoman.bench.engine.TableLoadMeasurement --runs 5 \
      --json "$target/load-$v-$round.json" > /dev/null
    java -jar "$target/$v.jar" '(ColumnLookupBenchmark|TableBenchmark)' "${jmh[@]}" -rff "$target/jmh-$v-$round.json" \
      >> "$target/jmh.log"
  done
done
echo "== interleaved lookups, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -Xms3g -Xmx3g -cp "$target/new.jar" dev.dragoman.bench.engine.TableLookupInterleaved "$target/base-rules.jar" \
  "$target/new-rules.jar" > "$target/interleaved.md"
python3 bench/engine/table-ab.py "$target" "$rounds" "$rev ($(git rev-parse --short "$rev"))" "this tree ($(git rev-parse --short HEAD))"
