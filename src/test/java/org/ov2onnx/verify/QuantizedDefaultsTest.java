package org.ov2onnx.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

/** verify states and applies its quantized-model tolerance only where activations are quantized. */
class QuantizedDefaultsTest {
  @TempDir Path dir;

  private Path model(boolean quantize) throws Exception {
    IrBuilder ir = new IrBuilder(quantize ? "q" : "f");
    String x = ir.parameter("x", ElementType.F32, "1,8");
    long[] scalar = new long[0];
    String y = quantize
        ? ir.op("FakeQuantize", 1, Map.of("levels", "256", "auto_broadcast", "numpy"), x,
            ir.constant("il", ElementType.F32, scalar, 0), ir.constant("ih", ElementType.F32, scalar, 2.55),
            ir.constant("ol", ElementType.F32, scalar, 0), ir.constant("oh", ElementType.F32, scalar, 2.55))
        : ir.op("Relu", 1, Map.of(), x);
    ir.result(y);
    Path xml = ir.write(dir);
    Path onnx = dir.resolve(xml.getFileName().toString().replace(".xml", ".onnx"));
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    return xml;
  }

  @Test
  void quantizedModelsGetTheStatedScaleTolerance() throws Exception {
    Path xml = model(true);
    VerifyReport r = Verifier.verify(xml, dir.resolve("q.onnx"), VerifyOptions.defaults());
    assertTrue(r.passed(), r.toConsole());
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("quantized model")), r.notes().toString());
    assertTrue(r.outputs().get(0).tolerance().scaleTol() == QuantizedDefaults.SCALE_TOL, r.toConsole());
  }

  @Test
  void floatModelsAndExplicitTolerancesAreLeftAlone() throws Exception {
    Path xml = model(false);
    VerifyReport r = Verifier.verify(xml, dir.resolve("f.onnx"), VerifyOptions.defaults());
    assertFalse(r.notes().stream().anyMatch(n -> n.startsWith("quantized model")), r.notes().toString());
    Path q = model(true);
    VerifyReport explicit = Verifier.verify(q, dir.resolve("q.onnx"),
        VerifyOptions.defaults().withScaleTolerances(Map.of("", 1e-4)));
    assertFalse(explicit.notes().stream().anyMatch(n -> n.startsWith("quantized model")), explicit.notes().toString());
  }
}
