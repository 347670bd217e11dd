package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.ops.TypeCarrier;

import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * StridedSlice with constant begin, end and strides, its five masks resolved at conversion time
 * into Slice, then Squeeze (shrink_axis_mask) and Unsqueeze (new_axis_mask).
 *
 * <p>Each entry i of begin/end/strides is, in this order of precedence: an ellipsis (it spans the
 * input axes that the other entries leave over), a new axis of length 1 (begin and end ignored), a
 * shrunk axis (the one element at begin, or at 0 under begin_mask, whatever the stride; removed from
 * the result), or a slice; a mask bit of 1 ignores begin[i] or end[i] (the whole extent in the
 * direction of the stride). Axes after the
 * last entry are kept whole. Masks shorter than begin count as zeros.
 */
@ConvertsOp(type = "StridedSlice", versions = 1, notes = "Slice + Squeeze + Unsqueeze; begin, end and strides must be constants")
public final class StridedSliceConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    for (int i = 1; i < node.inputCount(); i++) {
      if (node.constantInput(i).isEmpty()) {
        throw node.error("needs begin, end and strides as constants (input " + i + " is not)");
      }
    }
    long[] begin = node.constantInts(1);
    long[] end = node.constantInts(2);
    long[] strides = node.inputCount() > 3 ? node.constantInts(3) : ones(begin.length);
    if (end.length != begin.length || strides.length != begin.length) {
      throw node.error("begin, end and strides differ in length");
    }
    long[] beginMask = node.intsAttr("begin_mask");
    long[] endMask = node.intsAttr("end_mask");
    long[] newAxisMask = node.intsAttr("new_axis_mask");
    long[] shrinkMask = node.intsAttr("shrink_axis_mask");
    long[] ellipsisMask = node.intsAttr("ellipsis_mask");
    int rank = Tensors.inputRank(node, 0);

    int consumed = 0;
    int ellipses = 0;
    for (int i = 0; i < begin.length; i++) {
      if (set(ellipsisMask, i)) {
        ellipses++;
      } else if (!set(newAxisMask, i)) {
        consumed++;
      }
    }
    if (ellipses > 1) {
      throw node.error("ellipsis_mask marks more than one axis");
    }
    if (consumed > rank) {
      throw node.error("slices " + consumed + " axes of a rank-" + rank + " input");
    }
    List<long[]> slices = new ArrayList<>(); // {axis, start, end, step}
    List<Long> shrunk = new ArrayList<>();
    List<Long> added = new ArrayList<>();
    int in = 0;
    int out = 0;
    for (int i = 0; i < begin.length; i++) {
      long step = strides[i];
      if (step == 0) {
        throw node.error("stride " + i + " is 0");
      }
      if (set(ellipsisMask, i)) {
        int spanned = rank - consumed;
        in += spanned;
        out += spanned;
      } else if (set(newAxisMask, i)) {
        added.add((long) out++);
      } else if (set(shrinkMask, i)) {
        long start = set(beginMask, i) ? 0 : begin[i];
        slices.add(new long[] {in, start, start == -1 ? Tensors.END : start + 1, 1});
        shrunk.add((long) in++);
      } else {
        long start = set(beginMask, i) ? (step > 0 ? 0 : Tensors.END) : begin[i];
        long stop = set(endMask, i) ? (step > 0 ? Tensors.END : Tensors.START_REVERSED) : end[i];
        if (!(step == 1 && start == 0 && stop == Tensors.END)) {
          slices.add(new long[] {in, start, stop, step});
        }
        in++;
        out++;
      }
    }

    TypeCarrier.Carried carried = TypeCarrier.carry(node, graph, "Slice", 0, node.inputType(0));
    String x = carried.in(node.input(0));
    String result = carried.out(node.output(0));
    boolean squeeze = !shrunk.isEmpty();
    boolean unsqueeze = !added.isEmpty();
    if (!slices.isEmpty()) {
      long[][] columns = new long[4][slices.size()];
      for (int k = 0; k < slices.size(); k++) {
        for (int c = 0; c < 4; c++) {
          columns[c][k] = slices.get(k)[c];
        }
      }
      OnnxNode slice = OnnxNode.op("Slice").inputs(x, graph.int64s(false, columns[1]), graph.int64s(false, columns[2]),
          graph.int64s(false, columns[0]), graph.int64s(false, columns[3]));
      x = squeeze || unsqueeze ? graph.addOne(slice) : graph.addOne(slice.outputs(result));
    }
    if (squeeze) {
      OnnxNode s = OnnxNode.op("Squeeze").inputs(x, graph.int64s(false, toArray(shrunk)));
      x = unsqueeze ? graph.addOne(s) : graph.addOne(s.outputs(result));
    }
    if (unsqueeze) {
      x = graph.addOne(OnnxNode.op("Unsqueeze").inputs(x, graph.int64s(false, toArray(added))).outputs(result));
    }
    if (slices.isEmpty() && !squeeze && !unsqueeze) {
      graph.add(OnnxNode.op("Identity").inputs(x).outputs(result));
    }
    carried.done();
  }

  private static boolean set(long[] mask, int i) {
    return i < mask.length && mask[i] != 0;
  }

  private static long[] ones(int n) {
    long[] v = new long[n];
    java.util.Arrays.fill(v, 1);
    return v;
  }

  private static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
