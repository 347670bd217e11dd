"""Makes a tiny stateful Llama IR the way optimum-intel exports one, for ov2onnx's tests.

    python tiny_llm.py OUT_DIR

writes OUT_DIR/tiny-llm-fp16.xml/.bin, OUT_DIR/tiny-llm-int8.xml/.bin and OUT_DIR/tiny-llm-int4.xml/.bin.

optimum-intel needs torch, and torch from PyPI brings gigabytes of CUDA wheels, so the graph that
`optimum-cli export openvino` produces for a Llama decoder (stateful, with the KV cache in
ReadValue/Assign variables) is written here with OpenVINO's Python opset API instead:

- inputs input_ids [?,?] i64, attention_mask [?,?] i64, position_ids [?,?] i64, beam_idx [?] i32;
  output logits [?,?,VOCAB] f32;
- token embedding Gather; per layer RMSNorm, Q/K/V projections (MatMul with transposed weights),
  grouped-query attention, RoPE from position_ids (cos/sin, rotate-half), the KV cache in ReadValue-6
  variables named as optimum names them (past_key_values.L.keypresent.L.key) whose initial value is
  zeros [batch, KV_HEADS, 0, HEAD] shaped from ShapeOf(input_ids), Gather(state, beam_idx, axis 0),
  Concat on the sequence axis, Assign, repeat_kv, ScaledDotProductAttention-13 with a causal mask
  combined with the attention mask, SiLU-gated MLP; final RMSNorm and lm_head;
- seeded random weights (numpy seed 2026); fp16 as optimum saves it (compress_to_fp16: f16 constants
  with Convert); int8 with NNCF compress_weights INT8_ASYM (per channel) and int4 with INT4_ASYM,
  group 32, ratio 1.0, where NNCF keeps the embedding and lm_head in int8 as its defaults do.

Run with OpenVINO's Python package on PYTHONPATH and NNCF installed (requirements-nncf.txt).
"""

import os
import sys

import numpy as np
import openvino as ov
from openvino import opset1, opset3, opset4, opset8, opset13
from openvino.op import read_value, assign
from openvino.op.util import Variable, VariableInfo

VOCAB = 512
HIDDEN = 128
LAYERS = 2
HEADS = 4
KV_HEADS = 2
HEAD = HIDDEN // HEADS
INTERMEDIATE = 256
ROPE_THETA = 10000.0
EPS = 1e-6
SEED = 2026


def const(values, dtype=np.float32):
    return opset1.constant(np.asarray(values, dtype=dtype))


def i64(values):
    return const(values, np.int64)


class Weights:
    """Seeded random weights, drawn in a fixed order."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def matrix(self, rows, cols, scale):
        return (self.rng.standard_normal((rows, cols)) * scale).astype(np.float32)

    def norm(self, n):
        return (1.0 + 0.1 * self.rng.standard_normal(n)).astype(np.float32)


def rms_norm(x, weight, name):
    square = opset1.power(x, const(2.0))
    mean = opset1.reduce_mean(square, i64([-1]), keep_dims=True)
    root = opset1.sqrt(opset1.add(mean, const(EPS)))
    normed = opset1.multiply(x, opset1.divide(const(1.0), root))
    return opset1.multiply(const(weight.reshape(1, 1, -1)), normed, name=name)


def linear(x, weight, name):
    """x @ weight^T with weight [out, in], as PyTorch's nn.Linear is traced."""
    return opset1.matmul(x, const(weight), transpose_a=False, transpose_b=True, name=name)


def heads(x, count):
    """[b, s, count*HEAD] -> [b, count, s, HEAD]."""
    shaped = opset1.reshape(x, i64([0, 0, count, HEAD]), special_zero=True)
    return opset1.transpose(shaped, i64([0, 2, 1, 3]))


def rotate_half(x):
    half = HEAD // 2
    first = opset8.slice(x, i64([0]), i64([half]), i64([1]), i64([3]))
    second = opset8.slice(x, i64([half]), i64([np.iinfo(np.int64).max]), i64([1]), i64([3]))
    return opset1.concat([opset1.negative(second), first], axis=-1)


