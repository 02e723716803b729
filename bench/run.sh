#!/usr/bin/env bash
# Runs one benchmark (docs/benchmarks.md). Builds the bench jar first (tests skipped).
#   bench/run.sh SidebarLookupBench | CaptureBench | CaptureStatementsBench | NextTouchBench | ImportBench   [args…]
#   bench/run.sh jmh [JMH regex]        e.g. bench/run.sh jmh ParserBenchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: bench/run.sh <SidebarLookupBench|CaptureBench|CaptureStatementsBench|NextTouchBench|ImportBench|jmh> [args]}"
shift
mvn -B -q -pl bench -am package -DskipTests
jar=bench/target/seguito-bench.jar
if [[ "$name" == "jmh" ]]; then
  exec java -jar "$jar" "${@:-dev.seguito.bench.jmh}" -f 1 -wi 2 -i 3 -w 1s -r 1s
fi
exec java -Xmx4g -cp "$jar" "dev.seguito.bench.$name" "$@"
