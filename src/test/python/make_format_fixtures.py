"""Generate tiny non-IR model fixtures (ONNX, TensorFlow, TFLite, PaddlePaddle).

The ov2onnx Java tests use these files to prove that OpenVINO's reader
(``ov.Core().read_model``) loads each source format. Every file is built here
from scratch without the source frameworks themselves:

* ONNX files use the ``onnx`` helper API.
* TensorFlow GraphDef / SavedModel and PaddlePaddle ProgramDesc files are
  written with the small protobuf wire-format encoder below (field numbers
  follow TensorFlow's graph.proto / node_def.proto / attr_value.proto /
  tensor_shape.proto / types.proto / versions.proto / meta_graph.proto /
  saved_model.proto and Paddle's framework.proto).
* The TFLite file is written with ``flatbuffers.Builder`` following the
  TFLite schema (schema version 3) field order.

All data comes from fixed formulas, so re-running the script gives
byte-identical files. ``src/test/resources/formats/README.md`` describes every
file (input/output names, dtypes, shapes and the function computed).

Prerequisites (the versions the checked-in files were made with)::

    python -m venv venv && . venv/bin/activate
    pip install openvino==2026.4.1 numpy==2.3.5 onnx==1.19.1 \\
        protobuf==7.36.2 flatbuffers==25.12.19

(``onnx==1.19.1`` pulls ``protobuf``, ``ml_dtypes==0.6.0`` and
``typing_extensions``; ``protobuf`` itself is only needed by ``onnx``.)

Run (from the repository root)::

    python src/test/python/make_format_fixtures.py src/test/resources/formats

After writing, every model is read back with ``ov.Core().read_model`` (from its
file path), compiled on CPU, run on a fixed input and compared with numpy. The
script exits non-zero if any check fails.
"""

import os
import shutil
import struct
import sys
import tempfile

import flatbuffers
import numpy as np
import onnx
import openvino as ov
from onnx import TensorProto, helper, numpy_helper

CORE = ov.Core()


# --------------------------------------------------------------------------
# checking helpers
# --------------------------------------------------------------------------

def infer(path, inputs):
    """read_model(path) -> compile on CPU -> run; returns {any_name: array}, model."""
    model = CORE.read_model(path)
    compiled = CORE.compile_model(model, "CPU")
    res = compiled(inputs)
    return {out.get_any_name(): res[out] for out in compiled.outputs}, model


def check(path, inputs, expected, in_names, out_names):
    """Run ``path`` and compare with ``expected`` ({output name: array})."""
    out, model = infer(path, inputs)
    got_in = [sorted(p.get_names()) for p in model.inputs]
    got_out = [sorted(o.get_names()) for o in model.outputs]
    for name, names in zip(in_names, got_in):
        if name not in names:
            raise AssertionError(f"{path}: input names {got_in}, wanted {in_names}")
    for name, names in zip(out_names, got_out):
        if name not in names:
            raise AssertionError(f"{path}: output names {got_out}, wanted {out_names}")
    if len(got_in) != len(in_names) or len(got_out) != len(out_names):
        raise AssertionError(f"{path}: inputs {got_in}, outputs {got_out}")
    by_name = {}
    for o, arr in zip(model.outputs, out.values()):
        for n in o.get_names():
            by_name[n] = arr
    for name, exp in expected.items():
        act = by_name[name]
        if act.shape != exp.shape or act.dtype != exp.dtype:
            raise AssertionError(f"{path}: {name} is {act.dtype}{act.shape}, "
                                 f"wanted {exp.dtype}{exp.shape}")
        if not np.allclose(act, exp, rtol=1e-6, atol=1e-6):
            raise AssertionError(f"{path}: {name} mismatch\nactual={act}\nexpected={exp}")
    size = os.path.getsize(path) if os.path.isfile(path) else 0
    if size > 50 * 1024:
        raise AssertionError(f"{path}: {size} bytes, fixtures must stay < 50 KB")


# A fixed test input with negative, zero and positive values.
X23 = np.array([[-1.5, 0.0, 2.0], [3.25, -0.5, 1.0]], dtype=np.float32)


# --------------------------------------------------------------------------
# protobuf wire format (proto2/proto3 encoding, enough for these files)
# --------------------------------------------------------------------------

