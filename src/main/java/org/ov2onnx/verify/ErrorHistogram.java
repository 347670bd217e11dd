package org.ov2onnx.verify;

/**
 * How the elements' errors are distributed: |actual - expected| divided by the output's scale
 * (its largest |expected|; 1 when that is 0), counted per decade. Bin 0 holds exact matches, bin
 * 1 errors below 1e-9 of the scale, bins 2..10 the decades [1e-9, 1e-8) .. [1e-1, 1), bin 11 errors
 * of the scale or more, and bin 12 NaN/Inf mismatches.
 */
public record ErrorHistogram(long[] counts) {
  public static final int BINS = 13;

  static int bin(double relativeError) {
    if (Double.isNaN(relativeError) || Double.isInfinite(relativeError)) {
      return 12;
    }
    if (relativeError == 0) {
      return 0;
    }
    if (relativeError < 1e-9) {
      return 1;
    }
    if (relativeError >= 1) {
      return 11;
    }
    int decade = (int) Math.floor(Math.log10(relativeError)); // -9 .. -1
    return Math.max(2, Math.min(10, decade + 11));
  }

  /** A short label of a bin: "0", "<1e-9", "1e-9", ..., "1e-1", ">=1", "NaN/Inf". */
  public static String label(int bin) {
    return switch (bin) {
      case 0 -> "0";
      case 1 -> "<1e-9";
      case 11 -> ">=1";
      case 12 -> "NaN/Inf";
      default -> "1e" + (bin - 11);
    };
  }

  public long total() {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    return t;
  }
}
