"""Writes the operator schemas of the pinned ONNX release as a compact TSV, for OnnxTypeCheck.

    python3 native/onnx-schemas.py UNPACKED_ONNX_WHEEL OUT.tsv

Reads the schemas from the wheel's own C++ extension (onnx_cpp2py_export), loaded straight from
its file: no `import onnx`, so neither numpy nor protobuf is needed. The extension is built for
CPython 3.11 (native/pins.properties), which this script must run under.

One block per (operator, since_version) of the default domain:
    op  NAME  SINCE  DEPRECATED(0|1)  MIN_IN  MAX_IN  MIN_OUT  MAX_OUT
    i   NAME  OPTION(S|O|V)  HOMOGENEOUS(0|1)  TYPE      (one line per formal input, in order)
    o   NAME  OPTION(S|O|V)  HOMOGENEOUS(0|1)  TYPE      (one line per formal output)
    t   PARAM  ALLOWED TYPES (space-separated)            (one line per type constraint)
TYPE is a type parameter (a `t` line names its allowed types) or a fixed type. Types are written
short: float (a tensor of float), seq(float), opt(float), optseq(float) (an optional sequence).
"""
import glob
import importlib.machinery
import importlib.util
import os
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("onnx-schemas.py needs CPython 3.11 (the pinned onnx wheel's), not " + sys.version.split()[0])
wheel, out = sys.argv[1], sys.argv[2]
found = glob.glob(os.path.join(wheel, "onnx", "onnx_cpp2py_export*.so")) + glob.glob(
    os.path.join(wheel, "onnx", "onnx_cpp2py_export*.pyd"))
if len(found) != 1:
    sys.exit("no single onnx_cpp2py_export extension in " + wheel)
loader = importlib.machinery.ExtensionFileLoader("onnx_cpp2py_export", found[0])
module = importlib.util.module_from_spec(importlib.util.spec_from_file_location("onnx_cpp2py_export", found[0], loader=loader))
loader.exec_module(module)

OPTION = {0: "S", 1: "O", 2: "V"}


def short(t):
    """tensor(float) -> float, seq(tensor(float)) -> seq(float), optional(tensor(x)) -> opt(x),
    optional(seq(tensor(x))) -> optseq(x); a type parameter's name stays as it is."""
    for long, brief in (("optional(seq(tensor(", "optseq("), ("optional(tensor(", "opt("), ("seq(tensor(", "seq(")):
        if t.startswith(long):
            return brief + t[len(long):].rstrip(")") + ")"
    if t.startswith("tensor("):
        return t[len("tensor("):-1]
    return t


def formal(kind, f):
    return "\t".join([kind, f.name, OPTION[int(f.option.value)], "1" if f.is_homogeneous else "0", short(f.type_str)])


lines = []
schemas = [s for s in module.defs.get_all_schemas_with_history() if s.domain == ""]
for s in sorted(schemas, key=lambda s: (s.name, s.since_version)):
    lines.append("\t".join(["op", s.name, str(s.since_version), "1" if s.deprecated else "0",
                            str(s.min_input), str(s.max_input), str(s.min_output), str(s.max_output)]))
    lines += [formal("i", f) for f in s.inputs]
    lines += [formal("o", f) for f in s.outputs]
    for t in s.type_constraints:
        allowed = list(dict.fromkeys(short(a) for a in t.allowed_type_strs))  # some schemas list a type twice
        lines.append("\t".join(["t", t.type_param_str, " ".join(allowed)]))
tmp = out + ".tmp"
os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
with open(tmp, "w", encoding="utf-8", newline="\n") as f:
    f.write("# ONNX operator schemas of the default domain, generated from the pinned onnx wheel by native/onnx-schemas.py\n")
    f.write("\n".join(lines) + "\n")
os.replace(tmp, out)
print("[onnx-schemas] %d schemas written to %s" % (len(schemas), out), file=sys.stderr)
