"""The `quant` section of bench/bench.py: quantized models on ONNX Runtime, kept quantized or made float.

For each model quantized with NNCF by the test fixture (src/test/python/nncf_models.py, in the NNCF
venv of src/test/python/requirements-nncf.txt, as QuantizedModelsTest makes them): the IR is
converted twice with the jar, as is (QDQ / DequantizeLinear / MatMulNBits) and with --dequantize
(float), and both run on ONNX Runtime's CPU provider with 1 thread, with the public model it was
quantized from (unquantized, ONNX) for reference, the three alternating run by run, median of
--quant-runs runs after 3 warm-ups. (The --dequantize form of an int8 PTQ model still computes every
FakeQuantize's rounding, in float ops: it is the same network, not the unquantized one.) Also the
file sizes against the IR's .bin.

For the int8 CNNs, also how far each way of running the quantized network lands from OpenVINO CPU
on the IR (cosine of the outputs, worst and best over --quant-pages synthetic text pages): ONNX
Runtime on the kept model (graph optimizations on, and off), ONNX Runtime on the --dequantize form
(OpenVINO's FakeQuantize formula in float), OpenVINO on the kept model, and OpenVINO on the IR with
one input value moved by one quantization step of the input (how much one step travels).
"""
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# (model id, NNCF mode, group size): the int8 CNNs and the MiniLM weight compressions of QuantizedModelsTest
CASES = [("ocr-cls", "ptq-int8", -1), ("ocr-det", "ptq-int8", -1), ("minilm", "int8-asym", -1),
         ("minilm", "int4-sym", 32), ("minilm", "int4-asym", 64)]


def _nncf_python(work):
    link = os.path.join(work, "nncf-env")
    subprocess.run(["bash", os.path.join(ROOT, "native", "python-env.sh"),
                    os.path.join(ROOT, "src", "test", "python", "requirements-nncf.txt"), link, "numpy", "scipy"],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return os.path.join(link, "bin", "python")


def _openvino_package_root():
    """The unpacked OpenVINO wheel the build uses (its Python package goes on the fixture's PYTHONPATH)."""
    cmake = subprocess.run(["bash", os.path.join(ROOT, "native", "fetch-openvino.sh"),
                            os.path.join(ROOT, "platform-profiles", "linux-x86_64.properties")],
                           check=True, cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return os.path.dirname(os.path.dirname(cmake))


def _fixture_args(props, mid):
    """The fixture's input specs NAME:DIMS:TYPE:LO:HI and the feeds, from native/models.properties."""
    k = f"model.{mid}."
    specs, feeds = [], {}
    for name in props[k + "inputs"].split(","):
        dtype, feed = props[k + f"input.{name}.dtype"], props[k + f"input.{name}.feed"]
        m = re.match(r"^(-?[0-9.]+)\.\.(-?[0-9.]+)", props.get(k + f"input.{name}.range", ""))
        lo, hi = (float(m.group(1)), float(m.group(2))) if m else ((-1.0, 1.0) if dtype.startswith("f") else (1.0, 1.0))
        specs.append(f"{name}:{feed}:{dtype}:{int(lo)}:{int(hi)}")
        feeds[name] = (dtype, [int(x) for x in feed.split(",")], lo, hi)
    return specs, feeds


def _inputs(ir, feeds):
    import numpy as np
    held = ir[:-4] + ".npz"
    if os.path.exists(held):  # the fixture's held-out input (text pages for the OCR CNNs)
        return dict(np.load(held))
    rng = np.random.default_rng(2026)
    out = {}
    for name, (dtype, shape, lo, hi) in feeds.items():
        if dtype.startswith("i"):
            out[name] = rng.integers(int(lo), int(hi) + 1, size=shape).astype(np.int64 if dtype == "i64" else np.int32)
        else:
            out[name] = rng.uniform(lo, hi, size=shape).astype(np.float32)
    return out


def _cos(a, b):
    import numpy as np
    a, b = a.ravel().astype(np.float64), b.ravel().astype(np.float64)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-30))


