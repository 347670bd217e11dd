package org.ov2onnx.convert.ops.normalization;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** The normalization family: MatMul, Softmax, LogSoftmax, MVN, NormalizeL2, BatchNormInference, GroupNormalization, Reduce*. */
public final class NormalizationConverters {
  private NormalizationConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new BatchNormInferenceConverter(),
        new GroupNormalizationConverter(),
        new LogSoftmaxConverter(),
        new MatMulConverter(),
        new MvnConverter(),
        new NormalizeL2Converter(),
        new ReduceL1Converter(),
        new ReduceL2Converter(),
        new ReduceLogicalAndConverter(),
        new ReduceLogicalOrConverter(),
        new ReduceMaxConverter(),
        new ReduceMeanConverter(),
        new ReduceMinConverter(),
        new ReduceProdConverter(),
        new ReduceSumConverter(),
        new SoftmaxConverter());
  }
}
