#!/usr/bin/env bash
# Installs what the test suite needs on a fresh clone: npm packages, and from Debian the real
# sampler (linux-perf) and the browser (chromium) the tests drive. Idempotent and quiet when
# everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

need=()
if ! perf --version >/dev/null 2>&1; then need+=(linux-perf); fi
if [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
if [ ! -x /usr/bin/time ]; then need+=(time); fi
if ! fc-list 2>/dev/null | grep -qi dejavu; then need+=(fonts-dejavu-core); fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The real samplers of the sampling tests (py-spy, austin, Fil, memray, async-profiler).
bash scripts/install-samplers.sh
