package org.ov2onnx.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;

/**
 * Default tolerances for quantized models. A value that sits on a rounding boundary may land one
 * quantization step apart in two runtimes (their integer kernels round the requantization
 * differently), and that step travels on through the network. So where the converted model
 * quantizes activations (QuantizeLinear) and the user set no scale tolerance, an element also
 * passes within {@link #SCALE_TOL} of its output's scale; the report says so in a note.
 */
final class QuantizedDefaults {
  /** Two 8-bit steps of an output that spans its range: 2 / 255 ≈ 0.8%, rounded up to 2%. */
  static final double SCALE_TOL = 0.02;

  private static final Set<String> QUANTIZING = Set.of("QuantizeLinear", "DynamicQuantizeLinear", "QLinearConv", "QLinearMatMul");
  /** Only models this small are parsed to look (larger ones are weight-compressed LLMs, if anything). */
  private static final long MAX_BYTES = 256L << 20;

  private QuantizedDefaults() {}

  static VerifyOptions apply(Path onnx, VerifyOptions options, java.util.List<String> notes) throws IOException {
    if (!options.scaleTol().isEmpty() || !options.atol().isEmpty() || !options.rtol().isEmpty()
        || Files.size(onnx) > MAX_BYTES || !quantizesActivations(onnx)) {
      return options;
    }
    notes.add("quantized model (QuantizeLinear on activations): an element also passes within " + SCALE_TOL
        + " of its output's scale, since runtimes may round a requantization one step apart; give --scale-tol to change it");
    return options.withScaleTolerances(Map.of("", SCALE_TOL));
  }

  private static boolean quantizesActivations(Path onnx) throws IOException {
    ModelProto m;
    try (InputStream in = Files.newInputStream(onnx)) {
      m = ModelProto.parseFrom(in);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return false; // not ONNX: ONNX Runtime reports that when the model is run
    }
    return uses(m.getGraph());
  }

  private static boolean uses(GraphProto g) {
    for (NodeProto n : g.getNodeList()) {
      if (QUANTIZING.contains(n.getOpType())) {
        return true;
      }
      for (var a : n.getAttributeList()) {
        if (a.hasG() && uses(a.getG())) {
          return true;
        }
      }
    }
    return false;
  }
}
