"""Generate the OpenVINO IR test fixtures used by the ov2onnx Java tests.

Every fixture is a pair ``NAME.xml`` + ``NAME.bin`` (OpenVINO IR v11) built with
OpenVINO's Python opset API. All data is derived from fixed formulas or from
``numpy.random.default_rng`` with fixed seeds, so re-running the script gives
byte-identical files. See ``src/test/resources/fixtures/README.md`` for what each
fixture exercises and the exact constant values / expected functions.

Prerequisites::

    python -m venv venv && . venv/bin/activate
    pip install openvino==2026.4.1 numpy==2.3.5

Run (from the repository root)::

    python src/test/python/make_fixtures.py src/test/resources/fixtures

After saving, every model is read back with ``ov.Core().read_model`` and, where
that makes sense, compiled and run on CPU; results are checked against numpy
reference computations. The script exits non-zero if any check fails.
"""

import os
import sys

import numpy as np
import openvino as ov
from openvino import opset1, opset8
from openvino import opset16 as ops
from openvino.op.util import Variable, VariableInfo

CORE = ov.Core()


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def param(name, shape, etype):
    p = ops.parameter(shape, etype, name=name)
    p.get_output_tensor(0).set_names({name})
    return p


def named(node, name, port=0):
    """Set friendly name and the tensor name of output ``port``."""
    node.set_friendly_name(name)
    node.get_output_tensor(port).set_names({name})
    return node


def result(output, name):
    """Result whose friendly name is ``name``; the producing tensor gets the same name."""
    out = output.output(0) if isinstance(output, ov.Node) else output
    out.get_tensor().set_names({name})
    r = ops.result(out, name=name)
    return r


def save(model, outdir, name, compress=False):
    path = os.path.join(outdir, name + ".xml")
    ov.save_model(model, path, compress_to_fp16=compress)
    return path


def infer(path, inputs):
    model = CORE.read_model(path)
    compiled = CORE.compile_model(model, "CPU")
    res = compiled(inputs)
    return {out.get_any_name(): res[out] for out in compiled.outputs}


def check_close(actual, expected, what, rtol=1e-5, atol=1e-5):
    if not np.allclose(np.asarray(actual, dtype=np.float64),
                       np.asarray(expected, dtype=np.float64), rtol=rtol, atol=atol):
        raise AssertionError(f"{what}: mismatch\nactual={actual}\nexpected={expected}")


# --------------------------------------------------------------------------
# attrs_basic
# --------------------------------------------------------------------------

