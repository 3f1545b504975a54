#!/usr/bin/env bash
# Compares promptport with the JavaScript gateways that do the same translation, on the same
# inputs, in one run, and prints a Markdown table.
#
#   scripts/peer-compare.sh [--no-gemini] [SECONDS]      # from any clone; SECONDS per peer, default 10
#
# The gateways' harness and the 30 requests are in ../shared/peers (or $PROMPTPORT_PEERS), which
# is read-only: it is copied to a temporary folder and `npm ci` installs the pinned peers there
# (needs Node 20+ and the npm registry). Then, one after the other, on one thread each:
#   node bench.mjs PEER ../bench-input SECONDS   for identity (JSON.parse + JSON.stringify only,
#       the floor), copilot-api, llm-bridge, musistudio, ai-sdk, llm-router: one measured
#       request = parse the JSON text, translate, stringify
#   PeerBench (JMH, bench/target/benchmarks.jar): the same 30 requests round-robin, JSON text in,
#       JSON text out, with promptport's prompt rewriting and all rule checks on each, once with
#       every request worked out in full and once with a TextMemo (repeated system prompts
#       remembered, as Failover and the traffic audit run); and JsonFloorBench, Jackson parsing
#       and writing the same requests with no translation: the floor for any Java translator
#   and, unless --no-gemini, the same for Gemini: musistudio-gemini, llm-bridge-gemini and
#   PeerBench for gemini:gemini-2.5-pro.
# The table gives requests/s and µs a request for each, and promptport's requests/s over each
# row's; the last line names the fastest peer and promptport's ratio to it. On a shared machine
# the figures move by ±25 % from run to run: read the ratios, and rerun rather than compare
# figures from different runs. Raw output stays in bench/target/peer-results/.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JAR=bench/target/benchmarks.jar
OUT=bench/target/peer-results

gemini=1 secs=10
for arg in "$@"; do
  case "$arg" in
    --no-gemini) gemini=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    ''|*[!0-9]*) echo "peer-compare.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
    *) secs="$arg" ;;
  esac
done

PEERS_SRC="${PROMPTPORT_PEERS:-$ROOT/../shared/peers}"
[ -f "$PEERS_SRC/node/bench.mjs" ] && [ -d "$PEERS_SRC/bench-input" ] \
  || { echo "peer-compare.sh: no peers' harness at $PEERS_SRC (set PROMPTPORT_PEERS)" >&2; exit 2; }
for tool in node npm java; do
  command -v "$tool" >/dev/null || { echo "peer-compare.sh: $tool is not on the PATH" >&2; exit 2; }
done

"$ROOT/scripts/bench.sh" --build-only

WORK="$(mktemp -d "${TMPDIR:-/tmp}/promptport-peers.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cp -R "$PEERS_SRC/." "$WORK/"
chmod -R u+w "$WORK"
rm -rf "$WORK/node/node_modules" "$WORK/node/out"
echo "peer-compare.sh: npm ci in $WORK/node ..." >&2
(cd "$WORK/node" && npm ci --no-audit --no-fund --loglevel=error >&2)

mkdir -p "$OUT"
: > "$OUT/peers.txt"
run_peer() {   # prints the harness's line, and keeps it
  local line
  line="$(cd "$WORK/node" && node bench.mjs "$1" ../bench-input "$secs")"
  echo "$line" >&2
  echo "$line" >> "$OUT/peers.txt"
}
openai_peers="identity copilot-api llm-bridge musistudio ai-sdk llm-router"
gemini_peers="musistudio-gemini llm-bridge-gemini"
for p in $openai_peers; do run_peer "$p"; done
[ "$gemini" = 1 ] && for p in $gemini_peers; do run_peer "$p"; done

