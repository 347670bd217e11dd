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

class LstmCellConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void defaults(int version) throws Exception {
    RecurrentModel.cell(Kind.LSTM, version).check(dir, "lstmcell" + version);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void activationsAndClip(int version) throws Exception {
    RecurrentModel.cell(Kind.LSTM, version).activations("relu, Sigmoid, tanh").alphaBeta("0.5, 0.1, 2", "0.3, 0.2, 1")
        .clip(0.7).check(dir, "lstmcell_act" + version);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void weightsAsInputs(int version) throws Exception {
    RecurrentModel.cell(Kind.LSTM, version).weightsAsInputs().check(dir, "lstmcell_dyn" + version).assertUsesOp("Gather");
  }

  @Test
  void dynamicBatch() throws Exception {
    RecurrentModel.cell(Kind.LSTM, 4).dynamicBatch().check(dir, "lstmcell_batch");
  }

  @Test
  void f16() throws Exception {
    RecurrentModel.cell(Kind.LSTM, 4).type(ElementType.F16).check(dir, "lstmcell_f16");
  }

  @Test
  void opset21() throws Exception {
    RecurrentModel.cell(Kind.LSTM, 4).clip(1.5).check(dir, "lstmcell_21", 21);
  }

  /** All-zero peepholes have no effect under either reading of LSTMCell-1. */
  @Test
  void v1ZeroPeepholes() throws Exception {
    RecurrentModel.cell(Kind.LSTM, 1).peepholes(0).check(dir, "lstmcell1_p0");
  }

  @Test
  void v1RefusesNonZeroPeepholes() {
    ConversionException e = assertThrows(ConversionException.class,
        () -> RecurrentModel.cell(Kind.LSTM, 1).peepholes(0.5).check(dir, "lstmcell1_p"));
    assertTrue(e.getMessage().contains("non-zero peepholes (input 6)"), e.getMessage());
  }

  @Test
  void v1RefusesPeepholesThatAreNotConstant() {
    ConversionException e = assertThrows(ConversionException.class,
        () -> RecurrentModel.cell(Kind.LSTM, 1).peepholes(0).weightsAsInputs().check(dir, "lstmcell1_pin"));
    assertTrue(e.getMessage().contains("not a constant"), e.getMessage());
  }

  @Test
  void v1RefusesOtherWeightFormats() {
    ConversionException e = assertThrows(ConversionException.class,
        () -> RecurrentModel.cell(Kind.LSTM, 1).weightsFormat("ifco").check(dir, "lstmcell1_ifco"));
    assertTrue(e.getMessage().contains("weights_format 'ifco'"), e.getMessage());
  }

  @Test
  void v1RefusesInputForget() {
    ConversionException e = assertThrows(ConversionException.class,
        () -> RecurrentModel.cell(Kind.LSTM, 1).inputForget().check(dir, "lstmcell1_if"));
    assertTrue(e.getMessage().contains("input_forget=true"), e.getMessage());
  }
}