def make_attrs_basic(outdir):
    rng = np.random.default_rng(101)
    x = param("x", [1, 3, 8, 8], ov.Type.f32)

    # int vectors (strides/pads/dilations), string enum (auto_pad), f32 Constant
    w = ops.constant(((rng.standard_normal((4, 3, 3, 3))) * 0.3).astype(np.float32),
                     name="conv_weights")
    conv = ops.convolution(x, w, strides=[1, 1], pads_begin=[1, 1], pads_end=[1, 1],
                           dilations=[1, 1], auto_pad="explicit", name="conv")
    # float attributes
    elu = ops.elu(conv, alpha=0.5, name="elu")
    clamp = ops.clamp(elu, min_value=-0.25, max_value=3.0, name="clamp")
    # MaxPool-8: kernel/strides/dilations vectors, rounding_type, auto_pad,
    # index_element_type (element type attr), axis (int)
    mp = opset8.max_pool(clamp, strides=[2, 2], dilations=[1, 1], pads_begin=[0, 0],
                         pads_end=[0, 0], kernel_shape=[2, 2], rounding_type="ceil",
                         auto_pad="explicit", index_element_type="i32", axis=0,
                         name="maxpool")
    # AvgPool-1: exclude-pad (bool), auto_pad=same_upper
    ap = opset1.avg_pool(mp.output(0), strides=[1, 1], pads_begin=[1, 1], pads_end=[1, 1],
                         kernel_shape=[3, 3], exclude_pad=False, rounding_type="floor",
                         auto_pad="same_upper", name="avgpool")
    # Interpolate-11: mode, shape_calculation_mode, coordinate_transformation_mode,
    # nearest_mode (strings), antialias (bool), cube_coeff (float), pads (int vectors)
    scales = ops.constant(np.array([2.0, 2.0], dtype=np.float32), name="interp_scales")
    axes = ops.constant(np.array([2, 3], dtype=np.int64), name="interp_axes")
    interp = ops.interpolate(ap, scales, mode="nearest", shape_calculation_mode="scales",
                             pads_begin=[0, 0, 0, 0], pads_end=[0, 0, 0, 0],
                             coordinate_transformation_mode="asymmetric",
                             nearest_mode="floor", antialias=False, cube_coeff=-0.75,
                             axes=axes, name="interpolate")
    # MVN-6: normalize_variance (bool), eps (float), eps_mode (string)
    mvn_axes = ops.constant(np.array([2, 3], dtype=np.int64), name="mvn_axes")
    mvn = ops.mvn(interp, mvn_axes, normalize_variance=True, eps=1e-5,
                  eps_mode="inside_sqrt", name="mvn")
    # Concat: int axis (negative)
    cat = ops.concat([mvn, clamp], axis=-3, name="concat")             # [1,8,8,8]
    shape = ops.constant(np.array([8, 64], dtype=np.int64), name="reshape_shape")
    flat = ops.reshape(cat, shape, special_zero=False, name="reshape")  # [8,64]
    # MatMul: transpose_a / transpose_b (bools)
    wm = ops.constant((rng.standard_normal((5, 64)) * 0.1).astype(np.float32),
                      name="matmul_weights")
    mm = ops.matmul(flat, wm, transpose_a=False, transpose_b=True, name="matmul")  # [8,5]
    sm = ops.softmax(mm, axis=-1, name="softmax")
    r_main = result(sm, "out_main")

    # Gather-8 with batch_dims = 1 (int attr)
    gidx = ops.constant(np.array([[4, 0]] * 8, dtype=np.int32), name="gather_indices")
    gaxis = ops.constant(np.array(1, dtype=np.int64), name="gather_axis")
    gat = ops.gather(mm, gidx, gaxis, batch_dims=1, name="gather")   # [8,2]
    r_gather = result(gat, "out_gather")

    # TopK-11: mode/sort (string enums), index_element_type, stable (bool)
    k = ops.constant(np.array(3, dtype=np.int64), name="topk_k")
    topk = ops.topk(mm, k, axis=1, mode="max", sort="value", index_element_type="i32",
                    stable=True, name="topk")
    r_tv = result(topk.output(0), "out_topk_values")
    r_ti = result(topk.output(1), "out_topk_indices")

    # StridedSlice: mask int vectors, including empty ones
    ss_b = ops.constant(np.array([0, 1], dtype=np.int64), name="ss_begin")
    ss_e = ops.constant(np.array([0, 4], dtype=np.int64), name="ss_end")
    ss_s = ops.constant(np.array([1, 2], dtype=np.int64), name="ss_stride")
    ss = ops.strided_slice(mm, ss_b, ss_e, ss_s, begin_mask=[1, 0], end_mask=[1, 0],
                           new_axis_mask=[], shrink_axis_mask=[], ellipsis_mask=[],
                           name="strided_slice")                       # [8,2]
    # Einsum: free-form string attribute (equation)
    ein = ops.einsum([ss, gat], "ij,ij->i", name="einsum")             # [8]
    r_ein = result(ein, "out_einsum")

    # ShapeOf-3 output_type and Convert destination_type (element-type attrs)
    shp = ops.shape_of(x, output_type="i32", name="shape_of")
    cvt = ops.convert(shp, destination_type="f32", name="convert")
    r_shape = result(cvt, "out_shape")

    # PriorBox-8: float vector attrs (min_size, max_size, aspect_ratio, variance),
    # bools (flip, clip, scale_all_sizes, min_max_aspect_ratios_order), floats (step, offset)
    shp64 = ops.shape_of(x, output_type="i64", name="shape_of_i64")
    hw_idx = ops.constant(np.array([2, 3], dtype=np.int64), name="hw_indices")
    hw_axis = ops.constant(np.array(0, dtype=np.int64), name="hw_axis")
    layer_hw = ops.gather(shp64, hw_idx, hw_axis, name="layer_hw")     # [8,8]
    img_hw = ops.constant(np.array([32, 32], dtype=np.int64), name="image_hw")
    pb = opset8.prior_box(layer_hw, img_hw, {
        "min_size": [4.0, 8.0],
        "max_size": [12.0, 16.0],
        "aspect_ratio": [2.0, 0.5],
        "flip": False,
        "clip": True,
        "step": 4.0,
        "offset": 0.5,
        "variance": [0.1, 0.1, 0.2, 0.2],
        "scale_all_sizes": True,
        "min_max_aspect_ratios_order": False,
    }, name="prior_box")
    r_prior = result(pb, "out_prior")

    model = ov.Model([r_main, r_gather, r_tv, r_ti, r_ein, r_shape, r_prior], [x],
                     "attrs_basic")
    path = save(model, outdir, "attrs_basic")

    xin = np.random.default_rng(102).standard_normal((1, 3, 8, 8)).astype(np.float32)
    out = infer(path, {"x": xin})
    check_close(out["out_shape"], [1, 3, 8, 8], "attrs_basic shape")
    assert out["out_main"].shape == (8, 5)
    check_close(out["out_main"].sum(axis=-1), np.ones(8), "attrs_basic softmax")
    assert out["out_topk_indices"].dtype == np.int32
    assert out["out_prior"].shape[0] == 2
    return path