def _varint(n):
    if n < 0:                      # int32/int64/enum negatives: 10-byte two's complement
        n += 1 << 64
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def pb_int(field, value):
    """varint field (int32, int64, uint64, bool, enum)."""
    return _varint(field << 3 | 0) + _varint(int(value))


def pb_bytes(field, value):
    """length-delimited field (string, bytes, embedded message)."""
    if isinstance(value, str):
        value = value.encode("utf-8")
    return _varint(field << 3 | 2) + _varint(len(value)) + value


def pb_float(field, value):
    """32-bit float field (wire type 5)."""
    return _varint(field << 3 | 5) + struct.pack("<f", value)


def pb_map(field, entries):
    """map<string, Message>: one MapEntry{key=1, value=2} per item, in the given order."""
    return b"".join(pb_bytes(field, pb_bytes(1, k) + pb_bytes(2, v)) for k, v in entries)


# --------------------------------------------------------------------------
# TensorFlow messages (tensorflow/core/framework/*.proto)
# --------------------------------------------------------------------------

DT_FLOAT = 1          # types.proto DataType


def tf_shape(dims):
    # TensorShapeProto { repeated Dim dim = 2; }  Dim { int64 size = 1; string name = 2; }
    return b"".join(pb_bytes(2, pb_int(1, d)) for d in dims)


def tf_attr_type(dtype):
    return pb_int(6, dtype)            # AttrValue.type = 6 (DataType)


def tf_attr_shape(dims):
    return pb_bytes(7, tf_shape(dims))  # AttrValue.shape = 7 (TensorShapeProto)


def tf_node(name, op, inputs=(), attrs=()):
    # NodeDef { string name = 1; string op = 2; repeated string input = 3;
    #           string device = 4; map<string, AttrValue> attr = 5; }
    msg = pb_bytes(1, name) + pb_bytes(2, op)
    for i in inputs:
        msg += pb_bytes(3, i)
    msg += pb_map(5, sorted(attrs))
    return msg


def tf_relu_graph():
    # GraphDef { repeated NodeDef node = 1; VersionDef versions = 4; }
    # VersionDef { int32 producer = 1; int32 min_consumer = 2; }
    nodes = [
        tf_node("x", "Placeholder",
                attrs=[("dtype", tf_attr_type(DT_FLOAT)), ("shape", tf_attr_shape([2, 3]))]),
        tf_node("y", "Relu", inputs=["x"], attrs=[("T", tf_attr_type(DT_FLOAT))]),
    ]
    return b"".join(pb_bytes(1, n) for n in nodes) + pb_bytes(4, pb_int(1, 1882))


# --------------------------------------------------------------------------
# 1. relu_add.onnx
# --------------------------------------------------------------------------

def onnx_model(graph):
    model = helper.make_model(graph, producer_name="ov2onnx-fixtures",
                              opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def make_relu_add_onnx(outdir):
    c = (np.arange(6, dtype=np.float32) * 0.5).reshape(2, 3)
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["r"], name="relu"),
         helper.make_node("Add", ["r", "c"], ["y"], name="add")],
        "relu_add",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 3])],
        initializer=[numpy_helper.from_array(c, "c")])
    path = os.path.join(outdir, "relu_add.onnx")
    onnx.save_model(onnx_model(graph), path)
    check(path, {"x": X23}, {"y": np.maximum(X23, 0) + c}, ["x"], ["y"])
    return [path]


# --------------------------------------------------------------------------
# 2. external/matmul_ext.onnx + external/weights.bin
# --------------------------------------------------------------------------

