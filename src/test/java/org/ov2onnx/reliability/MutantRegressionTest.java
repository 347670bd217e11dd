package org.ov2onnx.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs that the project's own mutation campaigns found ({@code src/test/resources/reliability/
 * mutants/}; the 10,000-input campaign of seed 5244156681023 found the three Softmax/MVN-on-boolean
 * models that were written with exit 0 although ONNX rejects them). Each must end cleanly with one
 * {@code error:} line and nothing written, in a forked JVM.
 */
class MutantRegressionTest {
  static final Path MUTANTS = Path.of("src/test/resources/reliability/mutants").toAbsolutePath();

  @TempDir Path dir;

  static Stream<String> mutants() throws IOException {
    return ReliabilityInputsTest.xmlFiles(MUTANTS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void endsCleanly(String name) throws Exception {
    Path xml = dir.resolve("model.xml");
    Files.copy(MUTANTS.resolve(name), xml);
    Files.copy(MUTANTS.resolve(name.replaceFirst("\\.xml$", ".bin")), dir.resolve("model.bin"));
    Path out = dir.resolve("out.onnx");
    ForkedCli.Outcome o = ForkedCli.run(dir.resolve("work"), List.of(List.of("convert", xml.toString(), "-o", out.toString())), 120)
        .outcomes().get(0);
    assertTrue(o.cleanError(), name + ": " + o);
    assertFalse(Files.exists(out), "nothing written");
  }
}
