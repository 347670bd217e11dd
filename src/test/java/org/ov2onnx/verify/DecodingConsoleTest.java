package org.ov2onnx.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ov2onnx.openvino.ElementType;

/**
 * The console of a decoder with many state variables (an LLM of many layers): a step's state
 * tensors that all pass are one line; a step with a failing one lists each; the JSON keeps all.
 */
class DecodingConsoleTest {
  private static OutputMetrics metrics(String name, double error) {
    return OutputMetrics.of(name, ElementType.F32, new long[] {2}, new double[] {1, 2}, new double[] {1, 2 + error},
        Tolerance.defaultFor(ElementType.F32));
  }

  @Test
  void manyPassingStateTensorsAreOneLinePerStep() {
    List<OutputMetrics> outputs = new ArrayList<>();
    for (String step : List.of("prefill", "decode 1")) {
      outputs.add(metrics(step + "/logits", 0));
      for (int v = 0; v < 6; v++) {
        // decode 1's state variable 3 is off
        outputs.add(metrics(step + "/present.layer" + v, step.equals("decode 1") && v == 3 ? 0.5 : 1e-7));
      }
    }
    Decoding d = new Decoding(Map.of("input_ids", "input_ids"), List.of(1L), List.of(new Decoding.Step("prefill", List.of(1L), 2, 2, 1),
        new Decoding.Step("decode 1", List.of(2L), 3, 3, 1)), "OpenVINO CPU", "ONNX Runtime");
    VerifyReport r = new VerifyReport("m.xml", "m.onnx", "CPU", 1, List.of(), outputs, null, List.of(), null, d);
    String console = r.toConsole();
    assertTrue(console.matches("(?s).*\nprefill/present\\.\\* +6 tensors, all pass \\(largest max_abs/scale 5\\.00e-08.*"), console);
    assertFalse(console.contains("prefill/present.layer0"), console);
    for (int v = 0; v < 6; v++) {
      assertTrue(console.contains("decode 1/present.layer" + v), console);
      assertTrue(r.toJson().contains("\"name\": \"prefill/present.layer" + v + "\""), r.toJson());
    }
    assertTrue(console.contains("FAILED"), console);
  }
}
