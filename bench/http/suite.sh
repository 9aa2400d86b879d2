#!/usr/bin/env bash
# The HTTP benchmark, one command: requests/s, p50 and p99 of four targets over the same
# upstream, on loopback, with wrk (installed from Debian if missing):
#   direct       the upstream itself (bench/http/FastUpstream.java, Reactor Netty, fixed JSON);
#   nginx        nginx (Debian's package) as a reverse proxy to it, keepalive to the upstream;
#   plain        the gateway's route with no rules (bench/http/suite-maps/suite.yaml);
#   translating  the gateway's route translating the path, the query, the request body and
#                the response body (20 / 182 / 1,802 identifiers at 1 / 10 / 100 KB).
# Every request is a POST of a 1 KB JSON body (bench/http/post.lua) to /<size>/games/<code>
# answered by 1 KB, 10 KB or 100 KB of JSON. Rounds are interleaved (each round runs every
# size and target, the order of the targets rotating), after a warm-up of each; ratios are
# taken within a round. Writes the table between <!-- http:begin --> and <!-- http:end -->
# in docs/BENCHMARKS.md; raw wrk outputs stay in bench/http/target/.
#   bench/http/suite.sh [rounds] [seconds]      (3 10: about 10 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
seconds=${2:-10}
wrk_args=(-t2 -c32 -d"${seconds}s" --latency)
jvm_flags="-Xms512m -Xmx512m"
started_at=$(date +%s)

. bench/common.sh
bench_processes
install_missing wrk nginx
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
build_gateway

out=$PWD/bench/http/target
rm -rf "$out"; mkdir -p "$out"
tmp=$bench_tmp
up_port=$(free_port); gw_port=$(free_port); nginx_port=$(free_port)

echo "== upstream on $up_port" >&2
start_upstream "$up_port" "$out/upstream.log"
cat "$out/upstream.log" >&2

echo "== gateway on $gw_port" >&2
java $jvm_flags -XX:+PrintCommandLineFlags -version > "$out/jvm.txt" 2>&1
start_gateway "$jar" "$gw_port" "$(suite_maps "$up_port")" "$out/gateway.log" $jvm_flags -- --logging.level.root=warn

echo "== nginx on $nginx_port" >&2
mkdir -p "$tmp/nginx"
cat > "$tmp/nginx.conf" <<NGINX
user root root;
worker_processes auto;
pid $tmp/nginx.pid;
error_log $out/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  upstream fast { server 127.0.0.1:$up_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    keepalive_requests 1000000;
    location / {
      proxy_pass http://fast;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffers 32 8k;
      proxy_max_temp_file_size 0;
    }
  }
}
NGINX
cp "$tmp/nginx.conf" "$out/nginx.conf"
"$nginx_bin" -c "$tmp/nginx.conf" -p "$tmp/nginx"
wait_for "http://127.0.0.1:$nginx_port/1k/games/1001"

url() { # target size
  case $1 in
    direct) echo "http://127.0.0.1:$up_port/$2/games/1001?gameCode=1001" ;;
    nginx) echo "http://127.0.0.1:$nginx_port/$2/games/1001?gameCode=1001" ;;
    plain) echo "http://127.0.0.1:$gw_port/plain/$2/games/1001?gameCode=1001" ;;
    translating) echo "http://127.0.0.1:$gw_port/translating/$2/games/1?gameCode=1" ;;
  esac
}
body() { [ "$1" = translating ] && echo "$tmp/bodies/request-web-support.json" || echo "$tmp/bodies/request-game-dept.json"; }

echo "== checking every target's answers" >&2
same_json() { python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])) == json.load(open(sys.argv[2])) else 1)' "$1" "$2"; }
for size in 1k 10k 100k; do
  for target in direct nginx plain translating; do
    curl -fsS -XPOST -H 'Content-Type: application/json' -H 'X-Api-Key: bench-key' --data-binary @"$(body $target)" \
      "$(url $target $size)" -o "$tmp/answer.json"
    if [ $target = translating ]; then
      expected="$tmp/bodies/$size-web-support.json"
      # the upstream keeps the last body it received: the request body translated to game-dept
      curl -fsS "http://127.0.0.1:$up_port/last-body" -o "$tmp/forwarded.json"
      same_json "$tmp/forwarded.json" "$tmp/bodies/request-game-dept.json" \
        || { echo "translating: the upstream received an untranslated request body" >&2; exit 1; }
    else
      curl -fsS "http://127.0.0.1:$up_port/$size/games/1001" -o "$tmp/expected.json"; expected="$tmp/expected.json"
    fi
    same_json "$tmp/answer.json" "$expected" || { echo "$target $size: unexpected answer" >&2; exit 1; }
  done
done
echo "   all answers as expected (translating: request body, path, query and response body)" >&2

run() { # target size file
  BODY=$(body "$1") wrk "${wrk_args[@]}" -s bench/http/post.lua -H 'X-Api-Key: bench-key' "$(url "$1" "$2")" > "$3"
  awk -v t="$1" -v s="$2" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx|Socket errors/ {e=e " " $0}
    END {printf "   %-5s %-12s %10s req/s  p50 %-8s p99 %-8s%s\n", s, t, rps, p50, p99, e}' "$3" >&2
}
targets=(direct nginx plain translating)
echo "== warm-up, ${seconds} s per size and target" >&2
for size in 1k 10k 100k; do for target in "${targets[@]}"; do run $target $size "$out/warmup-$size-$target.txt"; done; done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds" >&2
  for size in 1k 10k 100k; do
    for i in 0 1 2 3; do
      target=${targets[$(( (i + round - 1) % 4 ))]}
      run $target $size "$out/r$round-$size-$target.txt"
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed=$(( $(date +%s) - started_at ))

jvm_version=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name/ {n=$2} /java.vm.version/ {v=$2} END {print n " " v}')
flags=$(grep -o -- '-XX:.*' "$out/jvm.txt" | head -1 | sed 's/ *-XX:+PrintCommandLineFlags//; s/ *$//')
{
  echo "- Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $rounds round(s) of ${seconds} s per size and target after a ${seconds} s warm-up of each, $((elapsed / 60)) min in all; load average $load_before before the rounds, $load_after after."
  echo "- Machine: $(machine_line); wrk, the upstream, nginx and the gateway share them (and the machine may be shared with other work)."
  echo "- Gateway JVM: $jvm_version; \`$jvm_flags\` (all flags: \`$flags\`); the upstream is a second JVM with default flags."
  echo "- nginx $("$nginx_bin" -v 2>&1 | sed 's#.*/##'): \`worker_processes auto\`, \`keepalive 64\` to the upstream, buffering in memory (\`bench/http/target/nginx.conf\`)."
  echo "- Load: \`wrk ${wrk_args[*]} -s bench/http/post.lua\` ($(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')), a POST of a 1 KB JSON body to \`/<size>/games/<code>?gameCode=<code>\`, answered by 1,024 / 10,240 / 102,400 bytes of JSON; the translating route translates the path segment, the query parameter, the request body's 20 identifiers and the answer's 20 / 182 / 1,802. Before measuring, the script checks that every target gives the expected answer and that the upstream received the translated request body."
} > "$out/context.md"

python3 bench/http/report.py "$out" --rounds "$rounds" --seconds "$seconds" --context "$out/context.md" --write docs/BENCHMARKS.md \
  > "$out/http-section.md"
cat "$out/http-section.md"
echo "== docs/BENCHMARKS.md updated (${elapsed} s)" >&2
