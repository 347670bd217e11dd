package org.ov2onnx.convert.ops.recurrent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.ops.recurrent.RecurrentModel.Kind;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.OpCheck;

/**
 * The variants every *Sequence-5 shares, on OpenVINO CPU against ONNX Runtime: directions, constant
 * and non-constant weights, per-batch lengths, activations with alpha/beta and clip, a dynamic
 * batch, an unused Y, f16 and target opsets.
 */
abstract class SequenceConverterTestBase {
  @TempDir Path dir;

  private final Kind kind;

  SequenceConverterTestBase(Kind kind) {
    this.kind = kind;
  }

  RecurrentModel model(String direction) {
    return RecurrentModel.sequence(kind, 5).direction(direction);
  }

  String name(String suffix) {
    return kind.name().toLowerCase() + "seq_" + suffix;
  }

  /** Activation variants: {direction, activations as IR writes them, alphas, betas, clip}. */
  abstract String[][] activationCases();

  @ParameterizedTest
  @ValueSource(strings = {"forward", "reverse", "bidirectional"})
  void directions(String direction) throws Exception {
    model(direction).check(dir, name(direction));
  }

  @ParameterizedTest
  @ValueSource(strings = {"forward", "reverse", "bidirectional"})
  void weightsAsInputs(String direction) throws Exception {
    model(direction).weightsAsInputs().check(dir, name("dyn_" + direction));
  }

  /**
   * Per-batch lengths, some shorter than the sequence and one zero: Y is zero past each length,
   * the states stop at each batch's last valid step (zero for length 0), and reverse runs over
   * each batch's own steps.
   */
  @ParameterizedTest
  @CsvSource({
    "forward,i32,false", "reverse,i32,false", "bidirectional,i32,false",
    "forward,i64,true", "reverse,i64,true", "bidirectional,i32,true"
  })
  void sequenceLengths(String direction, String type, boolean asInput) throws Exception {
    model(direction).lengths(ElementType.fromOvName(type), asInput, 4, 2, 1, 0, 3)
        .check(dir, name("len_" + direction + "_" + type));
  }

  @Test
  void activationsAndClip() throws Exception {
    for (String[] c : activationCases()) {
      model(c[0]).activations(c[1]).alphaBeta(c[2], c[3]).clip(Double.parseDouble(c[4])).check(dir, name("act"));
    }
  }

  /**
   * Full lengths: with dynamic shapes OpenVINO's CPU plugin ignores the lengths (Y is not zeroed
   * past them), while with static shapes it applies them as its specification says.
   */
  @ParameterizedTest
  @ValueSource(strings = {"forward", "bidirectional"})
  void dynamicBatch(String direction) throws Exception {
    model(direction).dynamicBatch().lengths(ElementType.I32, true, 4, 4, 4).check(dir, name("batch"));
  }

  /** Only the final states are used: the ONNX node leaves Y unnamed. */
  @Test
  void statesOnly() throws Exception {
    OpCheck.Outcome o = model("bidirectional").statesOnly().check(dir, name("states"));
    assertTrue(o.model().getGraph().getNodeList().stream()
        .filter(n -> n.getOpType().equals(kind.name())).allMatch(n -> n.getOutput(0).isEmpty()));
  }

  /** ONNX Runtime's kernels run f32: other float types are cast around the node. */
  @ParameterizedTest
  @ValueSource(strings = {"f16", "bf16", "f64"})
  void otherFloatTypes(String type) throws Exception {
    model("bidirectional").type(ElementType.fromOvName(type)).lengths(ElementType.I32, false, 4, 2, 3)
        .check(dir, name(type)).assertUsesOp("Cast");
  }

  /** Weights as ov.save_model writes them by default: f16 constants and a Convert, folded into f32 initializers. */
  @Test
  void compressedWeights() throws Exception {
    model("bidirectional").compressedWeights().check(dir, name("compressed")).assertNoOp("Gather");
  }

  @Test
  void dynamicBatchAndSequence() throws Exception {
    model("reverse").dynamicBatch().dynamicSteps().lengths(ElementType.I32, true, 4, 4, 4).check(dir, name("dynamic"));
  }

  @ParameterizedTest
  @ValueSource(ints = {13, 14, 21})
  void opsets(int opset) throws Exception {
    model("reverse").clip(2).check(dir, name("opset" + opset), opset);
  }
}
