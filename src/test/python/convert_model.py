"""Makes an IR from a framework model with OpenVINO's own convert_model + save_model, as users do
with ovc, for models OpenVINO can only read once their input shapes are given.

    python convert_model.py SOURCE OUT.xml NAME:DIMS:TYPE [NAME:DIMS:TYPE ...]

DIMS is comma-separated (empty for a scalar), TYPE an OpenVINO element type (f32, i64, ...).
Weights are kept in their precision (compress_to_fp16=False). Run with OpenVINO's Python package
on PYTHONPATH (the pinned wheel the build unpacks).
"""

import sys

import openvino as ov


def main(argv):
    source, out = argv[1], argv[2]
    inputs = []
    for spec in argv[3:]:
        name, dims, element = spec.split(":")
        shape = [int(d) for d in dims.split(",")] if dims else []
        inputs.append((name, shape, ov.Type(element)))
    model = ov.convert_model(source, input=inputs)
    ov.save_model(model, out, compress_to_fp16=False)


if __name__ == "__main__":
    main(sys.argv)
