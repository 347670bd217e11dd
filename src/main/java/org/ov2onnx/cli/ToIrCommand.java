package org.ov2onnx.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.Model;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ov2onnx to-ir MODEL -o OUT.xml}: OpenVINO's own save_model. */
@Command(name = "to-ir", description = "Save any model OpenVINO reads as OpenVINO IR, with OpenVINO's own save_model.")
final class ToIrCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "Any model OpenVINO reads (ONNX, TF, TFLite, PaddlePaddle, IR).")
  Path model;

  @Option(names = {"-w", "--weights"}, paramLabel = "WEIGHTS", description = "Weights file, if the format has one.")
  Path weights;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.xml", description = "The IR .xml to write (the .bin goes next to it).")
  Path output;

  @Option(names = "--compress-to-fp16", description = "Store floating-point weights as f16 (OpenVINO's FP16 compression).")
  boolean compress;

  @Override
  public Integer call() throws Exception {
    if (!output.getFileName().toString().endsWith(".xml")) {
      throw new CliException(ExitCodes.USAGE, "-o must name an .xml file, not " + output);
    }
    Path bin = output.resolveSibling(output.getFileName().toString().replaceAll("\\.xml$", ".bin"));
    for (Path in : new Path[] {model, weights}) {
      if (in != null && (in.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())
          || in.toAbsolutePath().normalize().equals(bin.toAbsolutePath().normalize()))) {
        throw new CliException(ExitCodes.USAGE, "refusing to overwrite the input " + in);
      }
    }
    Path dir = output.toAbsolutePath().getParent();
    java.nio.file.Files.createDirectories(dir);
    Path tmp = java.nio.file.Files.createTempDirectory(dir, ".ov2onnx-ir-");
    try (Core core = Core.create();
        Model m = core.readModel(model, weights)) {
      Path tmpXml = tmp.resolve("model.xml");
      m.saveIr(tmpXml, compress);
      java.nio.file.Files.move(tmp.resolve("model.bin"), bin, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      java.nio.file.Files.move(tmpXml, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      try (var files = java.nio.file.Files.list(tmp)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          java.nio.file.Files.deleteIfExists(p);
        }
      }
      java.nio.file.Files.deleteIfExists(tmp);
    }
    spec.commandLine().getOut().println("Saved " + model + " as " + output + (compress ? " (FP16-compressed weights)" : ""));
    return ExitCodes.OK;
  }
}
