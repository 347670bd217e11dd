"""Generate the ov2onnx sample model ``sample-cnn.xml`` / ``sample-cnn.bin``.

The model is a tiny image classifier built with OpenVINO's Python opset API
from seeded random weights (numpy seed 2026). It contains no third-party data.

Prerequisites::

    python -m venv venv && . venv/bin/activate
    pip install openvino==2026.4.1 numpy==2.3.5

Run::

    python make_sample.py OUTDIR        # e.g. python samples/make_sample.py samples

This writes OUTDIR/sample-cnn.xml and OUTDIR/sample-cnn.bin (OpenVINO IR v11,
FP32 weights, no FP16 compression), then reads the model back and runs it once
on CPU as a sanity check.

Note: AvgPool is taken from opset14 on purpose. opset16.avg_pool without explicit
dilations produces an AvgPool-16 with empty dilations, which crashed the
OpenVINO 2026.4.1 CPU plugin during compile_model.

Graph (input "image" f32 [1,3,32,32] -> output "probabilities" f32 [1,10]):

    Convolution 3->8, 3x3, pad 1  + bias Add -> Relu
    MaxPool (v14) 2x2 stride 2                           -> [1,8,16,16]
    GroupConvolution depthwise 3x3, pad 1 + bias Add -> Swish (beta=1.0 const)
    Convolution 1x1 8->16 + bias Add -> Sigmoid
    AvgPool (v14) 2x2 stride 2                           -> [1,16,8,8]
    AvgPool (v14) 8x8, auto_pad=valid (global pooling)   -> [1,16,1,1]
    Reshape to [1,16] (i64 shape constant)
    MatMul [16,10] (transpose_b=False) + Add bias
    Softmax (axis 1)
"""

import os
import sys

import numpy as np
import openvino as ov
from openvino import opset14
from openvino import opset16 as ops

SEED = 2026


def _const(arr, name):
    c = ops.constant(np.ascontiguousarray(arr, dtype=np.float32), name=name)
    return c


def build_model():
    rng = np.random.default_rng(SEED)

    def rnd(*shape, scale=0.2):
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    image = ops.parameter([1, 3, 32, 32], ov.Type.f32, name="image")
    image.get_output_tensor(0).set_names({"image"})

    # Block 1: Convolution + bias, Relu, MaxPool
    w1 = _const(rnd(8, 3, 3, 3), "conv1/weights")
    conv1 = ops.convolution(image, w1, [1, 1], [1, 1], [1, 1], [1, 1], name="conv1")
    b1 = _const(rnd(1, 8, 1, 1, scale=0.05), "conv1/bias")
    conv1b = ops.add(conv1, b1, name="conv1/add_bias")
    relu1 = ops.relu(conv1b, name="relu1")
    pool1 = ops.max_pool(relu1, strides=[2, 2], dilations=[1, 1], pads_begin=[0, 0],
                         pads_end=[0, 0], kernel_shape=[2, 2], rounding_type="floor",
                         auto_pad="explicit", index_element_type="i64", axis=0,
                         name="pool1")

    # Block 2: depthwise GroupConvolution + bias, Swish
    # GroupConvolution filters: [GROUPS, C_OUT/GROUPS, C_IN/GROUPS, kH, kW]
    wdw = _const(rnd(8, 1, 1, 3, 3), "dwconv/weights")
    dw = ops.group_convolution(pool1.output(0), wdw, [1, 1], [1, 1], [1, 1], [1, 1],
                               name="dwconv")
    bdw = _const(rnd(1, 8, 1, 1, scale=0.05), "dwconv/bias")
    dwb = ops.add(dw, bdw, name="dwconv/add_bias")
    beta = ops.constant(np.float32(1.0), name="swish2/beta")
    act2 = ops.swish(dwb, beta, name="swish2")

    # Block 3: pointwise Convolution + bias, Sigmoid, AvgPool
    w3 = _const(rnd(16, 8, 1, 1), "pwconv/weights")
    pw = ops.convolution(act2, w3, [1, 1], [0, 0], [0, 0], [1, 1], name="pwconv")
    b3 = _const(rnd(1, 16, 1, 1, scale=0.05), "pwconv/bias")
    pwb = ops.add(pw, b3, name="pwconv/add_bias")
    act3 = ops.sigmoid(pwb, name="sigmoid3")
    pool3 = opset14.avg_pool(act3, strides=[2, 2], pads_begin=[0, 0], pads_end=[0, 0],
                         kernel_shape=[2, 2], exclude_pad=True, rounding_type="floor",
                         auto_pad="explicit", name="pool3")
    gap = opset14.avg_pool(pool3, strides=[1, 1], pads_begin=[0, 0], pads_end=[0, 0],
                       kernel_shape=[8, 8], exclude_pad=True, rounding_type="floor",
                       auto_pad="valid", name="global_avg_pool")

    # Classifier head
    shape = ops.constant(np.array([1, 16], dtype=np.int64), name="flatten/shape")
    flat = ops.reshape(gap, shape, special_zero=False, name="flatten")
    wfc = _const(rnd(16, 10), "fc/weights")
    fc = ops.matmul(flat, wfc, transpose_a=False, transpose_b=False, name="fc")
    bfc = _const(rnd(1, 10, scale=0.05), "fc/bias")
    fcb = ops.add(fc, bfc, name="fc/add_bias")
    probs = ops.softmax(fcb, axis=1, name="probabilities")
    probs.get_output_tensor(0).set_names({"probabilities"})

    result = ops.result(probs, name="probabilities/sink_port_0")
    model = ov.Model([result], [image], "sample-cnn")
    return model


def main(argv):
    if len(argv) != 2:
        print("usage: python make_sample.py OUTDIR", file=sys.stderr)
        return 2
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    xml_path = os.path.join(outdir, "sample-cnn.xml")
    model = build_model()
    ov.save_model(model, xml_path, compress_to_fp16=False)

    # Sanity check: read back, compile on CPU and run once.
    core = ov.Core()
    reread = core.read_model(xml_path)
    compiled = core.compile_model(reread, "CPU")
    x = np.random.default_rng(SEED + 1).random((1, 3, 32, 32), dtype=np.float32)
    out = compiled({"image": x})[compiled.output("probabilities")]
    assert out.shape == (1, 10), out.shape
    assert abs(float(out.sum()) - 1.0) < 1e-4, out.sum()
    print("wrote", xml_path, "- probabilities:", np.array2string(out[0], precision=4))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
