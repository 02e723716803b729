#!/usr/bin/env bash
# Extension tests: installs what they need, builds the server jar if missing, lints, then runs node's test runner
# (unit tests, then Chromium and Firefox against the real server). The last lines are node's summary (# pass N / # fail N).
set -euo pipefail
EXT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$EXT_DIR/.." && pwd)"
cd "$EXT_DIR"

# The browsers the tests drive: Chromium (side panel) and Firefox ESR (sidebar), both Debian packages.
MISSING=""
[ -x /usr/bin/chromium ] || MISSING="$MISSING chromium"
[ -x /usr/bin/firefox-esr ] || MISSING="$MISSING firefox-esr"
if [ -n "$MISSING" ]; then
  echo "== installing$MISSING (Debian packages)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $MISSING >/dev/null
fi
command -v openssl >/dev/null || { echo "openssl is required for the fixture site's certificate" >&2; exit 1; }

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/web-ext ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

JAR="${SEGUITO_SERVER_JAR:-$REPO_DIR/server/target/seguito-server.jar}"
# Build the jar when it is missing, or older than the server's sources (a stale jar would test old code).
if [ -z "${SEGUITO_TEST_SERVER_CMD:-}" ] && [ -f "$REPO_DIR/server/pom.xml" ] && [ -d "$REPO_DIR/server/src/main" ]; then
  if [ ! -f "$JAR" ] || [ -n "$(find "$REPO_DIR/server/src/main" "$REPO_DIR/server/pom.xml" "$REPO_DIR/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]; then
    echo "== building the server jar"
    mvn -B -q -f "$REPO_DIR/server/pom.xml" package -DskipTests
  fi
fi

echo "== web-ext lint"
LINT_JSON="$(mktemp)"
npx web-ext lint --source-dir . --output json \
  --ignore-files 'node_modules/**' 'test/**' 'test-results/**' 'scripts/**' package.json package-lock.json README.md \
  > "$LINT_JSON" || true
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const m of [...r.errors, ...r.warnings]) console.log(`  ${m._type ?? ""} ${m.code}: ${m.message}`);
  console.log(`  web-ext lint: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`);
  process.exit(r.summary.errors ? 1 : 0);
' "$LINT_JSON"
rm -f "$LINT_JSON"

mkdir -p test-results
echo "== node --test"
# One file at a time: each starts its own server and browser, and the machine has 2 cores.
exec node --test --test-concurrency=1 --test-timeout=900000 test/*.test.mjs
