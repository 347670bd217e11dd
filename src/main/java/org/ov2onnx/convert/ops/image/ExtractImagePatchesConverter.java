package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.PartialShape;

/**
 * ExtractImagePatches: {@code [N, C, H, W]} to {@code [N, sizes0 * sizes1 * C, rows, cols]}, the
 * depth ordered (patch row, patch column, channel). The source pixel of every (patch position,
 * output position) is computed here from sizes, strides, rates and auto_pad (valid, same_upper,
 * same_lower, which pads the extra pixel at the end or the start); pixels in the padding point at
 * one zero appended to the flattened image. One Gather then copies values exactly, for any
 * element type. H and W must be static.
 */
@ConvertsOp(type = "ExtractImagePatches", versions = 3, notes = "Gather with computed pixel indices, Transpose, Reshape (static H and W)")
public final class ExtractImagePatchesConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long[] sizes = node.intsAttr("sizes");
    long[] strides = node.intsAttr("strides");
    long[] rates = node.intsAttr("rates");
    String autoPad = node.stringAttr("auto_pad");
    PartialShape s = node.inputShape(0);
    if (s.isRankDynamic() || s.rank() != 4 || !s.dims().get(2).isStatic() || !s.dims().get(3).isStatic()) {
      throw node.error("needs a 4-D input with static H and W, got " + s);
    }
    long[] in = {s.dims().get(2).length(), s.dims().get(3).length()};
    long[] out = new long[2];
    long[] padBegin = new long[2];
    for (int d = 0; d < 2; d++) {
      long effective = (sizes[d] - 1) * rates[d] + 1;
      switch (autoPad) {
        case "valid" -> out[d] = in[d] < effective ? 0 : (in[d] - effective) / strides[d] + 1;
        case "same_upper", "same_lower" -> {
          out[d] = (in[d] + strides[d] - 1) / strides[d];
          long total = Math.max(0, (out[d] - 1) * strides[d] + effective - in[d]);
          padBegin[d] = autoPad.equals("same_upper") ? total / 2 : total - total / 2;
        }
        default -> throw node.error("unknown auto_pad '" + autoPad + "'");
      }
    }
    long pixels = in[0] * in[1];
    int patch = (int) (sizes[0] * sizes[1]);
    int positions = (int) (out[0] * out[1]);
    long[] source = new long[patch * positions];
    for (int i = 0; i < sizes[0]; i++) {
      for (int j = 0; j < sizes[1]; j++) {
        for (int r = 0; r < out[0]; r++) {
          for (int c = 0; c < out[1]; c++) {
            long y = r * strides[0] + i * rates[0] - padBegin[0];
            long x = c * strides[1] + j * rates[1] - padBegin[1];
            boolean inside = y >= 0 && y < in[0] && x >= 0 && x < in[1];
            source[(int) ((i * sizes[1] + j) * positions + r * out[1] + c)] = inside ? y * in[1] + x : pixels;
          }
        }
      }
    }
    String flat = graph.addOne(OnnxNode.op("Reshape").inputs(node.input(0), graph.int64s(false, 0, 0, pixels)));
    String withZero = graph.addOne(OnnxNode.op("Pad").inputs(flat, graph.int64s(false, 0, 0, 0, 0, 0, 1)));
    String indices = graph.addOne(OnnxNode.op("Reshape").inputs(graph.int64s(false, source), graph.int64s(false, patch, positions)));
    String gathered = graph.addOne(OnnxNode.op("Gather").inputs(withZero, indices).attr("axis", 2L));
    String moved = Tensors.transpose(graph, gathered, 0, 2, 1, 3);
    graph.add(OnnxNode.op("Reshape").inputs(moved, graph.int64s(false, 0, -1, out[0], out[1])).outputs(node.output(0)));
  }
}
