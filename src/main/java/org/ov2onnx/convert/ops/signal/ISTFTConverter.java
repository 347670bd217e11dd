package org.ov2onnx.convert.ops.signal;

import org.ov2onnx.convert.ops.shape.Tensors;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * ISTFT-16 as OpenVINO computes it: each frame's one-sided spectrum [frame_size / 2 + 1, 2] is
 * inverted (an inverse real DFT, 1/N-scaled: one MatMul with a constant [2 * bins, N] matrix of
 * the Hermitian-extended cosines and sines), times the window (zero-padded to the frame,
 * centred), and the frames are overlap-added every frame_step (Col2Im, opset 18). The sum is
 * divided by the overlap-added squared window where that is not 0 (0 elsewhere), times
 * sqrt(frame_size) first when normalized. center drops frame_size / 2 samples at the start; the
 * output length is OpenVINO's (signal_length, or the full or centred length), zero-filled past
 * the signal. Needs constant frame_size and frame_step, a static number of frames and window
 * length, and a static output length.
 */
@ConvertsOp(type = "ISTFT", versions = 16, minOpset = 18,
    notes = "MatMul (inverse real DFT) × window, Col2Im overlap-add, ÷ overlap-added window²; f32; constant frame_size/frame_step, static frame count")
public final class ISTFTConverter implements OpConverter {
  /** The largest frame_size: its inverse-DFT matrix, 2 × (N/2 + 1) × N values, is then at most 64 MiB of f32. */
  static final long MAX_FRAME_SIZE = 4096;

  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    if (node.inputType(0) != ElementType.F32 || node.inputType(1) != ElementType.F32) {
      throw node.error("transforms " + node.inputType(0) + " data with a " + node.inputType(1)
          + " window; only f32 is supported (ONNX Runtime's Col2Im is f32)");
    }
    long n = Tensors.constantScalar(node, 2);
    long step = Tensors.constantScalar(node, 3);
    PartialShape shape = node.inputShape(0);
    int rank = Tensors.inputRank(node, 0);
    Dimension bins = shape.dims().get(rank - 3);
    Dimension frames = shape.dims().get(rank - 2);
    Dimension window = node.inputShape(1).dims().get(0);
    PartialShape outShape = node.outputShape(0);
    Dimension outLength = outShape.isRankDynamic() ? null : outShape.dims().get(outShape.rank() - 1);
    if (n < 1 || step < 1) {
      throw node.error("frame_size " + n + " and frame_step " + step + " must be positive");
    }
    if (!frames.isStatic() || !window.isStatic() || outLength == null || !outLength.isStatic()) {
      throw node.error("needs a static number of frames, window length and output length (the overlap-add is laid out"
          + " at conversion)");
    }
    long f = n / 2 + 1;
    if (n > MAX_FRAME_SIZE) {
      // the inverse DFT is a constant [2F, N] matrix: its size grows with the square of frame_size
      throw node.error("frame_size " + n + " needs an inverse-DFT matrix of " + 2 * f + " x " + n
          + " values; the conversion takes frame sizes up to " + MAX_FRAME_SIZE);
    }
    if (bins.isStatic() && bins.length() != f) {
      throw node.error("has " + bins.length() + " frequency bins for frame_size " + n + " (expected " + f + ")");
    }
    if (window.length() > n) {
      throw node.error("window of " + window.length() + " samples is longer than frame_size " + n);
    }
    long t = frames.length();
    long length = (t - 1) * step + n;
    long finalLength = outLength.length();

