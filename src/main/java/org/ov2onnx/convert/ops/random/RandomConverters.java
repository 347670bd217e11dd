package org.ov2onnx.convert.ops.random;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Random number generation: Multinomial, RandomUniform (same distribution, not the same values). */
public final class RandomConverters {
  private RandomConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new MultinomialConverter(),
        new RandomUniformConverter());
  }
}
