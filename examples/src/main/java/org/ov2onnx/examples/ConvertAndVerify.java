package org.ov2onnx.examples;

import java.nio.file.Path;
import org.ov2onnx.convert.ConversionResult;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.verify.Verifier;
import org.ov2onnx.verify.VerifyOptions;
import org.ov2onnx.verify.VerifyReport;

/**
 * Converts an OpenVINO model to ONNX and verifies the result, through ov2onnx's library API.
 *
 * <pre>ConvertAndVerify MODEL.xml OUT.onnx</pre>
 *
 * Exits with 1 if the verification finds a mismatch.
 */
public final class ConvertAndVerify {
  private ConvertAndVerify() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ConvertAndVerify MODEL OUT.onnx");
      System.exit(2);
    }
    Path model = Path.of(args[0]);
    Path onnx = Path.of(args[1]);

    ConversionResult converted = new Converter().convert(model, onnx, ConvertOptions.defaults());
    System.out.printf("converted %s: %d OpenVINO nodes -> %d ONNX nodes (opset %d), %s%n",
        model.getFileName(), converted.sourceNodes(), converted.onnxNodes(), converted.opset(), converted.output());

    VerifyReport report = Verifier.verify(model, onnx, VerifyOptions.defaults());
    System.out.print(report.toConsole());
    System.exit(report.passed() ? 0 : 1);
  }
}
