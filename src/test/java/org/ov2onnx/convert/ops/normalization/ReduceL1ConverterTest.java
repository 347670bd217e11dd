package org.ov2onnx.convert.ops.normalization;


class ReduceL1ConverterTest extends ReductionTestBase {
  @Override
  String op() {
    return "ReduceL1";
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
