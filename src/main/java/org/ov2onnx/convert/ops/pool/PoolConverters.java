package org.ov2onnx.convert.ops.pool;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** The pool family: MaxPool, AvgPool, AdaptiveAvgPool, AdaptiveMaxPool. */
public final class PoolConverters {
  private PoolConverters() {}

  public static List<OpConverter> all() {
    return List.of(new MaxPoolConverter(), new AvgPoolConverter(), new AdaptiveAvgPoolConverter(), new AdaptiveMaxPoolConverter());
  }
}
