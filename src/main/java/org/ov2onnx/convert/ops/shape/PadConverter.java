package org.ov2onnx.convert.ops.shape;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Pad v1 and v12. constant (with the optional pad_value), edge and reflect map to ONNX's modes;
 * symmetric (reflection that repeats the border) is built from reversing Slices and a Concat per
 * axis. Negative pads (v12) crop: the positive part is padded first, from the original data as
 * OpenVINO computes it, then a Slice removes the negative part.
 *
 * <p>Pads known only at run time (any version, all modes but symmetric) go to ONNX's Pad as its
 * pads input, begin and end concatenated. ONNX's Pad takes negative pads too, and ONNX Runtime
 * crops them before padding: for constant and edge that is OpenVINO's result (a constant pad does
 * not read the data; an edge pad reads the border element, which a crop at the other end leaves in
 * place). A reflection can reach into the part the other end crops, so reflect pads the positive
 * parts first and crops the negative ones after, with a Slice whose bounds are computed at run time.
 */
@ConvertsOp(type = "Pad", versions = {1, 12}, notes = "Pad; symmetric via Slice/Concat; negative pads via Slice; run-time pads (not symmetric) as Pad's input")
public final class PadConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String mode = node.stringAttr("pad_mode");
    if (!mode.equals("constant") && !mode.equals("edge") && !mode.equals("reflect") && !mode.equals("symmetric")) {
      throw node.error("unknown pad_mode '" + mode + "'");
    }
    String value = mode.equals("constant") && node.inputCount() > 3 ? node.input(3) : "";
    boolean constantPads = node.constantInput(1).isPresent() && node.constantInput(2).isPresent();
    if (!constantPads) {
      if (mode.equals("symmetric")) {
        throw node.error("needs constant pads for pad_mode 'symmetric' (built from Slices of known lengths)");
      }
      String pads = graph.addOne(OnnxNode.op("Concat")
          .inputs(Tensors.int64Input(node, graph, 1), Tensors.int64Input(node, graph, 2)).attr("axis", 0L));
      if (mode.equals("reflect")) {
        reflectThenCrop(node, graph, pads);
      } else {
        pad(graph, node.input(0), pads, value, mode, node.output(0));
      }
      return;
    }
    int rank = Tensors.inputRank(node, 0);
    long[] begin = node.constantInts(1);
    long[] end = node.constantInts(2);
    if (begin.length != rank || end.length != rank) {
      throw node.error("pads_begin and pads_end need one value per axis (rank " + rank + ")");
    }
    long[] grow = new long[2 * rank];
    boolean grows = false;
    boolean crops = false;
    for (int i = 0; i < rank; i++) {
      grow[i] = Math.max(0, begin[i]);
      grow[rank + i] = Math.max(0, end[i]);
      grows |= grow[i] > 0 || grow[rank + i] > 0;
      crops |= begin[i] < 0 || end[i] < 0;
    }
    String x = node.input(0);
    if (grows) {
      String out = crops ? null : node.output(0);
      x = mode.equals("symmetric") ? symmetric(graph, x, grow, out) : pad(graph, x, graph.int64s(false, grow), value, mode, out);
    }
    if (crops) {
      crop(graph, x, begin, end, node.output(0));
    } else if (!grows) {
      graph.add(OnnxNode.op("Identity").inputs(x).outputs(node.output(0)));
    }
  }

  /** Reflect with run-time pads as OpenVINO defines it: pad by the positive parts, then crop the negative ones. */
  private static void reflectThenCrop(NodeView node, GraphBuilder graph, String pads) throws ConversionException {
    int rank = Tensors.inputRank(node, 0);
    String zero = graph.int64s(true, 0);
    String grow = graph.addOne(OnnxNode.op("Max").inputs(pads, zero));
    String padded = pad(graph, node.input(0), grow, "", "reflect", null);
    String cut = graph.addOne(OnnxNode.op("Max").inputs(graph.addOne(OnnxNode.op("Neg").inputs(pads)), zero));
    String cutBegin = graph.addOne(OnnxNode.op("Slice").inputs(cut, graph.int64s(false, 0), graph.int64s(false, rank)));
    String cutEnd = graph.addOne(OnnxNode.op("Slice").inputs(cut, graph.int64s(false, rank), graph.int64s(false, 2L * rank)));
    String ends = graph.addOne(OnnxNode.op("Sub").inputs(graph.addOne(OnnxNode.op("Shape").inputs(padded)), cutEnd));
    long[] axes = new long[rank];
    java.util.Arrays.setAll(axes, a -> a);
    graph.add(OnnxNode.op("Slice").inputs(padded, cutBegin, ends, graph.int64s(false, axes)).outputs(node.output(0)));
  }

  private static String pad(GraphBuilder graph, String x, String pads, String value, String mode, String out)
      throws ConversionException {
    OnnxNode pad = OnnxNode.op("Pad").inputs(x, pads).attr("mode", mode);
    if (!value.isEmpty()) {
      pad.inputs(value);
    }
    return out == null ? graph.addOne(pad) : graph.addOne(pad.outputs(out));
  }

  /** Mirrors the first pads[a] and last pads[rank + a] elements of every axis a, border included. */
  private static String symmetric(GraphBuilder graph, String x, long[] pads, String out) throws ConversionException {
    int rank = pads.length / 2;
    int last = -1;
    for (int a = 0; a < rank; a++) {
      if (pads[a] > 0 || pads[rank + a] > 0) {
        last = a;
      }
    }
    for (int a = 0; a <= last; a++) {
      long before = pads[a];
      long after = pads[rank + a];
      if (before == 0 && after == 0) {
        continue;
      }
      String axis = graph.int64s(false, a);
      String step = graph.int64s(false, -1);
      java.util.List<String> parts = new java.util.ArrayList<>();
      if (before > 0) {
        parts.add(graph.addOne(OnnxNode.op("Slice")
            .inputs(x, graph.int64s(false, before - 1), graph.int64s(false, Tensors.START_REVERSED), axis, step)));
      }
      parts.add(x);
      if (after > 0) {
        parts.add(graph.addOne(OnnxNode.op("Slice")
            .inputs(x, graph.int64s(false, -1), graph.int64s(false, -after - 1), axis, step)));
      }
      OnnxNode concat = OnnxNode.op("Concat").inputs(parts).attr("axis", (long) a);
      x = a == last && out != null ? graph.addOne(concat.outputs(out)) : graph.addOne(concat);
    }
    return x;
  }

  private static void crop(GraphBuilder graph, String x, long[] begin, long[] end, String out)
      throws ConversionException {
    java.util.List<Long> axes = new java.util.ArrayList<>();
    java.util.List<Long> starts = new java.util.ArrayList<>();
    java.util.List<Long> ends = new java.util.ArrayList<>();
    for (int a = 0; a < begin.length; a++) {
      if (begin[a] < 0 || end[a] < 0) {
        axes.add((long) a);
        starts.add(Math.max(0, -begin[a]));
        ends.add(end[a] < 0 ? end[a] : Tensors.END);
      }
    }
    graph.add(OnnxNode.op("Slice")
        .inputs(x, graph.int64s(false, toArray(starts)), graph.int64s(false, toArray(ends)), graph.int64s(false, toArray(axes)))
        .outputs(out));
  }

  private static long[] toArray(java.util.List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
