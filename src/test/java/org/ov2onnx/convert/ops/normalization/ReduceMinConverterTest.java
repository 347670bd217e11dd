package org.ov2onnx.convert.ops.normalization;


class ReduceMinConverterTest extends ReductionTestBase {
  @Override
  String op() {
    return "ReduceMin";
  }
}