# promptport right after, on the copy the peers just read: PeerBench's own warm-up (8 x 2 s, as the
# JIT needs longer than V8 to settle on 30 different requests: after 3 x 2 s, a busy host still
# measured TextMemo's rows while C2 was compiling), then measured as long as each peer
targets=openai:gpt-4o
[ "$gemini" = 1 ] && targets=openai:gpt-4o,gemini:gemini-2.5-pro
iters=$(( secs / 2 > 0 ? secs / 2 : 1 ))
java "-Dpromptport.peers.input=$WORK/bench-input" -jar "$JAR" 'PeerBench|JsonFloorBench' -p target="$targets" \
  -i "$iters" -r 2s -f 1 -foe true -rf json -rff "$OUT/jmh.json" 2>&1 | tee "$OUT/jmh.log" >&2
java -cp "$JAR" dev.promptport.bench.BenchTable --scores "$OUT/jmh.json" > "$OUT/promptport.tsv"

# $1 = heading, $2 = promptport target, $3 = peers
table() {
  local pp ppm
  pp="$(awk -F'\t' -v t="target=$2" '$2 ~ t && $2 ~ /memo=off/ { printf "%.0f", $3 }' "$OUT/promptport.tsv")"
  ppm="$(awk -F'\t' -v t="target=$2" '$2 ~ t && $2 ~ /memo=on/ { printf "%.0f", $3 }' "$OUT/promptport.tsv")"
  ppq="$(awk -F'\t' -v t="target=$2" '$2 ~ t && $2 ~ /memo=new-question/ { printf "%.0f", $3 }' "$OUT/promptport.tsv")"
  [ -n "$pp" ] && [ -n "$ppm" ] && [ -n "$ppq" ] || { echo "peer-compare.sh: no PeerBench result for $2" >&2; exit 1; }
  floor="$(awk -F'\t' '$1 ~ /JsonFloorBench/ { printf "%.0f", $3 }' "$OUT/promptport.tsv")"
  echo
  echo "$1"
  echo
  echo "| translator | requests/s | µs a request | promptport in full ÷ this |"
  echo "| --- | ---: | ---: | ---: |"
  for p in $3; do grep "^$p requests/s=" "$OUT/peers.txt" || true; done \
  | awk -v pp="$pp" -v ppm="$ppm" -v ppq="$ppq" -v floor="$floor" -v target="$2" '
      function num(key,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) return kv[2] } return "" }
      function row(name, rps) { printf "| %s | %s | %.1f | %.2f× |\n", name, fmt(rps), 1e6 / rps, pp / rps }
      function fmt(n,   s, out) { s = sprintf("%.0f", n); out = ""; while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) } return s out }
      {
        rps = num("requests/s") + 0
        name = $1 == "identity" ? "identity (JSON.parse + JSON.stringify only: the floor)" : $1
        row(name, rps)
        if ($1 != "identity" && rps > best) { best = rps; bestName = $1 }
      }
      END {
        if (floor > 0) row("Jackson streaming parse + write, no translation (the floor in Java, JsonFloorBench)", floor)
        row("**promptport** (" target ", every request worked out in full)", pp)
        row("**promptport** (" target ", TextMemo: repeated prompts, tools and turns remembered)", ppm)
        row("**promptport** (" target ", TextMemo, and a question no other request asked in each)", ppq)
        if (best > 0) printf "\npromptport / fastest peer (%s): **%.2f×** in full, **%.2f×** with TextMemo, **%.2f×** with TextMemo and a new question in each request (%s, %s and %s vs %s requests/s)\n", bestName, pp / best, ppm / best, ppq / best, fmt(pp), fmt(ppm), fmt(ppq), fmt(best)
      }'
}

{
  table "Anthropic → OpenAI Chat, 30 requests round-robin (../shared/peers/bench-input), JSON text in and out, one thread, ${secs} s each:" \
    openai:gpt-4o "$openai_peers"
  [ "$gemini" = 1 ] && table "Anthropic → Gemini generateContent, same inputs:" gemini:gemini-2.5-pro "identity $gemini_peers"
  echo
  echo "$(java -cp "$JAR" dev.promptport.bench.BenchTable "$OUT/jmh.json" | tail -n 1) Node $(node --version)."
} | tee "$OUT/table.md"
