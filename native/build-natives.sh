#!/usr/bin/env bash
# Builds the shim and stages every native library the jar carries.
#
#   native/build-natives.sh PROFILE BUILD_DIR STAGE_DIR
#
# 1. finds or fetches OpenVINO (native/fetch-openvino.sh);
# 2. builds the shim with CMake (root CMakeLists.txt) into BUILD_DIR;
# 3. copies the shim and OpenVINO's libraries, plugins, frontends and TBB into STAGE_DIR, which
#    the JavaCPP build links against and the jar carries.
set -euo pipefail

profile=${1:?usage: build-natives.sh PROFILE BUILD_DIR STAGE_DIR}
build=${2:?}
mkdir -p "$build"
stage=${3:?}
here=$(cd "$(dirname "$0")/.." && pwd)
prop() { sed -n "s/^$1=//p" "$profile" | head -n 1; }
log() { printf '[build-natives] %s\n' "$*" >&2; }

cmake_dir=$("$here/native/fetch-openvino.sh" "$profile")

# The folder that holds libopenvino: the wheel keeps it in libs/, an installed toolkit in runtime/lib/<arch>.
libs=""
for candidate in "$cmake_dir/../libs" "$cmake_dir/../lib/intel64" "$cmake_dir/../lib/aarch64" "$cmake_dir/../lib" "$cmake_dir/../../lib"; do
  if compgen -G "$candidate/libopenvino.so*" >/dev/null || compgen -G "$candidate/libopenvino.*dylib" >/dev/null || compgen -G "$candidate/openvino.dll" >/dev/null; then
    libs=$(cd "$candidate" && pwd)
    break
  fi
done
if [ -z "$libs" ]; then
  log "error: no OpenVINO runtime library found near $cmake_dir"
  exit 2
fi

log "OpenVINO CMake package: $cmake_dir"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DOpenVINO_DIR="$cmake_dir" >"$build/configure.log" 2>&1 || {
  cat "$build/configure.log" >&2
  exit 1
}
cmake --build "$build" --parallel 2 >"$build/build.log" 2>&1 || {
  cat "$build/build.log" >&2
  exit 1
}

rm -rf "$stage"
mkdir -p "$stage"
cp "$build/$(prop shim.library)" "$stage/"
count=0
for pattern in $(prop natives.include); do
  for f in "$libs"/$pattern; do
    [ -e "$f" ] || continue
    cp -L "$f" "$stage/"
    count=$((count + 1))
  done
done
log "staged the shim and $count OpenVINO libraries from $libs into $stage"
