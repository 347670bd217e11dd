"""The llm section of bench/bench.py: decoding a stateful LLM, ONNX Runtime on the converted model
against OpenVINO on the IR.

The model is the tiny Llama of src/test/python/tiny_llm.py (made once and cached by
src/test/python/tiny_llm.sh, which needs the NNCF venv of native/python-env.sh), in int4, int8 and
fp16. Each IR is converted by `java -jar target/ov2onnx.jar convert` with no flags. Every side gets the same prompt (16 seeded tokens) and then decodes
--llm-tokens tokens greedily, one at a time:

- OpenVINO CPU: one stateful infer request (its default configuration, INFERENCE_NUM_THREADS 1);
- ONNX Runtime CPU: 1 intra-op and 1 inter-op thread, each present.V fed back as past.V, the first
  step with every past.V omitted (its default, the empty cache); once as it loads the model, and
  once with the session option session.disable_quant_qdq=1, under which it folds the
  DequantizeLinear of constant weights at load (float weights in memory, the file unchanged).

The figure is the median time of one decode step (one token), over --llm-runs generations that
alternate between the runtimes; also the ONNX file's size against the IR's .bin. Because the tiny
model says little about large matrices, "kernels" times one [1, 2048] x [2048, 2048] product per
form of a compressed weight on ONNX Runtime.
"""
import os
import statistics
import subprocess
import time

PROMPT = 16
VARIANTS = (("int4", "int4", ()), ("int8", "int8", ()), ("fp16", "fp16", ()))


def _fixture(root):
    out = subprocess.run(["bash", "src/test/python/tiny_llm.sh"], cwd=root, check=True, capture_output=True, text=True)
    return out.stdout.strip()


def _decode(step, prompt, tokens):
    """Runs step(ids, past_length) for the prompt and then one token at a time; returns the
    generated tokens and the time of each decode step."""
    logits = step(prompt, 0)
    length = len(prompt)
    generated, times = [], []
    for _ in range(tokens):
        token = int(logits[0, -1].argmax())
        generated.append(token)
        start = time.perf_counter()
        logits = step([token], length)
        times.append(time.perf_counter() - start)
        length += 1
    return generated, times


def _feeds(np, ids, past_length):
    n = len(ids)
    return {"input_ids": np.array([ids], dtype=np.int64),
            "attention_mask": np.ones((1, past_length + n), dtype=np.int64),
            "position_ids": np.arange(past_length, past_length + n, dtype=np.int64)[None],
            "beam_idx": np.zeros(1, dtype=np.int32)}


def _openvino(ov, np, ir):
    core = ov.Core()
    compiled = core.compile_model(ir, "CPU", {"INFERENCE_NUM_THREADS": 1})
    request = compiled.create_infer_request()

    def step(ids, past_length):
        if past_length == 0:
            request.reset_state()
        return request.infer(_feeds(np, ids, past_length))["logits"].copy()
    return step


def _session(ort, model, fold):
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.log_severity_level = 3  # not the warning that past.V has an initializer (its default)
    if fold:
        # without its QDQ handling ONNX Runtime folds DequantizeLinear of constant weights at load
        so.add_session_config_entry("session.disable_quant_qdq", "1")
    return ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])


def _onnxruntime(ort, np, onnx, fold):
    sess = _session(ort, onnx, fold)
    outputs = [o.name for o in sess.get_outputs()]
    state = {}

    def step(ids, past_length):
        feeds = _feeds(np, ids, past_length)
        if past_length > 0:
            feeds.update(state)
        values = dict(zip(outputs, sess.run(outputs, feeds)))
        state.clear()
        for name, value in values.items():
            if name.startswith("present."):
                state["past." + name[len("present."):]] = value
        return values["logits"]
    return step


def llm(args, work, java, run):
    import numpy as np
    import onnxruntime as ort
    import openvino as ov
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    fixture = _fixture(root)
    rng = np.random.default_rng(2026)
    prompt = [int(t) for t in rng.integers(1, 512, size=PROMPT)]
    result = {"prompt_tokens": PROMPT, "decode_tokens": args.llm_tokens, "runs": args.llm_runs}
    for label, variant, flags in VARIANTS:
        ir = os.path.join(fixture, f"tiny-llm-{variant}.xml")
        onnx = os.path.join(work, f"tiny-llm-{label}.onnx")
        run(java("convert", ir, "-o", onnx, *flags))
        sides = {"openvino": _openvino(ov, np, ir), "onnxruntime": _onnxruntime(ort, np, onnx, False),
                 "onnxruntime_folded": _onnxruntime(ort, np, onnx, True)}
        samples = {name: [] for name in sides}
        tokens = {}
        for step in sides.values():  # warm-up
            _decode(step, prompt, 4)
        for _ in range(args.llm_runs):
            for name, step in sides.items():
                tokens[name], times = _decode(step, prompt, args.llm_tokens)
                samples[name].extend(times)
        ov_ms = statistics.median(samples["openvino"]) * 1e3
        ort_ms = statistics.median(samples["onnxruntime"]) * 1e3
        folded_ms = statistics.median(samples["onnxruntime_folded"]) * 1e3
        result[label] = {
            "openvino_ms_per_token": round(ov_ms, 3), "onnxruntime_ms_per_token": round(ort_ms, 3),
            "onnxruntime_vs_openvino": round(ort_ms / ov_ms, 3),
            "onnxruntime_folded_ms_per_token": round(folded_ms, 3), "onnxruntime_folded_vs_openvino": round(folded_ms / ov_ms, 3),
            "same_tokens": tokens["openvino"] == tokens["onnxruntime"] == tokens["onnxruntime_folded"],
            "onnxruntime_folded_same_tokens": tokens["onnxruntime"] == tokens["onnxruntime_folded"],
            "bin_bytes": os.path.getsize(ir[:-4] + ".bin"), "onnx_bytes": os.path.getsize(onnx),
            "onnx_vs_bin": round(os.path.getsize(onnx) / os.path.getsize(ir[:-4] + ".bin"), 3)}
    result["kernels"] = _kernels(np, ort, args)
    return result


