#!/usr/bin/env bash
# The interleaved run (dev.blink.bench.Rounds): every method of every case once per round, on one warm
# embedded PostgreSQL 17 (or the server of BLINK_TEST_JDBC_URL), TRUNCATE + CHECKPOINT before each load,
# medians and ratios within the run, client and server-backend CPU per million rows, load average.
#
#   blink-bench/rounds.sh                                  # full sizes, 1 warm-up + 5 measured rounds (~25 min on 2 cores)
#   USERS_ROWS=100000 NARROW_ROWS=200000 blink-bench/rounds.sh   # a quick look
#   CASES='bench_users$' METHODS='blinkJpa|hibernatePersist|blinkRecords' blink-bench/rounds.sh
#
# Environment: ROUNDS (5), WARMUP_ROUNDS (1), USERS_ROWS (1000000), NARROW_ROWS (2000000),
# SMALL_REPEATS (20 seeds per small-seed measurement), CASES / METHODS (regular expressions; the
# ceiling always runs), SKIP_BUILD=1, OUT (blink-bench/target/rounds: rounds.md, rounds.tsv).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "== building the benchmarks jar"
    (cd "$root" && mvn -B -ntp -q -Dmaven.test.skip=true -pl blink-bench -am package)
fi
export OUT="${OUT:-$here/target/rounds}"
start=$(date +%s)
java -Xmx6g -Xms6g -XX:+UseParallelGC -cp "$jar" dev.blink.bench.Rounds
echo "== done in $(( $(date +%s) - start )) s; report: $OUT/rounds.md, samples: $OUT/rounds.tsv"
