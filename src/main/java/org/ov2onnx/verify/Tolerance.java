package org.ov2onnx.verify;

import org.ov2onnx.openvino.ElementType;

/**
 * When an element of the converted model's output counts as equal to the original's:
 *
 * <pre>
 *   |actual - expected| &lt;= atol + rtol * |expected|      (per element)
 *   or |actual - expected| &lt;= scaleTol * scale          (relative to the whole output)
 * </pre>
 *
 * where {@code scale} is the output's largest finite |expected|. Integer and boolean outputs must
 * match exactly.
 *
 * <p>Why the second term: two correct runtimes that sum in a different order, fuse multiply-adds
 * differently or approximate exp/tanh differently disagree by a few ulps of the <em>terms</em>
 * they combine, not of the result. An element near zero that is the difference of large terms
 * (a logit, a segmentation mask value, a normalized activation) then carries an absolute error of
 * the order of eps times the magnitude of those terms, which the output's own range bounds. A
 * per-element rtol calls that a mismatch; a tolerance relative to the output's scale does not. The
 * f32 default of 1e-3 of the scale is about 10^4 ulps (f32 eps is 1.2e-7), room for the rounding
 * of deep networks (a 1,165-node pose model differs by 3e-4 of its scale between ONNX Runtime and
 * OpenVINO), while a wrong weight, a wrong attribute or a wrong axis moves outputs by far more
 * than 1e-3 of their range ({@code VerifyAttributionTest} plants one weight scaled by 1.5).
 *
 * @param atol absolute tolerance per element
 * @param rtol relative tolerance per element
 * @param scaleTol tolerance as a fraction of the output's scale (0: per-element only)
 */
public record Tolerance(double atol, double rtol, double scaleTol) {
  public static final Tolerance EXACT = new Tolerance(0, 0, 0);

  /** A per-element tolerance only. */
  public Tolerance(double atol, double rtol) {
    this(atol, rtol, 0);
  }

  /** The default for an element type. */
  public static Tolerance defaultFor(ElementType type) {
    return switch (type) {
      case F32 -> new Tolerance(1e-4, 1e-3, 1e-3);
      case F64 -> new Tolerance(1e-7, 1e-6, 1e-6);
      case F16, BF16 -> new Tolerance(1e-2, 1e-2, 1e-2);
      case F8E4M3, F8E5M2 -> new Tolerance(1e-1, 1e-1, 1e-1);
      default -> EXACT;
    };
  }

  /** Whether {@code actual} passes against {@code expected}, for an output of this scale. */
  public boolean passes(double expected, double actual, double scale) {
    double diff = Math.abs(actual - expected);
    return diff <= atol + rtol * Math.abs(expected) || diff <= scaleTol * scale;
  }

  /** The rule, for reports: "|d| <= 0.0001 + 0.001*|expected| or |d| <= 0.001*scale". */
  public String describe() {
    if (atol == 0 && rtol == 0 && scaleTol == 0) {
      return "exact";
    }
    String s = "|diff| <= " + fmt(atol) + " + " + fmt(rtol) + "*|expected|";
    return scaleTol == 0 ? s : s + " or |diff| <= " + fmt(scaleTol) + "*scale";
  }

  private static String fmt(double v) {
    return v == 0 ? "0" : String.format("%.3g", v).replaceAll("\\.?0+(e|$)", "$1");
  }
}
