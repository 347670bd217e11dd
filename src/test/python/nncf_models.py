"""Makes quantized IR of a public model with NNCF, as Intel users do, for ov2onnx's tests.

    python nncf_models.py SOURCE OUT.xml MODE GROUP NAME:DIMS:TYPE[:LO:HI] [...]

MODE: ptq-int8 (post-training int8 quantization: FakeQuantize on activations, int8 weights),
int8-asym, int4-sym or int4-asym (weight compression; GROUP is the group size, -1 for per channel).
The inputs give static shapes and, for PTQ, the value range of the seeded random calibration data
(integer inputs are drawn in [LO, HI]). The IR keeps its precision (compress_to_fp16=False).
Run with OpenVINO's Python package on PYTHONPATH and NNCF installed (requirements-nncf.txt).
"""

import sys

import numpy as np
import nncf
import openvino as ov

TYPES = {"f32": ov.Type.f32, "f16": ov.Type.f16, "i64": ov.Type.i64, "i32": ov.Type.i32, "u8": ov.Type.u8}


def main(argv):
    source, out, mode, group = argv[1], argv[2], argv[3], int(argv[4])
    inputs, ranges = [], []
    for spec in argv[5:]:
        parts = spec.split(":")
        name, dims, element = parts[0], parts[1], parts[2]
        shape = [int(d) for d in dims.split(",")] if dims else []
        inputs.append((name, shape, TYPES[element]))
        ranges.append((float(parts[3]), float(parts[4])) if len(parts) > 4 else (-1.0, 1.0))
    model = ov.convert_model(source, input=inputs)
    if mode == "ptq-int8":
        rng = np.random.default_rng(2026)
        samples = []
        for _ in range(16):
            sample = {}
            for (name, shape, element), (lo, hi) in zip(inputs, ranges):
                if element.is_integral():
                    sample[name] = rng.integers(int(lo), int(hi) + 1, size=shape).astype(element.to_dtype())
                else:
                    sample[name] = rng.uniform(lo, hi, size=shape).astype(element.to_dtype())
            samples.append(sample)
        model = nncf.quantize(model, nncf.Dataset(samples), subset_size=len(samples))
    else:
        kinds = {"int8-asym": nncf.CompressWeightsMode.INT8_ASYM,
                 "int4-sym": nncf.CompressWeightsMode.INT4_SYM,
                 "int4-asym": nncf.CompressWeightsMode.INT4_ASYM}
        if mode.startswith("int8"):
            model = nncf.compress_weights(model, mode=kinds[mode])
        else:
            model = nncf.compress_weights(model, mode=kinds[mode], group_size=group, ratio=1.0)
    ov.save_model(model, out, compress_to_fp16=False)


if __name__ == "__main__":
    main(sys.argv)
