package org.ov2onnx.convert.ops.normalization;


class ReduceProdConverterTest extends ReductionTestBase {
  @Override
  String op() {
    return "ReduceProd";
  }
}
