package org.ov2onnx.convert.ops.normalization;


class ReduceL2ConverterTest extends ReductionTestBase {
  @Override
  String op() {
    return "ReduceL2";
  }

  @Override
  int version() {
    return 4;
  }

  @Override
  int runtimeAxesOpset() {
    return 13;
  }
}
