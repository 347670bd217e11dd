package org.ov2onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/SUPPORTED_OPS.md is generated from the built-in registry and must not go stale. */
class SupportedOpsDocTest {
  static final Path DOC = Path.of("docs/SUPPORTED_OPS.md");

  @Test
  void supportedOpsDocIsInSyncWithTheRegistry() throws Exception {
    String expected = SupportedOps.markdown(ConverterRegistry.builtIn());
    if (Boolean.getBoolean("ov2onnx.updateDocs")) {
      Files.writeString(DOC, expected);
    }
    assertTrue(Files.exists(DOC), "missing " + DOC + ": run mvn test -Dtest=SupportedOpsDocTest -Dov2onnx.updateDocs=true");
    assertEquals(expected, Files.readString(DOC),
        DOC + " is stale: run mvn test -Dtest=SupportedOpsDocTest -Dov2onnx.updateDocs=true");
  }

  @Test
  void reportedVersionsMapToTheirOperationVersion() {
    var ops = SupportedOps.openVinoOps();
    assertEquals(new SupportedOps.OpVersion("Acosh", 3, 4, 16), SupportedOps.rowOf(ops, "Acosh", 4).orElseThrow());
    assertEquals(new SupportedOps.OpVersion("LogicalXor", 1, 1, 16), SupportedOps.rowOf(ops, "LogicalXor", 2).orElseThrow());
    assertEquals(new SupportedOps.OpVersion("ShuffleChannels", 1, 3, 16), SupportedOps.rowOf(ops, "ShuffleChannels", 1).orElseThrow());
    assertEquals(new SupportedOps.OpVersion("ScatterNDUpdate", 3, 4, 14), SupportedOps.rowOf(ops, "ScatterNDUpdate", 4).orElseThrow());
    assertEquals(new SupportedOps.OpVersion("ScatterNDUpdate", 15, 15, 16), SupportedOps.rowOf(ops, "ScatterNDUpdate", 15).orElseThrow());
    assertEquals(new SupportedOps.OpVersion("Squeeze", 15, 16, 16), SupportedOps.rowOf(ops, "Squeeze", 15).orElseThrow());
    assertEquals(new SupportedOps.OpVersion("Squeeze", 1, 1, 15), SupportedOps.rowOf(ops, "Squeeze", 1).orElseThrow());
    assertTrue(SupportedOps.rowOf(ops, "NoSuchOp", 1).isEmpty());
  }

  @Test
  void everyRegisteredBuiltInIsAnOpenVinoOpsetOperation() {
    var known = SupportedOps.openVinoOps();
    for (ConverterRegistry.Entry e : ConverterRegistry.builtIn().entries()) {
      assertTrue(SupportedOps.rowOf(known, e.type(), e.version()).isPresent(),
          e.key() + " is not an operation version of opset1..opset16 (check the type name and the version OpenVINO reports)");
    }
  }
}