# --------------------------------------------------------------------------
# dynamic_shapes
# --------------------------------------------------------------------------

def make_dynamic_shapes(outdir):
    x = param("x", ov.PartialShape([ov.Dimension.dynamic(), ov.Dimension(3),
                                    ov.Dimension(1, 10), ov.Dimension(16)]), ov.Type.f32)
    y = param("y", ov.PartialShape.dynamic(), ov.Type.f32)
    rx = result(ops.relu(x, name="relu"), "x_relu")
    ry = result(ops.abs(y, name="abs"), "y_abs")
    model = ov.Model([rx, ry], [x, y], "dynamic_shapes")
    path = save(model, outdir, "dynamic_shapes")

    xin = np.linspace(-1, 1, 2 * 3 * 5 * 16, dtype=np.float32).reshape(2, 3, 5, 16)
    yin = np.arange(-12, 12, dtype=np.float32).reshape(2, 3, 4)
    # The CPU plugin rejects Parameters of dynamic rank, so check the read-back
    # model's shapes and run it after giving "y" a concrete rank.
    reread = CORE.read_model(path)
    assert str(reread.input("x").get_partial_shape()) == "[?,3,1..10,16]", \
        reread.input("x").get_partial_shape()
    assert reread.input("y").get_partial_shape().rank.is_dynamic
    reread.reshape({"y": ov.PartialShape([-1, -1, -1])})
    compiled = CORE.compile_model(reread, "CPU")
    res = compiled({"x": xin, "y": yin})
    out = {o.get_any_name(): res[o] for o in compiled.outputs}
    check_close(out["x_relu"], np.maximum(xin, 0), "dynamic relu")
    check_close(out["y_abs"], np.abs(yin), "dynamic abs")
    return path


# --------------------------------------------------------------------------
# subgraphs: TensorIterator, Loop, If
# --------------------------------------------------------------------------

