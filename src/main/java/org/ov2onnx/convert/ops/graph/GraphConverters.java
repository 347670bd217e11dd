package org.ov2onnx.convert.ops.graph;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * The graph family: Parameter, Constant, Convert, ConvertLike. (Result is structural: the
 * converter driver turns each Result into a graph output.)
 */
public final class GraphConverters {
  private GraphConverters() {}

  public static List<OpConverter> all() {
    return List.of(new ParameterConverter(), new ConstantConverter(), new ConvertConverter(), new ConvertLikeConverter(), new IdentityConverter());
  }
}
