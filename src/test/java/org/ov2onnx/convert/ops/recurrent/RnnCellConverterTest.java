package org.ov2onnx.convert.ops.recurrent;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.ops.recurrent.RecurrentModel.Kind;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;

class RnnCellConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"tanh", "relu", "sigmoid", "Tanh"})
  void activations(String activation) throws Exception {
    RecurrentModel.cell(Kind.RNN, 3).activations(activation).alphaBeta("0.5", "0.25").check(dir, "rnncell_" + activation);
  }

  @Test
  void clip() throws Exception {
    RecurrentModel.cell(Kind.RNN, 3).clip(0.4).check(dir, "rnncell_clip");
  }

  @Test
  void weightsAsInputs() throws Exception {
    RecurrentModel.cell(Kind.RNN, 3).weightsAsInputs().check(dir, "rnncell_dyn").assertNoOp("Gather");
  }

  @Test
  void dynamicBatch() throws Exception {
    RecurrentModel.cell(Kind.RNN, 3).dynamicBatch().check(dir, "rnncell_batch");
  }

  @Test
  void f16() throws Exception {
    RecurrentModel.cell(Kind.RNN, 3).type(ElementType.F16).check(dir, "rnncell_f16").assertUsesOp("Cast");
  }

  /** OpenVINO's op accepts hardsigmoid, but its CPU plugin cannot run it: nothing to verify against. */
  @Test
  void refusesOtherActivations() {
    ConversionException e = assertThrows(ConversionException.class,
        () -> RecurrentModel.cell(Kind.RNN, 3).activations("hardsigmoid").check(dir, "rnncell_hs"));
    assertTrue(e.getMessage().contains("activation 'hardsigmoid' is not supported"), e.getMessage());
  }
}
