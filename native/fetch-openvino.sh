#!/usr/bin/env bash
# Obtains OpenVINO for one platform profile and prints the folder of its CMake package.
#
#   native/fetch-openvino.sh platform-profiles/linux-x86_64.properties
#
# - If OpenVINO_DIR (or OV2ONNX_OPENVINO_DIR, which Maven sets from -Dopenvino.dir) names a folder
#   holding OpenVINOConfig.cmake, that installation is used and nothing is fetched.
# - Otherwise the profile's pinned wheel is fetched by native/fetch-wheel.sh (PyPI, SHA-256
#   checked against the profile, cached under ${OV2ONNX_CACHE:-~/.cache/ov2onnx}).
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

sha=$(prop openvino.wheel.sha256)
if [ "$sha" = "UNVERIFIED" ] || [ -z "$sha" ]; then
  log "error: profile $profile has no verified wheel checksum; this platform is described but untested"
  exit 2
fi
unpacked=$("$(dirname "$0")/fetch-wheel.sh" openvino "$(prop openvino.version)" "$(prop openvino.wheel)" "$sha" \
  "$(prop openvino.wheel.platform)" "$(prop openvino.wheel.python)")
echo "$unpacked/$(prop openvino.wheel.cmake)"