def make_matmul_ext_onnx(outdir):
    d = os.path.join(outdir, "external")
    os.makedirs(d, exist_ok=True)
    w = (np.arange(12, dtype=np.float32) * 0.25 - 1.0).reshape(4, 3)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "W"], ["y"], name="matmul")],
        "matmul_ext",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 3])],
        initializer=[numpy_helper.from_array(w, "W")])
    path = os.path.join(d, "matmul_ext.onnx")
    data = os.path.join(d, "weights.bin")
    if os.path.exists(data):       # onnx appends to an existing data file
        os.remove(data)
    onnx.save_model(onnx_model(graph), path, save_as_external_data=True,
                    all_tensors_to_one_file=True, location="weights.bin",
                    size_threshold=0)
    # the weights must really live outside the .onnx file
    m = onnx.load_model(path, load_external_data=False)
    init = m.graph.initializer[0]
    assert init.data_location == TensorProto.EXTERNAL and not init.raw_data, init
    assert os.path.getsize(data) == w.nbytes
    with open(data, "rb") as f:
        assert np.array_equal(np.frombuffer(f.read(), dtype="<f4").reshape(4, 3), w)
    x = np.array([[1.0, -2.0, 0.5, 3.0], [0.0, 1.0, -1.0, 2.0]], dtype=np.float32)
    check(path, {"x": x}, {"y": x @ w}, ["x"], ["y"])
    # ... and OpenVINO must really need them: without weights.bin beside it, reading fails.
    with tempfile.TemporaryDirectory() as tmp:
        lone = os.path.join(tmp, "matmul_ext.onnx")
        shutil.copyfile(path, lone)
        try:
            CORE.compile_model(CORE.read_model(lone), "CPU")
        except RuntimeError:
            pass
        else:
            raise AssertionError(f"{path}: read without weights.bin did not fail")
    return [path, data]


# --------------------------------------------------------------------------
# 3. relu.pb (TensorFlow frozen GraphDef)
# --------------------------------------------------------------------------

def make_relu_pb(outdir):
    path = os.path.join(outdir, "relu.pb")
    with open(path, "wb") as f:
        f.write(tf_relu_graph())
    # OpenVINO's TensorFlow frontend names the tensors "<node>:<port>"
    check(path, {"x:0": X23}, {"y:0": np.maximum(X23, 0)}, ["x:0"], ["y:0"])
    return [path]


# --------------------------------------------------------------------------
# 4. relu.tflite
# --------------------------------------------------------------------------

TFL_FLOAT32 = 0       # TensorType.FLOAT32
TFL_RELU = 19         # BuiltinOperator.RELU


def _fb_vector_i32(b, values):
    b.StartVector(4, len(values), 4)
    for v in reversed(values):
        b.PrependInt32(v)
    return b.EndVector()


def _fb_vector_offsets(b, offsets):
    b.StartVector(4, len(offsets), 4)
    for o in reversed(offsets):
        b.PrependUOffsetTRelative(o)
    return b.EndVector()


def tflite_relu_model():
    b = flatbuffers.Builder(1024)

    # Buffers: 0 = empty sentinel, 1 and 2 = empty (activation) buffers of x and y.
    buffers = []
    for _ in range(3):
        b.StartObject(3)                 # Buffer { data, offset, size }
        buffers.append(b.EndObject())

    def tensor(name, buf):
        n = b.CreateString(name)
        shape = _fb_vector_i32(b, [1, 4])
        b.StartObject(4)                 # Tensor { shape, type, buffer, name, ... }
        b.PrependUOffsetTRelativeSlot(0, shape, 0)
        b.PrependInt8Slot(1, TFL_FLOAT32, -1)   # force-write (0 is the schema default)
        b.PrependUint32Slot(2, buf, 0)
        b.PrependUOffsetTRelativeSlot(3, n, 0)
        return b.EndObject()

    t_x = tensor("x", 1)
    t_y = tensor("y", 2)

    op_in = _fb_vector_i32(b, [0])
    op_out = _fb_vector_i32(b, [1])
    b.StartObject(3)                     # Operator { opcode_index, inputs, outputs }
    b.PrependUint32Slot(0, 0, 1)         # force-write opcode_index 0
    b.PrependUOffsetTRelativeSlot(1, op_in, 0)
    b.PrependUOffsetTRelativeSlot(2, op_out, 0)
    op = b.EndObject()

    sg_name = b.CreateString("main")
    sg_tensors = _fb_vector_offsets(b, [t_x, t_y])
    sg_in = _fb_vector_i32(b, [0])
    sg_out = _fb_vector_i32(b, [1])
    sg_ops = _fb_vector_offsets(b, [op])
    b.StartObject(5)                     # SubGraph { tensors, inputs, outputs, operators, name }
    b.PrependUOffsetTRelativeSlot(0, sg_tensors, 0)
    b.PrependUOffsetTRelativeSlot(1, sg_in, 0)
    b.PrependUOffsetTRelativeSlot(2, sg_out, 0)
    b.PrependUOffsetTRelativeSlot(3, sg_ops, 0)
    b.PrependUOffsetTRelativeSlot(4, sg_name, 0)
    subgraph = b.EndObject()

    # OperatorCode { deprecated_builtin_code: byte, custom_code, version: int = 1,
    #                builtin_code: int }
    b.StartObject(4)
    b.PrependInt8Slot(0, TFL_RELU, 0)
    b.PrependInt32Slot(2, 1, 0)
    b.PrependInt32Slot(3, TFL_RELU, 0)
    opcode = b.EndObject()

    desc = b.CreateString("ov2onnx test fixture")
    v_opcodes = _fb_vector_offsets(b, [opcode])
    v_subgraphs = _fb_vector_offsets(b, [subgraph])
    v_buffers = _fb_vector_offsets(b, buffers)
    b.StartObject(5)                     # Model { version, operator_codes, subgraphs,
    b.PrependUint32Slot(0, 3, 0)         #         description, buffers }
    b.PrependUOffsetTRelativeSlot(1, v_opcodes, 0)
    b.PrependUOffsetTRelativeSlot(2, v_subgraphs, 0)
    b.PrependUOffsetTRelativeSlot(3, desc, 0)
    b.PrependUOffsetTRelativeSlot(4, v_buffers, 0)
    model = b.EndObject()
    b.Finish(model, file_identifier=b"TFL3")
    return bytes(b.Output())


