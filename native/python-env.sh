#!/usr/bin/env bash
# Makes the Python environment the tests use as an oracle (onnx's checker) and links it at LINK.
#
#   native/python-env.sh REQUIREMENTS LINK [MODULE ...]
#
# MODULEs are imported to check the venv (default: onnx numpy).
# The venv lives in ${OV2ONNX_CACHE:-~/.cache/ov2onnx}/python-<digest of REQUIREMENTS>, is made
# once, and installs exactly the pinned, hashed wheels of REQUIREMENTS.
set -euo pipefail
requirements=${1:?usage: python-env.sh REQUIREMENTS LINK}
link=${2:?}
shift 2
modules=${*:-onnx numpy}
log() { printf '[python-env] %s\n' "$*" >&2; }

cache=${OV2ONNX_CACHE:-$HOME/.cache/ov2onnx}
digest=$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest()[:12])' "$requirements")
venv="$cache/python-$digest"
if [ ! -f "$venv/.complete" ]; then
  log "creating $venv"
  mkdir -p "$cache"
  # venvs hold absolute paths, so the venv is made in place; .complete marks a finished one
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --require-hashes -r "$requirements" >&2
  "$venv/bin/python" -c "import ${modules// /, }" >&2
  touch "$venv/.complete"
fi
mkdir -p "$(dirname "$link")"
ln -sfn "$venv" "$link"
