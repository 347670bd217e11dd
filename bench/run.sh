#!/usr/bin/env bash
# Runs every benchmark comparison (bench/bench.py) in a venv of the pinned bench/requirements.txt.
#
#   mvn -B -q package -DskipTests && bench/run.sh [bench.py flags, e.g. --quick or --only nodes]
#
# The venv lives in ${OV2ONNX_CACHE:-~/.cache/ov2onnx}/bench-<digest of requirements.txt>.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${OV2ONNX_CACHE:-$HOME/.cache/ov2onnx}
digest=$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest()[:12])' "$here/requirements.txt")
venv="$cache/bench-$digest"
if [ ! -f "$venv/.complete" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --find-links "$cache/wheels" -r "$here/requirements.txt" >&2
  touch "$venv/.complete"
fi
exec "$venv/bin/python" "$here/bench.py" "$@"
