package org.ov2onnx.convert.ops;

import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.convert.ops.activation.ActivationConverters;
import org.ov2onnx.convert.ops.conv.ConvConverters;
import org.ov2onnx.convert.ops.elementwise.ElementwiseConverters;
import org.ov2onnx.convert.ops.graph.GraphConverters;
import org.ov2onnx.convert.ops.indexing.IndexingConverters;
import org.ov2onnx.convert.ops.misc.MiscConverters;
import org.ov2onnx.convert.ops.normalization.NormalizationConverters;
import org.ov2onnx.convert.ops.pool.PoolConverters;
import org.ov2onnx.convert.ops.shape.ShapeConverters;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * The built-in converters: an explicit list (no class-path scanning), one family at a time. The
 * registry sorts them and fails on a duplicate (type, version).
 */
public final class BuiltInConverters {
  private BuiltInConverters() {}

  public static List<OpConverter> all() {
    List<OpConverter> all = new ArrayList<>();
    all.addAll(GraphConverters.all());
    all.addAll(ElementwiseConverters.all());
    all.addAll(ActivationConverters.all());
    all.addAll(ConvConverters.all());
    all.addAll(PoolConverters.all());
    all.addAll(org.ov2onnx.convert.ops.spatial.SpatialConverters.all());
    all.addAll(NormalizationConverters.all());
    all.addAll(ShapeConverters.all());
    all.addAll(IndexingConverters.all());
    all.addAll(MiscConverters.all());
    all.addAll(org.ov2onnx.convert.ops.control.ControlConverters.all());
    all.addAll(org.ov2onnx.convert.ops.quantization.QuantizationConverters.all());
    all.addAll(org.ov2onnx.convert.ops.recurrent.RecurrentConverters.all());
    all.addAll(org.ov2onnx.convert.ops.detection.DetectionConverters.all());
    all.addAll(org.ov2onnx.convert.ops.math.MathConverters.all());
    all.addAll(org.ov2onnx.convert.ops.sequence.SequenceConverters.all());
    all.addAll(org.ov2onnx.convert.ops.image.ImageConverters.all());
    all.addAll(org.ov2onnx.convert.ops.embedding.EmbeddingConverters.all());
    all.addAll(org.ov2onnx.convert.ops.signal.SignalConverters.all());
    all.addAll(org.ov2onnx.convert.ops.random.RandomConverters.all());
    return all;
  }
}
