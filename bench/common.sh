# Shared by the benchmark scripts: sourced, not run. Installs tools if missing, builds the
# gateway jar and its classpath, finds free loopback ports and waits for servers; the HTTP
# scripts also start the fast upstream and gateways here (after bench_processes, which
# stops them on exit).
bench_processes() {
  bench_pids=()
  bench_tmp=$(mktemp -d)
  trap bench_cleanup EXIT
}
bench_cleanup() {
  [ -f "$bench_tmp/nginx.pid" ] && kill "$(cat "$bench_tmp/nginx.pid")" 2>/dev/null || true
  for p in "${bench_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # a gateway still flushing its event store into the directory would make rm fail
  for p in "${bench_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$bench_tmp"
}

install_missing() { # commands...
  local missing=()
  for c in "$@"; do command -v "$c" >/dev/null || [ -x "/usr/sbin/$c" ] || missing+=("$c"); done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ]; then apt-get install -y "${missing[@]}"; else sudo apt-get install -y "${missing[@]}"; fi
}

build_gateway() { # [extra dependency:build-classpath options]; sets $jar and $classpath
  echo "== building the gateway" >&2
  # BENCH_MAVEN_GOAL=package builds the jar without installing into ~/.m2 (shared by parallel worktrees); none uses the jar built
  [ "${BENCH_MAVEN_GOAL:-install}" = none ] || ./mvnw -B -q "${BENCH_MAVEN_GOAL:-install}" -DskipTests -pl gateway -am
  ./mvnw -B -q -pl gateway dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt "$@"
  jar=$(ls gateway/target/gateway-*.jar | grep -v -e sources -e javadoc | head -1)
  classpath=$(cat gateway/target/bench-classpath.txt)
}

package_gateway() { # [extra dependency:build-classpath options]; sets $jar
  # The jar of this tree and its classpath in gateway/target/bench-classpath.txt; package, not
  # install: ~/.m2 may be shared with other builds. BENCH_NO_BUILD=1 takes the last build.
  if [ "${BENCH_NO_BUILD:-}" = 1 ] && [ -s gateway/target/bench-classpath.txt ]; then
    echo "== BENCH_NO_BUILD=1: the gateway as last built" >&2
  else
    echo "== building the gateway" >&2
    ./mvnw -B -q -pl gateway -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/bench-classpath.txt "$@"
  fi
  jar=$(ls gateway/target/gateway-*.jar | grep -v -e sources -e javadoc -e plain | head -1)
}

wrk_line() { # target wrk-output: one line on stderr, the target's req/s and any errors
  awk -v t="$1" '/Requests\/sec/ {rps=$2} /Non-2xx|Socket errors/ {e=e " " $0} END {printf "   %-18s %10s req/s%s\n", t, rps, e}' "$2" >&2
}

interleaved_rounds() { # rounds seconds warmup out targets...; sets $load_before and $load_after
  # Calls the script's run (target seconds file): a warm-up of each target, then the rounds, each
  # starting one target later than the one before, so that no target always runs first or last.
  local rounds=$1 seconds=$2 warmup=$3 dir=$4; shift 4
  local targets=("$@") n=$# round i target
  echo "== warm-up, ${warmup} s each" >&2
  for target in "${targets[@]}"; do run "$target" "$warmup" "$dir/warmup-$target.txt"; done
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  for round in $(seq 1 "$rounds"); do
    echo "== round $round of $rounds" >&2
    for i in $(seq 0 $((n - 1))); do
      target=${targets[$(( (i + round - 1) % n ))]}
      run "$target" "$seconds" "$dir/r$round-$target.txt"
    done
  done
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # url [poll seconds]: up to 2 minutes
  local every=${2:-0.5} tries
  tries=$(python3 -c "print(int(120 / $every))")
  for _ in $(seq 1 "$tries"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return; sleep "$every"; done
  echo "$1 never answered" >&2; exit 1
}

start_upstream() { # port log; the request bodies and expected answers land in $bench_tmp/bodies
  java -cp "$(cat gateway/target/bench-classpath.txt)" bench/http/FastUpstream.java "$1" "$bench_tmp/bodies" > "$2" 2>&1 & bench_pids+=($!)
  wait_for "http://127.0.0.1:$1/1k/games/1001"
}

suite_maps() { # upstream-port; prints the maps directory of bench/http/suite-maps pointed at it
  mkdir -p "$bench_tmp/maps"
  sed "s#http://127.0.0.1:9311#http://127.0.0.1:$1#" bench/http/suite-maps/suite.yaml > "$bench_tmp/maps/suite.yaml"
  echo "$bench_tmp/maps"
}

start_gateway() { # jar port maps log [jvm flags...] -- [arguments...]
  local gw_jar=$1 port=$2 maps=$3 log=$4; shift 4
  local flags=() args=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do flags+=("$1"); shift; done
  [ "${1:-}" = -- ] && shift
  args=("$@")
  java "${flags[@]}" -jar "$gw_jar" --server.port="$port" --dragoman.context-maps="$maps" \
    --dragoman.data-dir="$bench_tmp/data-$port" --dragoman.callers.web-support.api-keys=bench-key \
    --dragoman.reload.watch=false "${args[@]}" > "$log" 2>&1 & bench_pids+=($!)
  wait_for "http://127.0.0.1:$port/actuator/health"
}

machine_line() {
  local cpu mem
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
  mem=$(free -g | awk '/^Mem:/ {print $2 " GB RAM"}')
  echo "$(nproc) CPUs (\`nproc\`), $cpu, $mem"
}
