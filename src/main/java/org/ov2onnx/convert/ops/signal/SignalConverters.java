package org.ov2onnx.convert.ops.signal;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** Fourier transforms: DFT, IDFT, RDFT, IRDFT, STFT, ISTFT. */
public final class SignalConverters {
  private SignalConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new DFTConverter(),
        new IDFTConverter(),
        new IRDFTConverter(),
        new RDFTConverter(),
        new STFTConverter(),
        new ISTFTConverter());
  }
}
