#!/usr/bin/env bash
# Obtains OpenVINO for one platform profile and prints the folder of its CMake package.
#
#   native/fetch-openvino.sh platform-profiles/linux-x86_64.properties
#
# - If OpenVINO_DIR (or OV2ONNX_OPENVINO_DIR, which Maven sets from -Dopenvino.dir) names a folder
#   holding OpenVINOConfig.cmake, that installation is used and nothing is fetched.
# - Otherwise the profile's pinned wheel is taken from PyPI with pip, its SHA-256 is checked against
#   the profile, and it is unpacked. Both the wheel and the unpacked tree are cached under
#   ${OV2ONNX_CACHE:-~/.cache/ov2onnx}, so a second build needs no network.
set -euo pipefail

profile=${1:?usage: fetch-openvino.sh PROFILE}
prop() { sed -n "s/^$1=//p" "$profile" | head -n 1; }

log() { printf '[fetch-openvino] %s\n' "$*" >&2; }

user_dir=${OV2ONNX_OPENVINO_DIR:-${OpenVINO_DIR:-}}
if [ -n "$user_dir" ]; then
  if [ ! -f "$user_dir/OpenVINOConfig.cmake" ]; then
    log "error: $user_dir has no OpenVINOConfig.cmake (give the folder of OpenVINO's CMake package)"
    exit 2
  fi
  log "using the OpenVINO installation at $user_dir"
  (cd "$user_dir" && pwd)
  exit 0
fi

wheel=$(prop openvino.wheel)
sha=$(prop openvino.wheel.sha256)
version=$(prop openvino.version)
platform=$(prop platform)
if [ "$sha" = "UNVERIFIED" ] || [ -z "$sha" ]; then
  log "error: profile $profile has no verified wheel checksum; this platform is described but untested"
  exit 2
fi

cache=${OV2ONNX_CACHE:-$HOME/.cache/ov2onnx}
wheels="$cache/wheels"
unpacked="$cache/openvino-$version-$platform-${sha:0:12}"
mkdir -p "$wheels"

checksum() { python3 -c 'import hashlib,sys; h=hashlib.sha256(); f=open(sys.argv[1],"rb"); [h.update(b) for b in iter(lambda: f.read(1<<20), b"")]; print(h.hexdigest())' "$1"; }

if [ ! -f "$unpacked/.complete" ]; then
  if [ ! -f "$wheels/$wheel" ]; then
    log "downloading $wheel from PyPI"
    tmp=$(mktemp -d "$wheels/.download.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    python3 -m pip download --quiet --no-deps --only-binary=:all: \
      --platform "$(prop openvino.wheel.platform)" --python-version "$(prop openvino.wheel.python)" \
      -d "$tmp" "openvino==$version" >&2
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

echo "$unpacked/$(prop openvino.wheel.cmake)"