    String data = rank == 3 ? Tensors.unsqueeze(graph, node.input(0), 0) : node.input(0);
    // [B, bins, T, 2] → [B, T, 2 * bins] (real parts, then imaginary parts) → [B, T, N]
    String rows = graph.addOne(OnnxNode.op("Reshape")
        .inputs(Tensors.transpose(graph, data, 0, 2, 3, 1), graph.int64s(false, 0, t, 2 * f)));
    String frameSignals = graph.addOne(OnnxNode.op("MatMul").inputs(rows, inverseRealDft(graph, n, f)));
    String padded = node.input(1);
    long missing = n - window.length();
    if (missing > 0) {
      padded = graph.addOne(OnnxNode.op("Pad").inputs(padded, graph.int64s(false, missing / 2, missing - missing / 2)));
    }
    String windowed = graph.addOne(OnnxNode.op("Mul").inputs(frameSignals, padded));
    String sum = overlapAdd(graph, Tensors.transpose(graph, windowed, 0, 2, 1), n, step, length);
    sum = graph.addOne(OnnxNode.op("Reshape").inputs(sum, graph.int64s(false, 0, length)));
    if (node.boolAttr("normalized")) {
      sum = graph.addOne(OnnxNode.op("Mul").inputs(sum, graph.scalar(ElementType.F32, Math.sqrt(n))));
    }
    // the squared window, overlap-added over the same frames
    String squared = graph.addOne(OnnxNode.op("Mul").inputs(padded, padded));
    String columns = graph.addOne(OnnxNode.op("Expand").inputs(
        graph.addOne(OnnxNode.op("Reshape").inputs(squared, graph.int64s(false, 1, n, 1))), graph.int64s(false, 1, n, t)));
    String envelope = graph.addOne(OnnxNode.op("Reshape")
        .inputs(overlapAdd(graph, columns, n, step, length), graph.int64s(false, length)));
    String covered = graph.addOne(OnnxNode.op("Not").inputs(
        graph.addOne(OnnxNode.op("Equal").inputs(envelope, graph.scalar(ElementType.F32, 0)))));
    String divisor = graph.addOne(OnnxNode.op("Where").inputs(covered, envelope, graph.scalar(ElementType.F32, 1)));
    String quotient = graph.addOne(OnnxNode.op("Div").inputs(sum, divisor));
    String signal = graph.addOne(OnnxNode.op("Where").inputs(covered, quotient, graph.scalar(ElementType.F32, 0)));
    long margin = node.boolAttr("center") ? n / 2 : 0;
    long kept = Math.min(finalLength, length - margin);
    signal = graph.addOne(OnnxNode.op("Slice").inputs(signal, graph.int64s(false, margin), graph.int64s(false, margin + kept),
        graph.int64s(false, 1)));
    if (finalLength > kept) {
      signal = graph.addOne(OnnxNode.op("Pad").inputs(signal, graph.int64s(false, 0, 0, 0, finalLength - kept)));
    }
    graph.add((rank == 3 ? OnnxNode.op("Squeeze").inputs(signal, graph.int64s(false, 0)) : OnnxNode.op("Identity").inputs(signal))
        .outputs(node.output(0)));
  }

  /** Col2Im of [B, N, T] columns into [B, 1, 1, length]: frame t added at t * step. */
  private static String overlapAdd(GraphBuilder graph, String columns, long n, long step, long length) throws ConversionException {
    return graph.addOne(OnnxNode.op("Col2Im").inputs(columns, graph.int64s(false, 1, length), graph.int64s(false, 1, n))
        .attr("strides", new long[] {1, step}));
  }

  /**
   * The [2 * bins, N] matrix of the inverse real DFT of a one-sided spectrum: row k (real part)
   * c_k cos(2 pi k j / N) / N, row bins + k (imaginary part) -c_k sin(2 pi k j / N) / N, with c_k
   * = 1 for the DC bin and (N even) the Nyquist bin, whose imaginary parts drop out, and 2 for the
   * others (each stands for itself and its conjugate).
   */
  private static String inverseRealDft(GraphBuilder graph, long n, long f) throws ConversionException {
    double[] m = new double[Math.toIntExact(2 * f * n)];
    for (int k = 0; k < f; k++) {
      double c = k == 0 || (n % 2 == 0 && k == n / 2) ? 1 : 2;
      for (int j = 0; j < n; j++) {
        double angle = 2 * Math.PI * ((long) k * j % n) / n;
        m[(int) (k * n + j)] = c * Math.cos(angle) / n;
        m[(int) ((f + k) * n + j)] = -c * Math.sin(angle) / n;
      }
    }
    return graph.constant(ElementType.F32, new long[] {2 * f, n}, m);
  }
}
