#!/usr/bin/env bash
# Build the Linux bundle with PyInstaller, then run it offscreen twice: --version and selfcheck.
# Exits non-zero if the build fails or either run fails. About 20 s to build on a 2-core machine.
#
#   bash packaging/ci_bundle_check.sh            # uses .venv/bin/python
#   PYTHON=/path/to/python bash packaging/ci_bundle_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  "$PY" -m pip install -q -e '.[build]'
fi

export QT_QPA_PLATFORM=offscreen
"$PY" packaging/build.py
bundle="dist/caseload-companion/caseload-companion"

# The bundle must never touch a real user's folders: point everything at a throwaway place.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data"
export CASELOAD_COMPANION_DATA_DIR="$scratch/app-data"

echo "--- $bundle --version"
version="$("$bundle" --version)"
echo "$version"
expected="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
if [ "$version" != "Caseload Companion $expected" ]; then
  echo "bundle reports '$version', expected version $expected"
  exit 1
fi

echo "--- $bundle selfcheck"
"$bundle" selfcheck
echo "bundle check passed"
