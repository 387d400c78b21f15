#!/usr/bin/env bash
# The README's test command: install what the tests need, run every test, print one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-deps.sh || exit 1
npx vitest run --reporter=default --reporter=json --outputFile.json=.vitest-results.json "$@"
status=$?
node -e '
const r = JSON.parse(require("fs").readFileSync(".vitest-results.json", "utf8"));
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit $status
