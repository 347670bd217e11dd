package org.ov2onnx.convert.rewrite;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.SourceGraph;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;

/**
 * One weight compressed the way NNCF (and OpenVINO's CompressQuantizeWeights) writes it: an integer
 * Constant → Convert → [Subtract a zero point] → Multiply by a scale → [Reshape, for grouped scales]
 * → [Convert, from f16 to f32]. Found by {@link #find}; the decoded scale and zero point are kept
 * as doubles, shaped like the scale Constant.
 */
record CompressedWeight(
    int weight,
    int zeroPointConstant,
    int[] chain,
    int last,
    ElementType storage,
    long[] storedShape,
    double[] scale,
    long[] scaleShape,
    double[] zeroPoint,
    long[] outShape,
    ElementType outType) {

  static final Set<ElementType> STORAGE =
      Set.of(ElementType.U8, ElementType.I8, ElementType.U4, ElementType.I4, ElementType.NF4, ElementType.F8E4M3,
          ElementType.F8E5M2);

  /** The 16 values of NF4 (4-bit NormalFloat, as OpenVINO and QLoRA define it), by code. */
  static final double[] NF4 = {
    -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
    -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725,
    0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941,
    0.7229568362236023, 1.0
  };

  /** The nodes the rewrite takes over (the Constants that only this chain reads, and the chain). */
  int[] nodes() {
    List<Integer> list = new ArrayList<>(List.of(weight));
    if (zeroPointConstant >= 0) {
      list.add(zeroPointConstant);
    }
    for (int n : chain) {
      list.add(n);
    }
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** u4 or i4 (integer 4-bit; nf4 is not an integer type and is only ever decompressed). */
  boolean fourBit() {
    return storage == ElementType.U4 || storage == ElementType.I4;
  }

  /** u8 or i8. */
  boolean eightBit() {
    return storage == ElementType.U8 || storage == ElementType.I8;
  }

  boolean nf4() {
    return storage == ElementType.NF4;
  }

  /** f8e4m3 or f8e5m2: only ever DequantizeLinear (opset 19+), else left to the per-node converters. */
  boolean f8() {
    return f8(storage);
  }

  private static boolean f8(ElementType t) {
    return t == ElementType.F8E4M3 || t == ElementType.F8E5M2;
  }

  /** Whether the zero point is 0 everywhere. */
  boolean zeroPointIsZero() {
    for (double z : zeroPoint) {
      if (z != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The axis along which scales vary when they vary along one axis of the stored weight, -1 for a
   * per-tensor scale, -2 when they vary along more than one.
   */
  int scaleAxis() {
    int axis = -1;
    for (int d = 0; d < scaleShape.length; d++) {
      if (scaleShape[d] > 1) {
        if (axis >= 0) {
          return -2;
        }
        axis = d;
      }
    }
    return axis;
  }

  /** The chain that starts at {@code constant}, or null if it is not one. */
  static CompressedWeight find(SourceGraph g, int constant, java.util.function.IntPredicate claimed)
      throws ConversionException {
    NodeView c = g.node(constant);
    if (!STORAGE.contains(c.outputType(0)) || !c.outputShape(0).isStatic()) {
      return null;
    }
    List<Integer> chain = new ArrayList<>();
    int convert = only(g, constant, "Convert");
    if (convert < 0 || claimed.test(convert)) {
      return null;
    }
    chain.add(convert);
    int at = convert;
    int next = only(g, at, null);
    double[] zp = null;
    long[] zpShape = null;
    int zpConstant = -1;
    if (next >= 0 && g.type(next).equals("Subtract") && g.source(next, 0).node() == at) {
      int zpSource = g.source(next, 1).node();
      if (g.type(zpSource).equals("Convert") && g.consumers(zpSource, 0).size() == 1) {
        int zc = g.source(zpSource, 0).node();
        if (!g.type(zc).equals("Constant") || g.consumers(zc, 0).size() != 1) {
          return null;
        }
        zp = values(g.node(zc).constantData());
        if (zp == null) {
          return null;
        }
        zpShape = g.node(zc).constantData().shape();
        zpConstant = zc;
        chain.add(zpSource);
      } else if (g.type(zpSource).equals("Constant")) {
        zp = values(g.node(zpSource).constantData());
        if (zp == null) {
          return null;
        }
        zpShape = g.node(zpSource).constantData().shape();
      } else {
        return null;
      }
      chain.add(next);
      at = next;
      next = only(g, at, null);
    }
    if (next < 0 || !g.type(next).equals("Multiply")) {
      return null;
    }
    int scaleInput = g.source(next, 0).node() == at ? 1 : 0;
    int scaleNode = g.source(next, scaleInput).node();
    if (!g.type(scaleNode).equals("Constant")) {
      return null;
    }
    ConstantData scaleData = g.node(scaleNode).constantData();
    double[] scale = values(scaleData);
    if (scale == null) {
      return null;
    }
    chain.add(next);
    at = next;
    long[] outShape = g.node(at).outputShape(0).toStatic();
    next = only(g, at, "Reshape");
    if (next >= 0 && g.node(next).outputShape(0).isStatic()) {
      chain.add(next);
      at = next;
      outShape = g.node(at).outputShape(0).toStatic();
    }
    ElementType outType = g.node(at).outputType(0);
    next = only(g, at, "Convert");
    if (next >= 0) {
      chain.add(next);
      at = next;
      outType = g.node(at).outputType(0);
    }
    // a per-element zero point is read with the scale's index, so it must be laid out like the scale
    if (zp != null && zp.length != 1 && !java.util.Arrays.equals(zpShape, scaleData.shape())) {
      return null;
    }
    long[] scaleShape = scaleData.shape();
    long[] stored = c.outputShape(0).toStatic();
    if (scaleShape.length != stored.length && scale.length != 1) {
      return null;
    }
    if (g.consumers(constant, 0).size() != 1) {
      return null;
    }
    return new CompressedWeight(constant, zpConstant, chain.stream().mapToInt(Integer::intValue).toArray(), at,
        c.outputType(0), stored, scale, scaleShape, zp == null ? new double[] {0} : zp, outShape, outType);
  }

  /** The single consumer of {@code node}'s output 0 (of {@code type}, if given), or -1. */
  private static int only(SourceGraph g, int node, String type) {
    List<Integer> consumers = g.consumers(node, 0);
    if (consumers.size() != 1) {
      return -1;
    }
    int n = consumers.get(0);
    return type == null || g.type(n).equals(type) ? n : -1;
  }

  /**
   * The values of a small constant (scale, zero point), 4-bit types included; of an f8 constant only
   * zeros are read (an f8 zero point other than 0 gives null: the chain is left to the per-node path).
   */
  static double[] values(ConstantData data) {
    int n = Math.toIntExact(data.elementCount());
    ElementType t = data.elementType();
    if (f8(t)) {
      ByteBuffer b = data.bytes();
      for (int i = 0; i < n; i++) {
        if ((b.get(i) & 0x7F) != 0) {
          return null;
        }
      }
      return new double[n];
    }
    if (t == ElementType.U4 || t == ElementType.I4) {
      double[] v = new double[n];
      ByteBuffer b = data.bytes();
      for (int i = 0; i < n; i++) {
        v[i] = nibble(b, i, t == ElementType.I4);
      }
      return v;
    }
    return org.ov2onnx.onnx.TensorBytes.decode(t, data.bytes(), n);
  }

  /** Element {@code i} of packed 4-bit data (low nibble first, as OpenVINO packs it). */
  static int nibble(ByteBuffer b, long i, boolean signed) {
    int value = (b.get((int) (i >> 1)) >> ((i & 1) == 0 ? 0 : 4)) & 0xF;
    return signed && value >= 8 ? value - 16 : value;
  }
}
