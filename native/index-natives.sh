#!/usr/bin/env bash
# Writes natives.list into a folder of native libraries: one "sha256  name" line per file.
# The Java loader extracts exactly these files, and names its cache after this list's digest.
set -euo pipefail
dir=${1:?usage: index-natives.sh DIR}
cd "$dir"
rm -f natives.list
python3 - <<'PY'
import hashlib, os
rows = []
for name in sorted(os.listdir('.')):
    if not os.path.isfile(name) or name == 'natives.list':
        continue
    h = hashlib.sha256()
    with open(name, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    rows.append(f"{h.hexdigest()}  {name}\n")
with open('natives.list', 'w') as f:
    f.writelines(rows)
PY
echo "[index-natives] $(wc -l < natives.list) files in $dir" >&2
