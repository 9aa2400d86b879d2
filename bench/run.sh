#!/usr/bin/env bash
# One entry point for every benchmark; each writes its own section of docs/BENCHMARKS.md
# (see bench/README.md for what each measures and how long it takes).
#   bench/run.sh http [rounds] [seconds]     direct / nginx / plain / translating, 1-100 KB
#   bench/run.sh tuning [rounds] [seconds]   the plain route's tuning, step by step
#   bench/run.sh compose [rounds] [s] [users] a composed read of three parts against the caller's three calls
#   bench/run.sh tracing [rounds] [seconds]  a proxied call with tracing on and off
#   bench/run.sh engine [--quick]            the translation engine (JMH) and table loading
#   bench/run.sh events [rounds] [events]    events under load, embedded store and PostgreSQL
#   bench/run.sh memory                      RSS under load, heap with a 1,000,000-row table
#   bench/run.sh kit [--quick|--gateway]     the participant kit: publish cost, relay, watchdog
#   bench/run.sh console [sagas] [samples]   the console's saga list: pages of 100,000 sagas, H2 and PostgreSQL
#   bench/run.sh start [rounds]              time to ready: java -jar, Spring Boot's CDS, Java 25's AOT cache
#   bench/run.sh table [rev] [rounds]        the identifier table against rev (default main); prints, no docs
#   bench/run.sh all                         all of them with their defaults, one after another
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-}
[ $# -gt 0 ] && shift
case $what in
  http) exec bench/http/suite.sh "$@" ;;
  tuning) exec bench/http/tuning.sh "$@" ;;
  compose) exec bench/http/compose.sh "$@" ;;
  tracing) exec bench/http/tracing.sh "$@" ;;
  engine) exec bench/engine.sh "$@" ;;
  events) exec bench/events/load.sh "$@" ;;
  memory) exec bench/memory.sh "$@" ;;
  kit) exec bench/kit/run.sh "$@" ;;
  console) exec bench/console/run.sh "$@" ;;
  start) exec bench/start/run.sh "$@" ;;
  table) exec bench/engine/table-ab.sh "$@" ;;
  all) for b in engine http tuning compose tracing events memory kit console start; do "$0" "$b"; done ;;
  *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
