package org.ov2onnx.convert.ops.shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;

/** Exact 1-D tensors to feed run-time shape inputs (lengths, axes, pads) in differential tests. */
final class ShapeTensors {
  private ShapeTensors() {}

  static Tensor of(ElementType type, long... values) {
    return of(type, new long[] {values.length}, values);
  }

  static Tensor of(ElementType type, long[] shape, long... values) {
    ByteBuffer bytes = TensorBytes.encode(type, Arrays.stream(values).asDoubleStream().toArray());
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    direct.put(bytes).flip();
    return Tensor.of(type, shape, direct);
  }
}