def _kernels(np, ort, args):
    """One [1, 2048] x [2048, 2048] product, ONNX Runtime 1 thread, per form of an int8 per-channel
    weight (as a 2048-wide LLM's lm_head or int8 projection is written) and a 4-bit one of group 32;
    median of 30 runs in ms."""
    from onnx import TensorProto, helper
    k = n = 2048
    rng = np.random.default_rng(2026)
    q = rng.integers(0, 256, (n, k), dtype=np.uint8)
    scale = (rng.random(n) * 0.01).astype(np.float32)
    zero = rng.integers(100, 150, n, dtype=np.uint8)
    weight = (q.astype(np.float32) - zero[:, None]) * scale[:, None]
    q4 = rng.integers(0, 16, (n, k), dtype=np.uint8)

    def model(nodes, initializers):
        graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("A", TensorProto.FLOAT, [1, k])],
                                  [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [1, n])], initializers)
        return helper.make_model(graph, ir_version=8, opset_imports=[helper.make_opsetid("", 17),
                                                                      helper.make_opsetid("com.microsoft", 1)]).SerializeToString()

    def raw(name, dtype, dims, array):
        return helper.make_tensor(name, dtype, dims, array.tobytes(), raw=True)

    def nbits(bits, block, b, scales, zeros):
        return model([helper.make_node("MatMulNBits", ["A", "B", "S", "Z"], ["Y"], domain="com.microsoft", K=k, N=n,
                                       bits=bits, block_size=block)],
                     [raw("B", TensorProto.UINT8, [n, k // block, block * bits // 8], b), raw("S", TensorProto.FLOAT, [scales.size], scales),
                      raw("Z", TensorProto.UINT8, [zeros.size], zeros)])
    dq = model([helper.make_node("DequantizeLinear", ["Q", "S", "Z"], ["Wt"], axis=0),
                helper.make_node("Transpose", ["Wt"], ["W"], perm=[1, 0]), helper.make_node("MatMul", ["A", "W"], ["Y"])],
               [raw("Q", TensorProto.UINT8, [n, k], q), raw("S", TensorProto.FLOAT, [n], scale), raw("Z", TensorProto.UINT8, [n], zero)])
    forms = {
        "f32_matmul": (model([helper.make_node("MatMul", ["A", "W"], ["Y"])],
                             [raw("W", TensorProto.FLOAT, [k, n], weight.T.copy())]), False),
        "int8_dequantizelinear_matmul": (dq, False),
        "int8_dequantizelinear_matmul_folded": (dq, True),
        "int8_matmulnbits": (nbits(8, 128, q, np.repeat(scale, k // 128), np.repeat(zero, k // 128)), False),
        "int4_matmulnbits_group32": (nbits(4, 32, (q4[:, 0::2] | (q4[:, 1::2] << 4)).astype(np.uint8),
                                           (rng.random(n * k // 32) * 0.01).astype(np.float32),
                                           np.full(n * k // 64, 0x88, dtype=np.uint8)), False),
    }
    a = rng.standard_normal((1, k)).astype(np.float32)
    times = {}
    for name, (m, fold) in forms.items():
        sess = _session(ort, m, fold)
        for _ in range(3):
            sess.run(None, {"A": a})
        samples = []
        for _ in range(30):
            start = time.perf_counter()
            sess.run(None, {"A": a})
            samples.append(time.perf_counter() - start)
        times[name + "_ms"] = round(statistics.median(samples) * 1e3, 3)
    return times


def summary(r):
    for variant, _, _ in VARIANTS:
        v = r.get(variant)
        if v:
            print(f"llm {variant} (prompt {r['prompt_tokens']}, {r['decode_tokens']} tokens x {r['runs']} runs, 1 thread): "
                  f"OpenVINO {v['openvino_ms_per_token']} ms/token, ONNX Runtime {v['onnxruntime_ms_per_token']} ms/token "
                  f"-> {v['onnxruntime_vs_openvino']}x (DequantizeLinear folded at load: {v['onnxruntime_folded_ms_per_token']} "
                  f"ms/token, {v['onnxruntime_folded_vs_openvino']}x, same tokens {v['onnxruntime_folded_same_tokens']}); "
                  f"same greedy tokens on all: {v['same_tokens']}; "
                  f"ONNX {v['onnx_bytes']:,} B / .bin {v['bin_bytes']:,} B = {v['onnx_vs_bin']}x")
    if "kernels" in r:
        print("llm kernels, [1, 2048] x [2048, 2048] on ONNX Runtime (1 thread, ms): "
              + ", ".join(f"{k[:-3]} {v}" for k, v in r["kernels"].items()))
