package org.ov2onnx.convert.ops.detection;

import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * The prior-box table that PriorBox and PriorBoxClustered produce: row 0 holds [xmin, ymin, xmax,
 * ymax] of every prior (normalized by the image size), row 1 the variances. Both operations
 * depend only on two small integer inputs, the feature map's [H, W] and the image's [H, W], which
 * OpenVINO knows before inference whenever those shapes are static. The table is computed here in
 * f32, as OpenVINO computes it, and written as an initializer.
 */
final class PriorBoxes {
  private final float[] boxes;
  private int size;

  private PriorBoxes(int capacity) {
    boxes = new float[capacity];
  }

  /** [H, W] of the feature map (input 0) and of the image (input 1), which must be known. */
  static long[] sizes(NodeView node) throws ConversionException {
    long[] layer = node.constantInts(0);
    long[] image = node.constantInts(1);
    if (layer.length != 2 || image.length != 2) {
      throw node.error("needs 2-element feature map and image sizes");
    }
    return new long[] {layer[0], layer[1], image[0], image[1]};
  }

  /** The table's second dimension, 4 values per prior, from OpenVINO's static output shape. */
  static int channel(NodeView node) throws ConversionException {
    PartialShape out = node.outputShape(0);
    if (!out.isStatic() || out.rank() != 2) {
      throw node.error("needs a static output shape, got " + out);
    }
    return (int) out.dims().get(1).length();
  }

  static PriorBoxes of(int channel) {
    return new PriorBoxes(channel);
  }

  /** Appends one box, clamped to [0, 1] when {@code clip}. */
  void add(float xmin, float ymin, float xmax, float ymax, boolean clip, NodeView node) throws ConversionException {
    if (size + 4 > boxes.length) {
      throw node.error("gives more priors than its output shape holds");
    }
    boxes[size++] = clip ? Math.max(xmin, 0f) : xmin;
    boxes[size++] = clip ? Math.max(ymin, 0f) : ymin;
    boxes[size++] = clip ? Math.min(xmax, 1f) : xmax;
    boxes[size++] = clip ? Math.min(ymax, 1f) : ymax;
  }

  /** Emits the table (boxes, then variances: one value for all, or four per prior) as the node's output. */
  void emit(NodeView node, GraphBuilder graph, boolean clipAll, double[] variances) throws ConversionException {
    if (size != boxes.length) {
      throw node.error("gives " + size / 4 + " priors where its output shape holds " + boxes.length / 4);
    }
    double[] variance = variances.length == 0 ? new double[] {0.1} : variances;
    if (variance.length != 1 && variance.length != 4) {
      throw node.error("needs 0, 1 or 4 variances, got " + variance.length);
    }
    double[] table = new double[2 * size];
    for (int i = 0; i < size; i++) {
      float v = boxes[i];
      table[i] = clipAll ? Math.min(Math.max(v, 0f), 1f) : v;
      table[size + i] = (float) variance[variance.length == 1 ? 0 : i % 4];
    }
    String value = graph.constant(ElementType.F32, new long[] {2, size}, table);
    Detection.emit(node, graph, 0, value, ElementType.F32);
  }

  /** Float attributes as f32 values. */
  static float[] floats(NodeView node, String name) throws ConversionException {
    double[] d = node.attributes().containsKey(name) ? node.floatsAttr(name) : new double[0];
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }
}
