package org.ov2onnx.convert.ops.signal;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.Dimension;

/**
 * STFT: ONNX STFT (onesided): frames of frame_size every frame_step, without padding, each times
 * the window, {@code frame_size / 2 + 1} bins. The real signal gets ONNX's trailing channel of 1
 * (and a batch of 1 when it is 1-D); a window shorter than the frame is zero-padded on both sides
 * (centred, the extra zero at the end), which needs static lengths; transpose_frames swaps the
 * frames and bins axes.
 */
@ConvertsOp(type = "STFT", versions = 15, minOpset = 17, notes = "STFT (onesided), + Transpose for transpose_frames")
public final class STFTConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    boolean oneSignal = Tensors.inputRank(node, 0) == 1;
    String signal = oneSignal ? Tensors.unsqueeze(graph, node.input(0), 0, 2) : Tensors.unsqueeze(graph, node.input(0), 2);
    String frame = graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.int64Input(node, graph, 2), graph.int64s(false)));
    String step = graph.addOne(OnnxNode.op("Reshape").inputs(Tensors.int64Input(node, graph, 3), graph.int64s(false)));
    String window = node.input(1);
    Dimension windowLength = node.inputShape(1).dims().get(0);
    var frameSize = node.constantInput(2);
    if (frameSize.isPresent() && windowLength.isStatic()) {
      long f = Tensors.constantScalar(node, 2);
      long missing = f - windowLength.length();
      if (missing > 0) {
        window = graph.addOne(OnnxNode.op("Pad").inputs(window, graph.int64s(false, missing / 2, missing - missing / 2)));
      }
    } else if (!windowLength.isStatic() || frameSize.isEmpty()) {
      throw node.error("needs a static window length and a constant frame_size (a shorter window is padded to the frame)");
    }
    String spectrum = graph.addOne(OnnxNode.op("STFT").inputs(signal, step, window, frame).attr("onesided", 1L));
    if (node.boolAttr("transpose_frames")) {
      spectrum = Tensors.transpose(graph, spectrum, 0, 2, 1, 3);
    }
    graph.add((oneSignal ? OnnxNode.op("Squeeze").inputs(spectrum, graph.int64s(false, 0)) : OnnxNode.op("Identity").inputs(spectrum))
        .outputs(node.output(0)));
  }
}
