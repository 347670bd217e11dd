package org.ov2onnx.verify;

import java.util.List;

/**
 * Who is responsible for a difference: the converted ONNX model also runs on OpenVINO (its ONNX
 * reader), on the same device as the original, and is compared with the original there.
 *
 * <ul>
 *   <li>Same runtime, same result, and ONNX Runtime agrees too: {@link Kind#NO_DIFFERENCE}.
 *   <li>Same runtime, different result: the conversion changed the computation, {@link
 *       Kind#CONVERSION_ERROR}.
 *   <li>Only one runtime differs from the original: ONNX Runtime's kernels (or OpenVINO's
 *       reading of ONNX) differ, not the conversion, {@link Kind#RUNTIME_DIFFERENCE}.
 *   <li>OpenVINO cannot read or run the converted model: {@link Kind#UNAVAILABLE}.
 * </ul>
 *
 * @param kind what was seen
 * @param detail one sentence for the reports
 * @param openVinoOnOnnx the converted model on OpenVINO against the original, per output (empty
 *     when unavailable)
 */
public record Attribution(Kind kind, String detail, List<OutputMetrics> openVinoOnOnnx) {
  public enum Kind {
    NO_DIFFERENCE,
    CONVERSION_ERROR,
    RUNTIME_DIFFERENCE,
    UNAVAILABLE;

    /** "conversion error", as the reports write it. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  static Attribution of(String device, List<OutputMetrics> onnxRuntime, List<OutputMetrics> openVino) {
    boolean ortPassed = onnxRuntime.stream().allMatch(OutputMetrics::passed);
    boolean ovPassed = openVino.stream().allMatch(OutputMetrics::passed);
    if (ortPassed && ovPassed) {
      return new Attribution(Kind.NO_DIFFERENCE, "OpenVINO " + device + " running the converted ONNX matches the original too", openVino);
    }
    if (!ovPassed && !ortPassed) {
      return new Attribution(Kind.CONVERSION_ERROR, "OpenVINO " + device + " running the converted ONNX differs from the original on the same device,"
          + " as ONNX Runtime does: the conversion changed the computation", openVino);
    }
    if (!ovPassed) {
      return new Attribution(Kind.RUNTIME_DIFFERENCE, "ONNX Runtime matches the original; only OpenVINO's reading of the converted ONNX differs"
          + " (its ONNX frontend, not the conversion)", openVino);
    }
    return new Attribution(Kind.RUNTIME_DIFFERENCE, "OpenVINO " + device + " running the converted ONNX matches the original; only ONNX Runtime differs:"
        + " its kernels compute differently from OpenVINO's, the conversion is faithful", openVino);
  }

  static Attribution unavailable(String why) {
    return new Attribution(Kind.UNAVAILABLE, why, List.of());
  }
}
