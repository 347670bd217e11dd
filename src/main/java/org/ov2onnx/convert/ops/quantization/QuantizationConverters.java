package org.ov2onnx.convert.ops.quantization;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Quantization: FakeQuantize (kept as QDQ), FakeConvert. */
public final class QuantizationConverters {
  private QuantizationConverters() {}

  public static List<OpConverter> all() {
    return List.of(new FakeQuantizeConverter());
  }
}
