#!/usr/bin/env bash
# Makes (once, cached) the tiny stateful LLM IRs of tiny_llm.py and prints their folder.
#
#   src/test/python/tiny_llm.sh
#
# The folder holds tiny-llm-{fp16,int8,int4}.{xml,bin}. It lives in
# ${OV2ONNX_CACHE:-~/.cache/ov2onnx}/tiny-llm-<digest>, the digest taken over tiny_llm.py, the NNCF
# pins (requirements-nncf.txt) and the OpenVINO wheel's checksum, so any change to the generator or
# a pin makes it anew. Runs from the repository's root. Uses the NNCF venv of native/python-env.sh
# (linked at target/nncf-env) and the pinned OpenVINO wheel (native/fetch-openvino.sh).
set -euo pipefail
log() { printf '[tiny-llm] %s\n' "$*" >&2; }

here=src/test/python
profile=platform-profiles/linux-x86_64.properties
cache=${OV2ONNX_CACHE:-$HOME/.cache/ov2onnx}
digest=$(python3 - "$here/tiny_llm.py" "$here/requirements-nncf.txt" "$profile" <<'EOF'
import hashlib, sys
h = hashlib.sha256()
for path in sys.argv[1:3]:
    h.update(open(path, "rb").read())
h.update([l for l in open(sys.argv[3]) if l.startswith("openvino.wheel.sha256=")][0].encode())
print(h.hexdigest()[:12])
EOF
)
out="$cache/tiny-llm-$digest"
if [ ! -f "$out/.complete" ]; then
  bash native/python-env.sh "$here/requirements-nncf.txt" target/nncf-env numpy scipy
  cmake_dir=$(bash native/fetch-openvino.sh "$profile")
  package_root=$(cd "$cmake_dir/../.." && pwd)
  log "making $out"
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/.tiny-llm.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  PYTHONPATH="$package_root" target/nncf-env/bin/python "$here/tiny_llm.py" "$tmp" >"$tmp/make.log" 2>&1 \
    || { cat "$tmp/make.log" >&2; exit 1; }
  rm -f "$tmp/make.log"
  chmod 755 "$tmp"
  touch "$tmp/.complete"
  # another run may have finished first: its folder is kept (the same bytes), this one dropped
  if [ ! -f "$out/.complete" ]; then
    rm -rf "$out"
    mv -T "$tmp" "$out" 2>/dev/null || [ -f "$out/.complete" ]
  fi
fi
echo "$out"
