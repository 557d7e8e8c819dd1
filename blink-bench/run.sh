#!/usr/bin/env bash
# Builds blink-bench and runs a short, sane configuration of every benchmark, then prints the table
# of throughputs and ratios and writes it (JSON, Markdown, SVG chart) under blink-bench/target/bench.
#
#   blink-bench/run.sh                     # the short configuration (about 10 minutes on 2 cores)
#   USERS_ROWS=1000000 NARROW_ROWS=2000000 ITERATIONS=3 blink-bench/run.sh   # the full sizes
#
# Environment: USERS_ROWS (default 100000), NARROW_ROWS (200000), WARMUPS (2), ITERATIONS (2),
# HEAP_ROWS (10000000; 0 skips the peak-heap run), HEAP_XMX (64m), ONLY (a JMH regex to run a
# subset, e.g. 'LoadBenchmark.blink'), SKIP_BUILD=1, NOTE (a line added to the report), PROFILE=1
# (JFR on the encoder runs, summarized by profile.py into target/bench/profile.txt), and
# BLINK_TEST_JDBC_URL to use a running server instead of the embedded PostgreSQL 17.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target/bench"
jar="$here/target/benchmarks.jar"

users_rows="${USERS_ROWS:-100000}"
narrow_rows="${NARROW_ROWS:-200000}"
warmups="${WARMUPS:-2}"
iterations="${ITERATIONS:-2}"
heap_rows="${HEAP_ROWS:-10000000}"
heap_xmx="${HEAP_XMX:-64m}"
only="${ONLY:-}"
start=$(date +%s)
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "== building the benchmarks jar"
    (cd "$root" && mvn -B -ntp -q -Dmaven.test.skip=true -pl blink-bench -am package)
fi

rm -rf "$out"
mkdir -p "$out/side"
export BLINK_BENCH_OUT="$out/side"
jmh=(java -jar "$jar" -f 1 -i "$iterations" -p "usersRows=$users_rows" -p "narrowRows=$narrow_rows" -foe true)

echo "== load: every method on bench_users ($users_rows rows) and bench_narrow ($narrow_rows rows)"
"${jmh[@]}" -wi "$warmups" "${only:-LoadBenchmark}" -rf json -rff "$out/load.json" | tee "$out/load.log" \
    | grep -E '^(# Benchmark:|# Parameters|LoadBenchmark|EncodeBenchmark|Benchmark )' || true

if [[ -z "$only" ]]; then
    echo "== client CPU: encoders to a null COPY sink"
    profiler=()
    if [[ "${PROFILE:-0}" == 1 ]]; then
        profiler=(-prof "jfr:dir=$out/jfr;stackDepth=128")
    fi
    # the encoder runs are short: warm up on at least a million rows, so that they are measured compiled
    encode_warmups=$(( (1000000 + users_rows - 1) / users_rows ))
    encode_warmups=$(( encode_warmups > warmups + 1 ? encode_warmups : warmups + 1 ))
    "${jmh[@]}" -wi "$encode_warmups" EncodeBenchmark -prof gc "${profiler[@]}" -rf json -rff "$out/encode.json" | tee "$out/encode.log" \
        | grep -E '^(# Benchmark:|# Parameters|EncodeBenchmark|Benchmark )' || true
    if [[ "$heap_rows" != 0 ]]; then
        echo "== peak heap: $heap_rows users rows streamed with Retain.NONE under -Xmx$heap_xmx"
        java "-Xmx$heap_xmx" -cp "$jar" dev.blink.bench.PeakHeap "$heap_rows" "$out/peak-heap.json" | tee "$out/peak-heap.log"
    fi
fi

echo "== report"
load_at_end="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
python3 "$here/report.py" "$out" "Load average (1, 5, 15 min) at the start: $load_at_start; at the end: $load_at_end. ${NOTE:-}"
if [[ "${PROFILE:-0}" == 1 ]]; then
    python3 "$here/profile.py" "$out"/jfr/*/profile.jfr > "$out/profile.txt" && echo "JFR summary: $out/profile.txt"
fi
echo "== done in $(( $(date +%s) - start )) s"
