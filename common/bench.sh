#!/usr/bin/env bash
# Runs the common module's JMH benchmarks with short settings and prints JMH's table plus a summary against the
# goals (now() <= 3x System.currentTimeMillis(), >= 4,000,000 ids/s on one thread).
# Extra arguments go to JMH, e.g. `common/bench.sh -f 2 -i 5` or `common/bench.sh IdBenchmark`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Compile first (JMH's annotation processor generates the benchmark classes); BENCH_SKIP_BUILD=1 skips it.
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -o -pl common test-compile
fi

exec java -cp "$(cat common/target/test-classpath.txt):common/target/classes:common/target/test-classes" \
  io.ridemesh.common.bench.BenchMain -f 1 -wi 2 -w 1s -i 3 -r 1s "$@"
