"""ONNX's own checker as a test oracle for ov2onnx.

Reads one model path per line on stdin and answers one JSON line per model on stdout:
{"ok": true} or {"ok": false, "error": "..."}. The check is onnx.checker.check_model with
full_check=True, which also runs ONNX shape inference in strict mode. Models with external data
are checked by path, so their data file is found next to them.

Run by the Java tests (OnnxChecker) in the venv made by native/python-env.sh.
"""
import json
import sys

import onnx
import onnx.checker


def main() -> None:
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        try:
            onnx.checker.check_model(path, full_check=True)
            answer = {"ok": True}
        except Exception as e:  # every failure is an answer, never a crash of the oracle
            answer = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
