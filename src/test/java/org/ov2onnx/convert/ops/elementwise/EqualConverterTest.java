package org.ov2onnx.convert.ops.elementwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OnnxChecker;
import org.ov2onnx.testing.OpCheck;
import org.ov2onnx.verify.OnnxRuntimeRunner;

class EqualConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"f32,13", "f32,21", "i32,13", "i64,21", "boolean,17"})
  void broadcastsNumpyStyle(String type, int opset) throws Exception {
    OpModels.checkBinary(dir, "Equal", 1, ElementType.fromOvName(type), -20, 20, opset).assertUsesOp("Equal");
  }

  @ParameterizedTest
  @CsvSource({"19", "21"})
  void stringsFromOpset19(int opset) throws Exception {
    IrBuilder ir = new IrBuilder("equal_string");
    String x = ir.parameter("x", ElementType.STRING, "6");
    String y = ir.parameter("y", ElementType.STRING, "1");
    ir.result(ir.op("Equal", 1, Map.of("auto_broadcast", "numpy"), x, y));
    // OpenVINO's CPU plugin cannot run string Equal: the converted model (checked by ONNX's
    // checker) runs on ONNX Runtime and is compared with Java's String.equals
    Path onnx = dir.resolve("equal_string.onnx");
    new Converter().convert(ir.write(dir), onnx, ConvertOptions.defaults().withOpset(opset));
    assertNull(OnnxChecker.check(onnx));
    List<String> xs = List.of("a", "bc", "", "bc", "b", "\u00e9");
    try (var ort = new OnnxRuntimeRunner(onnx)) {
      var out = ort.run(Map.of("x", Tensor.ofStrings(new long[] {6}, xs), "y", Tensor.ofStrings(new long[] {1}, List.of("bc"))), null);
      double[] equal = OpCheck.values(out.values().iterator().next());
      for (int i = 0; i < xs.size(); i++) {
        assertEquals(xs.get(i).equals("bc") ? 1.0 : 0.0, equal[i], "element " + i);
      }
    }
  }

  @Test
  void refusesStringsBeforeOpset19() throws Exception {
    OpModels.assertRefused(OpModels.binary("Equal", 1, "numpy", ElementType.STRING, "3", "3"), dir, 18, "element type string");
  }

  @Test
  void bf16ThroughF32() throws Exception {
    OpModels.checkBinary(dir, "Equal", 1, ElementType.BF16, -3, 3, 17).assertUsesOp("Cast");
  }

  @Test
  void refusesPdpdBroadcasting() throws Exception {
    OpModels.assertRefused(OpModels.binary("Equal", 1, "pdpd", ElementType.F32, "2,3", "2"), dir, 17, "pdpd");
  }
}
