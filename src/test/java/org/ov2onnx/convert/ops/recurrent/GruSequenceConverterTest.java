package org.ov2onnx.convert.ops.recurrent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.ops.recurrent.RecurrentModel.Kind;
import org.ov2onnx.openvino.ElementType;

/** GRUSequence-5 on OpenVINO CPU against ONNX GRU on ONNX Runtime. */
class GruSequenceConverterTest extends SequenceConverterTestBase {
  GruSequenceConverterTest() {
    super(Kind.GRU);
  }

  @Override
  String[][] activationCases() {
    return new String[][] {
      {"forward", "relu, tanh", "1, 2", "3, 4", "0"},
      {"reverse", "sigmoid, relu", "1, 2", "3, 4", "0.5"},
      {"bidirectional", "tanh, sigmoid", "1, 2", "3, 4", "1.5"}
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"forward", "reverse", "bidirectional"})
  void linearBeforeReset(String direction) throws Exception {
    model(direction).linearBeforeReset().lengths(ElementType.I32, false, 4, 1, 3).check(dir, name("lbr_" + direction));
  }

  /** OpenVINO's 4-block bias becomes ONNX's 6-block one by a Concat with a zero row and a Gather. */
  @ParameterizedTest
  @ValueSource(strings = {"forward", "bidirectional"})
  void linearBeforeResetWithWeightsAsInputs(String direction) throws Exception {
    model(direction).linearBeforeReset().weightsAsInputs().lengths(ElementType.I64, true, 2, 4, 3)
        .check(dir, name("lbr_dyn_" + direction)).assertUsesOp("Gather");
  }
}
