package org.ov2onnx.convert.ops.normalization;


class ReduceMaxConverterTest extends ReductionTestBase {
  @Override
  String op() {
    return "ReduceMax";
  }
}
