#!/bin/sh
# Runs the parser accuracy harness against a corpus folder (default: ../shared/corpora relative to the worktree).
# Usage: server/accuracy.sh [corpus-dir] [-v]
set -e
cd "$(dirname "$0")"
CORPUS="${1:-../../shared/corpora}"
[ $# -gt 0 ] && shift
mvn -B -o -q -f pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.seguito.parse.accuracy.AccuracyHarness "$CORPUS" "$@"
