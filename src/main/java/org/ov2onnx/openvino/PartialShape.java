package org.ov2onnx.openvino;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A shape whose rank or dimensions may be dynamic. {@code dims} is null for a dynamic rank. */
public record PartialShape(List<Dimension> dims) {
  private static final PartialShape DYNAMIC_RANK = new PartialShape(null);

  public PartialShape {
    dims = dims == null ? null : List.copyOf(dims);
  }

  public static PartialShape dynamicRank() {
    return DYNAMIC_RANK;
  }

  public static PartialShape of(long... lengths) {
    List<Dimension> dims = new ArrayList<>(lengths.length);
    for (long n : lengths) {
      dims.add(Dimension.of(n));
    }
    return new PartialShape(dims);
  }

  /**
   * Decodes the shim's encoding: {@code rank} then (min, max) per dimension, starting at {@code
   * offset}; rank -1 is a dynamic rank.
   */
  static PartialShape decode(long rank, long[] minmax, int offset) {
    if (rank < 0) {
      return DYNAMIC_RANK;
    }
    List<Dimension> dims = new ArrayList<>((int) rank);
    for (int d = 0; d < rank; d++) {
      dims.add(new Dimension(minmax[offset + 2 * d], minmax[offset + 2 * d + 1]));
    }
    return new PartialShape(dims);
  }

  public boolean isRankDynamic() {
    return dims == null;
  }

  /** True when the rank and every dimension are static. */
  public boolean isStatic() {
    return dims != null && dims.stream().allMatch(Dimension::isStatic);
  }

  public int rank() {
    if (dims == null) {
      throw new IllegalStateException("the rank is dynamic");
    }
    return dims.size();
  }

  /** The lengths of a static shape. */
  public long[] toStatic() {
    if (!isStatic()) {
      throw new IllegalStateException("shape " + this + " is not static");
    }
    return dims.stream().mapToLong(Dimension::length).toArray();
  }

  /** OpenVINO's notation, e.g. {@code [?,3,1..10,16]}, or {@code [...]} for a dynamic rank. */
  @Override
  public String toString() {
    if (dims == null) {
      return "[...]";
    }
    return dims.stream().map(Dimension::toString).collect(Collectors.joining(",", "[", "]"));
  }
}
