#!/usr/bin/env bash
# Writes the operator schemas of the pinned ONNX release (native/pins.properties) as OUT.tsv, the
# table OnnxTypeCheck checks every written model against (native/onnx-schemas.py describes it).
#
#   native/onnx-schemas.sh OUT.tsv
#
# The schemas come from the pinned onnx wheel (fetched and checksummed by fetch-wheel.sh).
set -euo pipefail
out=${1:?usage: onnx-schemas.sh OUT.tsv}
here=$(cd "$(dirname "$0")" && pwd)
pins="$here/pins.properties"
pin() { sed -n "s/^$1=//p" "$pins" | head -n 1; }

unpacked=$("$here/fetch-wheel.sh" onnx "$(pin onnx.version)" "$(pin onnx.wheel)" "$(pin onnx.wheel.sha256)" \
  "$(pin onnx.wheel.platform)" "$(pin onnx.wheel.python)")
python3 "$here/onnx-schemas.py" "$unpacked" "$out"
