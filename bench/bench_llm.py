"""The llm section of bench/bench.py: decoding a stateful LLM, ONNX Runtime on the converted model
against OpenVINO on the IR.

The model is the tiny Llama of src/test/python/tiny_llm.py (made once and cached by
src/test/python/tiny_llm.sh, which needs the NNCF venv of native/python-env.sh), in int4, int8 and
fp16. Each IR is converted by `java -jar target/ov2onnx.jar convert` with no flags, and the int4 and int8
ones also with `--weights-format matmulnbits` (their 8-bit MatMul weights, the lm_head among them, as
MatMulNBits too). Both sides get
the same prompt (16 seeded tokens) and then decode --llm-tokens tokens greedily, one at a time:

- OpenVINO CPU: one stateful infer request (its default configuration, INFERENCE_NUM_THREADS 1);
- ONNX Runtime CPU: 1 intra-op and 1 inter-op thread, each present.V fed back as past.V, the first
  step with every past.V omitted (its default, the empty cache).

The figure is the median time of one decode step (one token), over --llm-runs generations that
alternate between the two runtimes; also the ONNX file's size against the IR's .bin.
"""
import os
import statistics
import subprocess
import time

PROMPT = 16
VARIANTS = (("int4", "int4", ()), ("int4-matmulnbits", "int4", ("--weights-format", "matmulnbits")),
            ("int8", "int8", ()), ("int8-matmulnbits", "int8", ("--weights-format", "matmulnbits")), ("fp16", "fp16", ()))


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


def _onnxruntime(ort, np, onnx):
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.log_severity_level = 3  # not the warning that past.V has an initializer (its default)
    sess = ort.InferenceSession(onnx, so, providers=["CPUExecutionProvider"])
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
        sides = {"openvino": _openvino(ov, np, ir), "onnxruntime": _onnxruntime(ort, np, onnx)}
        samples = {name: [] for name in sides}
        tokens = {}
        _decode(sides["openvino"], prompt, 4)  # warm-up
        _decode(sides["onnxruntime"], prompt, 4)
        for _ in range(args.llm_runs):
            for name, step in sides.items():
                tokens[name], times = _decode(step, prompt, args.llm_tokens)
                samples[name].extend(times)
        ov_ms = statistics.median(samples["openvino"]) * 1e3
        ort_ms = statistics.median(samples["onnxruntime"]) * 1e3
        result[label] = {
            "openvino_ms_per_token": round(ov_ms, 3), "onnxruntime_ms_per_token": round(ort_ms, 3),
            "onnxruntime_vs_openvino": round(ort_ms / ov_ms, 3),
            "same_tokens": tokens["openvino"] == tokens["onnxruntime"],
            "bin_bytes": os.path.getsize(ir[:-4] + ".bin"), "onnx_bytes": os.path.getsize(onnx),
            "onnx_vs_bin": round(os.path.getsize(onnx) / os.path.getsize(ir[:-4] + ".bin"), 3)}
    return result


def summary(r):
    for variant, _, _ in VARIANTS:
        v = r.get(variant)
        if v:
            print(f"llm {variant} (prompt {r['prompt_tokens']}, {r['decode_tokens']} tokens x {r['runs']} runs, 1 thread): "
                  f"OpenVINO {v['openvino_ms_per_token']} ms/token, ONNX Runtime {v['onnxruntime_ms_per_token']} ms/token "
                  f"-> {v['onnxruntime_vs_openvino']}x; same greedy tokens: {v['same_tokens']}; "
                  f"ONNX {v['onnx_bytes']:,} B / .bin {v['bin_bytes']:,} B = {v['onnx_vs_bin']}x")
