#!/usr/bin/env bash
# Runs promptport's JMH benchmarks with the allocation profiler and prints a Markdown table.
#
#   scripts/bench.sh [--quick] [--build] [REGEX...]      # from any clone; ~9 min, --quick ~2 min
#
# Prints (on standard output) one row per benchmark and parameter set: median (p0.50) in µs, or
# ops/s for throughput benches (PeerBench: one op = one request), and bytes allocated per op
# (gc.alloc.rate.norm), then a line naming the machine (CPU, cores, JDK, date). JMH's own log
# goes to standard error; the raw results stay in bench/target/bench-results/ (jmh.json,
# jmh.log, table.md).
#
#   --quick       2 x 1 s warm-up and 3 x 1 s measurement per benchmark, instead of the
#                 benches' own 8 x 2 s (Jackson's floor 3 x 2 s) and 5 x 2 s: for a quick
#                 look, not for the README
#   --build       rebuild bench/target/benchmarks.jar even when it is newer than the sources
#                 (it is always built when missing or older than translator/, bench/, rules/)
#   --build-only  build if needed, run nothing (used by scripts/peer-compare.sh)
#   REGEX...      JMH benchmark patterns, e.g. TranslateBench 'ReplyBench.stream'
#                 (default: every benchmark)
#
# The benches: TranslateBench (one request to each writer: OpenAI Chat, OpenAI Responses,
# Gemini, Anthropic), RememberedTranslateBench (the same request with a TextMemo that has seen
# it, as Failover runs), BytesInBench (the same request given as UTF-8 bytes, against decoding
# them into a String first), LongConversationBench (an agent's 400,000-character conversation with
# a new question in each request, with and without a TextMemo), AgentToolsBench (a coding agent's
# 15 long tools and 20 files written as calls' arguments, re-sent with a new question in each
# request, with a TextMemo), AuditBench (one request audited
# for three targets), ReplyBench (a reply
# and 1,000-chunk OpenAI Chat, Responses and Gemini streams back into the Anthropic shape), PeerBench (the JavaScript gateways'
# 30 requests, with and without a TextMemo) and JsonFloorBench (Jackson copying those requests,
# no translation); the last two run only when ../shared/peers/bench-input or
# $PROMPTPORT_PEERS_INPUT exists — scripts/peer-compare.sh runs them beside the gateways.
# Needs Java 17+ and, to build, Maven. Don't run two benchmarks at once on the same machine.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JAR=bench/target/benchmarks.jar
OUT=bench/target/bench-results

quick=0 build=0 build_only=0
patterns=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --build) build=1 ;;
    --build-only) build_only=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
    *) patterns+=("$arg") ;;
  esac
done

command -v java >/dev/null || { echo "bench.sh: java (17 or later) is not on the PATH" >&2; exit 2; }

stale() {
  [ ! -f "$JAR" ] && return 0
  [ -n "$(find pom.xml translator/pom.xml bench/pom.xml translator/src bench/src rules \
            -type f -newer "$JAR" 2>/dev/null | head -n 1)" ]
}
if [ "$build" = 1 ] || stale; then
  command -v mvn >/dev/null || { echo "bench.sh: $JAR must be (re)built and mvn is not on the PATH" >&2; exit 2; }
  echo "bench.sh: building $JAR ..." >&2
  mvn -q -B package -Dmaven.test.skip=true -pl bench -am >&2
fi
[ "$build_only" = 1 ] && exit 0

# system properties of this JVM reach the forked benchmark JVMs (JMH copies its input arguments)
jvm_props=("-Dpromptport.corpus=$ROOT/corpus")
peers_input="${PROMPTPORT_PEERS_INPUT:-$ROOT/../shared/peers/bench-input}"
exclude=()
if [ -d "$peers_input" ]; then
  jvm_props+=("-Dpromptport.peers.input=$(cd "$peers_input" && pwd)")
else
  echo "bench.sh: no peers' bench input at $peers_input: PeerBench and JsonFloorBench are left out" >&2
  exclude=(-e PeerBench -e JsonFloorBench)
fi

iterations=()
[ "$quick" = 1 ] && iterations=(-wi 2 -w 1s -i 3 -r 1s)

mkdir -p "$OUT"
java "${jvm_props[@]}" -jar "$JAR" "${patterns[@]+"${patterns[@]}"}" "${exclude[@]+"${exclude[@]}"}" \
  "${iterations[@]+"${iterations[@]}"}" -f 1 -foe true -prof gc \
  -rf json -rff "$OUT/jmh.json" 2>&1 | tee "$OUT/jmh.log" >&2

java -cp "$JAR" dev.promptport.bench.BenchTable "$OUT/jmh.json" | tee "$OUT/table.md"