def _spread(ir, kept, flat, shape, pages):
    """Cosines against OpenVINO CPU on the IR (reference mode), worst and best over text pages."""
    import numpy as np
    import onnxruntime as ort
    import openvino as ov
    sys.path.insert(0, os.path.join(ROOT, "src", "test", "python"))
    from nncf_models import text_page
    core = ov.Core()
    config = {"INFERENCE_PRECISION_HINT": "f32", "EXECUTION_MODE_HINT": "ACCURACY", "DYNAMIC_QUANTIZATION_GROUP_SIZE": "0"}
    on_ir, on_kept = core.compile_model(ir, "CPU", config), core.compile_model(kept, "CPU", config)

    def session(path, level, optimized=None):
        so = ort.SessionOptions()
        so.graph_optimization_level = level
        so.log_severity_level = 3  # not the warning that an optimized model is written
        if optimized:
            so.optimized_model_filepath = optimized
        return ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    optimized = kept[:-5] + "-ort-optimized.onnx"
    runs = {"ort_kept": session(kept, ort.GraphOptimizationLevel.ORT_ENABLE_ALL, optimized),
            "ort_kept_unoptimized": session(kept, ort.GraphOptimizationLevel.ORT_DISABLE_ALL),
            "ort_dequantized": session(flat, ort.GraphOptimizationLevel.ORT_DISABLE_ALL)}
    cosines = {k: [] for k in [*runs, "openvino_kept", "openvino_ir_one_step"]}
    for seed in range(pages):
        x = text_page(np.random.default_rng(seed), shape).astype(np.float32)
        ref = on_ir([x])[0]
        for k, sess in runs.items():
            cosines[k].append(_cos(ref, sess.run(None, {sess.get_inputs()[0].name: x})[0]))
        cosines["openvino_kept"].append(_cos(ref, on_kept([x])[0]))
        moved = x.copy().ravel()
        i = int(np.random.default_rng(100 + seed).integers(0, moved.size))
        moved[i] += np.float32(2 / 255) if moved[i] < 0.99 else -np.float32(2 / 255)  # one step of [-1, 1] in 256 levels
        cosines["openvino_ir_one_step"].append(_cos(ref, on_ir([moved.reshape(x.shape)])[0]))
    import onnx
    ops = [n.op_type for n in onnx.load(optimized).graph.node]
    fused = {"QLinearConv": ops.count("QLinearConv"), "Conv": sum(o in ("Conv", "FusedConv") or o.endswith("NchwcConv") for o in ops)}
    return {"ort_fused_convs": f"{fused['QLinearConv']} QLinearConv, {fused['Conv']} float Conv",
            **{k: [round(min(v), 5), round(max(v), 5)] for k, v in cosines.items()}}


def run(args, work, bench):
    """Makes, converts and times every case; returns the figures by case."""
    import onnxruntime as ort
    d = os.path.join(work, "quant")
    os.makedirs(d, exist_ok=True)
    props = bench.properties()
    python = _nncf_python(work)
    env = dict(os.environ, PYTHONPATH=_openvino_package_root())
    result = {}
    for mid, mode, group in CASES:
        k = f"model.{mid}."
        unpacked = subprocess.run(
            ["bash", os.path.join(ROOT, "native", "fetch-wheel.sh"), props[k + "package"], props[k + "version"],
             props[k + "wheel"], props[k + "wheel.sha256"], props[k + "platform"], props[k + "python"]],
            check=True, capture_output=True, text=True).stdout.strip()
        specs, feeds = _fixture_args(props, mid)
        ir = os.path.join(d, f"{mid}-{mode}{group}.xml")
        if not os.path.exists(ir):
            subprocess.run([python, os.path.join(ROOT, "src", "test", "python", "nncf_models.py"),
                            os.path.join(unpacked, props[k + "file"]), ir, mode, str(group), *specs],
                           check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kept, flat = ir[:-4] + ".onnx", ir[:-4] + "-float.onnx"
        bench.run(bench.java("convert", ir, "-o", kept))
        bench.run(bench.java("convert", ir, "-o", flat, "--dequantize"))
        inputs = _inputs(ir, feeds)
        source = os.path.join(unpacked, props[k + "file"])
        sessions = {}
        for label, path in (("kept", kept), ("float", flat), ("source", source)):
            so = ort.SessionOptions()
            so.intra_op_num_threads = 1
            so.inter_op_num_threads = 1
            sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
            feed = {i.name: inputs[i.name] for i in sess.get_inputs()}
            for _ in range(3):
                sess.run(None, feed)
            sessions[label] = (sess, feed)
        samples = {label: [] for label in sessions}
        for _ in range(args.quant_runs):
            for label, (sess, feed) in sessions.items():
                t = time.perf_counter()
                sess.run(None, feed)
                samples[label].append(time.perf_counter() - t)
        kept_ms = statistics.median(samples["kept"]) * 1e3
        float_ms = statistics.median(samples["float"]) * 1e3
        source_ms = statistics.median(samples["source"]) * 1e3
        binf = os.path.getsize(ir[:-4] + ".bin")
        key = f"{mid} {mode}" + (f" g{group}" if group > 0 else "")
        result[key] = {
            "kept_ms": round(kept_ms, 3), "dequantized_ms": round(float_ms, 3),
            "kept_vs_dequantized": round(kept_ms / float_ms, 3), "unquantized_source_ms": round(source_ms, 3),
            "bin_bytes": binf, "kept_vs_bin": round(os.path.getsize(kept) / binf, 3),
            "dequantized_vs_bin": round(os.path.getsize(flat) / binf, 3)}
        if mode == "ptq-int8":
            result[key]["cosine_vs_openvino_ir"] = _spread(ir, kept, flat, feeds["x"][1], args.quant_pages)
        print(f"[bench] quant {mid} {mode} done", file=sys.stderr)
    return result


def summary(r):
    for name, v in r.items():
        print(f"quant {name}: ONNX Runtime 1 thread, kept {v['kept_ms']} ms vs --dequantize {v['dequantized_ms']} ms "
              f"-> {v['kept_vs_dequantized']}x (unquantized source {v['unquantized_source_ms']} ms); size / IR .bin: kept {v['kept_vs_bin']}, --dequantize {v['dequantized_vs_bin']}")
        for k, c in v.get("cosine_vs_openvino_ir", {}).items():
            print(f"  {k}: {c}" if isinstance(c, str) else f"  cosine vs OpenVINO on the IR, {k}: {c[0]} .. {c[1]}")
