#!/usr/bin/env bash
# Writes the official onnx.proto of the pinned ONNX release (native/pins.properties) into OUT_DIR,
# ready for protoc's Java generator.
#
#   native/onnx-proto.sh OUT_DIR
#
# The file is taken from the pinned onnx wheel (fetched and checksummed by fetch-wheel.sh). Two
# file options are changed, nothing else: `optimize_for = LITE_RUNTIME` is dropped (we use the
# full protobuf-java runtime) and a Java package and outer class name are set.
set -euo pipefail
out=${1:?usage: onnx-proto.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
pins="$here/pins.properties"
pin() { sed -n "s/^$1=//p" "$pins" | head -n 1; }

unpacked=$("$here/fetch-wheel.sh" onnx "$(pin onnx.version)" "$(pin onnx.wheel)" "$(pin onnx.wheel.sha256)" \
  "$(pin onnx.wheel.platform)" "$(pin onnx.wheel.python)")
mkdir -p "$out"
python3 - "$unpacked/onnx/onnx.proto" "$out/onnx.proto" <<'PY'
import sys
src, dst = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
if "option optimize_for = LITE_RUNTIME;" not in text or "package onnx;" not in text:
    sys.exit("onnx.proto does not look as expected: " + src)
text = text.replace("option optimize_for = LITE_RUNTIME;", "")
text = text.replace("package onnx;", 'package onnx;\noption java_package = "org.ov2onnx.onnx.proto";\noption java_outer_classname = "OnnxProto";', 1)
open(dst, "w", encoding="utf-8").write(text)
PY
echo "[onnx-proto] onnx.proto of ONNX $(pin onnx.version) written to $out" >&2
