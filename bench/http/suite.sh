#!/usr/bin/env bash
# The HTTP benchmark, one command: requests/s, p50 and p99 of five targets over the same
# upstream, on loopback, with wrk (installed from Debian if missing):
#   direct       the upstream itself (bench/http/FastUpstream.java, Reactor Netty, fixed JSON);
#   nginx        nginx (Debian's package) as a reverse proxy to it, keepalive to the upstream;
#   lua          the peer a Kong or APISIX user would build: nginx with Debian's Lua module and
#                lua-cjson translating as the translating route does, with the same map
#                (bench/http/lua-peer/: translate.lua and its nginx.conf template);
#   plain        the gateway's route with no rules (bench/http/suite-maps/suite.yaml);
#   translating  the gateway's route translating the path, the query, the request body and
#                the response body (20 / 182 / 1,802 identifiers at 1 / 10 / 100 KB).
# Every request is a POST of a 1 KB JSON body (bench/http/post.lua) to /<size>/games/<code>
# answered by 1 KB, 10 KB or 100 KB of JSON. Rounds are interleaved (each round runs every
# size and target, the order of the targets rotating), after a warm-up of each; ratios are
# taken within a round. Writes the table between <!-- http:begin --> and <!-- http:end -->
# in docs/BENCHMARKS.md; raw wrk outputs stay in bench/http/target/.
#   bench/http/suite.sh [rounds] [seconds]      (3 10: about 13 minutes on 2 cores)
# BENCH_NO_BUILD=1 uses the gateway as last built by this script.
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
lua_module=/usr/lib/nginx/modules/ngx_http_lua_module.so
if [ ! -f $lua_module ] || ! dpkg -s lua-cjson >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y libnginx-mod-http-lua lua-cjson; else sudo apt-get install -y libnginx-mod-http-lua lua-cjson; fi
fi
package_gateway

out=$PWD/bench/http/target
rm -rf "$out"; mkdir -p "$out"
tmp=$bench_tmp
up_port=$(free_port); gw_port=$(free_port); nginx_port=$(free_port); lua_port=$(free_port)

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

echo "== Lua peer on $lua_port" >&2
# the gateway's own map, as JSON for lua-cjson: the same table and rules as the translating route
python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), open(sys.argv[2], "w"))' \
  "$(suite_maps "$up_port")/suite.yaml" "$tmp/suite-map.json"
mkdir -p "$tmp/lua-nginx"
sed -e "s#@TMP@#$tmp#g; s#@OUT@#$out#g; s#@LUA_DIR@#$PWD/bench/http/lua-peer#g; s#@MAP_JSON@#$tmp/suite-map.json#g" \
  -e "s#@UPSTREAM_PORT@#$up_port#g; s#@PORT@#$lua_port#g" bench/http/lua-peer/nginx.conf > "$tmp/lua-nginx.conf"
cp "$tmp/lua-nginx.conf" "$out/lua-nginx.conf"
"$nginx_bin" -c "$tmp/lua-nginx.conf" -p "$tmp/lua-nginx"
bench_pids+=("$(cat "$tmp/lua-nginx.pid")")
curl -fsS -o /dev/null -H 'X-Api-Key: bench-key' "http://127.0.0.1:$lua_port/translating/1k/games/1" \
  || { echo "the Lua peer does not answer: $out/lua-nginx-error.log" >&2; exit 1; }

url() { # target size
  case $1 in
    direct) echo "http://127.0.0.1:$up_port/$2/games/1001?gameCode=1001" ;;
    nginx) echo "http://127.0.0.1:$nginx_port/$2/games/1001?gameCode=1001" ;;
    plain) echo "http://127.0.0.1:$gw_port/plain/$2/games/1001?gameCode=1001" ;;
    translating) echo "http://127.0.0.1:$gw_port/translating/$2/games/1?gameCode=1" ;;
    lua) echo "http://127.0.0.1:$lua_port/translating/$2/games/1?gameCode=1" ;;
  esac
}
translates() { [ "$1" = translating ] || [ "$1" = lua ]; }
body() { translates "$1" && echo "$tmp/bodies/request-web-support.json" || echo "$tmp/bodies/request-game-dept.json"; }

