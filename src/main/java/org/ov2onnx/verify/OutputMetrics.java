package org.ov2onnx.verify;

import java.util.Arrays;
import org.ov2onnx.openvino.ElementType;

/**
 * How one output of the converted model compares with the original's.
 *
 * @param name the output's tensor name
 * @param type element type
 * @param shape the original's output shape
 * @param maxAbsError largest |actual - expected|
 * @param maxRelError largest |actual - expected| / |expected| (over elements with expected != 0)
 * @param meanAbsError mean |actual - expected|
 * @param cosineSimilarity cosine of the two outputs as vectors (1 when both are all zero)
 * @param fractionOutOfTolerance share of elements outside the tolerance
 * @param nanInfMismatches elements where one side is NaN or infinite and the other is not the same
 * @param smallestPassingAtol the smallest atol that would pass with this rtol and scale tolerance
 * @param tolerance the tolerance applied
 * @param passed whether every element is within tolerance and shapes and types agree
 * @param problem what else is wrong (shape or type mismatch), or null
 * @param scale the output's scale: its largest finite |expected| (NaN when not compared)
 * @param histogram the errors relative to the scale, per decade (null when not compared)
 */
public record OutputMetrics(
    String name,
    ElementType type,
    long[] shape,
    double maxAbsError,
    double maxRelError,
    double meanAbsError,
    double cosineSimilarity,
    double fractionOutOfTolerance,
    long nanInfMismatches,
    double smallestPassingAtol,
    Tolerance tolerance,
    boolean passed,
    String problem,
    double scale,
    ErrorHistogram histogram) {

  /** Compares {@code actual} with {@code expected} (same length) under {@code tolerance}. */
  public static OutputMetrics of(String name, ElementType type, long[] shape, double[] expected, double[] actual, Tolerance tolerance) {
    if (expected.length != actual.length) {
      return failed(name, type, shape, tolerance, "sizes differ: " + expected.length + " vs " + actual.length);
    }
    double maxAbs = 0;
    double maxRel = 0;
    double sumAbs = 0;
    double dot = 0;
    double ee = 0;
    double aa = 0;
    long out = 0;
    long nanInf = 0;
    double needAtol = 0;
    long finite = 0;
    double scale = 0;
    for (double e : expected) {
      if (Double.isFinite(e)) {
        scale = Math.max(scale, Math.abs(e));
      }
    }
    double unit = scale == 0 ? 1 : scale;
    long[] bins = new long[ErrorHistogram.BINS];
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual[i];
      boolean eFinite = Double.isFinite(e);
      boolean aFinite = Double.isFinite(a);
      if (!eFinite || !aFinite) {
        boolean same = (Double.isNaN(e) && Double.isNaN(a)) || e == a;
        if (!same) {
          nanInf++;
          out++;
        }
        bins[same ? 0 : ErrorHistogram.BINS - 1]++;
        continue;
      }
      finite++;
      double diff = Math.abs(a - e);
      maxAbs = Math.max(maxAbs, diff);
      if (e != 0) {
        maxRel = Math.max(maxRel, diff / Math.abs(e));
      }
      sumAbs += diff;
      dot += a * e;
      ee += e * e;
      aa += a * a;
      bins[ErrorHistogram.bin(diff / unit)]++;
      if (!tolerance.passes(e, a, scale)) {
        out++;
        // the smallest atol that passes this element under rtol (the scale term already failed)
        needAtol = Math.max(needAtol, diff - tolerance.rtol() * Math.abs(e));
      }
    }
    double cosine = ee == 0 && aa == 0 ? 1 : (ee == 0 || aa == 0 ? 0 : dot / Math.sqrt(ee * aa));
    double fraction = expected.length == 0 ? 0 : (double) out / expected.length;
    return new OutputMetrics(name, type, shape, maxAbs, maxRel, finite == 0 ? 0 : sumAbs / finite, cosine, fraction, nanInf,
        Math.max(0, needAtol), tolerance, out == 0, null, scale, new ErrorHistogram(bins));
  }

  public static OutputMetrics failed(String name, ElementType type, long[] shape, Tolerance tolerance, String problem) {
    return new OutputMetrics(name, type, shape, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 0, Double.NaN, tolerance, false, problem, Double.NaN, null);
  }

  /** The largest error as a fraction of the scale (NaN when not compared or the scale is 0). */
  public double maxScaledError() {
    return scale > 0 ? maxAbsError / scale : (maxAbsError == 0 ? 0 : Double.NaN);
  }

  @Override
  public String toString() {
    return name + " " + type + Arrays.toString(shape) + (passed ? " passed" : " FAILED") + " max_abs=" + maxAbsError;
  }
}
