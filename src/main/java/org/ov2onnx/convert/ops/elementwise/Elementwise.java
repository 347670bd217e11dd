package org.ov2onnx.convert.ops.elementwise;

import static org.ov2onnx.openvino.ElementType.BF16;
import static org.ov2onnx.openvino.ElementType.BOOLEAN;
import static org.ov2onnx.openvino.ElementType.F16;
import static org.ov2onnx.openvino.ElementType.F32;
import static org.ov2onnx.openvino.ElementType.F64;
import static org.ov2onnx.openvino.ElementType.I16;
import static org.ov2onnx.openvino.ElementType.I32;
import static org.ov2onnx.openvino.ElementType.I64;
import static org.ov2onnx.openvino.ElementType.I8;
import static org.ov2onnx.openvino.ElementType.U16;
import static org.ov2onnx.openvino.ElementType.U32;
import static org.ov2onnx.openvino.ElementType.U64;
import static org.ov2onnx.openvino.ElementType.U8;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * What the elementwise and activation converters share: OpenVINO's {@code auto_broadcast} rule,
 * the element types each ONNX operator accepts, and the one-node mappings (through a wider type
 * where ONNX Runtime lacks the operator's kernel for the type, {@link OrtKernels}).
 */
public final class Elementwise {
  /** The floating-point types of ONNX's widest float operators (Exp, Relu, Sqrt ... at opset 13). */
  public static final Set<ElementType> FLOATS = Collections.unmodifiableSet(EnumSet.of(F16, BF16, F32, F64));

  /** float16, float and double: the float types of older ONNX operators (Sin, Elu, Round ...). */
  public static final Set<ElementType> FLOATS_NO_BF16 = Collections.unmodifiableSet(EnumSet.of(F16, F32, F64));

  public static final Set<ElementType> SIGNED = Collections.unmodifiableSet(EnumSet.of(I8, I16, I32, I64));

  public static final Set<ElementType> UNSIGNED = Collections.unmodifiableSet(EnumSet.of(U8, U16, U32, U64));

  /** Every integer type ONNX knows (ONNX's bitwise operators take exactly these). */
  public static final Set<ElementType> INTEGERS = union(SIGNED, UNSIGNED);

  /** Every numeric type (integers and floats, no boolean). */
  public static final Set<ElementType> NUMERIC = union(INTEGERS, FLOATS);

  public static final Set<ElementType> BOOL = Collections.unmodifiableSet(EnumSet.of(BOOLEAN));

  private Elementwise() {}

  /** The union of some type sets. */
  @SafeVarargs
  public static Set<ElementType> union(Set<ElementType>... sets) {
    EnumSet<ElementType> all = EnumSet.noneOf(ElementType.class);
    for (Set<ElementType> s : sets) {
      all.addAll(s);
    }
    return Collections.unmodifiableSet(all);
  }

  /**
   * The types of ONNX Add, Sub, Mul and Div: opset 14 added the 8- and 16-bit integers to the
   * 32/64-bit integers and floats of opset 13.
   */
  public static Set<ElementType> arithmeticTypes(int opset) {
    return opset >= 14 ? NUMERIC : union(EnumSet.of(I32, I64, U32, U64), FLOATS);
  }

  /** The types of ONNX GreaterOrEqual and LessOrEqual: bf16 came with opset 16. */
  public static Set<ElementType> orderedEqualTypes(int opset) {
    if (opset >= 16) {
      return NUMERIC;
    }
    EnumSet<ElementType> types = EnumSet.copyOf(NUMERIC);
    types.remove(BF16);
    return Collections.unmodifiableSet(types);
  }

  /** Whether {@code type} is an integer type. */
  public static boolean isInteger(ElementType type) {
    return INTEGERS.contains(type);
  }

  /** Whether {@code type} is a signed integer type. */
  public static boolean isSigned(ElementType type) {
    return SIGNED.contains(type);
  }

  /**
   * Checks OpenVINO's {@code auto_broadcast} of a binary node. {@code numpy} and {@code none} (equal
   * shapes) are ONNX's multidirectional broadcasting; {@code pdpd} aligns the second input at an
   * axis, which ONNX cannot express, so it is accepted only when both shapes are static and equal.
   */
  public static void checkBroadcast(NodeView node) throws ConversionException {
    String mode = node.stringAttr("auto_broadcast").toLowerCase(Locale.ROOT);
    switch (mode) {
      case "numpy", "none" -> {}
      case "pdpd" -> {
        PartialShape a = node.inputShape(0);
        PartialShape b = node.inputShape(1);
        if (!a.isStatic() || !b.isStatic() || !Arrays.equals(a.toStatic(), b.toStatic())) {
          throw node.error(
              "auto_broadcast=pdpd of shapes " + a + " and " + b
                  + " has no ONNX form (ONNX broadcasts numpy-style); only equal static shapes are supported");
        }
      }
      default -> throw node.error("auto_broadcast '" + mode + "' is unknown");
    }
  }

  /** The type of input {@code i}, which must be one of {@code allowed} for ONNX {@code onnxOp}. */
  public static ElementType requireType(
      NodeView node, GraphBuilder graph, int i, Set<ElementType> allowed, String onnxOp) throws ConversionException {
    ElementType t = node.inputType(i);
    if (!allowed.contains(t)) {
      throw node.error("element type " + t + " is not supported: ONNX " + onnxOp + " at opset " + graph.opset()
          + " takes only " + allowed);
    }
    return t;
  }

  /**
   * Whether a remainder {@code r} of a truncating division by {@code divisor} must be moved to
   * the divisor's side (floor semantics): {@code r != 0 and (r < 0) != (divisor < 0)}. Returns a
   * boolean value.
   */
  public static String remainderNeedsFloor(GraphBuilder graph, ElementType type, String r, String divisor)
      throws ConversionException {
    String zero = graph.scalar(type, 0);
    String nonZero = graph.addOne(OnnxNode.op("Not").inputs(graph.addOne(OnnxNode.op("Equal").inputs(r, zero))));
    String rNegative = graph.addOne(OnnxNode.op("Less").inputs(r, zero));
    String divisorNegative = graph.addOne(OnnxNode.op("Less").inputs(divisor, zero));
    String signsDiffer = graph.addOne(OnnxNode.op("Xor").inputs(rNegative, divisorNegative));
    return graph.addOne(OnnxNode.op("And").inputs(nonZero, signsDiffer));
  }

  /**
   * Input 0 as ONNX IsInf takes it: f32 and f64 as they are; f16 and bf16 as they are from opset
   * 20, else cast (exactly) to f32.
   */
  public static String isInfInput(NodeView node, GraphBuilder graph) throws ConversionException {
    ElementType t = requireType(node, graph, 0, FLOATS, "IsInf");
    if (t == F32 || t == F64 || graph.opset() >= 20) {
      return node.input(0);
    }
    return graph.cast(node.input(0), F32);
  }

  /** One ONNX node {@code onnxOp} of the node's inputs, producing its output 0. */
  public static void same(NodeView node, GraphBuilder graph, String onnxOp, Set<ElementType> allowed)
      throws ConversionException {
    ElementType t = requireType(node, graph, 0, allowed, onnxOp);
    OrtKernels.Detour detour = OrtKernels.detour(onnxOp, t);
    String[] inputs = new String[node.inputCount()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = node.inputType(i) == t ? detour.in(graph, node.input(i)) : node.input(i);
    }
    boolean typedOutput = node.outputType(0) == t;
    String out = typedOutput ? detour.out(graph, node.output(0)) : node.output(0);
    graph.add(OnnxNode.op(onnxOp).inputs(inputs).outputs(out));
    if (typedOutput) {
      detour.back(graph, out, node.output(0));
    }
  }

  /** A binary node with {@code auto_broadcast}: checks the broadcast, then {@link #same}. */
  public static void binary(NodeView node, GraphBuilder graph, String onnxOp, Set<ElementType> allowed)
      throws ConversionException {
    checkBroadcast(node);
    same(node, graph, onnxOp, allowed);
  }
}
