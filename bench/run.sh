#!/usr/bin/env bash
# Runs one benchmark (docs/benchmarks.md). Builds the bench jar first (tests skipped).
#   bench/run.sh SidebarLookupBench | CaptureBench | CaptureStatementsBench | NextTouchBench | ImportBench   [args…]
#   bench/run.sh jmh [JMH regex]        e.g. bench/run.sh jmh ParserBenchmarks
#   BENCH_JFR=1 bench/run.sh CaptureBench …   also records bench/target/results/<name>.jfr (Flight Recorder), which
#   bench/run.sh JfrBreakdown bench/target/results/capturebench.jfr   splits by kind of work
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: bench/run.sh <SidebarLookupBench|CaptureBench|CaptureStatementsBench|NextTouchBench|ImportBench|jmh> [args]}"
shift
mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/seguito-bench.jar
if [[ "$name" == "jmh" ]]; then
  exec java -jar "$jar" "${@:-dev.seguito.bench.jmh}" -f 1 -wi 2 -i 3 -w 1s -r 1s
fi
jfr=()
if [[ "${BENCH_JFR:-}" == "1" ]]; then
  mkdir -p bench/target/results
  # deep stacks: the parse sits ~60 frames under the worker's entry point, and a cut stack loses what it was for
  jfr=(-XX:FlightRecorderOptions:stackdepth=256
       "-XX:StartFlightRecording=filename=bench/target/results/${name,,}.jfr,settings=profile")
fi
exec java -Xmx4g "${jfr[@]}" -cp "$jar" "dev.seguito.bench.$name" "$@"
