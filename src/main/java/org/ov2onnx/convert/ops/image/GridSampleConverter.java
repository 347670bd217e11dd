package org.ov2onnx.convert.ops.image;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * GridSample: ONNX GridSample with the same align_corners, mode and padding_mode. ONNX renamed
 * the modes at opset 20 (bilinear and bicubic became linear and cubic); the names follow the
 * target opset.
 */
@ConvertsOp(type = "GridSample", versions = 9, minOpset = 16, notes = "GridSample")
public final class GridSampleConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    String mode = node.stringAttr("mode");
    String padding = node.stringAttr("padding_mode");
    if (!padding.equals("zeros") && !padding.equals("border") && !padding.equals("reflection")) {
      throw node.error("unknown padding_mode '" + padding + "'");
    }
    boolean renamed = graph.opset() >= 20;
    String onnxMode = switch (mode) {
      case "bilinear" -> renamed ? "linear" : "bilinear";
      case "bicubic" -> renamed ? "cubic" : "bicubic";
      case "nearest" -> "nearest";
      default -> throw node.error("unknown mode '" + mode + "'");
    };
    graph.add(OnnxNode.op("GridSample").inputs(node.input(0), node.input(1)).outputs(node.output(0))
        .attr("align_corners", node.boolAttr("align_corners") ? 1L : 0L).attr("mode", onnxMode).attr("padding_mode", padding));
  }
}