echo "== checking every target's answers" >&2
same_json() { python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])) == json.load(open(sys.argv[2])) else 1)' "$1" "$2"; }
for size in 1k 10k 100k; do
  for target in direct nginx plain translating lua; do
    curl -fsS -XPOST -H 'Content-Type: application/json' -H 'X-Api-Key: bench-key' --data-binary @"$(body $target)" \
      "$(url $target $size)" -o "$tmp/answer.json"
    if translates $target; then
      expected="$tmp/bodies/$size-web-support.json"
      # the upstream keeps the last body it received: the request body translated to game-dept
      curl -fsS "http://127.0.0.1:$up_port/last-body" -o "$tmp/forwarded.json"
      same_json "$tmp/forwarded.json" "$tmp/bodies/request-game-dept.json" \
        || { echo "$target: the upstream received an untranslated request body" >&2; exit 1; }
      cp "$tmp/answer.json" "$tmp/answer-$size-$target.json"
    else
      curl -fsS "http://127.0.0.1:$up_port/$size/games/1001" -o "$tmp/expected.json"; expected="$tmp/expected.json"
    fi
    same_json "$tmp/answer.json" "$expected" || { echo "$target $size: unexpected answer" >&2; exit 1; }
  done
  same_json "$tmp/answer-$size-translating.json" "$tmp/answer-$size-lua.json" \
    || { echo "$size: the Lua peer's answer differs from the gateway's" >&2; exit 1; }
done
echo "   all answers as expected (translating and lua: request body, path, query and response body; lua's answers equal the gateway's)" >&2

run() { # target size file
  BODY=$(body "$1") wrk "${wrk_args[@]}" -s bench/http/post.lua -H 'X-Api-Key: bench-key' "$(url "$1" "$2")" > "$3"
  awk -v t="$1" -v s="$2" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx|Socket errors/ {e=e " " $0}
    END {printf "   %-5s %-12s %10s req/s  p50 %-8s p99 %-8s%s\n", s, t, rps, p50, p99, e}' "$3" >&2
}
targets=(direct nginx lua plain translating)
echo "== warm-up, ${seconds} s per size and target" >&2
for size in 1k 10k 100k; do for target in "${targets[@]}"; do run $target $size "$out/warmup-$size-$target.txt"; done; done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds" >&2
  for size in 1k 10k 100k; do
    for i in 0 1 2 3 4; do
      target=${targets[$(( (i + round - 1) % 5 ))]}
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
  echo "- Lua peer: a second nginx, the same settings plus Debian's lua-nginx-module $(dpkg-query -W -f '${Version}' libnginx-mod-http-lua) (LuaJIT $(dpkg-query -W -f '${Version}' libluajit2-5.1-2 2>/dev/null || dpkg-query -W -f '${Version}' libluajit-5.1-2 2>/dev/null)) and lua-cjson $(dpkg-query -W -f '${Version}' lua-cjson): \`bench/http/lua-peer/translate.lua\` reads the suite's map (the same table and rules as the translating route), decodes the request body with cjson, translates and re-encodes it, sends it upstream by a subrequest, and does the same to the answer (\`bench/http/target/lua-nginx.conf\`)."
  echo "- Load: \`wrk ${wrk_args[*]} -s bench/http/post.lua\` ($(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')), a POST of a 1 KB JSON body to \`/<size>/games/<code>?gameCode=<code>\`, answered by 1,024 / 10,240 / 102,400 bytes of JSON; the translating route translates the path segment, the query parameter, the request body's 20 identifiers and the answer's 20 / 182 / 1,802, and so does the Lua peer. Before measuring, the script checks that every target gives the expected answer, that the upstream received the translated request body, and that the Lua peer's answers equal the gateway's (as JSON)."
} > "$out/context.md"

python3 bench/http/report.py "$out" --rounds "$rounds" --seconds "$seconds" --context "$out/context.md" --write docs/BENCHMARKS.md \
  > "$out/http-section.md"
cat "$out/http-section.md"
echo "== docs/BENCHMARKS.md updated (${elapsed} s)" >&2
