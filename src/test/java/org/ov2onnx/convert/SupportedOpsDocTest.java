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
  void everyRegisteredBuiltInIsAnOpenVinoOpsetOperation() {
    var known = SupportedOps.openVinoOps();
    for (ConverterRegistry.Entry e : ConverterRegistry.builtIn().entries()) {
      assertTrue(known.stream().anyMatch(o -> o.type().equals(e.type()) && o.version() == e.version()),
          e.key() + " is not an operation version of opset1..opset16 (check the type name and version)");
    }
  }
}
