package org.ov2onnx.convert.ops.random;

import java.nio.file.Path;
import java.util.Map;
import org.ov2onnx.openvino.CompiledModel;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.InferRequest;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.verify.OnnxRuntimeRunner;

/** Runs input-free models once, on ONNX Runtime or on OpenVINO's CPU plugin (reference mode). */
final class RandomRuns {
  private RandomRuns() {}

  static Tensor onnx(Path onnx) throws Exception {
    try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(onnx)) {
      return ort.run(Map.of(), null).values().iterator().next();
    }
  }

  static Tensor openVino(Path xml) throws Exception {
    try (Core core = Core.create();
        Model model = core.readModel(xml);
        CompiledModel compiled = core.compile(model, "CPU", Core.REFERENCE_MODE);
        InferRequest request = compiled.createRequest()) {
      request.infer();
      return request.output(0);
    }
  }
}
