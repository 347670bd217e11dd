package org.ov2onnx.convert.ops.control;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Sub-graph operations: TensorIterator, Loop and If, whose bodies are converted recursively. */
public final class ControlConverters {
  private ControlConverters() {}

  public static List<OpConverter> all() {
    return List.of(new TensorIteratorConverter(), new LoopConverter(), new IfConverter());
  }
}
