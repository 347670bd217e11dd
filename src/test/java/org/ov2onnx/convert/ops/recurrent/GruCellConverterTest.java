package org.ov2onnx.convert.ops.recurrent;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.ops.recurrent.RecurrentModel.Kind;
import org.ov2onnx.openvino.ElementType;

class GruCellConverterTest {
  @TempDir Path dir;

  private static RecurrentModel gru(boolean linearBeforeReset) {
    RecurrentModel m = RecurrentModel.cell(Kind.GRU, 3);
    return linearBeforeReset ? m.linearBeforeReset() : m;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void defaults(boolean lbr) throws Exception {
    gru(lbr).check(dir, "grucell_" + lbr);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void weightsAsInputs(boolean lbr) throws Exception {
    gru(lbr).weightsAsInputs().check(dir, "grucell_dyn_" + lbr).assertUsesOp("Concat");
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu, tanh", "sigmoid, relu", "tanh, sigmoid"})
  void activationsAndClip(String activations) throws Exception {
    gru(true).activations(activations).alphaBeta("1, 2", "3, 4").clip(0.6).check(dir, "grucell_act");
  }

  @Test
  void dynamicBatch() throws Exception {
    gru(true).dynamicBatch().check(dir, "grucell_batch");
  }

  @Test
  void f16() throws Exception {
    gru(true).type(ElementType.F16).check(dir, "grucell_f16");
  }
}
