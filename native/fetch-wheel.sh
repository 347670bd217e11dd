#!/usr/bin/env bash
# Fetches one pinned wheel from PyPI, checks its SHA-256, unpacks it, and prints the folder.
#
#   native/fetch-wheel.sh PACKAGE VERSION WHEEL_FILE SHA256 PLATFORM_TAG PYTHON_VERSION
#
# The wheel and the unpacked tree are cached under ${OV2ONNX_CACHE:-~/.cache/ov2onnx}, so a second
# build needs no network. pip is used only as a download client (--no-deps, binary only).
set -euo pipefail

package=${1:?usage: fetch-wheel.sh PACKAGE VERSION WHEEL SHA256 PLATFORM PYTHON}
version=${2:?}
wheel=${3:?}
sha=${4:?}
platform=${5:?}
python_version=${6:?}
log() { printf '[fetch-wheel] %s\n' "$*" >&2; }

cache=${OV2ONNX_CACHE:-$HOME/.cache/ov2onnx}
wheels="$cache/wheels"
unpacked="$cache/$package-$version-${sha:0:12}"
mkdir -p "$wheels"

checksum() { python3 -c 'import hashlib,sys; h=hashlib.sha256(); f=open(sys.argv[1],"rb"); [h.update(b) for b in iter(lambda: f.read(1<<20), b"")]; print(h.hexdigest())' "$1"; }

if [ ! -f "$unpacked/.complete" ]; then
  if [ ! -f "$wheels/$wheel" ]; then
    log "downloading $wheel from PyPI"
    tmp=$(mktemp -d "$wheels/.download.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    python3 -m pip download --quiet --no-deps --only-binary=:all: \
      --platform "$platform" --python-version "$python_version" -d "$tmp" "$package==$version" >&2
    if [ ! -f "$tmp/$wheel" ]; then
      log "error: pip did not deliver $wheel (got: $(ls "$tmp"))"
      exit 3
    fi
    mv "$tmp/$wheel" "$wheels/$wheel"
  fi
  actual=$(checksum "$wheels/$wheel")
  if [ "$actual" != "$sha" ]; then
    log "error: SHA-256 of $wheel is $actual, expected $sha; removing it"
    rm -f "$wheels/$wheel"
    exit 3
  fi
  log "unpacking $wheel (SHA-256 verified)"
  tmp=$(mktemp -d "$cache/.unpack.XXXXXX")
  python3 -m zipfile -e "$wheels/$wheel" "$tmp" >&2
  touch "$tmp/.complete"
  rm -rf "$unpacked"
  mv "$tmp" "$unpacked"
fi
echo "$unpacked"
