package org.ov2onnx.convert.ops.normalization;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * BatchNormInference becomes ONNX BatchNormalization (inference mode). Version 1 takes (gamma,
 * beta, data, mean, variance); version 5 takes (data, gamma, beta, mean, variance).
 */
@ConvertsOp(type = "BatchNormInference", versions = {1, 5}, notes = "BatchNormalization")
public final class BatchNormInferenceConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean v1 = node.version() == 1;
    String data = node.input(v1 ? 2 : 0);
    String gamma = node.input(v1 ? 0 : 1);
    String beta = node.input(v1 ? 1 : 2);
    graph.add(
        OnnxNode.op("BatchNormalization")
            .inputs(data, gamma, beta, node.input(3), node.input(4))
            .outputs(node.output(0))
            .attr("epsilon", node.floatAttr("epsilon")));
  }
}
