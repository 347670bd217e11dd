package org.ov2onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

/** Every operation version of openvino-ops.tsv is converted or refused with a reason. */
class ConverterRegistryTest {
  @TempDir Path dir;

  /**
   * The operation versions not converted yet (open work of issue 9, and LSTMSequence-1, which
   * OpenVINO 2026.4 cannot read). The test fails for any pair that is neither converted, refused
   * nor listed here: nothing can go missing silently. The list may only shrink.
   */
  private static final Set<String> NOT_YET = Set.of(
      "DetectionOutput-1", "DetectionOutput-8", "ExperimentalDetectronDetectionOutput-6",
      "LSTMSequence-1", "MatrixNms-8", "MulticlassNms-8", "MulticlassNms-9", "NMSRotated-13", "Proposal-1",
      "Proposal-4");

  @Test
  void everyOperationVersionIsConvertedOrRefusedWithAReason() {
    ConverterRegistry registry = ConverterRegistry.builtIn();
    List<SupportedOps.OpVersion> ops = SupportedOps.openVinoOps();
    List<String> missing = new ArrayList<>();
    for (SupportedOps.OpVersion op : ops) {
      String key = op.type() + "-" + op.version();
      boolean converted = SupportedOps.converts(registry, ops, op);
      var refusal = SupportedOps.refusal(registry, ops, op);
      assertFalse(converted && refusal.isPresent(), key + " is both converted and refused");
      refusal.ifPresent(r -> assertTrue(r.reason().length() > 20, key + " is refused without a real reason"));
      if (!converted && refusal.isEmpty() && !NOT_YET.contains(key)) {
        missing.add(key);
      }
    }
    assertEquals(List.of(), missing, "neither converted nor refused with a reason");
  }

  @Test
  void refusalsNeedAReasonAndAreNotAlsoConverted() {
    assertThrows(IllegalArgumentException.class, () -> new ConverterRegistry.Refusal("X", 1, " "));
    ConverterRegistry registry = ConverterRegistry.builtIn();
    for (ConverterRegistry.Refusal r : registry.refusals()) {
      assertTrue(registry.find(r.type(), r.version()).isEmpty(), r.key());
    }
    assertTrue(registry.refusal("StringTensorUnpack", 15).isPresent());
    assertTrue(registry.refusal("Relu", 1).isEmpty());
  }

  /** A model holding a refused operation is reported with the refusal's reason. */
  @Test
  void aRefusedOperationIsReportedWithItsReason() throws Exception {
    IrBuilder ir = new IrBuilder("unpack");
    String x = ir.parameter("x", ElementType.STRING, "3");
    ir.op("StringTensorUnpack", 15, Map.of(), 3, x).forEach(ir::result);
    Path xml = ir.write(dir);
    var e = assertThrows(UnsupportedOperationsException.class,
        () -> new Converter().convert(xml, dir.resolve("unpack.onnx"), ConvertOptions.defaults()));
    String reason = e.operations().get(0).reason();
    assertTrue(reason.startsWith("refused: ONNX has no operator that turns strings into their bytes"), reason);
  }
}