def make_subgraphs(outdir):
    x = param("x", [1, 4, 2], ov.Type.f32)     # sequence of 4 steps, 2 features
    h0 = param("h0", [1, 2], ov.Type.f32)
    w = param("w", [1, 2], ov.Type.f32)

    # ---- TensorIterator: h_{t+1} = h_t * w + x_t --------------------------
    b_x = ops.parameter([1, 1, 2], ov.Type.f32, name="ti_body_x")
    b_h = ops.parameter([1, 2], ov.Type.f32, name="ti_body_h")
    b_w = ops.parameter([1, 2], ov.Type.f32, name="ti_body_w")
    xt = ops.reshape(b_x, ops.constant(np.array([1, 2], dtype=np.int64),
                                       name="ti_body_shape"), False, name="ti_body_xt")
    h_next = ops.add(ops.multiply(b_h, b_w, name="ti_body_mul"), xt, name="ti_body_h_next")
    h_seq = ops.unsqueeze(h_next, ops.constant(np.array([1], dtype=np.int64),
                                               name="ti_body_axis"), name="ti_body_h_seq")
    rb_h = ops.result(h_next, name="ti_body_out_h")
    rb_seq = ops.result(h_seq, name="ti_body_out_seq")
    ti_body = ov.Model([rb_h, rb_seq], [b_x, b_h, b_w], "ti_body")

    ti = ops.tensor_iterator()
    ti.set_friendly_name("tensor_iterator")
    ti.set_body(ti_body)
    ti.set_sliced_input(b_x, x.output(0), 0, 1, 1, -1, 1)   # start, stride, part, end, axis
    ti.set_merged_input(b_h, h0.output(0), rb_h.output(0))
    ti.set_invariant_input(b_w, w.output(0))
    ti_last = ti.get_iter_value(rb_h.output(0), -1)                     # [1,2]
    ti_all = ti.get_concatenated_slices(rb_seq.output(0), 0, 1, 1, -1, 1)  # [1,4,2]
    r_ti_last = result(ti_last, "ti_last")
    r_ti_all = result(ti_all, "ti_all")

    # ---- Loop: 3 iterations, acc += (i + 1) * h0, stops early if i >= 10 --
    trip = ops.constant(np.array(3, dtype=np.int64), name="loop_trip_count")
    cond = ops.constant(np.array(True, dtype=np.bool_), name="loop_exec_cond")
    l_iter = ops.parameter([1], ov.Type.i64, name="loop_body_iter")
    l_acc = ops.parameter([1, 2], ov.Type.f32, name="loop_body_acc")
    l_h = ops.parameter([1, 2], ov.Type.f32, name="loop_body_h")
    one = ops.constant(np.array([1], dtype=np.int64), name="loop_body_one")
    iter_f = ops.convert(ops.add(l_iter, one, name="loop_body_iter_plus1"), "f32",
                         name="loop_body_iter_f32")
    acc_next = ops.add(l_acc, ops.multiply(l_h, iter_f, name="loop_body_scaled"),
                       name="loop_body_acc_next")
    limit = ops.constant(np.array([10], dtype=np.int64), name="loop_body_limit")
    b_cond = ops.less(l_iter, limit, name="loop_body_cond")
    rl_cond = ops.result(b_cond, name="loop_body_out_cond")
    rl_acc = ops.result(acc_next, name="loop_body_out_acc")
    rl_seq = ops.result(ops.unsqueeze(acc_next, ops.constant(np.array([1], dtype=np.int64),
                                                             name="loop_body_axis"),
                                      name="loop_body_acc_seq"), name="loop_body_out_seq")
    loop_body = ov.Model([rl_cond, rl_acc, rl_seq], [l_iter, l_acc, l_h], "loop_body")

    loop = ops.loop(trip, cond)
    loop.set_friendly_name("loop")
    loop.set_function(loop_body)
    # [current_iteration body parameter index, body condition result index]
    loop.set_special_body_ports([0, 0])
    zeros = ops.constant(np.zeros((1, 2), dtype=np.float32), name="loop_acc_init")
    loop.set_merged_input(l_acc, zeros.output(0), rl_acc.output(0))
    loop.set_invariant_input(l_h, h0.output(0))
    loop_last = loop.get_iter_value(rl_acc.output(0), -1)                      # [1,2]
    loop_all = loop.get_concatenated_slices(rl_seq.output(0), 0, 1, 1, -1, 1)  # [1,3,2]
    r_loop_last = result(loop_last, "loop_last")
    r_loop_all = result(loop_all, "loop_all")

    # ---- If: sum(w) > 0 ? h0 * 2 : -h0 ------------------------------------
    wsum = ops.reduce_sum(w, ops.constant(np.array([0, 1], dtype=np.int64),
                                          name="if_axes"), keep_dims=False, name="if_wsum")
    if_cond = ops.greater(wsum, ops.constant(np.array(0.0, dtype=np.float32),
                                             name="if_zero"), name="if_cond")
    t_p = ops.parameter([1, 2], ov.Type.f32, name="then_h")
    t_r = ops.result(ops.multiply(t_p, ops.constant(np.array(2.0, dtype=np.float32),
                                                    name="then_two"), name="then_mul"),
                     name="then_out")
    then_body = ov.Model([t_r], [t_p], "then_body")
    e_p = ops.parameter([1, 2], ov.Type.f32, name="else_h")
    e_r = ops.result(ops.negative(e_p, name="else_neg"), name="else_out")
    else_body = ov.Model([e_r], [e_p], "else_body")
    if_node = ops.if_op(if_cond.output(0))
    if_node.set_friendly_name("if")
    if_node.set_then_body(then_body)
    if_node.set_else_body(else_body)
    if_node.set_input(h0.output(0), t_p, e_p)
    if_out = if_node.set_output(t_r, e_r)
    r_if = result(if_out, "if_out")

    model = ov.Model([r_ti_last, r_ti_all, r_loop_last, r_loop_all, r_if], [x, h0, w],
                     "subgraphs")
    path = save(model, outdir, "subgraphs")

    xin = np.arange(8, dtype=np.float32).reshape(1, 4, 2) * 0.5
    h0in = np.array([[1.0, -2.0]], dtype=np.float32)
    for win in (np.array([[0.5, 2.0]], dtype=np.float32),
                np.array([[-0.5, -2.0]], dtype=np.float32)):
        out = infer(path, {"x": xin, "h0": h0in, "w": win})
        h = h0in.copy()
        seq = []
        for t in range(4):
            h = h * win + xin[:, t, :]
            seq.append(h)
        check_close(out["ti_last"], h, "ti_last")
        check_close(out["ti_all"], np.stack(seq, axis=1), "ti_all")
        acc = np.zeros((1, 2), np.float32)
        accs = []
        for i in range(3):
            acc = acc + h0in * (i + 1)
            accs.append(acc)
        check_close(out["loop_last"], acc, "loop_last")
        check_close(out["loop_all"], np.stack(accs, axis=1), "loop_all")
        check_close(out["if_out"], h0in * 2 if win.sum() > 0 else -h0in, "if_out")
    return path


