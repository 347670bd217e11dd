package org.ov2onnx.convert.ops.recurrent;

import org.ov2onnx.convert.ops.recurrent.RecurrentModel.Kind;

/** RNNSequence-5 on OpenVINO CPU against ONNX RNN on ONNX Runtime. */
class RnnSequenceConverterTest extends SequenceConverterTestBase {
  RnnSequenceConverterTest() {
    super(Kind.RNN);
  }

  @Override
  String[][] activationCases() {
    return new String[][] {
      {"forward", "relu", "0.5", "0.25", "0"},
      {"reverse", "sigmoid", "0.5", "0.25", "0.5"},
      {"bidirectional", "Relu", "0.5", "0.25", "1.5"},
      {"bidirectional", "tanh", "0.5", "0.25", "0.3"}
    };
  }
}
