package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * Small building blocks the shape and indexing converters share: int64 views of index inputs,
 * ranks, axis normalization, and the common one-node reshapes (Unsqueeze, Squeeze, Transpose).
 */
public final class Tensors {
  /** The largest int64, ONNX Slice's "to the end". */
  public static final long END = Long.MAX_VALUE;
  /** The smallest int64, ONNX Slice's "to the start" with a negative step. */
  public static final long START_REVERSED = Long.MIN_VALUE;

  private Tensors() {}

  public static boolean isFloat(ElementType t) {
    return t == ElementType.F32 || t == ElementType.F64 || t == ElementType.F16 || t == ElementType.BF16;
  }

  /** Input {@code i} as an int64 tensor: itself, or a Cast of it. */
  public static String int64Input(NodeView node, GraphBuilder graph, int i) throws ConversionException {
    return node.inputType(i) == ElementType.I64 ? node.input(i) : graph.cast(node.input(i), ElementType.I64);
  }

  /** {@code value} (of type {@code from}) as {@code to}: itself when the types agree. */
  public static String castIfNeeded(GraphBuilder graph, String value, ElementType from, ElementType to)
      throws ConversionException {
    return from == to ? value : graph.cast(value, to);
  }

  /** The static rank of input {@code i}, or an error naming the node. */
  public static int inputRank(NodeView node, int i) throws ConversionException {
    PartialShape s = node.inputShape(i);
    if (s.isRankDynamic()) {
      throw node.error("needs input " + i + " to have a static rank");
    }
    return s.rank();
  }

  /** The static length of input {@code i} (a 1-D tensor), or an error naming the node. */
  public static int inputLength(NodeView node, int i) throws ConversionException {
    PartialShape s = node.inputShape(i);
    if (s.isRankDynamic() || s.rank() != 1 || !s.dims().get(0).isStatic()) {
      throw node.error("needs input " + i + " to be a 1-D tensor of static length, got " + s);
    }
    return (int) s.dims().get(0).length();
  }

  /** {@code axis} in [0, rank), negative values counting from the end. */
  public static int axis(NodeView node, long axis, int rank) throws ConversionException {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw node.error("axis " + axis + " is out of range for rank " + rank);
    }
    return (int) a;
  }

  /** The single value of constant input {@code i} (a scalar or a one-element tensor). */
  public static long constantScalar(NodeView node, int i) throws ConversionException {
    long[] v = node.constantInts(i);
    if (v.length != 1) {
      throw node.error("needs input " + i + " to hold one value, got " + v.length);
    }
    return v[0];
  }

  public static String unsqueeze(GraphBuilder graph, String x, long... axes) throws ConversionException {
    return graph.addOne(OnnxNode.op("Unsqueeze").inputs(x, graph.int64s(false, axes)));
  }

  public static String squeeze(GraphBuilder graph, String x, long... axes) throws ConversionException {
    return graph.addOne(OnnxNode.op("Squeeze").inputs(x, graph.int64s(false, axes)));
  }

  public static String transpose(GraphBuilder graph, String x, long... perm) throws ConversionException {
    return graph.addOne(OnnxNode.op("Transpose").inputs(x).attr("perm", perm));
  }

  /** Whether {@code perm} leaves every axis in place. */
  public static boolean isIdentity(long[] perm) {
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** A scalar input reshaped to a 1-element 1-D tensor. */
  public static String toVector(GraphBuilder graph, String scalar) throws ConversionException {
    return graph.addOne(OnnxNode.op("Reshape").inputs(scalar, graph.int64s(false, 1)));
  }

  /**
   * Adds {@code op}, whose single output has type {@code produced}, as the node's output 0: directly
   * when the node's output has that type, through a Cast to it otherwise.
   */
  public static void emitAs(NodeView node, GraphBuilder graph, OnnxNode op, ElementType produced) throws ConversionException {
    ElementType wanted = node.outputType(0);
    if (wanted == produced) {
      graph.add(op.outputs(node.output(0)));
    } else {
      graph.add(OnnxNode.op("Cast").inputs(graph.addOne(op)).outputs(node.output(0)).attr("to", (long) graph.onnxType(wanted)));
    }
  }

  /** Refuses auto_broadcast modes other than numpy and none (pdpd has no ONNX form). */
  public static void requireNumpyBroadcast(NodeView node) throws ConversionException {
    if (node.attributes().containsKey("auto_broadcast")) {
      String mode = node.stringAttr("auto_broadcast");
      if (!mode.equals("numpy") && !mode.equals("none")) {
        throw node.error("auto_broadcast '" + mode + "' has no ONNX form (only numpy and none do)");
      }
    }
  }
}
