package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.openvino.ElementType;

class ReduceLogicalAndConverterTest extends ReductionTestBase {
  @Override
  String op() {
    return "ReduceLogicalAnd";
  }

  @Override
  ElementType type() {
    return ElementType.BOOLEAN;
  }

  @Override
  int runtimeAxesOpset() {
    return Integer.MAX_VALUE;
  }
}
