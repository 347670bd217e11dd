package org.ov2onnx.openvino;

/**
 * One connection between a sub-graph operation (TensorIterator, Loop, If) and one of its bodies.
 * Fields that do not apply to a kind are 0.
 *
 * <ul>
 *   <li>Inputs: {@code outer} = the node's input index, {@code inner} = the body's Parameter index;
 *       for MERGED_INPUT, {@code backEdge} = the body Result that feeds it on the next iteration.
 *   <li>Outputs: {@code inner} = the body's Result index, {@code outer} = the node's output index;
 *       for BODY_OUTPUT, {@code iteration} (-1 = the last).
 *   <li>SLICE_INPUT and CONCAT_OUTPUT use start, stride, partSize, end and axis.
 * </ul>
 */
public record PortMap(
    Kind kind,
    int outer,
    int inner,
    long start,
    long stride,
    long partSize,
    long end,
    long axis,
    int backEdge,
    long iteration) {

  /** The kinds of connection, in the shim's numbering. */
  public enum Kind {
    SLICE_INPUT,
    MERGED_INPUT,
    INVARIANT_INPUT,
    BODY_OUTPUT,
    CONCAT_OUTPUT
  }

  static PortMap input(long[] r, int o) {
    Kind kind = Kind.values()[(int) r[o]];
    return new PortMap(
        kind, (int) r[o + 1], (int) r[o + 2], r[o + 3], r[o + 4], r[o + 5], r[o + 6], r[o + 7],
        (int) r[o + 8], 0);
  }

  static PortMap output(long[] r, int o) {
    Kind kind = Kind.values()[(int) r[o]];
    return new PortMap(
        kind, (int) r[o + 2], (int) r[o + 1], r[o + 3], r[o + 4], r[o + 5], r[o + 6], r[o + 7], 0,
        r[o + 8]);
  }
}