def make_relu_tflite(outdir):
    path = os.path.join(outdir, "relu.tflite")
    with open(path, "wb") as f:
        f.write(tflite_relu_model())
    x = np.array([[-2.0, -0.25, 0.0, 1.5]], dtype=np.float32)
    check(path, {"x": x}, {"y": np.maximum(x, 0)}, ["x"], ["y"])
    return [path]


# --------------------------------------------------------------------------
# 5. paddle/relu_scale.pdmodel (PaddlePaddle ProgramDesc, no parameters)
# --------------------------------------------------------------------------

# framework.proto enums
PD_FP32, PD_LOD_TENSOR, PD_FEED_MINIBATCH, PD_FETCH_LIST = 5, 7, 9, 10
PD_INT, PD_FLOAT, PD_BOOLEAN = 0, 1, 6


def pd_var(name, vtype, dims=None, persistable=False):
    # VarType { Type type = 1; LoDTensorDesc lod_tensor = 3; }
    # LoDTensorDesc { TensorDesc tensor = 1; int32 lod_level = 2; }
    # TensorDesc { Type data_type = 1; repeated int64 dims = 2; }
    vt = pb_int(1, vtype)
    if dims is not None:
        td = pb_int(1, PD_FP32) + b"".join(pb_int(2, d) for d in dims)
        vt += pb_bytes(3, pb_bytes(1, td) + pb_int(2, 0))
    # VarDesc { string name = 1; VarType type = 2; bool persistable = 3;
    #           bool need_check_feed = 4; bool stop_gradient = 6; }
    msg = pb_bytes(1, name) + pb_bytes(2, vt) + pb_int(3, persistable)
    if dims is not None:
        msg += pb_int(4, name == "x") + pb_int(6, True)
    return msg


def pd_attr(name, atype, value):
    # OpDesc.Attr { string name = 1; AttrType type = 2; int32 i = 3; float f = 4; bool b = 10; }
    msg = pb_bytes(1, name) + pb_int(2, atype)
    if atype == PD_INT:
        msg += pb_int(3, value)
    elif atype == PD_FLOAT:
        msg += pb_float(4, value)
    elif atype == PD_BOOLEAN:
        msg += pb_int(10, value)
    else:
        raise ValueError(atype)
    return msg


def pd_op(optype, inputs, outputs, attrs=()):
    # OpDesc { repeated Var inputs = 1; repeated Var outputs = 2; string type = 3;
    #          repeated Attr attrs = 4; }  Var { string parameter = 1; repeated string arguments = 2; }
    def var(param, args):
        return pb_bytes(1, param) + b"".join(pb_bytes(2, a) for a in args)
    msg = b"".join(pb_bytes(1, var(p, a)) for p, a in inputs)
    msg += b"".join(pb_bytes(2, var(p, a)) for p, a in outputs)
    msg += pb_bytes(3, optype)
    msg += b"".join(pb_bytes(4, pd_attr(*a)) for a in attrs)
    return msg


