package org.ov2onnx.convert.ops.recurrent;

import org.ov2onnx.convert.ops.recurrent.RecurrentModel.Kind;

/** LSTMSequence-5 on OpenVINO CPU against ONNX LSTM on ONNX Runtime. */
class LstmSequenceConverterTest extends SequenceConverterTestBase {
  LstmSequenceConverterTest() {
    super(Kind.LSTM);
  }

  @Override
  String[][] activationCases() {
    return new String[][] {
      {"forward", "relu, tanh, sigmoid", "1, 2, 3", "3, 4, 5", "0"},
      {"reverse", "sigmoid, relu, relu", "1, 2, 3", "3, 4, 5", "0.5"},
      {"bidirectional", "tanh, sigmoid, Tanh", "1, 2, 3", "3, 4, 5", "1.5"}
    };
  }
}
