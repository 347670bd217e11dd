package org.ov2onnx.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.UnsupportedOperationsException;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.onnx.OnnxTypeCheck;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.verify.OnnxRuntimeRunner;
import org.ov2onnx.verify.OutputMetrics;
import org.ov2onnx.verify.Verifier;
import org.ov2onnx.verify.Tolerance;

/**
 * Runs one node test: OpenVINO reads the test's model.onnx, ov2onnx converts what OpenVINO built,
 * ONNX Runtime runs the result on the test's inputs, and the outputs are compared with the test's
 * expected outputs.
 */
final class ConformanceRunner {
  /** How a test ended. Everything but PASSED counts as not passed. */
  enum Status {
    PASSED,
    MISMATCH,
    UNSUPPORTED,
    UNREADABLE,
    ERROR
  }

  record Outcome(String test, String operator, Status status, String detail) {}

  private ConformanceRunner() {}

  static Outcome run(NodeTestCase c, Path work) {
    String op;
    try {
      op = c.operator();
    } catch (Exception e) {
      return new Outcome(c.name(), "?", Status.ERROR, "cannot parse the test model: " + e.getMessage());
    }
    try (Core core = Core.create()) {
      Model model;
      try {
        model = core.readModel(c.model());
      } catch (OpenVinoException e) {
        return new Outcome(c.name(), op, Status.UNREADABLE, firstLine(e.getMessage()));
      }
      Path onnx = work.resolve(c.name() + ".onnx");
      try (model) {
        try {
          var conversion = new Converter().toOnnx(model, ConvertOptions.defaults().withOpset(Converter.MAX_OPSET), c.name());
          OnnxTypeCheck.check(conversion.model()); // as the writer does: a model ONNX cannot type is never written
          Files.write(onnx, conversion.model().build().toByteArray());
        } catch (UnsupportedOperationsException e) {
          return new Outcome(c.name(), op, Status.UNSUPPORTED,
              String.join(", ", e.operations().stream().map(u -> u.key() + " (" + u.reason() + ")").toList()));
        } catch (ConversionException | OnnxTypeCheck.TypeConstraintException e) { // the CLI's exit 3
          return new Outcome(c.name(), op, Status.UNSUPPORTED, firstLine(e.getMessage()));
        }
      }
      List<Tensor> inputs;
      List<Tensor> expected;
      try {
        inputs = c.tensors("input");
        expected = c.tensors("output");
      } catch (IllegalArgumentException e) {
        return new Outcome(c.name(), op, Status.UNSUPPORTED, "test data: " + e.getMessage());
      }
      try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(onnx)) {
        // the converted model keeps the original's input names; an input OpenVINO found unused
        // (CastLike's second input, say) may be gone
        List<String> names = ort.inputNames();
        List<String> testInputs = c.inputNames();
        if (testInputs.size() != inputs.size()) {
          return new Outcome(c.name(), op, Status.ERROR, "the test has " + inputs.size() + " input tensors for " + testInputs.size() + " inputs");
        }
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
          if (names.contains(testInputs.get(i))) {
            feeds.put(testInputs.get(i), inputs.get(i));
          }
        }
        if (feeds.size() != names.size() && names.size() == inputs.size()) {
          // OpenVINO's ONNX reader renames an input passed straight to an output after that
          // output (Dropout's x becomes y, Parameter and tensor alike): the model OpenVINO built
          // keeps the inputs' order, and so does the converted one
          feeds.clear();
          for (int i = 0; i < inputs.size(); i++) {
            feeds.put(names.get(i), inputs.get(i));
          }
        }
        if (feeds.size() != names.size()) {
          return new Outcome(c.name(), op, Status.ERROR, "the converted model's inputs " + names + " are not the test's " + testInputs);
        }
        Map<String, Tensor> actual = ort.run(feeds, null);
        List<Tensor> outs = new ArrayList<>(actual.values());
        if (outs.size() != expected.size()) {
          return new Outcome(c.name(), op, Status.MISMATCH, outs.size() + " outputs instead of " + expected.size());
        }
        for (int i = 0; i < outs.size(); i++) {
          String problem = compare(expected.get(i), outs.get(i));
          if (problem != null) {
            return new Outcome(c.name(), op, Status.MISMATCH, openVinoAgrees(c, inputs, expected) + "output " + i + ": " + problem);
          }
        }
        return new Outcome(c.name(), op, Status.PASSED, "");
      } finally {
        Files.deleteIfExists(onnx);
      }
    } catch (Exception | LinkageError e) {
      return new Outcome(c.name(), op, Status.ERROR, firstLine(e.toString()));
    }
  }

  /**
   * Whether OpenVINO itself, running the model it read, matches the expected outputs: tells a
   * conversion problem ("") from one OpenVINO's reading already has ("[OpenVINO differs too] ").
   */
  private static String openVinoAgrees(NodeTestCase c, List<Tensor> inputs, List<Tensor> expected) {
    try (Core core = Core.create();
        Model model = core.readModel(c.model());
        var compiled = core.compile(model, "CPU", Core.REFERENCE_MODE);
        var request = compiled.createRequest()) {
      for (int i = 0; i < inputs.size(); i++) {
        request.setInput(i, inputs.get(i));
      }
      request.infer();
      for (int i = 0; i < expected.size(); i++) {
        if (compare(expected.get(i), request.output(i)) != null) {
          return "[OpenVINO differs too] ";
        }
      }
      return "[OpenVINO matches] ";
    } catch (Exception | LinkageError e) {
      return "[OpenVINO cannot run it] ";
    }
  }

  /**
   * The backend tests' own tolerance, rtol 1e-3 and atol 1e-7 (onnx.backend.test.runner), with one
   * scale-aware floor: a difference within 1e-6 of the output's largest |expected| (about 8 f32
   * ulps of the output's scale) passes. The expected outputs come from float64 NumPy; a result
   * that is exactly 0 there (a DFT bin, a cancelling sum) is, in any f32 runtime, a sum of terms of
   * the output's scale and lands a few ulps of that scale away, which a fixed atol of 1e-7 calls a
   * mismatch on an output of scale 540.
   */
  private static String compare(Tensor expected, Tensor actual) {
    boolean floating = switch (expected.elementType()) {
      case F16, BF16, F32, F64 -> true;
      default -> false;
    };
    OutputMetrics m = Verifier.compare("out", expected, actual, floating ? new Tolerance(1e-7, 1e-3, 1e-6) : Tolerance.EXACT);
    if (m.passed()) {
      return null;
    }
    return m.problem() != null ? m.problem()
        : String.format("max abs error %.3g%s (%.1f%% out of tolerance)", m.maxAbsError(),
            m.nanInfMismatches() == 0 ? "" : ", " + m.nanInfMismatches() + " NaN/Inf mismatches", 100 * m.fractionOutOfTolerance());
  }

  private static String firstLine(String s) {
    String line = s == null ? "" : s.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 197) + "..." : line;
  }
}
