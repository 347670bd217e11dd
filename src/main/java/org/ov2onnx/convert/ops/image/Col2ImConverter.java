package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * Col2Im: sums sliding blocks {@code [N, C*kh*kw, L]} (or unbatched {@code [C*kh*kw, L]}) back
 * into an image {@code [N, C, H, W]}. From opset 18 it is ONNX Col2Im (pads as begin then end).
 * Below, with constant output_size and kernel_size: the target pixel of every (kernel position,
 * block) pair is computed here, blocks falling into padding go to one extra slot, and ScatterND
 * with reduction=add sums the values into {@code [H*W + 1, N, C]} zeros (opset 16).
 */
@ConvertsOp(type = "Col2Im", versions = 15, minOpset = 16,
    notes = "Col2Im (opset 18); ScatterND add with computed pixel indices below (constant output_size and kernel_size)")
public final class Col2ImConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long[] strides = node.intsAttr("strides");
    long[] dilations = node.intsAttr("dilations");
    long[] begin = node.intsAttr("pads_begin");
    long[] end = node.intsAttr("pads_end");
    boolean batched = Tensors.inputRank(node, 0) == 3;
    String data = batched ? node.input(0) : Tensors.unsqueeze(graph, node.input(0), 0);
    String image;
    if (graph.opset() >= 18) {
      image = graph.addOne(OnnxNode.op("Col2Im").inputs(data, Tensors.int64Input(node, graph, 1), Tensors.int64Input(node, graph, 2))
          .attr("strides", strides).attr("dilations", dilations).attr("pads", new long[] {begin[0], begin[1], end[0], end[1]}));
    } else {
      image = scatter(node, graph, data, strides, dilations, begin, end);
    }
    OnnxNode out = batched ? OnnxNode.op("Identity").inputs(image) : OnnxNode.op("Squeeze").inputs(image, graph.int64s(false, 0));
    graph.add(out.outputs(node.output(0)));
  }

  private static String scatter(NodeView node, GraphBuilder graph, String data, long[] strides, long[] dilations, long[] begin,
      long[] end) throws ConversionException {
    long[] size = node.constantInts(1);
    long[] kernel = node.constantInts(2);
    long[] blocks = new long[2];
    for (int d = 0; d < 2; d++) {
      blocks[d] = (size[d] + begin[d] + end[d] - (dilations[d] * (kernel[d] - 1) + 1)) / strides[d] + 1;
    }
    long h = size[0];
    long w = size[1];
    int kk = (int) (kernel[0] * kernel[1]);
    int l = (int) (blocks[0] * blocks[1]);
    long[] target = new long[kk * l];
    for (int ki = 0; ki < kernel[0]; ki++) {
      for (int kj = 0; kj < kernel[1]; kj++) {
        for (int by = 0; by < blocks[0]; by++) {
          for (int bx = 0; bx < blocks[1]; bx++) {
            long y = by * strides[0] - begin[0] + ki * dilations[0];
            long x = bx * strides[1] - begin[1] + kj * dilations[1];
            boolean inside = y >= 0 && y < h && x >= 0 && x < w;
            target[(int) ((ki * kernel[1] + kj) * l + by * blocks[1] + bx)] = inside ? y * w + x : h * w;
          }
        }
      }
    }
    String flat = graph.addOne(OnnxNode.op("Reshape").inputs(data, graph.int64s(false, 0, -1, (long) kk * l)));
    String rows = Tensors.transpose(graph, flat, 2, 0, 1);
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(flat));
    String nc = graph.addOne(OnnxNode.op("Slice").inputs(shape, graph.int64s(false, 0), graph.int64s(false, 2)));
    String canvasShape = graph.addOne(OnnxNode.op("Concat").inputs(graph.int64s(false, h * w + 1), nc).attr("axis", 0L));
    String zeros = graph.addOne(OnnxNode.op("ConstantOfShape").inputs(canvasShape)
        .attr("value", new OnnxNode.TensorAttr(node.inputType(0), new long[] {1}, new double[] {0})));
    String indices = graph.addOne(OnnxNode.op("Reshape").inputs(graph.int64s(false, target), graph.int64s(false, -1, 1)));
    String summed = graph.addOne(OnnxNode.op("ScatterND").inputs(zeros, indices, rows).attr("reduction", "add"));
    String pixels = graph.addOne(OnnxNode.op("Slice").inputs(summed, graph.int64s(false, 0), graph.int64s(false, h * w)));
    String planar = Tensors.transpose(graph, pixels, 1, 2, 0);
    return graph.addOne(OnnxNode.op("Reshape").inputs(planar, graph.int64s(false, 0, 0, h, w)));
  }
}
