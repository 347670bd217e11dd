package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.openvino.ElementType;

class ReduceLogicalOrConverterTest extends ReductionTestBase {
  @Override
  String op() {
    return "ReduceLogicalOr";
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
