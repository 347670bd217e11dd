package org.ov2onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/** Constants that share data in the IR become one initializer; converter-made constants are shared. */
class ConstantSharingTest {
  @TempDir Path dir;

  private static double[] random(int n, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }

  private static long rawBytes(ModelProto m) {
    return m.getGraph().getInitializerList().stream().mapToLong(t -> t.getRawData().size()).sum();
  }

  @Test
  void constantsSharingDataInTheBinShareOneInitializer() throws Exception {
    IrBuilder ir = new IrBuilder("shared");
    long[] shape = {64, 64};
    String x = ir.parameter("x", ElementType.F32, "64,64");
    String w = ir.constant("w", ElementType.F32, shape, random(64 * 64, 1));
    String w2 = ir.sharedConstant("w2", w);
    String w3 = ir.sharedConstant("w3", w);
    String other = ir.constant("other", ElementType.F32, shape, random(64 * 64, 2));
    String a = ir.op("Add", 1, Map.of(), x, w);
    String b = ir.op("Multiply", 1, Map.of(), a, w2);
    String c = ir.op("Subtract", 1, Map.of(), b, w3);
    ir.result(ir.op("Add", 1, Map.of(), c, other));
    ir.result(w2); // a shared constant that is also a graph output
    Path xml = ir.write(dir);
    long bin = Files.size(dir.resolve("shared.bin"));

    var out = OpCheck.model(xml, dir).run();
    ModelProto m = out.model();
    assertEquals(2, m.getGraph().getInitializerCount(), "w, w2 and w3 share one initializer; 'other' has its own");
    assertEquals(bin, rawBytes(m), "the initializers hold exactly the .bin's bytes");
    // whichever of w, w2 and w3 OpenVINO's order lists first names the initializer; nothing reads the others
    String shared = m.getGraph().getInitializerList().stream()
        .map(TensorProto::getName).filter(n -> n.startsWith("w")).findFirst().orElseThrow();
    for (NodeProto n : m.getGraph().getNodeList()) {
      for (String input : n.getInputList()) {
        assertTrue(input.equals(shared) || !input.matches("w[23]?"), n.getName() + " reads an alias: " + input);
      }
    }
    long readers = m.getGraph().getNodeList().stream().filter(n -> n.getInputList().contains(shared)).count();
    assertEquals(4, readers, "Add, Multiply, Subtract and the output's Identity read the shared initializer");
    assertTrue(Files.size(out.onnx()) <= 1.02 * bin + 4096, "output " + Files.size(out.onnx()) + " vs .bin " + bin);
  }

  @Test
  void sharedF16WeightsAreUpcastOnce() throws Exception {
    IrBuilder ir = new IrBuilder("shared16");
    String x = ir.parameter("x", ElementType.F32, "8,8");
    String h = ir.constant("h", ElementType.F16, new long[] {8, 8}, random(64, 3));
    String h2 = ir.sharedConstant("h2", h);
    String a = ir.op("Add", 1, Map.of(), x, ir.op("Convert", 1, Map.of("destination_type", "f32"), h));
    ir.result(ir.op("Multiply", 1, Map.of(), a, ir.op("Convert", 1, Map.of("destination_type", "f32"), h2)));
    Path xml = ir.write(dir);

    var out = OpCheck.model(xml, dir).options(ConvertOptions.defaults().withUpcastFp16(true)).run();
    assertEquals(1, out.model().getGraph().getInitializerCount());
    assertEquals(TensorProto.DataType.FLOAT.getNumber(), out.model().getGraph().getInitializer(0).getDataType());
    var half = OpCheck.model(xml, dir).run();
    assertEquals(1, half.model().getGraph().getInitializerCount());
    assertEquals(TensorProto.DataType.FLOAT16.getNumber(), half.model().getGraph().getInitializer(0).getDataType());
  }

  @Test
  void equalConverterMadeConstantsAreOneInitializer() throws Exception {
    IrBuilder ir = new IrBuilder("gelus");
    String x = ir.parameter("x", ElementType.F32, "2,5");
    String g = ir.op("Gelu", 7, Map.of("approximation_mode", "ERF"), x);
    g = ir.op("Gelu", 7, Map.of("approximation_mode", "ERF"), g);
    ir.result(ir.op("Gelu", 7, Map.of("approximation_mode", "ERF"), g));
    // below opset 20 each Gelu is a formula with the scalars sqrt(2), 1 and 0.5
    var out = OpCheck.model(ir.write(dir), dir).opset(17).run();
    assertEquals(3, out.model().getGraph().getInitializerCount());
  }
}