def paddle_relu_scale_program():
    variables = [
        pd_var("feed", PD_FEED_MINIBATCH, persistable=True),
        pd_var("fetch", PD_FETCH_LIST, persistable=True),
        pd_var("x", PD_LOD_TENSOR, dims=[2, 3]),
        pd_var("relu_0.tmp_0", PD_LOD_TENSOR, dims=[2, 3]),
        pd_var("y", PD_LOD_TENSOR, dims=[2, 3]),
    ]
    ops = [
        pd_op("feed", [("X", ["feed"])], [("Out", ["x"])], [("col", PD_INT, 0)]),
        pd_op("relu", [("X", ["x"])], [("Out", ["relu_0.tmp_0"])]),
        pd_op("scale", [("X", ["relu_0.tmp_0"])], [("Out", ["y"])],
              [("scale", PD_FLOAT, 2.0), ("bias", PD_FLOAT, 1.0),
               ("bias_after_scale", PD_BOOLEAN, True)]),
        pd_op("fetch", [("X", ["y"])], [("Out", ["fetch"])], [("col", PD_INT, 0)]),
    ]
    # BlockDesc { int32 idx = 1; int32 parent_idx = 2; repeated VarDesc vars = 3;
    #             repeated OpDesc ops = 4; int32 forward_block_idx = 5; }
    block = pb_int(1, 0) + pb_int(2, -1)
    block += b"".join(pb_bytes(3, v) for v in variables)
    block += b"".join(pb_bytes(4, o) for o in ops)
    block += pb_int(5, -1)
    # ProgramDesc { repeated BlockDesc blocks = 1; Version version = 4; }
    # Version { int64 version = 1; }   (2006000 = Paddle 2.6.0)
    return pb_bytes(1, block) + pb_bytes(4, pb_int(1, 2006000))


def make_paddle(outdir):
    d = os.path.join(outdir, "paddle")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "relu_scale.pdmodel")
    with open(path, "wb") as f:
        f.write(paddle_relu_scale_program())
    check(path, {"x": X23}, {"y": np.maximum(X23, 0) * 2.0 + 1.0}, ["x"], ["y"])
    return [path]


# --------------------------------------------------------------------------
# 6. saved_model/ (TensorFlow SavedModel, TF1-style graph, no variables)
# --------------------------------------------------------------------------

def tf_tensor_info(name, dims):
    # TensorInfo { string name = 1; DataType dtype = 2; TensorShapeProto tensor_shape = 3; }
    return pb_bytes(1, name) + pb_int(2, DT_FLOAT) + pb_bytes(3, tf_shape(dims))


def tf_saved_model():
    # MetaInfoDef { string meta_graph_version = 1; repeated string tags = 4;
    #               string tensorflow_version = 5; }
    meta_info = pb_bytes(4, "serve")
    # SignatureDef { map<string, TensorInfo> inputs = 1; outputs = 2; string method_name = 3; }
    sig = (pb_map(1, [("x", tf_tensor_info("x:0", [2, 3]))])
           + pb_map(2, [("y", tf_tensor_info("y:0", [2, 3]))])
           + pb_bytes(3, "tensorflow/serving/predict"))
    # MetaGraphDef { MetaInfoDef meta_info_def = 1; GraphDef graph_def = 2;
    #                map<string, SignatureDef> signature_def = 5; }
    meta_graph = (pb_bytes(1, meta_info) + pb_bytes(2, tf_relu_graph())
                  + pb_map(5, [("serving_default", sig)]))
    # SavedModel { int64 saved_model_schema_version = 1; repeated MetaGraphDef meta_graphs = 2; }
    return pb_int(1, 1) + pb_bytes(2, meta_graph)


def make_saved_model(outdir):
    d = os.path.join(outdir, "saved_model")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "saved_model.pb")
    with open(path, "wb") as f:
        f.write(tf_saved_model())
    check(d, {"x": X23}, {"y": np.maximum(X23, 0)}, ["x"], ["y"])
    return [path]


# --------------------------------------------------------------------------

def main(argv):
    if len(argv) != 2:
        print("usage: python make_format_fixtures.py OUTDIR", file=sys.stderr)
        return 2
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    failed = 0
    for fn in (make_relu_add_onnx, make_matmul_ext_onnx, make_relu_pb, make_relu_tflite,
               make_paddle, make_saved_model):
        try:
            for path in fn(outdir):
                print("ok  ", path, f"({os.path.getsize(path)} bytes)")
        except Exception as e:  # keep going; report every failure
            failed += 1
            print("FAIL", fn.__name__ + ":", repr(e))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
