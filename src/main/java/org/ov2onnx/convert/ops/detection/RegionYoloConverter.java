package org.ov2onnx.convert.ops.detection;

import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * RegionYolo: the channels are R regions of K = coords + classes + 1 entries (x, y, the other
 * coordinates, objectness, class scores). x and y go through a sigmoid, the other coordinates stay.
 * do_softmax (YOLOv2, R = num): objectness through a sigmoid, the class scores through a softmax
 * over the classes, and axes axis..end_axis flattened. Without it (YOLOv3, R = the mask's length):
 * objectness and class scores through a sigmoid, shape kept. As ONNX: Reshape to [N, R, K, H·W],
 * Slice the entry groups, Sigmoid/Softmax, Concat, Reshape to the output shape. Needs static C, H, W.
 */
@ConvertsOp(type = "RegionYolo", versions = 1, minOpset = 13,
    notes = "Reshape/Slice/Sigmoid/Softmax/Concat/Reshape; static C, H, W")
public final class RegionYoloConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long coords = node.intAttr("coords");
    long classes = node.intAttr("classes");
    boolean softmax = node.boolAttr("do_softmax");
    long regions = softmax ? node.intAttr("num") : node.intsAttr("mask").length;
    long k = coords + classes + 1;
    long[] chw = Detection.staticChw(node, 0);
    long c = chw[0];
    long h = chw[1];
    long w = chw[2];
    if (coords < 2 || classes < 1 || regions < 1 || c != regions * k) {
      throw node.error("input channels " + c + " are not " + regions + " regions of " + coords + " coordinates, "
          + classes + " classes and objectness");
    }
    String x = graph.addOne(OnnxNode.op("Reshape").inputs(node.input(0), graph.int64s(false, 0, regions, k, h * w)));
    List<String> parts = new ArrayList<>();
    parts.add(graph.addOne(OnnxNode.op("Sigmoid").inputs(Detection.slice(graph, x, 2, 0, 2))));
    if (coords > 2) {
      parts.add(Detection.slice(graph, x, 2, 2, coords));
    }
    if (softmax) {
      parts.add(graph.addOne(OnnxNode.op("Sigmoid").inputs(Detection.slice(graph, x, 2, coords, coords + 1))));
      parts.add(graph.addOne(OnnxNode.op("Softmax").inputs(Detection.slice(graph, x, 2, coords + 1, k)).attr("axis", 2L)));
    } else {
      parts.add(graph.addOne(OnnxNode.op("Sigmoid").inputs(Detection.slice(graph, x, 2, coords, k))));
    }
    String joined = graph.addOne(OnnxNode.op("Concat").inputs(parts).attr("axis", 2L));
    long[] out = {0, c, h, w};
    if (softmax) {
      int axis = (int) (node.intAttr("axis") < 0 ? node.intAttr("axis") + 4 : node.intAttr("axis"));
      int end = (int) (node.intAttr("end_axis") < 0 ? node.intAttr("end_axis") + 4 : node.intAttr("end_axis"));
      if (axis < 1 || end < axis || end > 3) {
        throw node.error("flattening axes " + axis + ".." + end + " are not converted (axis 1 to 3 only)");
      }
      long[] dims = {0, c, h, w};
      List<Long> merged = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        if (i <= axis || i > end) {
          merged.add(dims[i]);
        } else {
          merged.set(merged.size() - 1, merged.get(merged.size() - 1) * dims[i]);
        }
      }
      out = merged.stream().mapToLong(Long::longValue).toArray();
    }
    graph.add(OnnxNode.op("Reshape").inputs(joined, graph.int64s(false, out)).outputs(node.output(0)));
  }
}
