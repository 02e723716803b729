#!/bin/sh
# Parser accuracy against the third-party corpus (see docs/accuracy.md).
# Usage: server/accuracy.sh [corpus-dir] [-v]     (default corpus: ../shared/corpora next to the checkout)
set -e
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
CORPUS="${1:-}"
[ $# -gt 0 ] && shift
if [ -z "$CORPUS" ]; then
  for c in "$ROOT_DIR/../shared/corpora" "$ROOT_DIR/../../shared/corpora"; do
    if [ -d "$c" ]; then CORPUS="$c"; break; fi
  done
fi
[ -d "$CORPUS" ] || { echo "corpus folder not found: ${CORPUS:-../shared/corpora}" >&2; exit 2; }
CORPUS=$(cd "$CORPUS" && pwd)
cd "$ROOT_DIR/server"
LOG="${TMPDIR:-/tmp}/seguito-accuracy-build.log"
if ! mvn -B -o -q -Dstyle.color=never -f pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >"$LOG" 2>&1; then
  cat "$LOG" >&2; exit 1
fi
exec java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.seguito.parse.accuracy.AccuracyHarness "$CORPUS" "$@"
