"""Generate ``nested_subgraphs.xml``/``.bin``: an If whose then-branch holds another If.

It tests that ``ov2onnx info`` reports sub-graph nesting recursively. Built with OpenVINO's
Python opset API; re-running gives byte-identical files.

Prerequisites::

    pip install openvino==2026.4.1 numpy==2.4.6

Run (from the repository root)::

    python src/test/python/make_nested_fixture.py src/test/resources/fixtures

The model is read back, compiled and run on CPU, and checked against numpy.
"""

import os
import sys

import numpy as np
import openvino as ov
from openvino import opset8 as ops


def branch(fn, name):
    """A body with one f32 [2,3] Parameter and one Result fn(param)."""
    p = ops.parameter([2, 3], np.float32, name=name + "_x")
    r = ops.result(fn(p))
    r.set_friendly_name(name + "_out")
    return ov.Model([r], [p], name), p, r


def if_node(cond, x, then_parts, else_parts, name):
    node = ops.if_op(cond.output(0))
    then_body, then_p, then_r = then_parts
    else_body, else_p, else_r = else_parts
    node.set_then_body(then_body)
    node.set_else_body(else_body)
    node.set_input(x.output(0), then_p, else_p)
    out = node.set_output(then_r, else_r)
    node.set_friendly_name(name)
    return out


def inner_then(p):
    # the inner If: x > 0 (any element) chooses x * 2, else -x
    c = ops.reduce_logical_or(ops.greater(p, ops.constant(np.float32(0))), ops.constant(np.array([0, 1], np.int64)), False)
    return if_node(c, p,
                   branch(lambda q: ops.multiply(q, ops.constant(np.float32(2))), "inner_then"),
                   branch(lambda q: ops.negative(q), "inner_else"), "inner_if")


def main(out_dir):
    x = ops.parameter([2, 3], np.float32, name="x")
    flag = ops.parameter([], np.bool_, name="flag")
    out = if_node(flag, x, branch(inner_then, "outer_then"), branch(lambda q: ops.exp(q), "outer_else"), "outer_if")
    res = ops.result(out)
    res.set_friendly_name("y")
    out.get_tensor().set_names({"y"})
    model = ov.Model([res], [x, flag], "nested_subgraphs")
    path = os.path.join(out_dir, "nested_subgraphs.xml")
    ov.save_model(model, path, compress_to_fp16=False)

    compiled = ov.Core().compile_model(ov.Core().read_model(path), "CPU")
    v = np.arange(6, dtype=np.float32).reshape(2, 3) - 2
    for f, want in ((True, v * 2), (False, np.exp(v))):
        got = compiled({"x": v, "flag": np.array(f)})[0]
        if not np.allclose(got, want, rtol=1e-5):
            sys.exit("nested_subgraphs: flag=%s gives %s, expected %s" % (f, got, want))
    print("wrote", path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
