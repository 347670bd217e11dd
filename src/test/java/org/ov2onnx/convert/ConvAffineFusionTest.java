package org.ov2onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * A convolution's bias Add and a learnable affine block after it (Multiply by a constant written
 * first, Add of a constant), as OpenVINO's readers write them: each constant that is one value or
 * one per channel comes out second and shaped [C, 1, …] (what ONNX Runtime folds into the Conv),
 * and every node that does not qualify keeps its constant as the IR has it. Each case is also run
 * against OpenVINO.
 */
class ConvAffineFusionTest {
  private static final Map<String, String> NUMPY = Map.of("auto_broadcast", "numpy");

  @TempDir Path dir;

  /**
   * variant: conv (2-D Convolution), dynamic (its input of dynamic shape), group (depthwise
   * GroupConvolution), conv1d, perchannel (the Multiply's constant [1, C, 1, 1]), spatial (the
   * Multiply's constant varies along the width: not per channel; the last Add, still after the
   * convolution, is rewritten all the same), shared (the convolution's output
   * is also a model output, so nothing after it is rewritten), nonconst (the Multiply reads a
   * parameter), broadcast (the last Add's constant [2, 1, 1, 1] makes the output larger).
   * expected: the Add, Mul and BatchNormalization nodes in order, each Add and Mul with the shape
   * of its second input ("-" when it is not a constant, "scalar" for rank 0). A shared convolution output leaves its
   * affine block to the BatchNormalization fusion ({@link ChannelAffineFusion}).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "conv,Add 4 1 1;Mul scalar;Add 4 1 1",
    "dynamic,Add 4 1 1;Mul scalar;Add 4 1 1",
    "group,Add 3 1 1;Mul scalar;Add 3 1 1",
    "conv1d,Add 4 1;Mul scalar;Add 4 1",
    "perchannel,Add 4 1 1;Mul 4 1 1;Add 4 1 1",
    "spatial,Add 4 1 1;Mul -;Add 4 1 1",
    "shared,Add 1 4 1 1;BatchNormalization",
    "nonconst,Add 4 1 1;Mul -;Add 1",
    "broadcast,Add 4 1 1;Mul scalar;Add 2 1 1 1"
  })
  void affine(String variant, String expected) throws Exception {
    IrBuilder ir = new IrBuilder("conv_affine");
    boolean oneD = variant.equals("conv1d");
    boolean group = variant.equals("group");
    String x = ir.parameter("x", ElementType.F32, variant.equals("dynamic") ? "?,3,?,?" : oneD ? "1,3,8" : "1,3,6,6");
    String conv;
    long c = group ? 3 : 4;
    if (group) {
      conv = ir.op("GroupConvolution", 1, window(2), x, random(ir, "w", 3, 1, 1, 3, 3));
    } else {
      conv = ir.op("Convolution", 1, window(oneD ? 1 : 2), x, oneD ? random(ir, "w", 4, 3, 3) : random(ir, "w", 4, 3, 3, 3));
    }
    long[] perChannel = oneD ? new long[] {1, c, 1} : new long[] {1, c, 1, 1};
    String biased = ir.op("Add", 1, NUMPY, conv, random(ir, "bias", perChannel));
    String scale = switch (variant) {
      case "perchannel" -> random(ir, "scale", 1, c, 1, 1);
      case "spatial" -> random(ir, "scale", 1, 1, 1, 4);
      case "nonconst" -> ir.parameter("s", ElementType.F32, "1," + c + ",1,1");
      default -> ir.constant("scale", ElementType.F32, new long[] {1}, 0.75);
    };
    String scaled = ir.op("Multiply", 1, NUMPY, scale, biased);
    String shift = variant.equals("broadcast") ? random(ir, "shift", 2, 1, 1, 1)
        : ir.constant("shift", ElementType.F32, new long[] {1}, -0.5);
    ir.result(ir.op("Add", 1, NUMPY, scaled, shift));
    if (variant.equals("shared")) {
      ir.result(conv);
    }
    OpCheck check = OpCheck.of(ir, dir);
    if (variant.equals("dynamic")) {
      check.shape("x", 1, 3, 7, 5);
    }
    ModelProto m = check.run().model();
    StringBuilder got = new StringBuilder();
    for (NodeProto n : m.getGraph().getNodeList()) {
      switch (n.getOpType()) {
        case "Add", "Mul" -> got.append(got.isEmpty() ? "" : ";").append(n.getOpType()).append(' ')
            .append(secondConstant(m, n));
        case "BatchNormalization" -> got.append(got.isEmpty() ? "" : ";").append(n.getOpType());
        default -> { }
      }
    }
    assertEquals(expected, got.toString());
  }

  private static Map<String, String> window(int rank) {
    String ones = rank == 1 ? "1" : "1,1";
    String zeros = rank == 1 ? "0" : "0,0";
    return Map.of("strides", ones, "dilations", ones, "pads_begin", zeros, "pads_end", zeros, "auto_pad", "explicit");
  }

  /** The dims of node n's second input when it is an initializer ("4 1 1", "scalar"), else "-". */
  private static String secondConstant(ModelProto m, NodeProto n) {
    for (TensorProto t : m.getGraph().getInitializerList()) {
      if (n.getInputCount() > 1 && t.getName().equals(n.getInput(1))) {
        return t.getDimsList().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse("scalar");
      }
    }
    return "-";
  }

  private static String random(IrBuilder ir, String name, long... shape) {
    Random r = new Random(name.hashCode());
    double[] v = new double[(int) Arrays.stream(shape).reduce(1, Math::multiplyExact)];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian();
    }
    return ir.constant(name, ElementType.F32, shape, v);
  }
}
