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


def text_page(rng, shape):
    """A light page with rows of dark glyph-like strokes, scaled to [-1, 1] as PP-OCR feeds images:
    what an OCR model is calibrated on (on noise, a text detector sees no text and its activation
    ranges are calibrated on nothing)."""
    n, c, h, w = shape
    pages = []
    for _ in range(n):
        img = np.full((h, w), 235.0) + rng.normal(0, 6, (h, w))
        smallest, largest = min(10, max(6, h // 8)), min(22, h // 2)
        y = int(rng.integers(2, 2 + h // 8))
        while True:
            size = int(rng.integers(smallest, largest + 1))
            if y + size >= h:
                break
            x, end = int(rng.integers(2, 40)), int(rng.integers(w // 2, w - 2))
            while x + size < end:
                for _ in range(int(rng.integers(2, 5))):
                    tone = rng.uniform(10, 60)
                    if rng.random() < 0.5:
                        x0 = x + int(rng.integers(0, size - 2))
                        img[y:y + size, x0:x0 + 2] = tone
                    else:
                        y0 = y + int(rng.integers(0, size - 2))
                        img[y0:y0 + 2, x:x + size - 2] = tone
                x += size + int(rng.integers(1, 4)) + (size if rng.random() < 0.15 else 0)
            y += size + int(rng.integers(8, 30))
        pages.append(np.clip(img, 0, 255) / 127.5 - 1.0)
    return np.repeat(np.stack(pages)[:, None], c, axis=1)


def sample(rng, inputs, ranges):
    """One input set: text pages for 3-channel NCHW float images, else uniform values in the range."""
    values = {}
    for (name, shape, element), (lo, hi) in zip(inputs, ranges):
        if element.is_integral():
            values[name] = rng.integers(int(lo), int(hi) + 1, size=shape).astype(element.to_dtype())
        elif len(shape) == 4 and shape[1] == 3:
            values[name] = text_page(rng, shape).astype(element.to_dtype())
        else:
            values[name] = rng.uniform(lo, hi, size=shape).astype(element.to_dtype())
    return values


def main(argv):
    import nncf  # here, so that text_page can be imported without NNCF (bench/bench_quant.py does)
    import openvino as ov

    TYPES = {"f32": ov.Type.f32, "f16": ov.Type.f16, "i64": ov.Type.i64, "i32": ov.Type.i32, "u8": ov.Type.u8}
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
        samples = [sample(rng, inputs, ranges) for _ in range(16)]
        model = nncf.quantize(model, nncf.Dataset(samples), subset_size=len(samples))
        # a held-out input of the same kind, for the comparison
        np.savez(out[:-len(".xml")] + ".npz", **sample(np.random.default_rng(7), inputs, ranges))
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