# --------------------------------------------------------------------------
# stateful
# --------------------------------------------------------------------------

def make_stateful(outdir):
    x = param("x", [1, 4], ov.Type.f32)
    info = VariableInfo()
    info.variable_id = "state_var"
    info.data_type = ov.Type.f32
    info.data_shape = ov.PartialShape([1, 4])
    var = Variable(info)
    init = ops.constant(np.zeros((1, 4), dtype=np.float32), name="state_init")
    rv = ops.read_value(init, var, name="read_state")
    acc = ops.add(rv, x, name="accumulate")
    assign = ops.assign(acc, var)
    assign.set_friendly_name("assign_state")
    r = result(acc, "out")
    model = ov.Model([r], [assign], [x], "stateful")
    path = save(model, outdir, "stateful")

    compiled = CORE.compile_model(CORE.read_model(path), "CPU")
    req = compiled.create_infer_request()
    xin = np.array([[1, 2, 3, 4]], dtype=np.float32)
    for step in range(1, 4):
        out = req.infer({"x": xin})[compiled.output("out")]
        check_close(out, xin * step, f"stateful step {step}")
    return path


# --------------------------------------------------------------------------
# constants
# --------------------------------------------------------------------------

STRING_VALUES = [["hello", ""], ["w\u00f6rld", "ov2onnx"]]