def rope(x, cos, sin):
    return opset1.add(opset1.multiply(x, cos), opset1.multiply(rotate_half(x), sin))


def repeat_kv(x, batch_and_len):
    """[b, KV_HEADS, s, HEAD] -> [b, HEADS, s, HEAD], as transformers' repeat_kv is traced."""
    groups = HEADS // KV_HEADS
    expanded = opset1.unsqueeze(x, i64([2]))
    b, s = batch_and_len
    target = opset1.concat([b, i64([KV_HEADS, groups]), s, i64([HEAD])], axis=0)
    broadcast = opset3.broadcast(expanded, target)
    return opset1.reshape(broadcast, opset1.concat([b, i64([HEADS]), s, i64([HEAD])], axis=0), special_zero=False)


def build():
    w = Weights(SEED)
    input_ids = opset1.parameter([-1, -1], ov.Type.i64, name="input_ids")
    attention_mask = opset1.parameter([-1, -1], ov.Type.i64, name="attention_mask")
    position_ids = opset1.parameter([-1, -1], ov.Type.i64, name="position_ids")
    beam_idx = opset1.parameter([-1], ov.Type.i32, name="beam_idx")
    for p in (input_ids, attention_mask, position_ids, beam_idx):
        p.output(0).get_tensor().set_names({p.get_friendly_name()})

    ids_shape = opset3.shape_of(input_ids, ov.Type.i64)
    batch = opset8.gather(ids_shape, i64([0]), i64(0))
    q_len = opset8.gather(ids_shape, i64([1]), i64(0))
    kv_len = opset8.gather(opset3.shape_of(attention_mask, ov.Type.i64), i64([1]), i64(0))

    embedding = w.matrix(VOCAB, HIDDEN, 1.0)
    hidden = opset8.gather(const(embedding), opset1.convert(input_ids, ov.Type.i32), i64(0), name="embed_tokens")

    # RoPE: inv_freq [1, HEAD/2, 1] @ positions [b, 1, s] -> [b, HEAD/2, s] -> [b, s, HEAD]
    inv_freq = 1.0 / (ROPE_THETA ** (np.arange(0, HEAD, 2, dtype=np.float32) / HEAD))
    positions = opset1.convert(opset1.unsqueeze(position_ids, i64([1])), ov.Type.f32)
    freqs = opset1.transpose(opset1.matmul(const(inv_freq.reshape(1, -1, 1)), positions, False, False), i64([0, 2, 1]))
    emb = opset1.concat([freqs, freqs], axis=-1)
    cos = opset1.unsqueeze(opset1.cos(emb), i64([1]))
    sin = opset1.unsqueeze(opset1.sin(emb), i64([1]))

    # mask [b, 1, q, kv]: a position may attend to the keys up to its own and not to padding
    past_len = opset1.subtract(kv_len, q_len)
    query_pos = opset1.unsqueeze(opset4.range(opset1.squeeze(past_len, i64([0])), opset1.squeeze(kv_len, i64([0])),
                                              i64(1), ov.Type.i64), i64([1]))
    key_pos = opset1.unsqueeze(opset4.range(i64(0), opset1.squeeze(kv_len, i64([0])), i64(1), ov.Type.i64), i64([0]))
    future = opset1.greater(key_pos, query_pos)
    padding = opset1.unsqueeze(opset1.equal(attention_mask, i64(0)), i64([1, 2]))
    masked = opset1.logical_or(future, padding)
    mask = opset1.select(masked, const(np.finfo(np.float32).min), const(0.0))

    zeros_shape = opset1.concat([batch, i64([KV_HEADS, 0, HEAD])], axis=0)
    sinks = []
    for layer in range(LAYERS):
        residual = hidden
        x = rms_norm(hidden, w.norm(HIDDEN), f"layers.{layer}.input_layernorm")
        q = heads(linear(x, w.matrix(HEADS * HEAD, HIDDEN, HIDDEN ** -0.5), f"layers.{layer}.q_proj"), HEADS)
        k = heads(linear(x, w.matrix(KV_HEADS * HEAD, HIDDEN, HIDDEN ** -0.5), f"layers.{layer}.k_proj"), KV_HEADS)
        v = heads(linear(x, w.matrix(KV_HEADS * HEAD, HIDDEN, HIDDEN ** -0.5), f"layers.{layer}.v_proj"), KV_HEADS)
        q = rope(q, cos, sin)
        k = rope(k, cos, sin)
        caches = []
        for kind, new in (("key", k), ("value", v)):
            var_id = f"past_key_values.{layer}.{kind}present.{layer}.{kind}"
            info = VariableInfo()
            info.data_shape = ov.PartialShape([-1, KV_HEADS, -1, HEAD])
            info.data_type = ov.Type.f32
            info.variable_id = var_id
            variable = Variable(info)
            init = opset3.broadcast(const(0.0), zeros_shape)
            past = read_value(init, variable)
            reordered = opset8.gather(past, beam_idx, i64(0))
            present = opset1.concat([reordered, new], axis=2)
            sinks.append(assign(present, variable))
            caches.append(present)
        seq = opset8.gather(opset3.shape_of(caches[0], ov.Type.i64), i64([2]), i64(0))
        k_all = repeat_kv(caches[0], (batch, seq))
        v_all = repeat_kv(caches[1], (batch, seq))
        attn = opset13.scaled_dot_product_attention(q, k_all, v_all, mask, const(HEAD ** -0.5), causal=False)
        attn = opset1.reshape(opset1.transpose(attn, i64([0, 2, 1, 3])), i64([0, 0, HIDDEN]), special_zero=True)
        hidden = opset1.add(residual, linear(attn, w.matrix(HIDDEN, HEADS * HEAD, HIDDEN ** -0.5), f"layers.{layer}.o_proj"))
        residual = hidden
        x = rms_norm(hidden, w.norm(HIDDEN), f"layers.{layer}.post_attention_layernorm")
        gate = linear(x, w.matrix(INTERMEDIATE, HIDDEN, HIDDEN ** -0.5), f"layers.{layer}.gate_proj")
        up = linear(x, w.matrix(INTERMEDIATE, HIDDEN, HIDDEN ** -0.5), f"layers.{layer}.up_proj")
        mlp = opset1.multiply(opset4.swish(gate), up)
        hidden = opset1.add(residual, linear(mlp, w.matrix(HIDDEN, INTERMEDIATE, INTERMEDIATE ** -0.5),
                                             f"layers.{layer}.down_proj"))
    hidden = rms_norm(hidden, w.norm(HIDDEN), "norm")
    logits = linear(hidden, w.matrix(VOCAB, HIDDEN, HIDDEN ** -0.5 * 4.0), "lm_head")
    result = opset1.result(logits, name="logits")
    result.output(0).get_tensor().set_names({"logits"})
    model = ov.Model([result], sinks, [input_ids, attention_mask, position_ids, beam_idx], "tiny-llama")
    return model


def main(argv):
    import nncf

    out = argv[1]
    os.makedirs(out, exist_ok=True)
    ov.save_model(build(), os.path.join(out, "tiny-llm-fp16.xml"), compress_to_fp16=True)
    int8 = nncf.compress_weights(build(), mode=nncf.CompressWeightsMode.INT8_ASYM)
    ov.save_model(int8, os.path.join(out, "tiny-llm-int8.xml"), compress_to_fp16=True)
    int4 = nncf.compress_weights(build(), mode=nncf.CompressWeightsMode.INT4_ASYM, group_size=32, ratio=1.0)
    ov.save_model(int4, os.path.join(out, "tiny-llm-int4.xml"), compress_to_fp16=True)


if __name__ == "__main__":
    main(sys.argv)
