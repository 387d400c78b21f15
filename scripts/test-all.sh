#!/usr/bin/env bash
# The README's test command: install what the tests need, run every test, print one summary line.
#
# Two passes. The tests that profile real workloads and assert a statistical verdict (a baseline
# recorded, then an unchanged head that must pass) run last, one file at a time: they measure
# the machine, and a CPU-heavy test file running beside them shifts what they measure between
# the baseline and the head (JIT and GC work on helper threads starve; docs/statistics.md,
# "Between sessions"). Everything else runs in parallel first.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-deps.sh || exit 1

SERIAL=(
  test/pipeline/e2e.test.ts
  test/pipeline/e2e-perf.test.ts
  test/pipeline/e2e-rerun.test.ts
  test/commands/demo.test.ts
  test/sample/real-samplers.test.ts
)

if [ "$#" -gt 0 ]; then
  # Files or filters given: one pass, as asked.
  npx vitest run --reporter=default --reporter=json --outputFile.json=.vitest-results.json "$@"
  status=$?
  results=(.vitest-results.json)
else
  excludes=()
  for f in "${SERIAL[@]}"; do excludes+=(--exclude "$f"); done
  npx vitest run --reporter=default --reporter=json --outputFile.json=.vitest-results.json "${excludes[@]}"
  status=$?
  npx vitest run --no-file-parallelism --reporter=default --reporter=json \
    --outputFile.json=.vitest-results-serial.json "${SERIAL[@]}"
  serial=$?
  [ "$status" -eq 0 ] && status=$serial
  results=(.vitest-results.json .vitest-results-serial.json)
fi
node -e '
let passed = 0, failed = 0, skipped = 0;
for (const f of process.argv.slice(1)) {
  const r = JSON.parse(require("fs").readFileSync(f, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "${results[@]}" || true
exit $status
