package org.ov2onnx.openvino;

/**
 * One dimension of a partial shape: static ({@code min == max}), bounded ({@code min..max}) or
 * unbounded ({@code max == -1}).
 */
public record Dimension(long min, long max) {
  public static final long UNBOUNDED = -1;

  public Dimension {
    if (min < 0 || (max != UNBOUNDED && max < min)) {
      throw new IllegalArgumentException("invalid dimension " + min + ".." + max);
    }
  }

  public static Dimension of(long length) {
    return new Dimension(length, length);
  }

  public static Dimension dynamic() {
    return new Dimension(0, UNBOUNDED);
  }

  public boolean isStatic() {
    return min == max;
  }

  /** The length of a static dimension. */
  public long length() {
    if (!isStatic()) {
      throw new IllegalStateException("dimension " + this + " is not static");
    }
    return min;
  }

  /** OpenVINO's notation: {@code 3}, {@code ?}, {@code 1..10}, {@code 2..}. */
  @Override
  public String toString() {
    if (isStatic()) {
      return Long.toString(min);
    }
    if (max == UNBOUNDED) {
      return min == 0 ? "?" : min + "..";
    }
    return min + ".." + max;
  }
}