# (type name, ov type, numpy array) or (type name, ov type, raw bytes, shape)
def constant_specs():
    specs = []
    specs.append(("f32", ov.Type.f32,
                  np.arange(16384, dtype=np.float32).reshape(128, 128) * np.float32(0.5)))
    specs.append(("f16", ov.Type.f16,
                  ((np.arange(32, dtype=np.float32) - 16) * 0.25).astype(np.float16)
                  .reshape(4, 8)))
    # bf16 has no numpy dtype: keep the upper 16 bits of exactly-representable f32 values
    bf16_f32 = (np.arange(16, dtype=np.float32) - 8) * np.float32(0.5)
    specs.append(("bf16", ov.Type.bf16,
                  (bf16_f32.view(np.uint32) >> 16).astype("<u2").tobytes(), [16]))
    specs.append(("f64", ov.Type.f64,
                  (np.arange(6, dtype=np.float64) - 2.5) / 3.0))
    specs.append(("i8", ov.Type.i8,
                  np.arange(-128, 128, 17, dtype=np.int16).astype(np.int8)))
    specs.append(("u8", ov.Type.u8, np.arange(0, 256, 17, dtype=np.int16).astype(np.uint8)))
    specs.append(("i16", ov.Type.i16,
                  ((np.arange(8, dtype=np.int32) - 4) * 8191).astype(np.int16)))
    specs.append(("u16", ov.Type.u16, (np.arange(8, dtype=np.int32) * 9362).astype(np.uint16)))
    specs.append(("i32", ov.Type.i32,
                  ((np.arange(12, dtype=np.int64) - 6) * 123456789).astype(np.int32)
                  .reshape(3, 4)))
    specs.append(("u32", ov.Type.u32, (np.arange(6, dtype=np.uint64) * 800000000)
                  .astype(np.uint32)))
    specs.append(("i64", ov.Type.i64,
                  ((np.arange(6, dtype=np.int64) - 3) * 1234567890123).reshape(2, 3)))
    specs.append(("u64", ov.Type.u64, np.arange(4, dtype=np.uint64) * np.uint64(5000000000000000000)))
    specs.append(("boolean", ov.Type.boolean, (np.arange(10) % 3 == 0)))
    # packed low-bit types: raw bytes are built here explicitly (see README)
    u1_vals = (np.arange(20) % 3 == 0).astype(np.uint8)
    specs.append(("u1", ov.Type.u1, np.packbits(u1_vals, bitorder="big").tobytes(), [20]))
    u4_vals = (np.arange(15) * 7) % 16
    specs.append(("u4", ov.Type.u4, pack_nibbles(u4_vals), [15]))
    i4_vals = (np.arange(15) * 5) % 16 - 8
    specs.append(("i4", ov.Type.i4, pack_nibbles(i4_vals & 0xF), [15]))
    nf4_idx = np.arange(16)
    specs.append(("nf4", ov.Type.nf4, pack_nibbles(nf4_idx), [16]))
    f8_bytes = np.arange(0, 0x70, 8, dtype=np.uint8)
    specs.append(("f8e4m3", ov.Type.f8e4m3, f8_bytes.tobytes(), [14]))
    specs.append(("f8e5m2", ov.Type.f8e5m2, f8_bytes.tobytes(), [14]))
    return specs


def pack_nibbles(vals):
    vals = [int(v) & 0xF for v in vals]
    if len(vals) % 2:
        vals = vals + [0]
    return bytes(vals[i] | (vals[i + 1] << 4) for i in range(0, len(vals), 2))


def make_const(tname, etype, data, shape=None):
    if isinstance(data, (bytes, bytearray)):
        t = ov.Tensor(etype, ov.Shape(shape))
        raw = np.frombuffer(data, dtype=np.uint8)
        view = t.data.view(np.uint8).reshape(-1)
        assert view.size == raw.size, (tname, view.size, raw.size)
        view[:] = raw
        c = ov.op.Constant(t)
    else:
        c = ops.constant(np.ascontiguousarray(data), dtype=etype)
    c.set_friendly_name("const_" + tname)
    c.get_output_tensor(0).set_names({"const_" + tname})
    assert c.get_element_type() == etype, (tname, c.get_element_type())
    return c


def const_raw_bytes(node):
    """Raw bytes of a Constant as stored in the .bin."""
    return np.asarray(node.get_data()).view(np.uint8).tobytes()


def make_constants(outdir):
    x = param("x", [128, 128], ov.Type.f32)
    results = []
    consts = {}
    expected_bytes = {}
    for spec in constant_specs():
        tname, etype, data = spec[0], spec[1], spec[2]
        shape = spec[3] if len(spec) > 3 else None
        c = make_const(tname, etype, data, shape)
        consts[tname] = c
        expected_bytes[tname] = (bytes(data) if isinstance(data, (bytes, bytearray))
                                 else np.ascontiguousarray(data).tobytes())
        if tname == "f32":
            results.append(result(ops.add(x, c, name="add_f32"), "sum_f32"))
        else:
            results.append(ops.result(c, name="out_" + tname))
    s = ov.op.Constant(ov.Tensor(np.array(STRING_VALUES)))
    s.set_friendly_name("const_string")
    s.get_output_tensor(0).set_names({"const_string"})
    results.append(ops.result(s, name="out_string"))
    model = ov.Model(results, [x], "constants")
    path = save(model, outdir, "constants")

    reread = CORE.read_model(path)
    seen = {}
    for op in reread.get_ordered_ops():
        if op.get_type_name() == "Constant" and op.get_friendly_name().startswith("const_"):
            seen[op.get_friendly_name()[6:]] = op
    for tname, exp in expected_bytes.items():
        got = const_raw_bytes(seen[tname])
        assert got == exp, f"constant {tname}: bytes differ\n{got.hex()}\n{exp.hex()}"
    assert seen["string"].get_element_type() == ov.Type.string
    assert seen["string"].get_tensor_view().str_data.tolist() == STRING_VALUES
    return path


def make_strings(outdir):
    x = param("x", [2, 2], ov.Type.f32)
    s = ov.op.Constant(ov.Tensor(np.array(STRING_VALUES)))
    s.set_friendly_name("const_string")
    s.get_output_tensor(0).set_names({"const_string"})
    r_s = ops.result(s, name="out_string")
    r_x = result(ops.relu(x, name="relu"), "y")
    model = ov.Model([r_s, r_x], [x], "strings")
    path = save(model, outdir, "strings")
    reread = CORE.read_model(path)
    c = [op for op in reread.get_ordered_ops() if op.get_friendly_name() == "const_string"][0]
    assert c.get_element_type() == ov.Type.string
    vals = c.get_tensor_view().str_data
    assert vals.tolist() == STRING_VALUES, vals
    out = infer(path, {"x": np.ones((2, 2), np.float32)})
    assert out["const_string"].tolist() == STRING_VALUES
    return path


# --------------------------------------------------------------------------
# compressed_fp16
# --------------------------------------------------------------------------

def make_compressed_fp16(outdir):
    rng = np.random.default_rng(303)
    x = param("x", [2, 8], ov.Type.f32)
    wv = (np.arange(32, dtype=np.float32).reshape(8, 4) - 16) * np.float32(0.125)
    bv = np.array([0.5, -0.25, 1.0, 2.0], dtype=np.float32)
    w = ops.constant(wv, name="weights")
    b = ops.constant(bv, name="bias")
    mm = ops.matmul(x, w, False, False, name="matmul")
    y = ops.add(mm, b, name="add")
    r = result(y, "y")
    model = ov.Model([r], [x], "compressed_fp16")
    path = save(model, outdir, "compressed_fp16", compress=True)

    text = open(path, encoding="utf-8").read()
    assert 'element_type="f16"' in text and 'type="Convert"' in text, "no f16 compression"
    assert "decompression" in text, "no decompression rt_info"
    xin = rng.standard_normal((2, 8)).astype(np.float32)
    out = infer(path, {"x": xin})
    check_close(out["y"], xin @ wv + bv, "compressed_fp16", rtol=1e-3, atol=1e-3)
    return path


# --------------------------------------------------------------------------
# dtypes_*
# --------------------------------------------------------------------------

DTYPE_INPUTS = {
    "f32": np.array([[-1.5, 0, 1], [2.25, 3, -4]], dtype=np.float32),
    "f16": np.array([[-1.5, 0, 1], [2.25, 3, -4]], dtype=np.float16),
    "f64": np.array([[-1.5, 0, 1], [2.25, 3, -4]], dtype=np.float64),
    "i8": np.array([[-60, -1, 0], [1, 2, 63]], dtype=np.int8),
    "u8": np.array([[0, 1, 2], [3, 100, 127]], dtype=np.uint8),
    "i16": np.array([[-16000, -1, 0], [1, 2, 16000]], dtype=np.int16),
    "u16": np.array([[0, 1, 2], [3, 1000, 32767]], dtype=np.uint16),
    "i32": np.array([[-1000000, -1, 0], [1, 2, 1000000]], dtype=np.int32),
    "u32": np.array([[0, 1, 2], [3, 1000, 1000000]], dtype=np.uint32),
    "i64": np.array([[-1000000, -1, 0], [1, 2, 1000000]], dtype=np.int64),
    "u64": np.array([[0, 1, 2], [3, 1000, 1000000]], dtype=np.uint64),
    "boolean": np.array([[True, False, True], [False, False, True]], dtype=np.bool_),
}

DTYPE_TYPES = {
    "f32": ov.Type.f32, "f16": ov.Type.f16, "bf16": ov.Type.bf16, "f64": ov.Type.f64,
    "i8": ov.Type.i8, "u8": ov.Type.u8, "i16": ov.Type.i16, "u16": ov.Type.u16,
    "i32": ov.Type.i32, "u32": ov.Type.u32, "i64": ov.Type.i64, "u64": ov.Type.u64,
    "boolean": ov.Type.boolean, "string": ov.Type.string,
}

# How each dtype model is built: "mul2" = Multiply by a Constant 2 of the same
# type, "not" = LogicalNot, "identity" = Reshape to the same shape [2,3].
DTYPE_FUNCS = {
    "boolean": "not",
    "string": "identity",
}


def dtype_model(tname):
    etype = DTYPE_TYPES[tname]
    func = DTYPE_FUNCS.get(tname, "mul2")
    p = param("in", [2, 3], etype)
    if func == "mul2":
        if tname == "bf16":
            two = make_const_bf16_two()
        else:
            two = ops.constant(np.array(2, dtype=etype.to_dtype()), name="two")
        y = ops.multiply(p, two, name="mul")
    elif func == "not":
        y = ops.logical_not(p, name="not")
    else:
        y = ops.reshape(p, ops.constant(np.array([2, 3], dtype=np.int64), name="shape"),
                        special_zero=False, name="reshape")
    r = result(y, "out")
    return ov.Model([r], [p], "dtypes_" + tname), func


def make_const_bf16_two():
    t = ov.Tensor(ov.Type.bf16, ov.Shape([]))
    t.data.reshape(-1).view(np.uint8)[:] = np.frombuffer(
        np.array([0x4000], dtype="<u2").tobytes(), dtype=np.uint8)   # bf16 2.0 = 0x4000
    c = ov.op.Constant(t)
    c.set_friendly_name("two")
    return c


def bf16_to_f32(raw_u16):
    return (np.asarray(raw_u16, dtype=np.uint32) << 16).view(np.float32)


def run_dtype(path, tname, func):
    compiled = CORE.compile_model(CORE.read_model(path), "CPU")
    req = compiled.create_infer_request()
    if tname == "bf16":
        vals = np.array([[-1.5, 0, 1], [2.25, 3, -4]], dtype=np.float32)
        t = ov.Tensor(ov.Type.bf16, ov.Shape([2, 3]))
        t.data.view(np.uint16).reshape(2, 3)[:] = (vals.view(np.uint32) >> 16).astype(np.uint16)
        req.set_tensor("in", t)
        req.infer()
        out_t = req.get_tensor("out")
        assert out_t.element_type == ov.Type.bf16, out_t.element_type
        got = bf16_to_f32(out_t.data.view(np.uint16).reshape(2, 3))
        check_close(got, vals * 2, "dtypes_bf16")
        return
    if tname == "string":
        vals = np.array([["a", "bc", ""], ["d\u00e9f", "ov", "x y"]])
        req.set_tensor("in", ov.Tensor(vals))
        req.infer()
        out_t = req.get_tensor("out")
        assert out_t.element_type == ov.Type.string
        assert out_t.str_data.tolist() == vals.tolist(), out_t.str_data
        return
    vals = DTYPE_INPUTS[tname]
    out = req.infer({"in": vals})[compiled.output("out")]
    out_t = req.get_tensor("out")
    assert out_t.element_type == DTYPE_TYPES[tname], (tname, out_t.element_type)
    if func == "mul2":
        exp = vals * vals.dtype.type(2)
    elif func == "not":
        exp = np.logical_not(vals)
    else:
        exp = vals
    assert out.dtype == exp.dtype, (tname, out.dtype, exp.dtype)
    assert np.array_equal(out, exp), (tname, out, exp)


def make_dtypes(outdir):
    made, failed = [], []
    for tname in DTYPE_TYPES:
        model, func = dtype_model(tname)
        path = save(model, outdir, "dtypes_" + tname)
        try:
            run_dtype(path, tname, func)
            made.append((tname, func))
        except Exception as e:  # keep going; report at the end
            failed.append((tname, func, repr(e)))
            for ext in (".xml", ".bin"):
                os.remove(os.path.join(outdir, "dtypes_" + tname + ext))
    return made, failed


# --------------------------------------------------------------------------

def main(argv):
    if len(argv) != 2:
        print("usage: python make_fixtures.py OUTDIR", file=sys.stderr)
        return 2
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    for fn in (make_attrs_basic, make_dynamic_shapes, make_subgraphs, make_stateful,
               make_constants, make_strings, make_compressed_fp16):
        path = fn(outdir)
        print("ok  ", path)
    made, failed = make_dtypes(outdir)
    for tname, func in made:
        print("ok  ", os.path.join(outdir, "dtypes_" + tname + ".xml"), "(" + func + ")")
    for tname, func, err in failed:
        print("FAIL", "dtypes_" + tname, "(" + func + "):", err)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
